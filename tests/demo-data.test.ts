/**
 * The demo space against its sources: the concept note (questions word for word, dates) and
 * the GCM reference data, read through the content API as the Hub would read them; and the
 * demo consultation as moderators find it: dated history, real files, a draft question shared.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import fs from 'node:fs';
import path from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDocument, type PDFRawStream } from 'pdf-lib';
import { MODERATION_STATES, UN_LANGUAGES, type LanguageCode } from '../src/reference/gcm';
import { createHubToken, syncContentApiRoles } from '../src/setup/access';
import { DEMO_SHARED_QUESTION, DEMO_SUSPENSION, seedDemo } from '../src/setup/demo';
import { HEALTH_FIREWALLS_POSITION, RECRUITMENT_FEES_SUMMARY, REGULAR_PATHWAYS_DATA_NOTE, type DemoAttachment } from '../src/setup/demo-files';
import { DEMO_QUESTION_TRANSLATIONS, type DemoQuestionPosition, type TranslatedLocale } from '../src/setup/demo-question-translations';
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { appDir, startApp, type TestApp } from './helpers/strapi';

const note = fs.readFileSync(path.join(appDir, 'docs/reference/concept-note-unece-discussion-space.txt'), 'utf8');
const reference = fs.readFileSync(path.join(appDir, 'docs/reference/gcm-reference-data.md'), 'utf8');

/** The numbered questions of the note between one heading and the next. */
function questionsUnder(heading: string, next: string): string[] {
  const section = note.slice(note.indexOf(heading), note.indexOf(next, note.indexOf(heading)));
  return [...section.matchAll(/^- \d+\. (.+)$/gm)].map((m) => m[1].trim());
}
const NOTE_PRE = questionsUnder('Questions for pre-Regional Reviews', 'Questions for post-Regional Reviews');
const NOTE_POST = questionsUnder('Questions for post-Regional Reviews', 'Role of Moderators');

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

type Question = { documentId: string; position: number; text: string; locale: string; phase: { kind: string; reviewCycle: number; isDemo: boolean; opensAt: string; closesAt: string; title: string; description: string } };

const LOCALES = UN_LANGUAGES.map((l) => l.code);
const TRANSLATED = LOCALES.filter((code): code is TranslatedLocale => code !== 'en');
const SCRIPTS = { latin: /[a-z]/i, arabic: /\p{Script=Arabic}/u, cyrillic: /\p{Script=Cyrillic}/u, han: /\p{Script=Han}/u };
/** A text is in the locale's language: written in its script only, French and Spanish with their own letters. */
const LANGUAGE_OF: Record<LanguageCode, { script: keyof typeof SCRIPTS; letters?: RegExp }> = {
  en: { script: 'latin' },
  fr: { script: 'latin', letters: /[àâçéèêëîïôùûœ]/i },
  es: { script: 'latin', letters: /[¿áéíóúñ]/i },
  ar: { script: 'arabic' },
  ru: { script: 'cyrillic' },
  zh: { script: 'han' },
};
function expectInLanguage(text: string, locale: LanguageCode) {
  const { script, letters } = LANGUAGE_OF[locale];
  for (const [name, pattern] of Object.entries(SCRIPTS)) expect([name, pattern.test(text)]).toEqual([name, name === script]);
  if (letters) expect(text).toMatch(letters);
}

async function unece2024Questions(authorization?: string) {
  const req = app
    .http()
    .get('/api/guiding-questions')
    .query('filters[phase][reviewCycle]=2024&filters[phase][isDemo]=false&filters[phase][region][code]=UNECE&populate=phase&sort[0]=position&pagination[pageSize]=100');
  return authorization ? req.set('Authorization', `Bearer ${authorization}`) : req;
}

