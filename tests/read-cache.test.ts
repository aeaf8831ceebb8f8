/**
 * The Hub's read path: conditional requests, cache headers, and no stale read after any change
 * to published content (tests/instances.test.ts shows the same across instances).
 */
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { demoQuestions, validSubmission } from './helpers/fixtures';
import { createHubToken } from '../src/setup/access';
import { startApp, type TestApp } from './helpers/strapi';

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

test("the Hub server's token answer may be kept by a shared cache, keyed by the token, and revalidated", async () => {
  const token = await createHubToken(app.strapi, 'cache headers token');
  const first = await app.http().get(LIST).set('Authorization', `Bearer ${token}`);
  expect(first.status).toBe(200);
  expect(first.headers['cache-control']).toBe('public, no-cache');
  expect(first.headers.vary).toMatch(/Authorization/);
  await app.http().get(LIST).set('Authorization', `Bearer ${token}`).set('If-None-Match', first.headers.etag).expect(304);
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
