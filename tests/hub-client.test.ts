/**
 * The Hub as its developers would write it: the official client, @strapi/client, typed with
 * types/hub (generated from docs/openapi.json), against a running server. Every answer is also
 * checked against the document's own schema for it, so the types say what really comes back.
 * docs/API.md ("A typed client") shows the same calls.
 */
import { HTTPBadRequestError, HTTPForbiddenError, strapi as createClient, type StrapiClient } from '@strapi/client';
import Ajv2020 from 'ajv/dist/2020';
import fs from 'node:fs';
import path from 'node:path';
import { createHubToken } from '../src/setup/access';
import type { components, paths } from '../types/hub/api';
import { adminLogin, DEMO_USER_PASSWORD, HUB_ACCOUNTS } from './helpers/accounts';
import { PDF } from './helpers/fixtures';
import { appDir, startApp, type TestApp } from './helpers/strapi';

type Schemas = components['schemas'];
type Json<P extends keyof paths, M extends 'get' | 'post' | 'put'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
type Me = Json<'/users/me', 'get'>;
type SignIn = Json<'/auth/local', 'post'>;
type Own = { data: Schemas['OwnSubmission'] };
type OwnList = Json<'/submissions/mine', 'get'>;
type Question = Schemas['ApiGuidingQuestionGuidingQuestionDocument'];
type Submission = Schemas['ApiSubmissionSubmissionDocument'];
type SubmissionInput = Schemas['SubmissionInput'];

let app: TestApp;
let hub: StrapiClient;
let moderator: string;

const document = JSON.parse(fs.readFileSync(path.join(appDir, 'docs', 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: object };
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: 'openapi', components: document.components });

/** Fails unless `body` is what docs/openapi.json says `method path` answers with `status`. */
function expectDescribed(method: string, documentPath: string, status: string, body: unknown) {
  const schema = document.paths[documentPath]?.[method]?.responses[status]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`docs/openapi.json has no ${status} answer for ${method} ${documentPath}`);
  const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')));
  if (!validate(body)) throw new Error(`${method} ${documentPath} answered what docs/openapi.json does not describe: ${JSON.stringify(validate.errors?.slice(0, 6).map((e) => [e.instancePath, e.message, e.params]))}`);
}

beforeAll(async () => {
  app = await startApp({ SUBMISSION_RATE_LIMIT: '1000' }, { serveAdminPanel: true });
  moderator = await adminLogin(app, 'moderator.unece@example.org');
});

afterAll(async () => {
  await app?.stop();
});

const decide = (documentId: string, action: string, body: object = {}) => app.http().post(`/moderation/submissions/${documentId}/${action}`).set('Authorization', `Bearer ${moderator}`).send(body).expect((res) => expect(res.status).toBeLessThan(300));

test('sign in, and learn what the account may do', async () => {
  const anonymous = createClient({ baseURL: `${app.url}/api` });
  const signedIn = await anonymous.fetch('/auth/local', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier: HUB_ACCOUNTS.stakeholder, password: DEMO_USER_PASSWORD }) });
  const session = (await signedIn.json()) as SignIn;
  expectDescribed('post', '/auth/local', '200', session);
  hub = createClient({ baseURL: `${app.url}/api`, auth: session.jwt });

  const account = await hub.fetch('/users/me');
  // For this user alone: no cache in between keeps it.
  expect(account.headers.get('cache-control')).toBe('private, no-store');
  const me = (await account.json()) as Me;
  expectDescribed('get', '/users/me', '200', me);
  expect(me.role).toEqual({ type: 'stakeholder', name: 'Stakeholder' });
  expect(me.capabilities).toMatchObject({ canRead: true, canPost: true, canSeeOwn: true, postingRestrictions: [] });
});

let questions: Question[];

test('register with a profile; the account reads until the secretariat gives it a role', async () => {
  type Registration = paths['/auth/local/register']['post']['requestBody'] extends { content: { 'application/json': infer T } } | undefined ? T : never;
  const profile: Registration = { username: 'client-check', email: 'client.check@example.org', password: 'Client-Check-2024', displayName: 'Client Check', organisation: 'Check Org', stakeholderCategory: 'academia', country: 'FR' };
  const res = await createClient({ baseURL: `${app.url}/api` }).fetch('/auth/local/register', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(profile) });
  const body = (await res.json()) as Json<'/auth/local/register', 'post'>;
  expectDescribed('post', '/auth/local/register', '200', body);
  // Without e-mail confirmation (Strapi's default), registration signs the account in.
  const jwt = (body as { jwt?: string }).jwt;
  expect(jwt).toEqual(expect.any(String));
  const me = (await (await createClient({ baseURL: `${app.url}/api`, auth: jwt }).fetch('/users/me')).json()) as Me;
  expect(me).toMatchObject({ displayName: 'Client Check', role: { type: 'authenticated' }, capabilities: { canRead: true, canPost: false, canSeeOwn: false } });
});

