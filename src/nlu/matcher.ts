/**
 * The rules: lexicon/rules/<intent>.txt, one pattern a line over the normalised text. They are the
 * high-precision half of the recognizer (the model is the other).
 *
 * Negation and reported speech, for every right (crisis has its own figures of speech, crisis.ts):
 *  - for attorney, bankruptcy, military, identity theft and dispute, a match counts only when none
 *    of the four words before it in its clause negates it ("I don't have a lawyer", "I'm not
 *    disputing it", "nunca me declaré en bancarrota"); the reach stops at a possessive or a
 *    conjunction ("I'm not discussing this, my attorney will call you" is an attorney). A "no"
 *    that opens the clause and answers something ("no it's not mine") is no negation. Cease, agent
 *    and original-creditor requests are often put as negative questions ("why can't I talk to a
 *    person?", "I don't know who the original creditor is"), so they skip this check;
 *  - lexicon/guards/<intent>.txt lists what makes the intent's words about someone or something
 *    else in the same clause, for every right: "my sister is an attorney", "should I get a
 *    lawyer?", "a veteran", "my company went bankrupt", "is this text a scam?", "no need for a
 *    person", "don't call me before 9" (a time preference, not a cease).
 * A right whose words were all negated or guarded is 'voided': evidence against it, which the
 * model's guess for it does not overrule (decide.ts).
 */
import { expandPlaceholders, lexiconLines } from './lexicon.ts';
import { INTENTS, type Intent } from './recognizer.ts';
import type { Segment } from './text/normalize.ts';

/** Intents the rule files decide (crisis and deceased have their own modules). */
export type RuleIntent = Exclude<Intent, 'unknown' | 'deceased' | 'crisis' | 'distress'>;
export const RULE_INTENTS = INTENTS.filter((i): i is RuleIntent => !['unknown', 'deceased', 'crisis', 'distress'].includes(i));

function compile(name: string): RegExp[] {
  return lexiconLines(name).map((line, i) => {
    try {
      return new RegExp(expandPlaceholders(line), 'g');
    } catch (error) {
      throw new Error(`lexicon/${name}.txt, entry ${i + 1}: ${(error as Error).message}`);
    }
  });
}

const RULES: ReadonlyMap<RuleIntent, RegExp[]> = new Map(RULE_INTENTS.map((intent) => [intent, compile(`rules/${intent}`)]));
/** One pass per intent first: most messages match none of an intent's rules (a few hundred patterns in all). */
const ANY_RULE: ReadonlyMap<RuleIntent, RegExp> = new Map([...RULES].map(([intent, rules]) => [intent, new RegExp(rules.map((r) => `(?:${r.source})`).join('|'))]));
const GUARDED: ReadonlySet<string> = new Set(['attorney', 'bankruptcy', 'military', 'identity_theft', 'dispute', 'cease', 'agent', 'original_creditor']);
interface Guard {
  re: RegExp;
  /** Lines written "@ …" look at the whole message ("my wallet was stolen, can I pay with his card?"). */
  wholeMessage: boolean;
}
const GUARDS: ReadonlyMap<string, Guard[]> = new Map(
  [...GUARDED].map((intent) => [
    intent,
    lexiconLines(`guards/${intent}`).map((line) => {
      const wholeMessage = line.startsWith('@ ');
      return { re: new RegExp(expandPlaceholders(wholeMessage ? line.slice(2) : line)), wholeMessage };
    }),
  ]),
);
/** Intents checked for a negation in the four words before their match. */
const NEGATABLE: ReadonlySet<string> = new Set(['attorney', 'bankruptcy', 'military', 'identity_theft', 'dispute']);

