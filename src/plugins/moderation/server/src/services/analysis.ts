import MarkdownIt from 'markdown-it';
import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { ara, eng, fra, rus, spa, zho } from 'stopword';
import { GCM_OBJECTIVES, STAKEHOLDER_CATEGORIES, type RegionCode } from '../../../../../reference/gcm';
import { REGION_COUNTRIES } from '../../../../../reference/region-countries';
import type { ApprovedSubmission } from './approved';
import type { Bar, ChartName } from './charts';

/**
 * The analysis paper's reading of a phase, as pure functions of its approved contributions:
 * key sentences (extractive, quoted verbatim), recurring themes per language, who was heard.
 */
export type Contribution = Pick<ApprovedSubmission, 'documentId' | 'title' | 'body' | 'language' | 'stakeholderCategory' | 'countries' | 'gcmObjectives' | 'guidingQuestion'>;
export type Theme = { term: string; contributions: number };
export type LanguageThemes = { language: string; contributions: number; themes: Theme[] };

const STOP_WORDS: Record<string, Set<string>> = { en: new Set(eng), fr: new Set(fra), es: new Set(spa), ru: new Set(rus), zh: new Set(zho), ar: new Set(ara) };
// Chinese words do not inflect: its words are their own keys.
const STEMMERS: Record<string, Stemmer> = { en: newStemmer('english'), fr: newStemmer('french'), es: newStemmer('spanish'), ru: newStemmer('russian'), ar: newStemmer('arabic') };
const markdown = new MarkdownIt();
const segmenters = new Map<string, Intl.Segmenter>();
/** Segmenters are costly to make and safe to share: one per language and granularity. */
const segmenter = (language: string, granularity: 'word' | 'sentence') => {
  const key = `${language}:${granularity}`;
  if (!segmenters.has(key)) segmenters.set(key, new Intl.Segmenter(language, { granularity }));
  return segmenters.get(key)!;
};

/** The text of a Markdown body block by block (paragraphs, list items, headings), its markup dropped. */
export function textBlocks(body: string): string[] {
  return markdown
    .parse(body, {})
    .filter((token) => token.type === 'inline')
    .map((token) =>
      (token.children ?? [])
        .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : ''))
        .join('')
        .trim(),
    )
    .filter(Boolean);
}

/** The sentences of a body, each verbatim from its text; a block never runs into the next. */
export function sentences(body: string, language: string): string[] {
  return textBlocks(body).flatMap((block) => [...segmenter(language, 'sentence').segment(block)].map((s) => s.segment.trim()).filter(Boolean));
}

// Words that join two terms into one ("frais de recrutement", "rule of law"), never at either end of it.
const CONNECTORS: Record<string, Set<string>> = { en: new Set(['of']), fr: new Set(['de', "d'", "d’", 'du', 'des']), es: new Set(['de', 'del']) };

type Word = { surface: string; stem: string; connector: boolean };

// Stemming is the slow part of reading a phase's texts, and its words recur: each is stemmed once.
const stems = new Map<string, string>();
function stemOf(language: string, lower: string): string {
  const key = `${language}:${lower}`;
  let stem = stems.get(key);
  if (stem === undefined) {
    if (stems.size > 200_000) stems.clear();
    stem = STEMMERS[language]?.stem(lower) ?? lower;
    stems.set(key, stem);
  }
  return stem;
}

