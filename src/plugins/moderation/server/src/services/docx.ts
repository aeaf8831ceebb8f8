import { Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import MarkdownIt from 'markdown-it';
import { barChartPng, CHART_TITLES, isChartName, type Bar, type ChartName } from './charts';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];
type Inline = TextRun | ExternalHyperlink | ImageRun;
type Charts = Map<string, { data: Buffer; width: number; height: number; bars: Bar[] }>;

// The width of a chart on the page, in pixels at 96 to the inch: the text width of an A4 page.
const CHART_WIDTH = 600;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** Runs of text from a Markdown inline token: bold, italics, code and links kept, and the charts it names. */
function inlineRuns(token: Token | undefined, charts: Charts): Inline[] {
  const runs: Inline[] = [];
  let bold = false;
  let italics = false;
  let href: string | null = null;
  let linkRuns: TextRun[] = [];
  for (const child of token?.children ?? []) {
    if (child.type === 'strong_open' || child.type === 'strong_close') bold = child.type === 'strong_open';
    else if (child.type === 'em_open' || child.type === 'em_close') italics = child.type === 'em_open';
    else if (child.type === 'link_open') {
      href = String(child.attrGet('href') ?? '') || null;
      linkRuns = [];
    } else if (child.type === 'link_close') {
      if (href) runs.push(new ExternalHyperlink({ link: href, children: linkRuns }));
      href = null;
    } else if (child.type === 'image') {
      // Only a chart of the phase is drawn; any other image reference is left out, as before.
      const chart = charts.get(String(child.attrGet('src')));
      if (chart) {
        const description = chart.bars.map((b) => `${b.label}: ${b.value}`).join('; ');
        runs.push(new ImageRun({ type: 'png', data: chart.data, transformation: { width: CHART_WIDTH, height: Math.round((CHART_WIDTH * chart.height) / chart.width) }, altText: { name: child.content, title: child.content, description } }));
      }
    } else if (child.type === 'text' || child.type === 'code_inline' || child.type === 'softbreak' || child.type === 'hardbreak') {
      const text = child.type === 'softbreak' ? ' ' : child.content;
      const run = new TextRun({ text, bold, italics, break: child.type === 'hardbreak' ? 1 : undefined, font: child.type === 'code_inline' ? 'Courier New' : undefined, style: href ? 'Hyperlink' : undefined });
      if (href) linkRuns.push(run);
      else runs.push(run);
    }
  }
  return runs;
}

/** The charts the Markdown names (`![title](chart:categories)`) and the figures are given for, drawn once each. */
async function drawCharts(tokens: Token[], figures: Partial<Record<ChartName, Bar[]>>): Promise<Charts> {
  const charts: Charts = new Map();
  for (const child of tokens.flatMap((t) => t.children ?? [])) {
    const src = child.type === 'image' ? String(child.attrGet('src')) : '';
    const name = src.startsWith('chart:') ? src.slice('chart:'.length) : '';
    if (!isChartName(name)) continue;
    const bars = figures[name];
    if (bars && !charts.has(src)) charts.set(src, { ...(await barChartPng(CHART_TITLES[name], bars)), bars });
  }
  return charts;
}

/**
 * A Word document from the Markdown a summary is written in: headings, paragraphs, bullet and
 * numbered lists, tables, bold, italics, links, and the charts it names, drawn from `figures`
 * (the phase's current approved data). What the secretariat edited is what it gets: a chart
 * reference removed is a chart left out.
 */
export async function markdownToDocx(markdown: string, figures: Partial<Record<ChartName, Bar[]>> = {}): Promise<Buffer> {
  const tokens = new MarkdownIt().parse(markdown, {});
  const charts = await drawCharts(tokens, figures);
  const blocks: (Paragraph | Table)[] = [];
  let listDepth = 0;
  let ordered = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    switch (token.type) {
      case 'heading_open':
        blocks.push(new Paragraph({ heading: HEADINGS[Number(token.tag.slice(1))], children: inlineRuns(tokens[i + 1], charts) }));
        i += 2;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth += 1;
        ordered = token.type === 'ordered_list_open';
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth -= 1;
        break;
      case 'paragraph_open':
        blocks.push(
          new Paragraph({
            children: inlineRuns(tokens[i + 1], charts),
            ...(listDepth > 0 ? (ordered ? { numbering: { reference: 'numbered', level: listDepth - 1 } } : { bullet: { level: listDepth - 1 } }) : {}),
          }),
        );
        i += 2;
        break;
      case 'table_open': {
        const rows: TableRow[] = [];
        let cells: TableCell[] = [];
        for (i += 1; tokens[i].type !== 'table_close'; i += 1) {
          const t = tokens[i];
          if (t.type === 'tr_open') cells = [];
          else if (t.type === 'th_open' || t.type === 'td_open') {
            cells.push(new TableCell({ children: [new Paragraph({ children: inlineRuns(tokens[i + 1], charts) })] }));
          } else if (t.type === 'tr_close') rows.push(new TableRow({ children: cells, tableHeader: rows.length === 0 }));
        }
        blocks.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
        break;
      }
      default:
        break;
    }
  }
  const document = new Document({
    numbering: { config: [{ reference: 'numbered', levels: [0, 1, 2].map((level) => ({ level, format: 'decimal' as const, text: `%${level + 1}.`, alignment: 'start' as const })) }] },
    sections: [{ children: blocks }],
  });
  return Packer.toBuffer(document);
}
