/**
 * Child process of the benchmark: loads the compiled application on the database given in
 * the environment, builds the data set, creates a Hub token, and reports back over IPC.
 */
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');
const { buildDataset } = require('./dataset');

const root = path.resolve(__dirname, '..', '..');

(async () => {
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  strapi.log.level = 'error';
  const started = Date.now();
  const built = await buildDataset(strapi);
  const { createHubToken } = require(path.join(root, 'dist/src/setup/access.js'));
  const token = await createHubToken(strapi, 'bench');
  const one = await strapi.documents('api::submission.submission').findFirst({ status: 'published', filters: { phase: { documentId: built.firstPhase } } });
  process.send({ ...built, token, oneSubmission: one.documentId, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  await strapi.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
