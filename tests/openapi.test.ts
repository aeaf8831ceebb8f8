/**
 * The Hub's contract: docs/openapi.json and types/hub/api.d.ts are what `npm run openapi` writes
 * now, describe every route the server has under /api (and no other), validate as OpenAPI 3.1,
 * and name no private field.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hubOpenApi } from '../src/openapi/document';
import { appDir, startApp, type TestApp } from './helpers/strapi';

// Plain JavaScript shared with `npm run openapi`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serialise, typesOf } = require('../scripts/openapi') as { serialise: (document: unknown) => string; typesOf: (documentPath: string, outputPath: string) => void };

const DOCUMENT = path.join(appDir, 'docs', 'openapi.json');
const TYPES = path.join(appDir, 'types', 'hub', 'api.d.ts');
const REGENERATE = 'run `npm run openapi` and commit docs/openapi.json and types/hub/api.d.ts';

type Operation = { parameters?: { name: string; in: string }[] };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };

let app: TestApp;
const committed = JSON.parse(fs.readFileSync(DOCUMENT, 'utf8')) as Document;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

test('the committed document is what a fresh generation gives', async () => {
  const fresh = serialise(await hubOpenApi(app.strapi));
  if (fresh !== fs.readFileSync(DOCUMENT, 'utf8')) throw new Error(`docs/openapi.json is out of date: ${REGENERATE}.`);
});

test('the committed types are what openapi-typescript makes of it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gcm-hub-types-'));
  try {
    typesOf(DOCUMENT, path.join(dir, 'api.d.ts'));
    if (fs.readFileSync(path.join(dir, 'api.d.ts'), 'utf8') !== fs.readFileSync(TYPES, 'utf8')) throw new Error(`types/hub/api.d.ts is out of date: ${REGENERATE}.`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('every route the server answers under /api is in it, and nothing else', () => {
  type Layer = { path: string; methods: string[] };
  const served = ((app.strapi.server as unknown as { router: { stack: Layer[] } }).router.stack)
    .filter((layer) => layer.path.startsWith('/api/') && layer.methods.length)
    .flatMap((layer) => layer.methods.filter((m) => m !== 'HEAD').map((m) => `${m.toLowerCase()} ${layer.path.slice('/api'.length).replace(/:(\w+)/g, '{$1}')}`));
  const described = Object.entries(committed.paths).flatMap(([p, operations]) => Object.keys(operations).map((m) => `${m} ${p}`));
  expect(served.length).toBeGreaterThan(20);
  expect([...new Set(served)].sort()).toEqual([...new Set(described)].sort());
});

test('it is valid OpenAPI 3.1, and every path parameter is declared', () => {
  const validator = path.join(appDir, 'node_modules', '@seriousme', 'openapi-schema-validator', 'bin', 'validate-api-cli.js');
  let output: string;
  try {
    output = execFileSync(process.execPath, [validator, DOCUMENT], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`docs/openapi.json is not valid OpenAPI: ${(error as { stdout?: string }).stdout}`);
  }
  expect(JSON.parse(output)).toEqual({ valid: true });
  for (const [p, operations] of Object.entries(committed.paths)) {
    const names = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const [method, operation] of Object.entries(operations)) {
      const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
      expect([`${method} ${p}`, declared.sort()]).toEqual([`${method} ${p}`, names.sort()]);
    }
  }
});

test('no schema names a private field of the type it describes', () => {
  const documentSchema = (uid: string) => {
    const [kind, rest] = uid.split('::');
    const name = rest.split('.').map((part) => part.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())).join('');
    return `${kind[0].toUpperCase()}${kind.slice(1)}${name}Document`;
  };
  const schemas = committed.components.schemas;
  let checked = 0;
  for (const [uid, model] of Object.entries(app.strapi.contentTypes)) {
    const schema = schemas[documentSchema(uid)];
    if (!schema) continue;
    checked += 1;
    const privateFields = Object.entries((model as { attributes: Record<string, { private?: boolean }> }).attributes).filter(([, a]) => a.private).map(([n]) => n);
    for (const field of privateFields) expect([uid, field, Object.keys(schema.properties ?? {})]).not.toEqual([uid, field, expect.arrayContaining([field])]);
  }
  expect(checked).toBeGreaterThanOrEqual(8);
  // The author's own view leaves out who decided and the screening notes; the account never shows secrets.
  const own = Object.keys(schemas.OwnSubmission.properties ?? {});
  for (const field of ['author', 'decidedBy', 'screeningFlags', 'flagged', 'regionCode', 'phaseDocumentId']) expect(own).not.toContain(field);
  expect(JSON.stringify(committed.paths['/users/me'])).not.toMatch(/"(password|resetPasswordToken|confirmationToken)"/);
});
