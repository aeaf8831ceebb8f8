#!/usr/bin/env node
/**
 * Builds (plugins, server, admin panel) unless dist/ was built from exactly these sources:
 * a hash of every file that goes into the build is kept in dist/.build-inputs. CI runs the
 * suite twice (SQLite, PostgreSQL) and a second identical build would only cost minutes.
 */
const { execSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const INPUTS = ['src', 'config', 'types', 'package.json', 'package-lock.json', 'tsconfig.json', 'favicon.png'];
const SKIP = new Set(['node_modules', 'dist', '.strapi']);
const marker = path.join(root, 'dist', '.build-inputs');

function files(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full)
    .filter((name) => !SKIP.has(name))
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

const hash = crypto.createHash('sha256');
for (const file of INPUTS.flatMap(files)) hash.update(file).update(fs.readFileSync(path.join(root, file)));
const digest = hash.digest('hex');

const built = fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === digest && fs.existsSync(path.join(root, 'dist', 'build', 'index.html'));
if (built) {
  console.log('The build in dist/ is current; not rebuilding.');
} else {
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
  fs.writeFileSync(marker, digest);
}
