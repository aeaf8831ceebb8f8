/**
 * Text and previews of attachments (src/plugins/moderation/server/src/attachment-content.ts) and the
 * screening of that text. No Strapi: real files are made here with real generators.
 */
import { Document, ExternalHyperlink, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import { attachmentText, MAX_INPUT_BYTES, MAX_TEXT_CHARS, previewImage } from '../src/plugins/moderation/server/src/attachment-content';
import screeningService from '../src/plugins/moderation/server/src/services/screening';

// pdfkit ships no types; this is the little of it used here.
type PdfKitDocument = { text(text: string): PdfKitDocument; addPage(): PdfKitDocument; end(): void; on(event: 'data', listener: (chunk: Buffer) => void): void; on(event: 'end', listener: () => void): void };
const PDFDocument = require('pdfkit') as new () => PdfKitDocument;

const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};
const SENTENCE = 'The smuggler met us at the border crossing near the river.';
const EMAIL = 'jane.doe@example.org';
const PHONE = '+41 22 917 12 34';
const CONTACT = `Write to ${EMAIL} or call ${PHONE} after six.`;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function makePdf(): Promise<Buffer> {
  const pdf = new PDFDocument();
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => pdf.on('end', resolve));
  pdf.text(SENTENCE).addPage().text(CONTACT).end();
  await ended;
  return Buffer.concat(chunks);
}

