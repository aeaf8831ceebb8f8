/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The moderators' workspace in a real browser (Debian's Chromium, driven by playwright-core)
 * against the built admin panel, checked through the content API as the Hub reads it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_ADMIN_PASSWORD, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { demoQuestions, validSubmission } from './helpers/fixtures';
import { appDir, startApp, type TestApp } from './helpers/strapi';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.join(appDir, 'docs/screenshots') : path.join(appDir, '.tmp/screenshots');

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({}, { serveAdminPanel: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** What went wrong on a page, kept to explain a wait that times out: answers of 400 and more, errors. */
const trouble = new WeakMap<Page, string[]>();

async function signIn(email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30000);
  const seen: string[] = [];
  trouble.set(page, seen);
  page.on('response', (response) => response.status() >= 400 && seen.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`));
  page.on('console', (message) => message.type() === 'error' && seen.push(`console: ${message.text().slice(0, 200)}`));
  page.on('pageerror', (error) => seen.push(`page error: ${error.message.slice(0, 200)}`));
  await page.goto(`${app.url}/admin/auth/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'));
  return page;
}

/** Waits for what should show; if it does not, says where the page is, what it shows and what failed on it. */
async function shows(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  try {
    await locator.waitFor();
  } catch (error) {
    const text = await page.locator('body').innerText().catch(() => '');
    throw new Error(`${(error as Error).message}\nat ${page.url()}\nfailed on the page: ${(trouble.get(page) ?? []).join('; ') || 'nothing'}\nit shows: ${text.slice(0, 600)}`);
  }
}

async function openQueue(page: Page) {
  await page.getByRole('link', { name: 'Moderation' }).click();
  await page.getByRole('heading', { name: 'Moderation', level: 1 }).waitFor();
}

const documentIdOf = async (title: string) =>
  (await app.strapi.db.query('api::submission.submission').findOne({ where: { title, publishedAt: null } })).documentId as string;

const hub = async (email: string, url: string) => app.http().get(url).set('Authorization', `Bearer ${await hubLogin(app, email)}`);

test('the UNECE moderator approves, rejects with a reason, and replies; the Hub reads the results', async () => {
  const page = await signIn('moderator.unece@example.org');
  await openQueue(page);
  await page.getByText('Access to health care for undocumented workers').waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'queue.png') });

  // Approve the pending demo submission.
  const approvedId = await documentIdOf('Access to health care for undocumented workers');
  expect((await hub(HUB_ACCOUNTS['member-state'], `/api/submissions/${approvedId}`)).status).toBe(404);
  await page.getByText('Access to health care for undocumented workers').click();
  await page.getByTestId('submission-body').waitFor();
  // Approving publishes at once, so it asks first; the confirming button has the focus, Enter confirms.
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('dialog', { name: 'Approve and publish this submission?' }).waitFor();
  expect((await hub(HUB_ACCOUNTS['member-state'], `/api/submissions/${approvedId}`)).status).toBe(404);
  await page.keyboard.press('Enter');
  await page.getByText('Approved: the submission is published.').waitFor();
  const read = await hub(HUB_ACCOUNTS['member-state'], `/api/submissions/${approvedId}`);
  expect(read.status).toBe(200);
  expect(read.body.data.title).toBe('Access to health care for undocumented workers');

  // Approving moved on to the next pending one: reject it with an edited template.
  const rejectedTitle = 'Research report: recruitment fees in seasonal agriculture';
  await page.getByRole('heading', { name: rejectedTitle }).waitFor();
  await page.getByRole('button', { name: 'Reject' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Start from a template' }).click();
  await page.getByRole('option', { name: /repeats an earlier submission/ }).click();
  await dialog.getByLabel('Reason').fill('This repeats an earlier submission. Please add your new figures to it instead.');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await page.getByText('Rejected: the author sees your reason.').waitFor();
  const rejectedId = await documentIdOf(rejectedTitle);
  const own = await hub(HUB_ACCOUNTS.stakeholder, `/api/submissions/mine/${rejectedId}`);
  expect(own.body.data).toMatchObject({ moderationState: 'rejected', decisionReason: 'This repeats an earlier submission. Please add your new figures to it instead.' });

  // Reply under the approved submission.
  await page.goto(`${app.url}/admin/plugins/moderation/submissions/${approvedId}`);
  await page.getByLabel('Reply as moderator').fill('Thank you. Which services does this concern?');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await page.getByText('Reply saved.').waitFor();
  const replies = await hub(HUB_ACCOUNTS['member-state'], `/api/submissions/${approvedId}?populate=moderatorReplies`);
  expect(replies.body.data.moderatorReplies.map((r: { body: string; moderatorName: string }) => [r.body, r.moderatorName])).toEqual([
    ['Thank you. Which services does this concern?', 'Ulla Moderator (UNECE)'],
  ]);

  // A flagged submission, with what screening found marked in its text.
  await page.goto(`${app.url}/admin/plugins/moderation/submissions/${await documentIdOf('Reception conditions at the eastern border')}`);
  await page.getByText('Screening found').waitFor();
  expect(await page.getByTestId('submission-body').locator('mark').allTextContents()).toEqual(['invasion', '+43 1 5344 4000']);
  await page.screenshot({ path: path.join(SHOTS, 'detail.png') });
  await page.close();
});

test("the UNECE moderator downloads a pending submission's attachment through /api/files with their session", async () => {
  const [question] = (await app.strapi.documents('api::guiding-question.guiding-question').findMany({ filters: { phase: { isDemo: true } }, status: 'published', sort: 'position' })) as { documentId: string }[];
  const body = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const posted = await app
    .http()
    .post('/api/submissions')
    .set('Authorization', `Bearer ${await hubLogin(app, HUB_ACCOUNTS.stakeholder)}`)
    .field('data', JSON.stringify({ kind: 'data', title: 'Figures for the moderator', body: 'See the attachment.', guidingQuestion: question.documentId, language: 'en' }))
    .attach('files', body, 'figures.pdf');
  expect(posted.status).toBe(201);
  const page = await signIn('moderator.unece@example.org');
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${app.url}/admin/plugins/moderation/submissions/${posted.body.data.documentId}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('figures.pdf');
  expect(fs.readFileSync((await download.path())!).equals(body)).toBe(true);
  expect(requested).toContain(posted.body.data.attachments[0].url);
  // The same address, without the session: nothing.
  expect((await app.http().get(posted.body.data.attachments[0].url)).status).toBe(404);
  await page.close();
});

test("the ESCAP moderator sees none of UNECE's submissions, and the API refuses them", async () => {
  const page = await signIn('moderator.escap@example.org');
  await openQueue(page);
  await page.getByText('Nothing is waiting').waitFor();
  for (const tab of ['Approved', 'Rejected', 'Withdrawn']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await page.getByText(new RegExp(`No ${tab.toLowerCase()} submissions`)).waitFor();
  }
  expect(await page.getByTestId('queue-row').count()).toBe(0);

  const unece = (await app.strapi.db.query('api::submission.submission').findOne({ where: { publishedAt: null, region: { code: 'UNECE' } } })).documentId;
  await page.goto(`${app.url}/admin/plugins/moderation/submissions/${unece}`);
  await page.getByText('You moderate ESCAP; this submission belongs to UNECE.').waitFor();
  const status = await page.evaluate(async (id) => {
    const storage = globalThis as unknown as Record<'localStorage' | 'sessionStorage', { getItem: (key: string) => string | null }>;
    const token = JSON.parse(storage.localStorage.getItem('jwtToken') ?? storage.sessionStorage.getItem('jwtToken') ?? '""');
    const res = await fetch(`/moderation/submissions/${id}/approve`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    return res.status;
  }, unece);
  expect([401, 403]).toContain(status);
  await page.close();
});

test('the secretariat reads the dashboard of the demo phase and generates its summary', async () => {
  const page = await signIn('secretariat@example.org');
  await openQueue(page);
  await page.getByRole('button', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  const phase = await app.strapi.db.query('api::phase.phase').findOne({ where: { isDemo: true } });
  await page.getByRole('combobox', { name: 'Phase' }).click();
  await page.getByRole('option', { name: /DEMO: UNECE practice space/ }).click();
  await page.getByText('Submissions per day').waitFor();

  // The figures shown are the database's.
  const count = (moderationState: string) => app.strapi.db.query('api::submission.submission').count({ where: { publishedAt: null, moderationState, phase: { id: phase.id } } });
  expect(await page.getByTestId('figure-pending').textContent()).toBe(String(await count('pending')));
  expect(await page.getByTestId('figure-approved').textContent()).toBe(String(await count('approved')));
  await page.getByText('Not heard from yet').waitFor();
  expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });

  const before = await app.strapi.db.query('api::summary.summary').count({ where: { phase: { id: phase.id } } });
  await page.getByRole('button', { name: 'Generate the summary' }).click();
  await page.getByText(/Draft summary generated/).waitFor();
  const summaries = await app.strapi.db.query('api::summary.summary').findMany({ where: { phase: { id: phase.id }, publishedAt: null } });
  expect(summaries).toHaveLength(before + 1);
  expect(summaries[summaries.length - 1].body).toContain('City-level partnerships for the inclusion of newcomers');
  await page.close();
});

test("the secretariat erases a stakeholder on request; moderators do not see the page's entry", async () => {
  const role = (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'stakeholder' } })) as { id: number };
  await app.strapi.plugin('users-permissions').service('user').add({ username: 'asks-erasure', email: 'asks.erasure@example.org', password: 'Asks-Erasure-1', provider: 'local', confirmed: true, role: role.id, displayName: 'Asks Erasure' });

  const moderator = await signIn('moderator.unece@example.org');
  await openQueue(moderator);
  await moderator.getByRole('button', { name: 'Dashboard' }).waitFor();
  expect(await moderator.getByRole('button', { name: 'Personal data requests' }).count()).toBe(0);
  // By its address, the page says they may not, instead of failing.
  await moderator.goto(`${app.url}/admin/plugins/moderation/people`);
  await moderator.getByText(/permissions/i).first().waitFor();
  expect(await moderator.getByLabel('E-mail address of the Hub account').count()).toBe(0);
  await moderator.close();

  const page = await signIn('secretariat@example.org');
  await openQueue(page);
  await page.getByRole('button', { name: 'Personal data requests' }).click();
  await page.getByRole('heading', { name: 'Personal data requests', level: 1 }).waitFor();
  await page.getByLabel('E-mail address of the Hub account').fill('asks.erasure');
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByText('asks.erasure@example.org').waitFor();
  await page.getByRole('button', { name: 'Erase…' }).click();
  const erase = page.getByRole('dialog').getByRole('button', { name: 'Erase' });
  expect(await erase.isDisabled()).toBe(true);
  await page.getByLabel('Type the e-mail address to confirm').fill('asks.erasure@example.org');
  await erase.click();
  await page.getByText(/Account erased/).waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'people.png') });
  expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { email: 'asks.erasure@example.org' } })).toBe(0);
  await page.close();
});

