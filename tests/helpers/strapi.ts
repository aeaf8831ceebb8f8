import { createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';

export const appDir = path.resolve(__dirname, '..', '..');

/**
 * The database of one test file: a temporary SQLite file, or a fresh PostgreSQL database on the
 * server named by TEST_DATABASE_URL (which must point at an existing database to connect to).
 */
async function createTestDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gcm-test-'));
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'test.db') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `gcm_test_${suffix}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

const secret = () => randomBytes(24).toString('base64');

export type TestApp = {
  strapi: Core.Strapi;
  http: () => ReturnType<typeof request>;
  /** Where the server listens, when it serves the admin panel. */
  url: string;
  stop: () => Promise<void>;
  databaseClient: 'sqlite' | 'postgres';
};

/**
 * Starts the compiled application on a fresh database, demo data loaded, routes mounted. With
 * `serveAdminPanel`, it also listens on a free local port and serves the built admin panel.
 */
export async function startApp(env: Record<string, string> = {}, { serveAdminPanel = false } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DEMO_DATA: 'auto',
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // E-mails are written to the log unless a test gives its own SMTP server.
    EMAIL_PROVIDER: 'log',
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
    stop: async () => {
      await strapi.destroy();
      await database.drop();
    },
  };
}
