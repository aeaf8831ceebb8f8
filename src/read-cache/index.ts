import type { Core, UID } from '@strapi/strapi';
import type { Context } from 'koa';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { HUB_READABLE_TYPES } from '../setup/access';
import { changeCounters, fingerprint, type Snapshot } from './counters';
import { ACCESS, ACCOUNTS, principals } from './principals';

type Entry = { dependencies: readonly string[]; fingerprint: number; body: string; etag: string; principal: 'user' | 'token' };
type Filters = Record<string, unknown> | undefined;

const READABLE = new Set<string>(HUB_READABLE_TYPES);
/** The Hub's posts and replies belong to a region: their changes are counted per region. */
const BY_REGION = new Set<string>(['api::submission.submission', 'api::moderator-reply.moderator-reply']);
const FILES = 'files';
/** What a non-draft type's every write changes; a draft-and-publish type's published version changes by these only. */
const PUBLISHING = ['publish', 'unpublish', 'delete'];
const WRITES = ['create', 'update', 'delete'];

const counterOf = (uid: string, region: string | null) => (BY_REGION.has(uid) ? `${uid}@${region ?? '-'}` : uid);
/** The value a filter pins a field to (`field=value` or `field[$eq]=value`), if it does. */
const pinned = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  const eq = (value as { $eq?: unknown } | null)?.$eq;
  return typeof eq === 'string' ? eq : null;
};

/**
 * The Hub's read path: a published read is answered from memory while nothing it may show has
 * changed. Changes are counted in shared counters (src/read-cache/counters.ts) only when published
 * content changes: a pending post or an edit of a draft changes nothing a reader sees. Posts and
 * replies are counted per region, so a decision in one region keeps the cached pages of the others
 * (a read names its region through its filter, its phase or its question). Every read compares the
 * counters first, so a change made on any instance is seen on the next read everywhere.
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
  /** The region of a phase, a question or a post, which never changes once set (phases and questions asked again when they change). */
  const regions = new LRUCache<string, string | 'none'>({ max: 50_000 });
  let structureSeen = -1;

  async function regionOf(uid: UID.ContentType, documentId: string): Promise<string | null> {
    const key = `${uid} ${documentId}`;
    let region = regions.get(key);
    if (region === undefined) {
      const populate = uid === 'api::guiding-question.guiding-question' ? { phase: { select: ['id'], populate: { region: { select: ['code'] } } } } : { region: { select: ['code'] } };
      const row = (await strapi.db.query(uid).findOne({ where: { documentId }, select: ['id'], populate })) as { region?: { code: string } | null; phase?: { region?: { code: string } | null } | null } | null;
      region = row?.region?.code ?? row?.phase?.region?.code ?? 'none';
      regions.set(key, region);
    }
    return region === 'none' ? null : region;
  }

  /** The region a read of posts or replies is limited to, if its filters or its address name one. */
  async function regionOfRead(uid: string, ctx: Context, snapshot: Snapshot): Promise<string | null> {
    if (!BY_REGION.has(uid)) return null;
    const structure = fingerprint(snapshot, ['api::phase.phase', 'api::guiding-question.guiding-question']);
    if (structure !== structureSeen) {
      regions.clear();
      structureSeen = structure;
    }
    const filters = (ctx.query as { filters?: Filters }).filters;
    const byCode = pinned((filters?.region as Filters)?.code);
    if (byCode) return byCode;
    const phase = pinned((filters?.phase as Filters)?.documentId);
    if (phase) return regionOf('api::phase.phase', phase);
    const question = pinned((filters?.guidingQuestion as Filters)?.documentId);
    if (question) return regionOf('api::guiding-question.guiding-question', question);
    const documentId = (ctx.params as { id?: string }).id;
    if (documentId) return regionOf(uid as UID.ContentType, documentId);
    return null;
  }

  /** What a read depends on: every type it may show or populate, posts and replies of its region only when it names one. */
  const dependenciesOf = (region: string | null): string[] => [ACCESS, FILES, ...HUB_READABLE_TYPES.map((uid) => (BY_REGION.has(uid) ? `${uid}@${region ?? ''}` : uid))];

  /** Counts what a write changes of the published content, in the write's transaction. */
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (!READABLE.has(uid)) return next();
    const draftAndPublish = Boolean(strapi.getModel(uid)?.options?.draftAndPublish);
    const status = (context.params as { status?: string } | undefined)?.status;
    const changesPublished = draftAndPublish ? PUBLISHING.includes(action) || (WRITES.includes(action) && status === 'published') : WRITES.includes(action);
    if (!changesPublished) return next();
    const documentId = (context.params as { documentId?: string } | undefined)?.documentId;
    // Read before the change: a deleted post has no region afterwards.
    const before = BY_REGION.has(uid) && documentId ? await regionOf(uid, documentId) : null;
    const result = await next();
    const created = (result as { documentId?: string } | null)?.documentId;
    const region = before ?? (BY_REGION.has(uid) && created ? await regionOf(uid, created) : null);
    await counters.bump([counterOf(uid, region)]);
    return result;
  });

  /**
   * Counts the other changes a cached answer depends on: stored files (a name, a replacement, a
   * removal, made through the upload plugin; a new file is in no published answer until a
   * publication, which is counted), credentials and permissions, and Hub accounts.
   */
  const countOtherChanges = () => {
    const bump = (name: string) => () => counters.bump([name]);
    const changes = (name: string) => ({ afterUpdate: bump(name), afterUpdateMany: bump(name), afterDelete: bump(name), afterDeleteMany: bump(name) });
    strapi.db.lifecycles.subscribe({ models: ['plugin::upload.file'], ...changes(FILES) });
    strapi.db.lifecycles.subscribe({ models: ['plugin::users-permissions.user'], ...changes(ACCOUNTS) });
    strapi.db.lifecycles.subscribe({
      models: ['plugin::users-permissions.role', 'plugin::users-permissions.permission', 'admin::api-token-permission', 'strapi::core-store'],
      afterCreate: bump(ACCESS),
      afterCreateMany: bump(ACCESS),
      ...changes(ACCESS),
    });
    // A token's last use is recorded as it is used: that changes nobody's access.
    const tokenChange = async (event: { params?: { data?: Record<string, unknown> } }) => {
      const fields = Object.keys(event.params?.data ?? {});
      if (!fields.length || fields.some((f) => f !== 'lastUsedAt' && f !== 'updatedAt')) await counters.bump([ACCESS]);
    };
    strapi.db.lifecycles.subscribe({ models: ['admin::api-token'], afterUpdate: tokenChange, afterUpdateMany: tokenChange, afterDelete: bump(ACCESS), afterDeleteMany: bump(ACCESS) });
  };

  /** The counters of the types and regions there are, made at start. */
  const prepare = async () => {
    const codes = ((await strapi.db.query('api::region.region').findMany({ select: ['code'] })) as { code: string }[]).map((r) => r.code);
    await counters.ensure([ACCESS, ACCOUNTS, FILES, ...HUB_READABLE_TYPES.flatMap((uid) => (BY_REGION.has(uid) ? [...codes, null].map((code) => counterOf(uid, code)) : [uid]))]);
  };

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
      const dependencies = dependenciesOf(await regionOfRead(uid, ctx, snapshot));
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

  return { middleware, early, countOtherChanges, prepare };
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
