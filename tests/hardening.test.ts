/**
 * Hostile input (docs/SECURITY.md): CORS and security headers, forged and expired tokens, query
 * abuse, property-based fuzzing of posting and of every read endpoint's parameters, and login
 * brute force. Every answer is a 2xx or a 4xx, never a 5xx; a refused post writes nothing; nothing
 * unpublished appears in any answer.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import jwt from 'jsonwebtoken';
import qs from 'qs';
import winston from 'winston';
import { createHubToken } from '../src/setup/access';
import { adminLogin, HUB_ACCOUNTS, hubLogin, DEMO_USER_PASSWORD } from './helpers/accounts';
import { COLLECTION_TYPES, demoQuestions, HTML, PDF, validSubmission, writtenRows } from './helpers/fixtures';
import { appDir, startApp, type TestApp } from './helpers/strapi';

const HUB_ORIGIN = 'https://hub.example.org';
const SECRET_MARK = 'UNPUBLISHED-MARK';
const FUZZ_READS = Number(process.env.FUZZ_READS ?? 1500);
const FUZZ_POSTS = Number(process.env.FUZZ_POSTS ?? 400);
const LOGIN_LIMIT = 5;
const ADDRESS_LIMIT = 80;

let app: TestApp;
let stakeholder: string;
let hubToken: string;
let question: string;
let pending: string;
/** What this file tried, for docs/SECURITY.md (printed at the end). */
const tally = { hostileCases: 0, fuzzedReads: 0, fuzzedPosts: 0, serverErrors: 0 };

beforeAll(async () => {
  app = await startApp({ CORS_ORIGINS: HUB_ORIGIN, SUBMISSION_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: String(LOGIN_LIMIT), LOGIN_RATE_LIMIT_PER_ADDRESS: String(ADDRESS_LIMIT), TRUST_PROXY: 'true', ADMIN_LOGIN_RATE_LIMIT: '5' });
  stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  hubToken = await createHubToken(app.strapi, 'hardening token');
  [question] = await demoQuestions(app);
  const posted = await app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).send({ data: validSubmission(question, { title: `${SECRET_MARK} pending`, body: `${SECRET_MARK} body` }) });
  pending = posted.body.data.documentId;
});

afterAll(async () => {
  // The figures docs/SECURITY.md reports, per database.
  fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(appDir, '.tmp', `hardening-${app?.databaseClient}.json`), JSON.stringify(tally, null, 2));
  await app?.stop();
});

const read = (path: string) => app.http().get(path).set('Authorization', `Bearer ${hubToken}`);

function expectClean(res: { status: number; text: string }, label: string) {
  if (res.status >= 500) tally.serverErrors += 1;
  expect([label, res.status < 500]).toEqual([label, true]);
  expect([label, res.text.includes(SECRET_MARK)]).toEqual([label, false]);
}

