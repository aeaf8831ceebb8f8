/**
 * The moderators' workspace in a real browser (Debian's Chromium, driven by playwright-core)
 * against the built admin panel, checked through the content API as the Hub reads it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_ADMIN_PASSWORD, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
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

async function signIn(email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30000);
  await page.goto(`${app.url}/admin/auth/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'));
  return page;
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
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByText('Approved: the submission is published.').waitFor();
  const read = await hub(HUB_ACCOUNTS['member-state'], `/api/submissions/${approvedId}`);
  expect(read.status).toBe(200);
  expect(read.body.data.title).toBe('Access to health care for undocumented workers');

  // Approving moved on to the next pending one: reject it with an edited template.
  const rejectedTitle = 'Research report: recruitment fees in seasonal agriculture';
  await page.getByRole('heading', { name: rejectedTitle }).waitFor();
  await page.getByRole('button', { name: 'Reject' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').click();
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
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /figures\.pdf/ }).click()]);
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
  expect(await page.getByTestId('figure-Pending').textContent()).toBe(String(await count('pending')));
  expect(await page.getByTestId('figure-Approved').textContent()).toBe(String(await count('approved')));
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
