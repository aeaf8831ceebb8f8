import type { Core } from '@strapi/strapi';
import { isDatabaseUnavailable } from '../utils/database-errors';

/**
 * While the database cannot be reached (a restart, a failover, an exhausted pool) every request
 * that needs it answers 503 with Retry-After instead of a 500, and the instance keeps running:
 * the pool reconnects on its own when the database is back.
 */
const databaseUnavailable: Core.MiddlewareFactory = (_config, { strapi }) => async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    strapi.log.warn(`database unavailable: ${(error as Error).message} (${ctx.method} ${ctx.path} answered 503)`);
    ctx.status = 503;
    ctx.set('Retry-After', '5');
    ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: 'The service is briefly unavailable; try again in a few seconds.', details: {} } };
  }
};

export default databaseUnavailable;
