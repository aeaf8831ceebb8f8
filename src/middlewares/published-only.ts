import type { Core } from '@strapi/strapi';

/**
 * Every content API read serves published documents only. The stock controllers honour
 * `?status=draft`, which would hand unapproved submissions and unposted questions to any
 * reader, so the parameter is overwritten rather than validated.
 */
const publishedOnly: Core.MiddlewareFactory = () => async (ctx, next) => {
  const query = ctx.query as Record<string, unknown>;
  query.status = 'published';
  delete query.publicationFilter;
  delete query.hasPublishedVersion;
  await next();
};

export default publishedOnly;