describe('headers', () => {
  test('CORS answers the configured Hub origin only', async () => {
    const allowed = await app.http().options('/api/submissions').set('Origin', HUB_ORIGIN).set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe(HUB_ORIGIN);
    for (const origin of ['https://evil.example', 'null', `${HUB_ORIGIN}.evil.example`, 'http://hub.example.org']) {
      tally.hostileCases += 1;
      const refused = await app.http().options('/api/submissions').set('Origin', origin).set('Access-Control-Request-Method', 'GET');
      expect([origin, refused.headers['access-control-allow-origin'] ?? '']).toEqual([origin, '']);
      const get = await read('/api/regions').set('Origin', origin);
      expect(get.headers['access-control-allow-origin'] ?? '').toBe('');
    }
  });

  test('security headers on the API and the admin panel; the server does not name itself', async () => {
    for (const path of ['/api/regions', '/admin/login', '/api/files/nothing.pdf']) {
      const res = await app.http().get(path).set('Authorization', `Bearer ${hubToken}`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('tokens', () => {
  test('forged, expired, foreign and malformed credentials are 401, never a read', async () => {
    const user = (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: HUB_ACCOUNTS.stakeholder } })) as { id: number };
    const secret = app.strapi.config.get('plugin::users-permissions.jwtSecret') as string;
    const [header, payload, signature] = stakeholder.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const cases: Record<string, string> = {
      'a changed signature': `${header}.${payload}.${flipped}`,
      'a changed payload': `${header}.${Buffer.from(JSON.stringify({ id: 1, iat: 1 })).toString('base64url')}.${signature}`,
      'no signature (alg none)': `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`,
      'expired': jwt.sign({ id: user.id }, secret, { expiresIn: -60 }),
      'signed with another secret': jwt.sign({ id: user.id }, 'not-the-secret'),
      'an admin panel token': await adminLogin(app, 'moderator.unece@example.org'),
      'a random string': 'x'.repeat(40),
      'a revoked API token': await (async () => {
        const token = await app.strapi.service('admin::api-token-content-api').create({ name: 'to revoke', kind: 'content-api', type: 'read-only', lifespan: null });
        await app.strapi.service('admin::api-token-content-api').revoke(token.id);
        return token.accessKey as string;
      })(),
    };
    for (const [label, token] of Object.entries(cases)) {
      tally.hostileCases += 1;
      const res = await app.http().get('/api/submissions').set('Authorization', `Bearer ${token}`);
      expect([label, res.status]).toEqual([label, 401]);
      const mine = await app.http().get('/api/submissions/mine').set('Authorization', `Bearer ${token}`);
      expect([label, mine.status]).toEqual([label, 401]);
    }
  });
});

describe('query abuse', () => {
  const deep = (levels: number) => Array.from({ length: levels }, () => '[populate][replyTo]').join('').replace(/^\[populate\]/, 'populate');
  const HOSTILE: [string, string][] = [
    ['filter on a private field', '/api/submissions?filters[moderationState][$eq]=pending'],
    ['filter through the author relation', '/api/submissions?filters[author][email][$contains]=@'],
    ['sort on a private field', '/api/submissions?sort=decisionReason:asc'],
    ['populate the author', '/api/submissions?populate[author]=true'],
    ['populate everything', '/api/submissions?populate=*'],
    ['populate everything deep', '/api/submissions?populate[replyTo][populate]=*'],
    ['a private field asked for', '/api/submissions?fields[0]=decisionReason'],
    ['drafts asked for', '/api/submissions?status=draft'],
    ['drafts through a filter on publishedAt', '/api/submissions?filters[publishedAt][$null]=true'],
    ['drafts through publicationFilter', '/api/submissions?publicationFilter=never-published'],
    ['populate 20 levels deep', `/api/submissions?${deep(20)}=true`],
    ['populate 200 levels deep', `/api/submissions?${deep(200)}=true`],
    ['populate very wide', `/api/submissions?${Array.from({ length: 300 }, (_, i) => `populate[${i}]=replyTo`).join('&')}`],
    ['a huge page', '/api/submissions?pagination[pageSize]=1000000'],
    ['a negative page', '/api/submissions?pagination[page]=-3'],
    ['start and limit, negative', '/api/submissions?pagination[start]=-5&pagination[limit]=-1'],
    ['pagination not a number', '/api/submissions?pagination[pageSize]=abc'],
    ['an unknown operator', '/api/submissions?filters[title][$where]=1'],
    ['a regex operator', '/api/submissions?filters[title][$regex]=.*'],
    ['an operator at the top', '/api/submissions?filters[$or][0][$where]=1'],
    ['$in with 5,000 values', `/api/submissions?${Array.from({ length: 5000 }, (_, i) => `filters[id][$in][${i}]=${i}`).join('&')}`],
    ['filters 60 levels deep', `/api/submissions?filters${'[$and][0]'.repeat(60)}[title][$eq]=x`],
    ['a SQL fragment in a value', "/api/submissions?filters[title][$eq]=x'%20OR%201=1--"],
    ['a SQL fragment in a sort', '/api/submissions?sort=title;drop%20table%20submissions'],
    ['a prototype key', '/api/submissions?filters[__proto__][polluted]=1&filters[constructor][prototype][x]=1'],
    ['an unknown locale', '/api/guiding-questions?locale=xx-evil'],
    ['every locale', '/api/guiding-questions?locale=*'],
    ['a malformed percent escape', '/api/submissions?filters[title][$eq]=%E0%A4%A'],
    ['an id that is not one', '/api/submissions/%00%27"'],
    ['a 60 kB query string', `/api/submissions?filters[title][$contains]=${'a'.repeat(60000)}`],
  ];

  test.each(HOSTILE)('%s: a clean answer, nothing unpublished', async (label, path) => {
    tally.hostileCases += 1;
    const res = await read(path);
    expectClean(res, label);
    if (res.status === 200 && Array.isArray(res.body.data)) expect(res.body.data.length).toBeLessThanOrEqual(100);
  });

  test('a page is never larger than 100', async () => {
    expect((await read('/api/submissions?pagination[pageSize]=1000000')).body.meta.pagination.pageSize).toBeLessThanOrEqual(100);
  });
});

describe('uploads that lie', () => {
  const postFile = (bytes: Buffer, name: string) =>
    app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).field('data', JSON.stringify(validSubmission(question, { title: `Upload ${name}` }))).attach('files', bytes, name);

  test('a PDF that is also an HTML page is kept as a PDF and only ever served as a download', async () => {
    tally.hostileCases += 1;
    const polyglot = Buffer.concat([PDF, HTML]);
    const res = await postFile(polyglot, 'report.pdf');
    expect(res.status).toBe(201);
    const [file] = res.body.data.attachments;
    expect(file.mime).toBe('application/pdf');
    const own = await app.http().get(file.url).set('Authorization', `Bearer ${stakeholder}`);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toMatch(/^attachment/);
    expect(own.headers['x-content-type-options']).toBe('nosniff');
  });

  test('a compression bomb named .docx is stored as sent, never unpacked', async () => {
    tally.hostileCases += 1;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/document.xml', Buffer.alloc(64 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await postFile(bomb, 'minutes.docx');
    expect([201, 400]).toContain(res.status);
    if (res.status === 201) expect(res.body.data.attachments[0].size).toBeLessThan(1024);
  });

  test('a document over the size limit: 413, nothing stored', async () => {
    tally.hostileCases += 1;
    const before = await writtenRows(app);
    const res = await postFile(Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]), 'huge.pdf');
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/upload was refused/i);
    expect(await writtenRows(app)).toEqual(before);
  });
});

