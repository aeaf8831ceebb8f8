/**
 * Posting through the content API as the Hub does: what is accepted, what the author sees,
 * and a table of malformed and hostile requests, each refused with a 4xx that says why and
 * leaving nothing written.
 */
import type { Test } from 'supertest';
import { HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { CSV, demoQuestions, ELF, HTML, PDF, PNG, SVG, validSubmission, writtenRows } from './helpers/fixtures';
import { startApp, type TestApp } from './helpers/strapi';

let app: TestApp;
let stakeholder: string;
let questions: string[];
let draftQuestion: string;
let closedQuestion: string;
let undatedQuestion: string;
let pendingSubmission: string;
let publishedSubmission: string;

beforeAll(async () => {
  app = await startApp({ SUBMISSION_RATE_LIMIT: '40' });
  stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  questions = await demoQuestions(app);
  const docs = app.strapi.documents;
  const demoPhase = await docs('api::phase.phase').findFirst({ filters: { isDemo: true } });
  draftQuestion = (await docs('api::guiding-question.guiding-question').create({ data: { phase: demoPhase!.documentId, position: 30, text: 'A draft question shared for feedback' } as never, locale: 'en' })).documentId;
  const question = async (kind: string) =>
    (await docs('api::guiding-question.guiding-question').findFirst({ filters: { phase: { reviewCycle: 2024, kind: kind as never, isDemo: false } }, status: 'published' }))!.documentId;
  closedQuestion = await question('pre_review');
  undatedQuestion = await question('post_review');
  pendingSubmission = (await docs('api::submission.submission').findFirst({ filters: { moderationState: 'pending' } }))!.documentId;
  publishedSubmission = (await docs('api::submission.submission').findFirst({ status: 'published' }))!.documentId;
});

afterAll(async () => {
  await app?.stop();
});

const post = (token = stakeholder) => app.http().post('/api/submissions').set('Authorization', `Bearer ${token}`);

describe('a stakeholder posts', () => {
  test('as JSON: a pending draft, author and region set by the server, visible to its author only', async () => {
    const res = await post().send({ data: validSubmission(questions[0], { links: [{ url: 'https://example.org/report', label: 'Report' }] }) });
    expect(res.status).toBe(201);
    const created = res.body.data;
    expect(created).toMatchObject({ moderationState: 'pending', authorName: 'Amina Haddad', organisation: 'Migrant Voices Europe (demo)', stakeholderCategory: 'migrant_diaspora_organizations', region: { code: 'UNECE' }, decisionReason: null });
    expect(created.gcmObjectives.map((o: { number: number }) => o.number)).toEqual([16]);

    const mine = await app.http().get('/api/submissions/mine').set('Authorization', `Bearer ${stakeholder}`);
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((s: { documentId: string }) => s.documentId)).toContain(created.documentId);

    for (const email of [HUB_ACCOUNTS['member-state'], HUB_ACCOUNTS['un-system']]) {
      const other = await hubLogin(app, email);
      expect((await app.http().get(`/api/submissions/${created.documentId}`).set('Authorization', `Bearer ${other}`)).status).toBe(404);
      const list = await app.http().get('/api/submissions?pagination[pageSize]=100').set('Authorization', `Bearer ${other}`);
      expect(list.body.data.map((s: { documentId: string }) => s.documentId)).not.toContain(created.documentId);
    }
    expect((await app.http().get(`/api/submissions/mine/${created.documentId}`).set('Authorization', `Bearer ${await hubLogin(app, HUB_ACCOUNTS['un-system'])}`)).status).toBe(404);
  });

  test('with attachments: typed by their bytes, renamed to match', async () => {
    const res = await post()
      .field('data', JSON.stringify(validSubmission(questions[1], { kind: 'research_report' })))
      .attach('files', PDF, 'study.docx')
      .attach('files', CSV, 'figures.csv');
    expect(res.status).toBe(201);
    const attachments = res.body.data.attachments as { name: string; mime: string }[];
    expect(attachments.map((a) => [a.name, a.mime]).sort()).toEqual([
      ['figures.csv', 'text/csv'],
      ['study.pdf', 'application/pdf'],
    ]);
  });

  test('HTML in a body is neutralised the same way always', async () => {
    const res = await post().send({ data: validSubmission(questions[2], { title: 'Tags <b>stay</b> text', body: '**Markdown** stays; <script>alert(1)</script> does not run.' }) });
    expect(res.status).toBe(201);
    expect(res.body.data.title).toBe('Tags &lt;b>stay&lt;/b> text');
    expect(res.body.data.body).toBe('**Markdown** stays; &lt;script>alert(1)&lt;/script> does not run.');
  });

  test('a reply to a published submission of the same phase is accepted', async () => {
    const res = await post().send({ data: validSubmission(questions[0], { kind: 'comment', replyTo: publishedSubmission }) });
    expect(res.status).toBe(201);
    expect(res.body.data.replyTo.documentId).toBe(publishedSubmission);
  });

  test('screening flags personal data, links and sensitive terms for moderators, never in the API', async () => {
    const res = await post().send({
      data: validSubmission(questions[3], { body: 'Write to amina@example.net or call +41 22 917 12 34. See www.example.org. They call it an invasion.' }),
    });
    expect(res.status).toBe(201);
    expect(JSON.stringify(res.body)).not.toMatch(/screeningFlags/);
    const row = await app.strapi.db.query('api::submission.submission').findOne({ where: { documentId: res.body.data.documentId } });
    const kinds = (row.screeningFlags as { kind: string; match: string }[]).map((f) => `${f.kind}:${f.match}`).sort();
    expect(kinds).toEqual(['email:amina@example.net', 'link:www.example.org.', 'phone:+41 22 917 12 34', 'sensitive-term:invasion'].sort());
  });
});

