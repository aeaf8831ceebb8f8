/**
 * What the Hub may ask (src/setup/hub-queries.ts), deny by default. A generated suite: for every
 * read route and every relation path up to depth 3 from its type, a filter on each text field at
 * the end of the path, with a marker held only by unpublished rows of every type, answers exactly
 * what the same filter answers when the marker is nowhere. Then what the Hub needs still works,
 * and what it may not ask is a 400 that names the parameter.
 */
import fs from 'node:fs';
import path from 'node:path';
import qs from 'qs';
import { HUB_READABLE_TYPES } from '../src/setup/access';
import { HUB_QUERIES } from '../src/setup/hub-queries';
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { COLLECTION_TYPES, demoQuestions, PDF, validSubmission } from './helpers/fixtures';
import { startApp, type TestApp } from './helpers/strapi';
import { createHubToken } from '../src/setup/access';

type Attribute = { type: string; target?: string };
const SUBMISSION = 'api::submission.submission';
const MARK = `UNPUBLISHEDMARK${Date.now().toString(36)}`;
const ABSENT = `ABSENTMARK${Date.now().toString(36)}`;
const TEXT = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);

let app: TestApp;
let token: string;
let stakeholder: string;
const tally = { generated: 0, allowed: 0 };

const attributesOf = (uid: string) => (app.strapi.getModel(uid as never) as unknown as { attributes: Record<string, Attribute> }).attributes;
const hasDraftAndPublish = (uid: string) => Boolean((app.strapi.getModel(uid as never) as unknown as { options?: { draftAndPublish?: boolean } }).options?.draftAndPublish);

/** Every relation path of up to `depth` steps from `uid`, ending on each of the last type's text fields. */
function filterPaths(uid: string, depth = 3, prefix: string[] = []): string[][] {
  const attributes = attributesOf(uid);
  const here = Object.entries(attributes)
    .filter(([, a]) => TEXT.has(a.type))
    .map(([name]) => [...prefix, name]);
  if (depth === 0) return here;
  const deeper = Object.entries(attributes)
    .filter(([, a]) => a.type === 'relation' && a.target?.startsWith('api::'))
    .flatMap(([name, a]) => filterPaths(a.target!, depth - 1, [...prefix, name]));
  return [...here, ...deeper];
}

const nest = (path: string[], leaf: unknown): Record<string, unknown> => path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), leaf) as Record<string, unknown>;

beforeAll(async () => {
  app = await startApp({ SUBMISSION_RATE_LIMIT: '1000' });
  token = await createHubToken(app.strapi, 'allowlist token');
  stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  const docs = app.strapi.documents;
  const db = app.strapi.db;
  const phase = (await docs('api::phase.phase').findFirst({ filters: { isDemo: true } }))!;
  const [question] = await demoQuestions(app);
  const moderator = await adminLogin(app, 'moderator.unece@example.org');

  // The marker in unpublished rows of every draft & publish type the Hub reads.
  const pending = await app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).send({ data: validSubmission(question, { title: `${MARK} title`, body: `${MARK} body`, organisation: MARK }) });
  expect(pending.status).toBe(201);
  await app.http().post(`/moderation/submissions/${pending.body.data.documentId}/replies`).set('Authorization', `Bearer ${moderator}`).send({ body: `${MARK} reply` }).expect(201);
  await docs('api::guiding-question.guiding-question').create({ data: { phase: phase.documentId, position: 49, text: `${MARK} draft question` } as never, locale: 'en' });
  await docs('api::summary.summary').create({ data: { phase: phase.documentId, title: `${MARK} draft summary`, body: MARK } as never });
  // Draft rows of published documents, edited after publication.
  const approved = (await docs(SUBMISSION).findFirst({ status: 'published', filters: { phase: { documentId: phase.documentId } } }))!;
  await db.query(SUBMISSION).update({ where: { documentId: approved.documentId, publishedAt: null }, data: { title: `${MARK} edited draft`, authorName: MARK } });
  await db.query('api::guiding-question.guiding-question').update({ where: { documentId: question, publishedAt: null }, data: { text: `${MARK} edited question` } });
  // A published post that answers the pending one's thread parent, so that thread paths have rows on both sides.
  await app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).send({ data: validSubmission(question, { title: 'A reply in a thread', replyTo: approved.documentId }) });
});

afterAll(async () => {
  await app?.stop();
});

const read = (collection: string, query: Record<string, unknown>) => app.http().get(`/api/${collection}?${qs.stringify(query, { encodeValuesOnly: true })}`).set('Authorization', `Bearer ${token}`);
const answer = (res: { status: number; body: { data?: unknown; meta?: { pagination?: { total?: number } }; error?: { message?: string } } }) => ({
  status: res.status,
  ids: Array.isArray(res.body.data) ? (res.body.data as { documentId: string }[]).map((d) => d.documentId).sort() : null,
  total: res.body.meta?.pagination?.total ?? null,
  error: res.body.error?.message ?? null,
});

