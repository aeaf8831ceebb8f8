/**
 * Child process of the benchmark: loads the compiled application on the database given in
 * the environment, builds the data set, creates a Hub token and the stakeholders who post
 * under load, and reports back over IPC.
 */
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');
const { buildDataset } = require('./dataset');

const root = path.resolve(__dirname, '..', '..');
const STAKEHOLDERS = 50;

/** Stakeholder accounts, each with a signed-in JWT, made through the users-permissions services. */
async function stakeholders(strapi) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'stakeholder' } });
  const tokens = [];
  for (let i = 1; i <= STAKEHOLDERS; i += 1) {
    const user = await strapi.plugin('users-permissions').service('user').add({
      username: `bench-stakeholder-${i}`,
      email: `bench-stakeholder-${i}@example.org`,
      password: `Bench-${i}-${Math.random()}`,
      provider: 'local',
      confirmed: true,
      role: role.id,
      displayName: `Bench stakeholder ${i}`,
      organisation: `Bench organisation ${i}`,
      stakeholderCategory: 'civil_society',
      country: 'FR',
    });
    tokens.push(strapi.plugin('users-permissions').service('jwt').issue({ id: user.id }));
  }
  return tokens;
}

(async () => {
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  strapi.log.level = 'error';
  const started = Date.now();
  const built = await buildDataset(strapi);
  const { createHubToken } = require(path.join(root, 'dist/src/setup/access.js'));
  const token = await createHubToken(strapi, 'bench');
  const one = await strapi.documents('api::submission.submission').findFirst({ status: 'published', filters: { phase: { documentId: built.busiest.phase } } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.send({ ...built, token, stakeholders: await stakeholders(strapi), oneSubmission: one.documentId, seconds });
  await strapi.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
