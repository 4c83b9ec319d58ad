/**
 * Whether a doubt about the debt is said with uncertainty ("i thought my insurance covered most
 * of it", "not sure this is mine"): such a message is asked about once — do you want to dispute
 * it? — instead of being recorded as a dispute at once, and the same question catches doubts the
 * intent rules miss. Word lists: lexicon/dispute-hedges.txt, dispute-questions.txt and dispute-doubts.txt.
 */
import { lexiconPatterns } from './lexicon.ts';
import { normalizeText } from './text/normalize.ts';
import type { Recognition } from './recognizer.ts';

const HEDGES = [...lexiconPatterns('dispute-hedges'), ...lexiconPatterns('dispute-questions')];
const QUESTIONS = lexiconPatterns('dispute-questions');
/** What such a question asks for, right after it ("… pedir pruebas de que la deuda es mía"): part of the question, no denial. */
const ASKED_FOR = String.raw`(?: (?:pruebas|proof|comprobantes|validation|validacion))?(?: (?:de|of|that|que|for)(?: que)? (?:la deuda|this debt|the debt|esta deuda|i owe (?:this|it)|debo (?:esto|eso)|(?:la |esta )?deuda es mia|(?:this|it) is mine|es mia|es mio))?`;
const QUESTION_WORDS = QUESTIONS.map((p) => new RegExp(`(?:${p.source})${ASKED_FOR}`, 'g'));

/** "can i dispute this?", "tengo derecho a pedir pruebas?": a question about the right (lexicon/dispute-questions.txt). */
export function asksAboutDisputing(normalized: string): boolean {
  return QUESTIONS.some((p) => p.test(normalized));
}

/** The text with the words of those questions blanked out ("can i dispute this? its not mine" keeps "this its not mine"). */
export function withoutDisputeQuestions(normalized: string): string {
  let text = normalized;
  for (const p of QUESTION_WORDS) text = text.replace(p, (m) => ' '.repeat(m.length));
  return text;
}
const DOUBTS = lexiconPatterns('dispute-doubts');
/** What a debtor may say while only doubting: a dispute rule, a question about the amount, or nothing recognised. */
const DOUBTING_INTENTS = new Set(['dispute', 'itemization', 'balance', 'unknown']);

const hedged = (normalized: string) => HEDGES.some((p) => p.test(normalized));
/** "ya pagué", "I just paid": said after a payment made in this conversation, a remark about it. */
const PAID_CLAIM = /\b(already paid|just paid|i paid|i have paid|ya (lo |la )?pague|ya pagamos|acabo de pagar|ya hice el pago|already made the payment)\b/;

/** The debtor says they paid: with a payment just made, that is about it, not a dispute. */
export function claimsPaid(text: string): boolean {
  return PAID_CLAIM.test(normalizeText(text));
}

/**
 * A dispute said with uncertainty, a hedged doubt the intent rules did not read as one, or a
 * dispute only the learned model saw (no rule: "i already told u", "that's not it, where's my
 * 300?" were read as disputes by the model alone in the round-4 review).
 */
export function isHedgedDoubt(text: string, recognition: Pick<Recognition, 'intent' | 'inferred'>): boolean {
  if (!DOUBTING_INTENTS.has(recognition.intent)) return false;
  if (recognition.intent === 'dispute' && recognition.inferred?.includes('dispute')) return true;
  const normalized = normalizeText(text);
  if (!hedged(normalized)) return false;
  return recognition.intent === 'dispute' || DOUBTS.some((p) => p.test(normalized));
}
