/**
 * The Hub's read path: conditional requests, cache headers, and no stale read after any change
 * to published content (tests/instances.test.ts shows the same across instances).
 */
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { demoQuestions, openEscapQuestion, PDF, validSubmission } from './helpers/fixtures';
import { createHubToken } from '../src/setup/access';
import { startApp, type TestApp } from './helpers/strapi';

let app: TestApp;
let reader: string;
let moderator: string;
let escapModerator: string;
let stakeholder: string;
let escapQuestion: string;
/** Queries of submissions lists: a read answered from the cache makes none. */
let listQueries = 0;
const HUB_ORIGIN = 'https://hub.example.org';

beforeAll(async () => {
  app = await startApp({ SUBMISSION_RATE_LIMIT: '1000', CORS_ORIGINS: HUB_ORIGIN });
  reader = await hubLogin(app, HUB_ACCOUNTS['member-state']);
  stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  moderator = await adminLogin(app, 'moderator.unece@example.org');
  escapModerator = await adminLogin(app, 'moderator.escap@example.org');
  app.strapi.db.lifecycles.subscribe({
    models: ['api::submission.submission'],
    beforeFindMany: () => {
      listQueries += 1;
    },
  });
  escapQuestion = await openEscapQuestion(app);
});

/** How many times the reads made in `reads` were computed rather than answered from the cache. */
async function computed(reads: () => Promise<unknown>): Promise<number> {
  const before = listQueries;
  await reads();
  return listQueries - before;
}

afterAll(async () => {
  await app?.stop();
});

const LIST = '/api/submissions?populate[moderatorReplies]=true&populate[translations]=true&sort=createdAt:desc&pagination[pageSize]=100';
const titles = async (http = app.http(), url = LIST) => ((await http.get(url).set('Authorization', `Bearer ${reader}`)).body.data as { title: string }[]).map((s) => s.title);

async function pendingSubmission(title: string, question?: string) {
  const posted = await app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).send({ data: validSubmission(question ?? (await demoQuestions(app))[0], { title }) });
  expect(posted.status).toBe(201);
  return posted.body.data.documentId as string;
}