describe('the author withdraws', () => {
  test('a pending submission of their own, which then reads as withdrawn', async () => {
    const created = (await post().send({ data: validSubmission(questions[4]) })).body.data;
    const res = await app.http().post(`/api/submissions/${created.documentId}/withdraw`).set('Authorization', `Bearer ${stakeholder}`);
    expect(res.status).toBe(200);
    expect(res.body.data.moderationState).toBe('withdrawn');
    const again = await app.http().post(`/api/submissions/${created.documentId}/withdraw`).set('Authorization', `Bearer ${stakeholder}`);
    expect(again.status).toBe(409);
  });

  test("never someone else's", async () => {
    const other = await hubLogin(app, HUB_ACCOUNTS['un-system']);
    const res = await app.http().post(`/api/submissions/${pendingSubmission}/withdraw`).set('Authorization', `Bearer ${other}`);
    expect(res.status).toBe(404);
  });
});

type Hostile = [label: string, request: () => Test, status: number, message: RegExp];
const json = (data: () => unknown) => () => post().send({ data: data() });
const valid = (extra: Record<string, unknown> = {}) => validSubmission(questions[0], extra);
const form = (data: string, files: [Buffer, string][]) => () => {
  let req = post().field('data', data);
  for (const [bytes, name] of files) req = req.attach('files', bytes, name);
  return req;
};
const hostile = (): Hostile[] => [
  ['no body at all', () => post(), 400, /Send the submission as/],
  ['data is null', json(() => null), 400, /Send the submission as/],
  ['data is an array', json(() => []), 400, /Send the submission as/],
  ['data is a string', () => post().send({ data: 'hello' }), 400, /must hold the submission as JSON/],
  ['no kind', json(() => ({ ...valid(), kind: undefined })), 400, /kind/],
  ['an unknown kind', json(() => valid({ kind: 'advert' })), 400, /kind/],
  ['a title of two characters', json(() => valid({ title: 'ab' })), 400, /title must be at least 3/],
  ['a title of 201 characters', json(() => valid({ title: 'x'.repeat(201) })), 400, /title must be at most 200/],
  ['a title of spaces only', json(() => valid({ title: '      ' })), 400, /title must be at least 3/],
  ['an empty body', json(() => valid({ body: '' })), 400, /body must be at least 1/],
  ['a body of 20,001 characters', json(() => valid({ body: 'x'.repeat(20001) })), 400, /body must be at most 20000/],
  ['no guiding question', json(() => ({ ...valid(), guidingQuestion: undefined })), 400, /guidingQuestion/],
  ['a guiding question that is SQL', json(() => valid({ guidingQuestion: "1' OR '1'='1" })), 400, /guidingQuestion must be a documentId/],
  ['a guiding question that does not exist', json(() => valid({ guidingQuestion: 'zzzzzzzzzzzzzzzzzzzzzzzz' })), 400, /not a posted guiding question/],
  ['a draft guiding question', () => post().send({ data: validSubmission(draftQuestion) }), 400, /not a posted guiding question/],
  ['a question of a closed phase', () => post().send({ data: validSubmission(closedQuestion) }), 400, /closed on 2024-02-17/],
  ['a question of a phase with no dates', () => post().send({ data: validSubmission(undatedQuestion) }), 400, /has no dates yet/],
  ['setting the author', json(() => valid({ author: 1 })), 400, /author/],
  ['setting the moderation state', json(() => valid({ moderationState: 'approved' })), 400, /moderationState/],
  ['setting publishedAt', json(() => valid({ publishedAt: '2024-01-01T00:00:00Z' })), 400, /publishedAt/],
  ['setting the region', json(() => valid({ region: 'ECA' })), 400, /region/],
  ['setting the phase', json(() => valid({ phase: 'x' })), 400, /phase/],
  ['setting screening flags', json(() => valid({ screeningFlags: [] })), 400, /screeningFlags/],
  ['setting who decided', json(() => valid({ decidedBy: 1 })), 400, /decidedBy/],
  ['setting a status', json(() => valid({ status: 'published' })), 400, /status/],
  ['setting an id', json(() => valid({ id: 1, documentId: 'abcdefghijklmnop' })), 400, /id/],
  ['an unknown field', json(() => valid({ foo: 'bar' })), 400, /foo/],
  ['an unknown stakeholder category', json(() => valid({ stakeholderCategory: 'lobbyists' })), 400, /stakeholderCategory/],
  ['a country that does not exist', json(() => valid({ countries: ['XX'] })), 400, /ISO 3166/],
  ['a country in lower case', json(() => valid({ countries: ['fr'] })), 400, /ISO 3166/],
  ['countries as a string', json(() => valid({ countries: 'FR' })), 400, /countries/],
  ['a country twice', json(() => valid({ countries: ['FR', 'FR'] })), 400, /must not repeat a country/],
  ['GCM objective 0', json(() => valid({ gcmObjectives: [0] })), 400, /numbered 1 to 23/],
  ['GCM objective 24', json(() => valid({ gcmObjectives: [24] })), 400, /numbered 1 to 23/],
  ['a GCM objective as text', json(() => valid({ gcmObjectives: ['5'] })), 400, /gcmObjectives/],
  ['a fractional GCM objective', json(() => valid({ gcmObjectives: [1.5] })), 400, /gcmObjectives/],
  ['a language that is not a UN language', json(() => valid({ language: 'de' })), 400, /language/],
  ['a javascript: link', json(() => valid({ links: [{ url: 'javascript:alert(1)' }] })), 400, /http:\/\/ or https:\/\//],
  ['a data: link', json(() => valid({ links: [{ url: 'data:text/html,<script>alert(1)</script>' }] })), 400, /http:\/\/ or https:\/\//],
  ['an ftp link', json(() => valid({ links: [{ url: 'ftp://example.org/file' }] })), 400, /http:\/\/ or https:\/\//],
  ['links as a string', json(() => valid({ links: 'https://example.org' })), 400, /links/],
  ['a link with an unknown key', json(() => valid({ links: [{ url: 'https://example.org', onclick: 'x' }] })), 400, /onclick/],
  ['eleven links', json(() => valid({ links: Array.from({ length: 11 }, (_, i) => ({ url: `https://example.org/${i}` })) })), 400, /links/],
  ['a reply to a submission that does not exist', json(() => valid({ replyTo: 'zzzzzzzzzzzzzzzzzzzzzzzz' })), 400, /not a published submission/],
  ['a reply to a pending submission', () => post().send({ data: validSubmission(questions[0], { replyTo: pendingSubmission }) }), 400, /not a published submission/],
  ['an organisation of one character', json(() => valid({ organisation: 'x' })), 400, /organisation/],
  ['a form whose data is not JSON', form('{not json', [[PDF, 'a.pdf']]), 400, /must hold the submission as JSON/],
  ['an HTML page named .pdf', () => form(JSON.stringify(valid()), [[HTML, 'report.pdf']])(), 400, /report.pdf was refused/],
  ['an SVG with a script named .pdf', () => form(JSON.stringify(valid()), [[SVG, 'chart.pdf']])(), 400, /chart.pdf was refused/],
  ['an executable named .docx', () => form(JSON.stringify(valid()), [[ELF, 'minutes.docx']])(), 400, /minutes.docx was refused/],
  ['an image', () => form(JSON.stringify(valid()), [[PNG, 'photo.png']])(), 400, /image\/png/],
  ['an HTML page named .csv', () => form(JSON.stringify(valid()), [[HTML, 'table.csv']])(), 400, /table.csv was refused/],
  ['six attachments', () => form(JSON.stringify(valid()), Array.from({ length: 6 }, (_, i) => [PDF, `f${i}.pdf`] as [Buffer, string]))(), 400, /upload was refused|At most 5/],
  ['an empty file', () => form(JSON.stringify(valid()), [[Buffer.alloc(0), 'empty.pdf']])(), 400, /empty|refused/],
  ['a JSON body over 256 kB', json(() => valid({ body: 'x'.repeat(300 * 1024) })), 413, /too large/i],
  ['malformed JSON', () => post().set('Content-Type', 'application/json').send('{"data": {"title": '), 400, /./],
];

describe('the name a post is signed with', () => {
  const register = (displayName?: string) => {
    const email = `names.${Math.random().toString(36).slice(2)}@example.org`;
    return app.http().post('/api/auth/local/register').send({ username: email, email, password: 'Names-2024-ok', ...(displayName === undefined ? {} : { displayName }) });
  };
  const stakeholderRole = async () => (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'stakeholder' } })).id as number;

  test.each(['someone@example.org', 'Mail me: a.b@c.org', '+41 22 917 12 34', '0041229171234', '(022) 917-1234'])('registration refuses "%s" as a display name', async (displayName) => {
    const res = await register(displayName);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/displayName looks like an e-mail address or a phone number/);
  });

  test('posting needs a display name fit to publish, and says so; the user name is never used', async () => {
    const registered = await register();
    expect(registered.status).toBe(200);
    const user = registered.body.user as { id: number; username: string };
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { role: await stakeholderRole(), stakeholderCategory: 'civil_society' } });
    const jwt = registered.body.jwt as string;
    const before = await writtenRows(app);
    const refused = await post(jwt).send({ data: validSubmission(questions[0]) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/no display name.*the Hub must collect one \(displayName at registration\)/);
    // A name set past the checks (an old account) is refused at posting all the same.
    await app.strapi.db.connection('up_users').where({ id: user.id }).update({ display_name: '+44 20 7946 0958' });
    expect((await post(jwt).send({ data: validSubmission(questions[0]) })).body.error.message).toMatch(/looks like an e-mail address or a phone number/);
    expect(await writtenRows(app)).toEqual(before);
    await app.strapi.db.connection('up_users').where({ id: user.id }).update({ display_name: 'Fatima K.' });
    const posted = await post(jwt).send({ data: validSubmission(questions[0]) });
    expect(posted.status).toBe(201);
    expect(posted.body.data.authorName).toBe('Fatima K.');
    expect(JSON.stringify(posted.body)).not.toContain(user.username);
  });

  test('the migration gives old posts signed with an address the display name, or "Participant"', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const migration = require('../database/migrations/2026.11.28T02.00.00.author-names.js') as { up: (knex: unknown) => Promise<void> };
    const knex = app.strapi.db.connection;
    const rows = (await knex('submissions').select('id').limit(3)) as { id: number }[];
    await knex('submissions').where({ id: rows[0].id }).update({ author_name: 'old.account@example.org' });
    await knex('submissions').where({ id: rows[1].id }).update({ author_name: '+33 1 23 45 67 89' });
    await knex('submissions').where({ id: rows[2].id }).update({ author_name: 'Kept As Is' });
    await migration.up(knex);
    const after = (await knex('submissions').whereIn('id', rows.map((r) => r.id)).select('id', 'author_name')) as { id: number; author_name: string }[];
    const byId = new Map(after.map((r) => [r.id, r.author_name]));
    for (const id of [rows[0].id, rows[1].id]) expect(byId.get(id)).not.toMatch(/@|\d{2} \d{2}/);
    expect(byId.get(rows[2].id)).toBe('Kept As Is');
  });
});

