/**
 * The permission table of DESIGN.md, both ways, as one table: every principal (public, each
 * Hub role, each kind of API token, each admin role) × every endpoint of the content API and
 * of the moderation plugin, with the exact answer expected.
 */
import { createHubToken } from '../src/setup/access';
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { COLLECTION_TYPES, demoQuestions, PDF, validSubmission } from './helpers/fixtures';
import { startApp, type TestApp } from './helpers/strapi';

const PRINCIPALS = [
  'public',
  'authenticated',
  'member-state',
  'stakeholder',
  'un-system',
  'hub-token',
  'read-only-token',
  'full-access-token',
  'moderator-unece',
  'moderator-escap',
  'secretariat',
  'super-admin',
] as const;
type Principal = (typeof PRINCIPALS)[number];

/** A row per endpoint: the status each principal gets, in the order of PRINCIPALS. */
type Row = {
  endpoint: string;
  method: 'get' | 'post' | 'put' | 'delete';
  path: (id: string) => string;
  subject?: 'published' | 'own-pending' | 'own-returned' | 'pending' | 'approved' | 'pending-attachment' | 'published-attachment' | 'author' | 'author-suspension';
  body?: () => Record<string, unknown>;
  expect: number[];
};

//                 public auth  m-s  stak  un   hub   ro   full  modU modE  sec  super
const READ = /**/ [403, 200, 200, 200, 200, 200, 200, 200, 401, 401, 401, 401];
const POSTING = [403, 403, 403, 201, 201, 403, 403, 403, 401, 401, 401, 401];
const OWN = /* */ [403, 403, 403, 200, 200, 403, 403, 403, 401, 401, 401, 401];
const NOBODY = [405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405];
const QUEUE = /**/ [401, 401, 401, 401, 401, 401, 401, 401, 200, 200, 200, 200];
const DECIDE = /* */ [401, 401, 401, 401, 401, 401, 401, 401, 200, 403, 200, 200];
const REPLY = /* */ [401, 401, 401, 401, 401, 401, 401, 401, 201, 403, 201, 201];
// Leaving removes one's own mark only, so it is harmless anywhere; still admins only.
const LEAVE = /* */ [401, 401, 401, 401, 401, 401, 401, 401, 204, 204, 204, 204];
// Sending back a published submission of the un-system author: someone else's does not exist for
// a Hub author; their own is not returned, so it cannot change.
const PUBLISHED_NOT_RETURNED = [403, 403, 403, 404, 409, 403, 403, 403, 401, 401, 401, 401];
// An author who posted in UNECE only: absent for the ESCAP moderator.
const AUTHOR = /**/ [401, 401, 401, 401, 401, 401, 401, 401, 200, 404, 200, 200];
const SANCTION = [401, 401, 401, 401, 401, 401, 401, 401, 201, 404, 201, 201];
// Drafting guiding questions is the secretariat's.
const SECRETARIAT_ONLY = [401, 401, 401, 401, 401, 401, 401, 401, 403, 403, 201, 201];
const SECRETARIAT_READ = [401, 401, 401, 401, 401, 401, 401, 401, 403, 403, 200, 200];
const SECRETARIAT_NONE_SUCH = [401, 401, 401, 401, 401, 401, 401, 401, 403, 403, 404, 404];
// A file is read by whoever may read a document holding it: its author (the stakeholder, or the
// un-system author of their own cell) and the admins of its region while pending; anyone once published.
const PENDING_FILE = [404, 404, 404, 200, 200, 404, 404, 404, 200, 404, 200, 200];
const PUBLISHED_FILE = [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200];
const OLD_ADDRESS = [308, 308, 308, 308, 308, 308, 308, 308, 308, 308, 308, 308];
// One's own account: a signed-in Hub user's. A token is nobody: refused by its permissions, or,
// full-access, by the route, which finds no user.
const OWN_ACCOUNT = [403, 200, 200, 200, 200, 403, 403, 401, 401, 401, 401, 401];

