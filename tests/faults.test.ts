/**
 * Faults (docs/SECURITY.md): a server killed with SIGKILL while stakeholders post, and (on the
 * PostgreSQL pass) PostgreSQL restarted under load. Every acknowledged submission is there and
 * whole afterwards, nothing is half-written, and the application recovers on its own, answering
 * 503 rather than 500 while the database is away.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { demoQuestions, validSubmission } from './helpers/fixtures';
import { appDir, freePort, startApp, startInstance, type TestApp } from './helpers/strapi';

let app: TestApp;
let stakeholder: string;
let question: string;
/** What this file injected, for docs/SECURITY.md. */
const tally = { kills: 0, databaseRestarts: 0, postsAcknowledged: 0, postsLost: 0, halfWritten: 0, answersDuringOutage: {} as Record<string, number> };

beforeAll(async () => {
  app = await startApp({ SUBMISSION_RATE_LIMIT: '100000' });
  stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  [question] = await demoQuestions(app);
});

afterAll(async () => {
  fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(appDir, '.tmp', `faults-${app?.databaseClient}.json`), JSON.stringify(tally, null, 2));
  await app?.stop();
});

const post = (url: string, token: string, title: string, to = question) =>
  fetch(`${url}/api/submissions`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ data: validSubmission(to, { title, body: `The whole text of ${title}.` }) }) });

/** Every submission whose title starts with `prefix`, checked whole: relations, event, state. */
async function storedWhole(prefix: string) {
  const rows = (await app.strapi.db.query('api::submission.submission').findMany({
    where: { title: { $startsWith: prefix }, publishedAt: null },
    populate: { guidingQuestion: { select: ['id'] }, phase: { select: ['id'] }, region: { select: ['id'] }, author: { select: ['id'] } },
  })) as { documentId: string; title: string; body: string; moderationState: string; guidingQuestion: unknown; phase: unknown; region: unknown; author: unknown }[];
  const events = (await app.strapi.db.query('plugin::moderation.moderation-event').findMany({ where: { submissionDocumentId: { $in: rows.map((r) => r.documentId) }, action: 'submitted' } })) as { submissionDocumentId: string }[];
  const logged = new Set(events.map((e) => e.submissionDocumentId));
  const whole = (r: (typeof rows)[number]) => r.moderationState === 'pending' && r.body === `The whole text of ${r.title}.` && !!r.guidingQuestion && !!r.phase && !!r.region && !!r.author && logged.has(r.documentId);
  return { ids: new Set(rows.map((r) => r.documentId)), halfWritten: rows.filter((r) => !whole(r)).map((r) => r.title) };
}

test('killed with SIGKILL while 20 stakeholders post: every acknowledged submission is there, whole', async () => {
  const victim = await startInstance();
  const acknowledged: string[] = [];
  let stop = false;
  let sent = 0;
  const poster = async (n: number) => {
    for (let i = 0; !stop; i += 1) {
      sent += 1;
      try {
        const res = await post(victim.url, stakeholder, `Fault kill ${n}-${i}`);
        if (res.status === 201) acknowledged.push(((await res.json()) as { data: { documentId: string } }).data.documentId);
      } catch {
        return; // the connection died with the server: not acknowledged
      }
    }
  };
  const posters = Array.from({ length: 20 }, (_, n) => poster(n));
  while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
  victim.child.kill('SIGKILL');
  tally.kills += 1;
  await Promise.all(posters);
  stop = true;

  // Restarted on the same database, it serves again, and nothing acknowledged is missing.
  const again = await startInstance();
  try {
    const { ids, halfWritten } = await storedWhole('Fault kill ');
    const lost = acknowledged.filter((id) => !ids.has(id));
    tally.postsAcknowledged += acknowledged.length;
    tally.postsLost += lost.length;
    tally.halfWritten += halfWritten.length;
    expect(sent).toBeGreaterThan(acknowledged.length);
    expect(lost).toEqual([]);
    expect(halfWritten).toEqual([]);
    expect((await post(again.url, stakeholder, 'Fault kill after restart')).status).toBe(201);
  } finally {
    again.child.kill('SIGTERM');
  }
});

