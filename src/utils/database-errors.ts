/** Node's network errors, and the SQL states of a server going away or out of resources. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'SQLITE_BUSY', 'SQLITE_LOCKED']);
const UNAVAILABLE_SQL_STATE_CLASSES = ['08', '53', '57', '58'];
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Knex: Timeout acquiring a connection|Transaction query already complete|ECONNREFUSED/i;

const codeOf = (error: unknown) => String((error as { code?: unknown } | null)?.code ?? '');

/** Errors that mean the database cannot be reached right now, rather than that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = codeOf(error);
  if (CONNECTION_CODES.has(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_SQL_STATE_CLASSES.includes(code.slice(0, 2))) return true;
  if ((error as { name?: unknown }).name === 'KnexTimeoutError') return true;
  return UNAVAILABLE_MESSAGES.test(String((error as { message?: unknown }).message ?? ''));
}

/**
 * Errors that say the query itself cannot be run as the client wrote it: raised by Strapi's
 * query layer itself (an operator where a field belongs), or the database's data and syntax
 * errors (text compared with a number). Never an outage.
 */
export function isQueryRefusal(error: unknown): boolean {
  if (!(error instanceof Error) || isDatabaseUnavailable(error)) return false;
  const code = codeOf(error);
  if (/^(22|42)[0-9A-Z]{3}$/.test(code) || code === 'SQLITE_ERROR' || code === 'SQLITE_MISMATCH') return true;
  const firstFrame = (error.stack ?? '').split('\n').find((line) => line.trim().startsWith('at ')) ?? '';
  return !code && /@strapi[\\/]database/.test(firstFrame);
}
