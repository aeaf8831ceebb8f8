import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { randomUUID } from 'node:crypto';
import { HUB_USER, SUBMISSION } from '../constants';
import type { ModerationConfig } from '../config';

const TABLE = 'moderation_outbox';

/** What happened, which says which e-mail to compose (services/notifications.ts). */
export type MessageKind = 'submitted' | 'approved' | 'rejected' | 'returned' | 'replied' | 'sanction' | 'digest';
export type Recipient = { type: 'author' | 'moderator'; id: number };
export type OutgoingMessage = { kind: MessageKind; recipient: Recipient; submissionDocumentId?: string | null; payload?: Record<string, unknown> };
/** A message waits (to be sent, perhaps again), was sent, failed for good, or was dropped (nobody to send it to, or dismissed). */
export type MessageState = 'waiting' | 'sent' | 'failed' | 'dropped';
/** An e-mail composed at the moment of sending; null when there is nobody to send it to. */
export type Composed = { to: string; subject: string; text: string } | null;

type Row = {
  id: number;
  kind: MessageKind;
  recipient_type: Recipient['type'];
  recipient_id: number;
  submission_document_id: string | null;
  payload: string | null;
  state: MessageState;
  attempts: number;
  next_attempt_at: string | number | Date;
  last_error: string | null;
  created_at: string | number | Date;
  sent_at: string | number | Date | null;
};

/**
 * How long a claim on a message holds: longer than any send takes (the SMTP transport gives up
 * within two minutes, config/plugins.ts), so that two instances never send it at once.
 */
const LEASE_MS = 5 * 60 * 1000;
/** Messages looked at per query, and sent at once. */
const BATCH = 20;
const SENDING_AT_ONCE = 4;
/** Sent and dropped messages are kept this long (for the secretariat's counts), then deleted. */
const KEEP_DONE_MS = 7 * 24 * 60 * 60 * 1000;
/** A message that failed this many times is shown to the secretariat while it is still being retried. */
export const FAILING_AFTER_ATTEMPTS = 3;

const iso = (value: string | number | Date | null) => (value === null ? null : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value).toISOString());
const errorText = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 1000);

