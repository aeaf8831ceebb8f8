/**
 * Two instances serving one database (docs/DEPLOYMENT.md): the second is a real `strapi start`
 * process. No stale read after a change made on the other instance, the daily digest sent once
 * whichever instances run it, and one rate limit across both.
 */
import type { ChildProcess } from 'node:child_process';
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { demoQuestions, validSubmission } from './helpers/fixtures';
import { startMailbox } from './helpers/mailbox';
import { startApp, startInstance, type TestApp } from './helpers/strapi';

const RATE_LIMIT = 20;
// Every two seconds, so that both instances reach the same scheduled runs within the test.
const DIGEST_SCHEDULE = '*/2 * * * * *';

let app: TestApp;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let other: ChildProcess;
let otherUrl: string;
let reader: string;
let moderator: string;
let stakeholder: string;
let question: string;

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ ...mailbox.env, MODERATOR_NOTIFICATIONS: 'daily', MODERATOR_DIGEST_SCHEDULE: DIGEST_SCHEDULE, SUBMISSION_RATE_LIMIT: String(RATE_LIMIT) });
  reader = await hubLogin(app, HUB_ACCOUNTS['member-state']);
  stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  moderator = await adminLogin(app, 'moderator.unece@example.org');
  [question] = await demoQuestions(app);

  // The same environment as the first instance: same database, secrets, mail server and settings.
  ({ url: otherUrl, child: other } = await startInstance());
});

afterAll(async () => {
  if (other && other.exitCode === null) {
    const exited = new Promise((resolve) => other.once('exit', resolve));
    other.kill('SIGTERM');
    await exited;
  }
  await app?.stop();
  await mailbox?.stop();
});

const LIST = '/api/submissions?populate[moderatorReplies]=true&sort=createdAt:desc&pagination[pageSize]=100';

const readOther = async () => {
  const res = await fetch(`${otherUrl}${LIST}`, { headers: { Authorization: `Bearer ${reader}` } });
  return ((await res.json()) as { data: { title: string }[] }).data.map((s) => s.title);
};

const postOn = async (instance: 'first' | 'second', token: string, title: string) => {
  if (instance === 'first') {
    const res = await app.http().post('/api/submissions').set('Authorization', `Bearer ${token}`).send({ data: validSubmission(question, { title }) });
    return { status: res.status, documentId: res.body.data?.documentId as string | undefined };
  }
  const res = await fetch(`${otherUrl}/api/submissions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: validSubmission(question, { title }) }),
  });
  const body = (await res.json()) as { data?: { documentId: string } };
  return { status: res.status, documentId: body.data?.documentId };
};

test('an approval on one instance is read on the other at once, never the old list', async () => {
  const before = await readOther();
  expect(await readOther()).toEqual(before);
  const { documentId } = await postOn('first', stakeholder, 'Instances: seen everywhere');
  await app.http().post(`/moderation/submissions/${documentId}/approve`).set('Authorization', `Bearer ${moderator}`).expect(200);
  expect(await readOther()).toContain('Instances: seen everywhere');
  await app.http().post(`/moderation/submissions/${documentId}/retract`).set('Authorization', `Bearer ${moderator}`).send({ to: 'rejected', reason: 'Check.' }).expect(200);
  expect(await readOther()).not.toContain('Instances: seen everywhere');
});

test('both instances run the daily digest, and each moderator gets it once', async () => {
  mailbox.clear();
  const { documentId } = await postOn('second', stakeholder, 'Instances: in the digest');
  expect(documentId).toBeDefined();
  // Three scheduled runs at least, each started by both instances.
  await new Promise((r) => setTimeout(r, 7000));
  const digests = mailbox.messages.filter((m) => m.text.includes('Instances: in the digest'));
  expect(digests.length).toBeGreaterThan(0);
  const recipients = digests.flatMap((m) => m.to);
  expect(new Set(recipients).size).toBe(recipients.length);
  expect(recipients).toContain('moderator.unece@example.org');
  const claimed = await app.strapi.db.getConnection('moderator_digests').count({ n: '*' }).first();
  expect(Number(claimed?.n)).toBeGreaterThanOrEqual(3);
});

test('the rate limit counts posts made through either instance', async () => {
  const unSystem = await hubLogin(app, HUB_ACCOUNTS['un-system']);
  // What this account posted within the hour counts; the demo's posts are days old.
  const since = new Date(Date.now() - 60 * 60 * 1000);
  const already = await app.strapi.db.query('api::submission.submission').count({ where: { author: { email: HUB_ACCOUNTS['un-system'] }, publishedAt: null, createdAt: { $gt: since } } });
  const room = RATE_LIMIT - already;
  expect(room).toBeGreaterThan(2);
  const statuses: number[] = [];
  for (let i = 0; i < room + 2; i += 1) {
    statuses.push((await postOn(i % 2 ? 'second' : 'first', unSystem, `Instances: rate ${i}`)).status);
  }
  expect(statuses).toEqual([...Array(room).fill(201), 429, 429]);
});

test('a moderator on a submission through one instance is seen through the other', async () => {
  const posted = await app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).send({ data: validSubmission(question, { title: 'Instances: who is on it' }) });
  expect(posted.status).toBe(201);
  const id = posted.body.data.documentId as string;
  expect((await app.http().post(`/moderation/submissions/${id}/presence`).set('Authorization', `Bearer ${moderator}`)).status).toBe(200);
  const secretariat = await adminLogin(app, 'secretariat@example.org');
  const res = await fetch(`${otherUrl}/moderation/submissions?pageSize=100`, { headers: { Authorization: `Bearer ${secretariat}` } });
  const row = ((await res.json()) as { data: { documentId: string; others: { name: string }[] }[] }).data.find((r) => r.documentId === id);
  expect(row?.others.map((o) => o.name)).toEqual(['Ulla Moderator (UNECE)']);
});