describe('relation filters are no oracle', () => {
  test.each(Object.entries(COLLECTION_TYPES))('/api/%s: every path up to depth 3 answers the same whether unpublished rows hold the marker or not', async (collection, uid) => {
    const differences: string[] = [];
    for (const path of filterPaths(uid)) {
      for (const operator of ['$containsi']) {
        // The same filter inside a populate of the path's first relation, where there is one.
        for (const where of path.length < 2 ? ['filters'] : ['filters', 'populate']) {
          const probe = (value: string) =>
            where === 'filters' ? { filters: nest(path, { [operator]: value.toLowerCase() }) } : { populate: { [path[0]]: { filters: nest(path.slice(1), { [operator]: value }) } } };
          tally.generated += 2;
          const [withMark, without] = [answer(await read(collection, probe(MARK))), answer(await read(collection, probe(ABSENT)))];
          if (withMark.status === 200) tally.allowed += 1;
          if (JSON.stringify(withMark) !== JSON.stringify(without)) differences.push(`${where} ${path.join('.')} ${operator}: ${JSON.stringify(withMark)} vs ${JSON.stringify(without)}`);
          expect([path.join('.'), withMark.status < 500]).toEqual([path.join('.'), true]);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  test('the marker is where the suite thinks it is (the check can fail)', async () => {
    const rows = await app.strapi.db.query(SUBMISSION).count({ where: { title: { $containsi: MARK } } });
    expect(rows).toBeGreaterThanOrEqual(2);
    // Without the allowlist, Strapi's own answer would differ: the phase's draft question matches.
    const phases = await app.strapi.db.query('api::phase.phase').findMany({ where: { guidingQuestions: { text: { $containsi: MARK } } } });
    expect(phases.length).toBeGreaterThan(0);
  });
});

describe('the allowlist itself', () => {
  test('every declared path exists in the schema, and no filter path steps from a type without draft & publish into one with it', () => {
    for (const [uid, allowed] of Object.entries(HUB_QUERIES)) {
      expect(HUB_READABLE_TYPES).toContain(uid);
      for (const dotted of allowed.filters) {
        let model = uid;
        for (const step of dotted.split('.')) {
          const attribute = attributesOf(model)[step];
          if (step === 'documentId') break;
          expect([uid, dotted, Boolean(attribute)]).toEqual([uid, dotted, true]);
          if (attribute.type === 'relation') {
            expect([uid, dotted, !hasDraftAndPublish(model) && hasDraftAndPublish(attribute.target!)]).toEqual([uid, dotted, false]);
            model = attribute.target!;
          }
        }
      }
      for (const field of [...allowed.fields, ...allowed.sort]) expect([uid, field, Boolean(attributesOf(uid)[field])]).toEqual([uid, field, true]);
    }
    expect(Object.keys(HUB_QUERIES).sort()).toEqual([...HUB_READABLE_TYPES].sort());
  });

  test('docs/API.md shows the same table', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'API.md'), 'utf8');
    for (const [collection, uid] of Object.entries(COLLECTION_TYPES)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${collection}\` |`));
      const [filters, sort] = (row ?? '').split('|').slice(2, 4).map((cell) => cell.split(',').map((x) => x.trim()).filter(Boolean));
      expect([collection, filters, sort]).toEqual([collection, [...HUB_QUERIES[uid].filters], [...HUB_QUERIES[uid].sort]]);
    }
  });
});