test("list a phase's questions in a locale", async () => {
  const answer = await hub.collection('guiding-questions').find({ locale: 'fr', filters: { phase: { isDemo: true } }, populate: ['phase'], sort: 'position' });
  expectDescribed('get', '/guiding-questions', '200', answer);
  questions = answer.data as unknown as Question[];
  expect(questions.length).toBe(5);
  expect(questions.every((q) => q.locale === 'fr' && q.phase && (q.phase as { isDemo?: boolean }).isDemo)).toBe(true);
});

let posted: Schemas['OwnSubmission'];

test('post with a file; a refusal says what to change', async () => {
  // The English question: a submission answers the question's document, in any locale.
  const data: SubmissionInput = { kind: 'research_report', title: 'Client check: with a file', body: 'Summary attached.', guidingQuestion: questions[0].documentId, countries: ['FR'], links: [{ url: 'https://example.org/study' }] };
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  form.append('files', new Blob([PDF], { type: 'application/pdf' }), 'study.pdf');
  const res = await hub.fetch('/submissions', { method: 'POST', body: form });
  expect(res.status).toBe(201);
  posted = ((await res.json()) as Own).data;
  expect(posted).toMatchObject({ moderationState: 'pending', title: 'Client check: with a file', publishedAt: null });
  expect(posted.attachments[0].url).toMatch(/^\/api\/files\//);

  const refused = await hub.fetch('/submissions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ data: { ...data, title: 'x', author: 1 } }) }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(HTTPBadRequestError);
  const error = (await (refused as HTTPBadRequestError).response.json()) as { error: { message: string; details: { errors: { path: string }[] } } };
  expectDescribed('post', '/submissions', '400', error);
  expect(error.error.details.errors.map((e) => e.path).sort()).toEqual(['(data)', 'title']);
});

test("read one's own list, and withdraw", async () => {
  const own = await hub.fetch('/submissions/mine?state=pending');
  expect(own.headers.get('cache-control')).toBe('private, no-store');
  const listed = (await own.json()) as OwnList;
  expectDescribed('get', '/submissions/mine', '200', listed);
  expect(listed.data.map((s) => s.documentId)).toContain(posted.documentId);
  // The author's view names no private field but the two it is for (its state, and the reason they were given).
  const attributes = app.strapi.getModel('api::submission.submission').attributes as Record<string, { private?: boolean }>;
  const hidden = Object.keys(attributes).filter((name) => attributes[name].private && !['moderationState', 'decisionReason', 'decidedAt'].includes(name));
  expect(hidden).toEqual(expect.arrayContaining(['author', 'decidedBy', 'screeningFlags', 'flagged', 'regionCode', 'phaseDocumentId']));
  for (const own of listed.data) expect(Object.keys(own).filter((field) => hidden.includes(field))).toEqual([]);

  const second = (await (await hub.fetch('/submissions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ data: { kind: 'comment', title: 'Client check: to withdraw', body: 'Posted too early.', guidingQuestion: questions[0].documentId } }) })).json()) as Own;
  const withdrawn = (await (await hub.fetch(`/submissions/${second.data.documentId}/withdraw`, { method: 'POST' })).json()) as Own;
  expectDescribed('post', '/submissions/{id}/withdraw', '200', withdrawn);
  expect(withdrawn.data.moderationState).toBe('withdrawn');
  const again = await hub.fetch(`/submissions/${second.data.documentId}/withdraw`, { method: 'POST' }).catch((error: unknown) => error);
  expect((again as { response: Response }).response.status).toBe(409);
});

test('after approval, read the published list with its replies and attachments', async () => {
  await decide(posted.documentId, 'translations', { language: 'fr', body: 'Résumé joint.' });
  await decide(posted.documentId, 'approve');
  await decide(posted.documentId, 'replies', { body: 'Thank you for the study.' });
  const answer = await hub.collection('submissions').find({ filters: { documentId: posted.documentId }, populate: ['moderatorReplies', 'attachments', 'links', 'translations'] });
  expectDescribed('get', '/submissions', '200', answer);
  const [published] = answer.data as unknown as Submission[];
  expect(published.title).toBe('Client check: with a file');
  expect(published.links).toEqual([expect.objectContaining({ url: 'https://example.org/study', label: null })]);
  expect((published.translations as { language: string }[]).map((t) => t.language)).toEqual(['fr']);
  expect((published.moderatorReplies as { body: string }[]).map((r) => r.body)).toEqual(['Thank you for the study.']);
  const [attachment] = published.attachments as { url: string; name: string }[];
  const file = await fetch(`${app.url}${attachment.url}`);
  expect(file.status).toBe(200);
  expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
  // Nothing of the moderation reaches the Hub.
  expect(Object.keys(published)).not.toEqual(expect.arrayContaining(['moderationState']));
});

test('a token reads, and is refused what needs an account', async () => {
  const token = await createHubToken(app.strapi, 'client check token');
  const server = createClient({ baseURL: `${app.url}/api`, auth: token });
  const phases = await server.collection('phases').find({ filters: { isDemo: true } });
  expectDescribed('get', '/phases', '200', phases);
  expect(phases.data).toHaveLength(1);
  expect(await server.fetch('/submissions/mine').catch((error: unknown) => error)).toBeInstanceOf(HTTPForbiddenError);
});
