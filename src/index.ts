import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { moveLegacyFiles } from './api/file/legacy-storage';
import { checkTimeline, type PhaseTimeline } from './api/phase/timeline';
import { readCacheFor } from './read-cache';
import { keepQueueColumns, prepareQueueColumns } from './setup/queue-columns';
import { syncContentApiRoles } from './setup/access';
import { filterOutgoingEvents } from './setup/outgoing-events';
import { guardDisplayNames } from './setup/person-names';
import { demoDataMode, refuseDemoPasswordsInProduction, removeStrapiDefaultTokens } from './setup/safe-defaults';
import { registerModerationConditions, syncAdminRoles } from './setup/admin-roles';
import { seedDemo } from './setup/demo';
import { retryBusySqliteTransactions } from './setup/sqlite-retries';
import { ensureLocales, ensureReferenceContent } from './setup/reference-data';
import { isDatabaseUnavailable } from './utils/database-errors';

/** A phase is refused when it breaks a hard timeline rule, whoever writes it. */
function enforcePhaseTimeline(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== 'api::phase.phase' || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { documentId?: string; data?: PhaseTimeline };
    const current = params.documentId ? await strapi.documents('api::phase.phase').findOne({ documentId: params.documentId }) : null;
    const { errors: broken } = checkTimeline({ ...(current as PhaseTimeline | null), ...params.data });
    if (broken.length) throw new errors.ValidationError(broken.join(' '), { errors: broken.map((message) => ({ path: ['timeline'], message })) });
    return next();
  });
}

/**
 * Files that nothing refers to any more are removed at start-up and then every day
 * (`FILE_SWEEP_SCHEDULE`); several instances sweeping at once remove nothing twice.
 */
async function sweepOrphanFiles(strapi: Core.Strapi) {
  const files = strapi.service('api::file.file');
  // Made once at start, so that concurrent postings never race to create it.
  await files.apiUploadFolder();
  const sweep = () => files.sweepOrphans().catch((error: Error) => strapi.log.error(`files: the sweep failed and runs again at its next time: ${error.message}`));
  await sweep();
  strapi.cron.add({ sweepOrphanFiles: { task: sweep, options: { rule: process.env.FILE_SWEEP_SCHEDULE ?? '30 3 * * *' } } });
}

/**
 * When the database goes away mid-request, queries Strapi ran side by side can fail after their
 * request has already been answered (503): nobody awaits them any more. Those must not stop the
 * server, which reconnects on its own; any other unhandled rejection still does.
 */
let onUnhandledRejection: ((reason: unknown) => void) | undefined;
function surviveDatabaseOutages(strapi: Core.Strapi) {
  onUnhandledRejection = (reason) => {
    if (!isDatabaseUnavailable(reason)) throw reason;
    strapi.log.warn(`database unavailable: a query failed after its request was answered (${(reason as Error).message.split(' - ').pop()})`);
  };
  process.on('unhandledRejection', onUnhandledRejection);
}

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    surviveDatabaseOutages(strapi);
    retryBusySqliteTransactions(strapi);
    enforcePhaseTimeline(strapi);
    keepQueueColumns(strapi);
    filterOutgoingEvents(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const mode = demoDataMode();
    guardDisplayNames(strapi);
    await readCacheFor(strapi).prepare();
    await moveLegacyFiles(strapi);
    await sweepOrphanFiles(strapi);
    const isEmpty = (await strapi.db.query('api::phase.phase').count()) === 0;

    await ensureLocales(strapi);
    await ensureReferenceContent(strapi);
    await prepareQueueColumns(strapi);
    await syncContentApiRoles(strapi);
    await registerModerationConditions(strapi);
    await syncAdminRoles(strapi);

    if (mode === 'always' || (mode === 'auto' && isEmpty)) {
      await seedDemo(strapi);
      strapi.log.info(`Demo data loaded (DEMO_DATA=${mode}).`);
    }
    await removeStrapiDefaultTokens(strapi);
    await refuseDemoPasswordsInProduction(strapi);
  },

  destroy() {
    if (onUnhandledRejection) process.off('unhandledRejection', onUnhandledRejection);
  },
};
