import type { Core } from '@strapi/strapi';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { HUB_READABLE_TYPES } from '../setup/access';
import { contentVersion } from './content-version';

type Entry = { version: number; body: string; etag: string };

const WRITES = ['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft'];
const READABLE = new Set<string>(HUB_READABLE_TYPES);

/**
 * The Hub's read path: a published read is answered from memory while no published content
 * has changed since it was computed. Every change bumps a counter in the database (in the
 * change's transaction), and each read compares with it, so a change made on any instance is
 * seen by every instance on its next read. Entries are per role or token (what a principal
 * may populate can differ), and come with an ETag for conditional requests.
 */
function createReadCache(strapi: Core.Strapi) {
  const versions = contentVersion(strapi);
  const entries = new LRUCache<string, Entry>({
    maxSize: Number(process.env.READ_CACHE_MB ?? 64) * 1024 * 1024,
    sizeCalculation: (entry) => entry.body.length + 64,
  });

  /** Counts every write to a type the Hub reads, whoever makes it. */
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (READABLE.has(context.uid) && WRITES.includes(context.action)) await versions.bump();
    return result;
  });

  /**
   * Counts changes to stored files (an upload attached to a document, a name, a replacement, a
   * removal), made through the upload plugin rather than the Document Service: answers that list
   * the file change with them.
   */
  const countFileChanges = () => {
    const bump = () => versions.bump();
    strapi.db.lifecycles.subscribe({ models: ['plugin::upload.file'], afterCreate: bump, afterUpdate: bump, afterUpdateMany: bump, afterDelete: bump, afterDeleteMany: bump });
  };

  // READ_CACHE=off serves every read through Strapi's stock controller (the benchmark's baseline).
  const disabled = process.env.READ_CACHE === 'off';

  const middleware: Core.MiddlewareHandler = async (ctx, next) => {
    if (disabled) return next();
    const state = ctx.state as { user?: { role?: { id: number } }; auth?: { credentials?: { id?: number } } };
    const principal = state.user ? `role:${state.user.role?.id}` : `token:${state.auth?.credentials?.id}`;
    const key = `${principal} ${ctx.path}?${ctx.querystring}`;
    const version = await versions.current();
    let entry = entries.get(key);
    if (!entry || entry.version !== version) {
      await next();
      if (ctx.status !== 200 || ctx.body === undefined) return;
      const body = JSON.stringify(ctx.body);
      entry = { version, body, etag: `"${version}-${createHash('sha1').update(body).digest('base64url')}"` };
      entries.set(key, entry);
    }
    ctx.set('ETag', entry.etag);
    // Revalidated every time (the ETag makes that cheap). A Hub user's answer stays in their
    // browser; the Hub server's (token) answer may be kept by its CDN, keyed by Authorization.
    ctx.set('Cache-Control', state.user ? 'private, no-cache' : 'public, no-cache');
    ctx.set('Vary', 'Authorization');
    if (ctx.get('If-None-Match') === entry.etag) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = entry.body;
  };

  return { middleware, countFileChanges };
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