const TYPES: Record<string, string> = COLLECTION_TYPES;
const COLLECTIONS = Object.keys(TYPES);

let app: TestApp;
let question: string;
/** A Hub account that posted in UNECE, on whom the sanction rows act. */
let sanctionedAuthor: number;
let demoPhase: string;
let publishedOfUnSystem: string;
const credentials: Partial<Record<Principal, string>> = {};
const published: Record<string, string> = {};

const ROWS: Row[] = [
  ...COLLECTIONS.flatMap((c): Row[] => [
    { endpoint: `GET /api/${c}`, method: 'get', path: () => `/api/${c}`, expect: READ },
    { endpoint: `GET /api/${c}/:id`, method: 'get', path: () => `/api/${c}/${published[c]}`, expect: READ },
    { endpoint: `POST /api/${c === 'submissions' ? 'regions' : c} (no such route)`, method: 'post', path: () => `/api/${c === 'submissions' ? 'regions' : c}`, body: () => ({ data: {} }), expect: NOBODY },
  ]),
  { endpoint: 'POST /api/submissions', method: 'post', path: () => '/api/submissions', body: () => ({ data: validSubmission(question) }), expect: POSTING },
  { endpoint: "PUT /api/submissions/:id (the un-system author's, published)", method: 'put', path: () => `/api/submissions/${publishedOfUnSystem}`, body: () => ({ data: validSubmission(question) }), expect: PUBLISHED_NOT_RETURNED },
  { endpoint: 'PUT /api/submissions/:id (own, returned)', method: 'put', path: (id) => `/api/submissions/${id}`, subject: 'own-returned', body: () => ({ data: validSubmission(question) }), expect: OWN },
  { endpoint: 'DELETE /api/submissions/:id (no such route)', method: 'delete', path: () => `/api/submissions/${published.submissions}`, expect: NOBODY },
  { endpoint: 'GET /api/users/me', method: 'get', path: () => '/api/users/me', expect: OWN_ACCOUNT },
  { endpoint: 'GET /api/submissions/mine', method: 'get', path: () => '/api/submissions/mine', expect: OWN },
  { endpoint: 'GET /api/submissions/mine/:id', method: 'get', path: (id) => `/api/submissions/mine/${id}`, subject: 'own-pending', expect: OWN },
  { endpoint: "GET /api/files/<a pending submission's file>", method: 'get', path: (id) => id.split(' ')[1], subject: 'pending-attachment', expect: PENDING_FILE },
  { endpoint: "GET /uploads/<a pending submission's file> (old address)", method: 'get', path: (id) => id.split(' ')[1].replace('/api/files/', '/uploads/'), subject: 'pending-attachment', expect: OLD_ADDRESS },
  { endpoint: "GET /api/files/<a published submission's file>", method: 'get', path: (id) => id.split(' ')[1], subject: 'published-attachment', expect: PUBLISHED_FILE },
  { endpoint: 'POST /api/submissions/:id/withdraw', method: 'post', path: (id) => `/api/submissions/${id}/withdraw`, subject: 'own-pending', expect: OWN },
  { endpoint: 'GET /moderation/submissions', method: 'get', path: () => '/moderation/submissions', expect: QUEUE },
  { endpoint: 'GET /moderation/submissions/:id', method: 'get', path: (id) => `/moderation/submissions/${id}`, subject: 'pending', expect: DECIDE },
  { endpoint: 'POST /moderation/submissions/:id/approve', method: 'post', path: (id) => `/moderation/submissions/${id}/approve`, subject: 'pending', expect: DECIDE },
  { endpoint: 'POST /moderation/submissions/:id/reject', method: 'post', path: (id) => `/moderation/submissions/${id}/reject`, subject: 'pending', body: () => ({ reason: 'Off topic.' }), expect: DECIDE },
  { endpoint: 'POST /moderation/submissions/:id/retract', method: 'post', path: (id) => `/moderation/submissions/${id}/retract`, subject: 'approved', body: () => ({ to: 'pending', reason: 'Personal data.' }), expect: DECIDE },
  { endpoint: 'POST /moderation/submissions/:id/return', method: 'post', path: (id) => `/moderation/submissions/${id}/return`, subject: 'pending', body: () => ({ note: 'Remove the names.' }), expect: DECIDE },
  { endpoint: 'GET /moderation/authors/:id', method: 'get', path: (id) => `/moderation/authors/${id}`, subject: 'author', expect: AUTHOR },
  { endpoint: 'POST /moderation/authors/:id/sanctions', method: 'post', path: (id) => `/moderation/authors/${id}/sanctions`, subject: 'author', body: () => ({ kind: 'warning', reason: 'Keep to the question.' }), expect: SANCTION },
  { endpoint: 'POST /moderation/authors/:id/sanctions/:sanctionId/lift', method: 'post', path: (id) => `/moderation/authors/${id}/lift`, subject: 'author-suspension', expect: AUTHOR },
  { endpoint: 'POST /moderation/questions (draft a question)', method: 'post', path: () => '/moderation/questions', body: () => ({ phase: demoPhase, text: 'Which practices should the Review highlight?' }), expect: SECRETARIAT_ONLY },
  { endpoint: 'GET /moderation/questions/drafts', method: 'get', path: () => '/moderation/questions/drafts', expect: SECRETARIAT_READ },
  // The outgoing e-mail names authors and moderators: the secretariat's to see and to send again.
  { endpoint: 'GET /moderation/outbox', method: 'get', path: () => '/moderation/outbox', expect: SECRETARIAT_READ },
  { endpoint: 'POST /moderation/outbox/:id/dismiss (none such)', method: 'post', path: () => '/moderation/outbox/999999/dismiss', expect: SECRETARIAT_NONE_SUCH },
  { endpoint: 'POST /moderation/submissions/:id/presence', method: 'post', path: (id) => `/moderation/submissions/${id}/presence`, subject: 'pending', expect: DECIDE },
  { endpoint: 'DELETE /moderation/submissions/:id/presence', method: 'delete', path: (id) => `/moderation/submissions/${id}/presence`, subject: 'pending', expect: LEAVE },
  { endpoint: 'POST /moderation/submissions/:id/replies', method: 'post', path: (id) => `/moderation/submissions/${id}/replies`, subject: 'pending', body: () => ({ body: 'Thank you.' }), expect: REPLY },
];

