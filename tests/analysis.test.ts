/**
 * The analysis paper drafted from a phase's approved contributions (no Strapi: pure functions on
 * a small corpus in English, French, Chinese and Arabic), and its Word download opened with real
 * readers (mammoth for the text, jszip for the embedded charts).
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import { REGIONS } from '../src/reference/gcm';
import { REGION_COUNTRIES } from '../src/reference/region-countries';
import { figures, heard, keySentences, sentences, textBlocks, themes } from '../src/plugins/moderation/server/src/services/analysis';
import type { ApprovedSubmission } from '../src/plugins/moderation/server/src/services/approved';
import { barChartSvg } from '../src/plugins/moderation/server/src/services/charts';
import { markdownToDocx } from '../src/plugins/moderation/server/src/services/docx';
import { summaryMarkdown } from '../src/plugins/moderation/server/src/services/summaries';

const QUESTIONS = [
  { position: 1, text: 'What are some examples of promising practices of collaboration within the region?' },
  { position: 2, text: 'What are the main gaps and challenges, and lessons learned?' },
  { position: 3, text: 'Which sectors require specific support?' },
];
const PHASE = { title: 'UNECE pre-review', region: { code: 'UNECE', name: 'Europe, North America, Central Asia' } };

let made = 0;
function contribution(question: number, language: string, title: string, body: string, extra: Partial<ApprovedSubmission> = {}): ApprovedSubmission {
  made += 1;
  return {
    documentId: `doc${made}`,
    url: `https://gcm.example.org/api/submissions/doc${made}`,
    title,
    body,
    kind: 'comment',
    authorName: null,
    organisation: `Organisation ${made}`,
    stakeholderCategory: 'civil_society',
    countries: [],
    gcmObjectives: [],
    guidingQuestion: QUESTIONS[question - 1],
    language,
    links: [],
    attachments: [],
    replyTo: null,
    submittedAt: '2026-01-10T10:00:00.000Z',
    approvedAt: '2026-01-11T10:00:00.000Z',
    ...extra,
  };
}
const objectives = (...numbers: number[]) => numbers.map((number) => ({ number, title: '' }));

const CITIES = contribution(
  1,
  'en',
  'City-level partnerships for the inclusion of newcomers',
  'Several municipalities in our network run **one-stop welcome centres** together with migrant organisations. The centres offer language courses linked to work placements. We recommend that the Regional Review discusses how such local partnerships can be funded sustainably. Funding remains short-term in most cities.\n\n- shared case management\n- volunteers at weekends',
  { stakeholderCategory: 'migrant_diaspora_organizations', countries: ['DE', 'AT'], gcmObjectives: objectives(15, 16), attachments: [{ name: 'Centres (2025).pdf', url: 'https://gcm.example.org/files/centres.pdf', mime: 'application/pdf' }], links: [{ url: 'https://example.org/centres', label: 'Welcome centres map' }] },
);
const TOWNS = contribution(1, 'en', 'Reply: the same holds for smaller towns', 'In our experience the welcome-centre model also works in towns under 50,000 inhabitants. Migrant organisations should run the welcome centres jointly with the town from the start.', {
  stakeholderCategory: 'un_system',
  countries: ['AT'],
  gcmObjectives: objectives(16),
});
/** Markdown in every field a contributor fills: it must stay text. */
const INJECTION = contribution(
  2,
  'en',
  '![x](chart:categories) # heading [link](http://evil)',
  '# heading\n\n![x](chart:categories)\n\n[link](http://evil) Recruitment fees remain the main barrier for seasonal workers, and migrant organisations report debts of several months of wages.',
  { organisation: '[Evil org](http://evil) ![y](chart:objectives)', countries: ['FR'], gcmObjectives: objectives(6), attachments: [{ name: '![a](chart:questions).pdf', url: 'https://gcm.example.org/files/a.pdf', mime: 'application/pdf' }], links: [{ url: 'https://example.org/a)(b)![i](chart:categories', label: '![z](chart:questions)' }] },
);
const CORPUS = [
  CITIES,
  TOWNS,
  INJECTION,
  contribution(2, 'fr', 'Les frais de recrutement des saisonniers', "Les travailleurs saisonniers paient souvent des frais de recrutement élevés. L'accès à la protection sociale reste limité pour les travailleurs saisonniers.", { stakeholderCategory: 'trade_unions', countries: ['FR'], gcmObjectives: objectives(6, 22) }),
  contribution(1, 'fr', "Les centres d'accueil municipaux", "Les centres d'accueil municipaux facilitent l'intégration des travailleurs saisonniers. Les frais de recrutement doivent être interdits par la loi.", { stakeholderCategory: 'local_authorities_communities', countries: ['BE'], gcmObjectives: objectives(16) }),
  contribution(2, 'zh', '移民组织与地方政府的合作', '地方政府与移民组织合作，为新移民提供语言课程。移民组织在社会融合方面发挥重要作用。', { stakeholderCategory: 'academia', countries: ['KZ'], gcmObjectives: objectives(16) }),
  contribution(1, 'zh', '语言课程', '移民组织帮助新移民获得医疗服务。语言课程对社会融合很重要。', { stakeholderCategory: 'academia', countries: ['KZ'], gcmObjectives: objectives(15) }),
  contribution(2, 'ar', 'الخدمات الصحية للعمال المهاجرين', 'يواجه العمال المهاجرون صعوبات في الحصول على الخدمات الصحية. ندعو إلى حماية حقوق العمال المهاجرين.', { stakeholderCategory: 'faith_based_organizations', countries: ['TR'], gcmObjectives: objectives(15) }),
  contribution(2, 'ar', 'الحماية الاجتماعية', 'العمال المهاجرون بحاجة إلى الحماية الاجتماعية. الخدمات الصحية يجب أن تكون متاحة للجميع.', { stakeholderCategory: 'red_cross_red_crescent', countries: ['TR'], gcmObjectives: objectives(22) }),
];
const CHART_SOURCES = ['chart:categories', 'chart:objectives', 'chart:questions'];

