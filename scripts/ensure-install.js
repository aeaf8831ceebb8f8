#!/usr/bin/env node
/**
 * Makes a fresh clone runnable with only Node and npm: installs dependencies when they are
 * missing or older than package-lock.json, and writes a .env with random secrets when there
 * is none. Uses Node's built-ins only, since it runs before anything is installed.
 */
const { execSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const installedLock = path.join(root, 'node_modules', '.package-lock.json');

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

if (!fs.existsSync(installedLock) || mtime(lock) > mtime(installedLock)) {
  const command = fs.existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund';
  console.log(`Installing dependencies (${command}); the first time takes a few minutes.`);
  execSync(command, { cwd: root, stdio: 'inherit' });
}

const envFile = path.join(root, '.env');
if (!fs.existsSync(envFile)) {
  const secret = () => crypto.randomBytes(24).toString('base64');
  const lines = [
    '# Written by scripts/ensure-install.js with random secrets; see .env.example for every setting.',
    'HOST=0.0.0.0',
    'PORT=1337',
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    'STRAPI_TELEMETRY_DISABLED=true',
    'DATABASE_CLIENT=sqlite',
    'DATABASE_FILENAME=.tmp/data.db',
    '',
  ];
  fs.writeFileSync(envFile, lines.join('\n'), { mode: 0o600 });
  console.log('Wrote .env with fresh random secrets.');
}
