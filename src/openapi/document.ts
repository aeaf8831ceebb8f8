import type { Core } from '@strapi/strapi';
import { generate } from '@strapi/openapi';

type Operation = { operationId?: string; parameters?: { name: string; in: string }[]; responses: Record<string, { description: string; content?: Record<string, unknown> }>; security?: Record<string, string[]>[]; description?: string };
type Document = { info: Record<string, unknown>; paths: Record<string, Record<string, Operation>>; components: { schemas?: Record<string, unknown> } } & Record<string, unknown>;
type Route = { method: string; path: string; config?: { auth?: false | object; prefix?: string } };

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

type Schema = { type?: unknown; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; $ref?: string; format?: string; pattern?: string; description?: string } & Record<string, unknown>;

/**
 * Where Strapi's generation says less or other than what the content API answers, every answer
 * showing it: a documentId is no UUID, a field that is not required may be null, and a list
 * answer carries `meta.pagination`.
 */
function asAnswered(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const schema = node as Schema;
  if (schema.properties?.documentId?.format === 'uuid') schema.properties.documentId = { type: 'string', description: 'The document ID' };
  if (schema.properties?.documentId && schema.required) {
    // A field Strapi cannot describe (a file's `related`, a polymorphic link) is never answered.
    schema.required = schema.required.filter((name) => Object.keys(schema.properties?.[name] ?? {}).length);
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!schema.required.includes(name) && !(property.anyOf ?? []).some((s) => s.type === 'null')) schema.properties[name] = { anyOf: [property, { type: 'null' }] };
    }
  }
  for (const value of Object.values(schema)) asAnswered(value);
}

/**
 * Strapi describes a Hub account with its own fields only: every account answer (sign-in,
 * registration, `/users/me`) also carries the profile this application adds to the user type,
 * read here from that type so that the two never part.
 */
function withProfile(strapi: Core.Strapi, document: unknown): void {
  const attributes = strapi.getModel('plugin::users-permissions.user').attributes as Record<string, { type: string; private?: boolean; enum?: string[]; maxLength?: number }>;
  const profile = Object.fromEntries(
    Object.entries(attributes)
      .filter(([, a]) => !a.private && (a.type === 'string' || a.type === 'enumeration'))
      .map(([name, a]) => [name, { anyOf: [{ type: 'string', ...(a.enum ? { enum: a.enum } : {}), ...(a.maxLength ? { maxLength: a.maxLength } : {}) }, { type: 'null' }] }]),
  );
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const schema = node as Schema;
    if (schema.properties?.username && schema.properties.email && schema.properties.confirmed) schema.properties = { ...profile, ...schema.properties };
    for (const value of Object.values(schema)) visit(value);
  };
  visit(document);
}

/** Every content API route, with its path as the document writes it (`/submissions/{id}`). */
function contentApiRoutes(strapi: Core.Strapi): (Route & { documentPath: string })[] {
  const apis = Object.values(strapi.apis).flatMap((api) => Object.values(api.routes as Record<string, { routes: Route[] }>).flatMap((router) => router.routes));
  const plugins = Object.values(strapi.plugins).flatMap((plugin) => {
    const router = (plugin.routes as unknown as Record<string, { type?: string; prefix?: string; routes: Route[] }>)['content-api'];
    return (router?.routes ?? []).map((route) => ({ ...route, path: `${route.config && 'prefix' in route.config ? (route.config.prefix ?? '') : (router.prefix ?? '')}${route.path}` }));
  });
  return [...apis, ...plugins].map((route) => ({ ...route, documentPath: route.path.replace(/:(\w+)/g, '{$1}') }));
}

/**
 * The Hub's contract, docs/openapi.json: Strapi's own generation (`@strapi/openapi`) of every
 * content API route, from the content types and the routes' own `request` and `response`
 * (src/api/submission/contract.ts), completed where Strapi cannot know: the shape of every
 * refusal, which routes need no credential, what the file route answers, and the read parameters
 * the server overrides. The same on every run and every database.
 */
export function hubOpenApi(strapi: Core.Strapi): Document {
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

  const publicRoutes = new Set(contentApiRoutes(strapi).filter((r) => r.config?.auth === false).map((r) => `${r.method.toLowerCase()} ${r.documentPath}`));
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) response.content = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
      }
      const answer = (operation.responses['200']?.content?.['application/json'] as { schema?: Schema } | undefined)?.schema;
      if (answer?.properties?.data?.type === 'array' && !answer.properties.meta) answer.properties.meta = PAGINATION;
      if (method === 'get') operation.parameters = operation.parameters?.filter((p) => !(p.in === 'query' && OVERRIDDEN_READ_PARAMETERS.has(p.name)));
      // A route anyone may call needs no credential; the file route reads one when sent.
      if (publicRoutes.has(`${method} ${path}`)) operation.security = path === '/files/{name}' ? [{}, { bearerAuth: [] }] : [];
    }
  }

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
