/**
 * Deceased debtor vs bereavement. A death mentioned about the account's owner (no "my <relative>",
 * or with "his/her account", "the account holder", "the debtor") is 'deceased'. "My mother died"
 * is 'deceased' too (and hardship: a bereavement) — unless the writer speaks of their own money
 * ("…I've been paying for the funeral, I'm broke"): then it is their bereavement, 'hardship' only.
 */
import { expandPlaceholders, lexiconPatterns } from './lexicon.ts';
import type { Intent } from './recognizer.ts';

const DEATH = lexiconPatterns('deceased/death');
const NOT_A_PERSON_DIED = lexiconPatterns('deceased/not-a-person', 'g');
const ACCOUNT_LINK = lexiconPatterns('deceased/account-link');
const MY_RELATIVE = new RegExp(expandPlaceholders('\\b(my|mi|our|nuestro|nuestra|mis) (late |dear |beloved |difunto |difunta )?({relative})s?\\b'));
const OWN_HARDSHIP = lexiconPatterns('deceased/own-hardship');

export interface DeathReading {
  intents: Intent[];
  /** A death was mentioned but it is not the debtor's ("my husband died" alone, "my phone died"). */
  notTheDebtor: boolean;
}

export function deceasedOrBereavement(input: string): DeathReading {
  // "My phone died", "se me murió el cel": things, not people.
  const text = NOT_A_PERSON_DIED.reduce((rest, re) => rest.replace(re, ' '), input);
  if (!DEATH.some((re) => re.test(text))) return { intents: [], notTheDebtor: text !== input };
  const linked = ACCOUNT_LINK.some((re) => re.test(text));
  const relative = MY_RELATIVE.test(text);
  if (linked) return { intents: relative ? ['deceased', 'hardship'] : ['deceased'], notTheDebtor: false };
  if (!relative) return { intents: ['deceased'], notTheDebtor: false };
  // A relative's death told to a collector is most often the debtor's — unless the writer speaks of
  // their own money: then it is their bereavement ("…and I've been paying for the funeral, I'm broke").
  if (OWN_HARDSHIP.some((re) => re.test(text))) return { intents: ['hardship'], notTheDebtor: true };
  return { intents: ['deceased', 'hardship'], notTheDebtor: false };
}
