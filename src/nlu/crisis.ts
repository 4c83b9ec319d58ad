/**
 * Crisis signs, from lexicon/crisis/: said outright, means, a plan or a date, not being around,
 * farewells (strong.txt, strong-es.txt: priority handoff + 988), and hopelessness without any of
 * those (weak.txt: a gentle check-in). Figures of speech ("I'm dying to pay this off", "this debt
 * is killing me lol", "muerta de cansancio") are taken out first (idioms.txt). Nothing here is
 * negated: "I'm not suicidal, but some nights I wish I didn't wake up" is still a sign.
 */
import { lexiconPatterns } from './lexicon.ts';

const IDIOMS = lexiconPatterns('crisis/idioms', 'g');
/** Each list as one pattern: one pass over the text instead of a hundred. */
const either = (patterns: RegExp[]) => new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'));
const STRONG = either([...lexiconPatterns('crisis/strong'), ...lexiconPatterns('crisis/strong-es')]);
const WEAK = either(lexiconPatterns('crisis/weak'));

/** The normalised text with figures of speech about death and killing blanked out. */
export function withoutIdioms(normalized: string): string {
  return IDIOMS.reduce((text, re) => text.replace(re, ' '), normalized)
    .replace(/ +/g, ' ')
    .trim();
}

export type CrisisSign = 'strong' | 'weak' | undefined;

/** The strongest crisis sign in a normalised text (idioms already taken out). */
export function crisisSign(text: string): CrisisSign {
  if (STRONG.test(text)) return 'strong';
  if (WEAK.test(text)) return 'weak';
  return undefined;
}
