import type { Core, UID } from '@strapi/strapi';
import type { Context } from 'koa';
import { HUB_READABLE_TYPES } from '../setup/access';
import type { changeCounters } from './counters';
import { ACCESS, ACCOUNTS } from './principals';

export const FILES = 'files';

/**
 * The Hub's posts and replies are counted by where they belong: their region, their phase and their
 * guiding question (a reply by its submission's), under short names (a counter's name is at most
 * 64 characters).
 */
const SCOPED: Record<string, string> = { 'api::submission.submission': 'posts', 'api::moderator-reply.moderator-reply': 'replies' };
const SCOPE_POPULATE = { region: { select: ['code'] }, phase: { select: ['documentId'] }, guidingQuestion: { select: ['documentId'] } };
const UNSCOPED = HUB_READABLE_TYPES.filter((uid) => !SCOPED[uid]);

type Scope = { region: string | null; phase: string | null; question: string | null };
type Row = { publishedAt?: unknown; region?: { code: string } | null; phase?: { documentId: string } | null; guidingQuestion?: { documentId: string } | null; submission?: Row | null };
type Event = { model: { uid: string }; params: { where?: Record<string, unknown> }; result?: { id?: number; publishedAt?: unknown } | null; state: Record<string, unknown> };

const scopeOf = (row: Row): Scope => {
  const post = row.submission ?? row;
  return { region: post.region?.code ?? null, phase: post.phase?.documentId ?? null, question: post.guidingQuestion?.documentId ?? null };
};

/** The counters a change of these posts or replies moves. */
const namesOf = (alias: string, scopes: Scope[]) =>
  scopes.flatMap((s) => [`${alias}@region:${s.region ?? '-'}`, ...(s.phase ? [`${alias}@phase:${s.phase}`] : []), ...(s.question ? [`${alias}@question:${s.question}`] : [])]);

/**
 * What a read depends on: the credentials, the files, every type it may show without a scope, and,
 * for reads of posts and replies, the counters of the region, phase or question the read names
 * (`pin`), or of every region.
 */
export function dependenciesOf(uid: string, pin: string | null): string[] {
  const scoped = SCOPED[uid] ? Object.values(SCOPED).map((alias) => `${alias}@${pin ?? 'region:*'}`) : [];
  return [ACCESS, FILES, ...UNSCOPED, ...scoped];
}

/** The value a filter pins a field to (`field=value` or `field[$eq]=value`), if it does. */
const pinned = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  const eq = (value as { $eq?: unknown } | null)?.$eq;
  return typeof eq === 'string' ? eq : null;
};
type Filters = Record<string, unknown> | undefined;

/**
 * The region, phase or question a read of posts or replies is limited to, if its filters or its
 * address name one: `region:UNECE`, `phase:<documentId>`, `question:<documentId>`. Asked only when
 * an answer is computed, so it reads what is stored now.
 */
export async function pinOf(strapi: Core.Strapi, uid: string, ctx: Context): Promise<string | null> {
  if (!SCOPED[uid]) return null;
  const filters = (ctx.query as { filters?: Filters }).filters;
  const region = pinned((filters?.region as Filters)?.code);
  if (region) return `region:${region}`;
  if (uid !== 'api::submission.submission') return null;
  const phase = pinned((filters?.phase as Filters)?.documentId);
  if (phase) return `phase:${phase}`;
  const question = pinned((filters?.guidingQuestion as Filters)?.documentId);
  if (question) return `question:${question}`;
  const documentId = (ctx.params as { id?: string }).id;
  if (!documentId) return null;
  // One post: its thread stays in its phase.
  const post = (await strapi.db.query(uid).findOne({ where: { documentId }, select: ['id'], populate: { phase: { select: ['documentId'] } } })) as Row | null;
  return post?.phase ? `phase:${post.phase.documentId}` : null;
}

/**
 * Counts every change to what the Hub may read, in the transaction of the change: database
 * lifecycles run inside the query's transaction (the Document Service's, for a publication), so
 * the counter moves exactly when the change commits. Only published rows count (for a type with
 * drafts): a pending post or a draft's edit changes nothing a reader sees. Also counted: stored
 * files changed or removed (a new file is in no published answer until a publication, which is
 * counted), credentials and permissions, and Hub accounts.
 */
