import { createStrapi } from '@strapi/strapi';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Core } from '@strapi/strapi';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';

export const appDir = path.resolve(__dirname, '..', '..');

type FreshDatabase = { env: Record<string, string>; drop: () => Promise<void> };
// Shared with the benchmark (plain JavaScript, so that it runs before anything is compiled).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshDatabase } = require('../../scripts/lib/fresh-database') as { freshDatabase: (prefix: string, postgresUrl?: string) => Promise<FreshDatabase> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { throwawaySecrets } = require('../../scripts/lib/throwaway-secrets') as { throwawaySecrets: () => Record<string, string> };
export const { freePort } = require('../../scripts/lib/free-port') as { freePort: () => Promise<number> };

/** The database of one test file: SQLite, or PostgreSQL when TEST_DATABASE_URL names a server. */
const createTestDatabase = () => freshDatabase('gcm_test', process.env.TEST_DATABASE_URL);

export type TestApp = {
  strapi: Core.Strapi;
  http: () => ReturnType<typeof request>;
  /** Where the server listens, when it serves the admin panel. */
  url: string;
  stop: () => Promise<void>;
  databaseClient: 'sqlite' | 'postgres';
  /** This app's private file store (UPLOAD_DIR), removed when it stops. */
  uploadDir: string;
};

/**
 * Starts the compiled application on a fresh database, demo data loaded, routes mounted. With
 * `serveAdminPanel`, it also listens on a free local port and serves the built admin panel.
 */
export async function startApp(env: Record<string, string> = {}, { serveAdminPanel = false } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // Each app stores its uploads apart: no test writes into the demo's storage.
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gcm-uploads-'));
  Object.assign(process.env, {
    UPLOAD_DIR: uploadDir,
    NODE_ENV: 'test',
    DEMO_DATA: 'auto',
    ...throwawaySecrets(),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // E-mails are written to the log unless a test gives its own SMTP server.
    EMAIL_PROVIDER: 'log',
    // Tests sign in often from one address; tests/hardening.test.ts sets the real limit.
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_RATE_LIMIT_PER_ADDRESS: '1000',
    ADMIN_LOGIN_RATE_LIMIT: '1000',
    ...database.env,
    ...env,
  });
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel }).load();
  strapi.log.level = 'warn';
  strapi.server.mount();
  let url = '';
  if (serveAdminPanel) {
    await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
  }
  return {
    strapi,
    http: () => request(strapi.server.httpServer),
    url,
    databaseClient: database.env.DATABASE_CLIENT as 'sqlite' | 'postgres',
    uploadDir: process.env.UPLOAD_DIR!,
    stop: async () => {
      await strapi.destroy();
      await database.drop();
      fs.rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

const logFile = (port: number) => {
  fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
  return fs.openSync(path.join(appDir, '.tmp', `instance-${port}.log`), 'a');
};

/**
 * Another instance of the built application (`strapi start`) in its own process, with the test's
 * environment (same database and secrets) and `extra`; resolves once it answers /_health.
 */
export async function startInstance(extra: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
    cwd: appDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'never', LOG_LEVEL: 'error', ...extra },
    // Its output goes to .tmp/instance-<port>.log, to read when a test fails.
    stdio: ['ignore', logFile(port), logFile(port)],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90000;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  for (;;) {
    // A child that ended did not start: whatever answers on its port is not it.
    if (exited !== null) throw new Error(`the instance ended (${exited}) before it answered; see .tmp/instance-${port}.log`);
    try {
      if ((await fetch(`${url}/_health`)).status === 204) return { url, child };
    } catch {
      /* starting */
    }
    if (Date.now() > deadline) throw new Error('the instance did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}
