/**
 * Strapi's webhooks, set up as the Hub would in Settings > Webhooks, received by a real HTTP
 * server: nothing while a post is pending or while anything is a draft, the published document
 * (as the content API shows it) on approval, its documentId alone on retraction, and nothing about
 * accounts or files awaiting moderation.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminLogin, HUB_ACCOUNTS, hubLogin, walk } from './helpers/accounts';
import { demoQuestions, PDF, validSubmission } from './helpers/fixtures';
import { startApp, type TestApp } from './helpers/strapi';

type Received = { event: string; headers: http.IncomingHttpHeaders; body: { event: string; uid?: string; entry?: Record<string, unknown> } };

const MARK = `PENDINGMARK${Date.now().toString(36)}`;
const SECRET = 'hub-webhook-secret';
const PRIVATE_KEYS = ['moderationState', 'decisionReason', 'decidedBy', 'decidedAt', 'screeningFlags', 'flagged', 'author', 'email', 'password', 'moderators', 'moderator', 'sharedForFeedback', 'createdBy', 'updatedBy'];

let app: TestApp;
let receiver: http.Server;
let url: string;
let admin: string;
let stakeholder: string;
let question: string;
const received: Received[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}');
      received.push({ event: body.event, headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/revalidate`;
  app = await startApp({ SUBMISSION_RATE_LIMIT: '1000' });
  admin = await adminLogin(app, 'admin@example.org');
  stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  [question] = await demoQuestions(app);
  // As the Hub's developers would, through Strapi's own webhook settings.
  const created = await app
    .http()
    .post('/admin/webhooks')
    .set('Authorization', `Bearer ${admin}`)
    .send({ name: 'Hub revalidation', url, headers: { 'X-Hub-Secret': SECRET }, events: ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish', 'entry.draft-discard', 'media.create', 'media.update', 'media.delete'] });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** Waits until an event for `documentId` of that kind has arrived, then a little more for any stragglers. */
async function waitFor(event: string, documentId: string): Promise<Received> {
  for (let i = 0; i < 100; i += 1) {
    const found = received.find((r) => r.event === event && r.body.entry?.documentId === documentId);
    if (found) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${event} for ${documentId}; received ${received.map((r) => r.event).join(', ')}`);
}

/** A published change the Hub must hear of: once it has arrived, earlier events have been sent too. */
async function sentinel(): Promise<void> {
  const phase = await app.strapi.documents('api::phase.phase').findFirst({ filters: { isDemo: true } });
  await app.strapi.documents('api::phase.phase').update({ documentId: phase!.documentId, data: { reviewVenue: `Geneva ${received.length}` } as never });
  await waitFor('entry.update', phase!.documentId);
}

test('nothing while a post is pending, with its file, a reply, a draft question and a new account', async () => {
  const posted = await app
    .http()
    .post('/api/submissions')
    .set('Authorization', `Bearer ${stakeholder}`)
    .field('data', JSON.stringify(validSubmission(question, { title: `${MARK} title`, body: `${MARK} body` })))
    .attach('files', PDF, `${MARK}.pdf`);
  expect(posted.status).toBe(201);
  await app.http().post(`/moderation/submissions/${posted.body.data.documentId}/replies`).set('Authorization', `Bearer ${admin}`).send({ body: `${MARK} reply` }).expect(201);
  const phase = await app.strapi.documents('api::phase.phase').findFirst({ filters: { isDemo: true } });
  await app.strapi.documents('api::guiding-question.guiding-question').create({ data: { phase: phase!.documentId, position: 48, text: `${MARK} draft question` } as never, locale: 'en' });
  await app.http().post('/api/auth/local/register').send({ username: `${MARK.toLowerCase()}@example.org`, email: `${MARK.toLowerCase()}@example.org`, password: 'Register-2024', displayName: 'New person' });
  await sentinel();
  const everything = JSON.stringify(received);
  expect(everything).not.toContain(MARK);
  expect(everything.toLowerCase()).not.toContain(MARK.toLowerCase());
  expect(received.filter((r) => r.body.uid === 'api::submission.submission' || r.body.uid === 'plugin::users-permissions.user')).toEqual([]);
});

test('approval sends the published submission, as the content API shows it; retraction its documentId alone', async () => {
  const posted = await app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).send({ data: validSubmission(question, { title: 'Approved for the Hub' }) });
  const documentId = posted.body.data.documentId as string;
  await app.http().post(`/moderation/submissions/${documentId}/approve`).set('Authorization', `Bearer ${admin}`).expect(200);
  const published = await waitFor('entry.publish', documentId);
  expect(published.headers['x-hub-secret']).toBe(SECRET);
  expect(published.body.entry).toMatchObject({ documentId, title: 'Approved for the Hub', authorName: expect.any(String) });
  const { keys } = walk(published.body);
  expect(PRIVATE_KEYS.filter((k) => keys.has(k))).toEqual([]);
  // Only types whose rows are all public are populated: no question or thread rows that may be drafts.
  expect(published.body.entry!.guidingQuestion).toBeUndefined();
  expect(received.filter((r) => r.body.entry?.documentId === documentId && r.event !== 'entry.publish')).toEqual([]);

  await app.http().post(`/moderation/submissions/${documentId}/retract`).set('Authorization', `Bearer ${admin}`).send({ to: 'pending', reason: 'Check.' }).expect(200);
  const retracted = await waitFor('entry.unpublish', documentId);
  expect(retracted.body.entry).toEqual({ documentId });
  await sentinel();
  expect(received.filter((r) => r.body.entry?.documentId === documentId).map((r) => r.event)).toEqual(['entry.publish', 'entry.unpublish']);
});

test("Strapi's webhook settings keep working: list and test-trigger", async () => {
  const list = await app.http().get('/admin/webhooks').set('Authorization', `Bearer ${admin}`);
  expect(list.status).toBe(200);
  const hook = list.body.data.find((w: { url: string }) => w.url === url);
  const trigger = await app.http().post(`/admin/webhooks/${hook.id}/trigger`).set('Authorization', `Bearer ${admin}`);
  expect(trigger.status).toBe(200);
  expect(trigger.body.data.statusCode).toBe(204);
  expect(received.some((r) => r.event === 'trigger-test')).toBe(true);
});
