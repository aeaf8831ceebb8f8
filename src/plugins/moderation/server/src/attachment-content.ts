/**
 * What is inside a submission's attachment, for the moderators' preview and the screening:
 * its plain text, and a PNG of a page (PDF) or of the picture (images).
 *
 * Attachments are untrusted. Documents are parsed by maintained libraries (pdf.js, officeparser)
 * in a short-lived worker thread with a heap cap and a deadline, so that a hostile or broken file
 * can neither block Strapi's event loop nor exhaust its memory; at most MAX_WORKERS run at once.
 * Every failure, limit or unsupported type gives `null`: a corrupt file is not a server error.
 */
import { unzipSync } from 'fflate';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SupportedFileType } from 'officeparser';
import sharp from 'sharp';

export type AttachmentText = { text: string; truncated: boolean };
export type PreviewImage = { png: Buffer; pages: number };

/** Text handed to the screening and the preview; the rest is cut (`truncated: true`). */
export const MAX_TEXT_CHARS = 200_000;
/**
 * Uploads are capped at UPLOAD_MAX_FILE_MB (20 MB by default). Some headroom for a raised cap; beyond it,
 * parsing would not fit the worker's time and memory budget, so larger inputs are refused unread.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;
/** Office and OpenDocument files are ZIPs: refused before inflating when they declare more than this. */
const MAX_UNZIPPED_BYTES = 128 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 5_000;
/** Decoding budget for pictures (about 64 megapixels: any phone photo, not a decompression bomb). */
const MAX_IMAGE_PIXELS = 64_000_000;
const PDF_PREVIEW_WIDTH = 1000;
/** Caps a preview's height too, so an absurdly tall page or picture cannot make a huge bitmap. */
const PDF_PREVIEW_MAX_HEIGHT = 4000;
const IMAGE_PREVIEW_WIDTH = 1600;
const IMAGE_PREVIEW_MAX_HEIGHT = 4800;
const WORKER_TIMEOUT_MS = 30_000;
const WORKER_HEAP_MB = 512;
const MAX_WORKERS = 2;

const PDF = 'application/pdf';
/** officeparser handles these; legacy DOC/XLS/PPT (binary CFB) have no cheap maintained parser here. */
const OFFICE_FORMATS: Record<string, SupportedFileType> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};
const PLAIN_TEXT = new Set(['text/csv', 'text/plain']);
/** The format sharp must find in the bytes for each image type; anything else is not decoded. */
const IMAGE_FORMATS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp', 'image/gif': 'gif' };

type WorkerTask =
  | { op: 'pdf-text'; bytes: Uint8Array; maxChars: number }
  | { op: 'pdf-png'; bytes: Uint8Array; page: number; width: number; maxHeight: number }
  | { op: 'office-text'; bytes: Uint8Array; format: SupportedFileType; maxChars: number };
type WorkerData = { task: WorkerTask; modules: { pdfjs: string; pdfjsDir: string; officeparser: string } };
type WorkerReply = { text: string; more: boolean } | { png: Uint8Array; pages: number } | null;

const baseMime = (mime: string) => mime.split(';')[0].trim().toLowerCase();

/** Cuts at `MAX_TEXT_CHARS` without splitting a surrogate pair. */
function capped(raw: string, more = false): AttachmentText {
  const text = raw.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  if (text.length <= MAX_TEXT_CHARS) return { text, truncated: more };
  const end = /[\uD800-\uDBFF]/.test(text[MAX_TEXT_CHARS - 1]) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
  return { text: text.slice(0, end), truncated: true };
}

/** Reads the ZIP's central directory only (nothing is inflated) and refuses archives that declare too much. */
function zipWithinLimits(bytes: Buffer): boolean {
  let entries = 0;
  let declared = 0;
  unzipSync(bytes, {
    filter: (file) => {
      entries += 1;
      declared += file.originalSize;
      return false;
    },
  });
  return entries > 0 && entries <= MAX_ZIP_ENTRIES && declared <= MAX_UNZIPPED_BYTES;
}

/**
 * The plain text of a document: PDF (every page), DOCX, XLSX and ODS (each sheet's name, then its
 * rows with tab-separated cells), PPTX and ODP (slides and notes), ODT, CSV and plain text.
 * External link targets in Office documents are written after the linked words, so that the
 * screening sees them. `null` for legacy DOC/XLS/PPT, other types, files over MAX_INPUT_BYTES,
 * and files that cannot be read.
 */
