import { errors } from '@strapi/utils';
import FileType from 'file-type';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A file as the multipart parser (formidable) leaves it. */
export type UploadedFile = { filepath: string; originalFilename?: string | null; mimetype?: string | null; size: number };

export type AttachmentLimits = { maxFiles: number; maxFileMb: number };

/** Documents only, by what their bytes are. The extension a file is stored under follows its type. */
const DOCUMENT_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};
/** Word, Excel and PowerPoint before 2007 share one container format; the name tells which. */
const LEGACY_OFFICE: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };
const ACCEPTED = 'PDF, Word, Excel, PowerPoint, OpenDocument or CSV';

const extensionOf = (name: string) => path.extname(name).slice(1).toLowerCase();

async function isCsv(file: UploadedFile): Promise<boolean> {
  const bytes = await fs.readFile(file.filepath);
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/^\s*</.test(bytes.subarray(0, 512).toString('utf8'));
}

/**
 * Checks every file before any is stored: how many, how large, and what the bytes are.
 * Returns the files with their true type and a name whose extension matches it.
 */
export async function checkAttachments(files: UploadedFile[], { maxFiles, maxFileMb }: AttachmentLimits): Promise<UploadedFile[]> {
  if (files.length > maxFiles) throw new errors.ValidationError(`At most ${maxFiles} attachments; ${files.length} were sent.`);
  const checked: UploadedFile[] = [];
  for (const file of files) {
    const name = (file.originalFilename || 'attachment').replace(/[\\/]/g, '_').slice(0, 200);
    if (file.size > maxFileMb * 1024 * 1024) throw new errors.PayloadTooLargeError(`${name} is larger than ${maxFileMb} MB.`);
    if (file.size === 0) throw new errors.ValidationError(`${name} is empty.`);
    const detected = await FileType.fromFile(file.filepath);
    const base = name.replace(/\.[^.]*$/, '') || 'attachment';
    let mime: string | undefined;
    let extension: string | undefined;
    if (detected && DOCUMENT_TYPES[detected.mime]) {
      mime = detected.mime;
      extension = DOCUMENT_TYPES[detected.mime];
    } else if (detected?.mime === 'application/x-cfb' && LEGACY_OFFICE[extensionOf(name)]) {
      extension = extensionOf(name);
      mime = LEGACY_OFFICE[extension];
    } else if (!detected && extensionOf(name) === 'csv' && (await isCsv(file))) {
      mime = 'text/csv';
      extension = 'csv';
    }
    if (!mime || !extension) {
      const what = detected ? `its content is ${detected.mime}` : 'its content is not a document';
      throw new errors.ValidationError(`${name} was refused: ${what}. Attachments must be ${ACCEPTED} files.`);
    }
    checked.push({ ...file, mimetype: mime, originalFilename: `${base}.${extension}` });
  }
  return checked;
}