export async function countChanges(strapi: Core.Strapi, counters: ReturnType<typeof changeCounters>): Promise<void> {
  const draftAndPublish = (uid: string) => Boolean(strapi.getModel(uid as UID.ContentType)?.options?.draftAndPublish);

  /** The scopes of the published rows matching `where` (or of every matching row, for a type without drafts). */
  async function publishedRows(uid: string, where: Record<string, unknown> | undefined): Promise<Scope[]> {
    const published = draftAndPublish(uid) ? { publishedAt: { $notNull: true } } : {};
    const populate = uid === 'api::moderator-reply.moderator-reply' ? { submission: { select: ['id'], populate: SCOPE_POPULATE } } : SCOPE_POPULATE;
    const rows = (await strapi.db.query(uid as UID.ContentType).findMany({ where: { $and: [where ?? {}, published] }, select: ['id'], ...(SCOPED[uid] ? { populate } : {}) })) as Row[];
    return rows.map(scopeOf);
  }

  const namesFor = (uid: string, scopes: Scope[]) => (!scopes.length ? [] : SCOPED[uid] ? namesOf(SCOPED[uid], scopes) : [uid]);

  const before = async (event: Event) => {
    // A write that names drafts only (the moderation steps' own) changes nothing published.
    if (draftAndPublish(event.model.uid) && event.params.where?.publishedAt === null) return;
    event.state.scopes = await publishedRows(event.model.uid, event.params.where);
  };
  const after = async (event: Event) => {
    const uid = event.model.uid;
    const scopes = [...((event.state.scopes as Scope[] | undefined) ?? [])];
    const row = event.result;
    if (row?.id && (!draftAndPublish(uid) || row.publishedAt)) scopes.push(...(await publishedRows(uid, { id: row.id })));
    await counters.bump(namesFor(uid, scopes));
  };
  strapi.db.lifecycles.subscribe({
    models: [...HUB_READABLE_TYPES],
    afterCreate: after,
    beforeUpdate: before,
    afterUpdate: after,
    beforeUpdateMany: before,
    afterUpdateMany: after,
    beforeDelete: before,
    afterDelete: after,
    beforeDeleteMany: before,
    afterDeleteMany: after,
  });

  const bump = (name: string) => () => counters.bump([name]);
  const changes = (name: string) => ({ afterUpdate: bump(name), afterUpdateMany: bump(name), afterDelete: bump(name), afterDeleteMany: bump(name) });
  strapi.db.lifecycles.subscribe({ models: ['plugin::upload.file'], ...changes(FILES) });
  strapi.db.lifecycles.subscribe({ models: ['plugin::users-permissions.user'], ...changes(ACCOUNTS) });
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.role', 'plugin::users-permissions.permission', 'admin::api-token-permission'],
    afterCreate: bump(ACCESS),
    afterCreateMany: bump(ACCESS),
    ...changes(ACCESS),
  });
  // Of the stored settings, the users-permissions plugin's decide who may read (e-mail
  // confirmation, providers) and i18n's default locale what a read without one answers. Others
  // are written as Strapi runs (the upload plugin's weekly metrics 15 s after a first start) and
  // change no answer.
  const settingChange = async (event: { result?: { key?: unknown } | null; params?: { where?: { key?: unknown }; data?: { key?: unknown } } }) => {
    const key = event.result?.key ?? event.params?.where?.key ?? event.params?.data?.key;
    if (typeof key !== 'string' || key.startsWith('plugin_users-permissions_') || key.startsWith('plugin_i18n_')) await counters.bump([ACCESS]);
  };
  strapi.db.lifecycles.subscribe({
    models: ['strapi::core-store'],
    afterCreate: settingChange,
    afterUpdate: settingChange,
    afterDelete: settingChange,
    afterCreateMany: bump(ACCESS),
    afterUpdateMany: bump(ACCESS),
    afterDeleteMany: bump(ACCESS),
  });
  // A token's last use is recorded as it is used: that changes nobody's access.
  const tokenChange = async (event: { params?: { data?: Record<string, unknown> } }) => {
    const fields = Object.keys(event.params?.data ?? {});
    if (!fields.length || fields.some((f) => f !== 'lastUsedAt' && f !== 'updatedAt')) await counters.bump([ACCESS]);
  };
  strapi.db.lifecycles.subscribe({ models: ['admin::api-token'], afterUpdate: tokenChange, afterUpdateMany: tokenChange, afterDelete: bump(ACCESS), afterDeleteMany: bump(ACCESS) });

  // The counters there are from the start; others (a new region's, a phase's) are made by their first change.
  const codes = ((await strapi.db.query('api::region.region').findMany({ select: ['code'] })) as { code: string }[]).map((r) => r.code);
  await counters.ensure([ACCESS, ACCOUNTS, FILES, ...UNSCOPED, ...Object.values(SCOPED).flatMap((alias) => [...codes, '-'].map((code) => `${alias}@region:${code}`))]);
}
