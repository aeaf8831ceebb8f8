import type { Core } from '@strapi/strapi';
import { generate } from '@strapi/openapi';

type Operation = { operationId?: string; parameters?: { name: string; in: string }[]; responses: Record<string, { description: string; content?: Record<string, unknown> }>; security?: Record<string, string[]>[]; description?: string };
type Document = { info: Record<string, unknown>; paths: Record<string, Record<string, Operation>>; components: { schemas?: Record<string, unknown> } } & Record<string, unknown>;
type Route = { method: string; path: string; handler: string; config?: { auth?: false | object; prefix?: string } };

/** Query parameters Strapi describes for every read that the Hub may not set: reads are published documents only (published-only middleware). */
const OVERRIDDEN_READ_PARAMETERS = new Set(['status', 'publicationFilter', 'hasPublishedVersion']);

const ERROR = {
  type: 'object',
  description: 'Every refusal: `error.message` says what to change; `error.details.errors` lists each problem of a body (path and message); `error.details.code` names a refusal the Hub may show in its own words (suspended, blocked).',
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      properties: { status: { type: 'integer' }, name: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } },
      required: ['status', 'name', 'message'],
    },
  },
  required: ['data', 'error'],
};

/** Strapi writes the moment of generation as the default of `publishedAt`: no default a client could use, and a document that changes on every run. */
function withoutMomentDefaults(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.default === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(record.default)) delete record.default;
  for (const value of Object.values(record)) withoutMomentDefaults(value);
}

const PAGINATION = {
  type: 'object',
  properties: { pagination: { type: 'object', properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } }, required: ['page', 'pageSize', 'pageCount', 'total'] } },
  required: ['pagination'],
};

type Schema = { type?: unknown; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; $ref?: string; format?: string; pattern?: string; description?: string; default?: unknown } & Record<string, unknown>;

/** A schema Strapi made from a content type or a component: its fields say what they are ("A string field"). */
const fromContentType = (schema: Schema) => Object.values(schema.properties ?? {}).some((p) => /^An? [\w-]+ field$/.test(String(p.description ?? (p.anyOf?.[0]?.description ?? ''))));

/**
 * Where Strapi's generation says less or other than what the content API answers, every answer
 * showing it: a documentId is no UUID; a field that is not required may be null, and one Strapi
 * cannot describe (a file's `related`) is never answered; a component carries its `id`.
 */
function asAnswered(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const schema = node as Schema;
  if (schema.format === 'uuid') {
    delete schema.format;
    delete schema.pattern;
    if (typeof schema.description === 'string') schema.description = schema.description.replace(', represented by a UUID', '');
  }
  if (schema.properties && schema.required && fromContentType(schema)) {
    if (!schema.properties.documentId && !schema.properties.id) schema.properties = { id: { type: 'number' }, ...schema.properties };
    schema.required = schema.required.filter((name) => Object.keys(schema.properties?.[name] ?? {}).length);
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!schema.required.includes(name) && !(property.anyOf ?? []).some((s) => s.type === 'null')) schema.properties[name] = { anyOf: [property, { type: 'null' }] };
    }
  }
  for (const value of Object.values(schema)) asAnswered(value);
}

/** In what a client sends, a field with a default may be left out (Strapi describes schemas as they are once parsed). */
function defaultsOptional(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const schema = node as Schema;
  if (schema.properties && schema.required) schema.required = schema.required.filter((name) => schema.properties?.[name]?.default === undefined);
  for (const value of Object.values(schema)) defaultsOptional(value);
}

/**
 * Strapi describes a Hub account with its own fields only: every account answer (sign-in,
 * registration, `/users/me`) also carries the profile this application adds to the user type, and
 * registration accepts the fields the users-permissions `register.allowedFields` names. Both read
 * here from the type and the configuration, so that the document never parts from them.
 */
function withProfile(strapi: Core.Strapi, document: Document): void {
  const attributes = strapi.getModel('plugin::users-permissions.user').attributes as Record<string, { type: string; private?: boolean; enum?: string[]; maxLength?: number }>;
  const fields: Record<string, Schema> = Object.fromEntries(
    Object.entries(attributes)
      .filter(([, a]) => !a.private && (a.type === 'string' || a.type === 'enumeration'))
      .map(([name, a]) => [name, { type: 'string', ...(a.enum ? { enum: a.enum } : {}), ...(a.maxLength ? { maxLength: a.maxLength } : {}) }]),
  );
  const answered = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, { anyOf: [field, { type: 'null' }] }]));
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const schema = node as Schema;
    if (schema.properties?.username && schema.properties.email && schema.properties.confirmed) schema.properties = { ...answered, ...schema.properties };
    for (const value of Object.values(schema)) visit(value);
  };
  visit(document);
  const registration = (document.paths['/auth/local/register']?.post as { requestBody?: { content?: Record<string, { schema?: Schema }> } } | undefined)?.requestBody?.content?.['application/json']?.schema;
  const allowed = (strapi.config.get('plugin::users-permissions.register.allowedFields') ?? []) as string[];
  if (registration?.properties) for (const name of allowed) if (fields[name]) registration.properties[name] = fields[name];
}

