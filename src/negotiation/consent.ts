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