/** The words of a text in order, null where a term cannot run on: a stop word, a number, a one-letter word, punctuation. */
function words(text: string, language: string): (Word | null)[] {
  const stop = STOP_WORDS[language] ?? new Set<string>();
  const connectors = CONNECTORS[language] ?? new Set<string>();
  const found: (Word | null)[] = [];
  for (const { segment, isWordLike } of segmenter(language, 'word').segment(text)) {
    if (!isWordLike) {
      // Spaces and hyphens join words into a term ("welcome-centre model"); anything else ends it.
      if (!/^[ \t\u00a0\-\u2010\u2011]+$/u.test(segment)) found.push(null);
      continue;
    }
    // French elision is two words: "d'accueil" is "d'" and "accueil".
    const elision = language === 'fr' ? /^(\p{L}{1,2}['’])(\p{L}.*)$/u.exec(segment) : null;
    for (const surface of elision ? elision.slice(1) : [segment]) {
      const lower = surface.toLocaleLowerCase(language);
      if (connectors.has(lower)) found.push({ surface, stem: lower, connector: true });
      else if (stop.has(lower) || [...lower].length < 2 || /^\p{N}/u.test(lower)) found.push(null);
      else found.push({ surface, stem: stemOf(language, lower), connector: false });
    }
  }
  return found;
}

type Term = { key: string; surface: string; size: number };

/** Candidate terms of a text, as RAKE finds them: runs of content words between stop words, here of one to three words. */
function terms(text: string, language: string): Term[] {
  const found: Term[] = [];
  const join = (phrase: Word[]) => phrase.reduce((text, w, i) => (i === 0 ? w.surface : `${text}${language === 'zh' || /['’]$/.test(phrase[i - 1].surface) ? '' : ' '}${w.surface}`), '');
  let run: Word[] = [];
  for (const word of [...words(text, language), null]) {
    if (word) {
      run.push(word);
      continue;
    }
    for (let start = 0; start < run.length; start += 1) {
      for (let end = start + 1; end <= run.length; end += 1) {
        const phrase = run.slice(start, end);
        const size = phrase.filter((w) => !w.connector).length;
        if (size > 3 || phrase.some((w, i) => w.connector && phrase[i + 1]?.connector)) break;
        if (!phrase[0].connector && !phrase[phrase.length - 1].connector) found.push({ key: phrase.map((w) => w.stem).join(' '), surface: join(phrase), size });
      }
    }
    run = [];
  }
  return found;
}

/** A term as its contributions write it, lower-case unless they never do (acronyms, names). */
function shown(surfaces: Map<string, number>): string {
  const forms = [...surfaces].sort((a, b) => b[1] - a[1]).map(([form]) => form);
  const lower = (form: string) => form.toLocaleLowerCase();
  return forms.find((form) => form === lower(form) && lower(form) === lower(forms[0])) ?? forms[0];
}

/** Contributions by language, the language most written in first. */
const byLanguage = <T extends { language: string }>(items: T[]) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.language, [...(groups.get(item.language) ?? []), item]);
  return [...groups].sort((a, b) => b[1].length - a[1].length);
};

/**
 * Terms that recur across contributions, per language (terms do not cross languages), with the
 * number of contributions using each: most used first, longer terms before the words they hold.
 */
export function themes(contributions: Contribution[], limit: number): LanguageThemes[] {
  return byLanguage(contributions).map(([language, group]) => {
    const found = new Map<string, { key: string; size: number; contributions: number; surfaces: Map<string, number> }>();
    for (const contribution of group) {
      const seen = new Set<string>();
      for (const term of [contribution.title, ...textBlocks(contribution.body)].flatMap((text) => terms(text, language))) {
        const entry = found.get(term.key) ?? { key: term.key, size: term.size, contributions: 0, surfaces: new Map<string, number>() };
        entry.surfaces.set(term.surface, (entry.surfaces.get(term.surface) ?? 0) + 1);
        if (!seen.has(term.key)) entry.contributions += 1;
        seen.add(term.key);
        found.set(term.key, entry);
      }
    }
    // One word recurring in two contributions is chance more often than a theme; a term of two or three is not.
    const ranked = [...found.values()].filter((t) => t.contributions >= (t.size > 1 ? 2 : 3)).sort((a, b) => b.contributions - a.contributions || b.size - a.size || a.key.localeCompare(b.key));
    const kept: typeof ranked = [];
    for (const term of ranked) {
      // A word heard only inside a longer term ("welcome" in "welcome centre") says nothing more.
      if (kept.length < limit && !kept.some((k) => k.contributions === term.contributions && ` ${k.key} `.includes(` ${term.key} `))) kept.push(term);
    }
    return { language, contributions: group.length, themes: kept.map((t) => ({ term: shown(t.surfaces), contributions: t.contributions })) };
  });
}

/**
 * The key sentences of each contribution to one question, quoted verbatim. TextRank (Mihalcea
 * and Tarau, 2004) over the sentences of all the question's contributions: a sentence sharing
 * words with many others states what the contributions have in common. One sentence for up
 * to four, two up to eight, three beyond; in the order written.
 *
 * Each round sums per stem and sentence length instead of over every pair of sentences (the weight
 * of an edge depends only on the stems shared and the two lengths): a phase of thousands of
 * contributions takes about linear time, not quadratic.
 */