export async function attachmentText(bytes: Buffer, mime: string): Promise<AttachmentText | null> {
  try {
    const type = baseMime(mime);
    if (bytes.length === 0 || bytes.length > MAX_INPUT_BYTES) return null;
    if (PLAIN_TEXT.has(type)) {
      if (bytes.includes(0)) return null; // binary, whatever its label says
      return capped(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
    }
    let reply: WorkerReply;
    if (type === PDF) reply = await runInWorker({ op: 'pdf-text', bytes: new Uint8Array(bytes), maxChars: MAX_TEXT_CHARS });
    else if (OFFICE_FORMATS[type] && zipWithinLimits(bytes)) {
      reply = await runInWorker({ op: 'office-text', bytes: new Uint8Array(bytes), format: OFFICE_FORMATS[type], maxChars: MAX_TEXT_CHARS });
    } else return null;
    return reply && 'text' in reply ? capped(reply.text, reply.more) : null;
  } catch {
    return null;
  }
}

/**
 * A PNG to look at instead of the file: page `page` (1-based) of a PDF rendered about 1000 px wide,
 * or a PNG, JPEG, WebP or GIF picture re-encoded as PNG at most 1600 px wide (re-encoding drops its
 * metadata: EXIF, GPS position, XMP, comments). `pages` is the PDF's page count (1 for a picture).
 * `null` for a page out of range, other types, and files that cannot be read.
 */
export async function previewImage(bytes: Buffer, mime: string, page: number): Promise<PreviewImage | null> {
  try {
    const type = baseMime(mime);
    if (!Number.isSafeInteger(page) || page < 1 || bytes.length === 0 || bytes.length > MAX_INPUT_BYTES) return null;
    if (type === PDF) {
      const reply = await runInWorker({ op: 'pdf-png', bytes: new Uint8Array(bytes), page, width: PDF_PREVIEW_WIDTH, maxHeight: PDF_PREVIEW_MAX_HEIGHT });
      return reply && 'png' in reply ? { png: Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength), pages: reply.pages } : null;
    }
    const format = IMAGE_FORMATS[type];
    if (!format || page !== 1) return null;
    // sharp decodes in libuv's thread pool, not on the event loop; the pixel cap bounds its memory.
    const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, animated: false });
    if ((await image.metadata()).format !== format) return null;
    const png = await image
      .autoOrient() // applies the EXIF orientation before the EXIF block is dropped
      .resize({ width: IMAGE_PREVIEW_WIDTH, height: IMAGE_PREVIEW_MAX_HEIGHT, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
    return { png, pages: 1 };
  } catch {
    return null;
  }
}

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `task` in a fresh worker; resolves to null on any error, crash, memory overrun or timeout. */
async function runInWorker(task: WorkerTask): Promise<WorkerReply> {
  if (running < MAX_WORKERS) running += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await new Promise<WorkerReply>((resolve) => {
      const modules = {
        pdfjs: require.resolve('pdfjs-dist/legacy/build/pdf.mjs'),
        pdfjsDir: path.dirname(require.resolve('pdfjs-dist/package.json')),
        officeparser: require.resolve('officeparser'),
      };
      // The worker runs the source of `workerMain` (no separate file survives the plugin's bundling).
      // pdf.js is ES-module only; Node's own require() loads it there, which Jest's loader cannot.
      const worker = new Worker(`(${workerMain.toString()})()`, {
        eval: true,
        workerData: { task, modules } satisfies WorkerData,
        transferList: [task.bytes.buffer as ArrayBuffer],
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        // Parsers log about broken files; that is expected noise here, not the server's log.
        stdout: true,
        stderr: true,
      });
      worker.stdout.resume();
      worker.stderr.resume();
      const timer = setTimeout(() => finish(null), WORKER_TIMEOUT_MS);
      function finish(reply: WorkerReply) {
        clearTimeout(timer);
        resolve(reply);
        void worker.terminate();
      }
      worker.once('message', (reply: WorkerReply) => finish(reply));
      worker.once('error', () => finish(null)); // a throw, or ERR_WORKER_OUT_OF_MEMORY
      worker.once('messageerror', () => finish(null));
      worker.once('exit', () => finish(null));
    });
  } catch {
    return null;
  } finally {
    const next = waiting.shift();
    if (next) next(); // hands the slot over
    else running -= 1;
  }
}

