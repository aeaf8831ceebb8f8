#!/usr/bin/env node
/**
 * npm run openapi: writes the Hub's contract, docs/openapi.json (src/openapi/document.ts), and
 * its TypeScript types, types/hub/api.d.ts (openapi-typescript), from the compiled application on
 * a throwaway database. tests/openapi.test.ts fails while either differs from a fresh run.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { freshDatabase } = require('./lib/fresh-database');
const { throwawaySecrets } = require('./lib/throwaway-secrets');

const root = path.resolve(__dirname, '..');
const DOCUMENT = path.join(root, 'docs', 'openapi.json');
const TYPES = path.join(root, 'types', 'hub', 'api.d.ts');

/** The document as committed: two spaces, one final newline. */
const serialise = (document) => `${JSON.stringify(document, null, 2)}\n`;

/**
 * Types for a document file, as openapi-typescript writes them. A field with a default stays
 * optional, as the server takes it (a submission's `language`).
 */
function typesOf(documentPath, outputPath) {
  const cli = path.join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
  execFileSync(process.execPath, [cli, documentPath, '--output', outputPath, '--default-non-nullable', 'false'], { stdio: 'pipe' });
}

async function main() {
  const database = await freshDatabase('gcm-openapi');
  Object.assign(process.env, { NODE_ENV: 'development', DEMO_DATA: 'never', LOG_LEVEL: 'warn', EMAIL_PROVIDER: 'log', ...throwawaySecrets(), ...database.env });
  const { loadStrapi } = require('./lib/load-strapi');
  const strapi = await loadStrapi();
  try {
    const { hubOpenApi } = require(path.join(root, 'dist', 'src', 'openapi', 'document.js'));
    fs.writeFileSync(DOCUMENT, serialise(await hubOpenApi(strapi)));
  } finally {
    await strapi.destroy();
    await database.drop();
  }
  fs.mkdirSync(path.dirname(TYPES), { recursive: true });
  typesOf(DOCUMENT, TYPES);
  console.log(`Wrote ${path.relative(root, DOCUMENT)} and ${path.relative(root, TYPES)}.`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error.stack ?? error);
    process.exit(1);
  });
}

module.exports = { serialise, typesOf };
