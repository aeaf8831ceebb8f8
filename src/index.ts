import type { Core } from '@strapi/strapi';
import { syncContentApiRoles } from './setup/access';
import { registerModerationConditions, syncAdminRoles } from './setup/admin-roles';
import { seedDemo } from './setup/demo';
import { ensureLocales, ensureReferenceContent } from './setup/reference-data';

/**
 * `DEMO_DATA`: `auto` (the default outside production) loads the demo space into an empty
 * database, `always` brings it back at every start (npm run demo, npm run seed), `never` skips it.
 */
function demoDataMode(): 'auto' | 'always' | 'never' {
  const mode = process.env.DEMO_DATA ?? (process.env.NODE_ENV === 'production' ? 'never' : 'auto');
  if (mode !== 'auto' && mode !== 'always' && mode !== 'never') {
    throw new Error(`DEMO_DATA must be auto, always or never, not "${mode}"`);
  }
  return mode;
}

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const mode = demoDataMode();
    const isEmpty = (await strapi.db.query('api::phase.phase').count()) === 0;

    await ensureLocales(strapi);
    await ensureReferenceContent(strapi);
    await syncContentApiRoles(strapi);
    await registerModerationConditions(strapi);
    await syncAdminRoles(strapi);

    if (mode === 'always' || (mode === 'auto' && isEmpty)) {
      await seedDemo(strapi);
      strapi.log.info('Demo data loaded (DEMO_DATA=never turns this off).');
    }
  },
};
