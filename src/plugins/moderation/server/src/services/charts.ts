import sharp from 'sharp';

/**
 * The analysis paper's bar charts, drawn as SVG and rasterised to PNG for Word. A summary's
 * Markdown names a chart by reference (`![…](chart:categories)`); the figures are read from the
 * phase when the document is downloaded, so a chart is always that of the current approved data.
 */
export type Bar = { label: string; value: number };
export const CHART_TITLES = {
  categories: 'Contributions by stakeholder category',
  objectives: 'Contributions by GCM objective',
  questions: 'Contributions by guiding question',
} as const;
export type ChartName = keyof typeof CHART_TITLES;
export const isChartName = (name: string): name is ChartName => Object.hasOwn(CHART_TITLES, name);

// Drawn 800 wide and shown 600 wide on the page: a 15-unit label prints at about 8.5 points.
const WIDTH = 800;
const LABEL_WIDTH = 380;
const RIGHT = 40;
const TOP = 60;
const LINE = 18;
const BOTTOM = 70;
// Fonts most servers have; a label in a missing font would be drawn as nothing.
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";
// What fits in the label column at 15 units in DejaVu Sans, the widest of those fonts.
const LINE_CHARACTERS = 40;

const xml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const cut = (line: string) => (line.length > LINE_CHARACTERS ? `${line.slice(0, LINE_CHARACTERS - 1).trimEnd()}…` : line);

/** A label on at most two lines; a longer one (a question) is cut, the table beside the chart has it whole. */
function wrap(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= LINE_CHARACTERS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length <= 2 ? lines.map(cut) : [cut(lines[0]), `${lines[1].slice(0, LINE_CHARACTERS - 1).trimEnd()}…`];
}

/** Ticks at 1, 2 or 5 times a power of ten, about six of them, from 0 to at least the largest value. */
function ticks(max: number): number[] {
  const rough = Math.max(max, 1) / 6;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!);
  return Array.from({ length: Math.ceil(Math.max(max, 1) / step) + 1 }, (_, i) => i * step);
}

/** A horizontal bar chart: a row per label, its value at the end of the bar, a counted axis below. */
export function barChartSvg(title: string, bars: Bar[]): { svg: string; width: number; height: number } {
  const labels = bars.map((bar) => wrap(bar.label));
  const row = Math.max(1, ...labels.map((lines) => lines.length)) * LINE + 10;
  const scale = ticks(Math.max(0, ...bars.map((b) => b.value)));
  const top = scale[scale.length - 1];
  const plot = WIDTH - LABEL_WIDTH - RIGHT;
  const bottom = TOP + bars.length * row;
  const height = bottom + BOTTOM;
  const x = (value: number) => Math.round((LABEL_WIDTH + (value / top) * plot) * 10) / 10;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${xml(FONT)}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="34" font-size="20" font-weight="bold" fill="#1a1a1a">${xml(title)}</text>`,
    ...scale.flatMap((tick) => [
      `<line x1="${x(tick)}" y1="${TOP - 6}" x2="${x(tick)}" y2="${bottom}" stroke="${tick ? '#dddddd' : '#555555'}" stroke-width="1"/>`,
      `<text x="${x(tick)}" y="${bottom + 22}" font-size="15" text-anchor="middle" fill="#333333">${tick}</text>`,
    ]),
    ...bars.flatMap((bar, i) => {
      const middle = TOP + i * row + row / 2;
      const first = middle + 5 - ((labels[i].length - 1) * LINE) / 2;
      return [
        `<text font-size="15" text-anchor="end" fill="#1a1a1a">${labels[i].map((line, l) => `<tspan x="${LABEL_WIDTH - 10}" y="${first + l * LINE}">${xml(line)}</tspan>`).join('')}</text>`,
        `<rect x="${LABEL_WIDTH}" y="${middle - 9}" width="${x(bar.value) - LABEL_WIDTH}" height="18" fill="#1f6fb2"/>`,
        `<text x="${x(bar.value) + 6}" y="${middle + 5}" font-size="15" fill="#1a1a1a">${bar.value}</text>`,
      ];
    }),
    `<text x="${LABEL_WIDTH + plot / 2}" y="${bottom + 52}" font-size="15" text-anchor="middle" fill="#1a1a1a">Number of contributions</text>`,
    '</svg>',
  ];
  return { svg: parts.join('\n'), width: WIDTH, height };
}

/** The chart as a PNG at twice its drawn size, sharp in print; width and height are the drawn size. */
export async function barChartPng(title: string, bars: Bar[]): Promise<{ data: Buffer; width: number; height: number }> {
  const { svg, width, height } = barChartSvg(title, bars);
  const data = await sharp(Buffer.from(svg), { density: 144 }).png().toBuffer();
  return { data, width, height };
}