export function keySentences(contributions: Contribution[]): Map<string, string[]> {
  const nodes = contributions.flatMap((c) => {
    const all = sentences(c.body, c.language).map((text) => ({
      owner: c.documentId,
      text,
      // Stems of different languages never meet.
      stems: [...new Set(words(text, c.language).flatMap((w) => (w && !w.connector ? [`${c.language}:${w.stem}`] : [])))],
    }));
    // Fragments such as list items stand in only for a contribution that has nothing else.
    const full = all.filter((s) => s.stems.length >= 3);
    return full.length ? full : all;
  });
  const logLength = (stems: number) => Math.log(stems + 1);
  /**
   * For each sentence j, the sum over the other sentences i of `value(i) * weight(i, j)`, where
   * weight(i, j) = shared stems / (log |i| + log |j|): per stem, the values summed by length.
   */
  const spread = (value: (i: number) => number) => {
    const byStem = new Map<string, Map<number, number>>();
    nodes.forEach((n, i) =>
      n.stems.forEach((stem) => {
        const byLength = byStem.get(stem) ?? new Map<number, number>();
        byLength.set(n.stems.length, (byLength.get(n.stems.length) ?? 0) + value(i));
        byStem.set(stem, byLength);
      }),
    );
    return nodes.map((n, j) => {
      let total = 0;
      for (const stem of n.stems) {
        for (const [length, sum] of byStem.get(stem)!) total += (length === n.stems.length ? sum - value(j) : sum) / (logLength(length) + logLength(n.stems.length));
      }
      return total;
    });
  };
  const outgoing = spread(() => 1);
  let score = nodes.map(() => 1);
  for (let round = 0; round < 30; round += 1) {
    const flow = score.map((x, i) => (outgoing[i] > 0 ? x / outgoing[i] : 0));
    const incoming = spread((i) => flow[i]);
    score = incoming.map((sum) => 0.15 + 0.85 * sum);
  }
  const byOwner = new Map<string, number[]>();
  nodes.forEach((node, i) => byOwner.set(node.owner, [...(byOwner.get(node.owner) ?? []), i]));
  const chosen = new Map<string, string[]>();
  for (const c of contributions) {
    const own = byOwner.get(c.documentId) ?? [];
    const take = own.length <= 4 ? 1 : own.length <= 8 ? 2 : 3;
    const best = [...own].sort((a, b) => score[b] - score[a] || a - b).slice(0, take);
    chosen.set(c.documentId, best.sort((a, b) => a - b).map((i) => nodes[i].text));
  }
  return chosen;
}

const regionName = new Intl.DisplayNames('en', { type: 'region' });

/** Who was heard: stakeholder categories and countries with approved contributions, and those without. */
export function heard(contributions: Contribution[], regionCode: string | null) {
  const tally = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const sectors = tally(contributions.flatMap((c) => (c.stakeholderCategory ? [c.stakeholderCategory] : [])));
  const countries = tally(contributions.flatMap((c) => c.countries));
  const regionCountries = REGION_COUNTRIES[regionCode as RegionCode] ?? [];
  const countryName = (code: string) => regionName.of(code) ?? code;
  return {
    sectors: Object.entries(STAKEHOLDER_CATEGORIES)
      .map(([code, label]) => ({ code, label, contributions: sectors.get(code) ?? 0 }))
      .sort((a, b) => b.contributions - a.contributions),
    countries: [...countries].map(([code, n]) => ({ code, name: countryName(code), contributions: n })).sort((a, b) => b.contributions - a.contributions || a.name.localeCompare(b.name)),
    countriesNotHeard: regionCountries.filter((code) => !countries.has(code)).map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name)),
    regionCountries: regionCountries.length,
  };
}

/** The figures the tables and the charts show: contributions by stakeholder category, GCM objective and guiding question. */
export function figures(questions: { position: number; text: string }[], contributions: Contribution[]): Record<ChartName, Bar[]> {
  const count = (has: (c: Contribution) => boolean) => contributions.filter(has).length;
  return {
    categories: Object.entries(STAKEHOLDER_CATEGORIES).map(([code, label]) => ({ label, value: count((c) => c.stakeholderCategory === code) })),
    objectives: GCM_OBJECTIVES.map((title, i) => ({ label: `${i + 1}. ${title}`, value: count((c) => c.gcmObjectives.some((o) => o.number === i + 1)) })),
    questions: questions.map((q) => ({ label: `Q${q.position}. ${q.text}`, value: count((c) => c.guidingQuestion?.position === q.position) })),
  };
}
