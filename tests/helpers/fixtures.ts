import type { TestApp } from './strapi';

/** The content API's collections and the content types behind them. */
export const COLLECTION_TYPES = {
  regions: 'api::region.region',
  phases: 'api::phase.phase',
  'guiding-questions': 'api::guiding-question.guiding-question',
  submissions: 'api::submission.submission',
  'moderator-replies': 'api::moderator-reply.moderator-reply',
  'gcm-objectives': 'api::gcm-objective.gcm-objective',
  summaries: 'api::summary.summary',
} as const;

/** A minimal, valid PDF document. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
export const CSV = Buffer.from('country,arrivals\nFR,120\nDE,340\n');
export const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
export const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(200)]);

/** The posted questions of the demo phase (open today), by position. */
export async function demoQuestions(app: TestApp): Promise<string[]> {
  const phase = await app.strapi.documents('api::phase.phase').findFirst({ filters: { isDemo: true } });
  const questions = await app.strapi.documents('api::guiding-question.guiding-question').findMany({
    filters: { phase: { documentId: phase!.documentId } },
    status: 'published',
    sort: 'position',
  });
  return questions.map((q) => q.documentId);
}

/** An ESCAP phase open today with one posted question (the demo's phases are UNECE's); answers the question. */
export async function openEscapQuestion(app: TestApp, text = 'What works in Asia and the Pacific?'): Promise<string> {
  const docs = app.strapi.documents;
  const escap = await docs('api::region.region').findFirst({ filters: { code: 'ESCAP' } });
  const now = Date.now();
  const phase = await docs('api::phase.phase').create({
    data: { region: escap!.documentId, title: `ESCAP phase: ${text}`, kind: 'pre_review', reviewCycle: 2026, isDemo: true, opensAt: new Date(now - 86400000).toISOString(), closesAt: new Date(now + 86400000).toISOString() } as never,
  });
  return (await docs('api::guiding-question.guiding-question').create({ data: { phase: phase.documentId, position: 1, text } as never, locale: 'en', status: 'published' })).documentId;
}

export const validSubmission = (guidingQuestion: string, extra: Record<string, unknown> = {}) => ({
  kind: 'recommendation',
  title: 'Local partnerships for inclusion',
  body: 'Municipalities and migrant organisations should plan services together.',
  guidingQuestion,
  countries: ['FR'],
  gcmObjectives: [16],
  language: 'en',
  ...extra,
});

/** Rows that a refused request must not have added. */
export async function writtenRows(app: TestApp): Promise<Record<string, number>> {
  const count = (uid: string) => app.strapi.db.query(uid as never).count();
  return {
    submissions: await count('api::submission.submission'),
    files: await count('plugin::upload.file'),
    events: await count('plugin::moderation.moderation-event'),
    replies: await count('api::moderator-reply.moderator-reply'),
  };
}
