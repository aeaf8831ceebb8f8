import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SUBMISSION } from '../constants';
import type { Moderator } from './lifecycle';

const TABLE = 'moderation_presence';
/** A page that has not said "still here" for this long is gone: its claim lapses by itself. */
export const PRESENCE_LAPSES_AFTER_MS = 3 * 60 * 1000;

export type Presence = { moderatorId: number; name: string; since: string };
type Row = { submission_document_id: string; moderator_id: number; moderator_name: string; since: string | Date; seen_at: string | Date };

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * Who has a pending submission open, kept in the database (database/migrations) so that every
 * instance sees the same: the workspace marks a submission while a moderator's page is open and in
 * use, and shows the others of the region who is on it, and since when.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.getConnection(TABLE);
  const freshSince = () => new Date(Date.now() - PRESENCE_LAPSES_AFTER_MS);

  async function leave(documentId: string, moderator: Pick<Moderator, 'id'>) {
    await table().where({ submission_document_id: documentId, moderator_id: moderator.id }).delete();
  }

  /** The others on each of these submissions, by submission, earliest first. */
  async function others(documentIds: string[], moderatorId: number): Promise<Record<string, Presence[]>> {
    if (!documentIds.length) return {};
    const rows = (await table()
      .whereIn('submission_document_id', documentIds)
      .andWhere('moderator_id', '<>', moderatorId)
      .andWhere('seen_at', '>=', freshSince())
      .orderBy('since', 'asc')) as Row[];
    const byDocument: Record<string, Presence[]> = {};
    for (const r of rows) (byDocument[r.submission_document_id] ??= []).push({ moderatorId: r.moderator_id, name: r.moderator_name, since: iso(r.since) });
    return byDocument;
  }

  return {
    leave,
    others,
    /**
     * Marks the moderator as on this submission while it is pending, and answers its state and the
     * others on it: the page learns from this of a decision made meanwhile by someone else.
     */
    async mark(documentId: string, moderator: Moderator) {
      const row = (await strapi.db.query(SUBMISSION).findOne({
        where: { documentId, publishedAt: null },
        select: ['moderationState', 'decidedAt'],
        populate: { region: { select: ['code'] }, decidedBy: { select: ['firstname', 'lastname', 'username'] } },
      })) as { moderationState: string; decidedAt: string | null; region?: { code: string } | null; decidedBy?: { firstname?: string; lastname?: string; username?: string } | null } | null;
      if (!row) throw new errors.NotFoundError(`No submission ${documentId}.`);
      strapi.plugin('moderation').service('scope').assertInScope(moderator.scope, row.region?.code);
      const now = new Date();
      await table().where('seen_at', '<', freshSince()).delete();
      if (row.moderationState === 'pending') {
        await table()
          .insert({ submission_document_id: documentId, moderator_id: moderator.id, moderator_name: moderator.name, since: now, seen_at: now })
          .onConflict(['submission_document_id', 'moderator_id'])
          .merge(['seen_at', 'moderator_name']);
      } else {
        await leave(documentId, moderator);
      }
      const decidedBy = row.decidedBy ? strapi.plugin('moderation').service('scope').displayName(row.decidedBy) : null;
      return { moderationState: row.moderationState, decidedAt: row.decidedAt, decidedBy, others: (await others([documentId], moderator.id))[documentId] ?? [] };
    },
  };
};
