/**
 * The content model of DESIGN.md as Strapi loaded it, and the validation its schemas carry.
 */
import { errors } from '@strapi/utils';
import { MODERATION_STATES, STAKEHOLDER_CATEGORIES, SUBMISSION_KINDS, UN_LANGUAGES } from '../src/reference/gcm';
import { startApp, type TestApp } from './helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

type Attribute = { type: string; private?: boolean; enum?: string[]; required?: boolean; target?: string; relation?: string; pluginOptions?: { i18n?: { localized?: boolean } } };
const schema = (uid: string) => app.strapi.contentType(uid as never) as unknown as { options?: { draftAndPublish?: boolean }; pluginOptions?: { i18n?: { localized?: boolean } }; attributes: Record<string, Attribute> };

describe('content types', () => {
  test.each([
    ['api::region.region', false, ['code', 'name', 'commission', 'slug', 'moderators', 'phases']],
    ['api::phase.phase', false, ['title', 'kind', 'region', 'reviewCycle', 'reviewDate', 'reviewVenue', 'opensAt', 'closesAt', 'summaryDueAt', 'description', 'isDemo', 'guidingQuestions', 'summaries']],
    ['api::guiding-question.guiding-question', true, ['phase', 'position', 'text']],
    ['api::submission.submission', true, ['kind', 'title', 'body', 'guidingQuestion', 'phase', 'region', 'replyTo', 'responses', 'author', 'authorName', 'organisation', 'stakeholderCategory', 'countries', 'gcmObjectives', 'attachments', 'links', 'language', 'translations', 'moderatorReplies', 'moderationState', 'decisionReason', 'decidedBy', 'decidedAt', 'screeningFlags', 'flagged']],
    ['api::moderator-reply.moderator-reply', true, ['submission', 'body', 'moderatorName', 'region', 'moderator']],
    ['api::gcm-objective.gcm-objective', false, ['number', 'title']],
    ['api::summary.summary', true, ['phase', 'title', 'body', 'links', 'attachments']],
  ])('%s: draft & publish %s, with its fields', (uid, draftAndPublish, fields) => {
    const ct = schema(uid);
    expect(Boolean(ct.options?.draftAndPublish)).toBe(draftAndPublish);
    expect(Object.keys(ct.attributes)).toEqual(expect.arrayContaining(fields));
  });

  test('moderation fields, the author and the moderators are private', () => {
    const submission = schema('api::submission.submission').attributes;
    for (const field of ['moderationState', 'decisionReason', 'decidedBy', 'decidedAt', 'screeningFlags', 'flagged', 'author']) {
      expect([field, submission[field].private]).toEqual([field, true]);
    }
    expect(schema('api::region.region').attributes.moderators.private).toBe(true);
    expect(schema('api::moderator-reply.moderator-reply').attributes.moderator.private).toBe(true);
  });

  test('guiding questions are localized in their text only', () => {
    const ct = schema('api::guiding-question.guiding-question');
    expect(ct.pluginOptions?.i18n?.localized).toBe(true);
    expect(ct.attributes.text.pluginOptions?.i18n?.localized).toBe(true);
    expect(ct.attributes.phase.pluginOptions?.i18n?.localized).toBe(false);
    expect(ct.attributes.position.pluginOptions?.i18n?.localized).toBe(false);
  });

  test('enumerations are the reference lists', () => {
    const submission = schema('api::submission.submission').attributes;
    expect(submission.kind.enum).toEqual(Object.keys(SUBMISSION_KINDS));
    expect(submission.stakeholderCategory.enum).toEqual(Object.keys(STAKEHOLDER_CATEGORIES));
    expect(submission.language.enum).toEqual(UN_LANGUAGES.map((l) => l.code));
    expect(submission.moderationState.enum).toEqual([...MODERATION_STATES]);
    expect(schema('plugin::users-permissions.user').attributes.stakeholderCategory.enum).toEqual(Object.keys(STAKEHOLDER_CATEGORIES));
  });

  test('Hub users carry a display name, organisation, category and country', () => {
    const user = schema('plugin::users-permissions.user').attributes;
    expect(Object.keys(user)).toEqual(expect.arrayContaining(['displayName', 'organisation', 'stakeholderCategory', 'country']));
  });

  test('relations point where the design says', () => {
    const submission = schema('api::submission.submission').attributes;
    expect(submission.author.target).toBe('plugin::users-permissions.user');
    expect(submission.decidedBy.target).toBe('admin::user');
    expect(submission.guidingQuestion.target).toBe('api::guiding-question.guiding-question');
    expect(submission.replyTo.target).toBe('api::submission.submission');
    expect(submission.gcmObjectives).toMatchObject({ relation: 'manyToMany', target: 'api::gcm-objective.gcm-objective' });
    expect(schema('api::region.region').attributes.moderators).toMatchObject({ relation: 'manyToMany', target: 'admin::user' });
  });
});

/**
 * Strapi relaxes required, minimum-length and pattern rules for drafts and applies them all on
 * publish; these are the publish-time rules, as Strapi's entity validator applies them.
 * Pending submissions are drafts: their rules are enforced again by the submission service.
 */
describe('schema validation refuses bad values', () => {
  const valid = { kind: 'comment', title: 'A valid title', body: 'A body', language: 'en', moderationState: 'pending' };
  test.each([
    ['a title under 3 characters', 'api::submission.submission', { ...valid, title: 'ab' }],
    ['a title over 200 characters', 'api::submission.submission', { ...valid, title: 'x'.repeat(201) }],
    ['a body over 20,000 characters', 'api::submission.submission', { ...valid, body: 'x'.repeat(20001) }],
    ['an unknown kind', 'api::submission.submission', { ...valid, kind: 'advert' }],
    ['an unknown stakeholder category', 'api::submission.submission', { ...valid, stakeholderCategory: 'lobbyists' }],
    ['an unknown language', 'api::submission.submission', { ...valid, language: 'de' }],
    ['an unknown moderation state', 'api::submission.submission', { ...valid, moderationState: 'hidden' }],
    ['a link that is not http(s)', 'api::submission.submission', { ...valid, links: [{ url: 'javascript:alert(1)' }] }],
    ['objective 24', 'api::gcm-objective.gcm-objective', { number: 24, title: 'No such objective' }],
    ['a review cycle of 1900', 'api::phase.phase', { title: 'Old phase', kind: 'pre_review', reviewCycle: 1900, isDemo: false }],
    ['an unknown phase kind', 'api::phase.phase', { title: 'Odd phase', kind: 'mid_review', reviewCycle: 2026, isDemo: false }],
    ['a guiding question of 5 characters', 'api::guiding-question.guiding-question', { position: 1, text: 'Why?' }],
  ])('%s', async (_label, uid, data) => {
    const model = app.strapi.getModel(uid as never);
    await expect(app.strapi.entityValidator.validateEntityCreation(model, data as never, { isDraft: false } as never)).rejects.toBeInstanceOf(errors.ValidationError);
  });

  test('a valid submission passes the same validator', async () => {
    const model = app.strapi.getModel('api::submission.submission');
    await expect(app.strapi.entityValidator.validateEntityCreation(model, valid as never, { isDraft: false } as never)).resolves.toBeTruthy();
  });
});
