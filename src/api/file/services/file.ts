import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { HUB_READABLE_TYPES } from '../../../setup/access';
import type { Reader } from '../reader';

const FILE = 'plugin::upload.file';
const SUBMISSION = 'api::submission.submission';
const HUB_READABLE = new Set<string>(HUB_READABLE_TYPES);
/** What a stored file is named: its hash and extension, or a format's `<key>_<hash><ext>` (src/providers/upload-private). */
const STORED_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$/;
const DAY = 24 * 60 * 60 * 1000;

type Format = { url: string; mime?: string; size?: number; hash: string; ext?: string; provider_metadata?: Record<string, unknown> | null };
type StoredFile = Format & { id: number; name: string; provider: string; formats?: Record<string, Format> | null; updatedAt?: string; createdAt?: string };
type Opened = { stream: NodeJS.ReadableStream & { destroy: () => void }; size: number } | { redirect: string };
type PrivateProvider = { open: (file: Format, downloadName: string) => Promise<Opened>; list: () => Promise<{ name: string; modifiedAt: Date }[] | null>; removeName: (name: string) => Promise<void> };

/** A document (one of its rows) that holds the file, with what decides who may read it. */
type Holder = { uid: string; documentId: string; publishedAt?: string | null; authorId?: number | null; regionCode?: string | null };

/** The answer for a reader who may have the file. */
export type FileAnswer = { file: StoredFile; stored: Format; opened: Opened; publicly: boolean };

