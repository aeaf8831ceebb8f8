/**
 * The moderation team's tools around an author: returning a post for edits (through the content
 * API and back), the author beside their submission, and warnings, suspensions and blocks, all
 * logged and reversible. E-mails are read back from a real SMTP server.
 */
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { demoQuestions, openEscapQuestion, PDF, validSubmission, writtenRows } from './helpers/fixtures';
import { startMailbox, waitForMail } from './helpers/mailbox';
import { startApp, type TestApp } from './helpers/strapi';

let app: TestApp;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let questions: string[];
let escapQuestion: string;
let stakeholderId: number;
const tokens: Record<string, string> = {};
const UNECE = 'moderator.unece@example.org';
const ESCAP = 'moderator.escap@example.org';
const SECRETARIAT = 'secretariat@example.org';

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ ...mailbox.env, SUBMISSION_RATE_LIMIT: '1000' });
  questions = await demoQuestions(app);
  tokens.stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  tokens.unSystem = await hubLogin(app, HUB_ACCOUNTS['un-system']);
  for (const email of [UNECE, ESCAP, SECRETARIAT]) tokens[email] = await adminLogin(app, email);
  stakeholderId = ((await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: HUB_ACCOUNTS.stakeholder } })) as { id: number }).id;
  escapQuestion = await openEscapQuestion(app);
});

afterAll(async () => {
  await app?.stop();
  await mailbox?.stop();
});

