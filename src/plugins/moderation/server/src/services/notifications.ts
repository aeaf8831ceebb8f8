import type { Core } from '@strapi/strapi';
import { SUBMISSION } from '../constants';
import type { ModerationConfig } from '../config';

type Person = { email?: string | null; isActive?: boolean; blocked?: boolean };
type SubmissionForMail = {
  documentId: string;
  title: string;
  decisionReason?: string | null;
  createdAt: string;
  author?: Person | null;
  region?: { code: string; name: string; moderators?: Person[] } | null;
};

const DAY = 24 * 60 * 60 * 1000;
const DIGESTS = 'moderator_digests';

/**
 * E-mails through Strapi's email plugin: authors hear of decisions and replies, moderators of
 * new submissions (at once or in a daily digest). A failed e-mail is logged, never allowed to
 * undo the moderation step that caused it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = <K extends keyof ModerationConfig>(key: K) => strapi.plugin('moderation').config(key) as ModerationConfig[K];

  async function send(to: Person | null | undefined, subject: string, text: string): Promise<void> {
    if (!to?.email || to.blocked || to.isActive === false) return;
    try {
      await strapi.plugin('email').service('email').send({ to: to.email, subject, text });
    } catch (error) {
      strapi.log.warn(`moderation: an e-mail "${subject}" could not be sent: ${(error as Error).message}`);
    }
  }

  const load = (documentId: string) =>
    strapi.db.query(SUBMISSION).findOne({
      where: { documentId, publishedAt: null },
      populate: { author: { select: ['email', 'blocked'] }, region: { select: ['code', 'name'], populate: { moderators: { select: ['email', 'isActive'] } } } },
    }) as Promise<SubmissionForMail | null>;

  /**
   * Claims the digest scheduled for `scheduledFor` (a primary key in `moderator_digests`, see
   * database/migrations) and answers where its window starts, or null when another instance
   * has claimed it already.
   */
  async function claimDigest(scheduledFor: Date): Promise<Date | null> {
    const digests = () => strapi.db.getConnection(DIGESTS);
    const key = scheduledFor.toISOString();
    try {
      await digests().insert({ scheduled_for: key, claimed_at: new Date() });
    } catch (error) {
      const code = String((error as { code?: unknown }).code);
      if (code === '23505' || code.startsWith('SQLITE_CONSTRAINT') || code === 'ER_DUP_ENTRY') return null;
      throw error;
    }
    const previous = await digests().where('scheduled_for', '<', key).max({ last: 'scheduled_for' }).first();
    const dayBefore = new Date(scheduledFor.getTime() - DAY);
    const last = previous?.last ? new Date(String(previous.last)) : null;
    return last && last > dayBefore ? last : dayBefore;
  }

  const queueLink = (documentId?: string) => `${config('adminUrl')}/plugins/moderation${documentId ? `/submissions/${documentId}` : ''}`;

  return {
    async submitted(documentId: string): Promise<void> {
      if (config('moderatorNotifications') !== 'immediate') return;
      const submission = await load(documentId);
      if (!submission?.region) return;
      for (const moderator of submission.region.moderators ?? []) {
        await send(
          moderator,
          `[${submission.region.code}] New submission waiting: ${submission.title}`,
          `A new submission waits for moderation in the ${submission.region.name} discussion space:\n\n  ${submission.title}\n\nOpen it: ${queueLink(documentId)}\n`,
        );
      }
    },

    async decided(documentId: string, outcome: 'approved' | 'rejected'): Promise<void> {
      const submission = await load(documentId);
      if (!submission) return;
      const text =
        outcome === 'approved'
          ? `Your submission "${submission.title}" was approved by a moderator and is now published in the discussion space.\n`
          : `Your submission "${submission.title}" was not approved by the moderators.\n\nReason: ${submission.decisionReason}\n\nYou can see it, with this reason, in your own list of submissions.\n`;
      await send(submission.author, outcome === 'approved' ? 'Your submission is published' : 'Your submission was not approved', text);
    },

    async replied(documentId: string): Promise<void> {
      const submission = await load(documentId);
      if (!submission) return;
      await send(submission.author, 'A moderator replied to your submission', `A moderator replied to your submission "${submission.title}". The reply is shown with your submission while it is published.\n`);
    },

    /**
     * One e-mail per moderator listing the submissions of their regions that arrived since the
     * previous digest (a day at most). Every instance runs this at the same scheduled time; only
     * the one that claims that time sends, so nobody gets a digest twice.
     */
    async sendDigest(scheduledFor = new Date()): Promise<number> {
      const since = await claimDigest(scheduledFor);
      if (!since) return 0;
      const fresh = (await strapi.db.query(SUBMISSION).findMany({
        where: { publishedAt: null, moderationState: 'pending', createdAt: { $gt: since, $lte: scheduledFor } },
        populate: { region: { select: ['code', 'name'], populate: { moderators: { select: ['email', 'isActive'] } } } },
        orderBy: { createdAt: 'asc' },
      })) as SubmissionForMail[];
      const byRegion = new Map<string, SubmissionForMail[]>();
      for (const submission of fresh) {
        if (!submission.region) continue;
        byRegion.set(submission.region.code, [...(byRegion.get(submission.region.code) ?? []), submission]);
      }
      let sent = 0;
      for (const [code, submissions] of byRegion) {
        const region = submissions[0].region!;
        const lines = submissions.map((s) => `  - ${s.title}`).join('\n');
        for (const moderator of region.moderators ?? []) {
          await send(moderator, `[${code}] ${submissions.length} new submission(s) waiting`, `New in the ${region.name} discussion space since yesterday:\n\n${lines}\n\nThe queue: ${queueLink()}\n`);
          sent += 1;
        }
      }
      return sent;
    },
  };
};
