import { z } from '@strapi/utils';
import { MODERATION_STATES, SUBMISSION_KINDS, UN_LANGUAGES } from '../../reference/gcm';
import { SubmissionInput } from './input';

/**
 * What the author's routes accept and answer, for docs/openapi.json and the Hub's types: the
 * posting is the rule itself (input.ts), the answers are what services/submission.ts returns.
 * Named schemas (`meta({ id })`) become `components.schemas` of the document.
 */
const ref = (documentFields: Record<string, z.ZodType>) => z.object({ id: z.number().int(), documentId: z.string(), ...documentFields });
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

const Attachment = ref({ name: z.string(), mime: z.string(), size: z.number(), url: z.string().describe('The file\'s one address, /api/files/<name>') }).meta({ id: 'Attachment' });
const Link = z.object({ id: z.number().int(), url: z.string(), label: nullable(z.string()).optional() }).meta({ id: 'Link' });
const Translation = z.object({ id: z.number().int(), language: z.enum(UN_LANGUAGES.map((l) => l.code) as [string, ...string[]]), title: nullable(z.string()).optional(), body: z.string() }).meta({ id: 'Translation' });

/** A submission as its author sees it, in every state: everything but who decided and the screening notes. */
export const OwnSubmission = ref({
  kind: z.enum(Object.keys(SUBMISSION_KINDS) as [string, ...string[]]),
  title: z.string(),
  body: z.string(),
  language: z.string(),
  authorName: nullable(z.string()),
  organisation: nullable(z.string()),
  stakeholderCategory: nullable(z.string()),
  countries: nullable(z.array(z.string())),
  moderationState: z.enum(MODERATION_STATES),
  decisionReason: nullable(z.string()).describe("The moderator's reason when rejected, their note when returned for edits; null otherwise"),
  decidedAt: nullable(z.string()).describe('When it was approved or rejected; null otherwise'),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.null().describe('Always null: this is the author\'s view, not the published document'),
  guidingQuestion: nullable(ref({ position: nullable(z.number()), text: z.string() })),
  phase: nullable(ref({ title: z.string(), kind: z.string() })),
  region: nullable(ref({ code: z.string(), name: z.string() })),
  replyTo: nullable(ref({ title: z.string() })),
  gcmObjectives: z.array(ref({ number: z.number().int(), title: z.string() })),
  attachments: z.array(Attachment),
  links: z.array(Link),
  translations: z.array(Translation),
}).meta({ id: 'OwnSubmission' });

const one = z.object({ data: OwnSubmission });
const documentIdParam = { id: z.string().describe('The documentId of one of your submissions') };
const POSTING = z.object({ data: SubmissionInput.meta({ id: 'SubmissionInput' }) });
const POSTING_FORM = z.object({
  data: z.string().describe('The submission (SubmissionInput) as JSON text'),
  files: z.array(z.string().meta({ format: 'binary' })).max(5).optional().describe('Up to 5 documents, 20 MB each'),
});

/** The request and answer of each of the author's routes, by handler. */
export const AUTHOR_ROUTES = {
  create: { request: { body: { 'application/json': POSTING, 'multipart/form-data': POSTING_FORM } }, response: one },
  mine: {
    request: {
      query: {
        state: z.enum(MODERATION_STATES).optional(),
        page: z.number().int().min(1).optional(),
        pageSize: z.number().int().min(1).max(100).optional(),
      },
    },
    response: z.object({ data: z.array(OwnSubmission), meta: z.object({ pagination: z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), pageCount: z.number().int() }) }) }),
  },
  mineOne: { request: { params: documentIdParam }, response: one },
  resubmit: { request: { params: documentIdParam, body: { 'application/json': POSTING, 'multipart/form-data': POSTING_FORM } }, response: one },
  withdraw: { request: { params: documentIdParam }, response: one },
};
