import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { createReadStream, type ReadStream } from 'node:fs';
import path from 'node:path';
import { SUBMISSION } from '../constants';
import type { RegionScope } from './scope';

const FILE = 'plugin::upload.file';

type StoredFile = { id: number; name: string; mime: string; url: string; provider: string; hash: string; ext: string };
type UploadProvider = { isPrivate?: () => boolean | Promise<boolean>; getSignedUrl?: (file: StoredFile) => Promise<{ url: string }> };

/** How an allowed reader gets a file: streamed from the server, or sent to a (signed) URL. */
export type AttachmentDownload = { redirect: string } | { stream: ReadStream; name: string; mime: string };

/**
 * Attachments follow their submission: while it is not published (pending, rejected,
 * withdrawn, retracted) only its author and its region's moderators may fetch them, through
 * their own routes; the public address under /uploads answers 404, whatever form of it is tried.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function withheldFileIds(fileIds: number[]): Promise<Set<number>> {
    const rows = (await strapi.db.query(SUBMISSION).findMany({
      where: { attachments: { id: { $in: fileIds } } },
      select: ['id', 'publishedAt'],
      populate: { attachments: { select: ['id'] } },
    })) as { publishedAt: string | null; attachments: { id: number }[] }[];
    const published = new Set<number>();
    const attached = new Set<number>();
    for (const row of rows) {
      for (const file of row.attachments) {
        attached.add(file.id);
        if (row.publishedAt) published.add(file.id);
      }
    }
    return new Set([...attached].filter((id) => !published.has(id)));
  }

  async function download(file: StoredFile): Promise<AttachmentDownload> {
    const provider = strapi.plugin('upload').provider as UploadProvider;
    if ((await provider.isPrivate?.()) && provider.getSignedUrl) return { redirect: (await provider.getSignedUrl(file)).url };
    if (file.provider !== 'local') return { redirect: file.url };
    // The URL comes from the files table (written by the upload plugin), not from the request.
    return { stream: createReadStream(path.join(strapi.dirs.static.public, file.url)), name: file.name, mime: file.mime };
  }

  async function attachmentOf(documentId: string, fileId: unknown, author?: number) {
    const id = Number(fileId);
    if (!Number.isInteger(id) || id < 1) throw new errors.ValidationError('The attachment id must be a whole number.');
    const submission = (await strapi.db.query(SUBMISSION).findOne({
      where: { documentId, publishedAt: null, ...(author === undefined ? {} : { author: { id: author } }) },
      populate: { region: { select: ['code'] }, attachments: true },
    })) as { region?: { code: string } | null; attachments?: StoredFile[] } | null;
    const file = submission?.attachments?.find((a) => a.id === id);
    return { submission, file };
  }

  return {
    /** Answers with the file: a download that is never cached by anyone else, or a redirect. */
    respond(ctx: Context, answer: AttachmentDownload): void {
      ctx.set('Cache-Control', 'private, no-store');
      if ('redirect' in answer) {
        ctx.redirect(answer.redirect);
        return;
      }
      ctx.attachment(answer.name);
      ctx.type = answer.mime;
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.body = answer.stream;
    },

    /**
     * True when `/uploads/<name>` is a file, or one of its image formats (thumbnail_…, small_…),
     * attached to submissions none of which is published.
     */
    async isWithheld(name: string): Promise<boolean> {
      const candidates = [...new Set([name, name.replace(/^[a-z]+_/, '')])].map((n) => `/uploads/${n}`);
      const files = (await strapi.db.query(FILE).findMany({ where: { url: { $in: candidates } }, select: ['id'] })) as { id: number }[];
      if (!files.length) return false;
      return (await withheldFileIds(files.map((f) => f.id))).size > 0;
    },

    /** The author's own attachment, in any state of the submission. */
    async forAuthor(authorId: number, documentId: string, fileId: unknown): Promise<AttachmentDownload> {
      const { file } = await attachmentOf(documentId, fileId, authorId);
      if (!file) throw new errors.NotFoundError(`You have no attachment ${fileId} on a submission ${documentId}.`);
      return download(file);
    },

    /** An attachment of a submission in one of the moderator's regions. */
    async forModerator(scope: RegionScope, documentId: string, fileId: unknown): Promise<AttachmentDownload> {
      const { submission, file } = await attachmentOf(documentId, fileId);
      if (!submission) throw new errors.NotFoundError(`No submission ${documentId}.`);
      strapi.plugin('moderation').service('scope').assertInScope(scope, submission.region?.code);
      if (!file) throw new errors.NotFoundError(`Submission ${documentId} has no attachment ${fileId}.`);
      return download(file);
    },
  };
};
