import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MODERATION_STATES } from '../../../../../reference/gcm';
import { SUBMISSION } from '../constants';
import type { RegionScope } from './scope';

const EXCERPT = 280;

type QueueQuery = {
  state?: unknown;
  region?: unknown;
  phase?: unknown;
  guidingQuestion?: unknown;
  kind?: unknown;
  stakeholderCategory?: unknown;
  language?: unknown;
  flagged?: unknown;
  q?: unknown;
  page?: unknown;
  pageSize?: unknown;
};

const optionalText = (query: QueueQuery, key: keyof QueueQuery, max = 100): string | undefined => {
  const value = query[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max) throw new errors.ValidationError(`${key} must be a single value of at most ${max} characters.`);
  return value;
};

/** The filters of the queue besides state and region, as a database where-clause. */
function filtersOf(query: QueueQuery): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  const phase = optionalText(query, 'phase');
  const question = optionalText(query, 'guidingQuestion');
  const kind = optionalText(query, 'kind');
  const category = optionalText(query, 'stakeholderCategory');
  const language = optionalText(query, 'language');
  const flagged = optionalText(query, 'flagged');
  const q = optionalText(query, 'q', 200);
  // Region and phase are kept on the submission's own row: the queue filters them without joins.
  if (phase) where.phaseDocumentId = phase;
  if (question) where.guidingQuestion = { documentId: question };
  if (kind) where.kind = kind;
  if (category) where.stakeholderCategory = category;
  if (language) where.language = language;
  if (flagged !== undefined) {
    if (flagged !== 'true' && flagged !== 'false') throw new errors.ValidationError('flagged must be true or false.');
    where.flagged = flagged === 'true';
  }
  if (q) where.$or = ['title', 'body', 'organisation', 'authorName'].map((field) => ({ [field]: { $containsi: q } }));
  return where;
}

const positiveInt = (value: unknown, fallback: number, max: number) => {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new errors.ValidationError(`Expected a whole number from 1 to ${max}, got "${value}".`);
  return Math.min(n, max);
};

/** What moderators read: the submissions of their regions, by moderation state. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const regionWhere = (scope: RegionScope, region?: string) => {
    if (region !== undefined) {
      if (scope !== 'all' && !scope.includes(region)) throw new errors.PolicyError(`You do not moderate ${region}.`);
      return { regionCode: region };
    }
    return scope === 'all' ? {} : { regionCode: { $in: scope } };
  };

  return {
    async list(scope: RegionScope, query: QueueQuery) {
      const state = (query.state ?? 'pending') as (typeof MODERATION_STATES)[number];
      if (!MODERATION_STATES.includes(state)) throw new errors.ValidationError(`state must be one of ${MODERATION_STATES.join(', ')}.`);
      if (query.region !== undefined && typeof query.region !== 'string') throw new errors.ValidationError('region must be a region code.');
      const page = positiveInt(query.page, 1, 100000);
      const pageSize = positiveInt(query.pageSize, 25, 100);
      const inScope = { publishedAt: null, ...regionWhere(scope, query.region as string | undefined), ...filtersOf(query) };
      const where = { ...inScope, moderationState: state };
      const [rows, counts] = await Promise.all([
        strapi.db.query(SUBMISSION).findMany({
          where,
          select: ['documentId', 'title', 'body', 'kind', 'authorName', 'organisation', 'stakeholderCategory', 'language', 'moderationState', 'screeningFlags', 'flagged', 'decisionReason', 'createdAt', 'decidedAt'],
          populate: { region: { select: ['code'] }, guidingQuestion: { select: ['documentId', 'position', 'text'] }, attachments: { select: ['name', 'mime', 'size'] } },
          // Pending: the longest-waiting first. Decided: the latest first.
          orderBy: [{ createdAt: state === 'pending' ? 'asc' : 'desc' }, { id: 'asc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        Promise.all(MODERATION_STATES.map(async (s) => [s, await strapi.db.query(SUBMISSION).count({ where: { ...inScope, moderationState: s } })] as const)),
      ]);
      // The tab's own count is its total (the counts are answered from submissions_queue_idx).
      const byState = Object.fromEntries(counts) as Record<(typeof MODERATION_STATES)[number], number>;
      const total = byState[state];
      return {
        // Keys in one order: relations are populated in whichever order their queries end, and the
        // queue's ETag is a hash of the answer.
        data: rows.map(({ body, region, guidingQuestion, attachments, ...row }: { body: string; region: unknown; guidingQuestion: unknown; attachments: unknown }) => ({
          ...row,
          region,
          guidingQuestion,
          attachments,
          excerpt: body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body,
        })),
        meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) }, counts: byState },
      };
    },

    /** Pending submissions per region the user moderates, and how long the oldest has waited. */
    async overview(scope: RegionScope) {
      const regions = await strapi.db.query('api::region.region').findMany({ where: scope === 'all' ? {} : { code: { $in: scope } }, select: ['code', 'name'], orderBy: { code: 'asc' } });
      return Promise.all(
        regions.map(async (region: { code: string; name: string }) => {
          const where = { publishedAt: null, moderationState: 'pending', regionCode: region.code };
          const [pending, oldest] = await Promise.all([
            strapi.db.query(SUBMISSION).count({ where }),
            strapi.db.query(SUBMISSION).findOne({ where, select: ['createdAt'], orderBy: { createdAt: 'asc' } }),
          ]);
          return { ...region, pending, oldestPendingAt: oldest?.createdAt ?? null };
        }),
      );
    },

    async detail(scope: RegionScope, documentId: string) {
      const submission = await strapi.documents(SUBMISSION).findOne({
        documentId,
        status: 'draft',
        populate: {
          region: { fields: ['code', 'name'] },
          phase: { fields: ['title', 'kind', 'opensAt', 'closesAt'] },
          guidingQuestion: { fields: ['position', 'text'] },
          replyTo: { fields: ['title', 'authorName'] },
          responses: { fields: ['title', 'authorName'] },
          gcmObjectives: { fields: ['number', 'title'] },
          attachments: true,
          links: true,
          translations: true,
          moderatorReplies: { fields: ['body', 'moderatorName', 'createdAt'] },
          author: { fields: ['displayName', 'organisation', 'stakeholderCategory', 'country'] },
        },
      });
      if (!submission) throw new errors.NotFoundError(`No submission ${documentId}.`);
      strapi.plugin('moderation').service('scope').assertInScope(scope, (submission as { region?: { code: string } }).region?.code);
      const events = await strapi.plugin('moderation').service('events').forSubmission(documentId);
      return { ...submission, events };
    },
  };
};