describe('the UNECE 2024 space as the concept note states it', () => {
  test('the note gives five pre-review and three post-review questions', () => {
    expect(NOTE_PRE).toHaveLength(5);
    expect(NOTE_POST).toHaveLength(3);
  });

  test.each([...Object.keys(HUB_ACCOUNTS), 'hub-token'])('%s reads the eight questions word for word', async (principal) => {
    const credential = principal === 'hub-token' ? await createHubToken(app.strapi, `demo-data ${Date.now()}`) : await hubLogin(app, HUB_ACCOUNTS[principal as keyof typeof HUB_ACCOUNTS]);
    const res = await unece2024Questions(credential);
    expect(res.status).toBe(200);
    const questions = res.body.data as Question[];
    expect(questions).toHaveLength(8);
    const byKind = (kind: string) => questions.filter((q) => q.phase.kind === kind).sort((a, b) => a.position - b.position).map((q) => q.text);
    expect(byKind('pre_review')).toEqual(NOTE_PRE);
    expect(byKind('post_review')).toEqual(NOTE_POST);
  });

  test('the public reads nothing', async () => {
    const res = await unece2024Questions();
    expect(res.status).toBe(403);
    expect(res.body.data).toBeNull();
  });

  test('the pre-review phase runs 18 January to 16 February 2024, summary due 23 February', async () => {
    expect(note).toMatch(/from 18 January to 16 February 2024/);
    expect(note).toMatch(/by 23 February/);
    const phase = await app.strapi.documents('api::phase.phase').findFirst({ filters: { reviewCycle: 2024, kind: 'pre_review', isDemo: false }, populate: ['region'] });
    expect(phase).toMatchObject({
      opensAt: '2024-01-18T00:00:00.000Z',
      // open through the whole of 16 February
      closesAt: '2024-02-17T00:00:00.000Z',
      summaryDueAt: '2024-02-23T00:00:00.000Z',
      region: { code: 'UNECE' },
    });
  });

  test('the post-review phase has no dates the note does not give, so it accepts nothing yet', async () => {
    const phase = await app.strapi.documents('api::phase.phase').findFirst({ filters: { reviewCycle: 2024, kind: 'post_review', isDemo: false } });
    expect(phase).toMatchObject({ opensAt: null, closesAt: null });
  });
});

