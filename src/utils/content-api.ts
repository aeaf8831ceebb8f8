import { factories } from '@strapi/strapi';
import type { UID } from '@strapi/strapi';

/**
 * Read parameters of the right shape, and only those the allowlist names for the type
 * (src/setup/hub-queries.ts); populated questions in the locale asked for; published documents
 * only, answered from the read cache while nothing published has changed.
 */
const publishedOnly = (uid: UID.ContentType) => [
  'global::query-shape',
  { name: 'global::query-allowlist', config: { uid } },
  { name: 'global::question-locale', config: { uid } },
  'global::published-only',
  { name: 'global::read-cache', config: { uid } },
];

/** Routes of a type the Hub reads and nobody writes through the content API. */
export const createReadOnlyRouter = (uid: UID.ContentType) =>
  factories.createCoreRouter(uid, {
    only: ['find', 'findOne'],
    config: {
      find: { middlewares: publishedOnly(uid) },
      findOne: { middlewares: publishedOnly(uid) },
    },
  });
