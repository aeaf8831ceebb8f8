#!/usr/bin/env node
/**
 * npm run bench: builds the benchmark data set on SQLite and on PostgreSQL (when reachable),
 * serves it with the application and with the bare floor server side by side, measures the
 * Hub's reads with autocannon, and writes the table to docs/BENCHMARKS.md.
 *
 * "stock" is the same application with READ_CACHE=off: Strapi's core controller behind the
 * published-only middleware, on the same database, in the same run.
 */
const autocannon = require('autocannon');
const { fork, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { freshDatabase: freshDatabaseFor } = require('../lib/fresh-database');
const { throwawaySecrets } = require('../lib/throwaway-secrets');

const root = path.resolve(__dirname, '..', '..');
const DURATION = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 10;
const PG_ADMIN = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const freshDatabase = (client) => freshDatabaseFor('gcm_bench', client === 'postgres' ? PG_ADMIN : undefined);

async function postgresReachable() {
  const c = new Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function waitFor(url, timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

const rssMb = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
};

function load(url, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx) return reject(new Error(`${url}: ${result.non2xx} answers were not 2xx`));
      resolve({ rps: Math.round(result.requests.average), p50: result.latency.p50, p95: result.latency.p97_5 ?? result.latency.p99 });
    });
  });
}

async function benchDatabase(client) {
  const database = await freshDatabase(client);
  const env = {
    ...process.env,
    ...database.env,
    NODE_ENV: 'production',
    DEMO_DATA: 'auto',
    EMAIL_PROVIDER: 'log',
    LOG_LEVEL: 'error',
    ...throwawaySecrets(),
  };
  const rows = [];
  try {
    // Build the data set in a child process that loads the app without serving it.
    const built = await new Promise((resolve, reject) => {
      const child = fork(path.join(__dirname, 'build-dataset.js'), { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      child.on('message', resolve);
      child.on('exit', (code) => code && reject(new Error(`building the data set failed (${code})`)));
    });
    console.log(`${client}: data set built in ${built.seconds} s (${built.submissions} submissions, ${built.replies} replies, ${built.events} events)`);

    const port = 1400 + Math.floor(Math.random() * 400);
    const serve = (p, extra = {}) => spawn(process.execPath, [path.join(root, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], { cwd: root, env: { ...env, ...extra, PORT: String(p), HOST: '127.0.0.1' }, stdio: 'ignore' });
    const started = Date.now();
    const app = serve(port);
    await waitFor(`http://127.0.0.1:${port}/_health`);
    const coldStart = (Date.now() - started) / 1000;
    const stockPort = port + 2;
    const stockApp = serve(stockPort, { READ_CACHE: 'off' });
    await waitFor(`http://127.0.0.1:${stockPort}/_health`);
    const floorPort = port + 1;
    const floor = fork(path.join(__dirname, 'floor.js'), { env: { ...env, PORT: String(floorPort) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise((resolve) => floor.once('message', resolve));
    try {
      const auth = { authorization: `Bearer ${built.token}` };
      const phase = built.firstPhase;
      const list = `/api/submissions?filters[phase][documentId]=${phase}&populate[guidingQuestion]=true&populate[moderatorReplies]=true&sort=createdAt:desc&pagination[pageSize]=25`;
      const scenarios = [
        ['Hub: published submissions of a phase, 25 a page, with question and replies', `http://127.0.0.1:${port}${list}`, `http://127.0.0.1:${floorPort}/submissions?phase=${phase}`],
        ['Hub: one submission', `http://127.0.0.1:${port}/api/submissions/${built.oneSubmission}?populate[guidingQuestion]=true&populate[moderatorReplies]=true`, null],
        ['Hub: the questions of a region', `http://127.0.0.1:${port}/api/guiding-questions?filters[phase][region][code]=UNECE&sort=position&pagination[pageSize]=100`, null],
      ];
      for (const [figure, ours, bare] of scenarios) {
        const mine = await load(ours, auth);
        const stock = await load(ours.replace(`:${port}/`, `:${stockPort}/`), auth);
        const base = bare ? await load(bare) : null;
        rows.push({ figure, database: client, ours: mine, stock, floor: base });
        console.log(`${client}: ${figure}: ${mine.rps} req/s (p95 ${mine.p95} ms); stock ${stock.rps}${base ? `; floor ${base.rps}` : ''}`);
      }
      rows.push({ figure: 'Cold start to healthy (s)', database: client, value: coldStart });
      rows.push({ figure: 'Memory after the read load (MB RSS)', database: client, value: rssMb(app.pid) });
    } finally {
      app.kill('SIGTERM');
      stockApp.kill('SIGTERM');
      floor.kill('SIGTERM');
    }
  } finally {
    await database.drop();
  }
  return rows;
}

function table(rows) {
  const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : '–');
  const lines = ['| figure | database | ours | stock | floor | ours / stock | ours / floor |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    if ('value' in r) lines.push(`| ${r.figure} | ${r.database} | ${r.value} | | | | |`);
    else lines.push(`| ${r.figure} (req/s; p95 ms) | ${r.database} | ${r.ours.rps}; ${r.ours.p95} | ${r.stock.rps}; ${r.stock.p95} | ${r.floor ? `${r.floor.rps}; ${r.floor.p95}` : '–'} | ${ratio(r.ours.rps, r.stock.rps)} | ${r.floor ? ratio(r.ours.rps, r.floor.rps) : '–'} |`);
  }
  return lines.join('\n');
}

(async () => {
  const clients = ['sqlite', ...((await postgresReachable()) ? ['postgres'] : [])];
  const rows = [];
  for (const client of clients) rows.push(...(await benchDatabase(client)));
  const report = [
    '# Benchmarks',
    '',
    `\`npm run bench\` on ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; autocannon, ${CONNECTIONS} connections, ${DURATION} s per figure, each figure of a database measured in the same run as its baselines. Data set: 5 regions × 2 phases × 8 questions, 20,000 submissions (55% approved, 25% pending, 15% rejected, 5% withdrawn), 5,000 moderator replies, 50,000 moderation events.`,
    '',
    '"ours" is the application as it runs: reads answered from the read cache while no published content has changed (each read still asks the database for the change counter, so it stays correct across instances). "stock" is the same application with `READ_CACHE=off`: Strapi\'s core controller behind the published-only middleware, same data, same run. The floor is a bare Node HTTP server running hand-written SQL for the list read on the same database (`scripts/bench/floor.js`), with no cache. The load repeats one URL, the case a cache serves best; the Hub\'s real mix of pages and of writes between reads lies between "stock" and "ours".',
    '',
    table(rows),
    '',
    `Measured ${new Date().toISOString().slice(0, 10)}. These machines are small and noisy: compare ratios within one run, not figures across runs.`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(root, 'docs/BENCHMARKS.md'), report);
  console.log(`\n${table(rows)}\n\nWritten to docs/BENCHMARKS.md`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