/**
 * Who may read a stored file. A file is readable only through a document that holds it: by
 * anyone once a Hub-readable document holding it is published; by the author of a submission
 * holding it; by an admin user whose regions include the document's. A file no document holds
 * is read by nobody. Every refusal is the same 404, so the route tells nothing about what exists.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const provider = () => strapi.plugin('upload').provider as unknown as PrivateProvider;
  const routePrefix = () => strapi.config.get('plugin::upload.providerOptions.routePrefix', '/api/files') as string;
  const notFound = () => new errors.NotFoundError('No file at this address.');

  /** The content types with media fields, and how each reaches its region and author. */
  function holderTypes() {
    return Object.values(strapi.contentTypes)
      .filter((ct) => ct.uid.startsWith('api::'))
      .map((ct) => {
        const attributes = ct.attributes as Record<string, { type: string }>;
        return {
          uid: ct.uid as string,
          mediaFields: Object.keys(attributes).filter((name) => attributes[name].type === 'media'),
          draftAndPublish: Boolean(ct.options?.draftAndPublish),
          hasAuthor: 'author' in attributes,
          hasRegion: 'region' in attributes,
          hasPhase: 'phase' in attributes,
        };
      })
      .filter((t) => t.mediaFields.length > 0);
  }

  async function holdersOf(fileId: number): Promise<Holder[]> {
    const holders: Holder[] = [];
    for (const type of holderTypes()) {
      const populate: Record<string, unknown> = {};
      if (type.hasAuthor) populate.author = { select: ['id'] };
      if (type.hasRegion) populate.region = { select: ['code'] };
      else if (type.hasPhase) populate.phase = { select: ['id'], populate: { region: { select: ['code'] } } };
      const rows = (await strapi.db.query(type.uid as never).findMany({
        where: { $or: type.mediaFields.map((field) => ({ [field]: { id: fileId } })) },
        select: ['id', 'documentId', ...(type.draftAndPublish ? ['publishedAt'] : [])],
        populate,
      })) as { documentId: string; publishedAt?: string | null; author?: { id: number } | null; region?: { code: string } | null; phase?: { region?: { code: string } | null } | null }[];
      for (const row of rows) {
        holders.push({ uid: type.uid, documentId: row.documentId, publishedAt: row.publishedAt, authorId: row.author?.id ?? null, regionCode: row.region?.code ?? row.phase?.region?.code ?? null });
      }
    }
    return holders;
  }

  /** The file row and the stored object (the file itself, or one of its image formats) at `/…/files/<name>`. */
  async function fileNamed(name: string): Promise<{ file: StoredFile; stored: Format } | null> {
    if (!STORED_NAME.test(name) || name.includes('..')) return null;
    const address = `${routePrefix()}/${name}`;
    const file = (await strapi.db.query(FILE).findOne({ where: { url: address } })) as StoredFile | null;
    if (file) return { file, stored: file };
    const format = /^([a-z]+)_(.+)$/.exec(name);
    if (!format) return null;
    const parent = (await strapi.db.query(FILE).findOne({ where: { url: `${routePrefix()}/${format[2]}` } })) as StoredFile | null;
    const stored = parent?.formats?.[format[1]];
    return parent && stored?.url === address ? { file: parent, stored } : null;
  }

  /**
   * Public once a Hub-readable document holding it is published, unless a submission that is not
   * published holds it too: no other document (a summary, say) can publish a submission's file
   * before moderation does.
   */
  function isPublic(holders: Holder[]): boolean {
    const publishedSubmissions = new Set(holders.filter((h) => h.uid === SUBMISSION && h.publishedAt).map((h) => h.documentId));
    const unmoderated = holders.some((h) => h.uid === SUBMISSION && !publishedSubmissions.has(h.documentId));
    return !unmoderated && holders.some((h) => HUB_READABLE.has(h.uid) && h.publishedAt);
  }

  async function mayRead(reader: Reader, holders: Holder[]): Promise<{ allowed: boolean; publicly: boolean }> {
    const publicly = isPublic(holders);
    if (publicly) return { allowed: true, publicly };
    if (reader.kind === 'hub-user') return { allowed: holders.some((h) => h.uid === SUBMISSION && h.authorId === reader.id), publicly };
    if (reader.kind === 'admin' && holders.length) {
      const scope = (await strapi.plugin('moderation').service('scope').regionsOf(reader.user)) as 'all' | string[];
      return { allowed: scope === 'all' || holders.some((h) => h.regionCode && scope.includes(h.regionCode)), publicly };
    }
    return { allowed: false, publicly };
  }

  return {
    /** The file at `<route>/<name>` for this reader, or 404. */
    async open(name: unknown, reader: Reader): Promise<FileAnswer> {
      const found = typeof name === 'string' ? await fileNamed(name) : null;
      if (!found) throw notFound();
      const { allowed, publicly } = await mayRead(reader, await holdersOf(found.file.id));
      if (!allowed) throw notFound();
      let opened: Opened;
      try {
        opened = await provider().open(found.stored, found.file.name);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound();
        throw error;
      }
      return { ...found, opened, publicly };
    },

    /**
     * Sends the file as a download that no browser runs (nosniff, sandboxed), or redirects to a
     * URL signed now. Published files may be kept by shared caches and are revalidated; the
     * others are never stored anywhere.
     */
    async respond(ctx: Context, { file, stored, opened, publicly }: FileAnswer): Promise<void> {
      ctx.set('Cache-Control', publicly ? 'public, no-cache' : 'private, no-store');
      if ('redirect' in opened) {
        ctx.redirect(opened.redirect);
        return;
      }
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
      ctx.attachment(file.name);
      ctx.type = stored.mime ?? file.mime ?? 'application/octet-stream';
      ctx.etag = `${stored.hash}-${opened.size}-${Date.parse(file.updatedAt ?? '') || 0}`;
      ctx.status = 200;
      if (ctx.method === 'HEAD' || ctx.fresh) {
        opened.stream.destroy();
        if (ctx.fresh) ctx.status = 304;
        ctx.length = opened.size;
        return;
      }
      ctx.length = opened.size;
      ctx.body = opened.stream;
    },

    /**
     * Refuses a change to a file that a submission holds: its bytes and name change only through
     * moderation (withdrawal, erasure), which logs them, never in the Media Library.
     */
    /** Refuses an upload that would attach itself to a submission: files reach a submission only by posting. */
    assertNotAttachingToSubmission(data: unknown): void {
      const ref = (data as { ref?: unknown } | null)?.ref;
      if (ref === SUBMISSION) throw new errors.PolicyError('Files are attached to a submission only by its author, when posting it.');
    },

    async assertNotModerated(fileId: unknown): Promise<void> {
      const id = Number(fileId);
      if (!Number.isInteger(id)) return;
      const held = await strapi.db.query(SUBMISSION).count({ where: { attachments: { id } } });
      if (held) throw new errors.PolicyError('This file is an attachment of a submission: it is changed or removed only through moderation, not in the Media Library.');
    },

    /** Strapi's folder for files that come through the content API, where posted attachments go. */
    async apiUploadFolder(): Promise<{ id: number; path: string }> {
      return strapi.plugin('upload').service('api-upload-folder').getAPIUploadFolder();
    },

    /**
     * Removes what nothing refers to any more, once it is a day old: files posted through the
     * content API (Strapi's "API Uploads" folder) that no document holds (a failed posting, an
     * erasure or deletion whose file removal failed), and bytes in the store with no row (a crash
     * between storing and recording). Files uploaded in the admin panel stay in the Media Library
     * until someone deletes them.
     */
    async sweepOrphans(now = new Date()): Promise<{ files: number; stray: number }> {
      const cutoff = new Date(now.getTime() - DAY);
      const meta = strapi.db.metadata.get(FILE) as unknown as { tableName: string; attributes: { related: { joinTable: { name: string; joinColumn: { name: string } } } } };
      const knex = strapi.db.connection;
      const morph = meta.attributes.related.joinTable;
      const apiUploads = await this.apiUploadFolder();
      const ids = (await knex(meta.tableName)
        .whereNotExists(knex(morph.name).whereRaw('??.?? = ??.id', [morph.name, morph.joinColumn.name, meta.tableName]))
        .where('folder_path', apiUploads.path)
        .where('created_at', '<', cutoff)
        .select('id')) as { id: number }[];
      const upload = strapi.plugin('upload').service('upload');
      let files = 0;
      for (const { id } of ids) {
        const file = await strapi.db.query(FILE).findOne({ where: { id } });
        if (!file) continue;
        await upload.remove(file);
        files += 1;
      }

      let stray = 0;
      const listed = await provider().list();
      if (listed) {
        const known = new Set<string>();
        for (const row of (await strapi.db.query(FILE).findMany({ select: ['url', 'formats'] })) as StoredFile[]) {
          for (const stored of [row, ...Object.values(row.formats ?? {})]) known.add(stored.url.split('/').pop()!);
        }
        for (const { name, modifiedAt } of listed) {
          if (known.has(name) || modifiedAt >= cutoff) continue;
          await provider().removeName(name);
          stray += 1;
        }
      }
      if (files || stray) strapi.log.info(`files: swept ${files} unattached upload(s) and ${stray} stored file(s) with no record`);
      return { files, stray };
    },
  };
};
