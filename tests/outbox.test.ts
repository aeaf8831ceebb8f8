import outboxService from '../src/plugins/moderation/server/src/services/outbox';
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { demoQuestions, validSubmission } from './helpers/fixtures';
import { startMailbox, waitForMail, type Mail, type Mailbox } from './helpers/mailbox';
import { startApp, type TestApp } from './helpers/strapi';

/**
 * The outbox: e-mails are rows written with the step that causes them, sent by a worker that
 * retries with back-off, claims each message once, and leaves what keeps failing to the
 * secretariat. Against a real SMTP server that refuses, then accepts.
 */
let app: TestApp;
let mailbox: Mailbox;
let question: string;
const tokens: Record<string, string> = {};
const UNECE = 'moderator.unece@example.org';
const SECRETARIAT = 'secretariat@example.org';
const MAX_ATTEMPTS = 6;

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({
    ...mailbox.env,
    SUBMISSION_RATE_LIMIT: '1000',
    OUTBOX_POLL_MS: '100',
    OUTBOX_RETRY_AFTER_MS: '200',
    OUTBOX_MAX_RETRY_AFTER_MS: '1000',
    OUTBOX_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
  });
  [question] = await demoQuestions(app);
  tokens.stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  tokens.unSystem = await hubLogin(app, HUB_ACCOUNTS['un-system']);
  for (const email of [UNECE, SECRETARIAT]) tokens[email] = await adminLogin(app, email);
});

afterAll(async () => {
  await app?.stop();
  await mailbox?.stop();
});

afterEach(() => mailbox.refuse(false));

type OutboxRow = { id: number; kind: string; state: string; attempts: number; last_error: string | null; recipient_type: string; recipient_id: number };
const rowsOf = (documentId: string) => app.strapi.db.getConnection('moderation_outbox').where({ submission_document_id: documentId }).orderBy('id') as Promise<OutboxRow[]>;