async function makeDocx(): Promise<Buffer> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'The smuggler ', bold: true }), new TextRun('met us at the border crossing near the river.')] }),
          new Paragraph(CONTACT),
          new Paragraph({ children: [new TextRun('More on '), new ExternalHyperlink({ link: 'https://evil.example/dossier', children: [new TextRun('our page')] }), new TextRun('.')] }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Name')] }), new TableCell({ children: [new Paragraph('Jane')] })] })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

async function makeXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const contacts = workbook.addWorksheet('Contacts');
  contacts.addRow(['Name', 'E-mail', 'Phone']);
  contacts.addRow(['Jane', EMAIL, PHONE]);
  workbook.addWorksheet('Notes').addRow([SENTENCE, 42]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * pptxgenjs loads node:fs with import(), which Jest's module loader refuses without
 * --experimental-vm-modules, so the deck is made by a plain Node process.
 */
function makePptx(): Buffer {
  const script = `
    const PptxGenJS = require('pptxgenjs');
    const [sentence, contact] = JSON.parse(process.argv[1]);
    const deck = new PptxGenJS();
    deck.addSlide().addText(sentence, { x: 0.5, y: 0.5, w: 9, h: 1 });
    const second = deck.addSlide();
    second.addText('Contacts', { x: 0.5, y: 0.5, w: 9, h: 1 });
    second.addNotes(contact);
    deck.write({ outputType: 'nodebuffer' }).then((bytes) => process.stdout.write(bytes));`;
  return execFileSync(process.execPath, ['-e', script, JSON.stringify([SENTENCE, CONTACT])], { cwd: path.join(__dirname, '..') });
}

/** A minimal OpenDocument package: the mimetype first and stored, then content.xml. */
async function makeOpenDocument(mime: string, body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', mime, { compression: 'STORE' });
  zip.file(
    'content.xml',
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">' +
      `<office:body>${body}</office:body></office:document-content>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('attachmentText', () => {
  it('reads every page of a PDF', async () => {
    const result = await attachmentText(await makePdf(), MIME.pdf);
    expect(result?.truncated).toBe(false);
    expect(result?.text).toContain(SENTENCE);
    expect(result?.text).toContain(EMAIL);
    expect(result?.text).toContain(PHONE);
  });

  it('reads a DOCX, with the targets of its links and its tables', async () => {
    const result = await attachmentText(await makeDocx(), MIME.docx);
    expect(result?.text).toContain(SENTENCE);
    expect(result?.text).toContain(CONTACT);
    expect(result?.text).toContain('our page (https://evil.example/dossier)');
    expect(result?.text).toContain('Name\tJane');
  });

  it('reads every sheet of an XLSX as tab-separated rows', async () => {
    const result = await attachmentText(await makeXlsx(), `${MIME.xlsx}; charset=binary`);
    const lines = result?.text.split('\n') ?? [];
    expect(lines).toEqual(expect.arrayContaining(['Contacts', 'Name\tE-mail\tPhone', `Jane\t${EMAIL}\t${PHONE}`, 'Notes', `${SENTENCE}\t42`]));
  });

  it('reads the slides and speaker notes of a PPTX', async () => {
    const result = await attachmentText(makePptx(), MIME.pptx);
    expect(result?.text).toContain(SENTENCE);
    expect(result?.text).toContain(CONTACT);
  });

  it('reads OpenDocument text and spreadsheets', async () => {
    const odt = await makeOpenDocument(MIME.odt, `<office:text><text:p>${SENTENCE}</text:p><text:p>${CONTACT}</text:p></office:text>`);
    const odtText = await attachmentText(odt, MIME.odt);
    expect(odtText?.text).toContain(SENTENCE);
    expect(odtText?.text).toContain(CONTACT);
    const cell = (text: string) => `<table:table-cell><text:p>${text}</text:p></table:table-cell>`;
    const ods = await makeOpenDocument(
      MIME.ods,
      `<office:spreadsheet><table:table table:name="Contacts"><table:table-row>${cell('Jane')}${cell(EMAIL)}${cell(PHONE)}</table:table-row></table:table></office:spreadsheet>`,
    );
    expect((await attachmentText(ods, MIME.ods))?.text).toContain(`Jane\t${EMAIL}\t${PHONE}`);
  });

  it('reads CSV and caps long text', async () => {
    expect(await attachmentText(Buffer.from(`\uFEFFname,email\r\nJane,${EMAIL}\r\n`), 'text/csv')).toEqual({ text: `name,email\nJane,${EMAIL}`, truncated: false });
    const long = await attachmentText(Buffer.from('word '.repeat(50_000)), 'text/plain');
    expect(long?.truncated).toBe(true);
    expect(long?.text).toHaveLength(MAX_TEXT_CHARS);
  });

  it('gives null, without throwing, for corrupt, unsupported, oversized and bomb-like files', async () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const docx = await makeDocx();
    // A DOCX whose first central-directory entry declares 2 GB once inflated, as a decompression bomb does.
    const declaringTooMuch = Buffer.from(docx);
    declaringTooMuch.writeUInt32LE(0x7fffffff, declaringTooMuch.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    const tooManyEntries = Buffer.from(zipSync(Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`x/${i}.xml`, new Uint8Array(1)]))));
    const cases: [Buffer, string][] = [
      [random, MIME.pdf],
      [Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF'), MIME.pdf],
      [docx.subarray(0, Math.floor(docx.length / 2)), MIME.docx],
      [random, MIME.xlsx],
      [await makePdf(), MIME.docx],
      [docx, 'application/msword'],
      [docx, 'application/zip'],
      [Buffer.alloc(0), 'text/csv'],
      [Buffer.from('a\0b'), 'text/plain'],
      [Buffer.alloc(MAX_INPUT_BYTES + 1), MIME.pdf],
      [declaringTooMuch, MIME.docx],
      [tooManyEntries, MIME.docx],
    ];
    for (const [bytes, mime] of cases) await expect(attachmentText(bytes, mime)).resolves.toBeNull();
  });
});

describe('previewImage', () => {
  it('renders a page of a PDF as a PNG about 1000 px wide', async () => {
    const pdf = await makePdf();
    const first = await previewImage(pdf, MIME.pdf, 1);
    expect(first?.pages).toBe(2);
    expect(first?.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const metadata = await sharp(first!.png).metadata();
    expect(metadata.format).toBe('png');
    expect(metadata.width).toBe(1000);
    // Not blank: the page's text was drawn.
    const { channels } = await sharp(first!.png).stats();
    expect(channels[0].min).toBeLessThan(128);
    expect((await previewImage(pdf, MIME.pdf, 2))?.pages).toBe(2);
  });

  it('gives null for a page out of range and for what it cannot render', async () => {
    const pdf = await makePdf();
    for (const page of [0, 3, -1, 1.5, Number.NaN]) await expect(previewImage(pdf, MIME.pdf, page)).resolves.toBeNull();
    await expect(previewImage(Buffer.from('%PDF-1.4 garbage'), MIME.pdf, 1)).resolves.toBeNull();
    await expect(previewImage(await makeDocx(), MIME.docx, 1)).resolves.toBeNull();
    await expect(previewImage(Buffer.from('not an image'), 'image/png', 1)).resolves.toBeNull();
  });

  it('re-encodes a picture as a smaller PNG without its metadata', async () => {
    const photo = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#336699' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Jane Doe', Copyright: 'Jane Doe' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '46/1 12/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '6/1 8/1 0/1' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif?.toString('latin1')).toContain('Jane Doe');
    const preview = await previewImage(photo, 'image/jpeg', 1);
    expect(preview?.pages).toBe(1);
    expect(preview?.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const metadata = await sharp(preview!.png).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1600, 800]);
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(preview!.png.includes('Jane Doe')).toBe(false);
    await expect(previewImage(photo, 'image/jpeg', 2)).resolves.toBeNull();
    // The label must match the bytes.
    await expect(previewImage(photo, 'image/png', 1)).resolves.toBeNull();
  });
});

describe('screenAttachment', () => {
  const fakeStrapi = { plugin: () => ({ config: () => ({ en: ['smuggler'] }) }) };
  const screening = screeningService({ strapi: fakeStrapi as never });

  it('flags the same things as the screening of a submission, naming the attachment', async () => {
    const text = (await attachmentText(await makeDocx(), MIME.docx))?.text ?? '';
    const flags = screening.screenAttachment('report.docx', text, ['CH']);
    expect(flags).toEqual(
      expect.arrayContaining([
        { kind: 'email', match: EMAIL, attachment: 'report.docx' },
        { kind: 'phone', match: PHONE, attachment: 'report.docx' },
        { kind: 'link', match: 'https://evil.example/dossier', attachment: 'report.docx' },
        { kind: 'sensitive-term', match: 'smuggler', language: 'en', attachment: 'report.docx' },
      ]),
    );
    expect(flags.every((flag) => flag.attachment === 'report.docx')).toBe(true);
  });

  it('leaves the screening of submissions as it was', () => {
    expect(screening.screen({ title: 'A smuggler', body: `Mail ${EMAIL}, see www.example.org`, links: [{ url: 'https://example.net' }] })).toEqual([
      { kind: 'email', match: EMAIL },
      { kind: 'link', match: 'www.example.org' },
      { kind: 'link', match: 'https://example.net' },
      { kind: 'sensitive-term', match: 'smuggler', language: 'en' },
    ]);
  });
});
