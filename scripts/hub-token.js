#!/usr/bin/env node
/**
 * npm run hub-token [-- "name"]: creates a content API token for the Hub website that reads
 * published content and nothing else, and prints it (Strapi shows a token's key only once).
 */
const path = require('node:path');
const { loadStrapi, root } = require('./lib/load-strapi');

(async () => {
  const strapi = await loadStrapi();
  const { createHubToken, HUB_TOKEN_NAME } = require(path.join(root, 'dist', 'src', 'setup', 'access.js'));
  const name = process.argv[2] || `${HUB_TOKEN_NAME} ${new Date().toISOString().slice(0, 19)}`;
  try {
    const key = await createHubToken(strapi, name);
    console.log(`Created the API token "${name}". Give it to the Hub's server as:`);
    console.log(`Authorization: Bearer ${key}`);
  } finally {
    await strapi.destroy();
  }
})().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
