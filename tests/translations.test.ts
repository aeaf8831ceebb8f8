/**
 * The workspace's translations (src/plugins/moderation/admin/src/translations): the same keys in
 * every language, ICU messages that parse with the same arguments as English, plural messages
 * with the categories each language needs, and no English sentence left untranslated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

const DIR = path.join(__dirname, '../src/plugins/moderation/admin/src/translations');
const LOCALES = ['fr', 'es', 'ar', 'ru', 'zh-Hans'];
const read = (locale: string) => JSON.parse(fs.readFileSync(path.join(DIR, `${locale}.json`), 'utf8')) as Record<string, string>;
const en = read('en');

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };
// intl-messageformat's AST: 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag.
const ARGUMENT_TYPES = new Set([1, 2, 3, 4, 5, 6]);

/** The argument names a message uses, the option sets of its plurals, and its fixed text. */
function shape(message: string, locale: string) {
  const args = new Set<string>();
  const plurals: string[][] = [];
  let text = '';
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      if (element.type === 0) text += ` ${element.value}`;
      if (ARGUMENT_TYPES.has(element.type) && element.value) args.add(element.value);
      if (element.type === 6 && element.options) plurals.push(Object.keys(element.options));
      for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown as Element[]);
  return { args: [...args].sort(), plurals, text };
}

/** What a translation must say for each plural: CLDR's categories for that language. */
const categories = (locale: string) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

test('the admin panel offers exactly the translated locales', () => {
  const app = fs.readFileSync(path.join(__dirname, '../src/admin/app.tsx'), 'utf8');
  const offered = JSON.parse(/locales:\s*(\[[^\]]*\])/.exec(app)![1].replace(/'/g, '"')) as string[];
  expect([...offered].sort()).toEqual([...LOCALES].sort());
  expect(fs.readdirSync(DIR).sort()).toEqual(['en', ...LOCALES].map((l) => `${l}.json`).sort());
});

describe.each(LOCALES)('%s', (locale) => {
  const messages = read(locale);

  test('has every key of en.json, and no other', () => {
    expect(Object.keys(messages).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in messages))).toEqual([]);
  });

  test.each(Object.keys(en))('%s parses, with the arguments of the English message and the plural forms of the language', (key) => {
    const message = messages[key];
    expect(typeof message === 'string' && message.trim()).toBeTruthy();
    const english = shape(en[key], 'en');
    const translated = shape(message, locale);
    expect(translated.args).toEqual(english.args);
    for (const options of translated.plurals) {
      const named = options.filter((o) => !o.startsWith('='));
      expect(named).toContain('other');
      for (const category of categories(locale)) {
        // `=1`-style exact forms may stand in for `one` where English uses them.
        if (!named.includes(category)) expect(category === 'one' && options.some((o) => o.startsWith('='))).toBe(true);
      }
    }
  });

  test('leaves no English sentence untranslated', () => {
    // A message of two English words or more that reads the same as English was not translated.
    const words = (message: string) => shape(message, 'en').text.match(/[A-Za-z]{3,}/g) ?? [];
    const untranslated = Object.keys(en).filter((key) => messages[key] === en[key] && words(en[key]).length >= 2);
    expect(untranslated).toEqual([]);
  });
});