beforeAll(async () => {
  app = await startApp({ SUBMISSION_RATE_LIMIT: '1000' });
  [question] = await demoQuestions(app);
  demoPhase = (await app.strapi.documents('api::phase.phase').findFirst({ filters: { isDemo: true } }))!.documentId;
  publishedOfUnSystem = ((await app.strapi.db.query('api::submission.submission').findOne({ where: { publishedAt: { $notNull: true }, author: { email: HUB_ACCOUNTS['un-system'] } } })) as { documentId: string }).documentId;
  for (const [role, email] of Object.entries(HUB_ACCOUNTS)) credentials[role as Principal] = await hubLogin(app, email);
  credentials['hub-token'] = await createHubToken(app.strapi, 'matrix hub token');
  const tokens = app.strapi.service('admin::api-token-content-api');
  credentials['read-only-token'] = (await tokens.create({ name: 'matrix read-only', kind: 'content-api', type: 'read-only', lifespan: null })).accessKey;
  credentials['full-access-token'] = (await tokens.create({ name: 'matrix full-access', kind: 'content-api', type: 'full-access', lifespan: null })).accessKey;
  credentials['moderator-unece'] = await adminLogin(app, 'moderator.unece@example.org');
  credentials['moderator-escap'] = await adminLogin(app, 'moderator.escap@example.org');
  credentials.secretariat = await adminLogin(app, 'secretariat@example.org');
  credentials['super-admin'] = await adminLogin(app, 'admin@example.org');
  const role = (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'stakeholder' } })) as { id: number };
  const account = await app.strapi.plugin('users-permissions').service('user').add({ username: 'matrix-author', email: 'matrix-author@example.org', password: 'Matrix-Author-2024', provider: 'local', confirmed: true, blocked: false, stakeholderCategory: 'academia', displayName: 'Matrix Author', role: role.id });
  sanctionedAuthor = account.id;
  const authorJwt = await hubLogin(app, 'matrix-author@example.org', 'Matrix-Author-2024');
  await app.http().post('/api/submissions').set('Authorization', `Bearer ${authorJwt}`).send({ data: validSubmission(question) }).expect(201);
  const phase = await app.strapi.documents('api::phase.phase').findFirst({});
  await app.strapi.documents('api::summary.summary').create({ data: { phase: phase!.documentId, title: 'Summary', body: 'Consolidated.' } as never, status: 'published' });
  for (const c of COLLECTIONS) {
    published[c] = ((await app.strapi.documents(TYPES[c] as never).findFirst({ status: 'published' } as never)) as unknown as { documentId: string }).documentId;
  }
});