/** Names the schemas use, and some they do not, for the fuzzer to combine. */
const FIELD = fc.constantFrom('title', 'body', 'kind', 'id', 'documentId', 'createdAt', 'publishedAt', 'moderationState', 'decisionReason', 'author', 'email', 'phase', 'region', 'code', 'guidingQuestion', 'replyTo', 'responses', 'moderatorReplies', 'attachments', 'translations', 'locale', 'text', 'position', '$and', '$or', '$not', '__proto__', 'constructor', '*');
const OPERATOR = fc.constantFrom('$eq', '$ne', '$in', '$notIn', '$lt', '$gte', '$contains', '$containsi', '$startsWith', '$null', '$notNull', '$between', '$where', '$regex', '$exists');
const VALUE = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.constant(''), fc.constant('*'), fc.constant('null'), fc.string({ unit: 'binary', maxLength: 10 }), fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 4 }));
const FILTER: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, VALUE, fc.dictionary(fc.oneof(FIELD, OPERATOR), tie('node'), { maxKeys: 3 }), fc.array(tie('node'), { maxLength: 3 })),
})).node;
const QUERY = fc.record(
  {
    filters: FILTER,
    sort: fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.tuple(FIELD, fc.constantFrom('asc', 'desc', 'sideways')).map(([f, d]) => `${f}:${d}`), { maxLength: 3 })),
    populate: fc.oneof(fc.constant('*'), FIELD, fc.dictionary(FIELD, fc.oneof(fc.constant(true), fc.constant('*'), fc.record({ populate: fc.oneof(FIELD, fc.constant('*')), fields: fc.array(FIELD, { maxLength: 3 }) }, { requiredKeys: [] })), { maxKeys: 3 })),
    fields: fc.array(FIELD, { maxLength: 4 }),
    pagination: fc.record({ page: VALUE, pageSize: VALUE, start: VALUE, limit: VALUE, withCount: VALUE }, { requiredKeys: [] }),
    status: fc.constantFrom('draft', 'published', 'any', ''),
    locale: fc.oneof(fc.constantFrom('en', 'fr', 'ar', 'zh', '*', 'all'), fc.string({ maxLength: 6 })),
    publicationFilter: fc.constantFrom('never-published', 'has-published-version', 'modified', 'x'),
    _q: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: [] },
);
const ENDPOINT = fc.oneof(
  fc.constantFrom(...Object.keys(COLLECTION_TYPES)).map((c) => `/api/${c}`),
  fc.constantFrom('/api/submissions/mine'),
);