async function until<T>(what: string, probe: () => Promise<T>, holds: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function post(title: string, token = tokens.stakeholder): Promise<string> {
  const res = await app.http().post('/api/submissions').set('Authorization', `Bearer ${token}`).send({ data: validSubmission(question, { title }) });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
}

const approve = (documentId: string) => app.http().post(`/moderation/submissions/${documentId}/approve`).set('Authorization', `Bearer ${tokens[UNECE]}`);
const outbox = (who: string) => app.http().get('/moderation/outbox').set('Authorization', `Bearer ${tokens[who]}`);
const mailsAbout = (title: string) => mailbox.messages.filter((m: Mail) => m.subject.includes(title) || m.text.includes(title));

test('a post and its approval answer at once while the mail server refuses; each e-mail goes once when it accepts', async () => {
  mailbox.refuse(true);
  const title = 'Outbox: refused then accepted';
  const documentId = await post(title);
  expect((await approve(documentId)).status).toBe(200);
  // Both messages were written with their steps, and are retried while refused.
  const retried = await until('two refusals of each message', () => rowsOf(documentId), (rows) => rows.length === 2 && rows.every((r) => r.attempts >= 2));
  expect(retried.map((r) => r.kind)).toEqual(['submitted', 'approved']);
  expect(retried.every((r) => r.state === 'waiting' && /451|later/i.test(r.last_error ?? ''))).toBe(true);
  expect(mailsAbout(title)).toEqual([]);

  mailbox.refuse(false);
  await waitForMail(mailbox.messages, (m) => m.to.includes(UNECE) && m.subject.includes(title), 15000);
  await waitForMail(mailbox.messages, (m) => m.to.includes(HUB_ACCOUNTS.stakeholder) && /published/.test(m.subject) && m.text.includes(title), 15000);
  const sent = await until('both sent', () => rowsOf(documentId), (rows) => rows.every((r) => r.state === 'sent'));
  expect(sent.every((r) => r.last_error === null)).toBe(true);
  expect(mailsAbout(title)).toHaveLength(2);
});

test('a step that is refused writes no message', async () => {
  const documentId = await post('Outbox: approved once');
  expect((await approve(documentId)).status).toBe(200);
  expect((await approve(documentId)).status).toBe(409);
  const rows = await rowsOf(documentId);
  expect(rows.map((r) => r.kind)).toEqual(['submitted', 'approved']);
});

test('a message that keeps failing is shown to the secretariat, who sends it again or dismisses it', async () => {
  mailbox.refuse(true);
  const kept = await post('Outbox: kept failing');
  const dropped = await post('Outbox: dismissed');
  const failed = await until('the last attempt', async () => [...(await rowsOf(kept)), ...(await rowsOf(dropped))], (rows) => rows.length === 2 && rows.every((r) => r.state === 'failed'));
  expect(failed.every((r) => r.attempts === MAX_ATTEMPTS)).toBe(true);

  // Only those allowed to see the outbox do: the moderator is refused, and the answer is never cached.
  expect((await outbox(UNECE)).status).toBe(403);
  const seen = await outbox(SECRETARIAT);
  expect(seen.status).toBe(200);
  expect(seen.headers['cache-control']).toMatch(/no-store/);
  const listed = seen.body.data.failing.find((m: { id: number }) => m.id === failed[0].id);
  expect(listed).toMatchObject({
    kind: 'submitted',
    state: 'failed',
    attempts: MAX_ATTEMPTS,
    recipient: { type: 'moderator', email: UNECE },
    submission: { documentId: kept, title: 'Outbox: kept failing' },
  });
  expect(listed.lastError).toMatch(/451|later/i);
  expect(seen.body.data.counts.failed).toBeGreaterThanOrEqual(2);

  mailbox.refuse(false);
  const send = (id: unknown, what: 'retry' | 'dismiss') => app.http().post(`/moderation/outbox/${id}/${what}`).set('Authorization', `Bearer ${tokens[SECRETARIAT]}`);
  expect((await app.http().post(`/moderation/outbox/${failed[0].id}/retry`).set('Authorization', `Bearer ${tokens[UNECE]}`)).status).toBe(403);
  expect((await send(failed[0].id, 'retry')).status).toBe(200);
  expect((await send(failed[1].id, 'dismiss')).status).toBe(200);
  await waitForMail(mailbox.messages, (m) => m.subject.includes('Outbox: kept failing'), 15000);
  await until('sent', () => rowsOf(kept), (rows) => rows[0].state === 'sent');
  expect((await rowsOf(dropped))[0].state).toBe('dropped');
  // A message that went, or was dismissed, is not sent again; nonsense ids are told apart.
  expect((await send(failed[0].id, 'retry')).status).toBe(404);
  expect((await send(failed[1].id, 'retry')).status).toBe(404);
  expect((await send('first', 'retry')).status).toBe(400);
  expect((await send(10 ** 9, 'dismiss')).status).toBe(404);
  expect(mailsAbout('Outbox: dismissed')).toEqual([]);
  const after = await outbox(SECRETARIAT);
  expect(after.body.data.failing.map((m: { id: number }) => m.id)).not.toEqual(expect.arrayContaining([failed[0].id, failed[1].id]));
});

test('workers on several instances send each message once', async () => {
  // This instance's worker waits while the messages are written, so that all are due at once.
  const own = app.strapi.plugin('moderation').service('outbox');
  await own.stop();
  const titles = Array.from({ length: 12 }, (_, i) => `Outbox: many workers ${i}`);
  const documentIds: string[] = [];
  try {
    for (const title of titles) documentIds.push(await post(title));
  } finally {
    own.start();
  }
  // Five more workers, each as another instance would run it, next to this instance's own.
  const workers = Array.from({ length: 5 }, () => outboxService({ strapi: app.strapi }));
  await Promise.all([0, 1, 2].flatMap(() => workers.map((w) => w.deliverDue())));
  await until('all sent', async () => (await Promise.all(documentIds.map(rowsOf))).flat(), (rows) => rows.length === titles.length && rows.every((r) => r.state === 'sent'));
  for (const title of titles) expect(mailbox.messages.filter((m) => m.subject.endsWith(`: ${title}`))).toHaveLength(1);
});

test("an erased author's waiting messages go with the account", async () => {
  mailbox.refuse(true);
  const documentId = await post('Outbox: erased author', tokens.unSystem);
  expect((await approve(documentId)).status).toBe(200);
  const author = (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: HUB_ACCOUNTS['un-system'] } })) as { id: number };
  await until('a message to the author', () => rowsOf(documentId), (rows) => rows.some((r) => r.recipient_type === 'author'));
  // Until then, their personal-data export lists it (what and when, not its text).
  const exported = await app.http().get(`/moderation/people/${author.id}/export`).set('Authorization', `Bearer ${tokens[SECRETARIAT]}`);
  expect(exported.body.messages).toContainEqual(expect.objectContaining({ kind: 'approved', submissionDocumentId: documentId, state: 'waiting' }));
  const erased = await app.http().post(`/moderation/people/${author.id}/erase`).set('Authorization', `Bearer ${tokens[SECRETARIAT]}`).send({ confirm: HUB_ACCOUNTS['un-system'] });
  expect(erased.status).toBe(200);
  expect(await app.strapi.db.getConnection('moderation_outbox').where({ recipient_type: 'author', recipient_id: author.id })).toEqual([]);
});