const hub = (who: 'stakeholder' | 'unSystem') => ({
  post: (data: Record<string, unknown>) => app.http().post('/api/submissions').set('Authorization', `Bearer ${tokens[who]}`).send({ data }),
  put: (id: string, data: unknown) => app.http().put(`/api/submissions/${id}`).set('Authorization', `Bearer ${tokens[who]}`).send({ data }),
  own: (id: string) => app.http().get(`/api/submissions/mine/${id}`).set('Authorization', `Bearer ${tokens[who]}`),
});
const get = (who: string, url: string) => app.http().get(url).set('Authorization', `Bearer ${tokens[who]}`);
const act = (who: string, url: string, body: Record<string, unknown> = {}) => app.http().post(url).set('Authorization', `Bearer ${tokens[who]}`).send(body);
const posted = async (data: Record<string, unknown> = validSubmission(questions[0])) => {
  const res = await hub('stakeholder').post(data);
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const returned = async (note = 'Please remove the names of the two people you quote.') => {
  const id = await posted(validSubmission(questions[0], { title: 'First version', body: 'Ana Pérez and Ivan Petrov told us everything.' }));
  expect((await act(UNECE, `/moderation/submissions/${id}/return`, { note })).status).toBe(200);
  return id;
};
const rowsOf = (documentId: string) => app.strapi.db.query('api::submission.submission').findMany({ where: { documentId } }) as Promise<{ publishedAt: string | null; moderationState: string; title: string }[]>;

describe('return for edits', () => {
  test('a moderator returns a pending post with a note; the author reads it, hears of it, and it is never published', async () => {
    mailbox.clear();
    const id = await returned('Please remove the names of the two people you quote.');
    const own = await hub('stakeholder').own(id);
    expect(own.body.data).toMatchObject({ moderationState: 'returned', decisionReason: 'Please remove the names of the two people you quote.' });
    const mail = await waitForMail(mailbox.messages, (m) => m.to.includes(HUB_ACCOUNTS.stakeholder) && m.text.includes('First version'));
    expect(mail.subject).toBe('Your submission needs a change before it can be published');
    expect(mail.text).toContain('Please remove the names of the two people you quote.');
    expect((await rowsOf(id)).map((r) => r.publishedAt)).toEqual([null]);
    // Not on the Hub, not approvable while it is with its author.
    expect((await app.http().get(`/api/submissions/${id}`).set('Authorization', `Bearer ${tokens.unSystem}`)).status).toBe(404);
    const approve = await act(UNECE, `/moderation/submissions/${id}/approve`);
    expect([approve.status, approve.body.error.details.code]).toEqual([409, 'notInState']);
    const queue = await get(UNECE, '/moderation/submissions?state=returned&pageSize=100');
    expect(queue.body.data.map((r: { documentId: string }) => r.documentId)).toContain(id);
    expect(queue.body.meta.counts.returned).toBeGreaterThan(0);
  });

  test('the author sends it back changed: it is pending again, checked as a posting is, and the log keeps every version', async () => {
    const id = await returned();
    const second = validSubmission(questions[1], { title: 'Second version', body: 'Two people we met told us everything.', countries: ['DE'] });
    const res = await hub('stakeholder').put(id, second);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId: id, moderationState: 'pending', title: 'Second version', decisionReason: null });
    // Returned again, and changed again: two earlier versions in the log.
    await act(UNECE, `/moderation/submissions/${id}/return`, { note: 'And the date, please.' });
    expect((await hub('stakeholder').put(id, { ...second, title: 'Third version' })).status).toBe(200);
    const detail = await get(UNECE, `/moderation/submissions/${id}`);
    const events = detail.body.data.events as { action: string; reason: string | null; details: { version: number; previous: { title: string; body: string; countries: string[] } } | null }[];
    expect(events.map((e) => e.action)).toEqual(['submitted', 'returned', 'resubmitted', 'returned', 'resubmitted']);
    const versions = events.filter((e) => e.action === 'resubmitted').map((e) => [e.details!.version, e.details!.previous.title, e.details!.previous.countries]);
    expect(versions).toEqual([
      [1, 'First version', ['FR']],
      [2, 'Second version', ['DE']],
    ]);
    expect(detail.body.data.title).toBe('Third version');
    // Approved at last, and only then published.
    expect((await act(UNECE, `/moderation/submissions/${id}/approve`)).status).toBe(200);
    expect((await rowsOf(id)).filter((r) => r.publishedAt).map((r) => r.title)).toEqual(['Third version']);
  });

  test("a post sent back after edits is in the moderators' next daily digest", async () => {
    const id = await returned();
    await hub('stakeholder').put(id, validSubmission(questions[0], { title: 'Sent back for the digest' })).expect(200);
    mailbox.clear();
    // Scheduled a minute from now: a window no other digest of this file has claimed.
    const sent = await app.strapi.plugin('moderation').service('notifications').sendDigest(new Date(Date.now() + 60000));
    expect(sent).toBeGreaterThan(0);
    await waitForMail(mailbox.messages, (m) => m.to.includes(UNECE) && m.text.includes('Sent back for the digest'));
  });

  test('files sent with the new version replace the attachments; without files they stay', async () => {
    const first = await app.http().post('/api/submissions').set('Authorization', `Bearer ${tokens.stakeholder}`).field('data', JSON.stringify(validSubmission(questions[0]))).attach('files', PDF, 'first.pdf');
    const id = first.body.data.documentId as string;
    await act(UNECE, `/moderation/submissions/${id}/return`, { note: 'The annex names someone.' });
    const kept = await hub('stakeholder').put(id, validSubmission(questions[0], { title: 'Kept the file' }));
    expect(kept.body.data.attachments.map((a: { name: string }) => a.name)).toEqual(['first.pdf']);
    await act(UNECE, `/moderation/submissions/${id}/return`, { note: 'The annex still names someone.' });
    const replaced = await app.http().put(`/api/submissions/${id}`).set('Authorization', `Bearer ${tokens.stakeholder}`).field('data', JSON.stringify(validSubmission(questions[0]))).attach('files', PDF, 'second.pdf');
    expect(replaced.status).toBe(200);
    expect(replaced.body.data.attachments.map((a: { name: string }) => a.name)).toEqual(['second.pdf']);
    // The old file is gone; the log names it.
    expect(await app.strapi.db.query('plugin::upload.file').count({ where: { name: 'first.pdf', url: first.body.data.attachments[0].url } })).toBe(0);
    const events = (await get(UNECE, `/moderation/submissions/${id}`)).body.data.events as { action: string; details: { previous: { attachments: { name: string }[] } } | null }[];
    expect(events.filter((e) => e.action === 'resubmitted').map((e) => e.details!.previous.attachments.map((a) => a.name))).toEqual([['first.pdf'], ['first.pdf']]);
  });

  test.each([
    ['a title too short', { title: 'x' }, 400, /title/],
    ['a field the server sets', { moderationState: 'approved' }, 400, /not accepted: moderationState/],
    ['a question of another phase', { guidingQuestion: 'ESCAP' }, 400, /stays in the phase it was posted in/],
    ['no data', null, 400, /Send the submission/],
  ])('%s is refused with a clear 400 and nothing changes', async (_what, change, status, message) => {
    const id = await returned();
    const before = await writtenRows(app);
    const data = change === null ? undefined : { ...validSubmission(questions[0]), ...change, ...((change as { guidingQuestion?: string }).guidingQuestion ? { guidingQuestion: escapQuestion } : {}) };
    const res = await hub('stakeholder').put(id, data);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect(await writtenRows(app)).toEqual(before);
    expect((await hub('stakeholder').own(id)).body.data).toMatchObject({ moderationState: 'returned', title: 'First version' });
  });

  test('only the author, and only a returned post: anything else reads as absent or refused', async () => {
    const id = await returned();
    expect((await hub('unSystem').put(id, validSubmission(questions[0]))).status).toBe(404);
    const pending = await posted();
    const res = await hub('stakeholder').put(pending, validSubmission(questions[0]));
    expect([res.status, res.body.error.details.code]).toEqual([409, 'notInState']);
    expect((await app.http().put(`/api/submissions/${id}`).send({ data: validSubmission(questions[0]) })).status).toBe(403);
  });

  test('a returned post can be withdrawn by its author; a moderator of another region cannot return it', async () => {
    const id = await posted();
    const other = await act(ESCAP, `/moderation/submissions/${id}/return`, { note: 'Not mine.' });
    expect([other.status, other.body.error.details.code]).toEqual([403, 'outOfRegion']);
    expect((await act(UNECE, `/moderation/submissions/${id}/return`, {})).status).toBe(400);
    await act(UNECE, `/moderation/submissions/${id}/return`, { note: 'Shorter, please.' });
    const withdrawn = await app.http().post(`/api/submissions/${id}/withdraw`).set('Authorization', `Bearer ${tokens.stakeholder}`);
    expect([withdrawn.status, withdrawn.body.data.moderationState]).toEqual([200, 'withdrawn']);
  });

  test('the new version drops the translations of the old one; a redaction takes the earlier versions out of the log', async () => {
    const id = await posted(validSubmission(questions[0], { title: 'First version', body: 'Ana Pérez and Ivan Petrov told us everything.' }));
    await act(UNECE, `/moderation/submissions/${id}/translations`, { language: 'fr', body: 'Ana Pérez et Ivan Petrov nous ont tout dit.' }).expect(200);
    await act(UNECE, `/moderation/submissions/${id}/return`, { note: 'No names, please.' }).expect(200);
    await hub('stakeholder').put(id, validSubmission(questions[0], { body: 'Two people told us everything.' })).expect(200);
    expect(((await get(UNECE, `/moderation/submissions/${id}`)).body.data.translations as unknown[]).length).toBe(0);
    let events = (await get(UNECE, `/moderation/submissions/${id}`)).body.data.events as { action: string; details: { previous: { body: string; translatedInto: string[] } | null } | null }[];
    expect(events.find((e) => e.action === 'resubmitted')!.details!.previous).toMatchObject({ body: 'Ana Pérez and Ivan Petrov told us everything.', translatedInto: ['fr'] });
    await act(UNECE, `/moderation/submissions/${id}/redact`, { body: 'Two people told us.' }).expect(200);
    events = (await get(UNECE, `/moderation/submissions/${id}`)).body.data.events;
    expect(JSON.stringify(events)).not.toContain('Ivan Petrov');
  });

  test("an erased author's earlier versions leave the log with them", async () => {
    const account = await app.strapi.plugin('users-permissions').service('user').add({
      username: 'versions-author', email: 'versions-author@example.org', password: 'Versions-2024', provider: 'local', confirmed: true, blocked: false, stakeholderCategory: 'academia', displayName: 'Versions Author',
      role: ((await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'stakeholder' } })) as { id: number }).id,
    });
    const jwt = await hubLogin(app, 'versions-author@example.org', 'Versions-2024');
    const created = await app.http().post('/api/submissions').set('Authorization', `Bearer ${jwt}`).send({ data: validSubmission(questions[0], { body: 'My neighbour Joan Smith said so.' }) });
    expect([created.status, created.body.error]).toEqual([201, undefined]);
    const id = created.body.data.documentId as string;
    await act(UNECE, `/moderation/submissions/${id}/return`, { note: 'Remove the name.' });
    await app.http().put(`/api/submissions/${id}`).set('Authorization', `Bearer ${jwt}`).send({ data: validSubmission(questions[0], { body: 'My neighbour said so.' }) }).expect(200);
    await act(SECRETARIAT, `/moderation/people/${account.id}/erase`, { confirm: 'versions-author@example.org' }).expect(200);
    const events = await app.strapi.db.query('plugin::moderation.moderation-event').findMany({ where: { submissionDocumentId: id } });
    expect(JSON.stringify(events)).not.toContain('Joan Smith');
  });
});

