/**
 * The rules: lexicon/rules/<intent>.txt, one pattern a line over the normalised text. They are the
 * high-precision half of the recognizer (the model is the other): what they find, with negation
 * and reported speech taken out, is always reported.
 *
 * Negation and reported speech, for every right but crisis (recall first):
 *  - a rule match counts only when none of the four words before it negates it ("I don't have a
 *    lawyer", "I'm not disputing it", "no need for a person"); the reach stops at a possessive or
 *    a conjunction ("I'm not discussing this, my attorney will call you" is an attorney);
 *  - lexicon/guards/<intent>.txt lists what makes the intent's words about someone or something
 *    else, in the same clause: "my sister is an attorney", "should I get a lawyer?", "a veteran",
 *    "my company went bankrupt", "don't call me before 9" (a time preference, not a cease).
 * Rules whose own words carry the negation ("I don't owe this", "don't contact me") are written
 * with a leading "=" in their file: the four-word check does not apply to them.
 */
import { lexiconLines, expandPlaceholders } from './lexicon.ts';
import { INTENTS, type Intent } from './recognizer.ts';

export type RuleIntent = Exclude<Intent, 'unknown' | 'deceased'>;

interface Rule {
  re: RegExp;
  /** The generic four-word negation check applies. */
  negatable: boolean;
}

function rulesOf(intent: string, negatableByDefault: boolean): Rule[] {
  return lexiconLines(`rules/${intent}`).map((line, i) => {
    const asWritten = line.startsWith('= ');
    const source = expandPlaceholders(asWritten ? line.slice(2) : line);
    try {
      return { re: new RegExp(source, 'g'), negatable: negatableByDefault && !asWritten };
    } catch (error) {
      throw new Error(`lexicon/rules/${intent}.txt, entry ${i + 1}: ${(error as Error).message}`);
    }
  });
}

/** Intents whose words can be denied ("I don't have a lawyer"). */
const NEGATABLE: ReadonlySet<Intent> = new Set<Intent>(['attorney', 'bankruptcy', 'military']);

export const RULES: ReadonlyMap<RuleIntent, Rule[]> = new Map(
  INTENTS.filter((intent): intent is RuleIntent => intent !== 'unknown' && intent !== 'deceased').map((intent) => [intent, rulesOf(intent, NEGATABLE.has(intent))]),
);

const NEGATOR = /\b(not|never|no|nunca|sin|without|nor|ni)\b/;
const SCOPE_BREAK = new Set(['my', 'mi', 'our', 'nuestro', 'nuestra', 'his', 'her', 'and', 'but', 'so', 'because', 'y', 'pero', 'porque']);

function negatedAt(text: string, index: number): boolean {
  // The negation's reach: up to four words back, stopping at a possessive or a conjunction.
  const words = text.slice(0, index).trim().split(' ').slice(-4);
  const cut = Math.max(...words.map((w, i) => (SCOPE_BREAK.has(w) ? i : -1)));
  return NEGATOR.test(words.slice(cut + 1).join(' '));
}

function ruleMatches(rule: Rule, text: string): boolean {
  rule.re.lastIndex = 0;
  for (const m of text.matchAll(rule.re)) {
    if (!rule.negatable || !negatedAt(text, m.index)) return true;
  }
  return false;
}

/** True when one of the intent's rules matches the normalised text (negation taken into account). */
export function ruleHits(intent: RuleIntent, text: string): boolean {
  return (RULES.get(intent) ?? []).some((rule) => ruleMatches(rule, text));
}

/** The text with every match of the intent's rules blanked out. */
export function withoutMatches(intent: RuleIntent, text: string): string {
  return (RULES.get(intent) ?? [])
    .reduce((rest, rule) => rest.replace(rule.re, ' '), text)
    .replace(/ +/g, ' ')
    .trim();
}

/** Every intent whose rules match, in no particular order. */
export function matchRules(text: string): Intent[] {
  const found: Intent[] = [];
  for (const intent of RULES.keys()) if (ruleHits(intent, text)) found.push(intent);
  return found;
}