afterAll(async () => {
  await app?.stop();
});

/** A submission in the state a row needs, made afresh for each cell so that cells never share state. */
async function subject(kind: Row['subject'], principal: Principal): Promise<string> {
  if (!kind) return '';
  if (kind === 'author') return String(sanctionedAuthor);
  if (kind === 'author-suspension') {
    // "<author>/sanctions/<id>": a suspension of an author of its own, so that none outlives its cell for the others.
    // Imposed in UNECE, where the author posted: UNECE's moderators lift it, as the secretariat does.
    const suspension = (await app.strapi.plugin('moderation').service('sanctions').impose({ kind: 'moderator', id: 1, name: 'Matrix', scope: ['UNECE'] }, sanctionedAuthor, { kind: 'suspension', reason: 'Matrix.', days: 1 })) as { id: number };
    return `${sanctionedAuthor}/sanctions/${suspension.id}`;
  }
  const author = principal === 'un-system' ? 'un-system' : 'stakeholder';
  if (kind === 'pending-attachment' || kind === 'published-attachment') {
    // "documentId /api/files/address" of a submission with one PDF.
    const res = await app.http().post('/api/submissions').set('Authorization', `Bearer ${credentials[author]}`).field('data', JSON.stringify(validSubmission(question))).attach('files', PDF, 'evidence.pdf');
    const documentId = res.body.data.documentId as string;
    if (kind === 'published-attachment') {
      await app.http().post(`/moderation/submissions/${documentId}/approve`).set('Authorization', `Bearer ${credentials['super-admin']}`).expect(200);
    }
    return `${documentId} ${res.body.data.attachments[0].url as string}`;
  }
  const res = await app.http().post('/api/submissions').set('Authorization', `Bearer ${credentials[author]}`).send({ data: validSubmission(question) });
  const documentId = res.body.data.documentId as string;
  if (kind === 'own-returned') {
    await app.http().post(`/moderation/submissions/${documentId}/return`).set('Authorization', `Bearer ${credentials['super-admin']}`).send({ note: 'Change it.' }).expect(200);
  }
  if (kind === 'approved') {
    await app.http().post(`/moderation/submissions/${documentId}/approve`).set('Authorization', `Bearer ${credentials['super-admin']}`);
  }
  return documentId;
}

const CELLS = ROWS.flatMap((row) => PRINCIPALS.map((principal, i) => ({ endpoint: row.endpoint, principal, expected: row.expect[i], row })));

describe('permission matrix', () => {
  test('every row names every principal', () => {
    for (const row of ROWS) expect([row.endpoint, row.expect.length]).toEqual([row.endpoint, PRINCIPALS.length]);
  });

  test.each(CELLS)('$endpoint as $principal → $expected', async ({ principal, expected, row }) => {
    const id = await subject(row.subject, principal);
    let req = app.http()[row.method](row.path(id));
    if (principal !== 'public') req = req.set('Authorization', `Bearer ${credentials[principal]}`);
    const res = await (row.body ? req.send(row.body()) : req);
    if (expected === 405) {
      expect([404, 405]).toContain(res.status);
    } else {
      expect(res.status).toBe(expected);
    }
    if (res.status >= 400) expect(res.body?.data ?? null).toBeNull();
  });
});

