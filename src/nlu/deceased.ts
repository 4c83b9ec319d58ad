/**
 * Deceased debtor vs bereavement. A death mentioned about the account's owner (no "my <relative>",
 * or with "his/her account", "the account holder", "the debtor") is 'deceased'; "my husband died"
 * alone is bereavement → 'hardship'. "My mother died, this was her account" is both.
 */
import { expandPlaceholders, lexiconPatterns } from './lexicon.ts';
import type { Intent } from './recognizer.ts';

const DEATH = lexiconPatterns('deceased/death');
const NOT_A_PERSON_DIED = lexiconPatterns('deceased/not-a-person');
const ACCOUNT_LINK = lexiconPatterns('deceased/account-link');
const MY_RELATIVE = new RegExp(expandPlaceholders('\\b(my|mi|our|nuestro|nuestra|mis) (late |dear |beloved |difunto |difunta )?({relative})s?\\b'));

export interface DeathReading {
  intents: Intent[];
  /** A death was mentioned but it is not the debtor's ("my husband died" alone, "my phone died"). */
  notTheDebtor: boolean;
}

export function deceasedOrBereavement(text: string): DeathReading {
  if (!DEATH.some((re) => re.test(text))) return { intents: [], notTheDebtor: false };
  if (NOT_A_PERSON_DIED.some((re) => re.test(text)) && !/\b(passed|deceased|fallecio|murio)\b/.test(text)) return { intents: [], notTheDebtor: true };
  const linked = ACCOUNT_LINK.some((re) => re.test(text));
  const relative = MY_RELATIVE.test(text);
  if (linked) return { intents: relative ? ['deceased', 'hardship'] : ['deceased'], notTheDebtor: false };
  return relative ? { intents: ['hardship'], notTheDebtor: true } : { intents: ['deceased'], notTheDebtor: false };
}
