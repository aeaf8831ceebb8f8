/**
 * The per-language reference labels of src/reference/gcm-labels.ts (no Strapi: plain data).
 */
import { GCM_OBJECTIVES, REGIONS, STAKEHOLDER_CATEGORIES, SUBMISSION_KINDS, UN_LANGUAGES } from '../src/reference/gcm';
import {
  CATEGORY_LABELS,
  KIND_LABELS,
  LABEL_LANGUAGES,
  LANGUAGE_NAMES,
  OBJECTIVE_TITLES,
  REGION_LABELS,
  labelLanguage,
  type LabelLanguage,
} from '../src/reference/gcm-labels';

const languages = UN_LANGUAGES.map((language) => language.code) as LabelLanguage[];
const nonEmpty = (text: unknown) => typeof text === 'string' && text.trim().length > 0;

/** Every label of one language, flattened, to check its script. */
function labelsOf(language: LabelLanguage): string[] {
  return [
    ...OBJECTIVE_TITLES[language],
    ...Object.values(CATEGORY_LABELS[language]),
    ...Object.values(KIND_LABELS[language]),
    ...Object.values(REGION_LABELS[language]).flatMap((region) => [region.name, region.commission]),
    ...Object.values(LANGUAGE_NAMES[language]),
  ];
}

test('the label languages are the six content languages of gcm.ts', () => {
  expect([...LABEL_LANGUAGES].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  expect([...LABEL_LANGUAGES]).toEqual(languages);
  for (const table of [OBJECTIVE_TITLES, CATEGORY_LABELS, KIND_LABELS, REGION_LABELS, LANGUAGE_NAMES]) {
    expect(Object.keys(table).sort()).toEqual([...languages].sort());
  }
});

describe.each(languages)('%s', (language) => {
  test('23 non-empty, distinct objective titles', () => {
    const titles = OBJECTIVE_TITLES[language];
    expect(titles).toHaveLength(23);
    expect(titles.every(nonEmpty)).toBe(true);
    expect(new Set(titles.map((title) => title.trim())).size).toBe(23);
  });

  test('a label for every stakeholder category', () => {
    for (const key of Object.keys(STAKEHOLDER_CATEGORIES)) {
      expect([key, nonEmpty(CATEGORY_LABELS[language][key as keyof typeof STAKEHOLDER_CATEGORIES])]).toEqual([key, true]);
    }
    expect(Object.keys(CATEGORY_LABELS[language]).sort()).toEqual(Object.keys(STAKEHOLDER_CATEGORIES).sort());
  });

  test('a label for every submission kind', () => {
    for (const key of Object.keys(SUBMISSION_KINDS)) {
      expect([key, nonEmpty(KIND_LABELS[language][key as keyof typeof SUBMISSION_KINDS])]).toEqual([key, true]);
    }
    expect(Object.keys(KIND_LABELS[language]).sort()).toEqual(Object.keys(SUBMISSION_KINDS).sort());
  });

  test('a name and a commission for every region', () => {
    for (const { code } of REGIONS) {
      const label = REGION_LABELS[language][code];
      expect([code, nonEmpty(label?.name), nonEmpty(label?.commission)]).toEqual([code, true, true]);
    }
    expect(Object.keys(REGION_LABELS[language]).sort()).toEqual(REGIONS.map((region) => region.code).sort());
  });

  test('a name for every UN language', () => {
    for (const code of languages) {
      expect([code, nonEmpty(LANGUAGE_NAMES[language][code])]).toEqual([code, true]);
    }
    expect(Object.keys(LANGUAGE_NAMES[language]).sort()).toEqual([...languages].sort());
  });
});

test('English equals gcm.ts', () => {
  expect(OBJECTIVE_TITLES.en).toEqual(GCM_OBJECTIVES);
  expect(CATEGORY_LABELS.en).toEqual(STAKEHOLDER_CATEGORIES);
  expect(KIND_LABELS.en).toEqual(SUBMISSION_KINDS);
  for (const region of REGIONS) {
    expect(REGION_LABELS.en[region.code]).toEqual({ name: region.name, commission: region.commission });
  }
  for (const language of UN_LANGUAGES) {
    expect(LANGUAGE_NAMES.en[language.code]).toBe(language.name);
  }
});

test('each language names itself, and French lists the languages as the brief gives them', () => {
  expect(LANGUAGE_NAMES.fr).toEqual({ en: 'Anglais', fr: 'Français', es: 'Espagnol', ar: 'Arabe', ru: 'Russe', zh: 'Chinois' });
  const selfNames = new Set(languages.map((language) => LANGUAGE_NAMES[language][language]));
  expect(selfNames.size).toBe(6);
});

test.each([
  ['zh-Hans', 'zh'],
  ['zh-CN', 'zh'],
  ['fr', 'fr'],
  ['fr-FR', 'fr'],
  ['fr-CA', 'fr'],
  ['fr_CA', 'fr'],
  ['es-419', 'es'],
  ['ar', 'ar'],
  ['RU', 'ru'],
  ['en-GB', 'en'],
  ['de', 'en'],
  ['pt-BR', 'en'],
  ['', 'en'],
  [null, 'en'],
  [undefined, 'en'],
])('labelLanguage(%p) is %p', (locale, expected) => {
  expect(labelLanguage(locale as string | null | undefined)).toBe(expected);
});

describe('nothing left in English (script check)', () => {
  test.each([
    ['ar', /\p{Script=Arabic}/u],
    ['ru', /\p{Script=Cyrillic}/u],
    ['zh', /\p{Script=Han}/u],
  ] as const)('every %s label is written in its script', (language, script) => {
    const strays = labelsOf(language).filter((label) => !script.test(label));
    expect(strays).toEqual([]);
  });

  /** Labels spelt alike in English and in that language (French « Migrants »). */
  const spelledAlike: Record<'fr' | 'es', string[]> = { fr: ['Migrants'], es: [] };

  test.each(['fr', 'es'] as const)('no %s label is the English one', (language) => {
    const english = new Set(labelsOf('en'));
    const same = labelsOf(language).filter((label) => english.has(label) && !spelledAlike[language].includes(label));
    expect(same).toEqual([]);
  });
});