describe('what /api/users/me says a user may do', () => {
  const HUB_ROLES = ['authenticated', 'member-state', 'stakeholder', 'un-system'] as const;
  const me = async (jwt: string) => {
    const res = await app.http().get('/api/users/me').set('Authorization', `Bearer ${jwt}`);
    expect(res.status).toBe(200);
    return res.body as { email: string; role: { type: string }; capabilities: { canRead: boolean; canPost: boolean; canSeeOwn: boolean; postingRestrictions: { kind: string; regionCode: string | null; endsAt: string | null; reason: string }[] } };
  };

  test.each(HUB_ROLES)('as %s: its own role, and exactly what the matrix lets it do', async (principal) => {
    const i = PRINCIPALS.indexOf(principal);
    const body = await me(credentials[principal]!);
    expect(body.email).toBe(HUB_ACCOUNTS[principal]);
    expect(body.role.type).toBe(principal);
    expect(body.capabilities).toEqual({ canRead: READ[i] === 200, canPost: POSTING[i] === 201, canSeeOwn: OWN[i] === 200, postingRestrictions: [] });
    // Nothing about another account: its own fields and these two, no more.
    expect(JSON.stringify(body)).not.toMatch(/matrix-author|password|resetPasswordToken|confirmationToken/);
  });

  test("a suspension and a block show where and until when, as the server refuses that posting", async () => {
    const role = (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'stakeholder' } })) as { id: number };
    const account = await app.strapi.plugin('users-permissions').service('user').add({ username: 'restricted-author', email: 'restricted-author@example.org', password: 'Restricted-Author-2024', provider: 'local', confirmed: true, blocked: false, stakeholderCategory: 'academia', displayName: 'Restricted Author', role: role.id });
    const jwt = await hubLogin(app, 'restricted-author@example.org', 'Restricted-Author-2024');
    await app.http().post('/api/submissions').set('Authorization', `Bearer ${jwt}`).send({ data: validSubmission(question) }).expect(201);
    const sanctions = app.strapi.plugin('moderation').service('sanctions');
    await sanctions.impose({ kind: 'moderator', id: 1, name: 'Matrix', scope: ['UNECE'] }, account.id, { kind: 'suspension', reason: 'Names in the text.', days: 2 });
    await sanctions.impose({ kind: 'moderator', id: 1, name: 'Matrix', scope: ['UNECE'] }, account.id, { kind: 'warning', reason: 'Keep to the question.' });
    const { capabilities } = await me(jwt);
    expect(capabilities.canPost).toBe(true);
    expect(capabilities.postingRestrictions).toEqual([{ kind: 'suspension', regionCode: 'UNECE', endsAt: expect.any(String), reason: 'Names in the text.' }]);
    expect(Date.parse(capabilities.postingRestrictions[0].endsAt!) - Date.now()).toBeGreaterThan(47 * 60 * 60 * 1000);
    const refused = await app.http().post('/api/submissions').set('Authorization', `Bearer ${jwt}`).send({ data: validSubmission(question) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toMatchObject({ code: 'suspended', endsAt: capabilities.postingRestrictions[0].endsAt });

    const block = (await sanctions.impose({ kind: 'moderator', id: 1, name: 'Matrix', scope: 'all' }, account.id, { kind: 'block', reason: 'Repeated.' })) as { id: number };
    expect((await me(jwt)).capabilities.postingRestrictions).toEqual([
      { kind: 'block', regionCode: null, endsAt: null, reason: 'Repeated.' },
      { kind: 'suspension', regionCode: 'UNECE', endsAt: expect.any(String), reason: 'Names in the text.' },
    ]);
    await sanctions.lift({ kind: 'moderator', id: 1, name: 'Matrix', scope: 'all' }, account.id, block.id, {});
    expect((await me(jwt)).capabilities.postingRestrictions.map((r) => r.kind)).toEqual(['suspension']);
  });
});
