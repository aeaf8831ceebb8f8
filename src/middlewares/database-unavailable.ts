import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isDatabaseUnavailable } from '../utils/database-errors';

/**
 * Some failures during an outage do not look like one: Strapi's entity validator reports any
 * failure of its relation check as "Invalid relations", and a transaction whose connection died
 * leaves later queries failing with knex's own message. An unexpected error is a 503 only if the
 * database does not answer right now; otherwise it stays what it is.
 */
async function hidesAnOutage(strapi: Core.Strapi, error: unknown): Promise<boolean> {
  const unexpected = !(error instanceof errors.ApplicationError) || error.message === 'Invalid relations';
  return unexpected && !(await databaseAnswers(strapi));
}

async function databaseAnswers(strapi: Core.Strapi): Promise<boolean> {
  try {
    await strapi.db.connection.raw('select 1');
    return true;
  } catch {
    return false;
  }
}

const unavailable = (strapi: Core.Strapi, ctx: Parameters<Core.MiddlewareHandler>[0], why: string) => {
  strapi.log.warn(`database unavailable: ${why} (${ctx.method} ${ctx.path} answered 503)`);
  ctx.status = 503;
  ctx.set('Retry-After', '5');
  ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: 'The service is briefly unavailable; try again in a few seconds.', details: {} } };
};

/**
 * While the database cannot be reached (a restart, a failover, an exhausted pool) every request
 * that needs it answers 503 with Retry-After instead of a 500, and the instance keeps running:
 * the pool reconnects on its own when the database is back.
 */
const databaseUnavailable: Core.MiddlewareFactory = (_config, { strapi }) => async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (!isDatabaseUnavailable(error) && !(await hidesAnOutage(strapi, error))) throw error;
    unavailable(strapi, ctx, (error as Error).message);
    return;
  }
  // Strapi's credential checks read the database and answer 401 when that read fails: valid
  // credentials refused during an outage would send a Hub user to sign in again for nothing.
  if (ctx.status === 401 && ctx.get('authorization') && !(await databaseAnswers(strapi))) {
    unavailable(strapi, ctx, 'credentials could not be checked');
  }
};

export default databaseUnavailable;
