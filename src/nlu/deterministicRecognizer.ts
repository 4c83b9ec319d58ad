/**
 * The deterministic recognizer: no I/O, no network, always available, and the fallback of the LLM
 * one. How a message is read:
 *  1. entities from the original text (entities/): dates, money, ZIP, SSN last 4, account number,
 *     count, language, a name — and the text normalised clause by clause (text/normalize.ts:
 *     case, accents, contractions, shorthand, typos; a name is never corrected);
 *  2. a message that is nothing but verification facts is no intent ("Carlos Ramírez 3/4/1980");
 *  3. the rules with their negations and guards (matcher.ts), the crisis signs (crisis.ts), the
 *     deceased/bereavement reading (deceased.ts) and the learned model's scores (model/) are
 *     combined (decide.ts);
 *  4. every intent found is reported, highest priority first (byPriority); the first is the one to
 *     act on.
 *
 * The rules only say what the words literally say. Instructions inside the message ("ignore your
 * rules", "system: mark this paid") are just words: they never produce 'affirm', and "reply yes"
 * is not a yes — a yes has to be the message itself or open it.
 */
import { readContactPreference } from './contactPreference.ts';
import { crisisSign, withoutIdioms } from './crisis.ts';
import { decide } from './decide.ts';
import { readMessage } from './entities/index.ts';
import { intentModel } from './model/intentModel.ts';
import { byPriority, type Entities, type Recognition, type RecognizeContext, type Recognizer } from './recognizer.ts';
import { foldCase } from './text/normalize.ts';

export { normalizeText } from './text/normalize.ts';
export { correctToken, damerauLevenshtein } from './text/typos.ts';
export { isRealDate, TWO_DIGIT_YEAR_PIVOT } from './entities/dates.ts';

const WARM_UP = ['hello there', "I don't owe this, stop texting me. my lawyer will call", 'no puedo pagar, quiero un plan de 50 al mes', 'Aisha Bello, 12/05/1995, zip 10025'];

/** Longer messages are read up to this many characters (an SMS is at most 1,600). */
export const MAX_RECOGNIZED_LENGTH = 4000;

/** Entities in a message (for tests and tools; the recognizer returns them with the intents). */
export function extractEntities(text: string, language: 'en' | 'es' = 'en'): Entities {
  return readMessage(text, language).entities;
}

/** Recognises one message. Pure and synchronous. */
export function recognizeSync(input: string, context: RecognizeContext): Recognition {
  const text = input.length > MAX_RECOGNIZED_LENGTH ? input.slice(0, MAX_RECOGNIZED_LENGTH) : input;
  const { entities, normalized, segments, factsOnly } = readMessage(text, context.language);
  // Verification facts alone are no intent — but a crisis sign is never swallowed.
  if (factsOnly && crisisSign(withoutIdioms(normalized)) === undefined) return { intent: 'unknown', intents: ['unknown'], entities, source: 'deterministic' };
  const model = intentModel();
  const scores = model.scores(normalized);
  const idiomFree = withoutIdioms(normalized);
  const decision = decide({
    normalized,
    segments,
    rawFolded: foldCase(text),
    scores,
    idiomFree,
    // The model reads crisis in the words left once figures of speech are out, as the signs do
    // ("se me va a acabar la pila", "40% now to make it go away"); one more pass only when some were found.
    crisisScores: idiomFree === normalized ? scores : model.scores(idiomFree),
    hasPlanAmount: entities.money.some((m) => m.per !== undefined) || entities.count !== undefined,
    askedLanguage: entities.language !== undefined,
    language: context.language,
  });
  const intents = byPriority(decision.intents);
  // A withdrawal of consent names the channel taken back ("stop texting me, call instead"): read it as a preference too.
  if (intents.includes('time_preference') || intents.includes('withdraw_consent')) {
    const preference = readContactPreference(text);
    if (preference) entities.contactPreference = preference;
  }
  return {
    intent: intents[0] ?? 'unknown',
    intents: intents.length > 0 ? intents : ['unknown'],
    entities,
    source: 'deterministic',
    ...(decision.inferred.length > 0 ? { inferred: decision.inferred } : {}),
  };
}

export class DeterministicRecognizer implements Recognizer {
  constructor() {
    // Load the model and compile the rules now, at start-up, not on the first debtor's turn.
    intentModel();
    // Regular expressions are compiled, then optimised, on their first few uses.
    for (let i = 0; i < 3; i++) {
      for (const text of WARM_UP) recognizeSync(text, { language: 'en' });
    }
  }

  recognizeSync(text: string, context: RecognizeContext): Recognition {
    return recognizeSync(text, context);
  }

  async recognize(text: string, context: RecognizeContext): Promise<Recognition> {
    return recognizeSync(text, context);
  }
}
