import type { Core } from '@strapi/strapi';
import { MODERATION_EVENT } from '../constants';
import type { Actor, ModerationState } from './lifecycle';

export type ModerationEvent = {
  action: 'submitted' | 'approved' | 'rejected' | 'retracted' | 'withdrawn' | 'replied' | 'redacted' | 'translated' | 'anonymised' | 'erased';
  submissionDocumentId: string;
  regionCode?: string | null;
  fromState?: ModerationState | null;
  toState?: ModerationState | null;
  reason?: string | null;
  /** What changed, without the removed text itself (a redaction removes personal data). */
  details?: Record<string, unknown> | null;
};

/**
 * The append-only moderation log. There is no update or delete, but one: an author erased on
 * request loses their name in it (the events themselves stay).
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

  forSubmission(submissionDocumentId: string) {
    return strapi.db.query(MODERATION_EVENT).findMany({
      where: { submissionDocumentId },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    });
  },
});
