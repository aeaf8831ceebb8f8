/** What the benchmark and the soak share: building the data set, serving the app, asking it things. */
const { fork, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { freePort } = require('../lib/free-port');

const root = path.resolve(__dirname, '..', '..');

/** Waits until `url` answers; a `child` server that ended meanwhile fails the wait at once. */
async function waitFor(url, child, timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server for ${url} ended (${child.exitCode}) before it answered`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

const rssMb = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
};

async function json(url, init = {}) {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init.headers || {}) } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${init.method || 'GET'} ${url}: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

const adminToken = async (base, email, password) => (await json(`${base}/admin/login`, { method: 'POST', body: JSON.stringify({ email, password }) })).data.token;

/**
 * Builds the data set in a child process that loads the app without serving it (in development: the
 * demo accounts it starts from have their demo passwords until it changes them); answers what it built.
 */
const buildDataset = (env) =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'build-dataset.js'), { env: { ...env, NODE_ENV: 'development' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', resolve);
    child.on('exit', (code) => code && reject(new Error(`building the data set failed (${code})`)));
  });

/** The built application served by `strapi start` on a port of 127.0.0.1. */
const serve = (env, port, extra = {}) =>
  spawn(process.execPath, [path.join(root, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], { cwd: root, env: { ...env, ...extra, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });

module.exports = { root, waitFor, rssMb, json, adminToken, buildDataset, serve, freePort };
