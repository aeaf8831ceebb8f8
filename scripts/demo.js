#!/usr/bin/env node
/**
 * npm run demo (after install and build): prints the demo logins and serves the application
 * with the demo space loaded, on http://localhost:1337 (admin panel at /admin).
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { DEMO_ADMINS, DEMO_HUB_USERS, demoPasswords } = require(path.join(root, 'dist', 'src', 'setup', 'demo.js'));

const port = process.env.PORT || '1337';
const passwords = demoPasswords();
const lines = [
  '',
  'GCM Regional Review discussion spaces: demo',
  `  Admin panel  http://localhost:${port}/admin   (password for all: ${passwords.admin})`,
  ...DEMO_ADMINS.map((a) => `    ${a.email.padEnd(30)} ${a.role}${a.moderates.length ? ` of ${a.moderates.join(', ')}` : ''}`),
  `  Content API  http://localhost:${port}/api     (POST /api/auth/local; password for all: ${passwords.user})`,
  ...DEMO_HUB_USERS.map((u) => `    ${u.email.padEnd(30)} ${u.role}`),
  '  A read token for the Hub: npm run hub-token',
  '',
];
console.log(lines.join('\n'));

const strapiCli = path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const server = spawn(process.execPath, [strapiCli, 'start'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DEMO_DATA: process.env.DEMO_DATA || 'always' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
