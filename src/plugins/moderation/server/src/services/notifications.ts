import type { Core } from '@strapi/strapi';
import { HUB_USER, MODERATION_EVENT, SUBMISSION } from '../constants';
import type { ModerationConfig } from '../config';
import { plainText } from '../../../../../utils/text';
import type { RegionCode } from '../../../../../reference/gcm';
import { labelLanguage, REGION_LABELS, type LabelLanguage } from '../../../../../reference/gcm-labels';
import { formatEmail, formatEmailDate } from '../messages/emails';

type Person = { email?: string | null; isActive?: boolean; blocked?: boolean };
/** An admin user; `preferedLanguage` (Strapi's spelling) is the admin locale they chose. */
type Moderator = Person & { preferedLanguage?: string | null };
type SubmissionForMail = {
  documentId: string;
  title: string;
  /** The language the author wrote in: theirs for the e-mails they get. */
  language?: string | null;
  decisionReason?: string | null;
  createdAt: string;
  author?: Person | null;
  region?: { code: string; name: string; moderators?: Moderator[] } | null;
};

const MODERATOR_FIELDS = ['email', 'isActive', 'preferedLanguage'];

const DAY = 24 * 60 * 60 * 1000;
const DIGESTS = 'moderator_digests';

/**
 * E-mails through Strapi's email plugin: authors hear of decisions and replies, in the language of
 * their submission; moderators of new submissions (at once or in a daily digest), in their admin
 * language. The texts are in messages/emails.ts. A failed e-mail is logged, never allowed to undo
 * the moderation step that caused it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = <K extends keyof ModerationConfig>(key: K) => strapi.plugin('moderation').config(key) as ModerationConfig[K];

  /** `compose` runs inside the try: a message that fails to format is logged like a failed send. */
  async function send(to: Person | null | undefined, compose: () => { subject: string; text: string }): Promise<void> {
    if (!to?.email || to.blocked || to.isActive === false) return;
    let subject = '';
    try {
      const mail = compose();
      subject = mail.subject;
      await strapi.plugin('email').service('email').send({ to: to.email, subject, text: mail.text });
    } catch (error) {
      strapi.log.warn(`moderation: an e-mail "${subject}" could not be sent: ${(error as Error).message}`);
    }
  }

  const load = (documentId: string) =>
    strapi.db.query(SUBMISSION).findOne({
      where: { documentId, publishedAt: null },
      populate: { author: { select: ['email', 'blocked'] }, region: { select: ['code', 'name'], populate: { moderators: { select: MODERATOR_FIELDS } } } },
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

  /** A region's name in the reader's language; as stored for a region the reference does not know. */
  const regionName = (region: { code: string; name: string }, language: LabelLanguage) => REGION_LABELS[language][region.code as RegionCode]?.name ?? region.name;

  const queueLink = (documentId?: string) => `${config('adminUrl')}/plugins/moderation${documentId ? `/submissions/${documentId}` : ''}`;

  return {
    async submitted(documentId: string): Promise<void> {
      if (config('moderatorNotifications') !== 'immediate') return;
      const submission = await load(documentId);
      if (!submission?.region) return;
      const { region } = submission;
      for (const moderator of region.moderators ?? []) {
        const language = labelLanguage(moderator.preferedLanguage);
        await send(moderator, () => ({
          subject: formatEmail(language, 'submitted.subject', { region: region.code, title: plainText(submission.title) }),
          text: formatEmail(language, 'submitted.body', { regionName: regionName(region, language), title: plainText(submission.title), link: queueLink(documentId) }),
        }));
      }
    },

    async decided(documentId: string, outcome: 'approved' | 'rejected' | 'returned'): Promise<void> {
      const submission = await load(documentId);
      if (!submission) return;
      const language = labelLanguage(submission.language);
      const title = plainText(submission.title);
      if (outcome === 'approved') {
        await send(submission.author, () => ({ subject: formatEmail(language, 'approved.subject', {}), text: formatEmail(language, 'approved.body', { title }) }));
      } else if (outcome === 'returned') {
        const note = plainText(submission.decisionReason ?? '');
        await send(submission.author, () => ({ subject: formatEmail(language, 'returned.subject', {}), text: formatEmail(language, 'returned.body', { title, note }) }));
      } else {
        // The reason goes as the moderator wrote it, untranslated.
        const reason = plainText(submission.decisionReason ?? '');
        await send(submission.author, () => ({ subject: formatEmail(language, 'rejected.subject', {}), text: formatEmail(language, 'rejected.body', { title, reason }) }));
      }
    },

    /**
     * Tells an author of a warning, a suspension, a block or its lifting, in the language of their
     * latest submission (a Hub account keeps no language of its own).
     */
    async sanctioned(authorId: number, sanction: { kind: 'warning' | 'suspension' | 'block' | 'lifted'; reason?: string | null; endsAt?: Date | null }): Promise<void> {
      let author: Person | null;
      let latest: { language?: string } | null;
      try {
        author = (await strapi.db.query(HUB_USER).findOne({ where: { id: authorId }, select: ['email', 'blocked'] })) as Person | null;
        latest = (await strapi.db.query(SUBMISSION).findOne({ where: { author: { id: authorId }, publishedAt: null }, select: ['language'], orderBy: { createdAt: 'desc' } })) as { language?: string } | null;
      } catch (error) {
        // The sanction is stored: failing to tell the author must not undo the answer.
        strapi.log.warn(`moderation: the author of a sanction could not be looked up to be told: ${(error as Error).message}`);
        return;
      }
      const language = labelLanguage(latest?.language);
      const reason = plainText(sanction.reason ?? '');
      await send(author, () => {
        switch (sanction.kind) {
          case 'warning':
            return { subject: formatEmail(language, 'warned.subject', {}), text: formatEmail(language, 'warned.body', { message: reason }) };
          case 'suspension':
            return { subject: formatEmail(language, 'suspended.subject', {}), text: formatEmail(language, 'suspended.body', { reason, until: formatEmailDate(language, sanction.endsAt ?? new Date()) }) };
          case 'block':
            return { subject: formatEmail(language, 'blocked.subject', {}), text: formatEmail(language, 'blocked.body', { reason }) };
          default:
            return { subject: formatEmail(language, 'lifted.subject', {}), text: formatEmail(language, 'lifted.body', {}) };
        }
      });
    },

    async replied(documentId: string): Promise<void> {
      const submission = await load(documentId);
      if (!submission) return;
      const language = labelLanguage(submission.language);
      await send(submission.author, () => ({ subject: formatEmail(language, 'replied.subject', {}), text: formatEmail(language, 'replied.body', { title: plainText(submission.title) }) }));
    },

    /**
     * One e-mail per moderator listing the submissions of their regions that arrived since the
     * previous digest (a day at most). Every instance runs this at the same scheduled time; only
     * the one that claims that time sends, so nobody gets a digest twice.
     */
    async sendDigest(scheduledFor = new Date()): Promise<number> {
      const since = await claimDigest(scheduledFor);
      if (!since) return 0;
      const window = { $gt: since, $lte: scheduledFor };
      // A post its author sent back after edits waits again: it is news as much as a new one.
      const sentBack = (await strapi.db.query(MODERATION_EVENT).findMany({ where: { action: 'resubmitted', occurredAt: window }, select: ['submissionDocumentId'] })) as { submissionDocumentId: string }[];
      const fresh = (await strapi.db.query(SUBMISSION).findMany({
        where: { publishedAt: null, moderationState: 'pending', $or: [{ createdAt: window }, { documentId: { $in: sentBack.map((e) => e.submissionDocumentId) } }] },
        populate: { region: { select: ['code', 'name'], populate: { moderators: { select: MODERATOR_FIELDS } } } },
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
        // The titles are data, not text to translate: one list, the same in every language.
        const titles = submissions.map((s) => `  - ${plainText(s.title)}`).join('\n');
        const count = submissions.length;
        for (const moderator of region.moderators ?? []) {
          const language = labelLanguage(moderator.preferedLanguage);
          await send(moderator, () => ({
            subject: formatEmail(language, 'digest.subject', { region: code, count }),
            text: formatEmail(language, 'digest.body', { regionName: regionName(region, language), count, titles, link: queueLink() }),
          }));
          sent += 1;
        }
      }
      return sent;
    },
  };
};