test(`fuzzing the read endpoints' parameters (${FUZZ_READS} requests): no 5xx, nothing unpublished`, async () => {
  await fc.assert(
    fc.asyncProperty(ENDPOINT, QUERY, fc.boolean(), async (endpoint, query, asStakeholder) => {
      tally.fuzzedReads += 1;
      const path = `${endpoint}?${qs.stringify(query, { encodeValuesOnly: true })}`;
      const res = await app.http().get(path).set('Authorization', `Bearer ${asStakeholder ? stakeholder : hubToken}`);
      // The author's own list is the one place where their pending post belongs.
      if (endpoint === '/api/submissions/mine' && asStakeholder) {
        expect(res.status).toBeLessThan(500);
      } else {
        expectClean(res, path);
      }
    }),
    { numRuns: FUZZ_READS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
  );
});

const POST_FIELD = fc.constantFrom('kind', 'title', 'body', 'guidingQuestion', 'countries', 'gcmObjectives', 'language', 'links', 'replyTo', 'moderationState', 'publishedAt', 'author', 'region', 'phase', 'id', 'documentId', '__proto__', 'attachments');
const ANY_VALUE = fc.oneof(VALUE, fc.object({ maxDepth: 2 }), fc.constant(null), fc.string({ minLength: 5000, maxLength: 30000 }), fc.constant('<script>alert(1)</script>'), fc.double());

test(`fuzzing posting (${FUZZ_POSTS} requests): no 5xx, nothing written when refused`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.dictionary(POST_FIELD, ANY_VALUE, { maxKeys: 8 }), fc.boolean(), fc.boolean(), async (changes, startValid, wrapped) => {
      tally.fuzzedPosts += 1;
      const data = { ...(startValid ? validSubmission(question, { title: 'Fuzzed post' }) : {}), ...changes };
      const before = await writtenRows(app);
      const res = await app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).send(wrapped ? { data } : data);
      if (res.status >= 500) tally.serverErrors += 1;
      expect(res.status).toBeLessThan(500);
      if (res.status !== 201) {
        expect(res.body?.error?.message).toEqual(expect.any(String));
        expect(await writtenRows(app)).toEqual(before);
      }
    }),
    { numRuns: FUZZ_POSTS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
  );
});