const markdown = () => summaryMarkdown(PHASE, QUESTIONS, CORPUS, '2026-02-01');
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
/** The Markdown of one question's section, from its heading to the next heading. */
const section = (body: string, position: number) => body.slice(body.indexOf(`\n### Q${position}. `) + 1).split(/\n##/)[0];
const media = async (docx: Buffer) => Object.keys((await JSZip.loadAsync(docx)).files).filter((name) => name.startsWith('word/media/'));

describe('key sentences', () => {
  test('are split by Intl.Segmenter in every script, Markdown left out', () => {
    expect(sentences('地方政府与移民组织合作，为新移民提供语言课程。移民组织在社会融合方面发挥重要作用。', 'zh')).toEqual(['地方政府与移民组织合作，为新移民提供语言课程。', '移民组织在社会融合方面发挥重要作用。']);
    expect(sentences('يواجه العمال المهاجرون صعوبات. ندعو إلى حماية حقوقهم.', 'ar')).toHaveLength(2);
    expect(textBlocks(CITIES.body)).toEqual([expect.stringMatching(/^Several municipalities in our network run one-stop welcome centres together/), 'shared case management', 'volunteers at weekends']);
  });

  test("come verbatim from each contribution's own body, a question's contributions ranked together", () => {
    for (const question of QUESTIONS) {
      const under = CORPUS.filter((c) => c.guidingQuestion?.position === question.position);
      const chosen = keySentences(under);
      expect([...chosen.keys()]).toEqual(under.map((c) => c.documentId));
      for (const c of under) {
        expect(chosen.get(c.documentId)!.length).toBeGreaterThan(0);
        for (const sentence of chosen.get(c.documentId)!) expect(textBlocks(c.body).join('\n')).toContain(sentence);
      }
    }
    // Four full sentences and a fragment: the two that share the most with the other contributions.
    expect(keySentences([CITIES, TOWNS]).get(CITIES.documentId)).toEqual([
      'Several municipalities in our network run one-stop welcome centres together with migrant organisations.',
      'We recommend that the Regional Review discusses how such local partnerships can be funded sustainably.',
    ]);
  });

  test('are quoted under their question in the draft, as literal text', () => {
    const body = markdown();
    const q1 = unescape(section(body, 1));
    expect(q1).toContain('- **City-level partnerships for the inclusion of newcomers**');
    expect(q1).toContain('  - “Several municipalities in our network run one-stop welcome centres together with migrant organisations.”');
    expect(q1).toContain('“移民组织帮助新移民获得医疗服务。”');
    expect(q1).not.toContain('Recruitment fees');
    expect(unescape(section(body, 2))).toContain('“يواجه العمال المهاجرون صعوبات في الحصول على الخدمات الصحية.”');
    expect(section(body, 3)).toContain('_No approved contribution._');
  });
});

describe('recurring themes', () => {
  test('are terms, of several words where the language makes them, counted by contributions, per language', () => {
    const found = Object.fromEntries(themes(CORPUS, 10).map((l) => [l.language, l]));
    expect(Object.keys(found)).toEqual(['en', 'fr', 'zh', 'ar']);
    expect(found.en.contributions).toBe(3);
    expect(found.en.themes).toEqual(expect.arrayContaining([{ term: 'migrant organisations', contributions: 3 }, { term: 'welcome centres', contributions: 2 }]));
    expect(found.fr.themes).toEqual(expect.arrayContaining([{ term: 'frais de recrutement', contributions: 2 }, { term: 'travailleurs saisonniers', contributions: 2 }]));
    expect(found.zh.themes).toEqual(expect.arrayContaining([{ term: '移民组织', contributions: 2 }, { term: '语言课程', contributions: 2 }, { term: '社会融合', contributions: 2 }]));
    expect(found.ar.themes).toEqual(expect.arrayContaining([{ term: 'الخدمات الصحية', contributions: 2 }, { term: 'العمال المهاجرون', contributions: 2 }]));
    // Stop words and words inside a longer theme are not themes of their own.
    const terms = themes(CORPUS, 10).flatMap((l) => l.themes.map((t) => t.term));
    for (const noise of ['the', 'de', 'welcome', 'centres', '的']) expect(terms).not.toContain(noise);
  });

  test('appear for the phase and for each question in the draft', () => {
    const body = markdown();
    expect(body).toMatch(/### French \(2 contributions\)\n\n\| Theme \| Contributions \|\n\|---\|---:\|\n(\| .+ \| \d+ \|\n)*\| frais de recrutement \| 2 \|/);
    expect(section(body, 1)).toContain('_Recurring themes:_ English: migrant organisations (2), welcome centres (2)');
  });
});

describe('who was heard', () => {
  test('stakeholder categories and countries of the region without an approved contribution are named', () => {
    const who = heard(CORPUS, 'UNECE');
    expect(who.sectors.filter((s) => !s.contributions).map((s) => s.code)).toEqual(['migrants', 'private_sector', 'parliamentarians', 'national_human_rights_institutions', 'media', 'other_stakeholders']);
    expect(who.sectors[0]).toEqual({ code: 'academia', label: 'Academia', contributions: 2 });
    expect(who.countries).toEqual(expect.arrayContaining([{ code: 'AT', name: 'Austria', contributions: 2 }, { code: 'KZ', name: 'Kazakhstan', contributions: 2 }]));
    const notHeard = who.countriesNotHeard.map((c) => c.code);
    expect(notHeard).toEqual(expect.arrayContaining(['AL', 'US', 'UZ']));
    for (const code of ['AT', 'DE', 'FR', 'BE', 'KZ', 'TR']) expect(notHeard).not.toContain(code);
    expect(who.regionCountries).toBe(56);
    expect(heard(CORPUS, null)).toMatchObject({ countriesNotHeard: [], regionCountries: 0 });

    const body = markdown();
    expect(body).toContain('**Not heard from:** Migrants, The private sector, Parliamentarians, National human rights institutions, The media, Other relevant stakeholders.');
    expect(body).toMatch(/\*\*Countries of the region no contribution was about\*\* \(50 of 56\): Albania, Andorra, /);
  });

  test("each region's countries are real ISO codes, once each", () => {
    const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'code' });
    expect(Object.keys(REGION_COUNTRIES).sort()).toEqual(REGIONS.map((r) => r.code).sort());
    expect(Object.fromEntries(Object.entries(REGION_COUNTRIES).map(([region, codes]) => [region, codes.length]))).toEqual({ ECA: 54, ECLAC: 33, ESCAP: 49, ESCWA: 22, UNECE: 56 });
    for (const codes of Object.values(REGION_COUNTRIES)) {
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(names.of(code)).not.toBe(code);
    }
  });
});

