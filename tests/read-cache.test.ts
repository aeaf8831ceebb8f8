/**
 * The Hub's read path: conditional requests, and no stale read after any change to published
 * content, made on this instance or on another one serving the same database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { demoQuestions, validSubmission } from './helpers/fixtures';
import { appDir, startApp, type TestApp } from './helpers/strapi';

let app: TestApp;
let reader: string;
let moderator: string;
let stakeholder: string;

beforeAll(async () => {
  app = await startApp({ SUBMISSION_RATE_LIMIT: '1000' });
  reader = await hubLogin(app, HUB_ACCOUNTS['member-state']);
  stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  moderator = await adminLogin(app, 'moderator.unece@example.org');
});

afterAll(async () => {
  await app?.stop();
});

const LIST = '/api/submissions?populate[moderatorReplies]=true&populate[translations]=true&sort=createdAt:desc&pagination[pageSize]=100';
const titles = async (http = app.http(), url = LIST) => ((await http.get(url).set('Authorization', `Bearer ${reader}`)).body.data as { title: string }[]).map((s) => s.title);

async function approvedSubmission(title: string) {
  const [question] = await demoQuestions(app);
  const posted = await app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).send({ data: validSubmission(question, { title }) });
  await app.http().post(`/moderation/submissions/${posted.body.data.documentId}/approve`).set('Authorization', `Bearer ${moderator}`);
  return posted.body.data.documentId as string;
}

test('an unchanged list answers 304 to its ETag, privately', async () => {
  const first = await app.http().get(LIST).set('Authorization', `Bearer ${reader}`);
  expect(first.status).toBe(200);
  expect(first.headers.etag).toMatch(/^"\d+-[\w-]+"$/);
  expect(first.headers['cache-control']).toBe('private, no-cache');
  const again = await app.http().get(LIST).set('Authorization', `Bearer ${reader}`).set('If-None-Match', first.headers.etag);
  expect(again.status).toBe(304);
  expect(again.text).toBe('');
  const other = await app.http().get(LIST).set('Authorization', `Bearer ${reader}`).set('If-None-Match', '"0-stale"');
  expect(other.status).toBe(200);
  expect(other.body).toEqual(first.body);
});

test('every publish, unpublish, edit and delete shows on the next read', async () => {
  await titles();
  const documentId = await approvedSubmission('Cache check: approved');
  expect(await titles()).toContain('Cache check: approved');

  await app.http().post(`/moderation/submissions/${documentId}/translations`).set('Authorization', `Bearer ${moderator}`).send({ language: 'fr', body: 'Version française.' });
  const translated = (await app.http().get(LIST).set('Authorization', `Bearer ${reader}`)).body.data.find((s: { documentId: string }) => s.documentId === documentId);
  expect(translated.translations.map((t: { language: string }) => t.language)).toEqual(['fr']);

  await app.http().post(`/moderation/submissions/${documentId}/retract`).set('Authorization', `Bearer ${moderator}`).send({ to: 'pending', reason: 'Check.' });
  expect(await titles()).not.toContain('Cache check: approved');

  const phase = await app.strapi.documents('api::phase.phase').findFirst({ filters: { isDemo: true } });
  const summary = await app.strapi.documents('api::summary.summary').create({ data: { phase: phase!.documentId, title: 'Cache check summary', body: 'Text.' } as never, status: 'published' });
  expect(await titles(app.http(), '/api/summaries')).toContain('Cache check summary');
  await app.strapi.documents('api::summary.summary').delete({ documentId: summary.documentId });
  expect(await titles(app.http(), '/api/summaries')).not.toContain('Cache check summary');
});

describe('two instances on one database', () => {
  let other: ChildProcess;
  let otherUrl: string;
  beforeAll(async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    otherUrl = `http://127.0.0.1:${port}`;
    other = spawn(process.execPath, [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
      cwd: appDir,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'never', LOG_LEVEL: 'error' },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 90000;
    for (;;) {
      try {
        if ((await fetch(`${otherUrl}/_health`)).status === 204) break;
      } catch {
        /* starting */
      }
      if (Date.now() > deadline) throw new Error('the second instance did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  afterAll(() => {
    other?.kill('SIGTERM');
  });

  const readOther = async (url = LIST) => {
    const res = await fetch(`${otherUrl}${url}`, { headers: { Authorization: `Bearer ${reader}` } });
    return ((await res.json()) as { data: { title: string }[] }).data.map((s) => s.title);
  };

  test('an approval on one instance is read on the other at once, never the old list', async () => {
    const before = await readOther();
    expect(await readOther()).toEqual(before);
    const documentId = await approvedSubmission('Cache check: seen everywhere');
    expect(await readOther()).toContain('Cache check: seen everywhere');
    await app.http().post(`/moderation/submissions/${documentId}/retract`).set('Authorization', `Bearer ${moderator}`).send({ to: 'rejected', reason: 'Check.' });
    expect(await readOther()).not.toContain('Cache check: seen everywhere');
  });
});