describe('the demo phase', () => {
  test('is clearly labelled, open today, and asks the same pre-review questions', async () => {
    const token = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
    const res = await app.http().get('/api/phases?filters[isDemo]=true&populate[guidingQuestions][sort]=position').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const [phase] = res.body.data;
    expect(phase.title).toMatch(/^DEMO/);
    expect(new Date(phase.opensAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(phase.closesAt).getTime()).toBeGreaterThan(Date.now());
    // Populated questions come in the locale asked for, English by default, not once per translation.
    const questions = phase.guidingQuestions as Question[];
    expect(questions.map((q) => q.locale)).toEqual(NOTE_PRE.map(() => 'en'));
    expect(questions.map((q) => q.text)).toEqual(NOTE_PRE);
  });

  test.each([
    ['/api/phases?filters[isDemo]=true&locale=ar&populate[guidingQuestions][sort]=position', (body: { data: { guidingQuestions: Question[] }[] }) => body.data[0].guidingQuestions],
    ['/api/phases?filters[isDemo]=true&locale=ar&populate=guidingQuestions', (body: { data: { guidingQuestions: Question[] }[] }) => body.data[0].guidingQuestions],
    ['/api/regions?filters[code]=UNECE&locale=ar&populate[phases][populate][guidingQuestions]=true', (body: { data: { phases: { isDemo: boolean; guidingQuestions: Question[] }[] }[] }) => body.data[0].phases.find((p) => p.isDemo)!.guidingQuestions],
    ['/api/regions?filters[code]=UNECE&locale=ar&populate=phases.guidingQuestions', (body: { data: { phases: { isDemo: boolean; guidingQuestions: Question[] }[] }[] }) => body.data[0].phases.find((p) => p.isDemo)!.guidingQuestions],
  ])('questions populated in %s come in that locale only', async (url, questionsOf) => {
    const res = await app.http().get(url).set('Authorization', `Bearer ${await hubLogin(app, HUB_ACCOUNTS.stakeholder)}`);
    expect(res.status).toBe(200);
    const questions = questionsOf(res.body);
    expect(questions).toHaveLength(NOTE_PRE.length);
    expect(questions.every((q) => q.locale === 'ar' && /[\u0600-\u06FF]/.test(q.text))).toBe(true);
  });

  test('holds submissions in every moderation state, published exactly when approved', async () => {
    const docs = app.strapi.documents('api::submission.submission');
    for (const state of MODERATION_STATES) {
      const drafts = await docs.findMany({ filters: { moderationState: state }, status: 'draft' });
      expect(drafts.length).toBeGreaterThan(0);
      for (const draft of drafts) {
        const live = await docs.findOne({ documentId: draft.documentId, status: 'published' });
        expect(Boolean(live)).toBe(state === 'approved');
      }
    }
  });
});

describe('the demo consultation, under way', () => {
  const HOUR = 60 * 60 * 1000;
  const DAY = 24 * HOUR;
  const UNECE = 'moderator.unece@example.org';
  const time = (value: string | Date) => new Date(value).getTime();
  type Row = { documentId: string; title: string; moderationState: string; createdAt: string; decidedAt: string | null; publishedAt: string | null };
  const demoPhase = async () => (await app.strapi.db.query('api::phase.phase').findOne({ where: { isDemo: true } })) as { documentId: string; opensAt: string };
  const rows = async (published: boolean) =>
    (await app.strapi.db.query('api::submission.submission').findMany({
      where: { phase: { isDemo: true }, publishedAt: published ? { $notNull: true } : null },
      select: ['documentId', 'title', 'moderationState', 'createdAt', 'decidedAt', 'publishedAt'],
    })) as Row[];

  test('submissions were posted over more than two weeks since the phase opened, on many days, none later than now', async () => {
    const drafts = await rows(false);
    const posted = drafts.map((r) => time(r.createdAt));
    expect(Math.max(...posted) - Math.min(...posted)).toBeGreaterThan(14 * DAY);
    expect(Math.min(...posted)).toBeGreaterThanOrEqual(time((await demoPhase()).opensAt));
    expect(Math.max(...posted)).toBeLessThan(Date.now());
    expect(new Set(drafts.map((r) => r.createdAt.slice(0, 10))).size).toBeGreaterThanOrEqual(5);
    // A published row dates from the posting, and was published when it was approved.
    for (const live of await rows(true)) {
      const draft = drafts.find((r) => r.documentId === live.documentId)!;
      expect([live.title, time(live.createdAt), time(live.publishedAt!)]).toEqual([live.title, time(draft.createdAt), time(draft.decidedAt!)]);
    }
  });

  test('decisions came hours to days after posting, and the moderation log gives the same times', async () => {
    const events = app.strapi.plugin('moderation').service('events');
    const drafts = await rows(false);
    const decided = drafts.filter((r) => r.moderationState === 'approved' || r.moderationState === 'rejected');
    expect(decided.length).toBeGreaterThan(0);
    for (const row of drafts) {
      const log = (await events.forSubmission(row.documentId)) as { action: string; occurredAt: string }[];
      const at = (action: string) => log.filter((e) => e.action === action).map((e) => time(e.occurredAt));
      expect([row.title, at('submitted')]).toEqual([row.title, [time(row.createdAt)]]);
      expect(log.every((e) => time(e.occurredAt) < Date.now())).toBe(true);
      if (row.moderationState === 'pending') continue;
      const [settled] = at(row.moderationState);
      const hours = (settled - time(row.createdAt)) / HOUR;
      expect([row.title, hours > 1 && hours < 7 * 24]).toEqual([row.title, true]);
      if (decided.includes(row)) expect([row.title, settled]).toEqual([row.title, time(row.decidedAt!)]);
      for (const replied of at('replied')) expect(replied).toBeGreaterThan(settled);
    }
  });

  test("the dashboard's momentum and decision time are those of a consultation under way", async () => {
    const token = await adminLogin(app, UNECE);
    const res = await app.http().get(`/moderation/phases/${(await demoPhase()).documentId}/dashboard`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const { perDay, backlog } = res.body.data as { perDay: { submitted: number }[]; backlog: { medianHoursToDecision: number; oldestPendingAt: string } };
    expect(perDay.length).toBeGreaterThan(14);
    expect(perDay.filter((day) => day.submitted > 0).length).toBeGreaterThanOrEqual(5);
    expect(backlog.medianHoursToDecision).toBeGreaterThan(1);
    expect(time(backlog.oldestPendingAt)).toBeLessThan(Date.now() - DAY);
  });

  /** The text a PDF draws, read with pdf-lib's parser: the strings its pages' content streams show, line by line. */
  async function pdfText(bytes: Buffer): Promise<{ title?: string; text: string }> {
    const pdf = await PDFDocument.load(bytes);
    const lines = pdf.getPages().flatMap((page) => {
      const contents = page.node.Contents();
      const streams = (contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents]) as PDFRawStream[];
      return streams.flatMap((stream) => {
        const operators = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
        return [...operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => Buffer.from(m[1], 'hex').toString('latin1'));
      });
    });
    return { title: pdf.getTitle(), text: lines.join(' ') };
  }

  const binary = (res: { on: (e: string, cb: (chunk?: Buffer) => void) => void }, callback: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk?: Buffer) => chunks.push(chunk as Buffer));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  };
  const wordsOf = (file: DemoAttachment) => file.blocks.flatMap((block) => ('heading' in block ? [block.heading] : 'text' in block ? [block.text] : [...block.table.head, ...block.table.rows.flat()]));

  /** The files of a demo submission, and the first one's bytes as the UNECE moderator downloads them. */
  async function download(title: string) {
    const { moderationState, attachments } = (await app.strapi.db.query('api::submission.submission').findOne({ where: { title, publishedAt: null }, populate: { attachments: true } })) as {
      moderationState: string;
      attachments: { name: string; mime: string; url: string }[];
    };
    const res = await app
      .http()
      .get(attachments[0].url)
      .set('Authorization', `Bearer ${await adminLogin(app, UNECE)}`)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    return { moderationState, attachments, bytes: res.body as Buffer };
  }

  test.each([
    ['Research report: recruitment fees in seasonal agriculture', RECRUITMENT_FEES_SUMMARY],
    ['Data on regular pathways in the region, 2019 to 2023', REGULAR_PATHWAYS_DATA_NOTE],
    ['Access to health care for undocumented workers', HEALTH_FIREWALLS_POSITION],
  ])('"%s" carries a real document that says what the submission says, which its moderator downloads', async (title, file) => {
    const { attachments, bytes } = await download(title);
    expect(attachments.map((a) => a.name)).toEqual([file.fileName]);
    if (file.format === 'pdf') {
      expect(attachments[0].mime).toBe('application/pdf');
      const { title: pdfTitle, text } = await pdfText(bytes);
      expect(pdfTitle).toBe(file.title);
      for (const words of [file.title, ...wordsOf(file)]) expect(text).toContain(words);
    } else {
      expect(attachments[0].mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toContain('word/document.xml');
      const { value: text } = await mammoth.extractRawText({ buffer: bytes });
      for (const words of [file.title, ...wordsOf(file)]) expect(text).toContain(words);
    }
  });

  test('a post waits on its author, returned for edits with a note; its author reads the note in their own list', async () => {
    const token = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
    const res = await app.http().get('/api/submissions/mine?state=returned').set('Authorization', `Bearer ${token}`);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ title: 'What our caseworkers hear about family reunification', decisionReason: expect.stringMatching(/remove the caseworker’s name/) });
    const events = await app.strapi.db.query('plugin::moderation.moderation-event').findMany({ where: { submissionDocumentId: res.body.data[0].documentId }, orderBy: { occurredAt: 'asc' } });
    expect(events.map((e: { action: string }) => e.action)).toEqual(['submitted', 'returned']);
  });

  test('an author who advertised twice is suspended for a week, since yesterday: posting answers 403 with the reason', async () => {
    const token = await hubLogin(app, DEMO_SUSPENSION.author);
    const [question] = (await app.strapi.documents('api::guiding-question.guiding-question').findMany({ filters: { phase: { isDemo: true } }, status: 'published', limit: 1 })) as { documentId: string }[];
    const res = await app.http().post('/api/submissions').set('Authorization', `Bearer ${token}`).send({ data: { kind: 'comment', title: 'Once more', body: 'Buy now.', guidingQuestion: question.documentId } });
    expect(res.status).toBe(403);
    expect(res.body.error.details).toMatchObject({ code: 'suspended', reason: DEMO_SUSPENSION.reason });
    const days = (time(res.body.error.details.endsAt) - Date.now()) / DAY;
    expect(days).toBeGreaterThan(DEMO_SUSPENSION.days - DEMO_SUSPENSION.daysAgo - 1);
    expect(days).toBeLessThan(DEMO_SUSPENSION.days - DEMO_SUSPENSION.daysAgo + 1);
    const moderator = await adminLogin(app, UNECE);
    const author = (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: DEMO_SUSPENSION.author } })) as { id: number };
    const context = (await app.http().get(`/moderation/authors/${author.id}`).set('Authorization', `Bearer ${moderator}`)).body.data;
    expect(context.submissions.map((s: { moderationState: string }) => s.moderationState)).toEqual(['rejected', 'rejected']);
    expect(context.inForce).toMatchObject({ kind: 'suspension', issuedByName: expect.stringContaining('Ulla') });
  });

  test('a pending attachment holds an e-mail address, for moderators to screen', async () => {
    const { moderationState, bytes } = await download('Research report: recruitment fees in seasonal agriculture');
    expect(moderationState).toBe('pending');
    expect((await pdfText(bytes)).text).toMatch(/[\w.-]+@[\w-]+(\.[\w-]+)+/);
  });

  test('a draft question is shared for feedback with two regions: both commented, then the secretariat; the Hub sees nothing', async () => {
    const list = async (email: string) => (await app.http().get('/moderation/questions').set('Authorization', `Bearer ${await adminLogin(app, email)}`)).body.data as {
      documentId: string;
      position: number;
      text: string;
      posted: boolean;
      phase: { region: { code: string } };
      feedback: { authorName: string; regionCode: string; body: string; createdAt: string }[];
    }[];
    const question = (await list(UNECE)).find((q) => q.position === DEMO_SHARED_QUESTION.position)!;
    expect(question).toMatchObject({ position: DEMO_SHARED_QUESTION.position, text: DEMO_SHARED_QUESTION.text, posted: false, phase: { region: { code: 'UNECE' } } });
    // Feedback from two regions, then the secretariat's answer.
    expect(question.feedback.map((f) => [f.authorName, f.regionCode, f.body])).toEqual([
      ['Ulla Moderator (UNECE)', 'UNECE', DEMO_SHARED_QUESTION.feedback[0].body],
      ['Eka Moderator (ESCAP)', 'ESCAP', DEMO_SHARED_QUESTION.feedback[1].body],
      ['Samira Secretariat', 'UNECE', DEMO_SHARED_QUESTION.feedback[2].body],
    ]);
    const written = question.feedback.map((f) => time(f.createdAt));
    expect(written[1] - written[0]).toBeGreaterThan(HOUR);
    expect(written[2]).toBeLessThan(Date.now() - DAY);
    expect((await list('secretariat@example.org')).map((q) => q.documentId)).toContain(question.documentId);
    // ESCAP was asked about this question, and sees nothing else of UNECE's.
    expect((await list('moderator.escap@example.org')).map((q) => q.documentId)).toEqual([question.documentId]);
    const hub = await app.http().get(`/api/guiding-questions/${question.documentId}`).set('Authorization', `Bearer ${await hubLogin(app, HUB_ACCOUNTS.stakeholder)}`);
    expect(hub.status).toBe(404);
  });
});

