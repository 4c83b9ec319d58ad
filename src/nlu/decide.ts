/**
 * How the rules, the crisis signs and the model's scores become the intents of a message.
 *
 * - Crisis errs on the side of the person: a strong sign, or a model crisis score over
 *   CRISIS_STRONG, is 'crisis'; a weak sign, or a model score for either over CRISIS_CHECK, is
 *   'distress' (the check-in).
 * - A right or hardship found by a rule counts. The model adds a right the rules missed when its
 *   score reaches the intent's threshold — unless the rules saw that right's words and found them
 *   negated or about someone else ('voided'), or a guard for it sits in the message; and never a
 *   dispute beside paying it all as the rules read it (issue #19 item 2).
 * - Ordinary intents come from the rules; the model fills in only when the rules found none
 *   (never a yes or a no: consents rest on the rules alone).
 * - A time or place preference is not a cease: a cease the rules voided for its time words, or that
 *   only the model saw beside a time preference, is dropped.
 */
import { crisisSign } from './crisis.ts';
import { deceasedOrBereavement } from './deceased.ts';
import { guardedAnywhere, matchRules, ruleStatus, withoutMatches, type RuleStatus } from './matcher.ts';
import { INTENTS, RIGHTS_INTENTS, type Intent } from './recognizer.ts';
import type { Segment } from './text/normalize.ts';
import { asksWhatIf, withoutWhatIf } from './whatIf.ts';
import { asksAboutDisputing, withoutDisputeQuestions } from './disputeHedge.ts';

/** The classes the model scores: every intent but 'unknown'. */
export const MODEL_CLASSES: Intent[] = INTENTS.filter((i) => i !== 'unknown');

/** Model-only crisis: from this score (0.6 was reached by two ordinary messages of blind round 09; no crisis of rounds 01–09 needs less than 0.7). Below it, up to CRISIS_CHECK, the check-in. */
export const CRISIS_STRONG = 0.7;
/** Model-only check-in: from this crisis or distress score. */
export const CRISIS_CHECK = 0.6;
/** Model score from which a right (or hardship, or a time preference) the rules missed is taken. */
const RIGHT_THRESHOLD = 0.5;
/**
 * When the rules have read the message as something ordinary ("I want everything in writing" is a
 * notice request), the model must be surer before it adds a right or a check-in the rules did not see.
 */
const EXPLAINED_PENALTY = 0.2;
/**
 * A message of a few words gives the model little to go on ("I do not know it"): a right it alone
 * sees there needs a higher score. Short rights ("lawyer", "stop", "not mine") are the rules' job.
 */
const SHORT_PENALTY = 0.25;
const SHORT_WORDS = 4;
/** Ordinary intents the model may supply when the rules found none. */
const MODEL_ORDINARY: ReadonlySet<Intent> = new Set<Intent>(['balance', 'itemization', 'rights', 'validation_notice', 'pay_full', 'settle', 'plan', 'pay', 'help']);
const ORDINARY_THRESHOLD = 0.6;
const MODEL_RIGHTS: readonly Intent[] = [...RIGHTS_INTENTS.filter((i) => i !== 'crisis' && i !== 'distress'), 'hardship', 'time_preference'];

export interface Evidence {
  normalized: string;
  segments: readonly Segment[];
  rawFolded: string;
  scores: ReadonlyMap<string, number>;
  /** The normalised text with figures of speech about death taken out (crisis.ts withoutIdioms). */
  idiomFree: string;
  /** The model's scores on idiomFree: crisis and distress are read from these. */
  crisisScores: ReadonlyMap<string, number>;
  hasPlanAmount: boolean;
  askedLanguage: boolean;
  language: 'en' | 'es';
}

/** The intents of a message, and the rights among them that the model alone saw (no rule): the dialog asks before recording one. */
export interface Decision {
  intents: Intent[];
  inferred: Intent[];
}