test('the queue filters by phase and guiding question; ? lists the shortcuts; a asks before approving', async () => {
  const page = await signIn('moderator.unece@example.org');
  await openQueue(page);
  await page.getByTestId('queue-row').first().waitFor();
  const phase = await app.strapi.db.query('api::phase.phase').findOne({ where: { isDemo: true }, populate: { guidingQuestions: { where: { locale: 'en', position: 2 } } } });
  await page.getByRole('combobox', { name: 'Phase' }).click();
  await page.getByRole('option', { name: /DEMO: UNECE practice space/ }).click();
  await page.getByRole('combobox', { name: 'Guiding question' }).click();
  await page.getByRole('option', { name: /^Q2 / }).click();
  await page.waitForURL((url) => url.searchParams.get('guidingQuestion') === phase.guidingQuestions[0].documentId);
  const expected = await app.strapi.db.query('api::submission.submission').count({ where: { publishedAt: null, moderationState: 'pending', guidingQuestion: { documentId: phase.guidingQuestions[0].documentId } } });
  expect(expected).toBeGreaterThan(0);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="queue-row"]').length === n, expected);
  for (const cell of await page.getByTestId('queue-row').locator('td:nth-child(5)').allTextContents()) expect(cell).toMatch(/^Q2 /);

  await page.locator('h1').click();
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await page.keyboard.press('Escape');

  await page.getByTestId('queue-row').first().focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('submission-body').waitFor();
  await page.locator('h1').click();
  await page.keyboard.press('a');
  const confirm = page.getByRole('dialog', { name: 'Approve and publish this submission?' });
  await confirm.waitFor();
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });
  expect(await app.strapi.db.query('api::submission.submission').count({ where: { publishedAt: null, moderationState: 'pending', guidingQuestion: { documentId: phase.guidingQuestions[0].documentId } } })).toBe(expected);
  await page.close();
});

