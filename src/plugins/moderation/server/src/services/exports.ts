import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { CATEGORY_LABELS, KIND_LABELS, labelLanguage, OBJECTIVE_TITLES, type LabelLanguage } from '../../../../../reference/gcm-labels';
import { EXPORT_HEADERS, type ExportColumn } from '../messages/export-headers';
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

type Value = (s: ApprovedSubmission, language: LabelLanguage) => string;
const COLUMNS: [column: ExportColumn, value: Value][] = [
  ['id', (s) => s.documentId],
  ['title', (s) => s.title],
  ['kind', (s, l) => KIND_LABELS[l][s.kind as keyof (typeof KIND_LABELS)['en']] ?? s.kind],
  ['author', (s) => s.authorName ?? ''],
  ['organisation', (s) => s.organisation ?? ''],
  ['category', (s, l) => (s.stakeholderCategory ? CATEGORY_LABELS[l][s.stakeholderCategory as keyof (typeof CATEGORY_LABELS)['en']] ?? s.stakeholderCategory : '')],
  ['question', (s) => (s.guidingQuestion ? `Q${s.guidingQuestion.position}. ${s.guidingQuestion.text}` : '')],
  ['objectives', (s, l) => s.gcmObjectives.map((o) => `${o.number}. ${OBJECTIVE_TITLES[l][o.number - 1] ?? o.title}`).join('; ')],
  ['countries', (s) => s.countries.join('; ')],
  ['language', (s) => s.language],
  ['submittedAt', (s) => s.submittedAt],
  ['approvedAt', (s) => s.approvedAt ?? ''],
  ['replyTo', (s) => s.replyTo ?? ''],
  ['links', (s) => s.links.map((l) => l.url).join(' ')],
  ['attachments', (s) => s.attachments.map((a) => a.url).join(' ')],
  ['text', (s) => s.body],
];

/**
 * Approved submissions of a phase as CSV, XLSX or JSON, streamed: rows are read page by page
 * and written as they come, so a large phase never sits in memory whole. Spreadsheets are for
 * people: their column heads and reference labels are in `language` (the workspace's); JSON is
 * for programs and keeps English keys and labels.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async open(scope: RegionScope, phaseDocumentId: string, format: unknown, language?: unknown) {
    if (typeof format !== 'string' || !Object.hasOwn(EXPORT_FORMATS, format)) throw new errors.ValidationError(`format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}.`);
    if (language !== undefined && typeof language !== 'string') throw new errors.ValidationError('language must be one language code, such as fr.');
    const lang = labelLanguage(language);
    const headers = EXPORT_HEADERS[lang];
    const phase = await strapi.plugin('moderation').service('approved').phaseInScope(scope, phaseDocumentId);
    const rows = strapi.plugin('moderation').service('approved').submissions(phaseDocumentId) as AsyncGenerator<ApprovedSubmission>;
    const out = new PassThrough();
    const write = async () => {
      if (format === 'csv') {
        const csv = stringify({ header: true, columns: COLUMNS.map(([column]) => headers[column]), bom: true });
        csv.pipe(out);
        for await (const row of rows) {
          if (!csv.write(COLUMNS.map(([, value]) => inert(value(row, lang))))) await new Promise((resolve) => csv.once('drain', resolve));
        }
        csv.end();
      } else if (format === 'xlsx') {
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
        const sheet = workbook.addWorksheet(headers.sheet, { views: [{ rightToLeft: lang === 'ar' }] });
        sheet.columns = COLUMNS.map(([column]) => ({ header: headers[column], key: column, width: column === 'text' ? 80 : 24 }));
        for await (const row of rows) sheet.addRow(COLUMNS.map(([, value]) => inert(value(row, lang)))).commit();
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
