/**
 * Files in an S3-compatible bucket (UPLOAD_PROVIDER=s3), against a real S3 server (s3rver) that
 * the test starts: objects are written private, answers carry only the route's permanent address,
 * the route signs a URL at the moment it lets a reader in, signed URLs expire, and a cached answer
 * never outlives a URL in it. A recording proxy in front of the server shows what the provider sent.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { moveLegacyFiles } from '../src/api/file/legacy-storage';
import { createHubToken } from '../src/setup/access';
import { adminLogin, HUB_ACCOUNTS, hubLogin, walk } from './helpers/accounts';
import { demoQuestions, PDF, validSubmission } from './helpers/fixtures';
import { startApp, type TestApp } from './helpers/strapi';

// The SDK's notice that later versions need Node 22 says nothing about this test.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const BUCKET = 'gcm-files';
const EXPIRES = 2;
const FILE = 'plugin::upload.file';

let app: TestApp;
let s3rver: S3rver;
let s3Dir: string;
let proxy: http.Server;
let endpoint: string;
let client: S3Client;
let question: string;
let publicDir: string;
const tokens: Record<string, string> = {};
/** Every request the provider sent to the bucket. */
const sent: { method: string; url: string; acl?: string }[] = [];

beforeAll(async () => {
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gcm-s3-'));
  s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port: s3Port } = await s3rver.run();
  proxy = http.createServer((req, res) => {
    sent.push({ method: req.method!, url: req.url!, acl: req.headers['x-amz-acl'] as string | undefined });
    const forward = http.request({ host: '127.0.0.1', port: s3Port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });

  publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gcm-public-'));
  app = await startApp({
    SUBMISSION_RATE_LIMIT: '1000',
    PUBLIC_DIR: publicDir,
    UPLOAD_PROVIDER: 's3',
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    S3_REGION: 'us-east-1',
    // s3rver knows this key only.
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_URL_EXPIRES: String(EXPIRES),
  });
  [question] = await demoQuestions(app);
  tokens.stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  tokens['hub-token'] = await createHubToken(app.strapi, 's3 test token');
  tokens.moderator = await adminLogin(app, 'moderator.unece@example.org');
});

afterAll(async () => {
  await app?.stop();
  client?.destroy();
  await new Promise((resolve) => proxy?.close(resolve));
  await s3rver?.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
  fs.rmSync(publicDir, { recursive: true, force: true });
  for (const key of ['UPLOAD_PROVIDER', 'S3_BUCKET', 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_URL_EXPIRES', 'PUBLIC_DIR']) delete process.env[key];
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const objectBytes = async (key: string) => Buffer.from(await (await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToByteArray());

async function postWithFile() {
  const posted = await app
    .http()
    .post('/api/submissions')
    .set('Authorization', `Bearer ${tokens.stakeholder}`)
    .field('data', JSON.stringify(validSubmission(question, { kind: 'data', title: 'Stored in a bucket' })))
    .attach('files', PDF, 'bucket.pdf');
  expect(posted.status).toBe(201);
  return { documentId: posted.body.data.documentId as string, url: posted.body.data.attachments[0].url as string, body: posted.body };
}

describe('a bucket', () => {
  let submission: Awaited<ReturnType<typeof postWithFile>>;

  beforeAll(async () => {
    submission = await postWithFile();
  });

  test('objects are written private, and answers name the route, never the bucket', async () => {
    const name = submission.url.split('/').pop()!;
    expect(submission.url).toBe(`/api/files/${name}`);
    expect((await objectBytes(name)).equals(PDF)).toBe(true);
    const puts = sent.filter((r) => r.method === 'PUT' && r.url.includes(name));
    expect(puts.length).toBeGreaterThan(0);
    expect(puts.map((r) => r.acl)).toEqual(puts.map(() => 'private'));
    expect(walk(submission.body).strings.filter((s) => s.includes(endpoint) || s.includes('X-Amz'))).toEqual([]);
  });

  test('the route lets the author in with a URL signed then, which expires; nobody else is let in', async () => {
    expect((await app.http().get(submission.url)).status).toBe(404);
    expect((await app.http().get(submission.url).set('Authorization', `Bearer ${tokens['hub-token']}`)).status).toBe(404);
    const own = await app.http().get(submission.url).set('Authorization', `Bearer ${tokens.stakeholder}`);
    expect(own.status).toBe(302);
    expect(own.headers['cache-control']).toBe('private, no-store');
    const signed = new URL(own.headers.location);
    expect(signed.origin).toBe(endpoint);
    expect(signed.searchParams.get('X-Amz-Expires')).toBe(String(EXPIRES));
    expect(signed.searchParams.get('X-Amz-Signature')).toBeTruthy();
    const fetched = await fetch(signed);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PDF)).toBe(true);
    await wait((EXPIRES + 1) * 1000);
    expect((await fetch(signed)).status).toBe(403);
  });

  test('a cached answer keeps the permanent address; each visit to it is signed afresh', async () => {
    await app.http().post(`/moderation/submissions/${submission.documentId}/approve`).set('Authorization', `Bearer ${tokens.moderator}`).expect(200);
    const list = () => app.http().get(`/api/submissions?filters[documentId]=${submission.documentId}&populate=attachments`).set('Authorization', `Bearer ${tokens['hub-token']}`);
    const first = await list();
    await wait((EXPIRES + 1) * 1000);
    const cached = await list();
    expect(cached.headers.etag).toBe(first.headers.etag);
    expect(cached.body.data[0].attachments[0].url).toBe(submission.url);
    for (let visit = 0; visit < 2; visit += 1) {
      const redirect = await app.http().get(submission.url);
      expect(redirect.status).toBe(302);
      expect((await fetch(redirect.headers.location)).status).toBe(200);
    }
  });

  test('files kept in the bucket by the old provider are read through the route from the next start', async () => {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'old_0a1b2c.pdf', Body: PDF, ContentType: 'application/pdf' }));
    const file = await app.strapi.db.query(FILE).create({
      data: { name: 'old.pdf', hash: 'old_0a1b2c', ext: '.pdf', mime: 'application/pdf', size: PDF.length / 1000, url: `${endpoint}/${BUCKET}/old_0a1b2c.pdf`, provider: 'aws-s3' },
    });
    const phase = await app.strapi.documents('api::phase.phase').findFirst({});
    await app.strapi.documents('api::summary.summary').create({ data: { phase: phase!.documentId, title: 'Old', body: 'Old.', attachments: [file.id] } as never, status: 'published' });
    expect(await moveLegacyFiles(app.strapi)).toEqual({ moved: 0, adopted: 1, unreferenced: 0 });
    const redirect = await app.http().get('/api/files/old_0a1b2c.pdf');
    expect(redirect.status).toBe(302);
    const fetched = await fetch(redirect.headers.location);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PDF)).toBe(true);
  });

  test('files the local provider kept in public/uploads move into the bucket', async () => {
    const legacyDir = path.join(publicDir, 'uploads');
    fs.mkdirSync(legacyDir, { recursive: true });
    fs.writeFileSync(path.join(legacyDir, 'local_9f8e7d.pdf'), PDF);
    const file = await app.strapi.db.query(FILE).create({
      data: { name: 'local.pdf', hash: 'local_9f8e7d', ext: '.pdf', mime: 'application/pdf', size: PDF.length / 1000, url: '/uploads/local_9f8e7d.pdf', provider: 'local' },
    });
    const phase = await app.strapi.documents('api::phase.phase').findFirst({});
    await app.strapi.documents('api::summary.summary').create({ data: { phase: phase!.documentId, title: 'Local', body: 'Local.', attachments: [file.id] } as never, status: 'published' });
    expect(await moveLegacyFiles(app.strapi)).toEqual({ moved: 1, adopted: 0, unreferenced: 0 });
    expect(fs.readdirSync(legacyDir)).toEqual([]);
    expect((await objectBytes('local_9f8e7d.pdf')).equals(PDF)).toBe(true);
    const redirect = await app.http().get('/api/files/local_9f8e7d.pdf');
    expect(redirect.status).toBe(302);
    const fetched = await fetch(redirect.headers.location);
    expect(fetched.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PDF)).toBe(true);
  });

  test('an unattached upload swept after a day leaves the bucket', async () => {
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gcm-orphan-')), 'orphan.pdf');
    fs.writeFileSync(tmp, PDF);
    const folder = (await app.strapi.service('api::file.file').apiUploadFolder()).id;
    const [file] = (await app.strapi.plugin('upload').service('upload').upload({ data: { fileInfo: { folder } }, files: { filepath: tmp, originalFilename: 'orphan.pdf', mimetype: 'application/pdf', size: PDF.length } })) as { id: number; url: string }[];
    const name = file.url.split('/').pop()!;
    expect((await objectBytes(name)).equals(PDF)).toBe(true);
    await app.strapi.db.connection('files').where({ id: file.id }).update({ created_at: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) });
    expect(await app.strapi.service('api::file.file').sweepOrphans()).toEqual({ files: 1, stray: 0 });
    await expect(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: name }))).rejects.toThrow();
  });
});
