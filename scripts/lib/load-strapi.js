/**
 * Loads the application (compiled from src/ by Strapi) for a one-off script, without serving
 * HTTP. The caller must call `strapi.destroy()`.
 */
const path = require('node:path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..', '..');

async function loadStrapi() {
  process.chdir(root);
  const context = await compileStrapi({ appDir: root });
  const strapi = createStrapi({ ...context, autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'warn';
  return strapi.load();
}

module.exports = { loadStrapi, root };
