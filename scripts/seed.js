#!/usr/bin/env node
/** npm run seed: loads the reference and demo content into the configured database (idempotent). */
const { loadStrapi } = require('./lib/load-strapi');

(async () => {
  process.env.DEMO_DATA = 'always';
  const strapi = await loadStrapi();
  const count = (uid) => strapi.db.query(uid).count();
  console.log(
    `Seeded: ${await count('api::region.region')} regions, ${await count('api::phase.phase')} phases, ` +
      `${await count('api::gcm-objective.gcm-objective')} GCM objectives.`,
  );
  await strapi.destroy();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
