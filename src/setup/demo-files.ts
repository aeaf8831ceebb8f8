import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import type { UploadedFile } from '../api/submission/attachments';

/**
 * The files demo authors attach to their submissions: real PDF and Word documents, made when
 * the demo is seeded, so that moderators open, download and screen them as they would a
 * stakeholder's.
 */

type TextBlock = { heading: string } | { text: string };
type TableBlock = { table: { head: string[]; rows: string[][] } };
type DemoFileText = { fileName: string; title: string; author: string };

export type DemoAttachment = (DemoFileText & { format: 'pdf'; blocks: TextBlock[] }) | (DemoFileText & { format: 'docx'; blocks: (TextBlock | TableBlock)[] });

const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** Pending, and with a person's e-mail address inside the file: what screening of attachments is for. */
export const RECRUITMENT_FEES_SUMMARY: DemoAttachment = {
  format: 'pdf',
  fileName: 'recruitment-fees-seasonal-agriculture-summary.pdf',
  title: 'Recruitment fees in seasonal agriculture: summary and recommendations',
  author: 'Migrant Voices Europe (demo)',
  blocks: [
    { heading: 'Summary' },
    {
      text:
        'We interviewed 400 seasonal workers on farms in southern Spain and southern Italy during the 2023 harvest. ' +
        'Seven in ten had paid a fee to obtain their job, most often between 500 and 1,500 euros, and one in three was still repaying a loan taken out to pay it.',
    },
    { text: 'Workers recruited through public employment services or bilateral labour agreements paid no fee far more often than those recruited through private intermediaries.' },
    { heading: 'Recommendations' },
    { text: '1. Apply the employer-pays principle in national law and in bilateral labour agreements, as GCM objective 6 asks.' },
    { text: '2. Register and inspect recruitment intermediaries, and publish the list of those registered.' },
    { text: '3. Give every worker a written contract, in a language they understand, before they leave their country.' },
    { heading: 'Contact' },
    { text: 'Questions about the data set go to our research coordinator, Marta Ruiz: marta.ruiz@migrant-voices.example.org.' },
  ],
};

/** Demonstration figures, and said to be: a UN system member's data would be official. */
export const REGULAR_PATHWAYS_DATA_NOTE: DemoAttachment = {
  format: 'docx',
  fileName: 'regular-pathways-2019-2023.docx',
  title: 'Regular pathways in the region, 2019 to 2023: data note',
  author: 'UN agency regional office (demo)',
  blocks: [
    { text: 'This note accompanies our submission to the practice space. The figures are for demonstration only; they are not official statistics.' },
    {
      table: {
        head: ['Country', 'Pathway', 'First permits 2019', 'First permits 2023', 'Median processing time'],
        rows: [
          ['Switzerland', 'Employment', '10,400', '12,900', '6 to 9 weeks'],
          ['France', 'Family', '88,000', '91,500', '14 to 19 weeks'],
          ['Italy', 'Employment', '11,000', '30,800', '8 to 16 weeks'],
        ],
      },
    },
    { heading: 'What the figures show' },
    { text: 'Applications rose in all three countries. Processing times grew fastest for family reunification, where the wait now exceeds four months.' },
  ],
};

export const HEALTH_FIREWALLS_POSITION: DemoAttachment = {
  format: 'pdf',
  fileName: 'health-care-firewalls-position-paper.pdf',
  title: 'Firewalls between health services and immigration enforcement: position paper',
  author: 'Migrant Voices Europe (demo)',
  blocks: [
    { text: 'Undocumented workers avoid clinics and hospitals when they fear that their data will reach immigration authorities, and they seek care late, often in emergency departments.' },
    { text: 'We ask Member States to guarantee in law that health services do not share patient data for immigration enforcement, as GCM objective 15 asks for access to basic services.' },
    { text: 'Cities that already apply such firewalls report earlier treatment and lower emergency costs.' },
  ],
};

const A4 = { width: 595.28, height: 841.89, margin: 56 };

/** Lines of `text` no wider than `width`, broken between words. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const longer = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(longer, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = longer;
    }
  }
  if (line) lines.push(line);
  return lines;
}

async function pdfBytes(file: Extract<DemoAttachment, { format: 'pdf' }>): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(file.title);
  pdf.setAuthor(file.author);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - A4.margin;
  const write = (text: string, font: PDFFont, size: number, spaceAfter: number) => {
    for (const line of wrap(text, font, size, A4.width - 2 * A4.margin)) {
      const lineHeight = size * 1.4;
      if (y - lineHeight < A4.margin) {
        page = pdf.addPage([A4.width, A4.height]);
        y = A4.height - A4.margin;
      }
      y -= lineHeight;
      page.drawText(line, { x: A4.margin, y, size, font });
    }
    y -= spaceAfter;
  };
  write(file.title, bold, 16, 4);
  write(file.author, regular, 10, 16);
  for (const block of file.blocks) {
    if ('heading' in block) write(block.heading, bold, 12, 4);
    else write(block.text, regular, 11, 8);
  }
  return Buffer.from(await pdf.save());
}

function docxTable({ head, rows }: TableBlock['table']): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [head, ...rows].map(
      (cells, index) =>
        new TableRow({
          tableHeader: index === 0,
          children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: index === 0 })] })] })),
        }),
    ),
  });
}

function docxBytes(file: Extract<DemoAttachment, { format: 'docx' }>): Promise<Buffer> {
  const body = file.blocks.map((block) => {
    if ('heading' in block) return new Paragraph({ text: block.heading, heading: HeadingLevel.HEADING_1 });
    if ('text' in block) return new Paragraph({ text: block.text });
    return docxTable(block.table);
  });
  const document = new Document({
    creator: file.author,
    title: file.title,
    sections: [{ children: [new Paragraph({ text: file.title, heading: HeadingLevel.TITLE }), new Paragraph({ children: [new TextRun({ text: file.author, italics: true })] }), ...body] }],
  });
  return Packer.toBuffer(document);
}

export function demoFileBytes(file: DemoAttachment): Promise<Buffer> {
  return file.format === 'pdf' ? pdfBytes(file) : docxBytes(file);
}

/** Writes the files into `dir` and describes them as the multipart parser would, for the submission service. */
export async function writeDemoFiles(files: DemoAttachment[], dir: string): Promise<UploadedFile[]> {
  const written: UploadedFile[] = [];
  for (const file of files) {
    const bytes = await demoFileBytes(file);
    const filepath = path.join(dir, file.fileName);
    await fs.writeFile(filepath, bytes);
    written.push({ filepath, originalFilename: file.fileName, mimetype: MIME[file.format], size: bytes.length });
  }
  return written;
}