describe('the demo phase in the six UN languages', () => {
  let token: string;
  beforeAll(async () => {
    token = await createHubToken(app.strapi, `demo-data translations ${Date.now()}`);
  });

  /** As the Hub reads the questions of a phase in the reader's language. */
  const questionsIn = async (locale: string, phaseFilters: string) => {
    const res = await app
      .http()
      .get('/api/guiding-questions')
      .query(`locale=${locale}&${phaseFilters}&filters[phase][region][code]=UNECE&populate=phase&sort[0]=position&pagination[pageSize]=100`)
      .set('Authorization', `Bearer ${token}`);
    expect([res.status, res.body.error ?? null]).toEqual([200, null]);
    return res.body.data as Question[];
  };

  test.each(LOCALES)('locale=%s: the five questions, in that language, marked as the demo by their phase', async (locale) => {
    const questions = await questionsIn(locale, 'filters[phase][isDemo]=true');
    expect(questions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5]);
    const english = await questionsIn('en', 'filters[phase][isDemo]=true');
    expect(questions.map((q) => q.documentId)).toEqual(english.map((q) => q.documentId));
    for (const question of questions) {
      expect(question.locale).toBe(locale);
      expectInLanguage(question.text, locale);
      expect(question.text).toBe(locale === 'en' ? NOTE_PRE[question.position - 1] : DEMO_QUESTION_TRANSLATIONS[question.position as DemoQuestionPosition][locale]);
      // How the Hub and the secretariat tell a demonstration translation: its phase.
      expect(question.phase.isDemo).toBe(true);
      expect(question.phase.description).toMatch(/demonstration translations, not official United Nations translations/);
    }
  });

  test('the real UNECE 2024 questions stay English only, as the concept note gives them', async () => {
    for (const locale of TRANSLATED) {
      expect(await questionsIn(locale, 'filters[phase][reviewCycle]=2024&filters[phase][isDemo]=false')).toEqual([]);
    }
    const real = await app.strapi.documents('api::guiding-question.guiding-question').findMany({ filters: { phase: { reviewCycle: 2024, isDemo: false } }, status: 'published', limit: 100 });
    expect(real).toHaveLength(8);
    for (const question of real) {
      expect(await app.strapi.documents('api::guiding-question.guiding-question').findOne({ documentId: question.documentId, locale: 'fr', status: 'draft' })).toBeNull();
    }
  });
});

