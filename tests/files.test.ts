/**
 * Files private by construction (docs/SECURITY.md): every stored file lives outside the public
 * folder and is read only through /api/files, which asks the documents that hold it. A hostile
 * suite generates spellings of a pending file's address from its stored name and asks every
 * route Strapi has mounted, as every identity that must not read it; the Media Library is tried
 * per admin role; orphans are not served and are swept; files from before the move are moved.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { moveLegacyFiles } from '../src/api/file/legacy-storage';
import { createHubToken } from '../src/setup/access';
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { demoQuestions, PDF, validSubmission } from './helpers/fixtures';
import { startApp, type TestApp } from './helpers/strapi';

const DAY = 24 * 60 * 60 * 1000;
const FILE = 'plugin::upload.file';
/** Bytes that only the pending file holds: no answer to an outsider may carry them. */
const MARK = `GCM-PENDING-${Date.now().toString(36)}`;
const PENDING_PDF = Buffer.concat([PDF, Buffer.from(`%${MARK}\n`)]);

let app: TestApp;
let port: number;
let publicDir: string;
let question: string;
const tokens: Record<string, string> = {};
/** The pending submission and its file. */
let pending: { documentId: string; fileId: number; url: string; name: string };
/** What the hostile suite sent, for docs/SECURITY.md. */
const tally = { requests: 0, routes: 0, spellings: 0, serverErrors: 0, leaks: 0 };