test("two moderators on one submission: each sees the other, and one's decision shows on the other's page at once", async () => {
  const [question] = await demoQuestions(app);
  const title = 'Two moderators on one submission';
  const posted = await app
    .http()
    .post('/api/submissions')
    .set('Authorization', `Bearer ${await hubLogin(app, HUB_ACCOUNTS.stakeholder)}`)
    .send({ data: validSubmission(question, { title }) });
  expect(posted.status).toBe(201);
  const id = posted.body.data.documentId as string;

  const ulla = await signIn('moderator.unece@example.org');
  await ulla.goto(`${app.url}/admin/plugins/moderation/submissions/${id}`);
  await ulla.getByTestId('submission-body').waitFor();

  const secretariat = await signIn('secretariat@example.org');
  await secretariat.goto(`${app.url}/admin/plugins/moderation`);
  await secretariat.getByTestId('queue-row').filter({ hasText: title }).getByTestId('queue-row-others').filter({ hasText: 'Ulla Moderator' }).waitFor();
  await secretariat.goto(`${app.url}/admin/plugins/moderation/submissions/${id}`);
  await secretariat.getByTestId('others-on-it').filter({ hasText: 'Ulla Moderator' }).waitFor();
  // And the other way round, at Ulla's next beat.
  await ulla.getByTestId('others-on-it').waitFor();

  await secretariat.getByRole('button', { name: 'Approve', exact: true }).click();
  await secretariat.getByRole('dialog', { name: 'Approve and publish this submission?' }).waitFor();
  await secretariat.keyboard.press('Enter');
  await secretariat.getByText('Approved: the submission is published.').waitFor();
  // Ulla clicks nothing: her page learns it and stops offering a decision.
  await ulla.getByTestId('decided-elsewhere').waitFor();
  await ulla.getByRole('button', { name: 'Retract' }).waitFor();
  expect(await ulla.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
  await ulla.screenshot({ path: path.join(SHOTS, 'decided-elsewhere.png') });
  await Promise.all([ulla.close(), secretariat.close()]);
});

test('a moderator returns a post for edits, sees the version it replaced, reads its author beside it, suspends them and lifts it', async () => {
  const [question] = await demoQuestions(app);
  const jwt = await hubLogin(app, HUB_ACCOUNTS['un-system']);
  const posted = await app.http().post('/api/submissions').set('Authorization', `Bearer ${jwt}`).send({ data: validSubmission(question, { title: 'Names of two families we met', body: 'The Petrov family and the Haddad family told us about the delays.' }) });
  const id = posted.body.data.documentId as string;
  const page = await signIn('moderator.unece@example.org');
  // The menu entry counts what waits in one's regions.
  const waiting = await app.strapi.db.query('api::submission.submission').count({ where: { publishedAt: null, moderationState: 'pending', region: { code: 'UNECE' } } });
  await page.getByTestId('pending-count').filter({ hasText: String(waiting) }).waitFor();

  await page.goto(`${app.url}/admin/plugins/moderation/submissions/${id}`);
  await page.getByTestId('submission-body').waitFor();
  await page.getByRole('button', { name: 'Return for edits' }).click();
  const dialog = page.getByRole('dialog', { name: 'Return this submission to its author' });
  await dialog.getByLabel('What should the author change?').fill('Please leave out the families’ names.');
  await dialog.getByRole('button', { name: 'Return for edits' }).click();
  await page.getByText('Returned to its author for edits.').waitFor();
  expect((await app.http().get(`/api/submissions/mine/${id}`).set('Authorization', `Bearer ${jwt}`)).body.data).toMatchObject({ moderationState: 'returned', decisionReason: 'Please leave out the families’ names.' });

  // The author sends it back; the moderator finds it pending, with the version it replaced.
  await app.http().put(`/api/submissions/${id}`).set('Authorization', `Bearer ${jwt}`).send({ data: validSubmission(question, { title: 'Two families we met', body: 'Two families told us about the delays.' }) }).expect(200);
  await page.goto(`${app.url}/admin/plugins/moderation/submissions/${id}`);
  await page.getByRole('heading', { name: 'Two families we met' }).waitFor();
  await page.getByTestId('earlier-version').getByText('Version 1, as it was before').click();
  await page.getByTestId('earlier-version').getByText('The Petrov family and the Haddad family told us about the delays.').waitFor();

  // The author beside it: suspend, then lift.
  const author = page.getByTestId('author-panel');
  await author.getByText('Earlier submissions').waitFor();
  await author.getByRole('button', { name: 'Suspend' }).click();
  const suspend = page.getByRole('dialog', { name: "Suspend this author's posting" });
  await suspend.getByLabel('Reason, which the author is told').fill('Repeated personal data about third parties.');
  await suspend.getByRole('button', { name: 'Suspend' }).click();
  await page.getByTestId('sanction-in-force').waitFor();
  expect((await app.http().post('/api/submissions').set('Authorization', `Bearer ${jwt}`).send({ data: validSubmission(question) })).status).toBe(403);
  // Tall enough to show the submission and its author side by side, below the sticky header.
  await page.setViewportSize({ width: 1280, height: 1800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'author.png') });
  await author.getByRole('button', { name: 'Lift' }).click();
  await page.getByRole('dialog', { name: 'Lift this restriction' }).getByRole('button', { name: 'Lift' }).click();
  await page.getByTestId('sanction-in-force').waitFor({ state: 'detached' });
  expect((await app.http().post('/api/submissions').set('Authorization', `Bearer ${jwt}`).send({ data: validSubmission(question) })).status).toBe(201);
  await page.close();
});

