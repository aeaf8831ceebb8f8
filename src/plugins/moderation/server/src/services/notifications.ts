import type { Core } from '@strapi/strapi';
import { HUB_USER, MODERATION_EVENT, REGION, SUBMISSION } from '../constants';
import type { ModerationConfig } from '../config';
import { plainText } from '../../../../../utils/text';
import type { RegionCode } from '../../../../../reference/gcm';
import { labelLanguage, REGION_LABELS, type LabelLanguage } from '../../../../../reference/gcm-labels';
import { formatEmail, formatEmailDate } from '../messages/emails';
import type { Composed, MessageKind, Recipient } from './outbox';

type Person = { email?: string | null; isActive?: boolean; blocked?: boolean };
/** An admin user; `preferedLanguage` (Strapi's spelling) is the admin locale they chose. */
type Moderator = Person & { preferedLanguage?: string | null };
type SubmissionForMail = {
  documentId: string;
  title: string;
  /** The language the author wrote in: theirs for the e-mails they get. */
  language?: string | null;
  decisionReason?: string | null;
  region?: { code: string; name: string } | null;
};
type Message = { kind: MessageKind; recipient_type: Recipient['type']; recipient_id: number; submission_document_id: string | null; payload: string | null };
type SanctionNews = { kind: 'warning' | 'suspension' | 'block' | 'lifted'; reason?: string | null; endsAt?: Date | string | null };

const DAY = 24 * 60 * 60 * 1000;
const DIGESTS = 'moderator_digests';