/** One request, its path sent exactly as written (no client-side normalisation). */
function raw(method: string, rawPath: string, token?: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: rawPath, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Asks, follows a same-origin redirect once, and says whether any answer carried the file. */
async function leaks(method: string, rawPath: string, token?: string): Promise<{ leaked: boolean; status: number }> {
  tally.requests += 1;
  let res = await raw(method, rawPath, token);
  let leaked = res.body.includes(MARK);
  const location = res.headers.location;
  if (res.status >= 300 && res.status < 400 && location?.startsWith('/')) {
    tally.requests += 1;
    res = await raw(method, location, token);
    leaked ||= res.body.includes(MARK);
  }
  if (res.status >= 500) tally.serverErrors += 1;
  if (leaked) tally.leaks += 1;
  return { leaked, status: res.status };
}

const pct = (c: string, lower = false) => {
  const hex = Buffer.from(c).toString('hex').replace(/(..)/g, '%$1');
  return lower ? hex : hex.toUpperCase();
};

/**
 * The ways one address can be written that a proxy, router or static server may read as the
 * same path: every character percent-encoded (one at a time, all at once, twice), every letter's
 * case flipped, dot segments and doubled slashes at every slash, each slash encoded or written
 * as a backslash, trailing noise, query strings.
 */
function spellings(address: string): string[] {
  const out = new Set<string>([address, address.toUpperCase(), address.toLowerCase()]);
  const slashes = [...address].flatMap((c, i) => (c === '/' && i > 0 ? [i] : []));
  for (let i = 1; i < address.length; i += 1) {
    const [before, c, after] = [address.slice(0, i), address[i], address.slice(i + 1)];
    out.add(before + pct(c) + after);
    out.add(before + pct(c, true) + after);
    out.add(before + '%25' + pct(c).slice(1) + after);
    if (c.toLowerCase() !== c.toUpperCase()) out.add(before + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + after);
  }
  out.add('/' + [...address.slice(1)].map((c) => (c === '/' ? c : pct(c))).join(''));
  out.add('/' + [...address.slice(1)].map((c) => (c === '/' ? c : '%25' + pct(c).slice(1))).join(''));
  for (const i of [0, ...slashes]) {
    const [before, after] = [address.slice(0, i), address.slice(i)];
    for (const insert of ['/.', '/%2e', '/%2E', '/x/..', '/x/%2e%2e', '/', '//', '/./', '/.%2f']) out.add(before + insert + after);
  }
  for (const i of slashes) {
    for (const slash of ['%2F', '%2f', '\\', '%5C', '%5c', '%252F']) out.add(address.slice(0, i) + slash + address.slice(i + 1));
  }
  for (const suffix of ['/', '.', '%00', '%20', ';', ';.pdf', '?', '?download=1', '?x=/../', '#', '%23', '?%2e%2e']) out.add(address + suffix);
  return [...out];
}

beforeAll(async () => {
  publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gcm-public-'));
  app = await startApp({ SUBMISSION_RATE_LIMIT: '1000', PUBLIC_DIR: publicDir });
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  port = (app.strapi.server.httpServer.address() as AddressInfo).port;
  [question] = await demoQuestions(app);
  for (const [role, email] of Object.entries(HUB_ACCOUNTS)) tokens[role] = await hubLogin(app, email);
  tokens['hub-token'] = await createHubToken(app.strapi, 'files test token');
  for (const [who, email] of [
    ['moderator-unece', 'moderator.unece@example.org'],
    ['moderator-escap', 'moderator.escap@example.org'],
    ['secretariat', 'secretariat@example.org'],
    ['super-admin', 'admin@example.org'],
  ]) {
    tokens[who] = await adminLogin(app, email);
  }
  pending = await post('stakeholder', 'pending.pdf', PENDING_PDF);
});

afterAll(async () => {
  fs.mkdirSync(path.join(__dirname, '..', '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, '..', '.tmp', `files-${app?.databaseClient}.json`), JSON.stringify(tally, null, 2));
  await app?.stop();
  fs.rmSync(publicDir, { recursive: true, force: true });
});

async function post(author: string, fileName: string, bytes: Buffer) {
  const posted = await app
    .http()
    .post('/api/submissions')
    .set('Authorization', `Bearer ${tokens[author]}`)
    .field('data', JSON.stringify(validSubmission(question, { kind: 'data', title: `With ${fileName}` })))
    .attach('files', bytes, fileName);
  expect(posted.status).toBe(201);
  const file = posted.body.data.attachments[0] as { id: number; url: string };
  return { documentId: posted.body.data.documentId as string, fileId: file.id, url: file.url, name: file.url.split('/').pop()! };
}

const approve = (documentId: string) => app.http().post(`/moderation/submissions/${documentId}/approve`).set('Authorization', `Bearer ${tokens['super-admin']}`).expect(200);

function allFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('storage', () => {
  test('a posted file is stored in the private store, never under the public folder', () => {
    expect(pending.url).toBe(`/api/files/${pending.name}`);
    expect(fs.readFileSync(path.join(app.uploadDir, pending.name)).equals(PENDING_PDF)).toBe(true);
    expect(allFiles(publicDir).filter((f) => fs.readFileSync(f).includes(MARK))).toEqual([]);
  });
});

/** Identities that must never read a pending file that is not theirs. */
const OUTSIDERS = [undefined, 'authenticated', 'member-state', 'hub-token', 'un-system', 'moderator-escap'] as const;

describe('names', () => {
  test('a file named in any script is stored, and read by its author', async () => {
    for (const name of ['报告.pdf', 'تقرير.pdf', 'отчёт.pdf', 'rapport final (2).pdf']) {
      const posted = await post('stakeholder', name, PDF);
      expect(posted.name).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*\.pdf$/);
      const res = await raw('GET', posted.url, tokens.stakeholder);
      expect([name, res.status, res.body.equals(PDF)]).toEqual([name, 200, true]);
      expect(decodeURIComponent(res.headers['content-disposition']!)).toContain(name);
    }
  });
});

describe('who reads a pending file', () => {
  test.each([
    ['its author', 'stakeholder', 200],
    ["its region's moderator", 'moderator-unece', 200],
    ['the secretariat', 'secretariat', 200],
    ['a Super Admin', 'super-admin', 200],
    ['anyone', undefined, 404],
    ['a Hub user with no role', 'authenticated', 404],
    ['a Hub reader', 'member-state', 404],
    ['the Hub token', 'hub-token', 404],
    ['another author', 'un-system', 404],
    ["another region's moderator", 'moderator-escap', 404],
  ] as const)('%s → %s', async (_who, identity, status) => {
    const res = await raw('GET', pending.url, identity && tokens[identity]);
    expect(res.status).toBe(status);
    expect(res.body.includes(MARK)).toBe(status === 200);
    if (status === 404) expect(JSON.parse(res.body.toString()).error.message).toBe('No file at this address.');
  });

  test('credentials that are no credentials are refused, not taken for anyone', async () => {
    for (const header of ['Bearer not-a-token', 'Bearer a.b.c', 'Basic dXNlcjpwYXNz', `Bearer ${tokens.stakeholder} extra`]) {
      const res = await raw('GET', pending.url, undefined, { authorization: header });
      expect([header, res.status]).toEqual([header, 401]);
    }
  });
});

describe('hostile addresses, generated from the stored name', () => {
  test('no spelling of the file\'s address under /api/files, /uploads or / serves it to an outsider', async () => {
    const bases = [`/api/files/${pending.name}`, `/uploads/${pending.name}`, `/${pending.name}`, `/api/files/thumbnail_${pending.name}`, `/public/uploads/${pending.name}`];
    const found: string[] = [];
    for (const base of bases) {
      const generated = spellings(base);
      tally.spellings += generated.length;
      for (const spelling of generated) {
        for (const identity of OUTSIDERS) {
          const { leaked, status } = await leaks('GET', spelling, identity && tokens[identity]);
          if (leaked || status >= 500) found.push(`GET ${spelling} as ${identity ?? 'anyone'}: ${status}${leaked ? ' with the file' : ''}`);
        }
        const head = await leaks('HEAD', spelling);
        if (head.status >= 500) found.push(`HEAD ${spelling}: ${head.status}`);
      }
    }
    expect(found).toEqual([]);
    // The checker itself sees the file when it is served (its author's read, not counted as a leak).
    expect((await raw('GET', pending.url, tokens.stakeholder)).body.includes(MARK)).toBe(true);
  });

  test('every route Strapi has mounted, asked with the file\'s name, id and submission in its parameters', async () => {
    const layers = app.strapi.server.listRoutes() as unknown as { path: string; methods: string[] }[];
    // Strapi's licence trial endpoint asks Strapi's licence server, which this machine cannot reach (a 500 of its own).
    const paths = [...new Set(layers.filter((l) => l.methods.includes('GET') && l.path !== '/admin/license-trial-time-left').map((l) => l.path))];
    tally.routes = paths.length;
    expect(paths.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const route of paths) {
      for (const value of [pending.name, String(pending.fileId), pending.documentId, `${pending.documentId}/attachments/${pending.fileId}`]) {
        const address = route.replace(/:[A-Za-z0-9_]+(\([^)]*\))?\??/g, encodeURIComponent(value)).replace(/\(\.\*\)/g, value);
        for (const identity of OUTSIDERS) {
          const { leaked, status } = await leaks('GET', address, identity && tokens[identity]);
          if (leaked || status >= 500) found.push(`GET ${address} as ${identity ?? 'anyone'}: ${status}${leaked ? ' with the file' : ''}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});

describe('a published file', () => {
  let published: Awaited<ReturnType<typeof post>>;

  beforeAll(async () => {
    published = await post('stakeholder', 'report.pdf', PDF);
    await approve(published.documentId);
  });

  test('the Hub reads it at the address the API gives, and so can anyone it links it for', async () => {
    const hub = await app.http().get(`/api/submissions/${published.documentId}?populate=attachments`).set('Authorization', `Bearer ${tokens['hub-token']}`);
    expect(hub.body.data.attachments.map((a: { url: string }) => a.url)).toEqual([published.url]);
    for (const identity of [...OUTSIDERS, 'stakeholder', 'moderator-unece']) {
      const res = await raw('GET', published.url, identity && tokens[identity]);
      expect([identity, res.status]).toEqual([identity, 200]);
      expect(res.body.equals(PDF)).toBe(true);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    }
    const head = await raw('HEAD', published.url);
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, String(PDF.length), 0]);
    const again = await raw('GET', published.url);
    const revalidated = await raw('GET', published.url, undefined, { 'if-none-match': String(again.headers.etag) });
    expect([revalidated.status, revalidated.body.length]).toEqual([304, 0]);
  });

  test('an old /uploads address leads to the route; deeper /uploads paths lead nowhere', async () => {
    const legacy = await raw('GET', `/uploads/${published.name}`);
    expect([legacy.status, legacy.headers.location]).toEqual([308, published.url]);
    expect((await raw('GET', `/uploads/a/${published.name}`)).status).toBe(404);
    expect((await raw('GET', '/uploads/')).status).toBe(404);
  });
});

describe('the Media Library, per admin role', () => {
  let published: Awaited<ReturnType<typeof post>>;
  let own: { id: number };
  const admin = (who: string) => ({
    get: (p: string) => app.http().get(p).set('Authorization', `Bearer ${tokens[who]}`),
    post: (p: string) => app.http().post(p).set('Authorization', `Bearer ${tokens[who]}`),
    put: (p: string) => app.http().put(p).set('Authorization', `Bearer ${tokens[who]}`),
    del: (p: string) => app.http().delete(p).set('Authorization', `Bearer ${tokens[who]}`),
  });

  beforeAll(async () => {
    published = await post('stakeholder', 'published.pdf', PDF);
    await approve(published.documentId);
    const uploaded = await admin('secretariat').post('/upload').attach('files', PDF, 'summary-annex.pdf');
    expect(uploaded.status).toBe(201);
    own = uploaded.body[0];
  });

  test.each(['moderator-unece', 'moderator-escap'])('%s has no Media Library', async (who) => {
    for (const p of ['/upload/files', `/upload/files/${pending.fileId}`, '/upload/folders', '/upload/folder-structure']) {
      const res = await admin(who).get(p);
      expect([p, res.status]).toEqual([p, 403]);
    }
  });

  test('the secretariat sees the files it uploaded, not the attachments of submissions', async () => {
    const list = await admin('secretariat').get('/upload/files?pageSize=100');
    expect(list.status).toBe(200);
    const ids = (list.body.results as { id: number }[]).map((f) => f.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(pending.fileId);
    expect(ids).not.toContain(published.fileId);
    expect((await admin('secretariat').get(`/upload/files/${pending.fileId}`)).status).toBe(403);
    expect((await admin('secretariat').get('/upload/folders')).status).toBe(200);
  });

  test.each(['moderator-unece', 'moderator-escap', 'secretariat', 'super-admin'])('%s replaces, renames or deletes no file of a submission', async (who) => {
    for (const target of [pending, published]) {
      const before = fs.readFileSync(path.join(app.uploadDir, target.name));
      const attempts = [
        await admin(who).post(`/upload?id=${target.fileId}`).attach('files', Buffer.concat([PDF, Buffer.from('%swapped\n')]), 'swapped.pdf'),
        await admin(who).post(`/upload/files/${target.fileId}/replace`).attach('files', Buffer.concat([PDF, Buffer.from('%swapped\n')]), 'swapped.pdf'),
        await admin(who).put(`/upload/files/${target.fileId}`).send({ fileInfo: { name: 'renamed.pdf' } }),
        await admin(who).del(`/upload/files/${target.fileId}`),
        await admin(who).post('/upload/actions/bulk-delete').send({ fileIds: [target.fileId], folderIds: [] }),
      ];
      expect(attempts.map((a) => a.status >= 400 && a.status < 500)).toEqual([true, true, true, true, true]);
      expect(fs.readFileSync(path.join(app.uploadDir, target.name)).equals(before)).toBe(true);
      const row = (await app.strapi.db.query(FILE).findOne({ where: { id: target.fileId } })) as { name: string };
      expect(row.name).toMatch(/^(pending|published)\.pdf$/);
    }
    const superAdmin = await admin('super-admin').del(`/upload/files/${published.fileId}`);
    expect(superAdmin.body.error.message).toMatch(/attachment of a submission/);
  });

  test.each(['secretariat', 'super-admin'])('%s cannot attach an upload to a submission', async (who) => {
    const row = (await app.strapi.db.query('api::submission.submission').findOne({ where: { documentId: published.documentId, publishedAt: { $notNull: true } } })) as { id: number };
    const before = (await app.strapi.db.query('api::submission.submission').findOne({ where: { id: row.id }, populate: { attachments: true } })) as { attachments: unknown[] };
    const res = await admin(who)
      .post('/upload')
      .field('ref', 'api::submission.submission')
      .field('refId', String(row.id))
      .field('field', 'attachments')
      .attach('files', PDF, 'planted.pdf');
    expect(res.status).toBe(403);
    const after = (await app.strapi.db.query('api::submission.submission').findOne({ where: { id: row.id }, populate: { attachments: true } })) as { attachments: unknown[] };
    expect(after.attachments.length).toBe(before.attachments.length);
  });

  test('a summary does not publish the file of a submission that is not published', async () => {
    const phase = await app.strapi.documents('api::phase.phase').findFirst({});
    await app.strapi.documents('api::summary.summary').create({ data: { phase: phase!.documentId, title: 'Borrowing', body: 'x', attachments: [pending.fileId] } as never, status: 'published' });
    expect((await raw('GET', pending.url)).status).toBe(404);
    expect((await raw('GET', pending.url, tokens['hub-token'])).status).toBe(404);
  });

  test('a change made in the Media Library reaches the Hub at once (the read cache follows it)', async () => {
    const phase = await app.strapi.documents('api::phase.phase').findFirst({});
    const summary = await app.strapi.documents('api::summary.summary').create({ data: { phase: phase!.documentId, title: 'With an annex', body: 'Consolidated.', attachments: [own.id] } as never, status: 'published' });
    const read = () => app.http().get(`/api/summaries/${summary.documentId}?populate=attachments`).set('Authorization', `Bearer ${tokens['hub-token']}`);
    expect((await read()).body.data.attachments[0].name).toBe('summary-annex.pdf');
    expect((await read()).body.data.attachments[0].name).toBe('summary-annex.pdf');
    const renamed = await admin('secretariat').put(`/upload/files/${own.id}`).send({ fileInfo: { name: 'annex-final.pdf' } });
    expect(renamed.status).toBe(200);
    expect((await read()).body.data.attachments[0].name).toBe('annex-final.pdf');
  });
});

describe('orphans', () => {
  /** A file as a posting leaves it when the posting fails after storing it (in the API uploads folder), or as the admin panel uploads it. */
  async function orphan(name: string, ageMs: number, { posted = true } = {}) {
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gcm-orphan-')), name);
    fs.writeFileSync(tmp, PENDING_PDF);
    const folder = posted ? (await app.strapi.service('api::file.file').apiUploadFolder()).id : null;
    const [file] = (await app.strapi.plugin('upload').service('upload').upload({ data: { fileInfo: { folder } }, files: { filepath: tmp, originalFilename: name, mimetype: 'application/pdf', size: PENDING_PDF.length } })) as { id: number; url: string }[];
    await app.strapi.db.connection('files').where({ id: file.id }).update({ created_at: new Date(Date.now() - ageMs) });
    return { ...file, name: file.url.split('/').pop()! };
  }

  test('a file no document holds is served to nobody, and is swept once a day old', async () => {
    const old = await orphan('old-orphan.pdf', 2 * DAY);
    const fresh = await orphan('fresh-orphan.pdf', 0);
    const library = await orphan('library-file.pdf', 2 * DAY, { posted: false });
    for (const identity of [undefined, 'stakeholder', 'moderator-unece', 'secretariat', 'super-admin']) {
      expect([identity, (await raw('GET', old.url, identity && tokens[identity])).status]).toEqual([identity, 404]);
    }
    const stray = path.join(app.uploadDir, 'stray_0123456789.pdf');
    fs.writeFileSync(stray, PENDING_PDF);
    const twoDaysAgo = new Date(Date.now() - 2 * DAY);
    fs.utimesSync(stray, twoDaysAgo, twoDaysAgo);

    const swept = await app.strapi.service('api::file.file').sweepOrphans();
    expect(swept).toEqual({ files: 1, stray: 1 });
    expect(await app.strapi.db.query(FILE).findOne({ where: { id: old.id } })).toBeNull();
    expect(fs.existsSync(path.join(app.uploadDir, old.name))).toBe(false);
    expect(fs.existsSync(stray)).toBe(false);
    expect(fs.existsSync(path.join(app.uploadDir, fresh.name))).toBe(true);
    expect(fs.existsSync(path.join(app.uploadDir, library.name))).toBe(true);
    expect(fs.existsSync(path.join(app.uploadDir, pending.name))).toBe(true);
  });

  test('erasure leaves no file of what was never published behind', async () => {
    const email = 'files.erasure@example.org';
    const user = await app.strapi.plugin('users-permissions').service('user').add({
      username: email,
      email,
      password: 'Erase-Me-2024',
      provider: 'local',
      confirmed: true,
      displayName: 'To be erased',
      stakeholderCategory: 'civil_society',
      role: (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'stakeholder' } })).id,
    });
    tokens.leaving = await hubLogin(app, email, 'Erase-Me-2024');
    const mine = await post('leaving', 'mine.pdf', PENDING_PDF);
    const erased = await app.http().post(`/moderation/people/${user.id}/erase`).set('Authorization', `Bearer ${tokens.secretariat}`).send({ confirm: email });
    expect(erased.status).toBe(200);
    expect(fs.existsSync(path.join(app.uploadDir, mine.name))).toBe(false);
    expect(await app.strapi.db.query(FILE).findOne({ where: { id: mine.fileId } })).toBeNull();
  });
});

describe('files from before storage was private', () => {
  test('are moved out of the public folder, then read through the route; unreferenced ones are set aside', async () => {
    const legacyDir = path.join(publicDir, 'uploads');
    fs.mkdirSync(legacyDir, { recursive: true });
    fs.writeFileSync(path.join(legacyDir, 'legacy_abc123.pdf'), PDF);
    fs.writeFileSync(path.join(legacyDir, 'forgotten_def456.pdf'), PENDING_PDF);
    const file = await app.strapi.db.query(FILE).create({
      data: { name: 'legacy.pdf', hash: 'legacy_abc123', ext: '.pdf', mime: 'application/pdf', size: PDF.length / 1000, url: '/uploads/legacy_abc123.pdf', provider: 'local' },
    });
    const phase = await app.strapi.documents('api::phase.phase').findFirst({});
    await app.strapi.documents('api::summary.summary').create({ data: { phase: phase!.documentId, title: 'Old summary', body: 'Old.', attachments: [file.id] } as never, status: 'published' });

    const outcome = await moveLegacyFiles(app.strapi);
    expect(outcome).toEqual({ moved: 1, adopted: 0, unreferenced: 1 });
    const row = (await app.strapi.db.query(FILE).findOne({ where: { id: file.id } })) as { url: string; provider: string };
    expect(row).toMatchObject({ url: '/api/files/legacy_abc123.pdf', provider: 'strapi-provider-upload-private' });
    expect(fs.readdirSync(legacyDir)).toEqual([]);
    expect(fs.existsSync(path.join(app.uploadDir, 'unreferenced', 'forgotten_def456.pdf'))).toBe(true);
    expect((await raw('GET', '/api/files/legacy_abc123.pdf')).body.equals(PDF)).toBe(true);
    const old = await leaks('GET', '/uploads/legacy_abc123.pdf');
    expect(old.status).toBe(200);
    expect((await leaks('GET', '/uploads/forgotten_def456.pdf')).leaked).toBe(false);
    // Nothing left to do at the next start.
    expect(await moveLegacyFiles(app.strapi)).toEqual({ moved: 0, adopted: 0, unreferenced: 0 });
  });
});