async function approvedSubmission(title: string, question?: string, by = moderator) {
  const documentId = await pendingSubmission(title, question);
  await app.http().post(`/moderation/submissions/${documentId}/approve`).set('Authorization', `Bearer ${by}`).expect(200);
  return documentId;
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

test('a pending post, its file, and every step short of publication leave the cached pages alone', async () => {
  await titles();
  const [question] = await demoQuestions(app);
  expect(await computed(() => titles())).toBe(0);
  const withFile = await app
    .http()
    .post('/api/submissions')
    .set('Authorization', `Bearer ${stakeholder}`)
    .field('data', JSON.stringify(validSubmission(question, { kind: 'data', title: 'Cache check: pending with a file' })))
    .attach('files', PDF, 'figures.pdf');
  expect(withFile.status).toBe(201);
  const pending = withFile.body.data.documentId as string;
  const decide = (path: string, body: Record<string, unknown> = {}) => app.http().post(`/moderation/submissions/${pending}/${path}`).set('Authorization', `Bearer ${moderator}`).send(body);
  expect(await computed(() => titles())).toBe(0);
  expect((await decide('redact', { title: 'Cache check: pending, redacted' })).status).toBe(200);
  expect((await decide('replies', { body: 'Thank you; we will look at it.' })).status).toBe(201);
  expect((await decide('return', { note: 'Remove the names.' })).status).toBe(200);
  const rejected = await pendingSubmission('Cache check: rejected');
  await app.http().post(`/moderation/submissions/${rejected}/reject`).set('Authorization', `Bearer ${moderator}`).send({ reason: 'Off topic.' }).expect(200);
  expect(await computed(() => titles())).toBe(0);
});

test("Strapi's own stored settings leave the cached pages alone, unless they decide who may read", async () => {
  await titles();
  // The upload plugin writes its weekly metrics 15 s after a first start, whenever that falls.
  await app.strapi.store({ type: 'plugin', name: 'upload' }).set({ key: 'metrics', value: { weeklySchedule: '0 0 0 * * 1', lastWeeklyUpdate: Date.now() } });
  expect(await computed(() => titles())).toBe(0);
  const usersPermissions = app.strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = await usersPermissions.get({ key: 'advanced' });
  await usersPermissions.set({ key: 'advanced', value: advanced });
  expect(await computed(() => titles())).toBe(1);
});

test("a decision in one region keeps the other regions' cached pages, and empties its own", async () => {
  const [question] = await demoQuestions(app);
  const phase = ((await app.strapi.db.query('api::guiding-question.guiding-question').findOne({ where: { documentId: question }, populate: { phase: { select: ['documentId'] } } })) as { phase: { documentId: string } }).phase.documentId;
  const unece = [
    '/api/submissions?filters[region][code]=UNECE&sort=createdAt:desc',
    `/api/submissions?filters[phase][documentId]=${phase}&sort=createdAt:desc`,
    `/api/submissions?filters[guidingQuestion][documentId][$eq]=${question}&sort=createdAt:desc`,
  ];
  const everywhere = '/api/submissions?sort=createdAt:desc';
  const readAll = () => Promise.all([...unece, everywhere].map((url) => titles(app.http(), url)));
  await readAll();
  expect(await computed(readAll)).toBe(0);

  await approvedSubmission('Cache check: approved in ESCAP', escapQuestion, escapModerator);
  // UNECE's pages are still answered from memory; the list of every region is computed again.
  expect(await computed(() => Promise.all(unece.map((url) => titles(app.http(), url))))).toBe(0);
  expect(await titles(app.http(), everywhere)).toContain('Cache check: approved in ESCAP');

  await approvedSubmission('Cache check: approved in UNECE');
  for (const url of [...unece, everywhere]) expect(await titles(app.http(), url)).toContain('Cache check: approved in UNECE');
  for (const url of unece) expect(await titles(app.http(), url)).not.toContain('Cache check: approved in ESCAP');
});

describe('a kept answer, given before the rest of the chain', () => {
  const read = (credential: string, origin?: string) => {
    const request = app.http().get(LIST).set('Authorization', `Bearer ${credential}`);
    return origin ? request.set('Origin', origin) : request;
  };

  test('carries the headers of a computed one: security, CORS, caching', async () => {
    await approvedSubmission('Cache check: headers');
    const computedAnswer = await read(reader, HUB_ORIGIN);
    const kept = await read(reader, HUB_ORIGIN);
    expect(computedAnswer.status).toBe(200);
    const headers = (res: typeof kept) => Object.fromEntries(Object.entries(res.headers).filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)));
    expect(headers(kept)).toEqual(headers(computedAnswer));
    expect(kept.headers['access-control-allow-origin']).toBe(HUB_ORIGIN);
    expect(kept.headers['content-security-policy']).toBeDefined();
    expect(kept.headers['x-content-type-options']).toBe('nosniff');
    expect(kept.body).toEqual(computedAnswer.body);
    // Another origin is not let in by a kept answer either.
    expect((await read(reader, 'https://elsewhere.example.net')).headers['access-control-allow-origin']).toBeUndefined();
  });

  test('is refused to a revoked token, at once', async () => {
    const token = await createHubToken(app.strapi, 'to revoke while cached');
    await read(token).expect(200);
    expect(await computed(() => read(token).expect(200))).toBe(0);
    const { id } = (await app.strapi.db.query('admin::api-token').findOne({ where: { name: 'to revoke while cached' } })) as { id: number };
    await app.strapi.service('admin::api-token-content-api').revoke(id);
    expect((await read(token)).status).toBe(401);
  });

  test('is refused to a blocked account, and given again when it is unblocked', async () => {
    await read(reader).expect(200);
    const where = { email: HUB_ACCOUNTS['member-state'] };
    await app.strapi.db.query('plugin::users-permissions.user').update({ where, data: { blocked: true } });
    expect((await read(reader)).status).toBe(401);
    await app.strapi.db.query('plugin::users-permissions.user').update({ where, data: { blocked: false } });
    await read(reader).expect(200);
  });

  test("is refused when the role loses the permission, and to a JWT past its expiry", async () => {
    await read(reader).expect(200);
    const role = (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'member-state' } })) as { id: number };
    const permission = (await app.strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action: 'api::submission.submission.find', role: role.id } })) as { id: number };
    await app.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
    expect((await read(reader)).status).toBe(403);
    await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'api::submission.submission.find', role: role.id } });
    await read(reader).expect(200);

    const user = (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: HUB_ACCOUNTS['member-state'] } })) as { id: number };
    const shortLived = app.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id }, { expiresIn: '2s' }) as string;
    await read(shortLived).expect(200);
    expect(await computed(() => read(shortLived).expect(200))).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await read(shortLived)).status).toBe(401);
    // A credential that was never good gets what Strapi says of it.
    expect((await read(`${reader.slice(0, -4)}AAAA`)).status).toBe(401);
    expect((await read('not-a-token')).status).toBe(401);
  });
});