const NEGATOR = new Set(['not', 'never', 'no', 'nunca', 'sin', 'without', 'nor', 'ni', 'jamas']);
const SELF_NEGATING = /^(not|never|no|nunca|jamas|do not|did not|does not|is not|are not|was not|have not|has not|had not|can not|could not|would not|will not)\b/;
const SCOPE_BREAK = new Set(['my', 'mi', 'our', 'nuestro', 'nuestra', 'his', 'her', 'and', 'but', 'so', 'because', 'y', 'pero', 'porque']);
/** After a clause-opening "no", these words make it an answer ("no it's not mine"), not a negation. */
const ANSWER_NO_FOLLOWERS = new Set(['i', 'it', 'its', 'that', 'thats', 'this', 'you', 'we', 'he', 'she', 'they', 'no', 'sir', 'maam', 'thanks', 'yo', 'eso', 'esa', 'ese', 'es', 'nope', 'man']);

function segmentAt(segments: readonly Segment[], index: number, length: number): Segment {
  return segments.find((s) => index >= s.start && index < s.end) ?? { start: 0, end: length };
}

function negatedAt(text: string, segment: Segment, index: number): boolean {
  const before = text.slice(segment.start, index).trim();
  if (before === '') return false;
  const all = before.split(' ');
  const words = all.slice(-4);
  const offset = all.length - words.length;
  const cut = Math.max(...words.map((w, i) => (SCOPE_BREAK.has(w) ? i : -1)));
  return words.some((w, i) => {
    if (i <= cut || !NEGATOR.has(w)) return false;
    const answer = w === 'no' && offset + i === 0 && ANSWER_NO_FOLLOWERS.has(all[1] ?? '');
    return !answer;
  });
}

/** True when one of the intent's guards holds for this clause of the message. */
export function guardedIn(intent: string, clause: string, message: string): boolean {
  return (GUARDS.get(intent) ?? []).some((guard) => guard.re.test(guard.wholeMessage ? message : clause));
}

export type RuleStatus = 'hit' | 'voided' | 'none';

/** Whether the intent's rules match the normalised text, once negations and guards are taken out. */
export function ruleStatus(intent: RuleIntent, text: string, segments: readonly Segment[]): RuleStatus {
  if (!ANY_RULE.get(intent)?.test(text)) return 'none';
  let status: RuleStatus = 'none';
  for (const rule of RULES.get(intent) ?? []) {
    rule.lastIndex = 0;
    for (const m of text.matchAll(rule)) {
      const segment = segmentAt(segments, m.index, text.length);
      const clause = text.slice(segment.start, segment.end);
      // A rule whose own words are the negation ("do not owe") is not undone by another ("I'm not paying something I don't owe").
      const selfNegating = SELF_NEGATING.test(m[0]);
      if ((NEGATABLE.has(intent) && !selfNegating && negatedAt(text, segment, m.index)) || (GUARDED.has(intent) && guardedIn(intent, clause, text))) {
        status = 'voided';
        continue;
      }
      return 'hit';
    }
  }
  return status;
}

/** True when any clause holds one of the intent's guards ("my sister is an attorney"). */
export function guardedAnywhere(intent: string, text: string, segments: readonly Segment[]): boolean {
  if (!GUARDED.has(intent)) return false;
  return segments.some((s) => guardedIn(intent, text.slice(s.start, s.end), text));
}

/** The text with every match of the intent's rules (all found on the original text) blanked out. */
export function withoutMatches(intent: RuleIntent, text: string): string {
  const blank = new Array<boolean>(text.length).fill(false);
  for (const rule of RULES.get(intent) ?? []) {
    rule.lastIndex = 0;
    for (const m of text.matchAll(rule)) blank.fill(true, m.index, m.index + m[0].length);
  }
  return [...text]
    .map((c, i) => (blank[i] ? ' ' : c))
    .join('')
    .replace(/ +/g, ' ')
    .trim();
}

/** Each rule intent's status on the text. */
export function matchRules(text: string, segments: readonly Segment[]): Map<RuleIntent, RuleStatus> {
  const out = new Map<RuleIntent, RuleStatus>();
  for (const intent of RULE_INTENTS) out.set(intent, ruleStatus(intent, text, segments));
  return out;
}

