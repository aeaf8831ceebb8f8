#!/usr/bin/env node
/**
 * npm run bench: builds the benchmark data set on SQLite and on PostgreSQL (when reachable),
 * serves it with the application, the stock baseline and the bare floor server side by side,
 * measures the Hub's reads, the moderation queue, a summary, posting and decisions with
 * autocannon, and writes the tables to docs/BENCHMARKS.md.
 *
 * BENCH_SECONDS sets the seconds per figure (10); BENCH_DATABASES=sqlite skips PostgreSQL.
 * With --soak (npm run bench -- --soak) it runs the mixed soak of scripts/bench/soak.js instead.
 */
const autocannon = require('autocannon');
const { fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { freshDatabase: freshDatabaseFor } = require('../lib/fresh-database');
const { throwawaySecrets } = require('../lib/throwaway-secrets');
const { root, waitFor, rssMb, json, adminToken, buildDataset, serve: serveApp, freePort } = require('./common');
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

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (n) => Math.round(n * 10) / 10;

/**
 * autocannon against `base` + each of `paths` in turn. Every answer must have the `expect`ed
 * status unless `onResponse` judges it.
 */
function load(base, paths, { headers = {}, method = 'GET', body, connections = CONNECTIONS, amount, expect = 200, onResponse } = {}) {
  const list = [paths].flat();
  let next = 0;
  let unexpected = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections,
        ...(amount ? { amount } : { duration: DURATION }),
        headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
        requests: [
          {
            method,
            setupRequest: (request) => {
              const n = next++;
              const extra = typeof headers === 'function' ? headers(n) : {};
              return { ...request, path: list[n % list.length], headers: { ...request.headers, ...extra }, ...(body ? { body: JSON.stringify(body(n)) } : {}) };
            },
            onResponse: (status, responseBody) => {
              if (onResponse) onResponse(status, responseBody);
              else if (status !== expect) unexpected += 1;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        if (unexpected) return reject(new Error(`${base}${list[0]}: ${unexpected} answers were not ${expect}`));
        resolve({ rps: Math.round(result.requests.average), p50: result.latency.p50, p95: result.latency.p97_5 ?? result.latency.p99, requests: result.requests.total });
      },
    );
  });
}

/** The database the bench servers use, for checks and for counting changes behind their back. */
function sqlOf(env) {
  if (env.DATABASE_CLIENT === 'postgres') {
    const client = new Client({ connectionString: env.DATABASE_URL });
    const ready = client.connect();
    return { query: async (text, params = []) => (await ready, (await client.query(text, params)).rows), close: () => client.end() };
  }
  const db = new (require('better-sqlite3'))(env.DATABASE_FILENAME);
  const query = async (text, params = []) => {
    const statement = db.prepare(text.replace(/\$(\d+)/g, '?'));
    return statement.reader ? statement.all(...params) : (statement.run(...params), []);
  };
  return { query, close: async () => db.close() };
}