test("a moderator looks inside attachments: a PDF's pages drawn by the server, a Word file's text", async () => {
  const page = await signIn('moderator.unece@example.org');
  await page.goto(`${app.url}/admin/plugins/moderation/submissions/${await documentIdOf('Access to health care for undocumented workers')}`);
  await page.getByRole('button', { name: /look inside/ }).click();
  const image = page.getByTestId('attachment-page');
  await image.waitFor();
  await page.waitForFunction(() => (document.querySelector('[data-testid="attachment-page"]') as HTMLImageElement | null)?.naturalWidth ?? 0 > 0);
  expect(await image.getAttribute('src')).toMatch(/^blob:/);
  await page.screenshot({ path: path.join(SHOTS, 'preview.png') });
  await page.getByRole('button', { name: 'Show its text' }).click();
  await page.getByTestId('attachment-text').waitFor();
  await page.keyboard.press('Escape');

  await page.goto(`${app.url}/admin/plugins/moderation/submissions/${await documentIdOf('Data on regular pathways in the region, 2019 to 2023')}`);
  await page.getByRole('button', { name: /look inside/ }).click();
  expect((await page.getByTestId('attachment-text').textContent())!.length).toBeGreaterThan(50);
  await page.close();
});

test('the secretariat drafts a question, shares it, and posts it; the Hub then shows it', async () => {
  const page = await signIn('secretariat@example.org');
  await page.goto(`${app.url}/admin/plugins/moderation/questions`);
  const form = page.getByTestId('question-draft-form');
  await form.getByRole('combobox', { name: 'Phase' }).click();
  await page.getByRole('option', { name: /DEMO: UNECE practice space/ }).click();
  const text = 'Which commitments on regular pathways should the Review follow up?';
  await form.getByLabel('Question, in English').fill(text);
  await form.getByRole('button', { name: 'Save the draft' }).click();
  await page.getByText('Draft saved.').waitFor();
  const card = page.getByTestId('shared-question').filter({ hasText: text });
  await card.waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'draft-questions.png'), fullPage: true });
  await card.getByRole('button', { name: 'Post it' }).click();
  await page.getByRole('dialog', { name: 'Post this question in its space' }).getByRole('button', { name: 'Post it' }).click();
  await page.getByText('Posted in its space.').waitFor();
  const read = await hub(HUB_ACCOUNTS['member-state'], '/api/guiding-questions?filters[phase][isDemo]=true&pagination[pageSize]=100');
  expect(read.body.data.map((q: { text: string }) => q.text)).toContain(text);
  await page.close();
});

