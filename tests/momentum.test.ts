/**
 * Momentum, coverage, outreach, exports and summaries of a phase, each checked against what the
 * database holds; downloads opened with real readers (csv-parse, exceljs, mammoth).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parse } from 'csv-parse/sync';
import { GCM_OBJECTIVES, STAKEHOLDER_CATEGORIES } from '../src/reference/gcm';
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { CATEGORY_LABELS, OBJECTIVE_TITLES } from '../src/reference/gcm-labels';
import { textBlocks } from '../src/plugins/moderation/server/src/services/analysis';
import { demoQuestions, PDF, validSubmission } from './helpers/fixtures';
import { startApp, type TestApp } from './helpers/strapi';

let app: TestApp;
let phase: string;
const tokens: Record<string, string> = {};
const UNECE = 'moderator.unece@example.org';
const ESCAP = 'moderator.escap@example.org';
const SECRETARIAT = 'secretariat@example.org';

const binary = (res: { on: (e: string, cb: (chunk?: Buffer) => void) => void }, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk?: Buffer) => chunks.push(chunk as Buffer));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

beforeAll(async () => {
  app = await startApp({ SUBMISSION_RATE_LIMIT: '1000' });
  for (const email of [UNECE, ESCAP, SECRETARIAT]) tokens[email] = await adminLogin(app, email);
  tokens.stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  tokens.reader = await hubLogin(app, HUB_ACCOUNTS['member-state']);
  phase = (await app.strapi.documents('api::phase.phase').findFirst({ filters: { isDemo: true } }))!.documentId;
  // One more approved submission with an attachment, a link and a category nobody else used.
  const [question] = await demoQuestions(app);
  const res = await app
    .http()
    .post('/api/submissions')
    .set('Authorization', `Bearer ${tokens.stakeholder}`)
    .field('data', JSON.stringify(validSubmission(question, { title: 'Trade union view | with a pipe', stakeholderCategory: 'trade_unions', gcmObjectives: [6, 22], countries: ['PL'], links: [{ url: 'https://example.org/union', label: 'Union report' }] })))
    .attach('files', PDF, 'union.pdf');
  await app.http().post(`/moderation/submissions/${res.body.data.documentId}/approve`).set('Authorization', `Bearer ${tokens[UNECE]}`);
});

afterAll(async () => {
  await app?.stop();
});

const get = (who: string, url: string) => app.http().get(url).set('Authorization', `Bearer ${tokens[who]}`);
const rowsOf = async (where: Record<string, unknown>) => app.strapi.db.query('api::submission.submission').count({ where: { publishedAt: null, phase: { documentId: phase }, ...where } });

describe('the dashboard', () => {
  test('its figures are the counts in the database', async () => {
    const res = await get(UNECE, `/moderation/phases/${phase}/dashboard`);
    expect(res.status).toBe(200);
    const d = res.body.data;
    for (const state of ['pending', 'approved', 'rejected', 'withdrawn']) expect([state, d.states[state]]).toEqual([state, await rowsOf({ moderationState: state })]);
    expect(d.total).toBe(await rowsOf({}));
    expect(d.perDay.reduce((n: number, day: { submitted: number }) => n + day.submitted, 0)).toBe(d.total);
    expect(d.backlog.pending).toBe(d.states.pending);
    expect(d.backlog.byModerator.reduce((n: number, m: { decisions: number }) => n + m.decisions, 0)).toBe(d.states.approved + d.states.rejected);

    // Coverage: every category and every objective, the silent ones at zero.
    expect(d.coverage.categories.map((c: { code: string }) => c.code)).toEqual(Object.keys(STAKEHOLDER_CATEGORIES));
    for (const c of d.coverage.categories) {
      expect([c.code, c.approved]).toEqual([c.code, await rowsOf({ moderationState: 'approved', stakeholderCategory: c.code })]);
    }
    expect(d.coverage.categories.find((c: { code: string }) => c.code === 'media').submitted).toBe(0);
    expect(d.coverage.objectives).toHaveLength(GCM_OBJECTIVES.length);
    expect(d.coverage.objectives.find((o: { number: number }) => o.number === 22).approved).toBe(await rowsOf({ moderationState: 'approved', gcmObjectives: { number: 22 } }));
    expect(d.coverage.questions.map((q: { position: number }) => q.position)).toEqual([1, 2, 3, 4, 5]);
    expect(d.coverage.countries.find((c: { code: string }) => c.code === 'PL')).toMatchObject({ submitted: 1, approved: 1 });

    expect(d.timeline.isOpen).toBe(true);
    expect(d.timeline.daysLeftInPhase).toBeGreaterThan(0);
    expect(d.timeline.daysToReview).toBeGreaterThan(d.timeline.daysToSummaryDue);
  });

  test("is for the phase's region only", async () => {
    const res = await get(ESCAP, `/moderation/phases/${phase}/dashboard`);
    expect(res.status).toBe(403);
    const phases = await get(ESCAP, '/moderation/phases');
    expect(phases.body.data.map((p: { region: { code: string } }) => p.region.code)).not.toContain('UNECE');
  });

  test('lists the phases with their guiding questions, once each whatever their translations, for the queue filters', async () => {
    const phases = (await get(UNECE, '/moderation/phases')).body.data as { isDemo: boolean; guidingQuestions: { position: number; text: string }[] }[];
    const demo = phases.find((p) => p.isDemo)!;
    // The five posted, and the sixth the demo shares as a draft for feedback.
    expect(demo.guidingQuestions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(demo.guidingQuestions.every((q) => /^[\x20-\x7E’]+$/.test(q.text))).toBe(true);
  });
});

describe('the outreach log', () => {
  test('records contacts, which the dashboard sets beside contributions', async () => {
    const record = await app.http().post(`/moderation/phases/${phase}/outreach`).set('Authorization', `Bearer ${tokens[UNECE]}`).send({ organisation: 'City of Vienna', sector: 'local_authorities_communities', contactedOn: '2026-11-20', channel: 'email', note: 'Invited the integration office.' });
    expect(record.status).toBe(201);
    const list = await get(UNECE, `/moderation/phases/${phase}/outreach`);
    expect(list.body.data[0]).toMatchObject({ organisation: 'City of Vienna', moderatorName: 'Ulla Moderator (UNECE)' });
    const d = (await get(UNECE, `/moderation/phases/${phase}/dashboard`)).body.data;
    expect(d.coverage.categories.find((c: { code: string }) => c.code === 'local_authorities_communities')).toMatchObject({ contacted: 1, submitted: 0 });
  });

  test.each([
    [{ organisation: 'X', sector: 'academia', contactedOn: '2026-11-20', channel: 'email' }, /organisation/],
    [{ organisation: 'Uni', sector: 'lobby', contactedOn: '2026-11-20', channel: 'email' }, /sector must be/],
    [{ organisation: 'Uni', sector: 'academia', contactedOn: '20/11/2026', channel: 'email' }, /YYYY-MM-DD/],
    [{ organisation: 'Uni', sector: 'academia', contactedOn: '2099-01-01', channel: 'email' }, /future/],
    [{ organisation: 'Uni', sector: 'academia', contactedOn: '2026-11-20', channel: 'pigeon' }, /channel must be/],
  ])('refuses %j', async (body, message) => {
    const res = await app.http().post(`/moderation/phases/${phase}/outreach`).set('Authorization', `Bearer ${tokens[UNECE]}`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  test("not in another region's phase", async () => {
    const res = await app.http().post(`/moderation/phases/${phase}/outreach`).set('Authorization', `Bearer ${tokens[ESCAP]}`).send({ organisation: 'Uni', sector: 'academia', contactedOn: '2026-11-20', channel: 'email' });
    expect(res.status).toBe(403);
  });
});

describe('exports of approved submissions', () => {
  const approvedTitles = async () =>
    (await app.strapi.db.query('api::submission.submission').findMany({ where: { phase: { documentId: phase }, publishedAt: { $notNull: true } }, select: ['title'] })).map((r: { title: string }) => r.title).sort();

  test('CSV, with objectives and categories spelled out and attachment addresses', async () => {
    const res = await get(UNECE, `/moderation/phases/${phase}/export?format=csv`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*-approved\.csv"/);
    const rows = parse(res.body as Buffer, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.title).sort()).toEqual(await approvedTitles());
    const union = rows.find((r) => r.title === 'Trade union view | with a pipe')!;
    expect(union['stakeholder category']).toBe('Trade unions');
    expect(union['GCM objectives']).toBe(`6. ${GCM_OBJECTIVES[5]}; 22. ${GCM_OBJECTIVES[21]}`);
    expect(union.attachments).toMatch(/\/api\/files\/union_[a-z0-9]+\.pdf$/);
  });

  test('XLSX, opened with exceljs', async () => {
    const res = await get(UNECE, `/moderation/phases/${phase}/export?format=xlsx`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.getWorksheet('Approved submissions')!;
    const titles: string[] = [];
    sheet.eachRow((row, n) => n > 1 && titles.push(String(row.getCell(2).value)));
    expect(titles.sort()).toEqual(await approvedTitles());
  });

  test('spreadsheets in the language of the workspace: column heads, categories and GCM objectives', async () => {
    const csv = await get(UNECE, `/moderation/phases/${phase}/export?format=csv&language=fr`).buffer(true).parse(binary);
    const union = (parse(csv.body as Buffer, { columns: true, bom: true }) as Record<string, string>[]).find((r) => r.titre === 'Trade union view | with a pipe')!;
    expect(union['catégorie de parties prenantes']).toBe(CATEGORY_LABELS.fr.trade_unions);
    expect(union['objectifs du Pacte mondial']).toBe(`6. ${OBJECTIVE_TITLES.fr[5]}; 22. ${OBJECTIVE_TITLES.fr[21]}`);
    const xlsx = await get(UNECE, `/moderation/phases/${phase}/export?format=xlsx&language=ar`).buffer(true).parse(binary);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const sheet = workbook.getWorksheet('المساهمات المقبولة')!;
    expect(String(sheet.getRow(1).getCell(2).value)).toBe('العنوان');
    // An unknown language is English; a list of them is refused.
    const unknown = await get(UNECE, `/moderation/phases/${phase}/export?format=csv&language=xx`).buffer(true).parse(binary);
    expect(Object.keys((parse(unknown.body as Buffer, { columns: true, bom: true }) as Record<string, string>[])[0])).toContain('stakeholder category');
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect((await get(UNECE, `/moderation/phases/${phase}/export?format=csv&language=fr&language=ar`)).status).toBe(400);
  });

  test('JSON', async () => {
    const res = await get(UNECE, `/moderation/phases/${phase}/export?format=json`).buffer(true).parse(binary);
    const body = JSON.parse((res.body as Buffer).toString('utf8'));
    expect(body.submissions.map((s: { title: string }) => s.title).sort()).toEqual(await approvedTitles());
    expect(JSON.stringify(body)).not.toMatch(/moderationState|screeningFlags|@example\.org/);
  });

  test('refuses an unknown format, and other regions', async () => {
    expect((await get(UNECE, `/moderation/phases/${phase}/export?format=pdf`)).status).toBe(400);
    expect((await get(ESCAP, `/moderation/phases/${phase}/export?format=csv`)).status).toBe(403);
  });
});

describe('the summary builder', () => {
  let summary: string;

  test('is for the secretariat; moderators may not generate', async () => {
    expect((await app.http().post(`/moderation/phases/${phase}/summary`).set('Authorization', `Bearer ${tokens[UNECE]}`)).status).toBe(403);
    const res = await app.http().post(`/moderation/phases/${phase}/summary`).set('Authorization', `Bearer ${tokens[SECRETARIAT]}`);
    expect(res.status).toBe(201);
    summary = res.body.data.documentId;
    expect(res.body.data.submissions).toBe((await approvedTitles()).length);
  });

  const approvedTitles = async () => app.strapi.db.query('api::submission.submission').findMany({ where: { phase: { documentId: phase }, publishedAt: { $notNull: true } }, select: ['title'] });

  test('consolidates every approved submission, figures first, links in one place; a draft until published', async () => {
    const draft = await app.strapi.documents('api::summary.summary').findOne({ documentId: summary, status: 'draft' });
    const body = draft!.body as string;
    const unescaped = body.replace(/\\(.)/g, '$1');
    for (const { title } of await approvedTitles()) expect(unescaped).toContain(`**${title}**`);
    expect(body).toContain('**Trade union view \\| with a pipe**');
    expect(body).toMatch(/\| Approved submissions \| \d+ \|/);
    expect(body).toMatch(/\| Trade unions \| 1 \|/);
    expect(body).toContain('[Union report](https://example.org/union)');
    expect(body).toMatch(/\[Read the contribution\]\([^)\s]*\/api\/submissions\/\w+\)/);
    expect(body.indexOf('## In figures')).toBeLessThan(body.indexOf('## Who was heard'));
    expect(body.indexOf('## Who was heard')).toBeLessThan(body.indexOf('## Recurring themes'));
    expect(body.indexOf('## Recurring themes')).toBeLessThan(body.indexOf('## Contributions by guiding question'));
    for (const chart of ['categories', 'objectives', 'questions']) expect(body).toMatch(new RegExp(`\\n!\\[[^\\]]+\\]\\(chart:${chart}\\)\\n`));
    // No parliamentarian posted in the demo phase; its region, UNECE, has 56 countries.
    expect(body).toMatch(/\*\*Not heard from:\*\* [^\n]*Parliamentarians/);
    expect(body).toMatch(/\*\*Countries of the region no contribution was about\*\* \(\d+ of 56\): /);
    expect((await app.http().get(`/api/summaries/${summary}`).set('Authorization', `Bearer ${tokens.reader}`)).status).toBe(404);

    await app.strapi.documents('api::summary.summary').publish({ documentId: summary });
    const served = await app.http().get(`/api/summaries/${summary}?populate=links`).set('Authorization', `Bearer ${tokens.reader}`);
    expect(served.status).toBe(200);
    expect(served.body.data.links.map((l: { url: string }) => l.url)).toContain('https://example.org/union');
  });

  test('quotes, under each guiding question, key sentences of its approved contributions as written', async () => {
    const body = (await app.strapi.documents('api::summary.summary').findOne({ documentId: summary, status: 'draft' }))!.body as string;
    const approved = (await app.strapi.db.query('api::submission.submission').findMany({
      where: { phase: { documentId: phase }, publishedAt: { $notNull: true } },
      select: ['body'],
      populate: { guidingQuestion: { select: ['position'] } },
    })) as { body: string; guidingQuestion: { position: number } | null }[];
    const positions = [...new Set(approved.flatMap((s) => (s.guidingQuestion ? [s.guidingQuestion.position] : [])))];
    expect(positions.length).toBeGreaterThan(0);
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    for (const position of positions) {
      const start = body.indexOf(`\n### Q${position}. `);
      expect(start).toBeGreaterThan(-1);
      const section = body.slice(start + 1).split(/\n##/)[0].replace(/\\(.)/g, '$1');
      const quoted = [...section.matchAll(/^ {2}- “(.+)”$/gm)].map((m) => m[1]);
      expect(quoted.length).toBeGreaterThan(0);
      const texts = approved.filter((s) => s.guidingQuestion?.position === position).map((s) => flat(textBlocks(s.body).join('\n')));
      expect(quoted.some((sentence) => texts.some((text) => text.includes(sentence)))).toBe(true);
    }
  });

  test('downloads as Markdown and as a Word document a reader opens', async () => {
    const md = await get(UNECE, `/moderation/summaries/${summary}/download?format=md`);
    expect(md.status).toBe(200);
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    expect(md.text).toMatch(/^# Summary: /);
    const docx = await get(UNECE, `/moderation/summaries/${summary}/download?format=docx`).buffer(true).parse(binary);
    expect(docx.status).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: docx.body as Buffer });
    expect(text).toMatch(/Summary: DEMO: UNECE practice space/);
    expect(text).toContain('Trade union view | with a pipe');
    expect(text).toContain('City-level partnerships for the inclusion of newcomers');
    // The three charts the draft names, drawn as PNG from the phase's approved submissions.
    const media = Object.keys((await JSZip.loadAsync(docx.body as Buffer)).files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(3);
    expect(media.every((name) => name.endsWith('.png'))).toBe(true);
    expect((await get(UNECE, `/moderation/summaries/${summary}/download?format=pdf`)).status).toBe(400);
    expect((await get(ESCAP, `/moderation/summaries/${summary}/download?format=md`)).status).toBe(403);
  });
});

describe('timeline rules of the concept note', () => {
  const region = async () => (await app.strapi.documents('api::region.region').findFirst({ filters: { code: 'ECA' } }))!.documentId;
  const base = { title: 'Timeline check', kind: 'pre_review', reviewCycle: 2027, isDemo: false };

  test.each([
    ['a phase that closes before it opens', { opensAt: '2027-02-01T00:00:00Z', closesAt: '2027-01-01T00:00:00Z' }, /closesAt must be after opensAt/],
    ['a phase with an opening and no close', { opensAt: '2027-02-01T00:00:00Z' }, /Set both opensAt and closesAt/],
    ['a summary due less than two weeks before the review', { opensAt: '2027-01-01T00:00:00Z', closesAt: '2027-02-01T00:00:00Z', summaryDueAt: '2027-03-01T00:00:00Z', reviewDate: '2027-03-10' }, /at least two weeks before the regional review: by 2027-02-24/],
  ])('refuses %s', async (_label, dates, message) => {
    await expect(app.strapi.documents('api::phase.phase').create({ data: { ...base, ...dates, region: await region() } as never })).rejects.toThrow(message);
  });

  test('a space that opens less than eight weeks before the review is accepted, with a warning', async () => {
    const created = await app.strapi.documents('api::phase.phase').create({
      data: { ...base, region: await region(), opensAt: '2027-02-01T00:00:00Z', closesAt: '2027-03-01T00:00:00Z', summaryDueAt: '2027-03-05T00:00:00Z', reviewDate: '2027-03-20' } as never,
    });
    const d = (await get(SECRETARIAT, `/moderation/phases/${created.documentId}/dashboard`)).body.data;
    expect(d.timeline.warnings.map((w: { message: string }) => w.message).join(' ')).toMatch(/less than eight weeks/);
    expect(d.timeline.warnings).toContainEqual(expect.objectContaining({ code: 'opensLate', values: { by: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } }));
    await expect(app.strapi.documents('api::phase.phase').update({ documentId: created.documentId, data: { closesAt: '2027-01-01T00:00:00Z' } as never })).rejects.toThrow(/closesAt must be after opensAt/);
  });

  test('the Content Manager gets the same 400', async () => {
    const res = await app
      .http()
      .post('/content-manager/collection-types/api::phase.phase')
      .set('Authorization', `Bearer ${tokens[SECRETARIAT]}`)
      .send({ ...base, region: { connect: [{ documentId: await region() }] }, opensAt: '2027-02-01T00:00:00Z', closesAt: '2027-01-01T00:00:00Z' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/closesAt must be after opensAt/);
  });
});

describe('drafting guiding questions with regional colleagues', () => {
  let shared: string;
  let unshared: string;
  beforeAll(async () => {
    const questions = app.strapi.documents('api::guiding-question.guiding-question');
    shared = (await questions.create({ data: { phase, position: 11, text: 'Which partnerships would you like the review to showcase?', sharedForFeedback: true } as never, locale: 'en' })).documentId;
    unshared = (await questions.create({ data: { phase, position: 12, text: 'A question the secretariat is still writing.' } as never, locale: 'en' })).documentId;
  });

  test("the region's moderators read shared drafts only, and leave feedback", async () => {
    const list = await get(UNECE, '/moderation/questions');
    expect(list.status).toBe(200);
    const ids = list.body.data.map((q: { documentId: string }) => q.documentId);
    expect(ids).toContain(shared);
    expect(ids).not.toContain(unshared);
    const res = await app.http().post(`/moderation/questions/${shared}/feedback`).set('Authorization', `Bearer ${tokens[UNECE]}`).send({ body: 'Add "and why" at the end, as in the other questions.' });
    expect(res.status).toBe(201);
    expect((await app.http().post(`/moderation/questions/${unshared}/feedback`).set('Authorization', `Bearer ${tokens[UNECE]}`).send({ body: 'x' })).status).toBe(404);
    expect((await app.http().post(`/moderation/questions/${shared}/feedback`).set('Authorization', `Bearer ${tokens[UNECE]}`).send({ body: '' })).status).toBe(400);
  });

  test('moderators of other regions neither see nor comment', async () => {
    const list = await get(ESCAP, '/moderation/questions');
    expect(list.body.data.map((q: { documentId: string }) => q.documentId)).not.toContain(shared);
    expect((await app.http().post(`/moderation/questions/${shared}/feedback`).set('Authorization', `Bearer ${tokens[ESCAP]}`).send({ body: 'Hello' })).status).toBe(403);
  });

  test('posting is publishing; the Hub then reads the question, and the feedback stays with it', async () => {
    expect((await app.http().get(`/api/guiding-questions/${shared}`).set('Authorization', `Bearer ${tokens.reader}`)).status).toBe(404);
    await app.strapi.documents('api::guiding-question.guiding-question').publish({ documentId: shared, locale: 'en' });
    const served = await app.http().get(`/api/guiding-questions/${shared}`).set('Authorization', `Bearer ${tokens.reader}`);
    expect(served.status).toBe(200);
    expect(served.body.data.sharedForFeedback).toBeUndefined();
    const question = (await get(SECRETARIAT, '/moderation/questions')).body.data.find((q: { documentId: string }) => q.documentId === shared);
    expect(question).toMatchObject({ posted: true, feedback: [expect.objectContaining({ authorName: 'Ulla Moderator (UNECE)', body: 'Add "and why" at the end, as in the other questions.' })] });
  });
});

describe('guiding questions in the UN languages', () => {
  test('a localization is served by locale, the English text by default', async () => {
    const questions = app.strapi.documents('api::guiding-question.guiding-question');
    // A real UNECE 2024 question: only English until someone translates it (the demo phase's come in six languages).
    const { documentId: question } = (await questions.findFirst({ filters: { phase: { isDemo: false, kind: 'pre_review' }, position: 1 }, locale: 'en', status: 'published' }))!;
    await questions.update({ documentId: question, locale: 'fr', data: { text: 'Quels sont des exemples de pratiques prometteuses dans la mise en œuvre du Pacte mondial au sein de la région ?' } as never, status: 'published' } as never);
    await questions.update({ documentId: question, locale: 'ar', data: { text: 'ما هي بعض الأمثلة على الممارسات الواعدة في تنفيذ الاتفاق العالمي داخل المنطقة؟' } as never, status: 'published' } as never);
    const read = (locale?: string) => app.http().get(`/api/guiding-questions/${question}${locale ? `?locale=${locale}` : ''}`).set('Authorization', `Bearer ${tokens.reader}`);
    expect((await read('fr')).body.data).toMatchObject({ locale: 'fr', text: expect.stringMatching(/^Quels sont/), position: 1 });
    expect((await read('ar')).body.data.locale).toBe('ar');
    expect((await read()).body.data).toMatchObject({ locale: 'en', text: expect.stringMatching(/^What are some examples/) });
    expect((await read('ru')).status).toBe(404);
  });
});
