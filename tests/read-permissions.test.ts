/**
 * What the read side of the permission table (tests/permission-matrix.test.ts) rests on:
 * whatever the query, populate, locale or token, nothing unpublished and no private field or
 * e-mail address leaves through the content API.
 */
import qs from 'qs';
import { createHubToken } from '../src/setup/access';
import { HUB_QUERIES, type PopulateTree } from '../src/setup/hub-queries';
import { adminLogin, HUB_ACCOUNTS, hubLogin, walk } from './helpers/accounts';
import { COLLECTION_TYPES, CSV, demoQuestions, PDF, validSubmission } from './helpers/fixtures';
import { startApp, type TestApp } from './helpers/strapi';

const TYPES = COLLECTION_TYPES;
type Collection = keyof typeof TYPES;
type Principal = 'public' | keyof typeof HUB_ACCOUNTS | 'hub-token' | 'stock-read-only-token';

/** DESIGN.md, "read published content": public no; every registered role and the Hub token yes. */
const READS_PUBLISHED: Record<Principal, boolean> = {
  public: false,
  authenticated: true,
  'member-state': true,
  stakeholder: true,
  'un-system': true,
  'hub-token': true,
  // Strapi's own read-only token type: reads content, but no account or media listing.
  'stock-read-only-token': true,
};

const PRINCIPALS = Object.keys(READS_PUBLISHED) as Principal[];
const COLLECTIONS = Object.keys(TYPES) as Collection[];

/** Fields that never leave through the content API, by any route, populate or token. */
const PRIVATE_KEYS = ['moderationState', 'decisionReason', 'decidedBy', 'decidedAt', 'screeningFlags', 'flagged', 'sharedForFeedback', 'author', 'moderators', 'moderator', 'email', 'password', 'resetPasswordToken', 'confirmationToken', 'provider', 'role', 'username'];

let app: TestApp;
const auth: Partial<Record<Principal, string>> = {};
/** One published and one draft-only document of every draft & publish type, made for this file. */
const drafts: Partial<Record<Collection, string>> = {};
const published: Partial<Record<Collection, string>> = {};

beforeAll(async () => {
  app = await startApp();
  for (const [role, email] of Object.entries(HUB_ACCOUNTS)) auth[role as Principal] = await hubLogin(app, email);
  auth['hub-token'] = await createHubToken(app.strapi, 'hub test token');
  const stock = await app.strapi.service('admin::api-token-content-api').create({ name: 'stock read-only', kind: 'content-api', type: 'read-only', lifespan: null });
  auth['stock-read-only-token'] = stock.accessKey;

  const docs = app.strapi.documents;
  const phase = (await docs('api::phase.phase').findFirst({ filters: { isDemo: true } }))!;
  const question = (await docs('api::guiding-question.guiding-question').findFirst({ filters: { phase: { documentId: phase.documentId } }, status: 'published' }))!;
  const approved = (await docs('api::submission.submission').findFirst({ filters: { phase: { documentId: phase.documentId } }, status: 'published' }))!;

  drafts['guiding-questions'] = (await docs('api::guiding-question.guiding-question').create({ data: { phase: phase.documentId, position: 40, text: 'UNPOSTED draft question shared for feedback' } as never, locale: 'en' })).documentId;
  drafts.summaries = (await docs('api::summary.summary').create({ data: { phase: phase.documentId, title: 'UNPOSTED draft summary', body: 'Not yet published.' } as never })).documentId;
  published.summaries = (await docs('api::summary.summary').create({ data: { phase: phase.documentId, title: 'Published summary', body: 'Consolidated outputs.' } as never, status: 'published' })).documentId;
  drafts.submissions = (await docs('api::submission.submission').create({
    data: { kind: 'comment', title: 'UNPOSTED pending reply', body: 'Awaiting moderation', guidingQuestion: question.documentId, phase: phase.documentId, replyTo: approved.documentId, language: 'en', moderationState: 'pending' } as never,
  })).documentId;
  drafts['moderator-replies'] = (await docs('api::moderator-reply.moderator-reply').create({ data: { submission: approved.documentId, body: 'UNPOSTED draft reply', moderatorName: 'Draft' } as never })).documentId;
  for (const collection of ['guiding-questions', 'submissions', 'moderator-replies'] as const) {
    published[collection] = (await docs(TYPES[collection]).findFirst({ status: 'published' }))!.documentId;
  }
  for (const collection of ['regions', 'phases', 'gcm-objectives'] as const) {
    published[collection] = (await docs(TYPES[collection]).findFirst({}))!.documentId;
  }
});

