import { factories } from '@strapi/strapi';
import type { UID } from '@strapi/strapi';

/** Read parameters of the right shape; published documents only, answered from the read cache while nothing published has changed. */
const PUBLISHED_ONLY = ['global::query-shape', 'global::published-only', 'global::read-cache'];

/** Routes of a type the Hub reads and nobody writes through the content API. */
export const createReadOnlyRouter = (uid: UID.ContentType) =>
  factories.createCoreRouter(uid, {
    only: ['find', 'findOne'],
    config: {
      find: { middlewares: PUBLISHED_ONLY },
      findOne: { middlewares: PUBLISHED_ONLY },
    },
  });

/** The read routes above, and `POST` for a signed-in Hub user. */
export const createPostableRouter = (uid: UID.ContentType) =>
  factories.createCoreRouter(uid, {
    only: ['find', 'findOne', 'create'],
    config: {
      find: { middlewares: PUBLISHED_ONLY },
      findOne: { middlewares: PUBLISHED_ONLY },
      create: { policies: ['global::is-hub-user'] },
    },
  });
