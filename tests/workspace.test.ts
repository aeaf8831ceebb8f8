/**
 * The server side of the moderators' workspace: queue filters and search, the per-region
 * overview, redaction, translations (served to the Hub once published), and bulk decisions.
 */
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { demoQuestions, openEscapQuestion, validSubmission } from './helpers/fixtures';
import { startApp, type TestApp } from './helpers/strapi';

let app: TestApp;
let questions: string[];
let escapQuestion: string;
const tokens: Record<string, string> = {};
const UNECE = 'moderator.unece@example.org';
const ESCAP = 'moderator.escap@example.org';

beforeAll(async () => {
  app = await startApp({ SUBMISSION_RATE_LIMIT: '1000' });
  questions = await demoQuestions(app);
  tokens.stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  tokens.reader = await hubLogin(app, HUB_ACCOUNTS['member-state']);
  for (const email of [UNECE, ESCAP, 'secretariat@example.org']) tokens[email] = await adminLogin(app, email);
  // An open ESCAP phase, so that two regions have pending submissions.
  escapQuestion = await openEscapQuestion(app, 'What works in the Asia-Pacific region?');
});

afterAll(async () => {
  await app?.stop();
});

const post = async (data: Record<string, unknown>) => {
  const res = await app.http().post('/api/submissions').set('Authorization', `Bearer ${tokens.stakeholder}`).send({ data });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const get = (who: string, url: string) => app.http().get(url).set('Authorization', `Bearer ${tokens[who]}`);
const act = (who: string, url: string, body: Record<string, unknown> = {}) => app.http().post(url).set('Authorization', `Bearer ${tokens[who]}`).send(body);

describe('the queue', () => {
  let flagged: string;
  let french: string;
  beforeAll(async () => {
    flagged = await post(validSubmission(questions[0], { title: 'Searchable needle title', body: 'Call me on +41 22 917 12 34.' }));
    french = await post(validSubmission(questions[1], { kind: 'data', language: 'fr', stakeholderCategory: 'academia' }));
  });

  test.each([
    ['kind=data', (ids: string[]) => ids.includes(french) && !ids.includes(flagged)],
    ['language=fr', (ids: string[]) => ids.includes(french) && !ids.includes(flagged)],
    ['stakeholderCategory=academia', (ids: string[]) => ids.includes(french) && !ids.includes(flagged)],
    ['flagged=true', (ids: string[]) => ids.includes(flagged) && !ids.includes(french)],
    ['q=NEEDLE', (ids: string[]) => ids.length === 1 && ids[0] === flagged],
    ['region=UNECE', (ids: string[]) => ids.includes(flagged) && ids.includes(french)],
  ])('filters by %s', async (filter, holds) => {
    const res = await get(UNECE, `/moderation/submissions?${filter}&pageSize=100`);
    expect(res.status).toBe(200);
    expect(holds(res.body.data.map((s: { documentId: string }) => s.documentId))).toBe(true);
  });

  test.each([
    ['state=hidden', 400, /state must be one of/],
    ['pageSize=0', 400, /whole number/],
    ['page=abc', 400, /whole number/],
    ['flagged=maybe', 400, /flagged must be true or false/],
    ['kind[$ne]=x', 400, /single value/],
    ['region=ESCAP', 403, /You do not moderate ESCAP/],
  ])('refuses %s with %s', async (query, status, message) => {
    const res = await get(UNECE, `/moderation/submissions?${query}`);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });

  test('pages are capped at 100 and counted per state', async () => {
    const res = await get(UNECE, '/moderation/submissions?pageSize=1000');
    expect(res.body.meta.pagination.pageSize).toBe(100);
    expect(Object.keys(res.body.meta.counts).sort()).toEqual(['approved', 'pending', 'rejected', 'returned', 'withdrawn']);
  });

  test('the overview counts pending submissions in the regions one moderates', async () => {
    await post(validSubmission(escapQuestion));
    const mine = (await get(UNECE, '/moderation/overview')).body.data;
    expect(mine.regions.map((r: { code: string }) => r.code)).toEqual(['UNECE']);
    const unecePending = await app.strapi.db.query('api::submission.submission').count({ where: { publishedAt: null, moderationState: 'pending', region: { code: 'UNECE' } } });
    expect(mine.regions[0].pending).toBe(unecePending);
    // Rejection templates per language: the same reasons, in the same order, in all six.
    const reasons = mine.rejectionReasons as Record<string, string[]>;
    expect(Object.keys(reasons).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(reasons.en.length).toBeGreaterThan(0);
    for (const [language, list] of Object.entries(reasons)) {
      expect([language, list.length]).toEqual([language, reasons.en.length]);
      expect(list.every((r) => typeof r === 'string' && r.trim() !== '')).toBe(true);
      if (language !== 'en') expect(list).not.toEqual(reasons.en);
    }
    expect(reasons.fr[0]).toMatch(/question directrice/);
    const all = (await get('secretariat@example.org', '/moderation/overview')).body.data;
    expect(all.regions.map((r: { code: string }) => r.code)).toEqual(['ECA', 'ECLAC', 'ESCAP', 'ESCWA', 'UNECE']);
    expect(all.regions.find((r: { code: string }) => r.code === 'ESCAP').pending).toBe(1);
  });
});

describe('redaction', () => {
  test('removes personal data before approval, logs that it happened and not what was removed', async () => {
    const original = 'Contact Maria at maria@example.net for the data.';
    const redacted = 'Contact the author through the moderators for the data.';
    const id = await post(validSubmission(questions[0], { body: original }));
    const res = await act(UNECE, `/moderation/submissions/${id}/redact`, { body: redacted });
    expect(res.status).toBe(200);
    const row = await app.strapi.db.query('api::submission.submission').findOne({ where: { documentId: id, publishedAt: null } });
    expect(row.body).toBe(redacted);
    expect(row.flagged).toBe(false);
    const events = await app.strapi.db.query('plugin::moderation.moderation-event').findMany({ where: { submissionDocumentId: id, action: 'redacted' } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0])).not.toMatch(/maria/i);
    expect(events[0].details.body).toEqual({ charactersBefore: original.length, charactersAfter: redacted.length });
  });

  test('only while pending, only in one’s regions, never empty', async () => {
    const id = await post(validSubmission(questions[0]));
    expect((await act(UNECE, `/moderation/submissions/${id}/redact`, {})).status).toBe(400);
    expect((await act(UNECE, `/moderation/submissions/${id}/redact`, { body: '   ' })).status).toBe(400);
    expect((await act(ESCAP, `/moderation/submissions/${id}/redact`, { body: 'Shorter.' })).status).toBe(403);
    await act(UNECE, `/moderation/submissions/${id}/approve`);
    expect((await act(UNECE, `/moderation/submissions/${id}/redact`, { body: 'Too late.' })).status).toBe(409);
  });
});

describe('translations', () => {
  test('are attached per language, replaced on a second try, and served with the published submission', async () => {
    const id = await post(validSubmission(questions[0]));
    expect((await act(UNECE, `/moderation/submissions/${id}/translations`, { language: 'fr', title: 'Partenariats locaux', body: 'Première version.' })).status).toBe(200);
    expect((await act(UNECE, `/moderation/submissions/${id}/translations`, { language: 'fr', title: 'Partenariats locaux', body: 'Les municipalités et les organisations de migrants devraient planifier ensemble.' })).status).toBe(200);
    await act(UNECE, `/moderation/submissions/${id}/approve`);
    const served = await app.http().get(`/api/submissions/${id}?populate=translations`).set('Authorization', `Bearer ${tokens.reader}`);
    expect(served.body.data.translations).toEqual([
      expect.objectContaining({ language: 'fr', title: 'Partenariats locaux', body: 'Les municipalités et les organisations de migrants devraient planifier ensemble.', translator: 'Ulla Moderator (UNECE)' }),
    ]);
    // A translation added after approval reaches the Hub too.
    expect((await act(UNECE, `/moderation/submissions/${id}/translations`, { language: 'es', body: 'Los municipios deberían planificar juntos.' })).status).toBe(200);
    const again = await app.http().get(`/api/submissions/${id}?populate=translations`).set('Authorization', `Bearer ${tokens.reader}`);
    expect(again.body.data.translations.map((t: { language: string }) => t.language).sort()).toEqual(['es', 'fr']);
    expect((await app.strapi.db.query('api::submission.submission').count({ where: { documentId: id, publishedAt: { $notNull: true } } }))).toBe(1);
  });

  test('refuse an unknown language or an empty text', async () => {
    const id = await post(validSubmission(questions[0]));
    expect((await act(UNECE, `/moderation/submissions/${id}/translations`, { language: 'de', body: 'Hallo' })).status).toBe(400);
    expect((await act(UNECE, `/moderation/submissions/${id}/translations`, { language: 'fr', body: '' })).status).toBe(400);
  });
});

describe('bulk decisions', () => {
  test('approve several at once; each outside the moderator’s regions is refused on its own', async () => {
    const unece = [await post(validSubmission(questions[0])), await post(validSubmission(questions[1]))];
    const escap = await post(validSubmission(escapQuestion));
    const res = await act(UNECE, '/moderation/submissions/bulk', { action: 'approve', documentIds: [...unece, escap] });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { documentId: unece[0], status: 200 },
      { documentId: unece[1], status: 200 },
      // The code and values let the workspace say it in the moderator's language.
      { documentId: escap, status: 403, message: 'You moderate UNECE; this submission belongs to ESCAP.', details: { code: 'outOfRegion', values: { regions: 'UNECE', region: 'ESCAP' } } },
    ]);
    for (const id of unece) expect((await app.http().get(`/api/submissions/${id}`).set('Authorization', `Bearer ${tokens.reader}`)).status).toBe(200);
  });

  test('reject several with one reason; a reason is required', async () => {
    const ids = [await post(validSubmission(questions[2])), await post(validSubmission(questions[3]))];
    expect((await act(UNECE, '/moderation/submissions/bulk', { action: 'reject', documentIds: ids })).status).toBe(400);
    const res = await act(UNECE, '/moderation/submissions/bulk', { action: 'reject', documentIds: ids, reason: 'Duplicates.' });
    expect(res.body.data.map((r: { status: number }) => r.status)).toEqual([200, 200]);
  });

  test.each([
    [{ action: 'delete', documentIds: ['x'] }, /action must be/],
    [{ action: 'approve', documentIds: [] }, /1 to 100/],
    [{ action: 'approve', documentIds: 'abc' }, /1 to 100/],
    [{ action: 'approve', documentIds: Array.from({ length: 101 }, (_, i) => `id${i}`) }, /1 to 100/],
  ])('refuses %j', async (body, message) => {
    const res = await act(UNECE, '/moderation/submissions/bulk', body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});

describe('who is on what', () => {
  const SECRETARIAT = 'secretariat@example.org';
  const presence = (who: string, id: string) => act(who, `/moderation/submissions/${id}/presence`);
  const othersIn = async (who: string, id: string) => {
    const queue = await get(who, '/moderation/submissions?pageSize=100');
    return (queue.body.data as { documentId: string; others: { name: string }[] }[]).find((row) => row.documentId === id)?.others.map((o) => o.name);
  };

  test('opening a pending submission tells the others of its region, in the queue and the submission, until it lapses or is left', async () => {
    const id = await post(validSubmission(questions[0], { title: 'Presence: seen by the secretariat' }));
    const mark = await presence(UNECE, id);
    expect(mark.status).toBe(200);
    expect(mark.body.data).toMatchObject({ moderationState: 'pending', others: [] });
    expect(await othersIn(SECRETARIAT, id)).toEqual(['Ulla Moderator (UNECE)']);
    expect((await get(SECRETARIAT, `/moderation/submissions/${id}`)).body.data.others).toEqual([expect.objectContaining({ name: 'Ulla Moderator (UNECE)', since: expect.any(String) })]);
    // Nobody sees themselves; the secretariat's own mark shows to the moderator.
    expect(await othersIn(UNECE, id)).toEqual([]);
    expect((await presence(SECRETARIAT, id)).body.data.others.map((o: { name: string }) => o.name)).toEqual(['Ulla Moderator (UNECE)']);
    expect(await othersIn(UNECE, id)).toHaveLength(1);
    // Another region's moderator may not say they are on it.
    expect((await presence(ESCAP, id)).status).toBe(403);

    // A mark not refreshed for three minutes has lapsed.
    await app.strapi.db.getConnection('moderation_presence').where({ submission_document_id: id }).update({ seen_at: new Date(Date.now() - 3 * 60 * 1000 - 1000) });
    expect(await othersIn(SECRETARIAT, id)).toEqual([]);
    // Refreshed, then left: gone at once.
    await presence(UNECE, id);
    expect(await othersIn(SECRETARIAT, id)).toEqual(['Ulla Moderator (UNECE)']);
    expect((await app.http().delete(`/moderation/submissions/${id}/presence`).set('Authorization', `Bearer ${tokens[UNECE]}`)).status).toBe(204);
    expect(await othersIn(SECRETARIAT, id)).toEqual([]);
  });

  test('a decision by someone else reaches the page that still has the submission open', async () => {
    const id = await post(validSubmission(questions[0], { title: 'Presence: decided by the other' }));
    await presence(UNECE, id);
    expect((await act(SECRETARIAT, `/moderation/submissions/${id}/approve`)).status).toBe(200);
    const status = (await presence(UNECE, id)).body.data;
    expect(status).toMatchObject({ moderationState: 'approved', decidedBy: expect.stringMatching(/\S/), others: [] });
    // Decided: nobody is on it any more.
    const left = (await app.strapi.db.getConnection('moderation_presence').where({ submission_document_id: id }).count({ n: '*' }).first()) as { n: number | string };
    expect(Number(left.n)).toBe(0);
  });

  test('the queue answers an unchanged view with 304, and a changed one in full', async () => {
    const first = await get(UNECE, '/moderation/submissions?pageSize=100');
    expect(first.headers.etag).toMatch(/^"/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await app.http().get('/moderation/submissions?pageSize=100').set('Authorization', `Bearer ${tokens[UNECE]}`).set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    await post(validSubmission(questions[0], { title: 'Presence: a new one changes the queue' }));
    const changed = await app.http().get('/moderation/submissions?pageSize=100').set('Authorization', `Bearer ${tokens[UNECE]}`).set('If-None-Match', first.headers.etag);
    expect(changed.status).toBe(200);
  });
});