afterAll(async () => {
  await app?.stop();
});

const get = (principal: Principal, url: string) => {
  const req = app.http().get(url);
  return principal === 'public' ? req : req.set('Authorization', `Bearer ${auth[principal]}`);
};

describe('nothing unpublished, whatever the query', () => {
  const readers = PRINCIPALS.filter((p) => READS_PUBLISHED[p]);
  const draftCollections = ['guiding-questions', 'submissions', 'moderator-replies', 'summaries'] as const;
  const listQueries = ['', '?status=draft', '?status=draft&publicationFilter=never-published', '?hasPublishedVersion=false&status=draft', '?locale=*&status=draft', '?pagination[pageSize]=100'];

  test.each(readers.flatMap((principal) => draftCollections.flatMap((collection) => listQueries.map((query) => ({ principal, collection, query })))))(
    '$principal lists $collection$query: published only',
    async ({ principal, collection, query }) => {
      const res = await get(principal, `/api/${collection}${query}`);
      expect(res.status).toBe(200);
      const ids = (res.body.data as { documentId: string; publishedAt: string | null }[]).map((d) => d.documentId);
      expect(ids).not.toContain(drafts[collection]);
      for (const doc of res.body.data) expect(doc.publishedAt).toBeTruthy();
    },
  );

  test.each(readers.flatMap((principal) => draftCollections.flatMap((collection) => ['', '?status=draft'].map((query) => ({ principal, collection, query })))))(
    '$principal reads the draft of $collection by id$query: 404',
    async ({ principal, collection, query }) => {
      const res = await get(principal, `/api/${collection}/${drafts[collection]}${query}`);
      expect(res.status).toBe(404);
      expect(res.body.data).toBeNull();
    },
  );

  const populated = [
    '/api/phases?populate=*',
    '/api/phases?populate[guidingQuestions]=true&populate[summaries]=true&status=draft',
    '/api/regions?populate[phases][populate][guidingQuestions]=true&populate[phases][populate][summaries]=true',
    '/api/submissions?populate=*&status=draft',
    '/api/submissions?populate[responses]=true&populate[moderatorReplies]=true&populate[replyTo]=true',
    '/api/guiding-questions?populate[phase][populate][summaries]=true&populate[phase][populate][guidingQuestions]=true',
    '/api/moderator-replies?populate[submission][populate][responses]=true',
    '/api/summaries?populate[phase][populate][summaries]=true',
  ];
  test.each(populated)('populated relations hold no draft, or the populate is refused: %s', async (url) => {
    const res = await get('stakeholder', url);
    // What the allowlist (src/setup/hub-queries.ts) does not name is a 400 naming the parameter.
    if (res.status === 400) {
      expect(res.body.error.message).toMatch(/^populate/);
      return;
    }
    expect(res.status).toBe(200);
    const { strings, keys } = walk(res.body);
    expect(strings.filter((s) => s.includes('UNPOSTED'))).toEqual([]);
    expect(keys.has('publishedAt')).toBe(true);
  });
});

