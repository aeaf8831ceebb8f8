import type { Core, UID } from '@strapi/strapi';
import type { Context } from 'koa';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { countChanges, dependenciesOf, pinOf } from './changes';
import { changeCounters, fingerprint, type Snapshot } from './counters';
import { principals } from './principals';

type Entry = { dependencies: readonly string[]; fingerprint: number; body: string; etag: string; principal: 'user' | 'token' };

/**
 * The Hub's read path: a published read is answered from memory while nothing it may show has
 * changed. Changes are counted in shared counters (counters.ts) in the transaction of the change,
 * and only when published content changes (changes.ts): a pending post or an edit of a draft
 * changes nothing a reader sees. Posts and replies are counted by region, phase and question, so a
 * decision in one region keeps the cached pages of the others when a read names its region, phase,
 * question or post. Every read compares the counters first, so a change made on any instance is
 * seen on the next read everywhere.
 *
 * Cache hits are answered early (`early`, a global middleware after logging, security headers and
 * CORS), before Strapi's router: the credential is checked against state kept in memory
 * (principals.ts), dropped whenever credentials, permissions or accounts change. A miss goes
 * through Strapi's whole chain and is kept by the route middleware (`middleware`). Entries are per
 * role or token (what a principal may populate can differ), and carry an ETag.
 */
function createReadCache(strapi: Core.Strapi) {
  const counters = changeCounters(strapi);
  const who = principals(strapi);
  const entries = new LRUCache<string, Entry>({
    maxSize: Number(process.env.READ_CACHE_MB ?? 64) * 1024 * 1024,
    sizeCalculation: (entry) => entry.body.length + 256,
  });
  /** Addresses with an entry for someone: a request for any other goes straight to Strapi. */
  const addresses = new LRUCache<string, true>({ max: 100_000 });
  /** Starts counting changes (at bootstrap, once the database is there). */
  const prepare = () => countChanges(strapi, counters);

  // READ_CACHE=off serves every read through Strapi's stock controller (the benchmark's baseline).
  const disabled = process.env.READ_CACHE === 'off';

  /** Answers from an entry, with the headers the answer always carries. */
  function answer(ctx: Context, entry: Entry) {
    ctx.set('ETag', entry.etag);
    // Revalidated every time (the ETag makes that cheap). A Hub user's answer stays in their
    // browser; the Hub server's (token) answer may be kept by its CDN, keyed by Authorization.
    ctx.set('Cache-Control', entry.principal === 'user' ? 'private, no-cache' : 'public, no-cache');
    ctx.set('Vary', 'Authorization');
    if (ctx.get('If-None-Match') === entry.etag) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = entry.body;
  }

  const keyOf = (principal: string, ctx: Context) => `${principal} ${ctx.path}?${ctx.querystring}`;
  const fresh = (entry: Entry | undefined, snapshot: Snapshot): entry is Entry => !!entry && entry.fingerprint === fingerprint(snapshot, entry.dependencies);

  /** The route middleware of a type's reads: answers what is kept, or lets Strapi compute it and keeps it. */
  const middleware = (uid: UID.ContentType): Core.MiddlewareHandler => async (ctx, next) => {
    if (disabled) return next();
    const state = ctx.state as { user?: { role?: { id: number } }; auth?: { credentials?: { id?: number } }; readCacheSnapshot?: Snapshot };
    const principal = state.user ? `role:${state.user.role?.id}` : `token:${state.auth?.credentials?.id}`;
    const key = keyOf(principal, ctx);
    // Taken when the request arrived (early), or now: the counters before the query, never after.
    const snapshot = state.readCacheSnapshot ?? (await counters.snapshot());
    let entry = entries.get(key);
    if (!fresh(entry, snapshot)) {
      const dependencies = dependenciesOf(uid, await pinOf(strapi, uid, ctx));
      await next();
      if (ctx.status !== 200 || ctx.body === undefined) return;
      const body = JSON.stringify(ctx.body);
      const version = fingerprint(snapshot, dependencies);
      entry = { dependencies, fingerprint: version, body, etag: `"${version}-${createHash('sha1').update(body).digest('base64url')}"`, principal: state.user ? 'user' : 'token' };
      entries.set(key, entry);
      addresses.set(`${ctx.path}?${ctx.querystring}`, true);
    }
    answer(ctx, entry);
  };

  /** The global middleware: a GET with a credential whose answer is kept and current is answered here. */
  const early: Core.MiddlewareHandler = async (ctx, next) => {
    if (disabled || ctx.method !== 'GET' || !ctx.get('Authorization') || !addresses.has(`${ctx.path}?${ctx.querystring}`)) return next();
    const snapshot = await counters.snapshot();
    const principal = await who.resolve(ctx.get('Authorization'), snapshot);
    const entry = principal ? entries.get(keyOf(principal, ctx)) : undefined;
    if (!fresh(entry, snapshot)) {
      (ctx.state as { readCacheSnapshot?: Snapshot }).readCacheSnapshot = snapshot;
      return next();
    }
    answer(ctx, entry);
  };

  return { middleware, early, prepare };
}

const caches = new WeakMap<Core.Strapi, ReturnType<typeof createReadCache>>();

/** The read cache of this Strapi instance, made (and its write counting set up) on first use. */
export function readCacheFor(strapi: Core.Strapi) {
  let cache = caches.get(strapi);
  if (!cache) {
    cache = createReadCache(strapi);
    caches.set(strapi, cache);
  }
  return cache;
}
