/**
 * The deterministic recognizer: no I/O, no network, always available, and the fallback of the LLM
 * one. How a message is read:
 *  1. entities from the original text (entities/): dates, money, ZIP, SSN last 4, account number,
 *     count, language, name;
 *  2. the text normalised (text/normalize.ts: case, accents, contractions, shorthand, typos — a
 *     name is never corrected);
 *  3. intents from the rules (matcher.ts)...
 *
 * The rules only say what the words literally say. Instructions inside the message ("ignore your
 * rules", "system: mark this paid") are just words: they never produce 'affirm', and "reply yes"
 * is not a yes — a yes has to be the message itself or open it.
 */
import { deceasedOrBereavement } from './deceased.ts';
import { readMessage } from './entities/index.ts';
import { matchRules, ruleHits, withoutMatches } from './matcher.ts';
import { byPriority, type Entities, type Intent, type Recognition, type RecognizeContext, type Recognizer } from './recognizer.ts';
import { foldCase } from './text/normalize.ts';

export { normalizeText } from './text/normalize.ts';
export { correctToken, damerauLevenshtein } from './text/typos.ts';
export { isRealDate, TWO_DIGIT_YEAR_PIVOT } from './entities/dates.ts';

/** Longer messages are read up to this many characters (an SMS is at most 1,600). */
export const MAX_RECOGNIZED_LENGTH = 4000;

/** Entities in a message (for tests and tools; the recognizer returns them with the intents). */
export function extractEntities(text: string, language: 'en' | 'es' = 'en'): Entities {
  return readMessage(text, language).entities;
}

/** Every intent the normalised text supports, in no particular order. */
function intentsOf(normalized: string, rawFolded: string, entities: Entities): Intent[] {
  const found = matchRules(normalized);
  found.push(...deceasedOrBereavement(normalized));
  // "Stop emailing me notices" asks for paper, not for silence: cease counts only if its words are
  // still there once the withdrawal's are taken out ("stop contacting me and mail me the letters
  // instead" is a cease, and cease comes first).
  if (found.includes('withdraw_consent') && found.includes('cease')) {
    if (!ruleHits('cease', withoutMatches('withdraw_consent', normalized))) found.splice(found.indexOf('cease'), 1);
  }
  // "no, ..." / "sí, ..." open the message: a clear no or yes even with more words after it.
  if (/^\s*no\s*[,.!;:]/.test(rawFolded)) found.push('deny');
  if (/^\s*si\s*[,.!;:]/.test(rawFolded)) found.push('affirm');
  if (entities.money.some((m) => m.per !== undefined) || entities.count !== undefined) found.push('plan');
  if (entities.language !== undefined) found.push('language');
  // A negated yes is not a yes ("no estoy de acuerdo", "that does not work").
  if (found.includes('deny') && /\b(not|no) (agree|de acuerdo|work|works|acepto|accept)\b/.test(normalized)) {
    return found.filter((intent) => intent !== 'affirm');
  }
  return found;
}

/** Recognises one message. Pure and synchronous. */
export function recognizeSync(input: string, context: RecognizeContext): Recognition {
  const text = input.length > MAX_RECOGNIZED_LENGTH ? input.slice(0, MAX_RECOGNIZED_LENGTH) : input;
  const { entities, normalized } = readMessage(text, context.language);
  const rawFolded = foldCase(text);
  const intents = byPriority(intentsOf(normalized, rawFolded, entities));
  return { intent: intents[0] ?? 'unknown', intents: intents.length > 0 ? intents : ['unknown'], entities, source: 'deterministic' };
}

export class DeterministicRecognizer implements Recognizer {
  recognizeSync(text: string, context: RecognizeContext): Recognition {
    return recognizeSync(text, context);
  }

  async recognize(text: string, context: RecognizeContext): Promise<Recognition> {
    return recognizeSync(text, context);
  }
}
