/**
 * "brb", "un momento", "one sec": a pause in the conversation, not an answer to what was asked;
 * "ok im back", "ya volví": the end of one. Word lists: lexicon/be-right-back.txt, back-again.txt.
 */
import { normalizeText } from './deterministicRecognizer.ts';
import { alternationOf } from './lexicon.ts';
import type { Recognition } from './recognizer.ts';

const LEAD = '(?:ok |okay |k |sorry |wait |lol |hold on |perdon |espere |espera |ok ok )?';
const PAUSE = new RegExp(`^${LEAD}(?:${alternationOf('be-right-back')})\\b`);
const PAUSE_ONLY = new RegExp(`^${LEAD}(?:${alternationOf('be-right-back')})(?: (?:please|pls|plz|por favor|porfa|ok|gracias|thanks|thx|lol|jaja|haha|[a-z]+ing(?: \\w+){0,2}))?$`);
/** "dejame checar mi cuenta del banco, ahorita vuelvo", "un momento voy por la tarjeta": a short message with a pause in it. */
const PAUSE_IN = new RegExp(`\\b(?:${alternationOf('be-right-back')})\\b`);
const BACK = new RegExp(`^(?:ok |okay |k |sorry |ya |listo |ok ya |alright )?(?:${alternationOf('back-again')})(?: (?:sorry|perdon|ok|now|ahora|gracias|thanks))?$`);

/** The message opens with a pause ("brb", "un momento …"). */
export function opensWithPause(words: string): boolean {
  return PAUSE.test(normalizeText(words));
}

/** The message is a pause and nothing more to act on ("brb making dinner", "un momento por favor"). */
export function isOnlyPause(words: string, recognition: Pick<Recognition, 'intents' | 'entities'>): boolean {
  const normalized = normalizeText(words).replace(/[|.,!]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!PAUSE_ONLY.test(normalized) && !(PAUSE_IN.test(normalized) && normalized.split(' ').length <= 10 && !/[?\d]/.test(words))) return false;
  return recognition.entities.money.length === 0 && recognition.intents.every((i) => i === 'unknown' || i === 'greeting' || i === 'thanks' || i === 'affirm');
}

/** "ok im back", "ya volví", "ya estoy aquí": the debtor returns after a pause. */
export function isBackFromPause(words: string): boolean {
  return BACK.test(normalizeText(words).replace(/[|.,!]+/g, ' ').replace(/\s+/g, ' ').trim());
}
