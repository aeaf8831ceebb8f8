import type { Core } from '@strapi/strapi';
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';

export type ScreeningFlag = (
  | { kind: 'email'; match: string }
  | { kind: 'phone'; match: string }
  | { kind: 'link'; match: string }
  | { kind: 'sensitive-term'; match: string; language: string }
  | { kind: 'unscreened-attachment'; match: string }
) & {
  /** Set when the match is in an attachment: that attachment's file name. */
  attachment?: string;
};

export type ScreeningInput = { title: string; body: string; links?: { url: string }[]; countries?: string[] };

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>()]+/gi;
/** Scripts written without spaces between words, where a term is matched anywhere. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

const normalise = (text: string) => text.normalize('NFKC').toLocaleLowerCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Flags what a moderator should look at before approving: personal data (e-mail addresses,
 * phone numbers), links, and terms from the configured multilingual list. Flags inform; they
 * never reject on their own.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const termPatterns = () => {
    const terms = strapi.plugin('moderation').config('sensitiveTerms') as Record<string, string[]>;
    return Object.entries(terms).flatMap(([language, list]) =>
      list.map((term) => {
        const needle = escapeRegExp(normalise(term));
        const pattern = UNSPACED.test(term) ? needle : `(?<![\\p{L}\\p{N}])${needle}(?![\\p{L}\\p{N}])`;
        return { language, term, regex: new RegExp(pattern, 'u') };
      }),
    );
  };

  /** One pass of every check over `text`; `links` are the submission's own links, flagged as such. */
  const detect = (text: string, countries: string[], links: string[] = []): ScreeningFlag[] => {
    const flags: ScreeningFlag[] = [];
    const seen = new Set<string>(); // an attachment's text can hold thousands of matches
    const add = (flag: ScreeningFlag) => {
      const key = `${flag.kind}\n${flag.match}`;
      if (!seen.has(key)) flags.push(flag);
      seen.add(key);
    };
    for (const match of text.match(EMAIL) ?? []) add({ kind: 'email', match });
    // International numbers, and national ones of the countries the submission is about.
    for (const country of [undefined, ...countries] as (CountryCode | undefined)[]) {
      for (const found of findPhoneNumbersInText(text, country ? { defaultCountry: country } : undefined)) {
        add({ kind: 'phone', match: text.slice(found.startsAt, found.endsAt) });
      }
    }
    for (const match of text.match(URL_IN_TEXT) ?? []) add({ kind: 'link', match });
    for (const url of links) add({ kind: 'link', match: url });
    const normalised = normalise(text);
    for (const { language, term, regex } of termPatterns()) {
      if (regex.test(normalised)) add({ kind: 'sensitive-term', match: term, language });
    }
    return flags;
  };

  return {
    screen({ title, body, links = [], countries = [] }: ScreeningInput): ScreeningFlag[] {
      return detect(`${title}\n${body}`, countries, links.map((link) => link.url));
    },

    /**
     * The same checks on the text of an attachment (see attachment-content.ts), each flag naming
     * the attachment. `countries` are those of the submission the file belongs to.
     */
    screenAttachment(name: string, text: string, countries: string[]): ScreeningFlag[] {
      return detect(text, countries).map((flag) => ({ ...flag, attachment: name }));
    },
  };
};
