/** What the benchmark and the soak share: building the data set, serving the app, asking it things. */
const { fork, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

async function waitFor(url, timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
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

const adminToken = async (base, email) =>
  (await json(`${base}/admin/login`, { method: 'POST', body: JSON.stringify({ email, password: process.env.DEMO_ADMIN_PASSWORD || 'Demo-Admin-2024' }) })).data.token;

/** Builds the data set in a child process that loads the app without serving it; answers what it built. */
const buildDataset = (env) =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'build-dataset.js'), { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', resolve);
    child.on('exit', (code) => code && reject(new Error(`building the data set failed (${code})`)));
  });

/** The built application served by `strapi start` on a port of 127.0.0.1. */
const serve = (env, port, extra = {}) =>
  spawn(process.execPath, [path.join(root, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], { cwd: root, env: { ...env, ...extra, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });

/** A port nothing listens on now, chosen by the system. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

module.exports = { root, waitFor, rssMb, json, adminToken, buildDataset, serve, freePort };
