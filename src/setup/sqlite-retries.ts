import type { Core } from '@strapi/strapi';

/**
 * Attempts of one transaction before its failure is the request's. Few: a plain SQLITE_BUSY comes
 * after the busy timeout has already waited, so each retry of that kind waits as long again.
 */
const ATTEMPTS = 3;

const isBusy = (error: unknown): boolean => {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  return String(code ?? '').startsWith('SQLITE_BUSY') || (cause !== undefined && cause !== error && isBusy(cause));
};

/**
 * SQLite lets one connection write at a time. A transaction that read before its first write
 * fails at once with SQLITE_BUSY when another connection (another instance, a cron job) wrote
 * since its read: its snapshot is stale, and the busy timeout does not apply to that case. Run
 * again from the start it succeeds, so outermost transactions are retried a few times after a
 * short random pause. This application's callbacks, and the Document Service's, write only to the
 * database (files are stored before, e-mails are rows of the outbox), so running one again repeats nothing.
 */
export function retryBusySqliteTransactions(strapi: Core.Strapi): void {
  if (!String(strapi.db.dialect.client).startsWith('sqlite')) return;
  const db = strapi.db as unknown as { transaction: (cb?: unknown) => Promise<unknown>; inTransaction: () => boolean };
  const transaction = db.transaction.bind(db);
  db.transaction = async (cb?: unknown) => {
    if (!cb || db.inTransaction()) return transaction(cb);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await transaction(cb);
      } catch (error) {
        if (attempt >= ATTEMPTS || !isBusy(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, attempt * 20 + Math.random() * 50));
      }
    }
  };
}