describe('the author beside their submission', () => {
  test('earlier submissions in the moderator’s regions with states and reasons, registration, category; other regions as a number only', async () => {
    const rejected = await posted(validSubmission(questions[0], { title: 'Off-topic post' }));
    await act(UNECE, `/moderation/submissions/${rejected}/reject`, { reason: 'Off topic for this question.' });
    const elsewhere = await hub('stakeholder').post(validSubmission(escapQuestion, { title: 'An ESCAP post' }));
    expect(elsewhere.status).toBe(201);
    const context = (await get(UNECE, `/moderation/authors/${stakeholderId}`)).body.data;
    expect(context).toMatchObject({ id: stakeholderId, stakeholderCategory: expect.any(String), registeredAt: expect.any(String) });
    expect(context.submissions).toContainEqual(expect.objectContaining({ documentId: rejected, moderationState: 'rejected', decisionReason: 'Off topic for this question.', regionCode: 'UNECE' }));
    expect(context.submissions.some((s: { title: string }) => s.title === 'An ESCAP post')).toBe(false);
    expect(context.submissionsElsewhere).toBeGreaterThan(0);
    // The secretariat sees every region.
    const all = (await get(SECRETARIAT, `/moderation/authors/${stakeholderId}`)).body.data;
    expect(all.submissions.some((s: { title: string }) => s.title === 'An ESCAP post')).toBe(true);
    expect(JSON.stringify(context)).not.toMatch(/email|password/i);
  });

  test('an author who never posted in the moderator’s regions reads as absent; a bad id is a 400', async () => {
    const unSystem = (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: HUB_ACCOUNTS['member-state'] } })) as { id: number };
    expect((await get(UNECE, `/moderation/authors/${unSystem.id}`)).status).toBe(404);
    expect((await get(UNECE, '/moderation/authors/abc')).status).toBe(400);
    expect((await get(UNECE, '/moderation/authors/999999')).status).toBe(404);
  });
});

