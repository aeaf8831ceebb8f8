import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MODERATION_EVENT, SUBMISSION } from '../constants';
import { FORMER_PARTICIPANT, type Moderator } from './lifecycle';

const USER = 'plugin::users-permissions.user';
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

  return {
    /** Hub accounts whose e-mail address contains `email` (at most 20). */
    async find(email: unknown) {
      if (typeof email !== 'string' || email.trim().length < 3) throw new errors.ValidationError('Give at least 3 characters of the e-mail address.');
      return strapi.db.query(USER).findMany({ where: { email: { $containsi: email.trim() } }, select: ['id', 'email', 'displayName', 'organisation'], limit: 20, orderBy: { email: 'asc' } });
    },

    /** Everything held about one Hub account: the account, their submissions in every state, the log of what they did. */
    async export(userId: unknown) {
      const person = await account(userId);
      const submissions = await ownSubmissions(person.id);
      const events = await strapi.db.query(MODERATION_EVENT).findMany({ where: { actorKind: 'author', actorId: person.id }, orderBy: { occurredAt: 'asc' } });
      return { exportedAt: new Date().toISOString(), account: person, submissions, events };
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
      const lifecycle = strapi.plugin('moderation').service('lifecycle');
      const outcome = { anonymised: 0, erased: 0 };
      for (const submission of await ownSubmissions(person.id)) {
        outcome[(await lifecycle.forgetAuthor(submission.documentId, actor)) as 'anonymised' | 'erased'] += 1;
      }
      const logEntries = await strapi.plugin('moderation').service('events').forgetAuthorName(person.id, FORMER_PARTICIPANT);
      await strapi.db.query(USER).delete({ where: { id: person.id } });
      strapi.log.info(`privacy: Hub account ${person.id} erased on request (${outcome.anonymised} published submission(s) anonymised, ${outcome.erased} removed)`);
      return { account: person.id, ...outcome, logEntries };
    },
  };
};
