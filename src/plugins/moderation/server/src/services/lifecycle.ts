import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { UN_LANGUAGES, type ModerationState } from '../../../../../reference/gcm';
import { MODERATION_EVENT, MODERATOR_REPLY, REASON_MAX, SUBMISSION } from '../constants';
import { asLifecycle } from '../context';
import { requireText } from '../required-text';
import type { RegionScope } from './scope';

export type { ModerationState };

export type Actor = {
  kind: 'moderator' | 'author' | 'system';
  /** Admin user id for moderators, users-permissions user id for authors. */
  id: number | null;
  name: string;
};

/** A moderator acting within the regions they moderate. */
export type Moderator = Actor & { kind: 'moderator'; id: number; scope: RegionScope };

/** What an erased author's published submissions are signed with. */
export const FORMER_PARTICIPANT = 'Former participant';

type SubmissionRow = {
  id: number;
  documentId: string;
  moderationState: ModerationState;
  title: string;
  region?: { code: string } | null;
  author?: { id: number } | null;
};

/**
 * The legal transitions. `published ⇔ approved` holds because approving is publishing and
 * leaving `approved` is unpublishing, both inside the transaction that changes the state.
 * A decision is taken on a pending submission only, so that of two moderators deciding at
 * once the second always learns of the first (409) instead of overriding it. Redaction,
 * translation and replies claim the row the same way, so none of them races a decision.
 */
const TRANSITIONS = {
  approve: { from: ['pending'], event: 'approved', tell: 'author' },
  reject: { from: ['pending'], event: 'rejected', tell: 'author' },
  retract: { from: ['approved'], event: 'retracted', tell: null },
  // Returned for edits: with its author, never published, back to pending when they send it again.
  return: { from: ['pending'], event: 'returned', tell: 'author' },
  resubmit: { from: ['returned'], event: 'resubmitted', tell: 'moderators' },
  withdraw: { from: ['pending', 'returned'], event: 'withdrawn', tell: null },
} as const satisfies Record<string, { from: readonly ModerationState[]; event: string; tell: 'author' | 'moderators' | null }>;
type Transition = keyof typeof TRANSITIONS;