describe('sanctions', () => {
  const sanction = (who: string, body: Record<string, unknown>, author = stakeholderId) => act(who, `/moderation/authors/${author}/sanctions`, body);
  const mayPost = async () => (await hub('stakeholder').post(validSubmission(questions[0]))).status;
  afterEach(async () => {
    // Every test leaves the author free to post.
    await app.strapi.db.query('plugin::moderation.author-sanction').updateMany({ where: { liftedAt: null, kind: { $ne: 'warning' } }, data: { liftedAt: new Date() } });
  });

  test('a warning is a logged message sent by e-mail; posting goes on', async () => {
    mailbox.clear();
    const res = await sanction(UNECE, { kind: 'warning', reason: 'Please keep to the question asked.' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ kind: 'warning', issuedByName: expect.any(String), endsAt: null, regionCode: 'UNECE' });
    const mail = await waitForMail(mailbox.messages, (m) => m.to.includes(HUB_ACCOUNTS.stakeholder) && m.subject.startsWith('A message from the moderators'));
    expect(mail.text).toContain('Please keep to the question asked.');
    expect(await mayPost()).toBe(201);
  });

  test('a suspension refuses posting and resubmitting with its reason; pending posts stay to be decided; lifting restores it, all logged', async () => {
    const pending = await posted();
    const returnedPost = await returned();
    mailbox.clear();
    const res = await sanction(SECRETARIAT, { kind: 'suspension', reason: 'Repeated off-topic posts.', days: 7 });
    expect(res.status).toBe(201);
    const ends = new Date(res.body.data.endsAt).getTime();
    expect(ends - Date.now()).toBeGreaterThan(6.9 * 86400000);
    await waitForMail(mailbox.messages, (m) => m.to.includes(HUB_ACCOUNTS.stakeholder) && m.text.includes('Repeated off-topic posts.'));

    const before = await writtenRows(app);
    const refused = await hub('stakeholder').post(validSubmission(questions[0]));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('Repeated off-topic posts.');
    expect(refused.body.error.details).toMatchObject({ code: 'suspended', reason: 'Repeated off-topic posts.', endsAt: res.body.data.endsAt });
    expect((await hub('stakeholder').put(returnedPost, validSubmission(questions[0]))).status).toBe(403);
    expect(await writtenRows(app)).toEqual(before);
    // The author still reads their own list; moderators still decide what waits.
    expect((await app.http().get('/api/submissions/mine').set('Authorization', `Bearer ${tokens.stakeholder}`)).status).toBe(200);
    expect((await act(UNECE, `/moderation/submissions/${pending}/approve`)).status).toBe(200);

    const context = (await get(UNECE, `/moderation/authors/${stakeholderId}`)).body.data;
    expect(context.inForce).toMatchObject({ kind: 'suspension', reason: 'Repeated off-topic posts.' });
    // The secretariat's suspension holds everywhere: UNECE's moderator may not lift it, the secretariat does.
    expect((await act(UNECE, `/moderation/authors/${stakeholderId}/sanctions/${res.body.data.id}/lift`, { reason: 'Apologised.' })).status).toBe(403);
    const lifted = await act(SECRETARIAT, `/moderation/authors/${stakeholderId}/sanctions/${res.body.data.id}/lift`, { reason: 'Apologised.' });
    expect(lifted.status).toBe(200);
    expect(lifted.body.data).toMatchObject({ liftedByName: expect.any(String), liftReason: 'Apologised.' });
    expect(await mayPost()).toBe(201);
    const again = await act(SECRETARIAT, `/moderation/authors/${stakeholderId}/sanctions/${res.body.data.id}/lift`);
    expect([again.status, again.body.error.details.code]).toEqual([409, 'changedMeanwhile']);
    const history = (await get(UNECE, `/moderation/authors/${stakeholderId}`)).body.data;
    expect(history.inForce).toBeNull();
    expect(history.sanctions.find((s: { id: number }) => s.id === res.body.data.id)).toMatchObject({ kind: 'suspension', liftReason: 'Apologised.' });
  });

  test("a moderator's sanction holds in their region, the secretariat's in every region; each lifts only its own", async () => {
    const block = await sanction(UNECE, { kind: 'block', reason: 'Abuse in the UNECE space.' });
    expect(block.body.data.regionCode).toBe('UNECE');
    expect((await hub('stakeholder').post(validSubmission(questions[0]))).status).toBe(403);
    expect((await hub('stakeholder').post(validSubmission(escapQuestion))).status).toBe(201);
    // ESCAP's moderator does not see UNECE's reason, only that there is one.
    const escapView = (await get(ESCAP, `/moderation/authors/${stakeholderId}`)).body.data;
    expect(JSON.stringify(escapView.sanctions)).not.toContain('Abuse in the UNECE space.');
    expect(escapView.sanctionsElsewhere).toBeGreaterThan(0);
    expect((await act(ESCAP, `/moderation/authors/${stakeholderId}/sanctions/${block.body.data.id}/lift`)).status).toBe(404);
    await act(UNECE, `/moderation/authors/${stakeholderId}/sanctions/${block.body.data.id}/lift`).expect(200);

    const everywhere = await sanction(SECRETARIAT, { kind: 'suspension', reason: 'Everywhere.', days: 2 });
    expect(everywhere.body.data.regionCode).toBeNull();
    expect((await hub('stakeholder').post(validSubmission(escapQuestion))).status).toBe(403);
    expect((await act(UNECE, `/moderation/authors/${stakeholderId}/sanctions/${everywhere.body.data.id}/lift`)).status).toBe(403);
    await act(SECRETARIAT, `/moderation/authors/${stakeholderId}/sanctions/${everywhere.body.data.id}/lift`).expect(200);
  });

  test('a block refuses posting until lifted; a suspension that has ended no longer does', async () => {
    const block = await sanction(UNECE, { kind: 'block', reason: 'Abusive language towards other participants.' });
    expect([block.status, block.body.data.endsAt]).toEqual([201, null]);
    const refused = await hub('stakeholder').post(validSubmission(questions[0]));
    expect([refused.status, refused.body.error.details.code]).toEqual([403, 'blocked']);
    await act(UNECE, `/moderation/authors/${stakeholderId}/sanctions/${block.body.data.id}/lift`).expect(200);
    const suspension = await sanction(UNECE, { kind: 'suspension', reason: 'Flooding.', days: 1 });
    await app.strapi.db.query('plugin::moderation.author-sanction').update({ where: { id: suspension.body.data.id }, data: { endsAt: new Date(Date.now() - 1000) } });
    expect(await mayPost()).toBe(201);
  });

  test.each([
    [{ kind: 'ban', reason: 'x' }, /kind must be/],
    [{ kind: 'suspension', reason: 'Flooding.' }, /days must be a whole number from 1 to 365/],
    [{ kind: 'suspension', reason: 'Flooding.', days: 400 }, /days must be/],
    [{ kind: 'block', reason: 'Flooding.', days: 3 }, /days goes with a suspension only/],
    [{ kind: 'warning', reason: '   ' }, /is required/],
    [{ kind: 'warning', reason: 'x'.repeat(2001) }, /longer than 2000/],
  ])('%j is refused with a 400', async (body, message) => {
    const res = await sanction(UNECE, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  test('a moderator acts on the authors of their regions only; the secretariat on any', async () => {
    expect((await hub('stakeholder').post(validSubmission(escapQuestion))).status).toBe(201);
    expect((await sanction(ESCAP, { kind: 'warning', reason: 'They posted in ESCAP too.' }, stakeholderId)).status).toBe(201);
    const readerId = ((await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: HUB_ACCOUNTS['member-state'] } })) as { id: number }).id;
    expect((await sanction(UNECE, { kind: 'warning', reason: 'Never posted here.' }, readerId)).status).toBe(404);
    expect((await sanction(SECRETARIAT, { kind: 'warning', reason: 'A word from the secretariat.' }, readerId)).status).toBe(201);
  });
});

