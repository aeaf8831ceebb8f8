import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { categoryLabel, kindLabel, type ApprovedSubmission } from './approved';
import type { RegionScope } from './scope';

export const EXPORT_FORMATS = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** A cell a spreadsheet would run as a formula starts with a quote instead (CSV injection). */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const COLUMNS: [header: string, value: (s: ApprovedSubmission) => string][] = [
  ['id', (s) => s.documentId],
  ['title', (s) => s.title],
  ['kind', (s) => kindLabel(s.kind)],
  ['author', (s) => s.authorName ?? ''],
  ['organisation', (s) => s.organisation ?? ''],
  ['stakeholder category', (s) => categoryLabel(s.stakeholderCategory)],
  ['guiding question', (s) => (s.guidingQuestion ? `Q${s.guidingQuestion.position}. ${s.guidingQuestion.text}` : '')],
  ['GCM objectives', (s) => s.gcmObjectives.map((o) => `${o.number}. ${o.title}`).join('; ')],
  ['countries', (s) => s.countries.join('; ')],
  ['language', (s) => s.language],
  ['submitted at', (s) => s.submittedAt],
  ['approved at', (s) => s.approvedAt ?? ''],
  ['in reply to', (s) => s.replyTo ?? ''],
  ['links', (s) => s.links.map((l) => l.url).join(' ')],
  ['attachments', (s) => s.attachments.map((a) => a.url).join(' ')],
  ['text', (s) => s.body],
];

/**
 * Approved submissions of a phase as CSV, XLSX or JSON, streamed: rows are read page by page
 * and written as they come, so a large phase never sits in memory whole.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async open(scope: RegionScope, phaseDocumentId: string, format: unknown) {
    if (typeof format !== 'string' || !Object.hasOwn(EXPORT_FORMATS, format)) throw new errors.ValidationError(`format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}.`);
    const phase = await strapi.plugin('moderation').service('approved').phaseInScope(scope, phaseDocumentId);
    const rows = strapi.plugin('moderation').service('approved').submissions(phaseDocumentId) as AsyncGenerator<ApprovedSubmission>;
    const out = new PassThrough();
    const write = async () => {
      if (format === 'csv') {
        const csv = stringify({ header: true, columns: COLUMNS.map(([h]) => h), bom: true });
        csv.pipe(out);
        for await (const row of rows) {
          if (!csv.write(COLUMNS.map(([, value]) => inert(value(row))))) await new Promise((resolve) => csv.once('drain', resolve));
        }
        csv.end();
      } else if (format === 'xlsx') {
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
        const sheet = workbook.addWorksheet('Approved submissions');
        sheet.columns = COLUMNS.map(([header]) => ({ header, key: header, width: header === 'text' ? 80 : 24 }));
        for await (const row of rows) sheet.addRow(COLUMNS.map(([, value]) => inert(value(row)))).commit();
        await workbook.commit();
      } else {
        out.write(`{"phase":${JSON.stringify({ documentId: phase.documentId, title: phase.title, region: phase.region?.code })},"submissions":[`);
        let first = true;
        for await (const row of rows) {
          const record = { ...row, kind: kindLabel(row.kind), stakeholderCategory: categoryLabel(row.stakeholderCategory) };
          if (!out.write(`${first ? '' : ','}${JSON.stringify(record)}`)) await new Promise((resolve) => out.once('drain', resolve));
          first = false;
        }
        out.end(']}');
      }
    };
    write().catch((error) => {
      strapi.log.error(`moderation: export of phase ${phaseDocumentId} failed: ${(error as Error).message}`);
      out.destroy(error as Error);
    });
    const slug = `${phase.region?.code ?? 'phase'}-${phase.title}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
    return { stream: out, contentType: EXPORT_FORMATS[format as ExportFormat], filename: `${slug}-approved.${format}` };
  },
});
