import type { Core } from '@strapi/strapi';
import { GCM_OBJECTIVES, REGIONS, UN_LANGUAGES } from '../reference/gcm';

/** The six UN languages as i18n locales, English the default. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const language of UN_LANGUAGES) {
    if (!(await locales.findByCode(language.code))) {
      await locales.create({ code: language.code, name: `${language.name} (${language.code})` });
    }
  }
  if ((await locales.getDefaultLocale()) !== 'en') {
    await locales.setDefaultLocale({ code: 'en' });
  }
}

/** The five regions and the 23 objectives: reference content every database has. */
export async function ensureReferenceContent(strapi: Core.Strapi): Promise<void> {
  const regions = strapi.documents('api::region.region');
  for (const region of REGIONS) {
    if (!(await regions.findFirst({ filters: { code: region.code } }))) {
      await regions.create({ data: { ...region, slug: region.code.toLowerCase() } });
    }
  }
  const objectives = strapi.documents('api::gcm-objective.gcm-objective');
  for (const [index, title] of GCM_OBJECTIVES.entries()) {
    const number = index + 1;
    const existing = await objectives.findFirst({ filters: { number } });
    if (!existing) {
      await objectives.create({ data: { number, title } });
    } else if (existing.title !== title) {
      await objectives.update({ documentId: existing.documentId, data: { title } });
    }
  }
}
