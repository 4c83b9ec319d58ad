/**
 * The debtor's yes to an agreement (DESIGN 11, Reg E 1005.10(b)): judged only from the
 * DETERMINISTIC recognizer's result — never a language model's — and narrowed further: a yes that
 * hedges ("ok sure whatever", "yes I guess", "yes but…"), asks ("yes?"), or comes with anything
 * else than thanks or the name of what is being agreed is not a yes.
 */
import { normalizeText } from '../nlu/deterministicRecognizer.ts';
import type { Intent, Recognition } from '../nlu/recognizer.ts';

const HEDGE =
  /\b(whatever|i guess|guess so|i suppose|suppose so|maybe|perhaps|probably|not sure|i do not know|do not know|kind of|sort of|if you say so|if i have to|if i must|no choice|i have to|but|except|unless|later|lo que sea|supongo|tal vez|quizas|quiza|no se|pero|a menos|luego|despues|ni modo|si tu lo dices|si usted lo dice)\b/;

/** Intents that may come with the yes ("yes thank you", "yes to the payment plan"). */
const WITH_YES: ReadonlySet<Intent> = new Set<Intent>(['affirm', 'thanks', 'greeting', 'plan', 'pay', 'pay_full', 'settle']);

export function isExplicitYes(text: string, local: Recognition): boolean {
  if (local.source !== 'deterministic') return false;
  if (!local.intents.includes('affirm')) return false;
  if (local.intents.some((intent) => !WITH_YES.has(intent))) return false;
  if (text.includes('?')) return false;
  return !HEDGE.test(normalizeText(text));
}

/** Intents that may come with a yes to electronic notices ("yes thanks"): nothing that asks for something else. */
const WITH_ESIGN_YES: ReadonlySet<Intent> = new Set<Intent>(['affirm', 'thanks', 'greeting']);

const QUESTION_WORDS = /\b(what|how|why|when|where|which|who|can i|could i|do i|should i|que|como|cuanto|cuando|donde|por que|puedo)\b/;

/** Words that acknowledge without agreeing: "ok", "ok thx", "k", "alright", "bueno". */
const ACKNOWLEDGMENT = new Set(
  'ok okay okey oki okie kk k alright allright fine cool got it thanks thank you thx ty bueno va vale ya gracias entendido esta bien'.split(' '),
);

/** "ok", "ok thx", "bueno": an acknowledgment, which is not consent by itself (E-SIGN wants a clear yes). */
export function isAcknowledgment(text: string): boolean {
  const words = normalizeText(text).split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => ACKNOWLEDGMENT.has(w));
}

/**
 * A yes to electronic notices (E-SIGN, 1006.42): an explicit yes that asks for nothing else
 * ("ok what can I do about the 400" is a question; "sí por favor" after a hardship answer is for
 * that). A bare acknowledgment counts only as the answer to "yes or no?" asked to be sure.
 */
export function isEsignYes(text: string, local: Recognition, askedToBeSure: boolean): boolean {
  if (!isExplicitYes(text, local)) return false;
  if (local.intents.some((intent) => !WITH_ESIGN_YES.has(intent)) || local.entities.money.length > 0) return false;
  const normalized = normalizeText(text);
  // "ok what can I do about the 400": a question after the "ok", not an answer ("1" is the numbered SMS yes).
  if (QUESTION_WORDS.test(normalized) || (/\d/.test(normalized) && !NUMBERED_YES.test(normalized))) return false;
  return askedToBeSure || namesElectronicYes(text) || !isAcknowledgment(text);
}

/** "ya le había dicho que sí", "i already said yes": the yes said again, to the same question. */
const ALREADY_SAID_YES = /\b(?:ya )?(?:le |te |les )?(?:habia|he|havia) dicho que si\b|\bya (?:le |te )?dije que si\b|\bi (?:already )?(?:said|told you|answered) yes\b/;

export function saysAlreadyYes(text: string): boolean {
  return ALREADY_SAID_YES.test(normalizeText(text)) && !/\b(no|not|pero|but)\b/.test(normalizeText(text).replace(ALREADY_SAID_YES, ' '));
}

/** "sí. y podría pagar 400 al mes…", "yes, and can i do 100 a month": a yes that is the whole first clause, with no "but" after it. */
export function opensWithYes(text: string): boolean {
  const [first = '', ...rest] = text.split(/[,.!;:]|\s[-–]\s/);
  return /^(?:ok |okay |bueno )?(?:yes|yeah|yep|yup|sure|si|sip|claro|ok si|okay yes|yes please|si por favor)$/.test(normalizeText(first).trim()) && !/\b(but|pero|no|not|except|menos)\b/.test(normalizeText(rest.join(' ')).replace(/\bno (?:me )?(?:cobren|quiero pagar)\b/, ''));
}

/** "1", "ok 1", "1 yes": the numbered SMS yes. */
const NUMBERED_YES = /^(?:(?:ok|okay|yes|si) )?1(?: (?:yes|si|ok|please|por favor))?$/;
const ELECTRONIC = /\b(electronic|electronically|electronica|electronico|electronicamente|digital|digitally|online|por internet|en linea|by email|por email|por e mail|correo electronico)\b/;
const NOT_ELECTRONIC = /\b(no|not|never|nunca|paper|papel|mail it|by mail|postal|regular mail)\b/;

/**
 * "yes electronic is fine", "sí, acepto lo electrónico", "and yes to electronic": a yes that names
 * what it consents to — an answer to the E-SIGN question even after something else was said since
 * (review 9, 03, 09, 10 and 15). Only with a plain yes (isEsignYes) and nothing that refuses.
 */
export function namesElectronicYes(text: string): boolean {
  const normalized = normalizeText(text);
  return ELECTRONIC.test(normalized) && !NOT_ELECTRONIC.test(normalized);
}