/** Every content API route, with its path as the document writes it (`/submissions/{id}`) and the permission action it needs. */
function contentApiRoutes(strapi: Core.Strapi): (Route & { documentPath: string; action: string })[] {
  const apis = Object.values(strapi.apis).flatMap((api) => Object.values(api.routes as Record<string, { routes: Route[] }>).flatMap((router) => router.routes.map((route) => ({ ...route, action: route.handler }))));
  const plugins = Object.entries(strapi.plugins).flatMap(([name, plugin]) => {
    const router = (plugin.routes as unknown as Record<string, { prefix?: string; routes: Route[] }>)['content-api'];
    return (router?.routes ?? []).map((route) => ({
      ...route,
      path: `${route.config && 'prefix' in route.config ? (route.config.prefix ?? '') : (router.prefix ?? '')}${route.path}`,
      action: `plugin::${name}.${route.handler}`,
    }));
  });
  return [...apis, ...plugins].map((route) => ({ ...route, documentPath: route.path.replace(/:(\w+)/g, '{$1}') }));
}

/** Answers Strapi cannot know a route gives: its own status for success, and refusals of its own (docs/API.md). */
const ROUTE_ANSWERS: Record<string, { success?: string; refusals?: Record<string, string> }> = {
  'post /submissions': { success: '201', refusals: { '413': 'A JSON body over BODY_JSON_LIMIT, or a file over 20 MB', '429': 'SUBMISSION_RATE_LIMIT submissions in the window: try later' } },
  'put /submissions/{id}': { refusals: { '409': 'Not returned for edits (any more)', '413': 'A JSON body over BODY_JSON_LIMIT, or a file over 20 MB' } },
  'post /submissions/{id}/withdraw': { refusals: { '409': 'Neither pending nor returned: decided or withdrawn already' } },
};

/**
 * The Hub's contract, docs/openapi.json: Strapi's own generation (`@strapi/openapi`) of every
 * content API route, from the content types and the routes' own `request` and `response`
 * (src/api/submission/contract.ts), completed where Strapi cannot know: the shape of every
 * refusal and the routes' own ones, which routes need no credential (`auth: false`, or granted to
 * the Public role), what the file route answers, the account's profile, and the read parameters
 * the server overrides. The same on every run and every database.
 */
export async function hubOpenApi(strapi: Core.Strapi): Promise<Document> {
  const document = generate(strapi as never, { type: 'content-api' }).document as unknown as Document;
  document.info = {
    ...document.info,
    title: 'GCM Regional Review discussion spaces: the Hub API',
    description: 'What the Hub website may call. docs/API.md explains each route, its rules and its answers; types/hub/api.d.ts holds the TypeScript types of this document.',
  };
  document.components.schemas = { ...document.components.schemas, Error: ERROR };
  withoutMomentDefaults(document);
  asAnswered(document);
  withProfile(strapi, document);

  const publicActions = new Set(
    ((await strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: { type: 'public' } }, select: ['action'] })) as { action: string }[]).map((p) => p.action),
  );
  const publicRoutes = new Set(contentApiRoutes(strapi).filter((r) => r.config?.auth === false || publicActions.has(r.action)).map((r) => `${r.method.toLowerCase()} ${r.documentPath}`));
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const own = ROUTE_ANSWERS[`${method} ${path}`];
      if (own?.success && operation.responses['200']) {
        operation.responses = { [own.success]: { ...operation.responses['200'], description: 'Created' }, ...Object.fromEntries(Object.entries(operation.responses).filter(([status]) => status !== '200')) };
      }
      for (const [status, description] of Object.entries(own?.refusals ?? {})) operation.responses[status] = { description };
      // Nothing a client sends is a 500; the database briefly away is a 503 to try again.
      delete operation.responses['500'];
      operation.responses['503'] = { description: 'The database is briefly out of reach: try again after Retry-After seconds; nothing was written' };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) response.content = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
      }
      defaultsOptional((operation as { requestBody?: unknown }).requestBody);
      const answer = (operation.responses['200']?.content?.['application/json'] as { schema?: Schema } | undefined)?.schema;
      if (answer?.properties?.data?.type === 'array' && !answer.properties.meta) answer.properties.meta = PAGINATION;
      if (method === 'get') operation.parameters = operation.parameters?.filter((p) => !(p.in === 'query' && OVERRIDDEN_READ_PARAMETERS.has(p.name)));
      // A route anyone may call needs no credential; the file route reads one when sent.
      if (publicRoutes.has(`${method} ${path}`)) operation.security = path === '/files/{name}' ? [{}, { bearerAuth: [] }] : [];
    }
  }
  defaultsOptional(document.components.schemas.SubmissionInput);

  const file = document.paths['/files/{name}']?.get;
  if (file) {
    file.description = 'A stored file, to whoever may read a document holding it (docs/API.md, "Files"); the same 404 for a file one may not read as for none.';
    file.responses = {
      '200': { description: 'The file, as a download', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      '302': { description: 'With S3 storage: to a URL signed now, valid S3_URL_EXPIRES seconds; keep linking /api/files/<name>' },
      '304': { description: 'Unchanged since the ETag sent as If-None-Match (published files)' },
      ...Object.fromEntries(Object.entries(file.responses).filter(([status]) => status === '401' || status === '404')),
    };
  }
  return document;
}