describe('private fields and personal data never leave', () => {
  /** Everything the allowlist lets the Hub populate, as deep as it goes. */
  const everything = (tree: PopulateTree): Record<string, unknown> =>
    Object.fromEntries(Object.entries(tree).map(([relation, under]) => [relation, Object.keys(under).length ? { populate: everything(under) } : true]));
  const deepPopulate = Object.fromEntries(COLLECTIONS.map((c) => [c, qs.stringify({ populate: everything(HUB_QUERIES[TYPES[c]].populate) }, { encodeValuesOnly: true })])) as Record<Collection, string>;

  test.each(COLLECTIONS)('%s, fully populated, carries no private key and no e-mail address', async (collection) => {
    for (const principal of ['stakeholder', 'hub-token', 'stock-read-only-token'] as const) {
      for (const url of [`/api/${collection}?${deepPopulate[collection]}`, `/api/${collection}/${published[collection]}?${deepPopulate[collection]}`]) {
        const res = await get(principal, url);
        expect(res.status).toBe(200);
        const { keys, strings } = walk(res.body);
        expect(PRIVATE_KEYS.filter((k) => keys.has(k))).toEqual([]);
        expect(strings.filter((s) => /@example\.org/.test(s))).toEqual([]);
      }
    }
  });

  const probes: [string, string][] = [
    ['populate a private relation', '/api/submissions?populate=author'],
    ['populate moderators of a region', '/api/regions?populate=moderators'],
    ['populate the deciding moderator', '/api/submissions?populate=decidedBy'],
    ['filter on a private field', '/api/submissions?filters[moderationState][$eq]=pending'],
    ['filter through a private relation', '/api/submissions?filters[author][email][$contains]=example'],
    ['filter on a reply author', '/api/moderator-replies?filters[moderator][email][$contains]=example'],
    ['sort on a private field', '/api/submissions?sort=decidedAt:desc'],
    ['select a private field', '/api/submissions?fields[0]=screeningFlags'],
    ['select the decision reason', '/api/submissions?fields[0]=title&fields[1]=decisionReason'],
  ];
  test.each(probes)('%s is refused with a 400 that names the parameter', async (_label, url) => {
    const res = await get('stakeholder', url);
    expect(res.status).toBe(400);
    const parameter = decodeURIComponent(url.split('?')[1]).split('=')[0].replace(/\[\$?[a-z]+\]$/i, '').replace(/\[\d+\]$/, '');
    expect(res.body.error.message.startsWith(`${parameter.split('[').slice(0, 2).join('[')}`)).toBe(true);
  });

  test.each(['/api/users', '/api/users/1', '/api/users/count', '/api/roles', '/api/upload/files', '/api/upload/files/1'])(
    'account and media listings are gone for every principal: %s',
    async (url) => {
      for (const principal of PRINCIPALS) {
        const res = await get(principal, url);
        expect(res.status).toBe(404);
      }
    },
  );

  test('a user sees their own account, and only it', async () => {
    const res = await get('stakeholder', '/api/users/me');
    expect(res.status).toBe(200);
    expect(res.body.email).toBe(HUB_ACCOUNTS.stakeholder);
    expect(res.body.password).toBeUndefined();
    expect((await get('public', '/api/users/me')).status).toBe(403);
  });

  test('neither token type writes', async () => {
    for (const principal of ['hub-token', 'stock-read-only-token'] as const) {
      const res = await app.http().post('/api/submissions').set('Authorization', `Bearer ${auth[principal]}`).send({ data: { title: 'x' } });
      expect([403, 404, 405]).toContain(res.status);
    }
  });
});

