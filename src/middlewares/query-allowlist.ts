import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { HUB_QUERIES, NESTED_FIELDS, type PopulateTree } from '../setup/hub-queries';

type Attribute = { type: string; target?: string; component?: string; relation?: string };
type Query = Record<string, unknown>;

/** The query parameters a Hub read may carry; `status`, `publicationFilter` and `hasPublishedVersion` are overridden by published-only. */
const PARAMETERS = new Set(['filters', 'sort', 'fields', 'populate', 'pagination', 'locale', 'status', 'publicationFilter', 'hasPublishedVersion']);
const OVERRIDDEN = new Set(['status', 'publicationFilter', 'hasPublishedVersion']);
const COMPARISONS = new Set(['$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi', '$null', '$notNull', '$between']);
/** What may be said about a populated relation besides what to populate under it. */
const POPULATE_OPTIONS = new Set(['fields', 'sort', 'populate']);

const refuse = (parameter: string, message: string) => new errors.ValidationError(`${parameter}: ${message} See "What the Hub may ask" in docs/API.md.`, { parameter });
const list = (values: readonly string[]) => (values.length ? values.join(', ') : 'nothing');
const isObject = (value: unknown): value is Query => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Deny by default for the Hub's reads: each filter, sort, field and populate must be one that
 * src/setup/hub-queries.ts names for the type asked for; anything else is a 400 naming the
 * parameter. What is allowed is checked against the schema too, so a relation is walked only
 * where the allowlist says it may be.
 */