export default ({ strapi }: { strapi: Core.Strapi }) => {
  const events = () => strapi.plugin('moderation').service('events');
  const scope = () => strapi.plugin('moderation').service('scope');
  const notifications = () => strapi.plugin('moderation').service('notifications');

  async function load(documentId: string): Promise<SubmissionRow> {
    const row = await strapi.db.query(SUBMISSION).findOne({
      where: { documentId, publishedAt: null },
      select: ['id', 'documentId', 'moderationState', 'title'],
      populate: { region: { select: ['code'] }, author: { select: ['id'] } },
    });
    if (!row) throw new errors.NotFoundError(`No submission ${documentId}.`);
    return row as SubmissionRow;
  }

  /**
   * Holds a submission in the state it was read in, for the rest of the transaction: the
   * conditional update locks the row, so an approval or retraction cannot slip in between.
   */
  async function claim(row: SubmissionRow): Promise<void> {
    const { count } = await strapi.db.query(SUBMISSION).updateMany({
      where: { documentId: row.documentId, publishedAt: null, moderationState: row.moderationState },
      data: { updatedAt: new Date() },
    });
    if (count !== 1) throw createHttpError(409, 'This submission was changed by someone else a moment ago; reload it.', { details: { code: 'changedMeanwhile' } });
  }

  async function setPublished(documentId: string, published: boolean): Promise<void> {
    const documents = strapi.documents(SUBMISSION);
    const replies = await strapi.documents(MODERATOR_REPLY).findMany({ filters: { submission: { documentId } }, status: 'draft', fields: ['documentId'] });
    if (published) {
      await documents.publish({ documentId });
      for (const reply of replies) await strapi.documents(MODERATOR_REPLY).publish({ documentId: reply.documentId });
    } else {
      for (const reply of replies) await strapi.documents(MODERATOR_REPLY).unpublish({ documentId: reply.documentId });
      await documents.unpublish({ documentId });
    }
  }

  /**
   * One transition, in one transaction: the state is claimed with a conditional update, so of
   * two moderators acting at once exactly one changes it and the other gets a 409.
   */
  async function transition(
    kind: Transition,
    documentId: string,
    actor: Actor,
    to: ModerationState,
    reason: string | null,
    check: (row: SubmissionRow) => void,
    /** A change made with the transition, in its transaction; answers the details the log keeps of it. */
    change?: (row: SubmissionRow) => Promise<Record<string, unknown>>,
  ) {
    const result = await asLifecycle(() =>
      strapi.db.transaction(async () => {
        const row = await load(documentId);
        check(row);
        const { from, event, tell } = TRANSITIONS[kind];
        if (!(from as readonly ModerationState[]).includes(row.moderationState)) {
          throw createHttpError(409, `This submission is ${row.moderationState}; only ${from.join(' or ')} submissions can be ${event}.`, { details: { code: 'notInState', values: { state: row.moderationState } } });
        }
        // A resubmitted post is undecided again: the note that returned it stays in the log.
        const decision = actor.kind === 'moderator' ? { decisionReason: reason, decidedAt: new Date() } : kind === 'resubmit' ? { decisionReason: null, decidedAt: null } : {};
        const { count } = await strapi.db.query(SUBMISSION).updateMany({
          where: { documentId, publishedAt: null, moderationState: row.moderationState },
          data: { moderationState: to, ...decision },
        });
        if (count !== 1) throw createHttpError(409, 'This submission was changed by someone else a moment ago; reload it.', { details: { code: 'changedMeanwhile' } });
        // A resubmitted post is nobody's decision yet.
        if (actor.kind === 'moderator' || kind === 'resubmit') {
          await strapi.db.query(SUBMISSION).update({ where: { id: row.id }, data: { decidedBy: actor.kind === 'moderator' ? actor.id : null } });
        }
        const details = change ? await change(row) : null;
        if (to === 'approved') await setPublished(documentId, true);
        if (row.moderationState === 'approved') await setPublished(documentId, false);
        await events().append({ action: event, submissionDocumentId: documentId, regionCode: row.region?.code, fromState: row.moderationState, toState: to, reason, details }, actor);
        // Told in the same transaction: the e-mail exists exactly when the step happened.
        if (tell === 'author') await notifications().decided(documentId, event as 'approved' | 'rejected' | 'returned');
        if (tell === 'moderators') await notifications().submitted(documentId, row.region?.code);
        return { ...row, moderationState: to };
      }),
    );
    return result;
  }

  const inScope = (moderator: Moderator) => (row: SubmissionRow) => scope().assertInScope(moderator.scope, row.region?.code);
  // Someone else's submission does not exist for an author.
  const ownedBy = (author: Actor, documentId: string) => (row: SubmissionRow) => {
    if (row.author?.id !== author.id) throw new errors.NotFoundError(`No submission ${documentId}.`);
  };

  /** What the author wrote, as the log keeps it when a new version replaces it. */
  async function versionOf(id: number) {
    const row = (await strapi.db.query(SUBMISSION).findOne({
      where: { id },
      select: ['kind', 'title', 'body', 'language', 'organisation', 'stakeholderCategory', 'countries'],
      populate: { links: true, gcmObjectives: { select: ['number'] }, guidingQuestion: { select: ['documentId'] }, replyTo: { select: ['documentId'] }, attachments: { select: ['name', 'mime', 'size'] }, translations: true },
    })) as Record<string, unknown> & {
      translations?: { language: string }[] | null;
      links?: { url: string; label?: string | null }[];
      gcmObjectives?: { number: number }[];
      guidingQuestion?: { documentId: string } | null;
      replyTo?: { documentId: string } | null;
      attachments?: { name: string; mime: string; size: number }[] | null;
    };
    const { links, gcmObjectives, guidingQuestion, replyTo, attachments, translations, ...fields } = row;
    return {
      ...fields,
      guidingQuestion: guidingQuestion?.documentId ?? null,
      replyTo: replyTo?.documentId ?? null,
      gcmObjectives: (gcmObjectives ?? []).map((o) => o.number).sort((a, b) => a - b),
      links: (links ?? []).map(({ url, label }) => ({ url, label: label ?? null })),
      attachments: (attachments ?? []).map(({ name, mime, size }) => ({ name, mime, size })),
      // Which translations it had; they are not carried over to the new version.
      translatedInto: (translations ?? []).map((t) => t.language),
    };
  }

  return {
    /**
     * Creates a pending draft for an author; the caller has validated `data`. `admit` runs first in
     * the same transaction (the posting limit), so that what it counts cannot change before the insert.
     */
    async submit(data: Record<string, unknown>, author: Actor, admit?: () => Promise<void>) {
      const created = await asLifecycle(() =>
        strapi.db.transaction(async () => {
          await admit?.();
          const submission = await strapi.documents(SUBMISSION).create({ data: { ...data, moderationState: 'pending' } as never, populate: ['region'] });
          await events().append(
            { action: 'submitted', submissionDocumentId: submission.documentId, regionCode: (submission as { region?: { code: string } }).region?.code, toState: 'pending' },
            author,
          );
          await notifications().submitted(submission.documentId, (submission as { region?: { code: string } }).region?.code);
          return submission;
        }),
      );
      return created;
    },

    approve(documentId: string, moderator: Moderator) {
      return transition('approve', documentId, moderator, 'approved', null, inScope(moderator));
    },

    async reject(documentId: string, moderator: Moderator, reason: unknown) {
      const text = requireText(reason, 'A reason for the rejection', REASON_MAX);
      return transition('reject', documentId, moderator, 'rejected', text, inScope(moderator));
    },

    /** Takes an approved submission down again: back to pending, or rejected. */
    async retract(documentId: string, moderator: Moderator, to: unknown, reason: unknown) {
      if (to !== 'pending' && to !== 'rejected') throw new errors.ValidationError('A retracted submission goes back to "pending" or "rejected".');
      const text = requireText(reason, 'A reason for the retraction', REASON_MAX);
      return transition('retract', documentId, moderator, to, text, inScope(moderator));
    },

    /** A moderator sends a pending post back to its author with a note saying what to change; it stays unpublished. */
    async returnForEdits(documentId: string, moderator: Moderator, note: unknown) {
      const text = requireText(note, 'A note telling the author what to change', REASON_MAX);
      return transition('return', documentId, moderator, 'returned', text, inScope(moderator));
    },

    /** The author takes back a submission nobody has decided on yet. */
    withdraw(documentId: string, author: Actor) {
      return transition('withdraw', documentId, author, 'withdrawn', null, ownedBy(author, documentId));
    },

    /**
     * The author sends their returned post back, changed, and it waits for a moderator again. The
     * log keeps the version it replaces, so every version stays readable to the moderators.
     * `data` is validated by the caller as a posting is.
     */
    async resubmit(documentId: string, author: Actor, data: Record<string, unknown>) {
      return transition('resubmit', documentId, author, 'pending', null, ownedBy(author, documentId), async (row) => {
        const previous = await versionOf(row.id);
        const version = (await strapi.db.query(MODERATION_EVENT).count({ where: { submissionDocumentId: documentId, action: 'resubmitted' } })) + 1;
        // Translations were of the words replaced (a name taken out would live on in them): they go.
        await strapi.documents(SUBMISSION).update({ documentId, data: { ...data, translations: [] } as never });
        return { version, previous };
      });
    },

    /**
     * A moderator removes personal data from a pending submission before approving it. The log
     * records which fields changed and by how much, never the removed text.
     */
    async redact(documentId: string, moderator: Moderator, changes: { title?: unknown; body?: unknown }) {
      const fields: Record<string, string> = {};
      if (changes.title !== undefined) fields.title = requireText(changes.title, 'The title', 200);
      if (changes.body !== undefined) fields.body = requireText(changes.body, 'The body', 20000);
      if (!Object.keys(fields).length) throw new errors.ValidationError('Send the redacted "title" or "body".');
      if (fields.title !== undefined && fields.title.length < 3) throw new errors.ValidationError('The title must keep at least 3 characters.');
      return asLifecycle(() =>
        strapi.db.transaction(async () => {
          const row = await load(documentId);
          inScope(moderator)(row);
          if (row.moderationState !== 'pending') throw createHttpError(409, `This submission is ${row.moderationState}; only pending submissions can be redacted.`, { details: { code: 'notInState', values: { state: row.moderationState } } });
          await claim(row);
          const current = (await strapi.db.query(SUBMISSION).findOne({ where: { id: row.id }, select: ['title', 'body', 'countries'], populate: { links: true } })) as {
            title: string;
            body: string;
            countries: string[] | null;
            links: { url: string }[] | null;
          };
          const next = { title: fields.title ?? current.title, body: fields.body ?? current.body };
          const screeningFlags = strapi.plugin('moderation').service('screening').screen({ ...next, countries: current.countries ?? [], links: current.links ?? [] });
          await strapi.documents(SUBMISSION).update({ documentId, data: { ...fields, screeningFlags, flagged: screeningFlags.length > 0 } as never });
          // What was redacted must not stay readable in the versions the log kept.
          await events().forgetVersions(documentId);
          const details = Object.fromEntries(Object.keys(fields).map((f) => [f, { charactersBefore: current[f as 'title' | 'body'].length, charactersAfter: fields[f].length }]));
          await events().append({ action: 'redacted', submissionDocumentId: documentId, regionCode: row.region?.code, fromState: 'pending', toState: 'pending', details }, moderator);
          return { ...row, ...next, screeningFlags };
        }),
      );
    },

    /** A moderator's translation into one UN language, replacing any earlier one; served with the submission once it is published. */
    async translate(documentId: string, moderator: Moderator, input: { language?: unknown; title?: unknown; body?: unknown }) {
      const language = input.language as string;
      if (!UN_LANGUAGES.some((l) => l.code === language)) throw new errors.ValidationError(`language must be one of ${UN_LANGUAGES.map((l) => l.code).join(', ')}.`);
      const body = requireText(input.body, 'The translated body', 20000);
      const title = input.title === undefined || input.title === '' ? null : requireText(input.title, 'The translated title', 200);
      return asLifecycle(() =>
        strapi.db.transaction(async () => {
          const row = await load(documentId);
          inScope(moderator)(row);
          if (row.moderationState !== 'pending' && row.moderationState !== 'approved') {
            throw createHttpError(409, `This submission is ${row.moderationState}; only pending or approved submissions are translated.`, { details: { code: 'notInState', values: { state: row.moderationState } } });
          }
          await claim(row);
          const draft = await strapi.documents(SUBMISSION).findOne({ documentId, status: 'draft', populate: { translations: true } });
          if ((draft as unknown as { language?: string }).language === language) throw new errors.ValidationError(`The submission is written in ${language}; a translation goes into another language.`);
          const others = ((draft as unknown as { translations?: { language: string; title?: string | null; body: string; translator?: string | null }[] }).translations ?? [])
            .filter((t) => t.language !== language)
            .map(({ language: l, title: t, body: b, translator }) => ({ language: l, title: t, body: b, translator }));
          const translations = [...others, { language, title, body, translator: moderator.name }];
          await strapi.documents(SUBMISSION).update({ documentId, data: { translations } as never });
          // An approved submission is republished so that the Hub serves the translation too.
          if (row.moderationState === 'approved') await strapi.documents(SUBMISSION).publish({ documentId });
          await events().append({ action: 'translated', submissionDocumentId: documentId, regionCode: row.region?.code, fromState: row.moderationState, toState: row.moderationState, details: { language } }, moderator);
          return { documentId, translations };
        }),
      );
    },

    /**
     * Its author asked to be forgotten. A published submission stays in the discussion under no
     * name (its words are part of the record); one that was never published goes, with its files.
     */
    async forgetAuthor(documentId: string, actor: Moderator): Promise<'anonymised' | 'erased'> {
      const { outcome, files } = await asLifecycle(() =>
        strapi.db.transaction(async () => {
          const row = await load(documentId);
          await claim(row);
          // Earlier versions are the author's words too: the log forgets them either way.
          await events().forgetVersions(documentId);
          if (row.moderationState === 'approved') {
            await strapi.documents(SUBMISSION).update({ documentId, data: { authorName: FORMER_PARTICIPANT, organisation: null, author: null } as never });
            await strapi.documents(SUBMISSION).publish({ documentId });
            await events().append({ action: 'anonymised', submissionDocumentId: documentId, regionCode: row.region?.code, fromState: 'approved', toState: 'approved' }, actor);
            return { outcome: 'anonymised' as const, files: [] };
          }
          const { attachments } = (await strapi.db.query(SUBMISSION).findOne({ where: { id: row.id }, populate: { attachments: true } })) as { attachments?: { id: number }[] | null };
          await strapi.documents(SUBMISSION).delete({ documentId });
          await events().append({ action: 'erased', submissionDocumentId: documentId, regionCode: row.region?.code, fromState: row.moderationState, toState: null }, actor);
          return { outcome: 'erased' as const, files: attachments ?? [] };
        }),
      );
      // Files go once the rows are gone for good: a file cannot be put back by a rollback.
      for (const file of files) await strapi.plugin('upload').service('upload').remove(file);
      return outcome;
    },

    /**
     * One decision on several submissions, each on its own: one refusal does not stop the others.
     * Pending ones are approved, rejected or returned; published ones retracted (`to` says where).
     */
    async bulk(action: unknown, documentIds: unknown, moderator: Moderator, reason?: unknown, to?: unknown) {
      const decisions: Record<string, (documentId: string) => Promise<unknown>> = {
        approve: (documentId) => this.approve(documentId, moderator),
        reject: (documentId) => this.reject(documentId, moderator, reason),
        return: (documentId) => this.returnForEdits(documentId, moderator, reason),
        retract: (documentId) => this.retract(documentId, moderator, to, reason),
      };
      const decide = typeof action === 'string' && Object.hasOwn(decisions, action) ? decisions[action] : null;
      if (!decide) throw new errors.ValidationError(`action must be one of ${Object.keys(decisions).map((a) => `"${a}"`).join(', ')}.`);
      if (!Array.isArray(documentIds) || !documentIds.length || documentIds.length > 100 || documentIds.some((id) => typeof id !== 'string')) {
        throw new errors.ValidationError('documentIds must list 1 to 100 submission ids.');
      }
      // Checked once, before anything is decided: an item cannot fail for what all of them lack.
      if (action !== 'approve') requireText(reason, action === 'return' ? 'A note telling the author what to change' : `A reason for the ${action === 'reject' ? 'rejection' : 'retraction'}`, REASON_MAX);
      if (action === 'retract' && to !== 'pending' && to !== 'rejected') throw new errors.ValidationError('A retracted submission goes back to "pending" or "rejected".');
      const results: { documentId: string; status: number; message?: string; details?: unknown }[] = [];
      for (const documentId of new Set(documentIds as string[])) {
        try {
          await decide(documentId);
          results.push({ documentId, status: 200 });
        } catch (error) {
          const e = error as { status?: number; name?: string; message: string; details?: unknown };
          const status = e.status ?? ({ NotFoundError: 404, PolicyError: 403, ValidationError: 400, ApplicationError: 400 } as Record<string, number>)[e.name ?? ''] ?? 500;
          if (status >= 500) strapi.log.error(`moderation: bulk ${action} of ${documentId} failed: ${e.message}`);
          // Earlier items are decided already: the answer must still say which.
          // The details carry a code the workspace translates; the message stays for API clients.
          results.push(status >= 500 ? { documentId, status, message: 'This one failed on the server; try it again on its own.', details: { code: 'failedAlone' } } : { documentId, status, message: e.message, details: e.details });
        }
      }
      return results;
    },

    /** A moderator's reply, published exactly while its submission is. */
    async reply(documentId: string, moderator: Moderator, body: unknown) {
      const text = requireText(body, 'The reply', 10000);
      const reply = await asLifecycle(() =>
        strapi.db.transaction(async () => {
          const row = await load(documentId);
          inScope(moderator)(row);
          if (row.moderationState === 'withdrawn') throw createHttpError(409, 'This submission was withdrawn by its author; it cannot be replied to.', { details: { code: 'withdrawnNoReply' } });
          await claim(row);
          const region = row.region?.code ? await strapi.documents('api::region.region').findFirst({ filters: { code: row.region.code as never }, fields: ['documentId'] }) : null;
          const created = await strapi.documents(MODERATOR_REPLY).create({
            data: { submission: documentId, body: text, moderatorName: moderator.name, region: region?.documentId } as never,
          });
          await strapi.db.query(MODERATOR_REPLY).update({ where: { id: created.id }, data: { moderator: moderator.id } });
          if (row.moderationState === 'approved') await strapi.documents(MODERATOR_REPLY).publish({ documentId: created.documentId });
          await events().append({ action: 'replied', submissionDocumentId: documentId, regionCode: row.region?.code, fromState: row.moderationState, toState: row.moderationState }, moderator);
          await notifications().decided(documentId, 'replied');
          return created;
        }),
      );
      return reply;
    },
  };
};