/**
 * The e-mails of moderation: authors hear of decisions, replies and sanctions, in the language of
 * their submission; moderators of new submissions (at once or in a daily digest), in their admin
 * language. A step adds its messages to the outbox (services/outbox.ts) in its own transaction;
 * each is composed here when it is sent, from what is stored then (an erased author gets nothing,
 * and no address or text waits in the outbox). The texts are in messages/emails.ts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = <K extends keyof ModerationConfig>(key: K) => strapi.plugin('moderation').config(key) as ModerationConfig[K];
  const outbox = () => strapi.plugin('moderation').service('outbox');

  const load = (documentId: string | null) =>
    documentId
      ? (strapi.db.query(SUBMISSION).findOne({
          where: { documentId, publishedAt: null },
          select: ['documentId', 'title', 'language', 'decisionReason'],
          populate: { region: { select: ['code', 'name'] } },
        }) as Promise<SubmissionForMail | null>)
      : Promise.resolve(null);

  const authorOf = async (documentId: string) =>
    ((await strapi.db.query(SUBMISSION).findOne({ where: { documentId, publishedAt: null }, select: ['id'], populate: { author: { select: ['id'] } } })) as { author?: { id: number } | null } | null)?.author?.id ?? null;

  const moderatorsOf = async (regionCode: string) =>
    ((await strapi.db.query(REGION).findOne({ where: { code: regionCode, publishedAt: { $notNull: true } }, select: ['id'], populate: { moderators: { select: ['id'] } } })) as { moderators?: { id: number }[] } | null)?.moderators ?? [];

  /** An address to write to, unless the person is gone, blocked or inactive. */
  async function recipient(message: Message): Promise<(Moderator & { email: string }) | null> {
    const person = (message.recipient_type === 'author'
      ? await strapi.db.query(HUB_USER).findOne({ where: { id: message.recipient_id }, select: ['email', 'blocked'] })
      : await strapi.db.query('admin::user').findOne({ where: { id: message.recipient_id }, select: ['email', 'isActive', 'blocked', 'preferedLanguage'] })) as Moderator | null;
    if (!person?.email || person.blocked || person.isActive === false) return null;
    return person as Moderator & { email: string };
  }

  /**
   * Claims the digest scheduled for `scheduledFor` (a primary key in `moderator_digests`, see
   * database/migrations) and answers where its window starts, or null when another instance
   * has claimed it already. In the caller's transaction: a digest that fails to be written is
   * not claimed.
   */
  async function claimDigest(trx: Core.Strapi['db']['connection'], scheduledFor: Date): Promise<Date | null> {
    const key = scheduledFor.toISOString();
    // Ours only if this insert wrote the row: one that conflicted returns nothing.
    const inserted = await trx(DIGESTS).insert({ scheduled_for: key, claimed_at: new Date() }).onConflict('scheduled_for').ignore().returning('scheduled_for');
    if (!inserted.length) return null;
    const previous = await trx(DIGESTS).where('scheduled_for', '<', key).max({ last: 'scheduled_for' }).first();
    const dayBefore = new Date(scheduledFor.getTime() - DAY);
    const last = previous?.last ? new Date(String(previous.last)) : null;
    return last && last > dayBefore ? last : dayBefore;
  }

  /** A region's name in the reader's language; as stored for a region the reference does not know. */
  const regionName = (region: { code: string; name: string }, language: LabelLanguage) => REGION_LABELS[language][region.code as RegionCode]?.name ?? region.name;

  const queueLink = (documentId?: string | null) => `${config('adminUrl')}/plugins/moderation${documentId ? `/submissions/${documentId}` : ''}`;

  /** The e-mail to an author about their submission, in its language. */
  function toAuthor(kind: MessageKind, submission: SubmissionForMail): { subject: string; text: string } {
    const language = labelLanguage(submission.language);
    const title = plainText(submission.title);
    switch (kind) {
      case 'approved':
        return { subject: formatEmail(language, 'approved.subject', {}), text: formatEmail(language, 'approved.body', { title }) };
      case 'returned':
        return { subject: formatEmail(language, 'returned.subject', {}), text: formatEmail(language, 'returned.body', { title, note: plainText(submission.decisionReason ?? '') }) };
      case 'rejected':
        // The reason goes as the moderator wrote it, untranslated.
        return { subject: formatEmail(language, 'rejected.subject', {}), text: formatEmail(language, 'rejected.body', { title, reason: plainText(submission.decisionReason ?? '') }) };
      default:
        return { subject: formatEmail(language, 'replied.subject', {}), text: formatEmail(language, 'replied.body', { title }) };
    }
  }

  function sanctionMail(language: LabelLanguage, sanction: SanctionNews) {
    const reason = plainText(sanction.reason ?? '');
    switch (sanction.kind) {
      case 'warning':
        return { subject: formatEmail(language, 'warned.subject', {}), text: formatEmail(language, 'warned.body', { message: reason }) };
      case 'suspension':
        return { subject: formatEmail(language, 'suspended.subject', {}), text: formatEmail(language, 'suspended.body', { reason, until: formatEmailDate(language, new Date(sanction.endsAt ?? Date.now())) }) };
      case 'block':
        return { subject: formatEmail(language, 'blocked.subject', {}), text: formatEmail(language, 'blocked.body', { reason }) };
      default:
        return { subject: formatEmail(language, 'lifted.subject', {}), text: formatEmail(language, 'lifted.body', {}) };
    }
  }

  return {
    /** The region's moderators are told of a new (or resubmitted) post, unless they take a daily digest. */
    async submitted(documentId: string, regionCode: string | null | undefined): Promise<void> {
      if (config('moderatorNotifications') !== 'immediate' || !regionCode) return;
      const moderators = await moderatorsOf(regionCode);
      await outbox().add(moderators.map((m) => ({ kind: 'submitted' as const, recipient: { type: 'moderator' as const, id: m.id }, submissionDocumentId: documentId })));
    },

    /** The author is told of a decision on their post, or of a reply to it. */
    async decided(documentId: string, kind: 'approved' | 'rejected' | 'returned' | 'replied'): Promise<void> {
      const author = await authorOf(documentId);
      if (author) await outbox().add([{ kind, recipient: { type: 'author', id: author }, submissionDocumentId: documentId }]);
    },

    /** The author is told of a warning, a suspension, a block or its lifting. */
    async sanctioned(authorId: number, sanction: SanctionNews): Promise<void> {
      await outbox().add([{ kind: 'sanction', recipient: { type: 'author', id: authorId }, payload: { kind: sanction.kind, reason: sanction.reason ?? null, endsAt: sanction.endsAt ?? null } }]);
    },

    /**
     * Composes a message of the outbox for sending, from what is stored now; null when there is
     * nobody to send it to or nothing left to say.
     */
    async compose(message: Message): Promise<Composed> {
      const to = await recipient(message);
      if (!to) return null;
      const payload = (message.payload ? JSON.parse(message.payload) : {}) as Record<string, unknown>;
      if (message.kind === 'sanction') {
        // An author has no language of their own: the one of their latest submission is theirs.
        const latest = (await strapi.db.query(SUBMISSION).findOne({ where: { author: { id: message.recipient_id }, publishedAt: null }, select: ['language'], orderBy: { createdAt: 'desc' } })) as { language?: string } | null;
        return { to: to.email, ...sanctionMail(labelLanguage(latest?.language), payload as SanctionNews) };
      }
      if (message.kind === 'digest') {
        const language = labelLanguage(to.preferedLanguage);
        const submissions = (await strapi.db.query(SUBMISSION).findMany({
          where: { documentId: { $in: (payload.documentIds as string[]) ?? [] }, publishedAt: null },
          select: ['title'],
          orderBy: { createdAt: 'asc' },
        })) as { title: string }[];
        const region = (await strapi.db.query(REGION).findOne({ where: { code: String(payload.regionCode) }, select: ['code', 'name'] })) as { code: string; name: string } | null;
        if (!submissions.length || !region) return null;
        // The titles are data, not text to translate: one list, the same in every language.
        const titles = submissions.map((s) => `  - ${plainText(s.title)}`).join('\n');
        const count = submissions.length;
        return {
          to: to.email,
          subject: formatEmail(language, 'digest.subject', { region: region.code, count }),
          text: formatEmail(language, 'digest.body', { regionName: regionName(region, language), count, titles, link: queueLink() }),
        };
      }
      const submission = await load(message.submission_document_id);
      if (!submission) return null;
      if (message.kind === 'submitted') {
        if (!submission.region) return null;
        const language = labelLanguage(to.preferedLanguage);
        const title = plainText(submission.title);
        return {
          to: to.email,
          subject: formatEmail(language, 'submitted.subject', { region: submission.region.code, title }),
          text: formatEmail(language, 'submitted.body', { regionName: regionName(submission.region, language), title, link: queueLink(submission.documentId) }),
        };
      }
      return { to: to.email, ...toAuthor(message.kind, submission) };
    },

    /**
     * One e-mail per moderator listing the submissions of their regions that arrived since the
     * previous digest (a day at most). Every instance runs this at the same scheduled time; the one
     * that claims that time writes the digests to the outbox, in the claim's transaction, so each
     * moderator gets the digest once, and a mail server that refuses only delays it.
     */
    async sendDigest(scheduledFor = new Date()): Promise<number> {
      return strapi.db.transaction(async ({ trx }) => {
        const since = await claimDigest(trx, scheduledFor);
        if (!since) return 0;
        const window = { $gt: since, $lte: scheduledFor };
        // A post its author sent back after edits waits again: it is news as much as a new one.
        const sentBack = (await strapi.db.query(MODERATION_EVENT).findMany({ where: { action: 'resubmitted', occurredAt: window }, select: ['submissionDocumentId'] })) as { submissionDocumentId: string }[];
        const fresh = (await strapi.db.query(SUBMISSION).findMany({
          where: { publishedAt: null, moderationState: 'pending', $or: [{ createdAt: window }, { documentId: { $in: sentBack.map((e) => e.submissionDocumentId) } }] },
          select: ['documentId'],
          populate: { region: { select: ['code'], populate: { moderators: { select: ['id'] } } } },
          orderBy: { createdAt: 'asc' },
        })) as { documentId: string; region?: { code: string; moderators?: { id: number }[] } | null }[];
        const byRegion = new Map<string, typeof fresh>();
        for (const submission of fresh) {
          if (submission.region) byRegion.set(submission.region.code, [...(byRegion.get(submission.region.code) ?? []), submission]);
        }
        const messages = [...byRegion].flatMap(([regionCode, submissions]) =>
          (submissions[0].region?.moderators ?? []).map((m) => ({
            kind: 'digest' as const,
            recipient: { type: 'moderator' as const, id: m.id },
            payload: { regionCode, documentIds: submissions.map((s) => s.documentId) },
          })),
        );
        await outbox().add(messages);
        return messages.length;
      });
    },
  };
};