const queryAllowlist: Core.MiddlewareFactory<{ uid: string }> = ({ uid }, { strapi }) => {
  const allowed = HUB_QUERIES[uid];
  if (!allowed) throw new Error(`No Hub query allowlist for ${uid} (src/setup/hub-queries.ts).`);
  const attributesOf = (model: string) => ((strapi.getModel(model as never) as unknown as { attributes: Record<string, Attribute> } | undefined)?.attributes ?? {});

  /** The type a relation, media or component field leads to. */
  const targetOf = (model: string, field: string) => {
    const attribute = attributesOf(model)[field];
    if (attribute?.type === 'relation') return attribute.target!;
    if (attribute?.type === 'media') return 'plugin::upload.file';
    if (attribute?.type === 'component') return attribute.component!;
    return null;
  };

  function checkFilters(value: unknown, model: string, path: string[], parameter: string): void {
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      const at = `${parameter}[${key}]`;
      if (key === '$and' || key === '$or') {
        const branches = Array.isArray(inner) ? inner : isObject(inner) ? Object.values(inner) : null;
        if (!branches) throw refuse(at, 'must be a list of filters.');
        branches.forEach((branch, i) => checkFilters(branch, model, path, `${at}[${i}]`));
      } else if (key === '$not') {
        checkFilters(inner, model, path, at);
      } else if (key.startsWith('$')) {
        if (!path.length) throw refuse(at, 'an operator must follow a field, such as filters[title][$contains]=port.');
        if (!COMPARISONS.has(key)) throw refuse(at, `${key} is not an operator the Hub may use; use one of ${[...COMPARISONS].join(', ')}.`);
        // On a relation itself (filters[phase][$eq]=…), only where the allowlist names the relation.
        if (!allowed.filters.includes(path.join('.'))) throw refuse(at, `${path.join('.')} is a relation: filter on one of its fields, such as ${parameter}[documentId]=….`);
      } else {
        const next = [...path, key];
        const dotted = next.join('.');
        const target = targetOf(model, key);
        if (target) {
          if (!allowed.filters.some((f) => f.startsWith(`${dotted}.`))) throw refuse(at, `${typeName(uid)} may be filtered on ${list(allowed.filters)}.`);
          if (!isObject(inner)) throw refuse(at, `${key} is a relation: filter on one of its fields, such as ${at}[documentId]=….`);
          checkFilters(inner, target, next, at);
        } else {
          if (!allowed.filters.includes(dotted) || (key !== 'documentId' && !attributesOf(model)[key])) {
            throw refuse(at, `${typeName(uid)} may be filtered on ${list(allowed.filters)}.`);
          }
          if (attributesOf(model)[key]?.type === 'json') {
            value[key] = listMembership(inner, at);
            continue;
          }
          if (isObject(inner)) checkFilters(inner, model, next, at);
        }
      }
    }
  }

  /**
   * A list field (countries) is asked whether it holds one value: `filters[countries][$contains]=KE`.
   * Written for each database, since a JSON column is text to SQLite and JSON to PostgreSQL.
   */
  function listMembership(inner: unknown, parameter: string): Query {
    const value = isObject(inner) && Object.keys(inner).length === 1 ? inner.$contains : undefined;
    if (typeof value !== 'string' || !value) throw refuse(parameter, 'a list field takes $contains with one value, such as filters[countries][$contains]=KE.');
    return strapi.db.dialect.client === 'postgres' ? { $jsonSupersetOf: JSON.stringify([value]) } : { $contains: JSON.stringify(value) };
  }

  /** A list of field names as Strapi accepts it: a name, "a,b", or a list. */
  const names = (value: unknown): string[] => (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim()).filter(Boolean);

  function checkFields(value: unknown, permitted: readonly string[], what: string, parameter: string) {
    for (const field of names(value)) {
      if (!permitted.includes(field)) throw refuse(parameter, `${field} is not a field the Hub may select on ${what}; it may select ${list(permitted)}.`);
    }
  }

  function checkSort(value: unknown, permitted: readonly string[], what: string, parameter: string) {
    const entries = isObject(value) ? Object.entries(value).map(([field, direction]) => `${field}:${String(direction)}`) : names(value);
    for (const entry of entries) {
      const [field, direction = 'asc', ...rest] = entry.split(':');
      if (rest.length || !['asc', 'desc'].includes(direction.toLowerCase())) throw refuse(parameter, `${entry} is not a field with a direction, such as createdAt:desc.`);
      if (!permitted.includes(field)) throw refuse(parameter, `${what} may be sorted by ${list(permitted)}.`);
    }
  }

  function fieldsOf(model: string): readonly string[] {
    return HUB_QUERIES[model]?.fields ?? NESTED_FIELDS[model] ?? [];
  }

  function checkPopulate(value: unknown, model: string, tree: PopulateTree, parameter: string): void {
    if (value === undefined) return;
    if (!isObject(value)) {
      // "a,b", ["a", "b.c"]: each a path in the tree.
      for (const dotted of names(value)) {
        let node: PopulateTree | undefined = tree;
        for (const step of dotted.split('.')) {
          node = node?.[step];
          if (!node) throw refuse(parameter, `${dotted} cannot be populated on ${typeName(model)}; it may populate ${list(Object.keys(tree))}, each by name.`);
        }
      }
      return;
    }
    for (const [relation, options] of Object.entries(value)) {
      const at = `${parameter}[${relation}]`;
      const node = tree[relation];
      const target = targetOf(model, relation);
      if (!node || !target) throw refuse(at, `${typeName(model)} may populate ${list(Object.keys(tree))}.`);
      if (options === true || options === 'true') continue;
      if (!isObject(options)) throw refuse(at, 'must be true, or an object with populate, fields or sort.');
      for (const option of Object.keys(options)) {
        if (!POPULATE_OPTIONS.has(option)) throw refuse(`${at}[${option}]`, `only ${[...POPULATE_OPTIONS].join(', ')} may be given for a populated relation.`);
      }
      if (options.fields !== undefined) checkFields(options.fields, fieldsOf(target), relation, `${at}[fields]`);
      if (options.sort !== undefined) checkSort(options.sort, HUB_QUERIES[target]?.sort ?? [], relation, `${at}[sort]`);
      checkPopulate(options.populate, target, node, `${at}[populate]`);
    }
  }

  return async (ctx, next) => {
    const query = ctx.query as Query;
    for (const parameter of Object.keys(query)) {
      if (!PARAMETERS.has(parameter)) throw refuse(parameter, `is not a parameter of the Hub's reads; they take ${[...PARAMETERS].filter((p) => !OVERRIDDEN.has(p)).join(', ')}.`);
    }
    if (query.filters !== undefined) checkFilters(query.filters, uid, [], 'filters');
    if (query.sort !== undefined) checkSort(query.sort, allowed.sort, typeName(uid), 'sort');
    if (query.fields !== undefined) checkFields(query.fields, allowed.fields, typeName(uid), 'fields');
    if (query.populate !== undefined) {
      if (query.populate === '*' || (Array.isArray(query.populate) && query.populate.includes('*'))) throw refuse('populate', `* is not allowed: name the relations, among ${list(Object.keys(allowed.populate))}.`);
      checkPopulate(query.populate, uid, allowed.populate, 'populate');
    }
    await next();
  };
};

/** "api::guiding-question.guiding-question" → "guiding-question". */
function typeName(uid: string): string {
  return uid.split('.').pop() ?? uid;
}

export default queryAllowlist;
