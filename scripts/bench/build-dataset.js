/**
 * Child process of the benchmark: loads the compiled application on the database given in
 * the environment, builds the data set, creates a Hub token and the stakeholders who post
 * under load, and reports back over IPC.
 */
const crypto = require('node:crypto');
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

/**
 * The servers run in production, which refuses demo passwords: every admin and demo Hub account
 * gets a fresh one (the bench stakeholders sign in with their JWTs). Answers the admins' password.
 */
async function rotateDemoPasswords(strapi) {
  const adminPassword = `Bench-${crypto.randomBytes(12).toString('base64url')}`;
  for (const admin of await strapi.db.query('admin::user').findMany({ select: ['id'] })) {
    await strapi.service('admin::user').updateById(admin.id, { password: adminPassword });
  }
  const users = await strapi.db.query('plugin::users-permissions.user').findMany({ select: ['id', 'username'] });
  for (const user of users.filter((u) => !u.username.startsWith('bench-stakeholder-'))) {
    await strapi.plugin('users-permissions').service('user').edit(user.id, { password: crypto.randomBytes(18).toString('base64url') });
  }
  return adminPassword;
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
  process.send({ ...built, token, stakeholders: await stakeholders(strapi), oneSubmission: one.documentId, seconds, adminPassword: await rotateDemoPasswords(strapi) });
  await strapi.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
