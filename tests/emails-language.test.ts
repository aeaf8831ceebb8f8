/**
 * Authors hear from the moderators in the language of their submission, moderators in their admin
 * language: the e-mail catalogue and the rejection templates on their own, then e-mails read back
 * from a real SMTP server.
 */
import moderationConfig, { DEFAULT_REJECTION_REASONS, rejectionReasonsOf, type ModerationConfig } from '../src/plugins/moderation/server/src/config';
import { EMAILS, formatEmail, type EmailKey, type EmailValues } from '../src/plugins/moderation/server/src/messages/emails';
import { labelLanguage, REGION_LABELS } from '../src/reference/gcm-labels';
import { UN_LANGUAGES, type LanguageCode } from '../src/reference/gcm';
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { demoQuestions, validSubmission } from './helpers/fixtures';
import { startMailbox, waitForMail, type Mail } from './helpers/mailbox';
import { startApp, type TestApp } from './helpers/strapi';

const LANGUAGES = UN_LANGUAGES.map((l) => l.code);
const SCRIPT: Record<Exclude<LanguageCode, 'en' | 'fr' | 'es'>, RegExp> = { ar: /\p{Script=Arabic}/u, ru: /\p{Script=Cyrillic}/u, zh: /\p{Script=Han}/u };
/** French typography puts a no-break space before ':' and inside « »; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the catalogue', () => {
  const SAMPLE = { title: 'TITLE-1', reason: 'REASON-2', region: 'REGION-3', regionName: 'REGION-NAME-4', link: 'https://example.org/LINK-5', titles: '  - TITLES-6', note: 'NOTE-7', message: 'MESSAGE-8', until: 'UNTIL-9', count: 3 };
  const valuesOf = (key: EmailKey) => SAMPLE as unknown as EmailValues[typeof key];
  const keys = Object.keys(EMAILS) as EmailKey[];

  test.each(LANGUAGES.flatMap((language) => keys.map((key) => [language, key] as const)))('%s %s: every value in its place, nothing left unformatted', (language, key) => {
    const out = formatEmail(language, key, valuesOf(key));
    // The values this message takes are those of its English original, and all appear.
    const expected = Object.entries(SAMPLE).filter(([name]) => new RegExp(`\\{${name}[,}]`).test(EMAILS[key].en));
    // Only subjects, and the notice that a restriction was lifted, take nothing.
    expect(expected.length > 0 || key.endsWith('.subject') || key === 'lifted.body').toBe(true);
    for (const [name, value] of expected) expect([name, out.includes(String(value))]).toEqual([name, true]);
    for (const [name, value] of Object.entries(SAMPLE)) {
      if (!expected.some(([n]) => n === name) && name !== 'count') expect([name, out.includes(String(value))]).toEqual([name, false]);
    }
    expect(out).not.toMatch(/[{}#]/);
    if (language !== 'en') expect(out).not.toBe(formatEmail('en', key, valuesOf(key)));
    if (language in SCRIPT) expect(out).toMatch(SCRIPT[language as keyof typeof SCRIPT]);
  });

  test('the digest counts with the plural rules of each language', () => {
    const subject = (language: LanguageCode, count: number) => formatEmail(language, 'digest.subject', { region: 'UNECE', count });
    expect([1, 2].map((n) => subject('en', n))).toEqual(['[UNECE] 1 new submission waiting', '[UNECE] 2 new submissions waiting']);
    expect([1, 2].map((n) => subject('fr', n))).toEqual(['[UNECE] 1 nouvelle contribution en attente', '[UNECE] 2 nouvelles contributions en attente']);
    expect([1, 3, 5, 21].map((n) => subject('ru', n))).toEqual([
      '[UNECE] 1 новый материал ожидает модерации',
      '[UNECE] 3 новых материала ожидают модерации',
      '[UNECE] 5 новых материалов ожидают модерации',
      '[UNECE] 21 новый материал ожидает модерации',
    ]);
    expect([1, 2, 3, 11].map((n) => subject('ar', n))).toEqual([
      '[UNECE] مشاركة جديدة واحدة بانتظار المراجعة',
      '[UNECE] مشاركتان جديدتان بانتظار المراجعة',
      '[UNECE] 3 مشاركات جديدة بانتظار المراجعة',
      '[UNECE] 11 مشاركة جديدة بانتظار المراجعة',
    ]);
    expect(subject('zh', 4)).toBe('[UNECE] 4 条新提交内容待审核');
  });

  test('titles and reasons are inserted as written, never read as ICU syntax', () => {
    const reason = "Don't post {this} <b>here</b> #1";
    expect(formatEmail('fr', 'rejected.body', { title: '{title}', reason })).toContain(`Motif\u00a0: ${reason}`);
    expect(formatEmail('fr', 'rejected.body', { title: '{title}', reason })).toContain('«\u00a0{title}\u00a0»');
  });

  test("languages: the submission's, or the admin locale's (zh-Hans is Chinese), English otherwise", () => {
    expect(['fr', 'ar', 'zh', 'de', null, undefined].map(labelLanguage)).toEqual(['fr', 'ar', 'zh', 'en', 'en', 'en']);
    expect(['fr', 'es', 'ar', 'ru', 'zh-Hans', 'zh', 'en', 'pt-BR', 'de', null, undefined, 42].map(labelLanguage)).toEqual(['fr', 'es', 'ar', 'ru', 'zh', 'zh', 'en', 'en', 'en', 'en', 'en', 'en']);
  });
});

describe('rejection templates', () => {
  // Strapi merges the configured values into the defaults before validating.
  const BASE = { ...moderationConfig.default(), sensitiveTerms: {} };
  const validate = (rejectionReasons: unknown) => () => moderationConfig.validator({ ...BASE, rejectionReasons } as ModerationConfig);

  test('built in: the same five reasons in the six languages', () => {
    const reasons = rejectionReasonsOf(undefined);
    expect(Object.keys(reasons).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) {
      expect([language, reasons[language].length]).toEqual([language, 5]);
      if (language !== 'en') expect(reasons[language]).not.toEqual(reasons.en);
      if (language in SCRIPT) for (const reason of reasons[language]) expect(reason).toMatch(SCRIPT[language as keyof typeof SCRIPT]);
    }
    expect(reasons).toEqual(DEFAULT_REJECTION_REASONS);
  });

  test('an older config, one plain list, is the English list and serves every language', () => {
    const list = ['Off topic.', 'Duplicate.'];
    expect(validate(list)).not.toThrow();
    expect(rejectionReasonsOf(list)).toEqual(Object.fromEntries(LANGUAGES.map((l) => [l, list])));
  });

  test("per language: a language without its own list takes the configured English one, else its built-in one", () => {
    expect(validate({ fr: ['Hors sujet.'] })).not.toThrow();
    expect(rejectionReasonsOf({ fr: ['Hors sujet.'] })).toEqual({ ...DEFAULT_REJECTION_REASONS, fr: ['Hors sujet.'] });
    const mixed = rejectionReasonsOf({ en: ['Off topic.'], fr: ['Hors sujet.'] });
    expect([mixed.en, mixed.fr, mixed.es, mixed.ar]).toEqual([['Off topic.'], ['Hors sujet.'], ['Off topic.'], ['Off topic.']]);
  });

  test.each([
    ['a string', 'Off topic.', /rejectionReasons must be lists of sentences per language/],
    ['null', null, /rejectionReasons must be lists of sentences per language/],
    ['an empty sentence', ['Off topic.', ' '], /rejectionReasons must be a list of different sentences/],
    ['a number in a list', { fr: ['Hors sujet.', 3] }, /rejectionReasons\.fr must be a list of different sentences/],
    ['a sentence longer than a reason may be', { en: ['x'.repeat(2001)] }, /rejectionReasons\.en must be a list of different sentences \(non-empty, at most 2000 characters\)/],
    ['the same sentence twice', { ru: ['Не по теме.', 'Не по теме.'] }, /rejectionReasons\.ru must be a list of different sentences/],
    ['a language code that is not a UN language', { de: ['Nicht zum Thema.'] }, /rejectionReasons\.de: not a UN language/],
    ['a sentence instead of a list', { es: 'Fuera de tema.' }, /rejectionReasons\.es must be a list of different sentences/],
  ])('refuses %s, saying what is wrong', (_label, value, message) => {
    expect(validate(value)).toThrow(message);
  });
});

describe('e-mails through a real SMTP server', () => {
  const UNECE = 'moderator.unece@example.org';
  let app: TestApp;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let questions: string[];
  let stakeholder: string;
  let moderator: string;

  beforeAll(async () => {
    mailbox = await startMailbox();
    app = await startApp({ ...mailbox.env, SUBMISSION_RATE_LIMIT: '1000' });
    questions = await demoQuestions(app);
    stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
    moderator = await adminLogin(app, UNECE);
  });

  afterAll(async () => {
    await app?.stop();
    await mailbox?.stop();
  });

  async function post(extra: Record<string, unknown>): Promise<string> {
    const res = await app.http().post('/api/submissions').set('Authorization', `Bearer ${stakeholder}`).send({ data: validSubmission(questions[0], extra) });
    expect([res.status, res.body.error ?? null]).toEqual([201, null]);
    return res.body.data.documentId;
  }

  async function moderate(documentId: string, action: 'approve' | 'reject' | 'replies', body: Record<string, unknown> = {}): Promise<void> {
    const res = await app.http().post(`/moderation/submissions/${documentId}/${action}`).set('Authorization', `Bearer ${moderator}`).send(body);
    expect([res.status, res.body.error ?? null]).toEqual([action === 'replies' ? 201 : 200, null]);
  }

  const toAuthor = (title: string) => (m: Mail) => m.to.includes(HUB_ACCOUNTS.stakeholder) && m.text.includes(title);
  const toModerator = (title: string) => (m: Mail) => m.to.includes(UNECE) && m.subject.includes(title);
  /** As a moderator chooses the interface language in their admin profile. */
  async function setModeratorLanguage(preferedLanguage: string | null): Promise<void> {
    const res = await app.http().put('/admin/users/me').set('Authorization', `Bearer ${moderator}`).send({ preferedLanguage });
    expect([res.status, res.body.data?.preferedLanguage]).toEqual([200, preferedLanguage]);
  }

  test('a submission in French is rejected in French, the reason quoted as the moderator wrote it', async () => {
    const title = 'Partenariats locaux pour l’inclusion';
    const reason = 'Cette contribution reprend presque mot pour mot une contribution déjà publiée.';
    await moderate(await post({ language: 'fr', title, body: 'Les municipalités et les organisations de migrants devraient planifier les services ensemble.' }), 'reject', { reason });
    const mail = await waitForMail(mailbox.messages, toAuthor(title));
    expect(mail.subject).toBe('Votre contribution n’a pas été retenue');
    const text = plain(mail.text);
    expect(text).toContain(`Nous avons le regret de vous informer que votre contribution « ${title} » n’a pas été retenue`);
    expect(text).toContain(`Motif : ${reason}\n`);
    expect(text).not.toMatch(/submission|Reason|Dear/);
  });

  test('a submission in Arabic is rejected in Arabic, in Arabic script throughout', async () => {
    const title = 'شراكات محلية من أجل الإدماج';
    const reason = 'لا تتناول هذه المشاركة السؤال التوجيهي المطروح.';
    await moderate(await post({ language: 'ar', title, body: 'ينبغي للبلديات ومنظمات المهاجرين أن تخطط للخدمات معاً من أجل إدماج أفضل.' }), 'reject', { reason });
    const mail = await waitForMail(mailbox.messages, toAuthor(title));
    expect(mail.subject).toBe('لم تتم الموافقة على مشاركتكم');
    expect(mail.subject).toMatch(/^[\p{Script=Arabic}\s]+$/u);
    expect(mail.text).toContain(`نأسف لإبلاغكم بأن فريق الإشراف لم يوافق على مشاركتكم «${title}»`);
    expect(mail.text).toContain(`السبب: ${reason}\n`);
    expect(mail.text).toMatch(/\p{Script=Arabic}/u);
    expect(mail.text).not.toMatch(/\p{Script=Latin}/u);
  });

  test('a reply to a submission in Russian is announced in Russian', async () => {
    const title = 'Местные партнёрства для интеграции';
    const id = await post({ language: 'ru', title, body: 'Муниципалитетам и организациям мигрантов следует планировать услуги совместно.' });
    await moderate(id, 'replies', { body: 'Thank you.' });
    const mail = await waitForMail(mailbox.messages, toAuthor(title));
    expect(mail.subject).toBe('Модератор ответил на Ваш материал');
    expect(mail.text).toContain(`Модератор ответил на Ваш материал «${title}».`);
  });

  test('a moderator whose admin language is French hears of a new submission in French', async () => {
    await setModeratorLanguage('fr');
    const title = 'Moderator language check';
    const id = await post({ title });
    const mail = await waitForMail(mailbox.messages, toModerator(title));
    expect(mail.to).toEqual([UNECE]);
    expect(plain(mail.subject)).toBe(`[UNECE] Nouvelle contribution en attente : ${title}`);
    const text = plain(mail.text);
    // The region's name too is in French.
    expect(text).toContain(`Une nouvelle contribution est en attente de modération dans l’espace de discussion « ${REGION_LABELS.fr.UNECE.name} » :\n\n  ${title}\n`);
    expect(text).toMatch(new RegExp(`\\nPour l’ouvrir : \\S+/admin/plugins/moderation/submissions/${id}\\n`));
  });

  test("the approval of an English submission stays English, whatever the moderator's language", async () => {
    const title = 'English approval check';
    await moderate(await post({ title }), 'approve');
    const mail = await waitForMail(mailbox.messages, toAuthor(title));
    expect(mail.subject).toBe('Your submission is published');
    expect(mail.text).toContain(`Your submission "${title}" has been approved by a moderator and is now published in the discussion space.`);
  });

  test("'zh-Hans' reads as Chinese, and the daily digest counts in the moderator's language", async () => {
    await setModeratorLanguage('zh-Hans');
    const title = 'Digest language check';
    await post({ title });
    expect((await waitForMail(mailbox.messages, toModerator(title))).subject).toBe(`[UNECE] 新提交内容待审核：${title}`);

    await setModeratorLanguage('ru');
    expect(await app.strapi.plugin('moderation').service('notifications').sendDigest(new Date())).toBe(1);
    const digest = await waitForMail(mailbox.messages, (m) => m.to.includes(UNECE) && m.text.includes(title) && m.text.includes('Очередь модерации'));
    const listed = digest.text.split('\n').filter((line) => /^\s*- /.test(line)).length;
    expect(listed).toBeGreaterThan(0);
    const forms: Partial<Record<Intl.LDMLPluralRule, string>> = { one: 'новый материал ожидает модерации', few: 'новых материала ожидают модерации', many: 'новых материалов ожидают модерации' };
    expect(digest.subject).toBe(`[UNECE] ${listed} ${forms[new Intl.PluralRules('ru').select(listed)]}`);
  });
});
