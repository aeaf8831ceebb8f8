import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UN_LANGUAGES } from '../../../../../reference/gcm';
import { figures, heard, keySentences, themes, type LanguageThemes } from './analysis';
import { categoryLabel, kindLabel, type ApprovedSubmission } from './approved';
import { CHART_TITLES, type Bar, type ChartName } from './charts';
import { markdownToDocx } from './docx';
import type { Moderator } from './lifecycle';
import type { RegionScope } from './scope';

const SUMMARY = 'api::summary.summary';

/** Posted text as literal Markdown: no heading, link, image, emphasis or table it did not ask for. */
const literal = (text: string) => text.replace(/\s+/g, ' ').replace(/([\\`*_[\]()#|!<>~])/g, '\\$1');
const cell = literal;
const label = literal;
/** An address as a Markdown link target: spaces, brackets and backslashes percent-encoded, so it cannot end the link early. */
const target = (url: string) => url.replace(/[\s()<>\\]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));
const languageName = (code: string) => UN_LANGUAGES.find((l) => l.code === code)?.name ?? code;
const listed = (items: string[]) => (items.length ? `${items.join(', ')}.` : 'none.');

function table(headers: [string, string], rows: [string, number][]): string {
  return [`| ${headers[0]} | ${headers[1]} |`, '|---|---:|', ...rows.map(([name, n]) => `| ${cell(name)} | ${n} |`)].join('\n');
}

/** A chart, by reference: the Word download draws it from the phase's approved data of the day. */
const chart = (name: ChartName) => `![${CHART_TITLES[name]}](chart:${name})`;
const figureSection = (name: ChartName, heading: string, column: string, bars: Bar[]) => [`### ${heading}`, chart(name), table([column, 'Contributions'], bars.map((b) => [b.label, b.value]))];
const themeLine = (found: LanguageThemes[]) =>
  found
    .filter((l) => l.themes.length)
    .map((l) => `${found.length > 1 ? `${languageName(l.language)}: ` : ''}${l.themes.map((t) => `${literal(t.term)} (${t.contributions})`).join(', ')}`)
    .join('; ');

/**
 * The draft analysis paper of a phase, from its approved contributions: figures and charts,
 * who was heard and who was not, recurring themes, the key sentences of each contribution
 * under its guiding question (quoted verbatim, never paraphrased), then every link in one
 * place. It is saved as a draft Summary for the secretariat to edit and publish. Everything
 * posted goes through `literal`: a contribution cannot add a heading, a link or an image.
 */
export function summaryMarkdown(
  phase: { title: string; region: { code: string; name: string } | null },
  questions: { position: number; text: string }[],
  submissions: ApprovedSubmission[],
  generatedOn: string,
): string {
  const counts = figures(questions, submissions);
  const who = heard(submissions, phase.region?.code ?? null);
  const organisations = new Set(submissions.map((s) => s.organisation).filter(Boolean));
  const languages = new Set(submissions.map((s) => s.language));

  const parts = [
    `# Summary: ${phase.title}${phase.region ? ` (${phase.region.name})` : ''}`,
    `_Draft analysis generated on ${generatedOn} from ${submissions.length} approved contributions. Key sentences are quoted from the contributions as written; themes are terms that two or more contributions use. Edit it before publishing._`,
    '## In figures',
    table(['', 'Number'], [['Approved submissions', submissions.length], ['Organisations', organisations.size], ['Countries', who.countries.length], ['Languages', languages.size]]),
    ...figureSection('categories', 'By stakeholder category', 'Stakeholder category', counts.categories),
    ...figureSection('objectives', 'By GCM objective', 'GCM objective', counts.objectives),
    ...figureSection('questions', 'By guiding question', 'Guiding question', counts.questions),
    '## Who was heard',
    '### Sectors',
    `Heard from: ${listed(who.sectors.filter((s) => s.contributions).map((s) => `${s.label} (${s.contributions})`))}`,
    `**Not heard from:** ${listed(who.sectors.filter((s) => !s.contributions).map((s) => s.label))}`,
    '### Countries',
    `Contributions about: ${listed(who.countries.map((c) => `${c.name} (${c.contributions})`))}`,
    who.regionCountries
      ? `**Countries of the region no contribution was about** (${who.countriesNotHeard.length} of ${who.regionCountries}): ${listed(who.countriesNotHeard.map((c) => c.name))}`
      : '_The countries of this region are not known: see the contributions above._',
    '## Recurring themes',
  ];
  const phaseThemes = themes(submissions, 10);
  for (const found of phaseThemes) {
    parts.push(`### ${languageName(found.language)} (${found.contributions} contributions)`);
    parts.push(found.themes.length ? table(['Theme', 'Contributions'], found.themes.map((t) => [t.term, t.contributions])) : '_No term recurs in two or more contributions._');
  }
  if (!phaseThemes.length) parts.push('_No approved contribution._');

  parts.push('## Contributions by guiding question');
  for (const question of questions) {
    parts.push(`### Q${question.position}. ${literal(question.text)}`);
    const under = submissions.filter((s) => s.guidingQuestion?.position === question.position);
    if (!under.length) {
      parts.push('_No approved contribution._');
      continue;
    }
    const recurring = themeLine(themes(under, 5));
    if (recurring) parts.push(`_Recurring themes:_ ${recurring}`);
    const quoted = keySentences(under);
    parts.push(
      under
        .map((s) => {
          const files = s.attachments.map((a) => `[${label(a.name)}](${target(a.url)})`);
          const links = s.links.map((l) => `[${label(l.label || l.url)}](${target(l.url)})`);
          return [
            `- **${literal(s.title)}**: ${literal(s.organisation ?? s.authorName ?? 'unknown')}${s.stakeholderCategory ? ` (${categoryLabel(s.stakeholderCategory)})` : ''}, ${kindLabel(s.kind).toLowerCase()}, in ${languageName(s.language)}. [Read the contribution](${target(s.url)}).`,
            files.length ? ` Attachments: ${files.join(', ')}.` : '',
            links.length ? ` Links: ${links.join(', ')}.` : '',
            ...(quoted.get(s.documentId) ?? []).map((sentence) => `\n  - “${literal(sentence)}”`),
          ].join('');
        })
        .join('\n'),
    );
  }
  const allLinks = submissions.flatMap((s) => [
    { url: s.url, label: s.title, from: null },
    ...s.attachments.map((a) => ({ url: a.url, label: a.name, from: s.title })),
    ...s.links.map((l) => ({ url: l.url, label: l.label || l.url, from: s.title })),
  ]);
  parts.push('## All links and documents');
  parts.push(allLinks.length ? allLinks.map((l) => `- [${label(l.label)}](${target(l.url)})${l.from === null ? ', contribution' : `, from "${literal(l.from)}"`}`).join('\n') : '_None._');
  return `${parts.join('\n\n')}\n`;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** What a summary is drawn from: the phase's posted guiding questions and its approved submissions. */
  async function approvedOf(phaseDocumentId: string) {
    const questions = (await strapi.db.query('api::guiding-question.guiding-question').findMany({
      where: { phase: { documentId: phaseDocumentId }, publishedAt: { $notNull: true }, locale: 'en' },
      select: ['position', 'text'],
      orderBy: { position: 'asc' },
    })) as { position: number; text: string }[];
    const submissions: ApprovedSubmission[] = [];
    for await (const s of strapi.plugin('moderation').service('approved').submissions(phaseDocumentId) as AsyncGenerator<ApprovedSubmission>) submissions.push(s);
    return { questions, submissions };
  }

  return {
    async generate(moderator: Moderator, phaseDocumentId: string) {
      const phase = await strapi.plugin('moderation').service('approved').phaseInScope(moderator.scope, phaseDocumentId);
      const { questions, submissions } = await approvedOf(phaseDocumentId);
      const body = summaryMarkdown(phase, questions, submissions, new Date().toISOString().slice(0, 10));
      const links = [...new Map(submissions.flatMap((s) => s.links).map((l) => [l.url, l])).values()];
      const summary = await strapi.documents(SUMMARY).create({
        data: { phase: phase.documentId, title: `Summary: ${phase.title}`.slice(0, 200), body, links } as never,
      });
      return { documentId: summary.documentId, title: summary.title, submissions: submissions.length };
    },

    /** A summary (its latest version) as Markdown or DOCX, for the regions one moderates; the DOCX's charts are of today's approved data. */
    async download(scope: RegionScope, documentId: string, format: unknown) {
      if (format !== 'md' && format !== 'docx') throw new errors.ValidationError('format must be md or docx.');
      const summary = (await strapi.documents(SUMMARY).findOne({ documentId, status: 'draft', populate: { phase: { populate: { region: { fields: ['code'] } } } } as never })) as unknown as {
        title: string;
        body: string;
        phase?: { documentId: string; region?: { code: string } | null } | null;
      } | null;
      if (!summary) throw new errors.NotFoundError(`No summary ${documentId}.`);
      strapi.plugin('moderation').service('scope').assertInScope(scope, summary.phase?.region?.code);
      const name = summary.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'summary';
      if (format === 'md') return { body: summary.body, contentType: 'text/markdown; charset=utf-8', filename: `${name}.md` };
      const phase = summary.phase ? await approvedOf(summary.phase.documentId) : null;
      return {
        body: await markdownToDocx(summary.body, phase ? figures(phase.questions, phase.submissions) : {}),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        filename: `${name}.docx`,
      };
    },
  };
};
