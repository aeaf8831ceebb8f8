import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { REGIONS } from '../../../../../reference/gcm';
import { requireText } from '../required-text';
import type { Moderator } from './lifecycle';
import type { RegionScope } from './scope';

const QUESTION = 'api::guiding-question.guiding-question';
const FEEDBACK = 'plugin::moderation.question-feedback';

type QuestionRow = {
  documentId: string;
  position: number;
  text: string;
  sharedForFeedback: boolean;
  /** Other regions whose moderators are asked too: a question the secretariat means for several reviews. */
  feedbackRegions: string[] | null;
  phase: { documentId: string; title: string; region: { code: string } | null } | null;
};

const TEXT_MIN = 10;
const TEXT_MAX = 2000;

/** The regions besides its own whose moderators see a shared draft; unknown codes are refused. */
function otherRegions(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const known = REGIONS.map((r) => r.code as string);
  if (!Array.isArray(value) || value.some((code) => !known.includes(code))) throw new errors.ValidationError(`regions must list region codes: ${known.join(', ')}.`);
  return [...new Set(value as string[])];
}

/** The regions of the scope from which a moderator reaches a question, its own first. */
const reachOf = (scope: RegionScope, question: QuestionRow): string[] => {
  const regions = [question.phase?.region?.code, ...(question.feedbackRegions ?? [])].filter((c): c is string => Boolean(c));
  return scope === 'all' ? regions : regions.filter((code) => scope.includes(code));
};