/** One request at a time, each right after a change to published content: the read cache is always cold. */
async function afterEachChange(url, headers, bump, samples = 40) {
  const times = [];
  for (let i = 0; i < samples; i += 1) {
    if (bump) await bump();
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - started);
  }
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
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
    // The load posts far more than one person would; the limit is not what is measured.
    SUBMISSION_RATE_LIMIT: '1000000',
    ...throwawaySecrets(),
  };
  const rows = [];
  const targets = [];
  try {
    const built = await buildDataset(env);
    const busiest = built.busiest;
    console.log(`${client}: data set built in ${built.seconds} s (${built.submissions} submissions, ${built.replies} replies, ${built.events} events; ${busiest.region} before the review: ${busiest.submissions}, ${busiest.approved} approved)`);

    const port = await freePort();
    const serve = (p, extra = {}) => serveApp(env, p, extra);
    const started = Date.now();
    const app = serve(port);
    await waitFor(`http://127.0.0.1:${port}/_health`, app);
    const coldStart = (Date.now() - started) / 1000;
    const stockPort = await freePort();
    const stockApp = serve(stockPort, { READ_CACHE: 'off' });
    await waitFor(`http://127.0.0.1:${stockPort}/_health`, stockApp);
    const floorPort = await freePort();
    const floor = fork(path.join(__dirname, 'floor.js'), { env: { ...env, PORT: String(floorPort) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise((resolve) => floor.once('message', resolve));
    const sql = sqlOf(env);
    const ours = `http://127.0.0.1:${port}`;
    const stock = `http://127.0.0.1:${stockPort}`;
    const bare = `http://127.0.0.1:${floorPort}`;
    try {
      const auth = { authorization: `Bearer ${built.token}` };
      const phase = busiest.phase;
      const list = `/api/submissions?filters[phase][documentId]=${phase}&populate[guidingQuestion]=true&populate[moderatorReplies]=true&sort=createdAt:desc&pagination[pageSize]=25`;
      const reads = [
        ['Hub: published submissions of a phase, 25 a page, with question and replies', list, `/submissions?phase=${phase}`],
        ['Hub: one submission', `/api/submissions/${built.oneSubmission}?populate[guidingQuestion]=true&populate[moderatorReplies]=true`, `/submission?id=${built.oneSubmission}`],
        ['Hub: the questions of a region', `/api/guiding-questions?filters[phase][region][code]=${busiest.region}&sort=position&pagination[pageSize]=100`, `/questions?region=${busiest.region}`],
      ];
      for (const [figure, url, floorUrl] of reads) {
        const mine = await load(ours, url, { headers: auth });
        const theirs = await load(stock, url, { headers: auth });
        const base = floorUrl ? await load(bare, floorUrl) : null;
        rows.push({ figure, database: client, ours: mine, stock: theirs, floor: base });
        console.log(`${client}: ${figure}: ${mine.rps} req/s (p95 ${mine.p95} ms); stock ${theirs.rps}${base ? `; floor ${base.rps}` : ''}`);
      }

      // A kept answer against the cheapest answer Strapi gives, /_health, measured around it. The
      // Hub's token and a Hub user's JWT are checked on every read, from memory.
      {
        const before = await load(ours, '/_health', { expect: 204 });
        const withToken = await load(ours, list, { headers: auth });
        const withJwt = await load(ours, list, { headers: { authorization: `Bearer ${built.stakeholders[0]}` } });
        const refused = await load(ours, list, { expect: 403 });
        const after = await load(ours, '/_health', { expect: 204 });
        const health = Math.round((before.rps + after.rps) / 2);
        const ratio = (r) => (r.rps / health).toFixed(2);
        rows.push({ figure: "Strapi's own /_health (req/s, mean of before and after the reads below)", database: client, value: health });
        rows.push({ figure: 'Hub: a kept list read with the Hub token (req/s; × /_health)', database: client, value: `${withToken.rps}; ${ratio(withToken)}` });
        rows.push({ figure: "Hub: a kept list read with a Hub user's JWT (req/s; × /_health)", database: client, value: `${withJwt.rps}; ${ratio(withJwt)}` });
        rows.push({ figure: 'Hub: the same read without a credential, refused 403 (req/s; × /_health)', database: client, value: `${refused.rps}; ${ratio(refused)}` });
        targets.push({ target: 'A kept read with the Hub token at 0.4 × /_health or more', database: client, measured: `${ratio(withToken)} (${withToken.rps} against ${health} req/s)`, met: withToken.rps / health >= 0.4 });
        targets.push({ target: 'A kept read with a JWT at 0.3 × /_health or more', database: client, measured: `${ratio(withJwt)} (${withJwt.rps} against ${health} req/s)`, met: withJwt.rps / health >= 0.3 });
        console.log(`${client}: /_health ${health} req/s; kept read: token ${withToken.rps} (${ratio(withToken)}), JWT ${withJwt.rps} (${ratio(withJwt)}), refused ${refused.rps}`);
      }

      // The same list, every page of the phase in turn (each page a cache entry of its own).
      const pages = Array.from({ length: Math.ceil(busiest.approved / 25) }, (_, i) => `${list}&pagination[page]=${i + 1}`);
      const floorPages = pages.map((_, i) => `/submissions?phase=${phase}&page=${i + 1}`);
      {
        const figure = `Hub: the same list, all ${pages.length} pages in turn`;
        const mine = await load(ours, pages, { headers: auth });
        const theirs = await load(stock, pages, { headers: auth });
        const base = await load(bare, floorPages);
        rows.push({ figure, database: client, ours: mine, stock: theirs, floor: base });
        console.log(`${client}: ${figure}: ${mine.rps} req/s; stock ${theirs.rps}; floor ${base.rps}`);
      }

      // Cold: a change to published content (counted as the application counts it) before every read.
      {
        const bump = () => sql.query('update content_versions set version = version + 1');
        const mine = await afterEachChange(`${ours}${list}`, auth, bump);
        const theirs = await afterEachChange(`${stock}${list}`, auth, null);
        const base = await afterEachChange(`${bare}/submissions?phase=${phase}`, {}, null);
        rows.push({ figure: 'Hub: the list right after a change to published content, one request at a time', database: client, latency: true, ours: mine, stock: theirs, floor: base });
        console.log(`${client}: cold list: p50 ${mine.p50} ms; stock ${theirs.p50}; floor ${base.p50}`);
      }

      // The moderation queue of one region, as its moderator, with the filters moderators use.
      const moderatorAuth = { authorization: `Bearer ${await adminToken(ours, `moderator.${busiest.region.toLowerCase()}@example.org`, built.adminPassword)}` };
      const filterSets = [
        { state: 'pending' },
        { state: 'pending', phase, stakeholderCategory: 'civil_society' },
        { state: 'approved', phase, kind: 'recommendation' },
        { state: 'pending', q: 'Organisation 12' },
      ];
      const queue = filterSets.map((f) => `/moderation/submissions?${new URLSearchParams({ region: busiest.region, ...f })}`);
      const cmFilter = (f) => {
        const conditions = [['moderationState', f.state], ['region][code', busiest.region], ...(f.phase ? [['phase][documentId', f.phase]] : []), ...(f.stakeholderCategory ? [['stakeholderCategory', f.stakeholderCategory]] : []), ...(f.kind ? [['kind', f.kind]] : [])];
        const filters = conditions.map(([field, value], i) => `filters[$and][${i}][${field}][$eq]=${encodeURIComponent(value)}`).join('&');
        return `/content-manager/collection-types/api::submission.submission?page=1&pageSize=25&sort=createdAt:ASC&${filters}${f.q ? `&_q=${encodeURIComponent(f.q)}` : ''}`;
      };
      const contentManager = filterSets.map(cmFilter);
      const floorQueue = filterSets.map((f) => `/queue?${new URLSearchParams({ region: busiest.region, ...f })}`);
      {
        const figure = 'Moderation queue of a region, 25 a page, four filter sets in turn';
        const mine = await load(ours, queue, { headers: moderatorAuth });
        const theirs = await load(ours, contentManager, { headers: moderatorAuth });
        const base = await load(bare, floorQueue);
        rows.push({ figure, database: client, ours: mine, stock: theirs, floor: base, stockIs: 'Content Manager list' });
        // The target is a moderator's wait: their requests one after another (the load above is ten at once).
        const alone = await load(ours, queue, { headers: moderatorAuth, connections: 1 });
        targets.push({ target: 'Moderation queue p95 under 50 ms at 20,000 submissions', database: client, measured: `p95 ${alone.p95} ms (p50 ${alone.p50}) for one moderator's requests in turn; p95 ${mine.p95} ms with ${CONNECTIONS} at once`, met: alone.p95 < 50 });
        console.log(`${client}: ${figure}: ${mine.rps} req/s (p95 ${mine.p95} ms); Content Manager ${theirs.rps}; floor ${base.rps}`);
      }

      // The summary of the busiest phase, generated and downloaded as the secretariat does.
      const secretariat = { authorization: `Bearer ${await adminToken(ours, 'secretariat@example.org', built.adminPassword)}` };
      {
        const times = [];
        const downloads = [];
        let quoted = 0;
        for (let i = 0; i < 3; i += 1) {
          const t0 = performance.now();
          const summary = (await json(`${ours}/moderation/phases/${phase}/summary`, { method: 'POST', headers: secretariat })).data;
          times.push((performance.now() - t0) / 1000);
          quoted = summary.submissions;
          const t1 = performance.now();
          const docx = await fetch(`${ours}/moderation/summaries/${summary.documentId}/download?format=docx`, { headers: secretariat });
          if (docx.status !== 200) throw new Error(`summary download: ${docx.status}`);
          await docx.arrayBuffer();
          downloads.push((performance.now() - t1) / 1000);
        }
        const seconds = Number(percentile(times, 50).toFixed(2));
        rows.push({ figure: `Summary of a phase with ${quoted} approved submissions: generated (s, median of 3)`, database: client, value: seconds });
        rows.push({ figure: 'The same summary downloaded as DOCX (s, median of 3)', database: client, value: Number(percentile(downloads, 50).toFixed(2)) });
        targets.push({ target: 'A summary of 4,000 submissions in under 5 s', database: client, measured: `${seconds} s for ${quoted}`, met: quoted >= 4000 && seconds < 5 });
        console.log(`${client}: summary of ${quoted}: ${seconds} s`);
      }

      // 50 stakeholders posting at once; every acknowledged submission must be stored, once.
      {
        const acknowledged = [];
        const statuses = {};
        let n = 0;
        const result = await load(ours, '/api/submissions', {
          method: 'POST',
          connections: built.stakeholders.length,
          headers: (i) => ({ authorization: `Bearer ${built.stakeholders[i % built.stakeholders.length]}` }),
          body: () => ({ data: { kind: 'comment', title: `Bench post ${(n += 1)}`, body: 'Posted under load by one of fifty stakeholders at once.', guidingQuestion: busiest.question, countries: ['FR'], gcmObjectives: [16], language: 'en' } }),
          onResponse: (status, body) => {
            statuses[status] = (statuses[status] || 0) + 1;
            if (status === 201) acknowledged.push(JSON.parse(body).data.documentId);
          },
        });
        const stored = await sql.query("select document_id as id, count(*) as n from submissions where title like 'Bench post %' and published_at is null group by document_id");
        const storedIds = new Map(stored.map((r) => [r.id, Number(r.n)]));
        const lost = acknowledged.filter((id) => !storedIds.has(id)).length;
        const doubled = [...storedIds.values()].filter((count) => count > 1).length;
        rows.push({ figure: `Posting: ${built.stakeholders.length} stakeholders at once (posts/s; p95 ms)`, database: client, value: `${result.rps}; ${result.p95}` });
        targets.push({ target: 'No submission lost under concurrent posting', database: client, measured: `${acknowledged.length} acknowledged (answers: ${JSON.stringify(statuses)}), ${storedIds.size} stored, ${lost} lost, ${doubled} stored twice`, met: lost === 0 && doubled === 0 && storedIds.size >= acknowledged.length && Object.keys(statuses).every((s) => s === '201') });
        console.log(`${client}: posting: ${result.rps} posts/s; ${acknowledged.length} acknowledged, ${lost} lost`);
      }

      // Decisions: the region's moderator approves 1,000 pending submissions, ten at a time.
      {
        const pending = busiest.pending.slice(0, 1000);
        const result = await load(ours, pending.map((id) => `/moderation/submissions/${id}/approve`), { method: 'POST', headers: moderatorAuth, amount: pending.length });
        const [{ n }] = await sql.query(`select count(*) as n from submissions where published_at is not null and document_id in (${pending.map((_, i) => `$${i + 1}`).join(',')})`, pending);
        if (Number(n) !== pending.length) throw new Error(`decisions: ${n} of ${pending.length} approvals published`);
        rows.push({ figure: `Decisions: approvals by one region's moderator, ${CONNECTIONS} at a time (decisions/s; p95 ms)`, database: client, value: `${result.rps}; ${result.p95}` });
        console.log(`${client}: decisions: ${result.rps}/s`);
      }

      rows.push({ figure: 'Cold start to healthy (s)', database: client, value: coldStart });
      rows.push({ figure: 'Memory after the load (MB RSS)', database: client, value: rssMb(app.pid) });
    } finally {
      app.kill('SIGTERM');
      stockApp.kill('SIGTERM');
      floor.kill('SIGTERM');
      await sql.close();
    }
  } finally {
    await database.drop();
  }
  return { rows, targets };
}

/** Ratios say how many times faster ours is: throughput over throughput, or time over time. */
function table(rows) {
  const times = (a, b) => (a && b ? (a / b).toFixed(2) : '–');
  const lines = ['| figure | database | ours | stock | floor | × stock | × floor |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    if ('value' in r) lines.push(`| ${r.figure} | ${r.database} | ${r.value} | | | | |`);
    else if (r.latency) lines.push(`| ${r.figure} (p50; p95 ms) | ${r.database} | ${r.ours.p50}; ${r.ours.p95} | ${r.stock.p50}; ${r.stock.p95} | ${r.floor.p50}; ${r.floor.p95} | ${times(r.stock.p50, r.ours.p50)} | ${times(r.floor.p50, r.ours.p50)} |`);
    else lines.push(`| ${r.figure} (req/s; p95 ms)${r.stockIs ? `; stock is the ${r.stockIs}` : ''} | ${r.database} | ${r.ours.rps}; ${r.ours.p95} | ${r.stock.rps}; ${r.stock.p95} | ${r.floor ? `${r.floor.rps}; ${r.floor.p95}` : '–'} | ${times(r.ours.rps, r.stock.rps)} | ${r.floor ? times(r.ours.rps, r.floor.rps) : '–'} |`);
  }
  return lines.join('\n');
}

function targetTable(targets) {
  return ['| target | database | measured | met |', '|---|---|---|---|', ...targets.map((t) => `| ${t.target} | ${t.database} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`)].join('\n');
}

async function figures() {
  const wanted = (process.env.BENCH_DATABASES || 'sqlite,postgres').split(',');
  const clients = [...(wanted.includes('sqlite') ? ['sqlite'] : []), ...(wanted.includes('postgres') && (await postgresReachable()) ? ['postgres'] : [])];
  const rows = [];
  const targets = [];
  for (const client of clients) {
    const measured = await benchDatabase(client);
    rows.push(...measured.rows);
    targets.push(...measured.targets);
  }
  const report = [
    '# Benchmarks',
    '',
    `\`${process.env.BENCH_SECONDS ? `BENCH_SECONDS=${process.env.BENCH_SECONDS} ` : ''}npm run bench\` on ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; autocannon, ${CONNECTIONS} connections unless a figure says otherwise, ${DURATION} s per figure, each figure of a database measured in the same run as its baselines. Data set (\`scripts/bench/dataset.js\`, written in bulk in 5 to 8 s): 5 regions × 2 phases × 8 questions, 20,000 submissions (55% approved, 25% pending, 15% rejected, 5% withdrawn; UNECE before its review is the busiest phase, with about 7,300 of them and 4,000 approved), 5,000 moderator replies, 50,000 moderation events, and 50 stakeholder accounts for the posting load.`,
    '',
    '- **ours**: the application as it runs. Hub reads are answered from the read cache while no published content has changed; each read still asks the database for the change counter, so it stays correct across instances.',
    '- **stock**: for the Hub\'s reads, the same application with `READ_CACHE=off`: Strapi\'s core controller behind the published-only middleware. For the moderation queue, Strapi\'s Content Manager list with the same filters, as the same moderator (its region condition applies). Same data, same run.',
    '- **floor**: a bare Node HTTP server running hand-written SQL on the same database (`scripts/bench/floor.js`), with no authentication, validation or cache.',
    '- **× stock, × floor**: how many times faster ours is (throughput over throughput, or the baseline\'s time over ours).',
    '',
    'The first list figure repeats one URL, the case a cache serves best; "all pages in turn" spreads the load over every page of the phase; "right after a change" is the cold cache: a change to published content is counted before every read, so every read is computed afresh. The Hub\'s real traffic lies between these.',
    '',
    table(rows),
    '',
    '## Targets',
    '',
    targetTable(targets),
    '',
    '## Reading the figures',
    '',
    '- **The Hub\'s reads** are where the read cache works: a list the Hub asks for again is answered from memory after one query for the change counter. A page computed afresh (the cold figure) costs what Strapi\'s own query costs: the cache adds nothing to it and takes nothing from it.',
    '- **The floor** on PostgreSQL answers the list with one indexed query that walks the phase\'s rows in date order; Strapi reaches the same rows through the relation\'s link table with `SELECT DISTINCT`, which sorts every row of the phase first. That gap is Strapi\'s query engine; the read cache is how we close it for repeated reads. On SQLite the floor\'s list query reads the phase\'s rows through the link table before it sorts, so it is no faster than Strapi\'s there; for one submission and for the questions it shows the cost of bare SQL.',
    '- **The moderation queue** filters on the region and phase kept on each submission\'s own row (set once at posting, indexed with the state and the date: `submissions_region_queue_idx`), so no filter joins a link table; the counts of the tabs come from the same index. The text search (`q`) is a case-insensitive substring match, as before; on PostgreSQL trigram indexes over the draft rows (`pg_trgm`, `submissions_queue_search_idx`) answer it without reading every body.',
    '- **A kept read** is answered by `global::cached-read` after logging, security headers and CORS, before the router: it checks the credential against memory (the Hub token by its hash; a JWT by its signature, its expiry and the account\'s state) and asks the database only for the change counters, one query shared by the reads that arrive together. `/_health` is the cheapest answer Strapi gives; the ratio says how close a kept read comes to it.',
    '- **Posting**: "stored" can exceed "acknowledged" by the posts still in flight when the load stopped; those were stored, and their authors would have had their answer a moment later. None acknowledged is missing and none is stored twice.',
    '- **Decisions** are claimed one by one with a conditional update inside the transaction that publishes, so that two moderators never both decide; that serialises them per submission, not across submissions.',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)}. These machines are small and noisy: compare ratios within one run, not figures across runs.`,
    '',
  ].join('\n');
  // The soak's section is written by its own run (--soak) and kept.
  const file = path.join(root, 'docs/BENCHMARKS.md');
  const soaked = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n## Soak\n')[1] : undefined;
  fs.writeFileSync(file, soaked ? `${report.trimEnd()}\n\n## Soak\n${soaked}` : report);
  console.log(`\n${table(rows)}\n\n${targetTable(targets)}\n\nWritten to docs/BENCHMARKS.md`);
}

(process.argv.includes('--soak') ? require('./soak').soak() : figures()).catch((error) => {
  console.error(error);
  process.exit(1);
});