describe('the workspace in Arabic and in French', () => {
  const TRANSLATIONS = path.join(appDir, 'src/plugins/moderation/admin/src/translations');
  const messages = (locale: string) => JSON.parse(fs.readFileSync(path.join(TRANSLATIONS, `${locale}.json`), 'utf8')) as Record<string, string>;
  const AXE = require.resolve('axe-core/axe.min.js');
  const documents: Record<'ar' | 'en', string> = { ar: '', en: '' };

  type Literal = { type: number; value?: string; options?: Record<string, { value: Literal[] }> };
  /** The fixed words of a message, in every branch of its plurals and selects. */
  const literals = (message: string): string[] => {
    const out: string[] = [];
    const walkAst = (elements: Literal[]) => {
      for (const e of elements) {
        if (e.type === 0 && e.value?.trim()) out.push(e.value.trim());
        for (const option of Object.values(e.options ?? {})) walkAst(option.value);
      }
    };
    walkAst(new IntlMessageFormat(message, 'en').getAst() as unknown as Literal[]);
    return out;
  };

  /**
   * The English a page must not show in `locale`: every message whose translation differs, as a
   * whole label (a button "Approve") or as a phrase of two words or more inside a longer text.
   */
  function english(locale: string) {
    const en = messages('en');
    const translated = messages(locale);
    const untranslated = Object.keys(en).filter((key) => translated[key] !== en[key]);
    const pieces = untranslated.flatMap((key) => literals(en[key])).filter((piece) => /[A-Za-z]{2,}/.test(piece));
    return { labels: new Set(pieces.map((p) => p.replace(/[.…:]+$/, ''))), phrases: pieces.filter((p) => (p.match(/[A-Za-z]{3,}/g) ?? []).length >= 2) };
  }

  /** Buttons, tabs, headings, labels, column heads and accessible names the workspace itself renders (not what people wrote). */
  const interfaceTexts = (page: Page) =>
    page.evaluate(() => {
      const roots = [...document.querySelectorAll('[data-workspace-root], [role="dialog"]')];
      const texts: string[] = [];
      const names: string[] = [];
      for (const root of roots) {
        for (const element of root.querySelectorAll('button, [role="tab"], h1, h2, h3, label, th, [role="columnheader"]')) {
          // What people wrote carries its own lang (a title, a translation) or sits in <bdi> (a name).
          if (element.closest('[lang]') !== root && element.closest('[lang]') !== element.closest('[data-workspace-root], [role="dialog"]')) continue;
          const copy = element.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('[lang], bdi').forEach((userText: Element) => userText.remove());
          texts.push(copy.textContent ?? '');
        }
        // Accessible names may quote what people wrote (“Select <title>”): checked for English phrases only.
        for (const element of root.querySelectorAll('[aria-label], [placeholder]')) names.push(element.getAttribute('aria-label') ?? '', element.getAttribute('placeholder') ?? '');
      }
      const clean = (list: string[]) => list.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
      return { texts: clean(texts), names: clean(names) };
    });

  /** `atLeast`: how many texts the page shows at the least, so that a selector finding nothing cannot pass. */
  async function expectNoEnglish(page: Page, locale: string, atLeast = 6) {
    const { labels, phrases } = english(locale);
    const { texts, names } = await interfaceTexts(page);
    expect(texts.length).toBeGreaterThanOrEqual(atLeast);
    const left = [...texts, ...names].filter((text) => labels.has(text.replace(/[.…:]+$/, '')) || phrases.some((phrase) => text.includes(phrase)));
    expect(left).toEqual([]);
    if (locale === 'ar') {
      // Arabic leaves room for no Latin word at all but codes: regions, file formats, the GCM.
      const latin = texts.flatMap((text) => text.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => !/^(UNECE|ESCAP|ESCWA|ECLAC|ECA|CSV|XLSX|JSON|GCM|DEMO)$/.test(word));
      expect(latin).toEqual([]);
    }
  }

  /** axe-core in the page: no serious or critical violation in the workspace (Strapi's own frame is not ours). */
  async function expectAccessible(page: Page) {
    // The page at rest: a button still under the pointer after a click shows Strapi's hover colour.
    await page.mouse.move(0, 0);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      type Node = { target: string[]; html: string; failureSummary?: string };
      const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; nodes: Node[] }[] }> } }).axe;
      const result = await axe.run({ include: [['[data-workspace-root]']] }, { resultTypes: ['violations'] });
      // The element and axe's reason, so that a failure says what to fix.
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html.slice(0, 160)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`));
    });
    expect(violations).toEqual([]);
  }

  async function signInAs(email: string, locale: string) {
    await app.strapi.db.query('admin::user').update({ where: { email }, data: { preferedLanguage: locale } });
    const page = await signIn(email);
    await page.locator('[data-workspace-root]').or(page.getByRole('navigation')).first().waitFor();
    return page;
  }

  const root = (page: Page) => page.locator('[data-workspace-root]');

  beforeAll(async () => {
    const [question] = await demoQuestions(app);
    const post = async (data: Record<string, unknown>) =>
      app
        .http()
        .post('/api/submissions')
        .set('Authorization', `Bearer ${await hubLogin(app, HUB_ACCOUNTS.stakeholder)}`)
        .send({ data: validSubmission(question, data) });
    const arabic = await post({ title: 'الحصول على الرعاية الصحية للعمال المهاجرين', body: 'تواجه العاملات المهاجرات في القطاع الزراعي صعوبات في الحصول على الرعاية الصحية الأساسية.', language: 'ar' });
    const english = await post({ title: 'Language support in reception centres', body: 'Interpreters are rarely available in the first weeks after arrival.', language: 'en' });
    expect([arabic.status, english.status]).toEqual([201, 201]);
    documents.ar = arabic.body.data.documentId;
    documents.en = english.body.data.documentId;
  });

  afterAll(async () => {
    await app.strapi.db.query('admin::user').updateMany({ where: {}, data: { preferedLanguage: null } });
  });

  test('in Arabic: right to left, no English in the interface, no serious axe-core violation, an English post reads left to right', async () => {
    const page = await signInAs('moderator.unece@example.org', 'ar');
    await page.goto(`${app.url}/admin/plugins/moderation`);
    await page.getByTestId('queue-row').first().waitFor();
    await expect(root(page).getAttribute('dir')).resolves.toBe('rtl');
    await expect(root(page).getAttribute('lang')).resolves.toBe('ar');
    await page.getByRole('heading', { name: messages('ar')['queue.title'], level: 1 }).waitFor();

    // Laid out right to left, measured: the title at the right, its actions at the left; the first column at the right.
    const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    const dashboardButton = (await page.getByRole('button', { name: messages('ar')['nav.dashboard'] }).boundingBox())!;
    expect(title.x).toBeGreaterThan(dashboardButton.x);
    const heads = await root(page).locator('th').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().x));
    expect(heads[0]).toBeGreaterThan(heads[heads.length - 1]);

    // What people wrote keeps its own direction.
    const englishTitle = root(page).getByText('Language support in reception centres');
    await expect(englishTitle.getAttribute('dir')).resolves.toBe('ltr');
    await expect(englishTitle.getAttribute('lang')).resolves.toBe('en');

    await expectNoEnglish(page, 'ar');
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SHOTS, 'queue-ar.png') });

    // The keyboard: j moves the visible focus to the next row, Enter opens it.
    await page.getByTestId('queue-row').first().focus();
    await page.keyboard.press('j');
    const focused = await page.evaluate(() => ({
      row: [...document.querySelectorAll('[data-testid="queue-row"]')].indexOf(document.activeElement!),
      current: document.activeElement?.getAttribute('aria-current'),
      outline: getComputedStyle(document.activeElement!).outlineStyle,
    }));
    expect(focused).toEqual({ row: 1, current: 'true', outline: 'solid' });
    await page.keyboard.press('Enter');
    await page.getByTestId('submission-body').waitFor();

    await page.goto(`${app.url}/admin/plugins/moderation/submissions/${documents.en}`);
    await page.getByTestId('submission-body').waitFor();
    await expect(page.getByTestId('submission-body').getAttribute('dir')).resolves.toBe('ltr');
    await expectNoEnglish(page, 'ar');
    await expectAccessible(page);
    // r opens the rejection dialog, named by its title, with the templates in the author's language.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog', { name: messages('ar')['reject.title'] });
    await dialog.waitFor();
    await expectNoEnglish(page, 'ar');
    await page.keyboard.press('Escape');

    await page.goto(`${app.url}/admin/plugins/moderation/submissions/${documents.ar}`);
    await page.getByTestId('submission-body').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'detail-ar.png') });

    const phase = await app.strapi.db.query('api::phase.phase').findOne({ where: { isDemo: true } });
    await page.goto(`${app.url}/admin/plugins/moderation/dashboard/${phase.documentId}`);
    await page.getByTestId('figure-pending').waitFor();
    await expectNoEnglish(page, 'ar');
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-ar.png'), fullPage: true });

    await page.goto(`${app.url}/admin/plugins/moderation/questions`);
    await page.getByRole('heading', { name: messages('ar')['questions.title'], level: 1 }).waitFor();
    // The demo's shared draft question: a heading, the way back, and the feedback box with its button.
    await page.getByTestId('shared-question').first().waitFor();
    await expectNoEnglish(page, 'ar', 4);
    await expectAccessible(page);
    await page.close();

    const secretariat = await signInAs('secretariat@example.org', 'ar');
    await secretariat.goto(`${app.url}/admin/plugins/moderation/people`);
    await shows(secretariat, secretariat.getByRole('heading', { name: messages('ar')['people.title'], level: 1 }));
    await secretariat.getByLabel(messages('ar')['people.email']).fill('stakeholder@example.org');
    await secretariat.getByRole('button', { name: messages('ar')['people.find'] }).click();
    await secretariat.getByText('stakeholder@example.org').waitFor();
    await expectNoEnglish(secretariat, 'ar');
    await expectAccessible(secretariat);
    await secretariat.close();
  });

  test('in French, chosen in the profile: no English in the interface, an Arabic post reads right to left', async () => {
    await app.strapi.db.query('admin::user').update({ where: { email: 'moderator.unece@example.org' }, data: { preferedLanguage: null } });
    const page = await signIn('moderator.unece@example.org');
    // The moderator picks French in their own profile, as Strapi offers it.
    await page.goto(`${app.url}/admin/me`);
    await page.getByRole('combobox', { name: /Interface language/ }).click();
    await page.getByRole('option', { name: /Français/ }).click();
    // Saved when the server has answered the profile's update, not when some notice shows.
    await Promise.all([page.waitForResponse((response) => new URL(response.url()).pathname === '/admin/users/me' && response.request().method() === 'PUT' && response.ok()), page.getByRole('button', { name: 'Save' }).click()]);
    expect((await app.strapi.db.query('admin::user').findOne({ where: { email: 'moderator.unece@example.org' } })).preferedLanguage).toBe('fr');

    await page.goto(`${app.url}/admin/plugins/moderation`);
    await page.getByTestId('queue-row').first().waitFor();
    await expect(root(page).getAttribute('dir')).resolves.toBe('ltr');
    await expect(root(page).getAttribute('lang')).resolves.toBe('fr');
    const arabicTitle = root(page).getByText('الحصول على الرعاية الصحية للعمال المهاجرين');
    await expect(arabicTitle.getAttribute('dir')).resolves.toBe('rtl');
    await expectNoEnglish(page, 'fr');
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SHOTS, 'queue-fr.png') });

    await page.goto(`${app.url}/admin/plugins/moderation/submissions/${documents.ar}`);
    await page.getByTestId('submission-body').waitFor();
    await expect(page.getByTestId('submission-body').getAttribute('dir')).resolves.toBe('rtl');
    await expectNoEnglish(page, 'fr');
    await page.getByRole('button', { name: messages('fr')['action.reject'] }).first().click();
    // The templates offered are in the author's language, Arabic.
    const dialog = page.getByRole('dialog', { name: messages('fr')['reject.title'] });
    await dialog.getByRole('combobox', { name: messages('fr')['reason.template'] }).click();
    await expect(page.getByRole('option').first().textContent()).resolves.toMatch(/[\u0600-\u06FF]/);
    await page.keyboard.press('Escape');
    await expectNoEnglish(page, 'fr');
    await page.screenshot({ path: path.join(SHOTS, 'detail-fr.png') });

    const phase = await app.strapi.db.query('api::phase.phase').findOne({ where: { isDemo: true } });
    await page.goto(`${app.url}/admin/plugins/moderation/dashboard/${phase.documentId}`);
    await page.getByTestId('figure-pending').waitFor();
    await expectNoEnglish(page, 'fr');
    await page.getByRole('button', { name: messages('fr')['chart.showTable'] }).first().click();
    await expectNoEnglish(page, 'fr');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-fr.png'), fullPage: true });
    await page.close();
  });

  test('in English too, no serious axe-core violation on the queue, a submission, the dashboard, the draft questions and the people page', async () => {
    const page = await signInAs('moderator.unece@example.org', 'en');
    await page.goto(`${app.url}/admin/plugins/moderation`);
    await page.getByTestId('queue-row').first().waitFor();
    await expectAccessible(page);
    await page.goto(`${app.url}/admin/plugins/moderation/submissions/${documents.ar}`);
    await page.getByTestId('submission-body').waitFor();
    await expectAccessible(page);
    const phase = await app.strapi.db.query('api::phase.phase').findOne({ where: { isDemo: true } });
    await page.goto(`${app.url}/admin/plugins/moderation/dashboard/${phase.documentId}`);
    await page.getByTestId('figure-pending').waitFor();
    await expectAccessible(page);
    await page.goto(`${app.url}/admin/plugins/moderation/questions`);
    await page.getByRole('heading', { name: 'Draft guiding questions', level: 1 }).waitFor();
    await expectAccessible(page);
    await page.close();

    const secretariat = await signInAs('secretariat@example.org', 'en');
    await secretariat.goto(`${app.url}/admin/plugins/moderation/people`);
    await secretariat.getByLabel('E-mail address of the Hub account').fill('stakeholder@example.org');
    await secretariat.getByRole('button', { name: 'Find' }).click();
    await secretariat.getByText('stakeholder@example.org').waitFor();
    await expectAccessible(secretariat);
    await secretariat.close();
  });

  test('the secretariat sees an e-mail the mail server kept refusing, with what it said, and sends it again; in Arabic too', async () => {
    const moderator = (await app.strapi.db.query('admin::user').findOne({ where: { email: 'moderator.unece@example.org' } })) as { id: number };
    const now = new Date();
    const failed = async (error: string) =>
      (await app.strapi.db.getConnection('moderation_outbox').insert({ kind: 'submitted', recipient_type: 'moderator', recipient_id: moderator.id, submission_document_id: documents.en, state: 'failed', attempts: 10, last_error: error, next_attempt_at: now, created_at: now }).returning('id'))[0];
    await failed('550 5.1.1 <moderator.unece@example.org>: Recipient address rejected');

    const unece = await signInAs('moderator.unece@example.org', 'en');
    await unece.goto(`${app.url}/admin/plugins/moderation`);
    await unece.getByTestId('queue-row').first().waitFor();
    expect(await unece.getByRole('button', { name: /Outgoing e-mail/ }).count()).toBe(0);
    await unece.close();

    const page = await signInAs('secretariat@example.org', 'en');
    await page.goto(`${app.url}/admin/plugins/moderation`);
    await shows(page, page.getByRole('button', { name: 'Outgoing e-mail: 1 failing' }));
    await page.getByRole('button', { name: 'Outgoing e-mail: 1 failing' }).click();
    await shows(page, page.getByRole('heading', { name: 'Outgoing e-mail', level: 1 }));
    await page.getByText('Recipient address rejected').waitFor();
    await page.getByText('New submission, to a moderator').waitFor();
    await page.getByText('Language support in reception centres').waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SHOTS, 'outbox.png') });
    await page.getByRole('button', { name: 'Send again' }).click();
    await page.getByText('The message will be sent again now.').waitFor();
    await page.getByText(/has gone out or is on its way/).waitFor();
    await page.close();

    await failed('421 4.7.0 Try again later');
    const arabic = await signInAs('secretariat@example.org', 'ar');
    await arabic.goto(`${app.url}/admin/plugins/moderation/outbox`);
    await shows(arabic, arabic.getByRole('heading', { name: messages('ar')['outbox.title'], level: 1 }));
    await arabic.getByText('Try again later').waitFor();
    await expectNoEnglish(arabic, 'ar', 8);
    await expectAccessible(arabic);
    await arabic.close();
  });
});
