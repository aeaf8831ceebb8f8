/**
 * A database nobody else uses, for one test file or one benchmark run: a temporary SQLite file,
 * or a new PostgreSQL database on the server of `postgresUrl` (a database URL to connect to).
 * Returns the environment that points Strapi at it, and how to drop it.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

async function freshDatabase(prefix, postgresUrl) {
  if (!postgresUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix.replace(/\W/g, '_')}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const run = async (sql) => {
    const client = new Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

module.exports = { freshDatabase };