/**
 * Drafting guiding questions with regional colleagues: the secretariat drafts a question in a
 * phase and shares it for feedback; the moderators of its region read it and leave feedback, which
 * stays with the question after the secretariat posts (publishes) it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Draft questions (in English, the drafting language): those shared for feedback with a region
   * of the scope, or every draft for the secretariat. Shared drafts are few: which regions reach
   * one (its own and those asked too) is read here rather than in the query.
   */
  const drafts = async (scope: RegionScope, { documentId, unshared = false }: { documentId?: string; unshared?: boolean } = {}) =>
    (
      (await strapi.db.query(QUESTION).findMany({
        where: { publishedAt: null, locale: 'en', ...(unshared ? {} : { sharedForFeedback: true }), ...(documentId ? { documentId } : {}) },
        select: ['documentId', 'position', 'text', 'sharedForFeedback', 'feedbackRegions'],
        populate: { phase: { select: ['documentId', 'title'], populate: { region: { select: ['code'] } } } },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      })) as QuestionRow[]
    ).filter((q) => scope === 'all' || reachOf(scope, q).length > 0);
  const shared = (scope: RegionScope, documentId?: string) => drafts(scope, { documentId });

  /** A draft question of the regions one drafts for, not posted yet; else 404 or 409. */
  async function draftNamed(scope: RegionScope, documentId: string) {
    const [question] = await drafts('all', { documentId, unshared: true });
    if (!question) throw new errors.NotFoundError(`No draft guiding question ${documentId}.`);
    strapi.plugin('moderation').service('scope').assertInScope(scope, question.phase?.region?.code);
    if (await strapi.db.query(QUESTION).count({ where: { documentId, publishedAt: { $notNull: true } } })) {
      throw createHttpError(409, 'This question is posted already; change it in the Content Manager.', { details: { code: 'notInState', values: { state: 'posted' } } });
    }
    return question;
  }

  return {
    /** `drafting`: the secretariat's view, which holds the drafts not shared yet too. */
    async list(scope: RegionScope, { drafting = false }: { drafting?: boolean } = {}) {
      const questions = await drafts(scope, { unshared: drafting });
      const ids = questions.map((q) => q.documentId);
      const [feedback, posted] = await Promise.all([
        strapi.db.query(FEEDBACK).findMany({ where: { questionDocumentId: { $in: ids } }, select: ['id', 'questionDocumentId', 'regionCode', 'body', 'authorName', 'createdAt'], orderBy: { createdAt: 'asc' } }),
        strapi.db.query(QUESTION).findMany({ where: { documentId: { $in: ids }, publishedAt: { $notNull: true } }, select: ['documentId'] }),
      ]);
      const isPosted = new Set(posted.map((q: { documentId: string }) => q.documentId));
      return (
        questions
          // Posted questions that were never shared have nothing to draft or discuss any more.
          .filter((q) => q.sharedForFeedback || !isPosted.has(q.documentId))
          .map((q) => ({
            ...q,
            sharedForFeedback: Boolean(q.sharedForFeedback),
            feedbackRegions: q.feedbackRegions ?? [],
            posted: isPosted.has(q.documentId),
            feedback: feedback.filter((f: { questionDocumentId: string }) => f.questionDocumentId === q.documentId),
          }))
      );
    },

    /**
     * A new draft question at the end of its phase's list, shared for feedback unless `share` is
     * false, with the moderators of its region and of the `regions` asked too.
     */
    async draft(scope: RegionScope, input: { phase?: unknown; text?: unknown; share?: unknown; regions?: unknown }) {
      const text = requireText(input.text, 'The question', TEXT_MAX, TEXT_MIN);
      const feedbackRegions = otherRegions(input.regions);
      if (typeof input.phase !== 'string') throw new errors.ValidationError('phase must be the documentId of a phase.');
      const phase = await strapi.documents('api::phase.phase').findOne({ documentId: input.phase, fields: ['title'], populate: { region: { fields: ['code'] } } });
      if (!phase) throw new errors.ValidationError(`phase ${input.phase} is not a phase.`);
      strapi.plugin('moderation').service('scope').assertInScope(scope, (phase as { region?: { code: string } | null }).region?.code);
      if (input.share !== undefined && typeof input.share !== 'boolean') throw new errors.ValidationError('share must be true or false.');
      const last = (await strapi.db.query(QUESTION).findOne({ where: { phase: { documentId: input.phase } }, select: ['position'], orderBy: { position: 'desc' } })) as { position: number } | null;
      const created = await strapi.documents(QUESTION).create({
        locale: 'en',
        data: { phase: input.phase, text, position: (last?.position ?? 0) + 1, sharedForFeedback: input.share !== false, feedbackRegions } as never,
      });
      return (await drafts('all', { documentId: created.documentId, unshared: true }))[0];
    },

    /** Shares a draft for feedback (with other regions too, when `regions` says so), or stops sharing it; feedback already given stays. */
    async share(scope: RegionScope, documentId: string, shared: unknown, regions?: unknown) {
      if (typeof shared !== 'boolean') throw new errors.ValidationError('shared must be true or false.');
      const feedbackRegions = regions === undefined ? undefined : otherRegions(regions);
      await draftNamed(scope, documentId);
      await strapi.documents(QUESTION).update({ documentId, locale: 'en', data: { sharedForFeedback: shared, ...(feedbackRegions ? { feedbackRegions } : {}) } as never });
      return (await drafts('all', { documentId, unshared: true }))[0];
    },

    /** Posts a draft in its space: published, the Hub shows it and stakeholders answer it. */
    async post(scope: RegionScope, documentId: string) {
      await draftNamed(scope, documentId);
      await strapi.documents(QUESTION).publish({ documentId, locale: 'en' });
      return { documentId, posted: true };
    },

    async comment(moderator: Moderator, documentId: string, body: unknown) {
      const text = requireText(body, 'The feedback', 4000);
      const [question] = await shared('all', documentId);
      if (!question) throw new errors.NotFoundError(`No guiding question ${documentId} is shared for feedback.`);
      const [from] = reachOf(moderator.scope, question);
      // Out of reach: the refusal names the question's own region, as for a submission.
      if (!from) strapi.plugin('moderation').service('scope').assertInScope(moderator.scope, question.phase?.region?.code);
      return strapi.db.query(FEEDBACK).create({
        data: { questionDocumentId: documentId, regionCode: from, body: text, author: moderator.id, authorName: moderator.name },
      });
    },
  };
};