/** A PostgreSQL server of the test's own, so that restarting it disturbs nothing else. */
async function ownPostgres() {
  const bin = fs.existsSync('/usr/lib/postgresql') ? path.join('/usr/lib/postgresql', fs.readdirSync('/usr/lib/postgresql').sort().pop()!, 'bin') : '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gcm-pg-'));
  const port = await freePort();
  // PostgreSQL refuses to run as root: run it as the postgres user when the tests are root.
  const asOwner = (command: string, args: string[]) =>
    process.getuid?.() === 0 ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args], { stdio: 'pipe' }) : execFileSync(path.join(bin, command), args, { stdio: 'pipe' });
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  asOwner('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const ctl = (action: string) => asOwner('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, action, ...(action === 'stop' ? ['-m', 'fast'] : [])]);
  ctl('start');
  execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'create database gcm_fault'], { stdio: 'pipe' });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/gcm_fault`,
    stop: () => ctl('stop'),
    start: () => ctl('start'),
    remove: () => {
      try {
        ctl('stop');
      } catch {
        /* already stopped */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const onPostgres = process.env.TEST_DATABASE_URL ? test : test.skip;

onPostgres('PostgreSQL restarted under load: 503 during the gap, never 500, then it recovers without a restart', async () => {
  const db = await ownPostgres();
  let instance: { url: string; child: ChildProcess } | undefined;
  try {
    instance = await startInstance({ DATABASE_CLIENT: 'postgres', DATABASE_URL: db.url, DEMO_DATA: 'auto', DATABASE_CONNECTION_TIMEOUT: '2000' });
    const url = instance.url;
    const token = ((await (await fetch(`${url}/api/auth/local`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier: HUB_ACCOUNTS.stakeholder, password: process.env.DEMO_USER_PASSWORD || 'Demo-User-2024' }) })).json()) as { jwt: string }).jwt;
    const questionThere = ((await (await fetch(`${url}/api/guiding-questions?filters[phase][isDemo]=true&sort=position`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { data: { documentId: string }[] }).data[0].documentId;

    const answers: Record<string, number> = {};
    const acknowledged: string[] = [];
    const unexpected: string[] = [];
    let stop = false;
    const load = async (n: number) => {
      for (let i = 0; !stop; i += 1) {
        const res = i % 2 ? await fetch(`${url}/api/submissions?pagination[page]=${1 + (i % 3)}`, { headers: { Authorization: `Bearer ${token}` } }) : await post(url, token, `Fault db ${n}-${i}`, questionThere);
        answers[res.status] = (answers[res.status] ?? 0) + 1;
        if (res.status === 201) acknowledged.push(((await res.json()) as { data: { documentId: string } }).data.documentId);
        else if (![200, 503].includes(res.status)) unexpected.push(`${res.status} ${res.url}: ${(await res.text()).slice(0, 300)}`);
        else await res.arrayBuffer();
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const loads = Array.from({ length: 6 }, (_, n) => load(n));
    await new Promise((r) => setTimeout(r, 1500));
    db.stop();
    tally.databaseRestarts += 1;
    await new Promise((r) => setTimeout(r, 3000));
    db.start();
    // Recovery without restarting the application: the next requests succeed.
    const deadline = Date.now() + 20000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      recovered = (await fetch(`${url}/api/regions`, { headers: { Authorization: `Bearer ${token}` } })).status === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 1000));
    stop = true;
    await Promise.all(loads);
    for (const [status, count] of Object.entries(answers)) tally.answersDuringOutage[status] = (tally.answersDuringOutage[status] ?? 0) + count;

    expect(recovered).toBe(true);
    expect(answers['503']).toBeGreaterThan(0);
    expect(Object.keys(answers).sort()).toEqual(expect.arrayContaining(['200', '201', '503']));
    expect(unexpected).toEqual([]);

    // Nothing acknowledged is missing or half-written (read straight from that database).
    const rows = execFileSync('psql', [db.url, '-At', '-c', "select s.document_id || '|' || (select count(*) from moderation_events e where e.submission_document_id = s.document_id and e.action = 'submitted') from submissions s where s.title like 'Fault db %' and s.published_at is null"], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('|'));
    const stored = new Map(rows.map(([id, events]) => [id, Number(events)]));
    tally.postsAcknowledged += acknowledged.length;
    tally.postsLost += acknowledged.filter((id) => !stored.has(id)).length;
    tally.halfWritten += [...stored.values()].filter((events) => events !== 1).length;
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect([...stored.values()].every((events) => events === 1)).toBe(true);
  } finally {
    instance?.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    db.remove();
  }
});
