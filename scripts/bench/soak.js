/**
 * `npm run bench -- --soak`: ten minutes (SOAK_MINUTES) of mixed load on two instances sharing one
 * PostgreSQL database: the Hub reading (its token and users' JWTs), stakeholders posting, a moderator
 * deciding, and the secretariat exporting, all at once, through both instances. E-mail goes to a
 * real SMTP server kept by the soak. Then it checks: no 5xx, no acknowledged post lost, every e-mail
 * of the outbox received once and none twice, and the memory of each instance against a bound.
 */
const autocannon = require('autocannon');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { simpleParser } = require('mailparser');
const { SMTPServer } = require('smtp-server');
const { freshDatabase } = require('../lib/fresh-database');
const { throwawaySecrets } = require('../lib/throwaway-secrets');
const { root, waitFor, rssMb, adminToken, buildDataset, serve, freePort } = require('./common');

const MINUTES = Number(process.env.SOAK_MINUTES || 10);
const PG_ADMIN = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
/** Growth of an instance's memory allowed between the end of the first minute and the end. */
const MEMORY_BOUND_MB = 100;

async function startMailbox() {
  const received = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ to: [mail.to].flat().flatMap((a) => (a ? a.value.map((v) => v.address) : [])).join(','), subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  server.on('error', () => {});
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.server.address().port, received, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** Counts answers by status. */
const tally = () => {
  const counts = {};
  return { add: (status) => (counts[status] = (counts[status] || 0) + 1), counts, errors: () => Object.entries(counts).filter(([s]) => Number(s) >= 500 || s === 'network').reduce((n, [, c]) => n + c, 0) };
};

async function soak() {
  const database = await freshDatabase('gcm_soak', PG_ADMIN);
  const mailbox = await startMailbox();
  const env = {
    ...process.env,
    ...database.env,
    NODE_ENV: 'production',
    DEMO_DATA: 'auto',
    LOG_LEVEL: 'error',
    SUBMISSION_RATE_LIMIT: '1000000',
    EMAIL_PROVIDER: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mailbox.port),
    SMTP_IGNORE_TLS: 'true',
    OUTBOX_POLL_MS: '1000',
    ...throwawaySecrets(),
  };
  const instances = [];
  const sql = new Client({ connectionString: env.DATABASE_URL });
  try {
    const built = await buildDataset(env);
    const { busiest } = built;
    console.log(`soak: data set built (${built.submissions} submissions); ${MINUTES} min on two instances`);
    const first = await freePort();
    let second = await freePort();
    while (second === first) second = await freePort();
    for (const p of [first, second]) instances.push({ base: `http://127.0.0.1:${p}`, child: serve(env, p) });
    for (const i of instances) await waitFor(`${i.base}/_health`, i.child);
    await sql.connect();
    const moderator = await adminToken(instances[0].base, `moderator.${busiest.region.toLowerCase()}@example.org`, built.adminPassword);
    const secretariat = await adminToken(instances[1].base, 'secretariat@example.org', built.adminPassword);
    const until = Date.now() + MINUTES * 60000;
    const on = (n) => instances[n % 2].base;
    const answers = { reads: tally(), posts: tally(), decisions: tally(), exports: tally() };
    const acknowledged = [];
    const decided = new Set();
    const memory = instances.map(() => ({ start: 0, end: 0 }));
    setTimeout(() => instances.forEach((i, n) => (memory[n].start = rssMb(i.child.pid))), 60000);

    const list = `/api/submissions?filters[phase][documentId]=${busiest.phase}&populate[guidingQuestion]=true&populate[moderatorReplies]=true&sort=createdAt:desc&pagination[pageSize]=25`;
    const pages = Array.from({ length: 8 }, (_, i) => `${list}&pagination[page]=${i + 1}`);
    const reads = instances.map(
      (instance, n) =>
        new Promise((resolve, reject) => {
          let k = 0;
          autocannon(
            {
              url: instance.base,
              connections: 4,
              duration: MINUTES * 60,
              requests: [
                {
                  setupRequest: (request) => {
                    k += 1;
                    const credential = k % 3 === 0 ? built.stakeholders[k % built.stakeholders.length] : built.token;
                    return { ...request, path: pages[(k + n) % pages.length], headers: { authorization: `Bearer ${credential}` } };
                  },
                  onResponse: (status) => answers.reads.add(status),
                },
              ],
            },
            (error, result) => (error ? reject(error) : resolve(result)),
          );
        }),
    );

    const repeat = async (gapMs, work) => {
      for (let n = 0; Date.now() < until; n += 1) {
        await work(n);
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
    };
    const request = async (counter, url, init) => {
      try {
        const res = await fetch(url, init);
        counter.add(res.status);
        return res.status < 300 ? res.json().catch(() => null) : (await res.arrayBuffer(), null);
      } catch {
        counter.add('network');
        return null;
      }
    };
    const post = (n) =>
      request(answers.posts, `${on(n)}/api/submissions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${built.stakeholders[n % built.stakeholders.length]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ data: { kind: 'comment', title: `Soak post ${n} ${Date.now()}`, body: 'Posted during the soak.', guidingQuestion: busiest.question, countries: ['FR'], gcmObjectives: [16], language: 'en' } }),
      }).then((body) => body?.data?.documentId && acknowledged.push(body.data.documentId));
    const decide = async (n) => {
      const documentId = acknowledged.find((id) => !decided.has(id));
      if (!documentId) return;
      decided.add(documentId);
      const action = n % 3 === 2 ? 'reject' : 'approve';
      await request(answers.decisions, `${on(n + 1)}/moderation/submissions/${documentId}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${moderator}`, 'content-type': 'application/json' },
        body: JSON.stringify(action === 'reject' ? { reason: 'Off topic for this question.' } : {}),
      });
    };
    const exportPhase = (n) => request(answers.exports, `${on(n)}/moderation/phases/${busiest.phase}/export?format=csv`, { headers: { authorization: `Bearer ${secretariat}` } });

    await Promise.all([...reads, ...[0, 1].map((k) => repeat(200, (n) => post(n * 2 + k))), repeat(100, decide), repeat(15000, exportPhase)]);
    instances.forEach((i, n) => (memory[n].end = rssMb(i.child.pid)));

    // The outbox empties within a minute of the load ending.
    const deadline = Date.now() + 60000;
    let waiting = Infinity;
    while (Date.now() < deadline && waiting > 0) {
      waiting = Number((await sql.query("select count(*) as n from moderation_outbox where state = 'waiting'")).rows[0].n);
      if (waiting) await new Promise((r) => setTimeout(r, 1000));
    }
    const outbox = Object.fromEntries((await sql.query('select state, count(*) as n from moderation_outbox group by state')).rows.map((r) => [r.state, Number(r.n)]));
    const stored = new Set((await sql.query('select document_id from submissions where published_at is null and document_id = any($1)', [acknowledged])).rows.map((r) => r.document_id));
    const lost = acknowledged.filter((id) => !stored.has(id)).length;
    const seen = new Map();
    for (const mail of mailbox.received) {
      const key = `${mail.to}\n${mail.subject}\n${mail.text}`;
      seen.set(key, (seen.get(key) || 0) + 1);
    }
    const duplicates = [...seen.values()].filter((count) => count > 1).length;
    const errors = Object.values(answers).reduce((n, t) => n + t.errors(), 0);
    const growth = memory.map((m) => m.end - m.start);
    const result = {
      minutes: MINUTES,
      answers: Object.fromEntries(Object.entries(answers).map(([k, t]) => [k, t.counts])),
      acknowledged: acknowledged.length,
      decided: decided.size,
      lost,
      outbox,
      mailsReceived: mailbox.received.length,
      duplicates,
      memory,
      errors,
      met: errors === 0 && lost === 0 && duplicates === 0 && (outbox.waiting ?? 0) === 0 && (outbox.failed ?? 0) === 0 && mailbox.received.length === (outbox.sent ?? 0) && growth.every((g) => g <= MEMORY_BOUND_MB),
    };
    console.log(JSON.stringify(result, null, 2));
    writeSection(result);
    return result;
  } finally {
    for (const i of instances) i.child.kill('SIGTERM');
    await sql.end().catch(() => {});
    await mailbox.stop();
    await new Promise((r) => setTimeout(r, 2000));
    await database.drop();
  }
}

/** Writes the soak's section of docs/BENCHMARKS.md, keeping the rest of the file. */
function writeSection(r) {
  const file = path.join(root, 'docs/BENCHMARKS.md');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const before = current.split('\n## Soak\n')[0].trimEnd();
  const statuses = (counts) => Object.entries(counts).map(([s, n]) => `${n} × ${s}`).join(', ');
  const section = [
    '## Soak',
    '',
    `\`npm run bench -- --soak\`: ${r.minutes} minutes on two instances sharing one PostgreSQL database (the data set above), e-mail to a local SMTP server. At once, through both instances: the Hub reading a phase's pages (8 connections; its token, and a stakeholder's JWT on every third read), two stakeholders posting without pause, the region's moderator approving or rejecting each new post, and the secretariat exporting the phase every 15 s.`,
    '',
    '| check | result | met |',
    '|---|---|---|',
    `| answers | reads: ${statuses(r.answers.reads)}; posts: ${statuses(r.answers.posts)}; decisions: ${statuses(r.answers.decisions)}; exports: ${statuses(r.answers.exports)} | ${r.errors === 0 ? 'yes, 0 × 5xx' : `**no**: ${r.errors} errors`} |`,
    `| posts lost | ${r.acknowledged} acknowledged, ${r.lost} missing | ${r.lost === 0 ? 'yes' : '**no**'} |`,
    `| e-mail | outbox: ${JSON.stringify(r.outbox)}; ${r.mailsReceived} received, ${r.duplicates} received twice | ${r.duplicates === 0 && r.mailsReceived === (r.outbox.sent ?? 0) && !r.outbox.waiting && !r.outbox.failed ? 'yes' : '**no**'} |`,
    `| memory (MB RSS after the first minute → at the end; bound: ${MEMORY_BOUND_MB} MB of growth) | ${r.memory.map((m, i) => `instance ${i + 1}: ${m.start} → ${m.end}`).join('; ')} | ${r.memory.every((m) => m.end - m.start <= MEMORY_BOUND_MB) ? 'yes' : '**no**'} |`,
    '',
    `Soaked ${new Date().toISOString().slice(0, 10)}.`,
    '',
  ].join('\n');
  fs.writeFileSync(file, `${before}\n\n${section}`);
}

module.exports = { soak };