describe('literal safety', () => {
  test('what a contributor typed adds no heading, link or image to the draft', () => {
    const body = markdown();
    const tokens = new MarkdownIt().parse(body, {});
    const inline = tokens.flatMap((t) => t.children ?? []);
    expect(inline.filter((t) => t.type === 'image').map((t) => t.attrGet('src'))).toEqual(CHART_SOURCES);
    // Only the addresses the draft gives: contributions, attachments, and links posted as links (encoded, so they end where they should).
    expect(new Set(inline.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href')))).toEqual(
      new Set([...CORPUS.flatMap((c) => [c.url, ...c.attachments.map((a) => a.url)]), 'https://example.org/centres', 'https://example.org/a%29%28b%29!%5Bi%5D%28chart:categories']),
    );
    const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [`${t.tag} ${tokens[i + 1].content}`] : []));
    expect(headings.filter((h) => h.startsWith('h1 '))).toEqual(['h1 Summary: UNECE pre-review (Europe, North America, Central Asia)']);
    expect(headings.filter((h) => /heading|evil|chart:/i.test(h))).toEqual([]);
    // The title reads as typed, once rendered.
    expect(unescape(body)).toContain('**![x](chart:categories) # heading [link](http://evil)**');
  });

  test('so its Word document holds the three charts the draft names, no more', async () => {
    expect(await media(await markdownToDocx(markdown(), figures(QUESTIONS, CORPUS)))).toHaveLength(3);
  });
});