describe('reference data', () => {
  test('the five regions of the regional reviews', async () => {
    const rows = [...reference.matchAll(/^\| (ECA|ECLAC|ESCAP|ESCWA|UNECE) \| (.+?) \| (.+?) \|$/gm)].map((m) => ({ code: m[1], commission: m[2], name: m[3] }));
    expect(rows).toHaveLength(5);
    const regions = await app.strapi.documents('api::region.region').findMany({ sort: 'code' });
    expect(regions.map((r) => ({ code: r.code, commission: r.commission, name: r.name }))).toEqual(rows);
  });

  test('the 23 GCM objectives, titles from the resolution', async () => {
    const titles = [...reference.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => ({ number: Number(m[1]), title: m[2] }));
    expect(titles).toHaveLength(23);
    const objectives = await app.strapi.documents('api::gcm-objective.gcm-objective').findMany({ sort: 'number', limit: 100 });
    expect(objectives.map((o) => ({ number: o.number, title: o.title }))).toEqual(titles);
  });

  test('the six UN languages are locales, English the default', async () => {
    const locales = await app.strapi.plugin('i18n').service('locales').find();
    expect(locales.map((l: { code: string }) => l.code).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(await app.strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('en');
  });
});

describe('demo accounts', () => {
  test.each(Object.entries(HUB_ACCOUNTS))('Hub account of role %s logs in and holds that role', async (role, email) => {
    await hubLogin(app, email);
    const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email }, populate: ['role'] });
    expect(user.role.type).toBe(role);
  });

  test.each([
    ['admin@example.org', 'strapi-super-admin', []],
    ['secretariat@example.org', 'gcm-secretariat', []],
    ['moderator.unece@example.org', 'gcm-moderator', ['UNECE']],
    ['moderator.escap@example.org', 'gcm-moderator', ['ESCAP']],
  ])('admin %s logs in as %s, moderating %j', async (email, roleCode, regions) => {
    await adminLogin(app, email);
    const user = await app.strapi.db.query('admin::user').findOne({ where: { email }, populate: ['roles'] });
    expect(user.roles.map((r: { code: string }) => r.code)).toEqual([roleCode]);
    const moderated = await app.strapi.documents('api::region.region').findMany({ filters: { moderators: { id: user.id } } });
    expect(moderated.map((r) => r.code)).toEqual(regions);
  });
});

