import { errors, z } from '@strapi/utils';
import countries from 'i18n-iso-countries';
import { STAKEHOLDER_CATEGORIES, SUBMISSION_KINDS, UN_LANGUAGES } from '../../reference/gcm';
import { neutraliseText } from '../../utils/text';

const text = (min: number, max: number) =>
  z
    .string()
    .transform(neutraliseText)
    .pipe(z.string().min(min, `must be at least ${min} characters (after trimming)`).max(max, `must be at most ${max} characters`));

/** One line of text: titles and labels carry no line breaks. */
const line = (min: number, max: number) => text(min, max).refine((value) => !/[\r\n]/.test(value), 'must be a single line');

const httpUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// address');

const documentId = z.string().regex(/^[a-z0-9]{10,40}$/, 'must be a documentId');

/** What a Hub user may send when posting. Anything else (author, state, region…) is refused. */
export const SubmissionInput = z.strictObject({
  kind: z.enum(Object.keys(SUBMISSION_KINDS) as [string, ...string[]]),
  title: line(3, 200),
  body: text(1, 20000),
  guidingQuestion: documentId,
  replyTo: documentId.optional(),
  organisation: line(2, 200).optional(),
  stakeholderCategory: z.enum(Object.keys(STAKEHOLDER_CATEGORIES) as [string, ...string[]]).optional(),
  countries: z
    .array(z.string().refine((code) => /^[A-Z]{2}$/.test(code) && countries.isValid(code), 'must be an ISO 3166-1 alpha-2 country code, such as "FR"'))
    .max(60)
    .refine((list) => new Set(list).size === list.length, 'must not repeat a country')
    .optional(),
  gcmObjectives: z
    .array(z.number().int().min(1, 'GCM objectives are numbered 1 to 23').max(23, 'GCM objectives are numbered 1 to 23'))
    .max(23)
    .refine((list) => new Set(list).size === list.length, 'must not repeat an objective')
    .optional(),
  language: z.enum(UN_LANGUAGES.map((l) => l.code) as [string, ...string[]]).default('en'),
  links: z.array(z.strictObject({ url: httpUrl, label: line(1, 200).optional() })).max(10).optional(),
});
export type SubmissionInput = z.infer<typeof SubmissionInput>;

/** Parses a posting, answering every problem at once in a 400 a Hub developer can act on. */
export function parseSubmissionInput(raw: unknown): SubmissionInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new errors.ValidationError('Send the submission as {"data": {...}} (JSON), or as a multipart form with a "data" field holding that JSON and up to 5 "files".');
  }
  const result = SubmissionInput.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.join('.') || '(data)',
      message: issue.code === 'unrecognized_keys' ? `is not accepted: ${issue.keys.join(', ')} (the server sets author, region, phase, state and publication)` : issue.message,
    }));
    throw new errors.ValidationError(issues.map((i) => `${i.path} ${i.message}`).join('; '), { errors: issues });
  }
  return result.data;
}
