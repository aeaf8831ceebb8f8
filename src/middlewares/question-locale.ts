import type { Core } from '@strapi/strapi';

type Populate = Record<string, unknown>;
type Attribute = { type: string; target?: string };

const QUESTION = 'api::guiding-question.guiding-question';
/** The i18n plugin's default locale in this project (src/reference/gcm.ts: English is the default). */
const DEFAULT_LOCALE = 'en';
const isObject = (value: unknown): value is Populate => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "a,b.c" or ["a", "b.c"] as the object form Strapi also reads: { a: true, b: { populate: { c: true } } }. */
function asObject(value: unknown): Populate {
  if (isObject(value)) return value;
  const tree: Populate = {};
  for (const dotted of (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','))) {
    let node = tree;
    const steps = dotted.trim().split('.').filter(Boolean);
    steps.forEach((step, index) => {
      if (index === steps.length - 1) {
        node[step] ??= true;
        return;
      }
      const options = isObject(node[step]) ? (node[step] as Populate) : {};
      node[step] = options;
      options.populate = isObject(options.populate) ? options.populate : {};
      node = options.populate as Populate;
    });
  }
  return tree;
}

/**
 * Guiding questions populated under a phase or a region come in the locale asked for (`locale`,
 * English by default), as a read of the questions themselves does: Strapi 5 populates a localized
 * relation in every locale, which would hand the Hub each question once per translation. Runs
 * after the allowlist, which has checked the populate tree.
 */
const questionLocale: Core.MiddlewareFactory<{ uid: string }> = ({ uid }, { strapi }) => {
  const targetOf = (model: string, relation: string) =>
    ((strapi.getModel(model as never) as unknown as { attributes: Record<string, Attribute> } | undefined)?.attributes?.[relation]?.target ?? null);

  function localise(populate: Populate, model: string, locale: string): Populate {
    return Object.fromEntries(
      Object.entries(populate).map(([relation, options]) => {
        const target = targetOf(model, relation);
        if (!target) return [relation, options];
        const given = isObject(options) ? { ...options } : {};
        if (isObject(given.populate)) given.populate = localise(given.populate, target, locale);
        if (target === QUESTION) given.filters = { locale: { $eq: locale } };
        return [relation, Object.keys(given).length ? given : options];
      }),
    );
  }

  return async (ctx, next) => {
    const query = ctx.query as Record<string, unknown>;
    if (query.populate !== undefined && query.populate !== '') {
      const locale = typeof query.locale === 'string' && query.locale ? query.locale : DEFAULT_LOCALE;
      query.populate = localise(asObject(query.populate), uid, locale);
    }
    await next();
  };
};

export default questionLocale;
