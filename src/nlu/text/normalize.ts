/**
 * The normalised form every rule and the model read: lower case, accents stripped (á→a, ñ→n),
 * "f***" → "fuck", contractions expanded ("don't" → "do not", "I'm" → "i am"), punctuation →
 * spaces, letters repeated three or more times collapsed ("stoooop" → "stop"), SMS shorthand
 * expanded (lexicon/shorthand.txt: "u" → "you", "pls" → "please", "dont" → "do not"; "2" after a
 * verb → "to"), then typos corrected (typos.ts).
 */
import { lexiconMap, lexiconSet } from '../lexicon.ts';
import { correctToken, KNOWN_WORDS } from './typos.ts';

/** Lower case, NFKC, accents removed (ñ → n), typographic quotes made plain, 👍 → yes, 👎 → no. */
export function foldCase(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u201B\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/(?:\u{1F44D}|\u{1F44C}|\u2705|\u2714|\u2611|\u{1F197})[\u{1F3FB}-\u{1F3FF}\uFE0F]*/gu, ' yes ')
    .replace(/(?:\u{1F44E}|\u274C|\u{1F6AB})[\u{1F3FB}-\u{1F3FF}\uFE0F]*/gu, ' no ');
}

/** Masked profanity ("f***", "f*cking", "sh*t") spelled out so the rules can see it. */
function unmaskProfanity(text: string): string {
  return text
    .replace(/\bf[*#@$%!.]{1,4}(?:c?k)?(ing|in|ed|er|ers)?\b/g, (_m, suffix: string | undefined) => `fuck${suffix ?? ''}`)
    .replace(/\bf[*#@$%!.]{1,4}(?=\s|$)/g, 'fuck')
    .replace(/\bs(?:h)?[*#@$%!.]{1,3}t\b/g, 'shit')
    .replace(/\bs[*#@$%!.]{3}\b/g, 'shit')
    .replace(/\bb[*#@$%!.]{1,3}(?:ch|tch)\b/g, 'bitch')
    .replace(/\ba[*#@$%!.]{1,4}(?:hole|ole)\b/g, 'asshole');
}

const APOSTROPHE_CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bain't\b/g, 'is not'],
  [/\bshan't\b/g, 'shall not'],
  [/n't\b/g, ' not'],
  [/\blet's\b/g, 'let us'],
  [/\b(it|that|what|there|here|he|she|who|where|how|this|when|why|everything|nothing)'s\b/g, '$1 is'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/\bi'm\b/g, 'i am'],
  [/\by'all\b/g, 'yall'],
  [/'s\b/g, 's'],
];

const SHORTHAND = new Map([...lexiconMap('shorthand'), ...lexiconMap('unit-words')]);
/** After these words a lone "2" means "to" ("talk 2 a rep", "need 2 stop"). */
const TWO_MEANS_TO = lexiconSet('two-means-to');
/** "ill pay", "id rather": the apostrophe-less "I'll" / "I'd" before these verbs (not "ill" = sick). */
const I_WILL_VERBS = lexiconSet('i-will-verbs');

function collapseRuns(word: string, keep: 1 | 2): string {
  return word.replace(/([a-z])\1{2,}/g, keep === 1 ? '$1' : '$1$1');
}

/** Folded, profanity unmasked, contractions expanded, punctuation → spaces (no word rules yet). */
export function plainWords(text: string): string {
  let t = unmaskProfanity(foldCase(text));
  for (const [pattern, replacement] of APOSTROPHE_CONTRACTIONS) t = t.replace(pattern, replacement);
  // Digits glued to letters stay together ("some1", "b4", "ch7"); everything else becomes a space.
  return t.replace(/'/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

export interface NormalizeOptions {
  /** Words never typo-corrected (a name the debtor typed: "carlos" must not become "cargos"). */
  keep?: ReadonlySet<string>;
}

/**
 * The normalised form the rules match: lower-case ASCII words separated by single spaces, typos
 * corrected. Exported for tests and for the LLM recognizer's prompt hygiene.
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  const t = plainWords(text);
  if (t === '') return '';
  const raw = t.split(' ');
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let word = raw[i] ?? '';
    if (options.keep?.has(word)) {
      out.push(word);
      continue;
    }
    if (/([a-z])\1{2,}/.test(word)) {
      const one = collapseRuns(word, 1);
      const two = collapseRuns(word, 2);
      word = KNOWN_WORDS.has(one) ? one : KNOWN_WORDS.has(two) ? two : one;
    }
    if (word === '2' && TWO_MEANS_TO.has(out[out.length - 1] ?? '')) {
      out.push('to');
      continue;
    }
    if ((word === 'ill' || word === 'id') && I_WILL_VERBS.has(raw[i + 1] ?? '')) {
      out.push('i', word === 'ill' ? 'will' : 'would');
      continue;
    }
    if (/^ch(7|11|13)$/.test(word)) {
      out.push('chapter', word.slice(2));
      continue;
    }
    const expanded = SHORTHAND.get(word);
    if (expanded !== undefined) {
      out.push(expanded);
      continue;
    }
    // A plural or possessive of shorthand ("attnys" → "attorneys").
    const singular = word.length >= 5 && word.endsWith('s') ? SHORTHAND.get(word.slice(0, -1)) : undefined;
    if (singular !== undefined && !singular.includes(' ')) {
      out.push(`${singular}s`);
      continue;
    }
    // Dropped g: "hittin", "thinkin", "endin" → "hitting", "thinking", "ending".
    if (word.length >= 5 && word.endsWith('in') && !KNOWN_WORDS.has(word) && KNOWN_WORDS.has(`${word}g`)) {
      out.push(`${word}g`);
      continue;
    }
    out.push(correctToken(word));
  }
  let result = out.join(' ');
  if (raw.length === 1 && (result === 'k' || result === 'kk')) result = 'ok';
  return result;
}

/** A clause of the normalised text: [start, end) in it. */
export interface Segment {
  start: number;
  end: number;
}

/**
 * Clause and sentence breaks in the original text: ". ", "!", "?", ";", ",", ":", a new line, and
 * before "but"/"pero"/"however" (the word stays, opening the next clause). Negation reaches, and
 * guards look, no further than the clause.
 */
const CLAUSE_BREAK = /[.!?;]+(?=\s|$)|[,:]+\s+|\s+[-–—]+\s+|\n+|\s(?=(?:but|pero|however|aunque|although|though|sino)\s)/i;

/** normalizeText clause by clause, and where each clause sits in the result. */
export function normalizeSegments(text: string, options: NormalizeOptions = {}): { normalized: string; segments: Segment[] } {
  const parts = text.split(CLAUSE_BREAK).map((part) => normalizeText(part, options)).filter((part) => part !== '');
  const segments: Segment[] = [];
  let at = 0;
  for (const part of parts) {
    segments.push({ start: at, end: at + part.length });
    at += part.length + 1;
  }
  return { normalized: parts.join(' '), segments };
}