export function decide(evidence: Evidence): Decision {
  const { normalized, segments, scores } = evidence;
  const score = (intent: Intent) => scores.get(intent) ?? 0;
  const found = new Set<Intent>();

  const statuses = new Map<Intent, RuleStatus>(matchRules(normalized, segments));
  for (const [intent, status] of statuses) if (status === 'hit') found.add(intent);
  const explained = [...found].some((i) => !MODEL_RIGHTS.includes(i)) ? EXPLAINED_PENALTY : 0;
  const short = normalized.split(' ').length <= SHORT_WORDS ? SHORT_PENALTY : 0;

  // Another right the rules found ("this to be the last message I get from you" is a cease) explains
  // the message more than an ordinary intent does; hardship never explains a crisis away.
  const otherRight = [...found].some((i) => MODEL_RIGHTS.includes(i) && i !== 'hardship' && i !== 'time_preference');
  const crisisPenalty = otherRight ? EXPLAINED_PENALTY : explained / 2;
  const { idiomFree } = evidence;
  const crisisScore = (intent: 'crisis' | 'distress') => evidence.crisisScores.get(intent) ?? 0;
  const sign = crisisSign(idiomFree);
  if (sign === 'strong' || crisisScore('crisis') >= CRISIS_STRONG + crisisPenalty) found.add('crisis');
  else if (sign === 'weak' || Math.max(crisisScore('crisis'), crisisScore('distress')) >= CRISIS_CHECK + Math.max(explained, crisisPenalty)) found.add('distress');
  const death = deceasedOrBereavement(idiomFree);
  for (const intent of death.intents) found.add(intent);
  if (death.notTheDebtor) statuses.set('deceased', 'voided');

  // Issue #19 item 2: paying it off, as the rules read it ("let me pay the balance off"), is never made a dispute by the model alone.
  const inferred: Intent[] = [];
  for (const intent of MODEL_RIGHTS) {
    if (found.has(intent) || statuses.get(intent) === 'voided') continue;
    if (intent === 'dispute' && found.has('pay_full')) continue;
    if (score(intent) >= RIGHT_THRESHOLD + explained + short && !guardedAnywhere(intent, normalized, segments)) {
      found.add(intent);
      inferred.push(intent);
    }
  }

  if (![...found].some((i) => MODEL_ORDINARY.has(i))) {
    const best = [...MODEL_ORDINARY].filter((i) => score(i) >= ORDINARY_THRESHOLD).sort((a, b) => score(b) - score(a))[0];
    if (best) found.add(best);
  }

  // A time preference is not a cease; "stop emailing me notices" is a withdrawal of E-SIGN consent.
  if (found.has('cease') && found.has('time_preference') && statuses.get('cease') !== 'hit') found.delete('cease');
  if (found.has('withdraw_consent') && found.has('cease') && ruleStatus('cease', withoutMatches('withdraw_consent', normalized), [{ start: 0, end: normalized.length }]) !== 'hit') {
    found.delete('cease');
  }

  // "y si un mes no puedo pagar, qué pasa?": a question about a missed payment (answered), not a hardship said now (review 9).
  if (found.has('hardship') && asksWhatIf(normalized) && ruleStatus('hardship', withoutWhatIf(normalized), [{ start: 0, end: normalized.length }]) !== 'hit') found.delete('hardship');

  // "can i dispute this or is it too late?": a question about the right, answered with the rights — unless
  // the debt is denied beside it ("can i dispute this? its not mine"). Blind round 09.
  if (found.has('dispute') && asksAboutDisputing(normalized) && ruleStatus('dispute', withoutDisputeQuestions(normalized), [{ start: 0, end: normalized.length }]) !== 'hit') {
    found.delete('dispute');
    found.add('rights');
  }

  // "quiero pagar el saldo completo y quitármelo de encima": paying the balance, not asking for it — unless the
  // amount itself is asked ("cuánto es el saldo, lo quiero pagar todo"). Review 10, 18.
  if (found.has('balance') && found.has('pay_full') && !/\b(cuanto|how much|what do i owe|que debo|cual es (el|mi) saldo|whats my balance|what is my balance)\b/.test(normalized)) found.delete('balance');

  // SMS one-letter answers: "Y" / "N", and "S" (sí) in Spanish.
  const letter = /^\s*([yns])\s*[.!]*\s*$/.exec(evidence.rawFolded)?.[1];
  if (letter === 'y' || (letter === 's' && evidence.language === 'es')) found.add('affirm');
  if (letter === 'n') found.add('deny');
  // "no, ..." / "sí, ..." open the message: a clear no or yes even with more words after it.
  if (/^\s*no\s*[,.!;:]/.test(evidence.rawFolded)) found.add('deny');
  if (/^\s*si\s*[,.!;:]/.test(evidence.rawFolded)) found.add('affirm');
  if (evidence.hasPlanAmount) found.add('plan');
  if (evidence.askedLanguage) found.add('language');
  // A negated yes is not a yes ("no estoy de acuerdo", "that does not work").
  if (found.has('deny') && /\b(not|no) (agree|de acuerdo|work|works|acepto|accept)\b/.test(normalized)) found.delete('affirm');
  return { intents: [...found], inferred: inferred.filter((i) => found.has(i)) };
}