/* istanbul ignore next -- runs from its source text in a worker thread, so it must use nothing from outside itself */
async function workerMain(): Promise<void> {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { task, modules } = workerData as WorkerData;
  let reply: WorkerReply = null;
  try {
    if (task.op === 'office-text') {
      type Node = { type: string; text?: string; children?: Node[]; metadata?: { link?: string; linkType?: string; sheetName?: string } };
      const { OfficeParser } = require(modules.officeparser) as typeof import('officeparser');
      const ast = await OfficeParser.parseOffice(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), { fileType: task.format, ocr: false, extractAttachments: false });
      const lines: string[] = [];
      let length = 0; // of `lines`; the walk stops once past maxChars
      const emit = (out: string[], line: string) => {
        if (!line.trim()) return;
        out.push(line);
        if (out === lines) length += line.length + 1;
      };
      const leaf = (node: Node) => {
        const text = node.type === 'break' ? '\n' : (node.text ?? '');
        const link = node.metadata?.linkType === 'external' ? node.metadata.link : undefined;
        return link && !text.includes(link) ? `${text} (${link})` : text;
      };
      // Paragraph-like nodes become lines; a table or sheet row becomes one line of tab-separated cells.
      const walk = (node: Node, out: string[]): void => {
        if (length > task.maxChars) return;
        if (node.type === 'row') {
          const cells = (node.children ?? []).map((cell) => {
            const inside: string[] = [];
            walk(cell, inside);
            return inside.join(' ').replace(/\s+/g, ' ').trim();
          });
          emit(out, cells.join('\t').replace(/\t+$/, ''));
          return;
        }
        if (node.type === 'sheet' && node.metadata?.sheetName) emit(out, `\n${node.metadata.sheetName}`);
        let line = node.children?.length ? '' : leaf(node);
        for (const child of node.children ?? []) {
          if (child.type === 'text' || child.type === 'break') line += leaf(child);
          else {
            emit(out, line);
            line = '';
            walk(child, out);
          }
        }
        emit(out, line);
      };
      for (const node of ast.content as Node[]) walk(node, lines);
      reply = { text: lines.join('\n'), more: length > task.maxChars };
    } else {
      const pdfjs = require(modules.pdfjs) as typeof import('pdfjs-dist');
      const dir = `${modules.pdfjsDir}/`;
      const pdf = await pdfjs.getDocument({
        data: task.bytes,
        isEvalSupported: false, // CVE-2024-4367: never turn font data into code
        enableXfa: false, // no XFA forms; pdf.js never runs a document's JavaScript (no scripting sandbox is loaded)
        useSystemFonts: false,
        maxImageSize: 64_000_000, // pixels: larger embedded images are skipped, not decoded
        verbosity: 0,
        cMapUrl: `${dir}cmaps/`, // needed to read the text of CJK fonts
        standardFontDataUrl: `${dir}standard_fonts/`,
        wasmUrl: `${dir}wasm/`,
        iccUrl: `${dir}iccs/`,
      }).promise;
      if (task.op === 'pdf-text') {
        const pages: string[] = [];
        let length = 0;
        for (let n = 1; n <= pdf.numPages && length <= task.maxChars; n += 1) {
          const content = await (await pdf.getPage(n)).getTextContent();
          const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
          pages.push(text);
          length += text.length + 2;
        }
        reply = { text: pages.join('\n\n'), more: pages.length < pdf.numPages };
      } else if (task.page <= pdf.numPages) {
        const page = await pdf.getPage(task.page);
        const natural = page.getViewport({ scale: 1 });
        const scale = Math.min(task.width / natural.width, task.maxHeight / natural.height);
        const viewport = page.getViewport({ scale });
        // pdf.js's own factory, so that its internal canvases and ours come from one @napi-rs/canvas.
        const factory = pdf.canvasFactory as { create(w: number, h: number): { canvas: { toBuffer(type: 'image/png'): Buffer } } };
        const { canvas } = factory.create(Math.round(viewport.width), Math.round(viewport.height));
        await page.render({ canvas: canvas as never, viewport, background: 'white' }).promise; // typed for the DOM's canvas
        const png = canvas.toBuffer('image/png');
        reply = { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), pages: pdf.numPages };
      }
      await pdf.destroy();
    }
  } catch {
    reply = null;
  }
  parentPort?.postMessage(reply);
}
