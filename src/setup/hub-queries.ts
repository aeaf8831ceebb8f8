/**
 * What the Hub may ask of each type it reads, in one place: the fields it may filter on (a
 * dotted path walks relations), sort by and select, and the relations it may populate, nested
 * as deep as this tree goes. Anything else is refused with a 400 that names the parameter
 * (src/middlewares/query-allowlist.ts; docs/API.md shows the same table).
 *
 * A filter path never steps from a type without draft-and-publish (Region, Phase) into one with
 * it: Strapi keeps the published condition on the type asked for only, so such a step would
 * answer yes or no about unpublished rows (tests/query-allowlist.test.ts holds this).
 */

/** The relations a type may populate, each with what may be populated under it. */
export type PopulateTree = { [relation: string]: PopulateTree };

export type HubQueries = { filters: readonly string[]; sort: readonly string[]; fields: readonly string[]; populate: PopulateTree };

const FILE_FIELDS = ['name', 'url', 'mime', 'size', 'ext', 'alternativeText', 'caption', 'width', 'height'] as const;
const TIMES = ['createdAt', 'updatedAt', 'publishedAt'] as const;

export const HUB_QUERIES: Record<string, HubQueries> = {
  'api::region.region': {
    filters: ['documentId', 'code', 'slug', 'name'],
    sort: ['code', 'name'],
    fields: ['code', 'name', 'commission', 'slug', ...TIMES],
    populate: { phases: { guidingQuestions: {}, summaries: { attachments: {}, links: {} } } },
  },
  'api::phase.phase': {
    filters: ['documentId', 'kind', 'reviewCycle', 'reviewDate', 'opensAt', 'closesAt', 'summaryDueAt', 'isDemo', 'region.documentId', 'region.code', 'region.slug'],
    sort: ['reviewCycle', 'reviewDate', 'opensAt', 'closesAt', 'kind', 'title'],
    fields: ['title', 'kind', 'reviewCycle', 'reviewDate', 'reviewVenue', 'opensAt', 'closesAt', 'summaryDueAt', 'description', 'isDemo', ...TIMES],
    populate: { region: {}, guidingQuestions: {}, summaries: { attachments: {}, links: {} } },
  },
  'api::guiding-question.guiding-question': {
    filters: ['documentId', 'position', 'phase.documentId', 'phase.kind', 'phase.reviewCycle', 'phase.isDemo', 'phase.region.documentId', 'phase.region.code'],
    sort: ['position', ...TIMES],
    fields: ['position', 'text', 'locale', ...TIMES],
    populate: { phase: { region: {}, guidingQuestions: {}, summaries: {} } },
  },
  'api::submission.submission': {
    filters: [
      'documentId',
      'kind',
      'title',
      'body',
      'organisation',
      'stakeholderCategory',
      'countries',
      'language',
      ...TIMES,
      'guidingQuestion.documentId',
      'guidingQuestion.position',
      'phase.documentId',
      'phase.kind',
      'phase.reviewCycle',
      'phase.isDemo',
      'region.documentId',
      'region.code',
      'gcmObjectives.number',
      // filters[replyTo][$null]=true: the posts that answer no other.
      'replyTo',
      'replyTo.documentId',
    ],
    sort: ['title', 'kind', 'language', ...TIMES],
    fields: ['kind', 'title', 'body', 'authorName', 'organisation', 'stakeholderCategory', 'countries', 'language', ...TIMES],
    populate: {
      guidingQuestion: {},
      phase: { region: {} },
      region: {},
      replyTo: {},
      responses: { attachments: {}, links: {}, translations: {}, moderatorReplies: {} },
      gcmObjectives: {},
      attachments: {},
      links: {},
      translations: {},
      moderatorReplies: {},
    },
  },
  'api::moderator-reply.moderator-reply': {
    filters: ['documentId', 'submission.documentId', 'region.documentId', 'region.code', ...TIMES],
    sort: [...TIMES],
    fields: ['body', 'moderatorName', ...TIMES],
    populate: { submission: {}, region: {} },
  },
  'api::gcm-objective.gcm-objective': {
    filters: ['documentId', 'number'],
    sort: ['number'],
    fields: ['number', 'title', ...TIMES],
    populate: {},
  },
  'api::summary.summary': {
    filters: ['documentId', 'phase.documentId', 'phase.kind', 'phase.reviewCycle', 'phase.region.documentId', 'phase.region.code', ...TIMES],
    sort: ['title', ...TIMES],
    fields: ['title', 'body', ...TIMES],
    populate: { phase: { region: {} }, attachments: {}, links: {} },
  },
};

/** Fields the Hub may select on the types it reaches only through populate (files, components). */
export const NESTED_FIELDS: Record<string, readonly string[]> = {
  'plugin::upload.file': FILE_FIELDS,
  'shared.link': ['url', 'label'],
  'submission.translation': ['language', 'title', 'body'],
};