describe('attachments follow their submission', () => {
  let documentId: string;
  let url: string;
  let moderator: string;
  const read = (path: string, token?: string) => {
    const req = app.http().get(path).buffer(true);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  beforeAll(async () => {
    const [question] = await demoQuestions(app);
    const posted = await app
      .http()
      .post('/api/submissions')
      .set('Authorization', `Bearer ${auth.stakeholder}`)
      .field('data', JSON.stringify(validSubmission(question, { title: 'With a private attachment', kind: 'data' })))
      .attach('files', PDF, 'evidence.pdf')
      .attach('files', CSV, 'figures.csv');
    expect(posted.status).toBe(201);
    documentId = posted.body.data.documentId;
    url = posted.body.data.attachments.find((a: { name: string }) => a.name === 'evidence.pdf').url;
    expect(url).toMatch(/^\/api\/files\/evidence_[a-z0-9]+\.pdf$/);
    moderator = await adminLogin(app, 'moderator.unece@example.org');
  });

  test('while pending, its address serves its author and its region\'s moderators only', async () => {
    const own = await read(url, auth.stakeholder);
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect(own.headers['content-disposition']).toMatch(/attachment; filename="evidence.pdf"/);
    expect(Buffer.from(own.body).equals(PDF)).toBe(true);
    expect(Buffer.from((await read(url, moderator)).body).equals(PDF)).toBe(true);
    for (const token of [undefined, auth['un-system'], auth['member-state'], auth['hub-token'], await adminLogin(app, 'moderator.escap@example.org')]) {
      expect((await read(url, token)).status).toBe(404);
    }
  });

  test('published, anyone reads it at the address the API gives; retracted, it is withheld again', async () => {
    await app.http().post(`/moderation/submissions/${documentId}/approve`).set('Authorization', `Bearer ${moderator}`).expect(200);
    const hub = await app.http().get(`/api/submissions/${documentId}?populate=attachments`).set('Authorization', `Bearer ${auth['hub-token']}`);
    expect(hub.body.data.attachments.map((a: { url: string }) => a.url)).toContain(url);
    const served = await read(url);
    expect(served.status).toBe(200);
    expect(served.headers['cache-control']).toBe('public, no-cache');
    expect(Buffer.from(served.body).equals(PDF)).toBe(true);
    // The address from before files left the public folder leads to the same route.
    const legacy = await app.http().get(`/uploads/${url.split('/').pop()}`);
    expect([legacy.status, legacy.headers.location]).toEqual([308, url]);
    await app.http().post(`/moderation/submissions/${documentId}/retract`).set('Authorization', `Bearer ${moderator}`).send({ to: 'rejected', reason: 'Check.' }).expect(200);
    expect((await read(url)).status).toBe(404);
    expect((await read(url, auth.stakeholder)).status).toBe(200);
  });
});

describe("a stakeholder's personal data, on request", () => {
  const EMAIL = 'leaving.stakeholder@example.org';
  let userId: number;
  let token: string;
  let secretariat: string;
  let published: string;
  let pendingWithFile: string;
  let fileId: number;
  const asSecretariat = (method: 'get' | 'post', path: string) => app.http()[method](path).set('Authorization', `Bearer ${secretariat}`);

  beforeAll(async () => {
    const role = (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'stakeholder' } })) as { id: number };
    const user = await app.strapi.plugin('users-permissions').service('user').add({ username: 'leaving', email: EMAIL, password: 'Leaving-2024!', provider: 'local', confirmed: true, role: role.id, displayName: 'Dana Leaving', organisation: 'Leaving Org', stakeholderCategory: 'civil_society', country: 'FR' });
    userId = user.id;
    token = app.strapi.plugin('users-permissions').service('jwt').issue({ id: userId });
    secretariat = await adminLogin(app, 'secretariat@example.org');
    const moderator = await adminLogin(app, 'moderator.unece@example.org');
    const [question] = await demoQuestions(app);
    const postAs = (title: string) => app.http().post('/api/submissions').set('Authorization', `Bearer ${token}`).field('data', JSON.stringify(validSubmission(question, { title })));
    published = (await postAs('Leaving: published')).body.data.documentId;
    await app.http().post(`/moderation/submissions/${published}/approve`).set('Authorization', `Bearer ${moderator}`).expect(200);
    const withFile = await postAs('Leaving: pending').attach('files', PDF, 'mine.pdf');
    pendingWithFile = withFile.body.data.documentId;
    fileId = withFile.body.data.attachments[0].id;
    const rejected = (await postAs('Leaving: rejected')).body.data.documentId;
    await app.http().post(`/moderation/submissions/${rejected}/reject`).set('Authorization', `Bearer ${moderator}`).send({ reason: 'Off topic.' }).expect(200);
  });

  test('only the secretariat finds, exports and erases people', async () => {
    const moderator = await adminLogin(app, 'moderator.unece@example.org');
    for (const [method, path] of [['post', '/moderation/people/search'], ['get', `/moderation/people/${userId}/export`], ['post', `/moderation/people/${userId}/erase`]] as const) {
      expect((await app.http()[method](path).set('Authorization', `Bearer ${moderator}`)).status).toBe(403);
      expect((await app.http()[method](path).set('Authorization', `Bearer ${auth['hub-token']}`)).status).toBe(401);
    }
  });

  test('the export holds the account, every submission in every state, and what they did', async () => {
    expect((await asSecretariat('post', '/moderation/people/search').send({ email: 'leaving.stake' })).body.data.map((p: { id: number }) => p.id)).toEqual([userId]);
    const res = await asSecretariat('get', `/moderation/people/${userId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/personal-data-\d+\.json/);
    expect(res.body.account).toMatchObject({ id: userId, email: EMAIL, displayName: 'Dana Leaving', organisation: 'Leaving Org' });
    expect(res.body.account.password).toBeUndefined();
    expect(res.body.submissions.map((s: { title: string; moderationState: string }) => [s.title, s.moderationState]).sort()).toEqual([
      ['Leaving: pending', 'pending'],
      ['Leaving: published', 'approved'],
      ['Leaving: rejected', 'rejected'],
    ]);
    expect(res.body.events.filter((e: { action: string }) => e.action === 'submitted')).toHaveLength(3);
  });

  test('erasure: the account goes, unpublished posts and their files go, published ones stay under no name', async () => {
    const phase = (await app.strapi.documents('api::phase.phase').findFirst({ filters: { isDemo: true } }))!;
    const draft = await app.strapi.documents('api::summary.summary').create({ data: { phase: phase.documentId, title: 'Summary draft', body: '- Leaving: published (Dana Leaving, Leaving Org). Dana Leavingston wrote too.' } as never });
    expect((await asSecretariat('post', `/moderation/people/${userId}/erase`).send({})).status).toBe(400);
    const res = await asSecretariat('post', `/moderation/people/${userId}/erase`).send({ confirm: EMAIL.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ anonymised: 1, erased: 2, summaryDrafts: 1 });
    const rewritten = await app.strapi.documents('api::summary.summary').findOne({ documentId: draft.documentId });
    expect(rewritten!.body).toBe('- Leaving: published (Former participant, Leaving Org). Dana Leavingston wrote too.');

    const kept = await get('hub-token', `/api/submissions/${published}`);
    expect(kept.status).toBe(200);
    expect(kept.body.data).toMatchObject({ title: 'Leaving: published', authorName: 'Former participant', organisation: null });
    expect(JSON.stringify(kept.body)).not.toMatch(/Dana|Leaving Org|leaving\.stakeholder/);
    expect(await app.strapi.db.query('api::submission.submission').count({ where: { documentId: pendingWithFile } })).toBe(0);
    expect(await app.strapi.db.query('plugin::upload.file').count({ where: { id: fileId } })).toBe(0);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { email: EMAIL } })).toBe(0);
    const log = (await app.strapi.db.query('plugin::moderation.moderation-event').findMany({ where: { actorKind: 'author', actorName: 'Dana Leaving' } })) as unknown[];
    expect(log).toEqual([]);
    expect((await app.http().get('/api/submissions/mine').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await asSecretariat('get', `/moderation/people/${userId}/export`)).status).toBe(404);
  });
});
