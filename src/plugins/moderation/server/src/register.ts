import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MODERATOR_REPLY, MODERATION_EVENT, SUBMISSION } from './constants';
import { insideLifecycle } from './context';

const MODERATION_FIELDS = ['moderationState', 'decisionReason', 'decidedBy', 'decidedAt', 'screeningFlags', 'flagged'];
// A clone would copy the moderation state without the publication that goes with it.
const PUBLICATION_ACTIONS = ['publish', 'unpublish', 'discardDraft', 'clone'];

/**
 * Guards on the Document Service, which every writer goes through (Content Manager, content
 * API, scripts): a submission's publication and moderation fields change only inside the
 * lifecycle service, and the moderation log is never rewritten.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (context, next) => {
    if (context.uid === MODERATION_EVENT && ['update', 'delete', ...PUBLICATION_ACTIONS].includes(context.action)) {
      throw new errors.ApplicationError('The moderation log is append-only.');
    }
    if (insideLifecycle()) return next();
    if (context.uid === MODERATOR_REPLY && PUBLICATION_ACTIONS.includes(context.action)) {
      throw new errors.ApplicationError('A moderator reply is published with its submission, in Moderation.');
    }
    if (context.uid !== SUBMISSION) return next();

    if (PUBLICATION_ACTIONS.includes(context.action)) {
      throw new errors.ApplicationError('Submissions are approved, rejected and retracted in Moderation, where every decision is logged; they are not duplicated.');
    }
    if (context.action === 'create' || context.action === 'update') {
      const params = context.params as { documentId?: string; data?: Record<string, unknown>; status?: string };
      if (context.action === 'update' && params.documentId) {
        // Once decided, what the Hub reads (or read) changes only through logged moderation.
        const current = (await strapi.db.query(SUBMISSION).findOne({ where: { documentId: params.documentId, publishedAt: null }, select: ['moderationState'] })) as { moderationState: string } | null;
        if (current && current.moderationState !== 'pending') {
          throw new errors.ApplicationError(`This submission is ${current.moderationState}: it is changed only in Moderation (redaction, translation), where every change is logged.`);
        }
      }
      if (params.status === 'published') {
        throw new errors.ApplicationError('A submission is published by approving it in Moderation.');
      }
      const data = { ...(params.data ?? {}) };
      for (const field of MODERATION_FIELDS) delete data[field];
      if (context.action === 'create') data.moderationState = 'pending';
      params.data = data;
    }
    return next();
  });
};
