import type { Core } from '@strapi/strapi';
import { MODERATION_EVENT } from '../constants';
import type { Actor, ModerationState } from './lifecycle';

export type ModerationEvent = {
  action: 'submitted' | 'approved' | 'rejected' | 'retracted' | 'returned' | 'resubmitted' | 'withdrawn' | 'replied' | 'redacted' | 'translated' | 'anonymised' | 'erased';
  submissionDocumentId: string;
  regionCode?: string | null;
  fromState?: ModerationState | null;
  toState?: ModerationState | null;
  reason?: string | null;
  /** What changed: for a redaction without the removed text (it removes personal data); for a resubmission the version it replaced. */
  details?: Record<string, unknown> | null;
};

/**
 * The append-only moderation log. Entries are never deleted; two things are taken out of them:
 * an author erased on request loses their name, and the earlier versions a resubmission kept go
 * when the author is erased or a moderator redacts the submission.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  append(event: ModerationEvent, actor: Actor) {
    return strapi.db.query(MODERATION_EVENT).create({
      data: { ...event, actorKind: actor.kind, actorId: actor.id, actorName: actor.name, occurredAt: new Date() },
    });
  },

  async forgetAuthorName(userId: number, replacement: string): Promise<number> {
    const { count } = await strapi.db.query(MODERATION_EVENT).updateMany({ where: { actorKind: 'author', actorId: userId }, data: { actorName: replacement, actorId: null } });
    return count;
  },

  /** The versions a submission's resubmissions replaced: the entries stay, their text goes. */
  async forgetVersions(submissionDocumentId: string): Promise<number> {
    const { count } = await strapi.db.query(MODERATION_EVENT).updateMany({ where: { submissionDocumentId, action: 'resubmitted' }, data: { details: { previous: null, forgotten: true } } });
    return count;
  },

  forSubmission(submissionDocumentId: string) {
    return strapi.db.query(MODERATION_EVENT).findMany({
      where: { submissionDocumentId },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    });
  },
});
