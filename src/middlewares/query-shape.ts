import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isQueryRefusal } from '../utils/database-errors';

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown) => typeof value === 'string';
const isTextList = (value: unknown) => isText(value) || (Array.isArray(value) && value.every(isText));

/** The shape each top-level read parameter must have before Strapi's own validation sees it. */
const SHAPES: Record<string, [check: (value: unknown) => boolean, expected: string]> = {
  filters: [isPlainObject, 'an object, such as filters[title][$contains]=port'],
  pagination: [isPlainObject, 'an object, such as pagination[page]=2'],
  fields: [isTextList, 'a field name or a list of them, such as fields[0]=title'],
  sort: [(v) => isTextList(v) || isPlainObject(v), 'a field and a direction, such as sort=createdAt:desc'],
  populate: [(v) => isTextList(v) || isPlainObject(v), 'a relation name, a list of them, or an object, such as populate[replyTo]=true'],
  locale: [isText, 'one locale code, such as locale=fr'],
};

/**
 * Read parameters of the wrong shape (filters[0]=x, a list for locale…) are refused with a 400
 * that says what was expected. A query that passes Strapi's validation but that the database
 * layer cannot run (an operator where a field belongs, text compared with a number) is the
 * client's too: a read writes nothing, so it is answered 400, without the SQL.
 */
const queryShape: Core.MiddlewareFactory = () => async (ctx, next) => {
  const query = ctx.query as Record<string, unknown>;
  for (const [key, [check, expected]] of Object.entries(SHAPES)) {
    if (query[key] !== undefined && !check(query[key])) throw new errors.ValidationError(`${key} must be ${expected}.`);
  }
  try {
    await next();
  } catch (error) {
    // Only what the query layer refused as written; outages and anything else go on (503, 500).
    if (error instanceof errors.ApplicationError || !isQueryRefusal(error)) throw error;
    const reason = (error as { code?: unknown }).code ? 'a value does not fit its field (text where a number or a date belongs?)' : (error as Error).message;
    throw new errors.ValidationError(`The query could not be run: ${reason}. Check the operators and values in filters, sort and pagination.`);
  }
};

export default queryShape;
