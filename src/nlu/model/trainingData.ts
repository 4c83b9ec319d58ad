/**
 * The training utterances: src/nlu/training/<language>/<label>.txt, one utterance a line, blank
 * lines and "#" lines ignored. <label> is an intent, or "none" for messages that are no intent at
 * all (questions the answer set handles, chit-chat). A line may
 *  - offer alternatives in parentheses, "(I|we) (can't|cannot) pay (right now|this month|)", which
 *    expand to at most MAX_EXPANSIONS variants (a seeded sample when there are more);
 *  - name more intents at its end, "stop calling me, im going to end it tonight [+cease]".
 * Blind batches that have been measured may join too: the rounds listed in
 * training/learned-batches.txt (test/nlu/blind/<round>/intents.jsonl).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { seededRandom } from './train.ts';

export const TRAINING_URL = new URL('../training/', import.meta.url);
const BLIND_URL = new URL('../../../test/nlu/blind/', import.meta.url);
const LEXICON_URL = new URL('../lexicon/', import.meta.url);
/** The lexicons normalisation reads: a change in them changes what the model was trained on. */
const NORMALISATION_LEXICONS = ['shorthand', 'two-means-to', 'i-will-verbs', 'fuzzy-keywords', 'protected-words'];
export const MAX_EXPANSIONS = 8;

export interface Utterance {
  text: string;
  language: 'en' | 'es';
  labels: string[];
  /** Where it came from: "en/crisis.txt:12", "round-01". */
  source: string;
}

/** Blind-batch labels that are no intent of ours: the answer set's questions and small talk. */
const NO_INTENT_LABELS = new Set(['legit_question', 'credit_question', 'other_question', 'other']);

function lines(text: string): Array<{ line: string; number: number }> {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'));
}

/** Every variant of a line's "(a|b)" alternatives, or a seeded sample of `max` of them. */
export function expandAlternatives(line: string, max: number, random: () => number): string[] {
  const parts = line.split(/(\([^()]*\|[^()]*\))/);
  const choices = parts.map((part) => (/^\(.*\|.*\)$/.test(part) ? part.slice(1, -1).split('|') : [part]));
  const total = choices.reduce((product, options) => product * options.length, 1);
  const compose = (pick: (options: string[], i: number) => string) =>
    choices
      .map(pick)
      .join('')
      .replace(/\s+/g, ' ')
      .replace(/\s+([,.!?])/g, '$1')
      .trim();
  if (total <= max) {
    const out: string[] = [];
    for (let k = 0; k < total; k++) {
      let rest = k;
      out.push(
        compose((options) => {
          const option = options[rest % options.length]!;
          rest = Math.floor(rest / options.length);
          return option;
        }),
      );
    }
    return out;
  }
  const out = new Set<string>();
  for (let tries = 0; out.size < max && tries < max * 10; tries++) out.add(compose((options) => options[Math.floor(random() * options.length)]!));
  return [...out];
}

export function learnedBatches(): string[] {
  return lines(readFileSync(new URL('learned-batches.txt', TRAINING_URL), 'utf8')).map(({ line }) => line);
}

/** Every training utterance, expanded, in a stable order. */
export function trainingUtterances(): Utterance[] {
  const random = seededRandom(7);
  const out: Utterance[] = [];
  for (const language of ['en', 'es'] as const) {
    const dir = new URL(`${language}/`, TRAINING_URL);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const label = file.slice(0, -4);
      for (const { line, number } of lines(readFileSync(new URL(file, dir), 'utf8'))) {
        const extra = /\s*\[((?:\+[a-z_]+\s*)+)\]\s*$/.exec(line);
        const body = extra ? line.slice(0, extra.index) : line;
        const labels = [label, ...(extra?.[1]?.match(/[a-z_]+/g) ?? [])].filter((l) => l !== 'none');
        for (const text of expandAlternatives(body, MAX_EXPANSIONS, random)) out.push({ text, language, labels, source: `${language}/${file}:${number}` });
      }
    }
  }
  for (const round of learnedBatches()) {
    for (const { line } of lines(readFileSync(new URL(`${round}/intents.jsonl`, BLIND_URL), 'utf8'))) {
      const row = JSON.parse(line) as { text: string; language: 'en' | 'es'; label: string; strength?: string };
      const label = row.label === 'crisis' && row.strength === 'weak' ? 'distress' : row.label;
      out.push({ text: row.text, language: row.language, labels: NO_INTENT_LABELS.has(label) ? [] : [label], source: round });
    }
  }
  return out;
}

/** Digest of everything the model is trained from. */
export function trainingDataHash(): string {
  const hash = createHash('sha256');
  for (const language of ['en', 'es']) {
    const dir = new URL(`${language}/`, TRAINING_URL);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) hash.update(`${language}/${file}\n`).update(readFileSync(new URL(file, dir)));
  }
  hash.update(readFileSync(new URL('learned-batches.txt', TRAINING_URL)));
  for (const round of learnedBatches()) hash.update(readFileSync(new URL(`${round}/intents.jsonl`, BLIND_URL)));
  for (const name of NORMALISATION_LEXICONS) hash.update(readFileSync(new URL(`${name}.txt`, LEXICON_URL)));
  return hash.digest('hex');
}
