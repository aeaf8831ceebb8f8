import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import fs from 'node:fs/promises';
import { attachmentText, previewImage } from '../attachment-content';
import { SUBMISSION } from '../constants';
import type { RegionScope } from './scope';
import type { ScreeningFlag } from './screening';

/** A file as posted (the body parser's temporary file), with its checked type. */
type PostedFile = { filepath: string; originalFilename?: string | null; mimetype?: string | null };
type StoredFile = { id: number; name: string; mime: string; url: string; hash: string; ext?: string | null; provider_metadata?: Record<string, unknown> | null };
type Opened = { stream: NodeJS.ReadableStream; size: number } | { redirect: string };

/** Flags kept per attachment: a contact list would otherwise bury the rest. */
const MAX_FLAGS_PER_ATTACHMENT = 20;
/**
 * Screening runs in the request, on the main thread: it reads the beginning of each file (where a
 * contact line usually is) and national phone formats of a few of the countries named.
 */
const SCREENED_CHARACTERS = 50_000;
const SCREENED_COUNTRIES = 5;

async function bytesOf(opened: Opened): Promise<Buffer> {
  if ('redirect' in opened) {
    const res = await fetch(opened.redirect);
    if (!res.ok) throw new errors.ApplicationError('The stored file could not be read.');
    return Buffer.from(await res.arrayBuffer());
  }
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * What is inside a submission's attachments: screened when posted, like the text; shown to the
 * moderators of its region as text or as a picture, never as the file itself, so nothing in it can
 * run in the workspace.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** An attachment of a submission in the moderator's regions, with its bytes. */
  async function attachmentOf(scope: RegionScope, documentId: string, fileId: unknown): Promise<{ file: StoredFile; bytes: Buffer }> {
    const row = (await strapi.db.query(SUBMISSION).findOne({
      where: { documentId, publishedAt: null },
      select: ['id'],
      populate: { region: { select: ['code'] }, attachments: true },
    })) as { region?: { code: string } | null; attachments?: StoredFile[] | null } | null;
    if (!row) throw new errors.NotFoundError(`No submission ${documentId}.`);
    strapi.plugin('moderation').service('scope').assertInScope(scope, row.region?.code);
    const file = (row.attachments ?? []).find((a) => a.id === Number(fileId));
    if (!file) throw new errors.NotFoundError(`Submission ${documentId} has no attachment ${String(fileId)}.`);
    const provider = strapi.plugin('upload').provider as unknown as { open: (file: StoredFile, downloadName: string) => Promise<Opened> };
    return { file, bytes: await bytesOf(await provider.open(file, file.name)) };
  }

  return {
    /** Screening flags of posted files, each marked with the file's name. */
    async screenPosted(files: PostedFile[], countries: string[]): Promise<ScreeningFlag[]> {
      const screening = strapi.plugin('moderation').service('screening');
      const flags: ScreeningFlag[] = [];
      for (const file of files) {
        const content = await attachmentText(await fs.readFile(file.filepath), file.mimetype ?? '');
        const name = file.originalFilename ?? 'attachment';
        // A file whose text could not be read was not screened: the moderator must know it.
        if (!content) flags.push({ kind: 'unscreened-attachment', match: name, attachment: name });
        else flags.push(...(screening.screenAttachment(name, content.text.slice(0, SCREENED_CHARACTERS), countries.slice(0, SCREENED_COUNTRIES)) as ScreeningFlag[]).slice(0, MAX_FLAGS_PER_ATTACHMENT));
      }
      return flags;
    },

    /** The text of an Office, OpenDocument, PDF or CSV attachment; `text: null` for a file whose text cannot be read. */
    async text(scope: RegionScope, documentId: string, fileId: unknown) {
      const { file, bytes } = await attachmentOf(scope, documentId, fileId);
      const content = await attachmentText(bytes, file.mime);
      return { name: file.name, mime: file.mime, text: content?.text ?? null, truncated: content?.truncated ?? false };
    },

    /** A page of a PDF (or a picture) as a PNG; 404 for a page that does not exist or a file that has none. */
    async preview(scope: RegionScope, documentId: string, fileId: unknown, page: unknown) {
      const number = page === undefined ? 1 : Number(page);
      if (!Number.isInteger(number) || number < 1) throw new errors.ValidationError('page must be a whole number from 1.');
      const { file, bytes } = await attachmentOf(scope, documentId, fileId);
      const image = await previewImage(bytes, file.mime, number);
      if (!image) throw new errors.NotFoundError(`${file.name} has no page ${number} to show; read its text instead.`);
      return image;
    },
  };
};