// Last: the limits it trips last for the window.
describe('login brute force', () => {
  /** A sign-in as if from a client behind the load balancer (TRUST_PROXY), at `address`. */
  const signIn = (identifier: string, password: string, address: string) =>
    app.http().post('/api/auth/local').set('X-Forwarded-For', address).send({ identifier, password });

  test('many clients behind one proxy, or one office address, all sign in', async () => {
    const accounts = [HUB_ACCOUNTS.authenticated, HUB_ACCOUNTS['member-state'], HUB_ACCOUNTS['un-system']];
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) statuses.push((await signIn(accounts[i % 3], DEMO_USER_PASSWORD, `198.51.100.${i + 1}`)).status);
    for (let i = 0; i < 30; i += 1) statuses.push((await signIn(accounts[i % 3], DEMO_USER_PASSWORD, '203.0.113.7')).status);
    expect(statuses).toEqual(Array(60).fill(200));
  });

  test(`guessing one account's password: past ${LOGIN_LIMIT} failures, 429 from any address, even with the right password`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT + 3; i += 1) {
      tally.hostileCases += 1;
      statuses.push((await signIn(HUB_ACCOUNTS.stakeholder, `wrong-${i}`, `192.0.2.${i + 1}`)).status);
    }
    expect(statuses).toEqual([...Array(LOGIN_LIMIT).fill(400), 429, 429, 429]);
    const refused = await signIn(HUB_ACCOUNTS.stakeholder, DEMO_USER_PASSWORD, '192.0.2.200');
    expect([refused.status, refused.body.error.message]).toEqual([429, expect.stringMatching(/Too many failed sign-ins for this account/)]);
    // Its identifier spelled otherwise is the same account.
    expect((await signIn(` ${HUB_ACCOUNTS.stakeholder.toUpperCase()} `, DEMO_USER_PASSWORD, '192.0.2.201')).status).toBe(429);
    // Others sign in as before.
    expect((await signIn(HUB_ACCOUNTS['member-state'], DEMO_USER_PASSWORD, '192.0.2.202')).status).toBe(200);
  });

  test(`spraying many accounts from one address: past ${ADDRESS_LIMIT} attempts, 429 for that address only`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ADDRESS_LIMIT + 2; i += 1) {
      tally.hostileCases += 1;
      statuses.push((await signIn(`nobody-${i}@example.org`, 'guess', '233.252.0.1')).status);
    }
    expect(statuses.slice(0, ADDRESS_LIMIT - 1).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    expect((await signIn(HUB_ACCOUNTS['un-system'], DEMO_USER_PASSWORD, '233.252.0.2')).status).toBe(200);
  });

  test('admin panel logins: limited the same way', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      tally.hostileCases += 1;
      statuses.push((await app.http().post('/admin/login').send({ email: 'moderator.unece@example.org', password: `wrong-${i}` })).status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    expect(statuses.every((s) => s === 400 || s === 429)).toBe(true);
  });

  test('the pending submission stayed unpublished through all of it', async () => {
    expect(await app.strapi.documents('api::submission.submission').findOne({ documentId: pending, status: 'published' })).toBeNull();
  });
});

test('personal data stays out of the logs, at every level', async () => {
  const lines: string[] = [];
  const transport = new winston.transports.Stream({ stream: new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }) });
  const level = app.strapi.log.level;
  app.strapi.log.add(transport);
  app.strapi.log.level = 'silly';
  const secrets = ['new.person@example.org', 'Secret-Pass-123!', HUB_ACCOUNTS.stakeholder, DEMO_USER_PASSWORD, '+41 22 917 12 34'];
  try {
    await app.http().post('/api/auth/local/register').send({ username: 'new-person', email: secrets[0], password: secrets[1], displayName: 'New Person' });
    await app.http().post('/api/auth/local').send({ identifier: secrets[2], password: secrets[3] });
    await app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).send({ data: validSubmission(question, { title: 'Call me', body: `Reach me on ${secrets[4]} or at ${secrets[0]}.` }) });
    await app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).send({ data: { title: secrets[0] } });
    const secretariat = await adminLogin(app, 'secretariat@example.org');
    await app.http().post('/moderation/people/search').set('Authorization', `Bearer ${secretariat}`).send({ email: secrets[0] });
  } finally {
    app.strapi.log.remove(transport);
    app.strapi.log.level = level;
  }
  expect(lines.some((line) => line.includes('/api/auth/local'))).toBe(true);
  for (const secret of secrets) expect([secret, lines.filter((line) => line.includes(secret))]).toEqual([secret, []]);
});
