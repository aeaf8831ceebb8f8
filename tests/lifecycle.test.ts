/**
 * The one lifecycle service, driven through the moderation plugin's admin routes as moderators
 * use them: every transition legal and illegal, `published ⇔ approved` after each, the event
 * log, concurrent decisions, region scope, replies, and the e-mails they send.
 */
import { adminLogin, HUB_ACCOUNTS, hubLogin } from './helpers/accounts';
import { demoQuestions, validSubmission } from './helpers/fixtures';
import { startMailbox, waitForMail, type Mail } from './helpers/mailbox';
import { startApp, type TestApp } from './helpers/strapi';

type State = 'pending' | 'approved' | 'rejected' | 'withdrawn';
type Action = 'approve' | 'reject' | 'retract' | 'withdraw';

let app: TestApp;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let questions: string[];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ ...mailbox.env, SUBMISSION_RATE_LIMIT: '1000' });
  questions = await demoQuestions(app);
  tokens.stakeholder = await hubLogin(app, HUB_ACCOUNTS.stakeholder);
  tokens.reader = await hubLogin(app, HUB_ACCOUNTS['member-state']);
  for (const email of ['moderator.unece@example.org', 'moderator.escap@example.org', 'secretariat@example.org', 'admin@example.org']) {
    tokens[email] = await adminLogin(app, email);
  }
});

afterAll(async () => {
  await app?.stop();
  await mailbox?.stop();
});

const UNECE = 'moderator.unece@example.org';
const ESCAP = 'moderator.escap@example.org';

const admin = (who: string, path: string, body: Record<string, unknown> = {}) =>
  app.http().post(`/moderation/submissions/${path}`).set('Authorization', `Bearer ${tokens[who]}`).send(body);

async function postPending(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await app.http().post('/api/submissions').set('Authorization', `Bearer ${tokens.stakeholder}`).send({ data: validSubmission(questions[0], extra) });
  expect(res.status).toBe(201);
  return res.body.data.documentId;
}

const BODIES: Record<Action, Record<string, unknown>> = {
  approve: {},
  reject: { reason: 'Off topic for this question.' },
  retract: { to: 'pending', reason: 'Contains a personal phone number.' },
  withdraw: {},
};

function act(action: Action, documentId: string, who = UNECE) {
  if (action === 'withdraw') {
    return app.http().post(`/api/submissions/${documentId}/withdraw`).set('Authorization', `Bearer ${tokens.stakeholder}`);
  }
  return admin(who, `${documentId}/${action}`, BODIES[action]);
}

async function inState(state: State): Promise<string> {
  const documentId = await postPending();
  const path: Record<State, Action[]> = { pending: [], approved: ['approve'], rejected: ['reject'], withdrawn: ['withdraw'] };
  for (const step of path[state]) expect((await act(step, documentId)).status).toBe(200);
  return documentId;
}

async function stateOf(documentId: string) {
  const draft = await app.strapi.db.query('api::submission.submission').findOne({ where: { documentId, publishedAt: null } });
  const published = await app.strapi.db.query('api::submission.submission').count({ where: { documentId, publishedAt: { $notNull: true } } });
  const hubSees = (await app.http().get(`/api/submissions/${documentId}`).set('Authorization', `Bearer ${tokens.reader}`)).status === 200;
  return { state: draft.moderationState as State, published: published === 1, hubSees };
}

/** Every state × every action: the legal ones change the state, the rest answer 409. */
const TRANSITIONS: [State, Action, State | 409][] = [
  ['pending', 'approve', 'approved'],
  ['pending', 'reject', 'rejected'],
  ['pending', 'retract', 409],
  ['pending', 'withdraw', 'withdrawn'],
  ['approved', 'approve', 409],
  ['approved', 'reject', 409],
  ['approved', 'retract', 'pending'],
  ['approved', 'withdraw', 409],
  ['rejected', 'approve', 409],
  ['rejected', 'reject', 409],
  ['rejected', 'retract', 409],
  ['rejected', 'withdraw', 409],
  ['withdrawn', 'approve', 409],
  ['withdrawn', 'reject', 409],
  ['withdrawn', 'retract', 409],
  ['withdrawn', 'withdraw', 409],
];