describe('malformed and hostile posts', () => {
  test('the table holds at least 40 cases', () => {
    expect(hostile().length).toBeGreaterThanOrEqual(40);
  });

  test.each(hostile().map(([label], index) => ({ label, index })))('$label → 4xx with a message, nothing written', async ({ index }) => {
    const [, request, status, message] = hostile()[index];
    const before = await writtenRows(app);
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.body?.error?.message ?? '').toMatch(message);
    expect(await writtenRows(app)).toEqual(before);
  });
});

describe('abuse limits', () => {
  test('posts sent all at once past the limit: exactly the limit is stored, the rest get 429', async () => {
    const role = (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'stakeholder' } })) as { id: number };
    await app.strapi.plugin('users-permissions').service('user').add({ username: 'burst-author', email: 'burst@example.org', password: 'Burst-Author-2024', provider: 'local', confirmed: true, blocked: false, stakeholderCategory: 'academia', displayName: 'Burst Author', role: role.id });
    const jwt = await hubLogin(app, 'burst@example.org', 'Burst-Author-2024');
    const statuses = await Promise.all(Array.from({ length: 46 }, () => post(jwt).send({ data: validSubmission(questions[0]) }).then((res) => res.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(40);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    expect(await app.strapi.db.query('api::submission.submission').count({ where: { author: { email: 'burst@example.org' }, publishedAt: null } })).toBe(40);
  });

  test('past the per-user limit, 429 with a message, and nothing written', async () => {
    const unSystem = await hubLogin(app, HUB_ACCOUNTS['un-system']);
    const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: HUB_ACCOUNTS['un-system'] } });
    // What this account posted within the hour counts; the demo's posts are days old.
    const since = new Date(Date.now() - 60 * 60 * 1000);
    const already = await app.strapi.db.query('api::submission.submission').count({ where: { author: { id: user.id }, publishedAt: null, createdAt: { $gt: since } } });
    for (let i = already; i < 40; i += 1) {
      expect((await post(unSystem).send({ data: validSubmission(questions[0]) })).status).toBe(201);
    }
    const before = await writtenRows(app);
    const res = await post(unSystem).send({ data: validSubmission(questions[0]) });
    expect(res.status).toBe(429);
    expect(res.body.error.message).toMatch(/40 submissions in the last 60 minutes/);
    expect(await writtenRows(app)).toEqual(before);
  });
});