describe('what the Hub needs', () => {
  let phase: string;
  let question: string;
  let thread: string;

  beforeAll(async () => {
    phase = (await app.strapi.documents('api::phase.phase').findFirst({ filters: { isDemo: true } }))!.documentId;
    [question] = await demoQuestions(app);
    const withFile = await app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).field('data', JSON.stringify(validSubmission(question, { title: 'With a file', countries: ['KE'], gcmObjectives: [3], language: 'fr' }))).attach('files', PDF, 'file.pdf');
    thread = withFile.body.data.documentId;
    await app.http().post(`/moderation/submissions/${thread}/approve`).set('Authorization', `Bearer ${await adminLogin(app, 'admin@example.org')}`).expect(200);
  });

  test.each([
    ['questions of a phase, in order, in a locale', 'guiding-questions', () => ({ filters: { phase: { documentId: phase } }, sort: 'position', locale: 'en', populate: { phase: { populate: { region: true } } } })],
    ['phases of a region', 'phases', () => ({ filters: { region: { code: 'UNECE' } }, sort: ['reviewCycle:desc', 'opensAt'], populate: ['region', 'guidingQuestions'] })],
    ['submissions by phase, question, region, objective, category, country, language, date', 'submissions', () => ({
      filters: {
        phase: { documentId: phase },
        guidingQuestion: { documentId: question },
        region: { code: 'UNECE' },
        gcmObjectives: { number: { $in: [3] } },
        stakeholderCategory: 'migrant_diaspora_organizations',
        countries: { $contains: 'KE' },
        language: 'fr',
        publishedAt: { $gte: '2020-01-01' },
      },
      sort: 'publishedAt:desc',
      fields: ['title', 'body', 'authorName', 'organisation'],
      populate: { attachments: { fields: ['name', 'url', 'mime', 'size'] }, links: true, translations: true, gcmObjectives: { fields: ['number', 'title'] } },
    })],
    ['the posts that start a thread', 'submissions', () => ({ filters: { phase: { documentId: phase }, replyTo: { $null: true } }, sort: 'publishedAt:desc' })],
    ['a thread: replies to a post, with its moderator replies', 'submissions', () => ({ filters: { $or: [{ documentId: thread }, { replyTo: { documentId: thread } }] }, populate: { moderatorReplies: { fields: ['body', 'moderatorName'] }, responses: true, replyTo: true } })],
    ['moderator replies of a submission', 'moderator-replies', () => ({ filters: { submission: { documentId: thread } }, sort: 'publishedAt:asc', populate: ['region'] })],
    ['summaries of a phase with their files', 'summaries', () => ({ filters: { phase: { documentId: phase } }, populate: { attachments: true, links: true, phase: true } })],
    ['objectives in order', 'gcm-objectives', () => ({ sort: 'number', pagination: { pageSize: 23 } })],
  ])('%s', async (_what, collection, query) => {
    const res = await read(collection, query());
    expect([res.status, res.body.error ?? null]).toEqual([200, null]);
  });

  test('the list by phase, question, region, objective, category, country and language finds the post', async () => {
    const res = await read('submissions', { filters: { phase: { documentId: phase }, gcmObjectives: { number: 3 }, countries: { $contains: 'KE' }, language: 'fr' }, populate: ['attachments'] });
    expect(res.body.data.map((d: { documentId: string }) => d.documentId)).toEqual([thread]);
    expect(res.body.data[0].attachments[0].url).toMatch(/^\/api\/files\//);
    // A country is a member of the list, not a piece of text in it.
    expect((await read('submissions', { filters: { documentId: thread, countries: { $contains: 'K' } } })).body.data).toEqual([]);
  });
});

describe('what the Hub may not ask, refused with the parameter named', () => {
  test.each([
    ['a private field', 'submissions', { filters: { moderationState: { $eq: 'pending' } } }, 'filters[moderationState]'],
    ['a relation into unpublished rows', 'phases', { filters: { guidingQuestions: { text: { $contains: 'x' } } } }, 'filters[guidingQuestions]'],
    ['an account', 'submissions', { filters: { author: { email: { $contains: '@' } } } }, 'filters[author]'],
    ['an internal id', 'submissions', { filters: { id: { $in: [1, 2] } } }, 'filters[id]'],
    ['an operator of the query engine', 'submissions', { filters: { title: { $regex: '.*' } } }, 'filters[title][$regex]'],
    ['a sort on a field not listed', 'submissions', { sort: 'authorName:asc' }, 'sort'],
    ['a field not listed', 'phases', { fields: ['title', 'region'] }, 'fields'],
    ['everything populated', 'submissions', { populate: '*' }, 'populate'],
    ['a relation not listed', 'regions', { populate: { moderators: true } }, 'populate[moderators]'],
    ['filters inside a populate', 'phases', { populate: { guidingQuestions: { filters: { text: 'x' } } } }, 'populate[guidingQuestions][filters]'],
    ['too deep', 'submissions', { populate: { phase: { populate: { region: { populate: { phases: true } } } } } }, 'populate[phase][populate][region][populate][phases]'],
    ['an unknown parameter', 'submissions', { _q: 'port' }, '_q'],
    ['an operator on a relation the allowlist does not name', 'submissions', { filters: { guidingQuestion: { $eq: 1 } } }, 'filters[guidingQuestion][$eq]'],
    ['a list field with another operator', 'submissions', { filters: { countries: { $eq: 'KE' } } }, 'filters[countries]'],
  ])('%s', async (_what, collection, query, parameter) => {
    const res = await read(collection, query);
    expect(res.status).toBe(400);
    expect(res.body.error.message.startsWith(`${parameter}:`)).toBe(true);
    expect(res.body.error.message).toContain('docs/API.md');
  });
});

afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`query allowlist: ${tally.generated} generated filter reads, ${tally.allowed} of them allowed`);
});
