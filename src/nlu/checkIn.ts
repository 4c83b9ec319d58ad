/**
 * The answer to the gentle check-in ("Are you safe right now?") that follows a weaker crisis sign
 * (issue #11 item 2). Errs on the side of the person: a no, a "not sure", a new crisis or distress
 * sign, or anything that is not a clear yes, is 'not_safe'. A request for a person is its own answer.
 */
import { lexiconPatterns } from './lexicon.ts';
import type { Recognition } from './recognizer.ts';
import { normalizeText } from './text/normalize.ts';

const SAFE = lexiconPatterns('check-in/safe');
const UNSAFE = lexiconPatterns('check-in/unsafe');
const SAYS_SAFE = lexiconPatterns('check-in/says-safe');

export type SafetyAnswer = 'safe' | 'not_safe' | 'agent';

/** `recognition` is the recognizer's reading of the same message. */
export function readSafetyAnswer(text: string, recognition: Recognition): SafetyAnswer {
  const normalized = normalizeText(text);
  if (saysSafe(text, recognition)) return 'safe';
  if (recognition.intents.includes('crisis') || recognition.intents.includes('distress')) return 'not_safe';
  if (recognition.intent === 'agent') return 'agent';
  if (UNSAFE.some((re) => re.test(normalized))) return 'not_safe';
  if (SAFE.some((re) => re.test(normalized))) return 'safe';
  return 'not_safe';
}

/** "no im safe, just really tired", "no estoy en peligro": safe said outright, with no crisis sign in the message. */
export function saysSafe(text: string, recognition: Recognition): boolean {
  if (recognition.intents.includes('crisis')) return false;
  const normalized = normalizeText(text);
  return SAYS_SAFE.some((re) => re.test(normalized));
}