describe('transitions', () => {
  test.each(TRANSITIONS)('%s → %s: %s', async (from, action, expected) => {
    const documentId = await inState(from);
    const eventsBefore = await app.strapi.db.query('plugin::moderation.moderation-event').count({ where: { submissionDocumentId: documentId } });
    const res = await act(action, documentId);
    const after = await stateOf(documentId);
    const eventsAfter = await app.strapi.db.query('plugin::moderation.moderation-event').findMany({ where: { submissionDocumentId: documentId }, orderBy: { id: 'asc' } });
    if (expected === 409) {
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(new RegExp(`This submission is ${from}`));
      expect(after.state).toBe(from);
      expect(eventsAfter).toHaveLength(eventsBefore);
    } else {
      expect(res.status).toBe(200);
      expect(after.state).toBe(expected);
      const event = eventsAfter[eventsAfter.length - 1];
      expect(event).toMatchObject({ fromState: from, toState: expected, actorKind: action === 'withdraw' ? 'author' : 'moderator', regionCode: 'UNECE' });
      expect(event.actorName).toBe(action === 'withdraw' ? 'Amina Haddad' : 'Ulla Moderator (UNECE)');
      if (action === 'reject' || action === 'retract') expect(event.reason).toBe(BODIES[action].reason);
    }
    // The invariant, whatever happened.
    expect(after.published).toBe(after.state === 'approved');
    expect(after.hubSees).toBe(after.state === 'approved');
  });

  test('a rejection needs a reason, a retraction a reason and where it goes', async () => {
    const documentId = await postPending();
    for (const [path, body, message] of [
      [`${documentId}/reject`, {}, /reason for the rejection is required/],
      [`${documentId}/reject`, { reason: '   ' }, /reason for the rejection is required/],
      [`${documentId}/reject`, { reason: 'x'.repeat(2001) }, /longer than 2000/],
    ] as const) {
      const res = await admin(UNECE, path, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    const approved = await inState('approved');
    for (const body of [{ reason: 'why' }, { to: 'withdrawn', reason: 'why' }, { to: 'pending' }]) {
      const res = await admin(UNECE, `${approved}/retract`, body);
      expect(res.status).toBe(400);
    }
    expect((await stateOf(documentId)).state).toBe('pending');
    expect((await stateOf(approved)).state).toBe('approved');
  });

  test('an unknown submission is a 404', async () => {
    const res = await admin(UNECE, 'zzzzzzzzzzzzzzzzzzzzzzzz/approve');
    expect(res.status).toBe(404);
  });

  test('the author sees the reason of a rejection in their own list', async () => {
    const documentId = await inState('rejected');
    const res = await app.http().get(`/api/submissions/mine/${documentId}`).set('Authorization', `Bearer ${tokens.stakeholder}`);
    expect(res.body.data).toMatchObject({ moderationState: 'rejected', decisionReason: BODIES.reject.reason });
    expect(res.body.data.decidedBy).toBeUndefined();
    const list = await app.http().get('/api/submissions/mine?state=rejected&pageSize=100').set('Authorization', `Bearer ${tokens.stakeholder}`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((s: { documentId: string }) => s.documentId)).toContain(documentId);
    expect(new Set(list.body.data.map((s: { moderationState: string }) => s.moderationState))).toEqual(new Set(['rejected']));
  });
});

describe('two moderators at once', () => {
  test.each([
    ['approve', 'approve'],
    ['approve', 'reject'],
    ['reject', 'approve'],
    ['reject', 'reject'],
  ] as const)('%s and %s on the same pending submission: one wins, the other gets 409', async (first, second) => {
    for (let round = 0; round < 3; round += 1) {
      const documentId = await postPending();
      const results = await Promise.all([act(first, documentId, UNECE), act(second, documentId, 'secretariat@example.org')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!;
      const after = await stateOf(documentId);
      expect(after.state).toBe(winner.body.data.moderationState);
      expect(after.published).toBe(after.state === 'approved');
      const decisions = await app.strapi.db.query('plugin::moderation.moderation-event').count({ where: { submissionDocumentId: documentId, action: { $ne: 'submitted' } } });
      expect(decisions).toBe(1);
    }
  });
});

describe('region scope', () => {
  test('a moderator of another region is refused, with the reason, and changes nothing', async () => {
    const documentId = await postPending();
    for (const action of ['approve', 'reject'] as const) {
      const res = await act(action, documentId, ESCAP);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/You moderate ESCAP; this submission belongs to UNECE/);
    }
    expect((await admin(ESCAP, `${documentId}/replies`, { body: 'Hello' })).status).toBe(403);
    const detail = await app.http().get(`/moderation/submissions/${documentId}`).set('Authorization', `Bearer ${tokens[ESCAP]}`);
    expect(detail.status).toBe(403);
    const queue = await app.http().get('/moderation/submissions?state=pending&pageSize=100').set('Authorization', `Bearer ${tokens[ESCAP]}`);
    expect(queue.status).toBe(200);
    expect(queue.body.data).toEqual([]);
    expect((await stateOf(documentId)).state).toBe('pending');
  });

  test("the region's moderator sees it in the queue, the oldest first, with its history", async () => {
    const documentId = await postPending();
    const queue = await app.http().get('/moderation/submissions?state=pending&pageSize=100').set('Authorization', `Bearer ${tokens[UNECE]}`);
    expect(queue.status).toBe(200);
    const ids = queue.body.data.map((s: { documentId: string }) => s.documentId);
    expect(ids).toContain(documentId);
    const created = queue.body.data.map((s: { createdAt: string }) => s.createdAt);
    expect([...created].sort()).toEqual(created);
    expect(queue.body.meta.counts.pending).toBe(queue.body.meta.pagination.total);
    const detail = await app.http().get(`/moderation/submissions/${documentId}`).set('Authorization', `Bearer ${tokens[UNECE]}`);
    expect(detail.body.data.events.map((e: { action: string }) => e.action)).toEqual(['submitted']);
    expect(JSON.stringify(detail.body)).not.toMatch(/@example\.org/);
  });

  test('Hub users and API tokens are not admins', async () => {
    const documentId = await postPending();
    const res = await app.http().post(`/moderation/submissions/${documentId}/approve`).set('Authorization', `Bearer ${tokens.stakeholder}`);
    expect(res.status).toBe(401);
    expect((await app.http().post(`/moderation/submissions/${documentId}/approve`)).status).toBe(401);
  });
});

describe('moderator replies', () => {
  test('are visible exactly while their submission is published, signed with name and region', async () => {
    const documentId = await postPending();
    const reply = await admin(UNECE, `${documentId}/replies`, { body: 'Could you add sources?' });
    expect(reply.status).toBe(201);
    const read = () =>
      app
        .http()
        .get(`/api/moderator-replies?filters[submission][documentId]=${documentId}&populate=region`)
        .set('Authorization', `Bearer ${tokens.reader}`);
    expect((await read()).body.data).toEqual([]);

    expect((await act('approve', documentId)).status).toBe(200);
    const visible = (await read()).body.data;
    expect(visible).toHaveLength(1);
    expect(visible[0]).toMatchObject({ body: 'Could you add sources?', moderatorName: 'Ulla Moderator (UNECE)', region: { code: 'UNECE' } });
    expect(visible[0].moderator).toBeUndefined();
    const withReplies = await app.http().get(`/api/submissions/${documentId}?populate=moderatorReplies`).set('Authorization', `Bearer ${tokens.reader}`);
    expect(withReplies.body.data.moderatorReplies.map((r: { body: string }) => r.body)).toEqual(['Could you add sources?']);

    expect((await act('retract', documentId)).status).toBe(200);
    expect((await read()).body.data).toEqual([]);
  });

  test('a reply needs a body and a submission that was not withdrawn', async () => {
    const pending = await postPending();
    expect((await admin(UNECE, `${pending}/replies`, { body: '' })).status).toBe(400);
    const withdrawn = await inState('withdrawn');
    const res = await admin(UNECE, `${withdrawn}/replies`, { body: 'Hello' });
    expect(res.status).toBe(409);
  });
});

describe('around the lifecycle', () => {
  test('the Content Manager cannot publish or unpublish a submission, even for a Super Admin', async () => {
    const documentId = await postPending();
    const res = await app
      .http()
      .post(`/content-manager/collection-types/api::submission.submission/${documentId}/actions/publish`)
      .set('Authorization', `Bearer ${tokens['admin@example.org']}`)
      .send({});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/approved, rejected and retracted in Moderation/);
    expect(await stateOf(documentId)).toEqual({ state: 'pending', published: false, hubSees: false });
  });

  test('an edit in the Content Manager cannot change the moderation state', async () => {
    const documentId = await postPending();
    const res = await app
      .http()
      .put(`/content-manager/collection-types/api::submission.submission/${documentId}`)
      .set('Authorization', `Bearer ${tokens['admin@example.org']}`)
      .send({ title: 'Edited before approval', moderationState: 'approved' });
    expect(res.status).toBe(200);
    const row = await app.strapi.db.query('api::submission.submission').findOne({ where: { documentId, publishedAt: null } });
    expect(row).toMatchObject({ title: 'Edited before approval', moderationState: 'pending' });
  });

  test.each(['approved', 'rejected', 'withdrawn'] as const)('an edit in the Content Manager of a submission %s is refused, even for a Super Admin; the Hub reads it unchanged', async (state) => {
    const documentId = await inState(state);
    const before = await app.strapi.db.query('api::submission.submission').findMany({ where: { documentId }, select: ['title', 'body', 'publishedAt'] });
    const res = await app
      .http()
      .put(`/content-manager/collection-types/api::submission.submission/${documentId}`)
      .set('Authorization', `Bearer ${tokens['admin@example.org']}`)
      .send({ title: 'Unapproved words' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(new RegExp(`${state}: it is changed only in Moderation`));
    expect(await app.strapi.db.query('api::submission.submission').findMany({ where: { documentId }, select: ['title', 'body', 'publishedAt'] })).toEqual(before);
  });

  test('neither a submission nor a reply is duplicated or published around the lifecycle', async () => {
    const approved = await inState('approved');
    await expect(app.strapi.documents('api::submission.submission').clone({ documentId: approved, data: {} } as never)).rejects.toThrow(/not duplicated/);
    const reply = await admin(UNECE, `${await postPending()}/replies`, { body: 'A reply on a pending submission.' });
    await expect(app.strapi.documents('api::moderator-reply.moderator-reply').publish({ documentId: reply.body.data.documentId })).rejects.toThrow(/published with its submission/);
  });

  test('the moderation log is append-only', async () => {
    const event = await app.strapi.db.query('plugin::moderation.moderation-event').findOne({});
    await expect(app.strapi.documents('plugin::moderation.moderation-event').update({ documentId: event.documentId, data: { reason: 'rewritten' } as never })).rejects.toThrow(/append-only/);
    await expect(app.strapi.documents('plugin::moderation.moderation-event').delete({ documentId: event.documentId })).rejects.toThrow(/append-only/);
  });
});

describe('e-mails through a real SMTP server', () => {
  const toStakeholder = (subject: RegExp) => (m: Mail) => m.to.includes(HUB_ACCOUNTS.stakeholder) && subject.test(m.subject);

  test("a new submission reaches its region's moderators, and no one else", async () => {
    mailbox.clear();
    await postPending({ title: 'Mail check: new submission' });
    const mail = await waitForMail(mailbox.messages, (m) => /New submission waiting: Mail check/.test(m.subject));
    expect(mail.to).toEqual([UNECE]);
    expect(mail.subject).toMatch(/^\[UNECE\]/);
    expect(mailbox.messages.filter((m) => m.to.includes(ESCAP))).toEqual([]);
  });

  test('the author hears of approval, rejection with its reason, and replies', async () => {
    mailbox.clear();
    const approved = await postPending({ title: 'Mail check: approved' });
    await act('approve', approved);
    expect((await waitForMail(mailbox.messages, toStakeholder(/published/))).text).toMatch(/Mail check: approved/);
    const rejected = await postPending({ title: 'Mail check: rejected' });
    await act('reject', rejected);
    expect((await waitForMail(mailbox.messages, toStakeholder(/not approved/))).text).toMatch(/Reason: Off topic for this question\./);
    await admin(UNECE, `${approved}/replies`, { body: 'Thanks!' });
    expect((await waitForMail(mailbox.messages, toStakeholder(/replied/))).text).toMatch(/Mail check: approved/);
  });

  test('the daily digest lists the last day of pending submissions per region', async () => {
    mailbox.clear();
    await postPending({ title: 'Mail check: digest' });
    const notifications = app.strapi.plugin('moderation').service('notifications');
    const scheduledFor = new Date();
    expect(await notifications.sendDigest(scheduledFor)).toBe(1);
    // The same scheduled run again (another instance's) sends nothing.
    expect(await notifications.sendDigest(scheduledFor)).toBe(0);
    const digest = await waitForMail(mailbox.messages, (m) => /new submissions? waiting$/.test(m.subject));
    expect(digest.to).toEqual([UNECE]);
    expect(digest.text).toMatch(/Mail check: digest/);
    // The count in the subject is the number of titles listed, in its singular or plural form.
    const listed = digest.text.split('\n').filter((line) => /^\s*- /.test(line)).length;
    expect(digest.subject).toBe(`[UNECE] ${listed} new submission${listed === 1 ? '' : 's'} waiting`);
  });
});
