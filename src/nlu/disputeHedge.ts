/**
 * Whether a doubt about the debt is said with uncertainty ("i thought my insurance covered most
 * of it", "not sure this is mine"): such a message is asked about once — do you want to dispute
 * it? — instead of being recorded as a dispute at once, and the same question catches doubts the
 * intent rules miss. Word lists: lexicon/dispute-hedges.txt and lexicon/dispute-doubts.txt.
 */
import { lexiconPatterns } from './lexicon.ts';
import { normalizeText } from './text/normalize.ts';
import type { Recognition } from './recognizer.ts';

const HEDGES = lexiconPatterns('dispute-hedges');
const DOUBTS = lexiconPatterns('dispute-doubts');
/** What a debtor may say while only doubting: a dispute rule, a question about the amount, or nothing recognised. */
const DOUBTING_INTENTS = new Set(['dispute', 'itemization', 'balance', 'unknown']);

const hedged = (normalized: string) => HEDGES.some((p) => p.test(normalized));

/** A dispute said with uncertainty, or a hedged doubt the intent rules did not read as one. */
export function isHedgedDoubt(text: string, recognition: Pick<Recognition, 'intent'>): boolean {
  if (!DOUBTING_INTENTS.has(recognition.intent)) return false;
  const normalized = normalizeText(text);
  if (!hedged(normalized)) return false;
  return recognition.intent === 'dispute' || DOUBTS.some((p) => p.test(normalized));
}
