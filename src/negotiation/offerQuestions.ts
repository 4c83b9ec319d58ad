/**
 * A question about the terms on the table (lexicon/offer-questions.txt): "is that the lowest?",
 * "es del total?". Answered from the terms and the creditor's limits, then the question asked again.
 */
import { lexiconLines } from '../nlu/lexicon.ts';
import { normalizeText } from '../nlu/deterministicRecognizer.ts';

export type OfferQuestion = 'lowest' | 'covers_all';

const PATTERNS: Array<{ kind: OfferQuestion; re: RegExp }> = lexiconLines('offer-questions').map((line) => {
  const at = line.indexOf(': ');
  return { kind: line.slice(0, at).trim() as OfferQuestion, re: new RegExp(line.slice(at + 2)) };
});

/** Which question about the terms the message asks, if any (the first found, covers_all before lowest). */
export function offerQuestionIn(message: string): OfferQuestion | null {
  const normalized = normalizeText(message);
  for (const kind of ['covers_all', 'lowest'] as const) {
    if (PATTERNS.some((p) => p.kind === kind && p.re.test(normalized))) return kind;
  }
  return null;
}