describe('idempotence', () => {
  const uids = [
    'api::region.region',
    'api::phase.phase',
    'api::guiding-question.guiding-question',
    'api::submission.submission',
    'api::moderator-reply.moderator-reply',
    'api::gcm-objective.gcm-objective',
    'plugin::users-permissions.user',
    'admin::user',
    'plugin::upload.file',
    'plugin::moderation.moderation-event',
    'plugin::moderation.question-feedback',
    'plugin::moderation.author-sanction',
  ] as const;
  const counts = async () => Object.fromEntries(await Promise.all(uids.map(async (uid) => [uid, await app.strapi.db.query(uid).count()])));

  test('seeding again adds nothing', async () => {
    const before = await counts();
    await seedDemo(app.strapi);
    expect(await counts()).toEqual(before);
  });

  test('role permissions come back to exactly the table at every start', async () => {
    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    const roleId = async (type: string) => (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } })).id;
    const snapshot = async () => (await permissions.findMany({ populate: ['role'] })).map((p: { action: string; role: { type: string } }) => `${p.role.type} ${p.action}`).sort();
    const before = await snapshot();
    await permissions.create({ data: { action: 'api::submission.submission.find', role: await roleId('public') } });
    await permissions.deleteMany({ where: { action: 'api::region.region.find', role: await roleId('member-state') } });
    await syncContentApiRoles(app.strapi);
    expect(await snapshot()).toEqual(before);
  });
});

describe('registration', () => {
  test('a new user can never choose a role', async () => {
    const res = await app.http().post('/api/auth/local/register').send({ username: 'self-made', email: 'self-made@example.net', password: 'Long-enough-1', role: 'stakeholder' });
    expect(res.status).toBe(400);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { email: 'self-made@example.net' } })).toBe(0);
  });

  test('a new user registers with a profile and gets the plain registered role', async () => {
    const res = await app.http().post('/api/auth/local/register').send({ username: 'new-reader', email: 'new-reader@example.net', password: 'Long-enough-1', displayName: 'New Reader', organisation: 'A network', stakeholderCategory: 'academia', country: 'FR' });
    expect(res.status).toBe(200);
    const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: 'new-reader@example.net' }, populate: ['role'] });
    expect(user).toMatchObject({ displayName: 'New Reader', organisation: 'A network', stakeholderCategory: 'academia', country: 'FR' });
    expect(user.role.type).toBe('authenticated');
  });
});
