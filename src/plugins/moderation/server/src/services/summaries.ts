import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { GCM_OBJECTIVES, STAKEHOLDER_CATEGORIES } from '../../../../../reference/gcm';
import { categoryLabel, kindLabel, type ApprovedSubmission } from './approved';
import { markdownToDocx } from './docx';
import type { Moderator } from './lifecycle';
import type { RegionScope } from './scope';

const SUMMARY = 'api::summary.summary';

/** Posted text as literal Markdown: no heading, link, emphasis or table it did not ask for. */
const literal = (text: string) => text.replace(/\s+/g, ' ').replace(/([\\`*_[\]()#|!<>~])/g, '\\$1');
const cell = literal;
const label = literal;
/** An address as a Markdown link target: spaces and parentheses encoded. */
const target = (url: string) => url.replace(/[\s()]/g, (c) => encodeURIComponent(c));

function table(headers: [string, string], rows: [string, number][]): string {
  return [`| ${headers[0]} | ${headers[1]} |`, '|---|---:|', ...rows.map(([name, n]) => `| ${cell(name)} | ${n} |`)].join('\n');
}

/**
 * The draft summary of a phase: every approved submission consolidated, figures first, then
 * the contributions under each guiding question, then every link in one place. It is saved as
 * a draft Summary for the secretariat to edit and publish.
 */
export function summaryMarkdown(phase: { title: string; region: { name: string } | null }, questions: { position: number; text: string }[], submissions: ApprovedSubmission[], generatedOn: string): string {
  const count = <K>(keys: K[], of: (s: ApprovedSubmission) => K[]) => keys.map((k) => submissions.filter((s) => of(s).includes(k)).length);
  const categories = Object.keys(STAKEHOLDER_CATEGORIES);
  const organisations = new Set(submissions.map((s) => s.organisation).filter(Boolean));
  const countries = new Set(submissions.flatMap((s) => s.countries));
  const byCategory = count(categories, (s) => [s.stakeholderCategory ?? '']);
  const byObjective = count(GCM_OBJECTIVES.map((_, i) => i + 1), (s) => s.gcmObjectives.map((o) => o.number));
  const byQuestion = count(questions.map((q) => q.position), (s) => (s.guidingQuestion ? [s.guidingQuestion.position] : []));

  const parts = [
    `# Summary: ${phase.title}${phase.region ? ` (${phase.region.name})` : ''}`,
    `_Draft generated on ${generatedOn} from ${submissions.length} approved submissions. Edit it before publishing._`,
    '## In figures',
    table(['', 'Number'], [['Approved submissions', submissions.length], ['Organisations', organisations.size], ['Countries', countries.size]]),
    '### By stakeholder category',
    table(['Stakeholder category', 'Submissions'], categories.map((c, i) => [categoryLabel(c), byCategory[i]])),
    '### By GCM objective',
    table(['GCM objective', 'Submissions'], GCM_OBJECTIVES.map((title, i) => [`${i + 1}. ${title}`, byObjective[i]])),
    '### By guiding question',
    table(['Guiding question', 'Submissions'], questions.map((q, i) => [`Q${q.position}. ${q.text}`, byQuestion[i]])),
    '## Contributions by guiding question',
  ];
  for (const question of questions) {
    parts.push(`### Q${question.position}. ${question.text}`);
    const under = submissions.filter((s) => s.guidingQuestion?.position === question.position);
    if (!under.length) parts.push('_No approved contribution._');
    for (const s of under) {
      const files = s.attachments.map((a) => `[${label(a.name)}](${target(a.url)})`);
      const links = s.links.map((l) => `[${label(l.label || l.url)}](${target(l.url)})`);
      parts.push(
        [
          `- **${literal(s.title)}**: ${literal(s.organisation ?? s.authorName ?? 'unknown')}${s.stakeholderCategory ? ` (${categoryLabel(s.stakeholderCategory)})` : ''}, ${kindLabel(s.kind).toLowerCase()}.`,
          files.length ? ` Attachments: ${files.join(', ')}.` : '',
          links.length ? ` Links: ${links.join(', ')}.` : '',
        ].join(''),
      );
    }
  }
  const allLinks = submissions.flatMap((s) => [...s.links.map((l) => ({ url: l.url, label: l.label || l.url, from: s.title })), ...s.attachments.map((a) => ({ url: a.url, label: a.name, from: s.title }))]);
  parts.push('## All links and documents');
  parts.push(allLinks.length ? allLinks.map((l) => `- [${label(l.label)}](${target(l.url)}), from "${literal(l.from)}"`).join('\n') : '_None._');
  return `${parts.join('\n\n')}\n`;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async generate(moderator: Moderator, phaseDocumentId: string) {
    const approved = strapi.plugin('moderation').service('approved');
    const phase = await approved.phaseInScope(moderator.scope, phaseDocumentId);
    const questions = await strapi.db.query('api::guiding-question.guiding-question').findMany({
      where: { phase: { documentId: phaseDocumentId }, publishedAt: { $notNull: true }, locale: 'en' },
      select: ['position', 'text'],
      orderBy: { position: 'asc' },
    });
    const submissions: ApprovedSubmission[] = [];
    for await (const s of approved.submissions(phaseDocumentId) as AsyncGenerator<ApprovedSubmission>) submissions.push(s);
    const body = summaryMarkdown(phase, questions, submissions, new Date().toISOString().slice(0, 10));
    const links = [...new Map(submissions.flatMap((s) => s.links).map((l) => [l.url, l])).values()];
    const summary = await strapi.documents(SUMMARY).create({
      data: { phase: phase.documentId, title: `Summary: ${phase.title}`.slice(0, 200), body, links } as never,
    });
    return { documentId: summary.documentId, title: summary.title, submissions: submissions.length };
  },

  /** A summary (its latest version) as Markdown or DOCX, for the regions one moderates. */
  async download(scope: RegionScope, documentId: string, format: unknown) {
    if (format !== 'md' && format !== 'docx') throw new errors.ValidationError('format must be md or docx.');
    const summary = (await strapi.documents(SUMMARY).findOne({ documentId, status: 'draft', populate: { phase: { populate: { region: { fields: ['code'] } } } } as never })) as unknown as {
      title: string;
      body: string;
      phase?: { region?: { code: string } | null } | null;
    } | null;
    if (!summary) throw new errors.NotFoundError(`No summary ${documentId}.`);
    strapi.plugin('moderation').service('scope').assertInScope(scope, summary.phase?.region?.code);
    const name = summary.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'summary';
    if (format === 'md') return { body: summary.body, contentType: 'text/markdown; charset=utf-8', filename: `${name}.md` };
    return {
      body: await markdownToDocx(summary.body),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filename: `${name}.docx`,
    };
  },
});
