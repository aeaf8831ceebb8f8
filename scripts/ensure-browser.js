#!/usr/bin/env node
/**
 * The admin panel's browser tests drive Debian's Chromium (never a downloaded browser). Installs
 * it with apt-get when it is missing and this process may; otherwise says how.
 */
const { execSync } = require('node:child_process');
const fs = require('node:fs');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!fs.existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    console.error(`The browser tests need Chromium at ${CHROMIUM}: run "apt-get install -y chromium" (Debian) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log('Installing Chromium for the browser tests (apt-get install chromium).');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
}