describe('looking inside attachments', () => {
  const demo = async (title: string) => {
    const row = (await app.strapi.db.query('api::submission.submission').findOne({ where: { title, publishedAt: null }, populate: { attachments: true } })) as { documentId: string; screeningFlags: { kind: string; match: string; attachment?: string }[]; attachments: { id: number; name: string }[] };
    return row;
  };
  const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const binary = (req: ReturnType<typeof get>) => req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

  test('a file whose text cannot be read is flagged as not screened', async () => {
    const res = await app.http().post('/api/submissions').set('Authorization', `Bearer ${tokens.stakeholder}`).field('data', JSON.stringify(validSubmission(questions[0]))).attach('files', Buffer.from('%PDF-1.7\n% not really a PDF after all\n'), 'broken.pdf');
    expect(res.status).toBe(201);
    const row = (await app.strapi.db.query('api::submission.submission').findOne({ where: { documentId: res.body.data.documentId, publishedAt: null } })) as { screeningFlags: { kind: string; match: string }[]; flagged: boolean };
    expect(row.screeningFlags).toContainEqual(expect.objectContaining({ kind: 'unscreened-attachment', match: 'broken.pdf' }));
    expect(row.flagged).toBe(true);
  });

  test('an e-mail address inside a posted PDF is flagged, naming the file', async () => {
    const report = await demo('Research report: recruitment fees in seasonal agriculture');
    const inFile = report.screeningFlags.filter((f) => f.attachment);
    expect(inFile).toContainEqual(expect.objectContaining({ kind: 'email', attachment: report.attachments[0].name }));
  });

  test("a PDF's pages come as PNG pictures drawn by the server, with headers that forbid running anything; its text as text", async () => {
    const report = await demo('Research report: recruitment fees in seasonal agriculture');
    const base = `/moderation/submissions/${report.documentId}/attachments/${report.attachments[0].id}`;
    const page = await binary(get(UNECE, `${base}/preview?page=1`));
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('image/png');
    expect(page.headers['content-security-policy']).toMatch(/sandbox/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(page.headers['x-page-count'])).toBeGreaterThan(0);
    expect((page.body as Buffer).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect((await get(UNECE, `${base}/preview?page=999`)).status).toBe(404);
    expect((await get(UNECE, `${base}/preview?page=zero`)).status).toBe(400);
    const text = await get(UNECE, `${base}/text`);
    expect(text.body.data.text).toMatch(/@/);
  });

  test("a Word file's text is read for the moderators; it has no pages to draw", async () => {
    const note = await demo('Data on regular pathways in the region, 2019 to 2023');
    const base = `/moderation/submissions/${note.documentId}/attachments/${note.attachments[0].id}`;
    const text = await get(SECRETARIAT, `${base}/text`);
    expect(text.status).toBe(200);
    expect(text.body.data.text.length).toBeGreaterThan(50);
    expect((await get(SECRETARIAT, `${base}/preview`)).status).toBe(404);
  });

  test('only the moderators of its region, and only its own attachments', async () => {
    const report = await demo('Research report: recruitment fees in seasonal agriculture');
    const note = await demo('Data on regular pathways in the region, 2019 to 2023');
    expect((await get(ESCAP, `/moderation/submissions/${report.documentId}/attachments/${report.attachments[0].id}/text`)).status).toBe(403);
    expect((await get(UNECE, `/moderation/submissions/${report.documentId}/attachments/${note.attachments[0].id}/text`)).status).toBe(404);
    expect((await app.http().get(`/moderation/submissions/${report.documentId}/attachments/${report.attachments[0].id}/text`).set('Authorization', `Bearer ${tokens.stakeholder}`)).status).toBe(401);
  });
});

describe('the secretariat drafts guiding questions, shares them for feedback, and posts them', () => {
  let phase: string;
  beforeAll(async () => {
    phase = (await app.strapi.documents('api::phase.phase').findFirst({ filters: { isDemo: true, region: { code: 'UNECE' } } }))!.documentId;
  });
  const shared = async (who: string) => ((await get(who, '/moderation/questions')).body.data as { documentId: string }[]).map((q) => q.documentId);

  test('a draft not shared stays with the secretariat; shared, the region’s moderators see it and comment; posted, the Hub shows it', async () => {
    const drafted = await act(SECRETARIAT, '/moderation/questions', { phase, text: 'Which partnerships with local authorities should the Review highlight?', share: false });
    expect(drafted.status).toBe(201);
    const id = drafted.body.data.documentId as string;
    expect(drafted.body.data).toMatchObject({ sharedForFeedback: false, position: expect.any(Number) });
    expect(await shared(UNECE)).not.toContain(id);
    const list = (await get(SECRETARIAT, '/moderation/questions/drafts')).body.data as { documentId: string; posted: boolean; sharedForFeedback: boolean }[];
    expect(list.map((q) => q.documentId)).toContain(id);
    // Posted questions that were never shared are not drafts to work on.
    expect(list.filter((q) => q.posted && !q.sharedForFeedback)).toEqual([]);

    expect((await act(SECRETARIAT, `/moderation/questions/${id}/share`, { shared: true })).body.data.sharedForFeedback).toBe(true);
    expect(await shared(UNECE)).toContain(id);
    expect(await shared(ESCAP)).not.toContain(id);
    expect((await act(UNECE, `/moderation/questions/${id}/feedback`, { body: 'Name the cities, please.' })).status).toBe(201);

    const hub = () => app.http().get(`/api/guiding-questions/${id}`).set('Authorization', `Bearer ${tokens.stakeholder}`);
    expect((await hub()).status).toBe(404);
    expect((await act(SECRETARIAT, `/moderation/questions/${id}/post`)).status).toBe(200);
    expect((await hub()).body.data.text).toBe('Which partnerships with local authorities should the Review highlight?');
    const mine = ((await get(SECRETARIAT, '/moderation/questions/drafts')).body.data as { documentId: string; posted: boolean; feedback: unknown[] }[]).find((q) => q.documentId === id);
    expect(mine).toMatchObject({ posted: true, feedback: [expect.objectContaining({ body: 'Name the cities, please.' })] });
  });

  test("a question meant for other reviews too is shared with their moderators, whose feedback carries their region", async () => {
    const drafted = await act(SECRETARIAT, '/moderation/questions', { phase, text: 'What should every Regional Review ask about regular pathways?', regions: ['ESCAP'] });
    const id = drafted.body.data.documentId as string;
    expect(drafted.body.data.feedbackRegions).toEqual(['ESCAP']);
    expect(await shared(ESCAP)).toContain(id);
    const feedback = await act(ESCAP, `/moderation/questions/${id}/feedback`, { body: 'Ask about family pathways too.' });
    expect([feedback.status, feedback.body.data.regionCode]).toEqual([201, 'ESCAP']);
    // Asked no more: ESCAP neither sees it nor comments.
    await act(SECRETARIAT, `/moderation/questions/${id}/share`, { shared: true, regions: [] }).expect(200);
    expect(await shared(ESCAP)).not.toContain(id);
    expect((await act(ESCAP, `/moderation/questions/${id}/feedback`, { body: 'Again.' })).status).toBe(403);
  });

  test.each([
    [{ text: 'A question long enough to be one?', regions: ['MARS'] }, /regions must list region codes/],
    [{ text: 'Short' }, /The question must be at least 10 characters/],
    [{ text: 'A question long enough to be one?', phase: 'nosuchphase000' }, /is not a phase/],
    [{ text: 'A question long enough to be one?', share: 'yes' }, /share must be true or false/],
  ])('%j is refused with a 400', async (body, message) => {
    const res = await act(SECRETARIAT, '/moderation/questions', { phase, ...body });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  test('moderators comment but do not draft, share or post', async () => {
    expect((await act(UNECE, '/moderation/questions', { phase, text: 'A question from a moderator?' })).status).toBe(403);
    expect((await get(UNECE, '/moderation/questions/drafts')).status).toBe(403);
  });
});
