import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MODERATION_EVENT, SUBMISSION } from '../constants';
import { FORMER_PARTICIPANT, type Moderator } from './lifecycle';

const USER = 'plugin::users-permissions.user';
const SUMMARY = 'api::summary.summary';
const ACCOUNT_FIELDS = ['id', 'username', 'email', 'displayName', 'organisation', 'stakeholderCategory', 'country', 'confirmed', 'blocked', 'createdAt', 'updatedAt'];

type Account = { id: number; email: string; username: string; displayName?: string | null };

/**
 * A stakeholder's requests about their personal data, carried out by the secretariat: everything
 * held about them, as one JSON document; and erasure, in which their account goes, what they
 * posted and was never published goes, and what was published stays under no name.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function account(userId: unknown): Promise<Account & Record<string, unknown>> {
    const id = Number(userId);
    if (!Number.isInteger(id) || id < 1) throw new errors.ValidationError('The person id must be a whole number.');
    const found = await strapi.db.query(USER).findOne({ where: { id }, select: ACCOUNT_FIELDS, populate: { role: { select: ['name', 'type'] } } });
    if (!found) throw new errors.NotFoundError(`No Hub account ${id}.`);
    return found as Account & Record<string, unknown>;
  }

  const ownSubmissions = (userId: number) =>
    strapi.db.query(SUBMISSION).findMany({
      where: { author: { id: userId }, publishedAt: null },
      populate: { attachments: { select: ['name', 'mime', 'size'] }, links: true, translations: true, region: { select: ['code'] }, phase: { select: ['title'] }, guidingQuestion: { select: ['position', 'text'] } },
      orderBy: { createdAt: 'asc' },
    }) as Promise<({ documentId: string; moderationState: string } & Record<string, unknown>)[]>;

  /** Summaries not yet published that name the person: their name becomes "Former participant". */
  async function forgetInSummaryDrafts(names: string[]): Promise<number> {
    if (!names.length) return 0;
    const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
    // Whole words only: a short name must not eat into other words.
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    const drafts = (await strapi.db.query(SUMMARY).findMany({ where: { publishedAt: null }, select: ['documentId', 'title', 'body'] })) as { documentId: string; title: string; body?: string | null }[];
    let rewritten = 0;
    for (const draft of drafts) {
      const title = draft.title.replace(pattern, FORMER_PARTICIPANT);
      const body = (draft.body ?? '').replace(pattern, FORMER_PARTICIPANT);
      if (title === draft.title && body === (draft.body ?? '')) continue;
      await strapi.documents(SUMMARY).update({ documentId: draft.documentId, data: { title, body } as never });
      rewritten += 1;
    }
    return rewritten;
  }

  return {
    /** Hub accounts whose e-mail address contains `email` (at most 20). */
    async find(email: unknown) {
      if (typeof email !== 'string' || email.trim().length < 3) throw new errors.ValidationError('Give at least 3 characters of the e-mail address.');
      return strapi.db.query(USER).findMany({ where: { email: { $containsi: email.trim() } }, select: ['id', 'email', 'displayName', 'organisation'], limit: 20, orderBy: { email: 'asc' } });
    },

    /** Everything held about one Hub account: the account, their submissions in every state, the log of what they did, their sanctions and the e-mails kept for them. */
    async export(userId: unknown) {
      const person = await account(userId);
      const submissions = await ownSubmissions(person.id);
      const events = await strapi.db.query(MODERATION_EVENT).findMany({ where: { actorKind: 'author', actorId: person.id }, orderBy: { occurredAt: 'asc' } });
      const sanctions = await strapi.plugin('moderation').service('sanctions').forAuthor(person.id);
      const messages = await strapi.plugin('moderation').service('outbox').forRecipient({ type: 'author', id: person.id });
      return { exportedAt: new Date().toISOString(), account: person, submissions, events, sanctions, messages };
    },

    /**
     * Erases one Hub account. `confirm` must repeat its e-mail address. Every submission is
     * claimed like a moderation decision, so none is decided meanwhile.
     */
    async erase(userId: unknown, confirm: unknown, actor: Moderator) {
      const person = await account(userId);
      if (typeof confirm !== 'string' || confirm.trim().toLowerCase() !== person.email.toLowerCase()) {
        throw new errors.ValidationError('To erase this account, send its e-mail address as "confirm".');
      }
      // Blocked first: nothing posted while the erasure runs escapes it.
      await strapi.db.query(USER).update({ where: { id: person.id }, data: { blocked: true } });
      const lifecycle = strapi.plugin('moderation').service('lifecycle');
      const outcome = { anonymised: 0, erased: 0 };
      const submissions = await ownSubmissions(person.id);
      const names = new Set([person.displayName, person.email, ...submissions.map((s) => s.authorName as string | null)].filter((n): n is string => Boolean(n?.trim()) && n !== FORMER_PARTICIPANT));
      for (const submission of submissions) {
        outcome[(await lifecycle.forgetAuthor(submission.documentId, actor)) as 'anonymised' | 'erased'] += 1;
      }
      const summaryDrafts = await forgetInSummaryDrafts([...names]);
      const logEntries = await strapi.plugin('moderation').service('events').forgetAuthorName(person.id, FORMER_PARTICIPANT);
      await strapi.plugin('moderation').service('sanctions').forgetAuthor(person.id);
      await strapi.plugin('moderation').service('outbox').forgetRecipient({ type: 'author', id: person.id });
      await strapi.db.query(USER).delete({ where: { id: person.id } });
      strapi.log.info(`privacy: Hub account ${person.id} erased on request (${outcome.anonymised} published submission(s) anonymised, ${outcome.erased} removed, ${summaryDrafts} summary draft(s) rewritten)`);
      return { account: person.id, ...outcome, logEntries, summaryDrafts };
    },
  };
};
