/**
 * Typo tolerance. A word that is not known is replaced by the nearest keyword of
 * lexicon/fuzzy-keywords.txt when the Damerau-Levenshtein (optimal string alignment) distance is
 * ≤ 1 and both words have ≥ 5 letters, ≤ 2 when both have ≥ 9, or the words are 4 letters long
 * and differ by one swap of adjacent letters ("wnat" → "want").
 *
 * Known words are never corrected: every word of every lexicon file (the rules' own words, the
 * keywords, and lexicon/protected-words.txt — real words one edit away from a keyword, such as
 * "employed"/"deployed", "think"/"thank", "lease"/"cease"). Names are never corrected either: the
 * caller passes them in `keep`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { lexiconLines } from '../lexicon.ts';

/** Damerau-Levenshtein distance (optimal string alignment: one adjacent swap counts as one edit). */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      d[i * cols + j] = value;
    }
  }
  return at(a.length, b.length);
}

/** Every word of every lexicon file (recursively), read once. */
function lexiconVocabulary(): Set<string> {
  const known = new Set<string>();
  const root = new URL('../lexicon/', import.meta.url);
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.txt')) continue;
    const text = readFileSync(new URL(entry, root), 'utf8')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join(' ')
      .replace(/\\[a-zA-Z]/g, ' ');
    for (const word of text.match(/[a-z]{2,}/g) ?? []) known.add(word);
  }
  return known;
}

/** Words that are never corrected. */
export const KNOWN_WORDS: ReadonlySet<string> = lexiconVocabulary();

const FUZZY_BY_LENGTH: ReadonlyMap<number, readonly string[]> = (() => {
  const byLength = new Map<number, string[]>();
  for (const word of new Set(lexiconLines('fuzzy-keywords'))) {
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  return byLength;
})();

/** The allowed distance between a word and a keyword, from the shorter of the two lengths. */
function allowedDistance(shorter: number): number {
  if (shorter >= 9) return 2;
  if (shorter >= 5) return 1;
  return 0; // 4-letter words: adjacent swap only (handled below); shorter: exact only
}

function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

const correctionCache = new Map<string, string>();

/** The keyword a misspelt word stands for, or the word itself. */
export function correctToken(word: string): string {
  if (word.length < 4 || /\d/.test(word) || KNOWN_WORDS.has(word)) return word;
  const cached = correctionCache.get(word);
  if (cached !== undefined) return cached;
  let best = word;
  let bestDistance = Infinity;
  for (let length = word.length - 2; length <= word.length + 2; length++) {
    for (const keyword of FUZZY_BY_LENGTH.get(length) ?? []) {
      const shorter = Math.min(word.length, keyword.length);
      let distance: number;
      if (shorter === 4) {
        if (!isAdjacentSwap(word, keyword)) continue;
        distance = 1;
      } else {
        const allowed = allowedDistance(shorter);
        if (allowed === 0 || Math.abs(word.length - keyword.length) > allowed) continue;
        distance = damerauLevenshtein(word, keyword);
        if (distance > allowed) continue;
      }
      // Ties: prefer the keyword that starts with the same letter (people rarely mistype the first one).
      const better = distance < bestDistance || (distance === bestDistance && keyword[0] === word[0] && best[0] !== word[0]);
      if (better) {
        best = keyword;
        bestDistance = distance;
      }
    }
  }
  if (correctionCache.size > 5000) correctionCache.clear();
  correctionCache.set(word, best);
  return best;
}