describe('the Word document', () => {
  const draft = markdown();
  const counts = figures(QUESTIONS, CORPUS);

  test('opens in a reader, with its text and the charts drawn as PNG from the figures given', async () => {
    const docx = await markdownToDocx(draft, counts);
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    expect(text).toContain('Summary: UNECE pre-review');
    expect(text).toContain('Several municipalities in our network run one-stop welcome centres together with migrant organisations.');
    expect(text).toContain('地方政府与移民组织合作，为新移民提供语言课程。');
    expect(text).toContain('frais de recrutement');
    const zip = await JSZip.loadAsync(docx);
    const images = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(images).toHaveLength(3);
    for (const image of images) {
      expect(image).toMatch(/\.png$/);
      expect((await zip.file(image)!.async('nodebuffer')).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }
    // Each chart is described for screen readers by its figures.
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Academia: 2');
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html.match(/<img /g)).toHaveLength(3);
  });

  test('leaves out a chart whose reference the secretariat removed, and draws none without figures', async () => {
    const withoutCategories = draft.replace('![Contributions by stakeholder category](chart:categories)', '');
    expect(await media(await markdownToDocx(withoutCategories, counts))).toHaveLength(2);
    const withoutCharts = draft.replace(/^!\[[^\]]*\]\(chart:\w+\)$/gm, '');
    expect(withoutCharts).not.toContain('](chart:');
    const docx = await markdownToDocx(withoutCharts, counts);
    expect(await media(docx)).toEqual([]);
    expect((await mammoth.extractRawText({ buffer: docx })).value).toContain('Several municipalities in our network');
    expect(await media(await markdownToDocx(draft))).toEqual([]);
  });

  test('charts have their labels and an axis, text escaped', () => {
    const { svg, width, height } = barChartSvg('Contributions by guiding question', [
      { label: 'Q1. Rights & <duties> of "migrants"', value: 3 },
      { label: 'Q2. What are the main gaps and challenges, and lessons learned, to existing intra- and cross-regional collaboration?', value: 12 },
    ]);
    expect(width).toBe(800);
    expect(height).toBeGreaterThan(100);
    expect(svg).toContain('Q1. Rights &#38; &#60;duties&#62; of &#34;migrants&#34;');
    expect(svg).not.toContain('<duties>');
    expect(svg).toContain('Number of contributions');
    // An axis from 0 to 12 in steps of 2.
    expect([...svg.matchAll(/fill="#333333">(\d+)</g)].map((m) => Number(m[1]))).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(svg).toContain('…');
  });
});