/**
 * The outbox of outgoing e-mail. A moderation step adds its messages in its own transaction (so a
 * message exists exactly when the step happened), and a worker on every instance sends what is
 * due: each message claimed on its own with a conditional update and a lease, so one instance sends
 * it; a refusal puts it back with an exponential back-off, and after the last attempt it is failed
 * and shown to the secretariat, who can send it again or dismiss it. The step's answer never waits
 * for the mail server. A message is sent once, unless an instance stops between sending it and
 * recording so: it is then sent again when the lease lapses (at least once, never lost).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.plugin('moderation').config('outbox') as ModerationConfig['outbox'];
  const table = () => strapi.db.getConnection(TABLE);
  const notifications = () => strapi.plugin('moderation').service('notifications');
  const instance = randomUUID();

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let lastCleanup = 0;

  /** When a message that failed `attempts` times is tried again: doubling each time, with some jitter, up to the cap. */
  function retryAt(attempts: number, now: Date): Date {
    const { retryAfterMs, maxRetryAfterMs } = config();
    const delay = Math.min(retryAfterMs * 2 ** (attempts - 1), maxRetryAfterMs);
    return new Date(now.getTime() + delay * (0.8 + Math.random() * 0.4));
  }

  /** Records how a send went, if this instance still holds the message (a lease that ran out is someone else's). */
  async function settle(id: number, data: Record<string, unknown>) {
    await table().where({ id, locked_by: instance }).update({ locked_until: null, locked_by: null, ...data });
  }

  /** Claims one due message for this instance; false when another instance has it, or it is no longer due. */
  async function claim(id: number): Promise<boolean> {
    const now = new Date();
    const claimed = await table()
      .where({ id, state: 'waiting' })
      .andWhere('next_attempt_at', '<=', now)
      .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<', now))
      .update({ locked_until: new Date(now.getTime() + LEASE_MS), locked_by: instance, attempts: strapi.db.connection.raw('attempts + 1') });
    return claimed === 1;
  }

  /** Sends a claimed message (its `attempts` already counts this one) and records how it went. */
  async function deliver(row: Row): Promise<void> {
    const { attempts } = row;
    let mail: Composed;
    try {
      mail = (await notifications().compose(row)) as Composed;
      if (mail) await strapi.plugin('email').service('email').send({ to: mail.to, subject: mail.subject, text: mail.text });
    } catch (error) {
      const now = new Date();
      const failed = attempts >= config().maxAttempts;
      // A refusal is news when it is the last: the secretariat sees those (overview).
      strapi.log[failed ? 'warn' : 'info'](`moderation: outgoing e-mail ${row.id} (${row.kind}) ${failed ? 'failed for good' : 'will be tried again'} after attempt ${attempts}: ${errorText(error)}`);
      await settle(row.id, failed ? { state: 'failed', last_error: errorText(error) } : { next_attempt_at: retryAt(attempts, now), last_error: errorText(error) });
      return;
    }
    await settle(row.id, mail ? { state: 'sent', sent_at: new Date(), last_error: null } : { state: 'dropped', last_error: 'Nobody to send it to: the recipient is gone, blocked or has no address.' });
  }

  /** One round: claims and sends every due message (in batches), then forgets old sent ones. */
  async function deliverDue(): Promise<void> {
    for (;;) {
      const now = new Date();
      const due = (await table()
        .where({ state: 'waiting' })
        .andWhere('next_attempt_at', '<=', now)
        .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<', now))
        .orderBy('id', 'asc')
        .limit(BATCH)
        .select('id')) as { id: number }[];
      let claimedAny = false;
      // A few at once: a slow mail server is mostly waiting.
      const queue = [...due];
      const senders = await Promise.allSettled(
        Array.from({ length: SENDING_AT_ONCE }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) {
            if (!(await claim(next.id))) continue;
            claimedAny = true;
            const row = (await table().where({ id: next.id }).first()) as Row | undefined;
            // Deleted meanwhile (its recipient erased): nothing to send.
            if (row) await deliver(row);
          }
        }),
      );
      // Every sender has stopped before the round ends, so rounds never overlap; a message whose
      // outcome could not be recorded is sent again when its lease lapses.
      const refused = senders.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (refused) throw refused.reason;
      if (due.length < BATCH || !claimedAny) break;
    }
    if (Date.now() - lastCleanup > 60 * 60 * 1000) {
      lastCleanup = Date.now();
      await table().whereIn('state', ['sent', 'dropped']).andWhere('created_at', '<', new Date(Date.now() - KEEP_DONE_MS)).delete();
    }
  }

  /** Runs a round now, or right after the one running: rounds never overlap on one instance. */
  function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await deliverDue();
        } catch (error) {
          // The database may be away for a moment; the next round tries again.
          strapi.log.warn(`moderation: the outbox could not be read: ${errorText(error)}`);
        }
      } while (again && timer);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  /** The secretariat's decision on a message that failed or is waiting, unless an instance is sending it right now. */
  async function release(messageId: unknown, data: Record<string, unknown>, waiting: string) {
    const id = Number(messageId);
    if (!Number.isInteger(id) || id < 1) throw new errors.ValidationError('The message id must be a whole number.');
    const changed = await table()
      .where({ id })
      .whereIn('state', ['failed', 'waiting'])
      .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<', new Date()))
      .update(data);
    if (changed !== 1) throw new errors.NotFoundError(`No message ${id} ${waiting}; reload the page.`);
  }

  return {
    instance,

    /** Adds messages in the caller's transaction; they are sent once it commits. */
    async add(messages: OutgoingMessage[]): Promise<void> {
      if (!messages.length) return;
      await strapi.db.transaction(async ({ trx, onCommit }) => {
        const now = new Date();
        await trx(TABLE).insert(
          messages.map((m) => ({
            kind: m.kind,
            recipient_type: m.recipient.type,
            recipient_id: m.recipient.id,
            submission_document_id: m.submissionDocumentId ?? null,
            payload: m.payload ? JSON.stringify(m.payload) : null,
            state: 'waiting',
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
          })),
        );
        onCommit(() => {
          if (timer) void kick();
        });
      });
    },

    /** Sends what is due now, and answers when done (the worker does this on its own; tests and tools call it). */
    deliverDue: kick,

    start() {
      if (timer) return;
      timer = setInterval(() => void kick(), config().pollMs);
      timer.unref();
      void kick();
    },

    /** Stops the worker and waits for the round in progress. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },

    /** What the secretariat sees: counts by state, and every message that failed or keeps failing. */
    async overview() {
      const counts = (await table().select('state').count({ n: '*' }).groupBy('state')) as { state: MessageState; n: number | string }[];
      const byState = Object.fromEntries(['waiting', 'sent', 'failed', 'dropped'].map((s) => [s, Number(counts.find((c) => c.state === s)?.n ?? 0)])) as Record<MessageState, number>;
      const rows = (await table()
        .where({ state: 'failed' })
        .orWhere((q) => q.where({ state: 'waiting' }).andWhere('attempts', '>=', FAILING_AFTER_ATTEMPTS))
        .orderBy('id', 'desc')
        .limit(200)) as Row[];
      const authorIds = rows.filter((r) => r.recipient_type === 'author').map((r) => r.recipient_id);
      const moderatorIds = rows.filter((r) => r.recipient_type === 'moderator').map((r) => r.recipient_id);
      const documentIds = rows.map((r) => r.submission_document_id).filter((d): d is string => !!d);
      const [authors, moderators, submissions] = await Promise.all([
        authorIds.length ? strapi.db.query(HUB_USER).findMany({ where: { id: { $in: authorIds } }, select: ['id', 'email', 'displayName'] }) : [],
        moderatorIds.length ? strapi.db.query('admin::user').findMany({ where: { id: { $in: moderatorIds } }, select: ['id', 'email', 'firstname', 'lastname'] }) : [],
        documentIds.length ? strapi.db.query(SUBMISSION).findMany({ where: { documentId: { $in: documentIds }, publishedAt: null }, select: ['documentId', 'title', 'language'] }) : [],
      ]);
      const person = (r: Row) => {
        const found = (r.recipient_type === 'author' ? authors : moderators).find((p: { id: number }) => p.id === r.recipient_id) as { email?: string; displayName?: string; firstname?: string; lastname?: string } | undefined;
        if (!found) return { email: null, name: null };
        return { email: found.email ?? null, name: found.displayName ?? ([found.firstname, found.lastname].filter(Boolean).join(' ') || null) };
      };
      return {
        counts: byState,
        failing: rows.map((r) => {
          const submission = submissions.find((s: { documentId: string }) => s.documentId === r.submission_document_id) as { documentId: string; title: string; language: string | null } | undefined;
          return {
            id: r.id,
            kind: r.kind,
            state: r.state,
            recipient: { type: r.recipient_type, id: r.recipient_id, ...person(r) },
            submission: submission ?? null,
            attempts: r.attempts,
            lastError: r.last_error,
            createdAt: iso(r.created_at),
            nextAttemptAt: r.state === 'waiting' ? iso(r.next_attempt_at) : null,
          };
        }),
      };
    },

    /** Sends a failed or retrying message again now, with its attempts counted from zero. */
    async retry(messageId: unknown) {
      await release(messageId, { state: 'waiting', attempts: 0, next_attempt_at: new Date(), last_error: null }, 'waits to be sent again');
      if (timer) void kick();
      return { id: Number(messageId), state: 'waiting' as const };
    },

    /** Gives up on a message: it is kept, dropped, as having been dismissed. */
    async dismiss(messageId: unknown) {
      await release(messageId, { state: 'dropped', last_error: 'Dismissed by the secretariat.' }, 'waits to be sent');
      return { id: Number(messageId), state: 'dropped' as const };
    },

    /** The messages kept for one recipient, for their personal-data export: what, when, and how it went. */
    async forRecipient(recipient: Recipient) {
      const rows = (await table()
        .where({ recipient_type: recipient.type, recipient_id: recipient.id })
        .orderBy('id', 'asc')
        .select('kind', 'submission_document_id', 'state', 'attempts', 'created_at', 'sent_at')) as Pick<Row, 'kind' | 'submission_document_id' | 'state' | 'attempts' | 'created_at' | 'sent_at'>[];
      return rows.map((r) => ({ kind: r.kind, submissionDocumentId: r.submission_document_id, state: r.state, attempts: r.attempts, createdAt: iso(r.created_at), sentAt: iso(r.sent_at) }));
    },

    /** An erased author's messages go with them: they name the author and may quote a reason. */
    async forgetRecipient(recipient: Recipient): Promise<number> {
      return strapi.db.transaction(async ({ trx }) => trx(TABLE).where({ recipient_type: recipient.type, recipient_id: recipient.id }).delete());
    },
  };
};
