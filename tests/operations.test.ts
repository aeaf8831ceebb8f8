/**
 * What the team and the secretariat run: the scripts, the generated types, and the admin roles
 * as the Content Manager applies them.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createHubToken } from '../src/setup/access';
import { adminLogin } from './helpers/accounts';
import { appDir, startApp, startInstance, type TestApp } from './helpers/strapi';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshDatabase } = require('../scripts/lib/fresh-database') as { freshDatabase: (prefix: string, postgresUrl?: string) => Promise<{ env: Record<string, string>; drop: () => Promise<void> }> };

const run = promisify(execFile);

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

test('the committed types/generated are what the schemas generate', async () => {
  // Strapi's generator formats with an ES module, which Jest's sandbox cannot load: run its CLI.
  const out = path.join('.tmp', `types-check-${process.pid}`);
  const cli = path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js');
  await run(process.execPath, [cli, 'ts:generate-types', '--silent', '--out-dir', out], { cwd: appDir, env: process.env, timeout: 120000 });
  for (const file of ['contentTypes.d.ts', 'components.d.ts']) {
    const committed = fs.readFileSync(path.join(appDir, 'types/generated', file), 'utf8');
    const fresh = fs.readFileSync(path.join(appDir, out, 'generated', file), 'utf8');
    expect([file, fresh === committed ? 'current' : 'stale: run npm run types']).toEqual([file, 'current']);
  }
  fs.rmSync(path.join(appDir, out), { recursive: true, force: true });
});

test('npm run hub-token prints a token that reads published content and nothing else', async () => {
  // The script runs against this file's database, with this process's secrets.
  const { stdout } = await run(process.execPath, [path.join(appDir, 'scripts/hub-token.js'), 'CI hub token'], { cwd: appDir, env: process.env, timeout: 120000 });
  const key = /Authorization: Bearer ([0-9a-f]+)/.exec(stdout)?.[1];
  expect(key).toBeTruthy();
  const read = await app.http().get('/api/guiding-questions').set('Authorization', `Bearer ${key}`);
  expect(read.status).toBe(200);
  expect(read.body.data.length).toBeGreaterThan(0);
  for (const url of ['/api/users', '/api/upload/files']) {
    expect((await app.http().get(url).set('Authorization', `Bearer ${key}`)).status).toBe(404);
  }
  const token = await app.strapi.db.query('admin::api-token').findOne({ where: { name: 'CI hub token' }, populate: ['permissions'] });
  expect(token.type).toBe('custom');
  expect(token.permissions.every((p: { action: string }) => /^api::[a-z-]+\.[a-z-]+\.(find|findOne)$/.test(p.action))).toBe(true);

  await expect(createHubToken(app.strapi, 'CI hub token')).rejects.toThrow(/exists already/);
});

describe('admin roles in the Content Manager', () => {
  const listSubmissions = async (email: string) => {
    const token = await adminLogin(app, email);
    const res = await app
      .http()
      .get('/content-manager/collection-types/api::submission.submission?pageSize=100&populate[region]=true')
      .set('Authorization', `Bearer ${token}`);
    return res;
  };

  test('a moderator sees the submissions of the regions they moderate', async () => {
    const res = await listSubmissions('moderator.unece@example.org');
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeGreaterThan(0);
  });

  test('a moderator of another region sees none of them', async () => {
    const res = await listSubmissions('moderator.escap@example.org');
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([]);
  });

  test('the secretariat sees every region', async () => {
    const all = await app.strapi.db.query('api::submission.submission').count({ where: { publishedAt: null } });
    const res = await listSubmissions('secretariat@example.org');
    expect(res.status).toBe(200);
    expect(res.body.pagination.total).toBe(all);
  });

  test('a moderator cannot edit guiding questions or regions; the secretariat can', async () => {
    const question = await app.strapi.documents('api::guiding-question.guiding-question').findFirst({});
    const url = `/content-manager/collection-types/api::guiding-question.guiding-question/${question!.documentId}?locale=en`;
    const edit = async (email: string) =>
      app.http().put(url).set('Authorization', `Bearer ${await adminLogin(app, email)}`).send({ text: question!.text });
    expect((await edit('moderator.unece@example.org')).status).toBe(403);
    expect((await edit('secretariat@example.org')).status).toBe(200);
  });
});

describe('safe defaults', () => {
  test('in production, the server refuses to start while a demo account keeps its demo password', async () => {
    const child = spawn(process.execPath, [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
      cwd: appDir,
      env: { ...process.env, NODE_ENV: 'production', DEMO_DATA: '', PORT: '0', HOST: '127.0.0.1' },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toContain('Refusing to start in production');
    expect(output).toContain('admin@example.org');
  });

  test('a new database gets no demo content, no demo account and no default API token unless asked', async () => {
    const database = await freshDatabase('gcm_defaults', process.env.TEST_DATABASE_URL);
    const { url, child } = await startInstance({ ...database.env, DEMO_DATA: '' });
    try {
      const init = await fetch(`${url}/admin/init`);
      expect(((await init.json()) as { data: { hasAdmin: boolean } }).data.hasAdmin).toBe(false);
      expect((await fetch(`${url}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: 'stakeholder@example.org', password: 'Demo-User-2024' }) })).status).toBe(400);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('exit', resolve));
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const knex = require('knex')(database.env.DATABASE_CLIENT === 'sqlite' ? { client: 'better-sqlite3', connection: { filename: database.env.DATABASE_FILENAME }, useNullAsDefault: true } : { client: 'pg', connection: database.env.DATABASE_URL });
    try {
      expect(await knex('strapi_api_tokens').select('name')).toEqual([]);
      expect(Number((await knex('up_users').count({ n: '*' }))[0].n)).toBe(0);
      expect(Number((await knex('phases').where({ is_demo: true }).count({ n: '*' }))[0].n)).toBe(0);
    } finally {
      await knex.destroy();
      await database.drop();
    }
  });
});
