import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SUBMISSION } from '../constants';
import type { RegionScope } from './scope';

const STATES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
const EXCERPT = 280;

type QueueQuery = { state?: unknown; region?: unknown; page?: unknown; pageSize?: unknown };

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
      return { region: { code: region } };
    }
    return scope === 'all' ? {} : { region: { code: { $in: scope } } };
  };

  return {
    async list(scope: RegionScope, query: QueueQuery) {
      const state = (query.state ?? 'pending') as (typeof STATES)[number];
      if (!STATES.includes(state)) throw new errors.ValidationError(`state must be one of ${STATES.join(', ')}.`);
      if (query.region !== undefined && typeof query.region !== 'string') throw new errors.ValidationError('region must be a region code.');
      const page = positiveInt(query.page, 1, 100000);
      const pageSize = positiveInt(query.pageSize, 25, 100);
      const inScope = { publishedAt: null, ...regionWhere(scope, query.region as string | undefined) };
      const where = { ...inScope, moderationState: state };
      const [rows, total, counts] = await Promise.all([
        strapi.db.query(SUBMISSION).findMany({
          where,
          select: ['documentId', 'title', 'body', 'kind', 'authorName', 'organisation', 'stakeholderCategory', 'language', 'moderationState', 'screeningFlags', 'decisionReason', 'createdAt', 'decidedAt'],
          populate: { region: { select: ['code'] }, guidingQuestion: { select: ['documentId', 'position', 'text'] }, attachments: { select: ['name', 'mime', 'size'] } },
          // Pending: the longest-waiting first. Decided: the latest first.
          orderBy: [{ createdAt: state === 'pending' ? 'asc' : 'desc' }, { id: 'asc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(SUBMISSION).count({ where }),
        Promise.all(STATES.map(async (s) => [s, await strapi.db.query(SUBMISSION).count({ where: { ...inScope, moderationState: s } })] as const)),
      ]);
      return {
        data: rows.map(({ body, ...row }: { body: string }) => ({ ...row, excerpt: body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body })),
        meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) }, counts: Object.fromEntries(counts) },
      };
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
