/**
 * A person's name given to verify: "my name is Maria Lopez", "fine. James O'Connor", "Aisha Bello,
 * December 5 1995", "soy la señora Carmen Delgado, nací el 14 de febrero de 1950", "last 4: 1102
 * zip: 84101 name: Kelsey Morgan". Names are read as typed — never typo-corrected, never case
 * changed — and are two to six words (particles such as "de la", "van der", "St." inside).
 *
 * The name starts after a label ("name:", "my name is", "me llamo", "soy", "it's") or after filler
 * at the start ("ok", "um", "fine."); it ends at a digit, a comma, a question mark, a slash, a
 * sentence stop, or a word that starts the next fact ("dob", "born", "zip", "y", "and"). Words
 * that are not names ("payment plan", "human please") make it no name at all.
 */
import { alternationOf, lexiconSet } from '../lexicon.ts';

export interface NameMention {
  name: string;
  /** Where the name sits in the text it was read from (NFC-normalised). */
  start: number;
  end: number;
}

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

const STOPS = new Set([...lexiconSet('name-stops')].map(fold));
const PARTICLES = new Set([...lexiconSet('name-particles')].map(fold));
/** Common words, and every word an intent turns on ("Identity Theft" is no name). */
const NOT_NAMES = new Set([...lexiconSet('not-names'), ...lexiconSet('fuzzy-keywords')].map(fold));
const MONTH_WORDS = new RegExp(`^(?:${alternationOf('months')})\\.?$`);

const LEAD_IN = new RegExp(`^(?:(?:${alternationOf('name-lead-ins')})(?![\\p{L}])[\\s,.!:;-]*)+`, 'iu');
/** Labels, strongest first: an explicit "name" label anywhere wins over "soy"/"it's" at the start. */
const NAME_LABEL =
  /(?:^|[\s,.;:!?(])(?:(?:my|mi) (?:full |complete )?(?:name|nombre)(?: completo)?(?: is| es|'s|s)?|(?:full )?name(?:'s| is)?|nombre(?: completo)?(?: es)?|me llamo|a nombre de)\s*[:=-]?\s+/iu;
const SELF_LABEL = /^(?:(?:yes|yeah|si|sí|ok)[\s,.]+)?(?:(?:it's|its|it is|this is) me,?|it's|its|it is|this is|i'm|im|i am|soy|yo soy|le habla|habla)\s+/iu;
const HONORIFIC = /^(?:(?:el|la)\s+)?(?:señor|señora|señorita|senor|senora|senorita|sr\.?|sra\.?|srta\.?|mr\.?|mrs\.?|ms\.?|miss|dr\.?|don|doña|dona)\s+/iu;

/** A date, ZIP or SSN after the name. */
const FACT_AFTER = /\d/;
const NAME_TOKEN = /^[\p{L}][\p{L}'’-]*\.?$/u;
/** "St." and initials ("J.") keep the name going; any other word ending in "." ends it. */
const ABBREVIATION = /^(?:st|ste|jr|sr|vda|viuda|\p{L})\.$/iu;

export interface NameOptions {
  /**
   * A name was asked for ("What is your full name?"): lower-case words with nothing else are
   * read as one too. Otherwise they need a label, capitals, or another fact after them.
   */
  expected?: boolean;
}

/** "Jr", "Sr.", "III": kept at the end of a name, unlike a particle left dangling ("Ana de"). */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/iu;
/** A token that ends one fact and may start a name after it: a number, a date, an account ("a-1001"), a dash. */
const FACT_TOKEN = /\d|^[-–—]$/u;

/** The name in a message, or undefined. */
export function extractName(input: string, options: NameOptions = {}): NameMention | undefined {
  // A nickname in quotes between the names is left out: "Francisco 'Frank' Delgado" → "Francisco Delgado".
  const text = input.normalize('NFC').replace(/(\p{L})\s+['"‘“][\p{L}][\p{L}'’-]*['"’”](?=\s+\p{L})/gu, '$1');
  let start = 0;
  const labelled = NAME_LABEL.exec(text);
  if (labelled) start = labelled.index + labelled[0].length;
  else {
    start = LEAD_IN.exec(text)?.[0].length ?? 0;
    const self = SELF_LABEL.exec(text.slice(start));
    if (self) start += self[0].length;
  }
  const found =
    surnameFirst(text, start) ??
    nameAt(text, start, Boolean(labelled), options) ??
    (labelled ? undefined : (nameAfterFacts(text, options) ?? nameOnTheAccount(text, options)));
  return found && !found.name.split(' ').some(isKeyboardMash) ? found : undefined;
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * "asdfgh", "qwerty", "hjkl": five letters in a row along a keyboard row, or a word with no
 * letter that can carry a syllable — typed at random, never a name (review 8, 09: "asdfgh jkl" was
 * taken as a name, and the real name after it was refused). No word list does this.
 */
function isKeyboardMash(word: string): boolean {
  const w = fold(word).replace(/[^a-z]/g, '');
  if (w.length >= 3 && !/[aeiouy]/.test(w)) return true;
  for (let i = 0; i + 5 <= w.length; i++) {
    const run = w.slice(i, i + 5);
    if (KEYBOARD_ROWS.some((row) => row.includes(run))) return true;
  }
  return false;
}

const WORD = "[\\p{L}][\\p{L}'’-]*";
/** "Chen, Wei", "Mendoza Ruiz, Alejandro", then the end, a stop or the next fact. */
const SURNAME_FIRST = new RegExp(`^\\s*(${WORD}(?: ${WORD}){0,2}),\\s+(${WORD}(?: ${WORD}){0,2})(?=\\s*$|\\s*[,;.])`, 'u');

/**
 * A name written surname first, as on a form: "Chen, Wei" → "Wei Chen", "Hernández, Luis Alberto"
 * → "Luis Alberto Hernández" (the order the account's name is kept in). Capitalised words only.
 */
function surnameFirst(text: string, from: number): NameMention | undefined {
  const m = SURNAME_FIRST.exec(text.slice(from));
  if (!m) return undefined;
  const surname = m[1]!.split(' ');
  const given = m[2]!.split(' ');
  const words = [...given, ...surname];
  const bad = (w: string) => STOPS.has(fold(w)) || NOT_NAMES.has(fold(w)) || SUFFIX.test(w);
  if (words.some(bad) || PARTICLES.has(fold(surname[0]!)) || PARTICLES.has(fold(given[0]!))) return undefined;
  // Capitalised even when a name was asked for: "Sean O'Brien, nineteen eighty two" is a name and a year.
  // Lower case only as the whole message, the way a form is filled in ("garcia, maria").
  const wholeMessage = text.slice(from + m.index + m[0].length).trim() === '' && surname.length === 1 && given.length === 1;
  if (!wholeMessage && !words.every((w) => PARTICLES.has(fold(w)) || /^\p{Lu}/u.test(w))) return undefined;
  const name = words.join(' ');
  const start = from + m.index + (m[0].length - m[0].trimStart().length);
  return { name, start, end: from + m.index + m[0].length };
}

/** "goes by Bill but it's William Harper on the account": the name said with where it is written. */
const ON_THE_ACCOUNT = /\s+(?:on|in|en) (?:the|my|la|mi) (?:account|file|card|records|bill|cuenta|tarjeta|expediente)\b/giu;
function nameOnTheAccount(text: string, options: NameOptions): NameMention | undefined {
  for (const place of text.matchAll(ON_THE_ACCOUNT)) {
    const before = text.slice(0, place.index);
    const cue = [...before.matchAll(/\b(?:it's|its|it is|is|as|under|es|como|a nombre de)\s+/giu)].at(-1);
    if (!cue) continue;
    const found = nameAt(before, cue.index + cue[0].length, false, options);
    if (found && found.end === before.length) return found;
  }
  return undefined;
}

/**
 * A name written after the other facts ("DOB 9/12/80 zip 75201 Marcus Bell", "the 4th of March
 * 71, Karen Wu, 10027", "a-1001 john p. morgan"): tried after each fact or clause that ends, once
 * the message holds a number, so ordinary sentences are not searched for names.
 */
function nameAfterFacts(text: string, options: NameOptions): NameMention | undefined {
  if (!/\d/.test(text)) return undefined;
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const token = m[0];
    const endsClause = /[,;:.!?]$/.test(token) && !ABBREVIATION.test(token.replace(/[,;:!?]+$/, ''));
    if (!FACT_TOKEN.test(token) && !endsClause) continue;
    let from = m.index + token.length;
    from += /^[\s,.;:–—-]*/u.exec(text.slice(from))![0].length;
    from += LEAD_IN.exec(text.slice(from))?.[0].length ?? 0;
    from += SELF_LABEL.exec(text.slice(from))?.[0].length ?? 0;
    const found = nameAt(text, from, false, options, true);
    if (found) return found;
  }
  return undefined;
}

function nameAt(text: string, from: number, labelled: boolean, options: NameOptions, afterFacts = false): NameMention | undefined {
  let start = from;
  const honorific = HONORIFIC.exec(text.slice(start));
  if (honorific) start += honorific[0].length;

  const words: string[] = [];
  let end = start;
  const re = /\S+/g;
  re.lastIndex = start;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let token = m[0];
    let stopAfter = false;
    const trailing = /[,;:?!/)]+$/.exec(token);
    if (trailing) {
      token = token.slice(0, -trailing[0].length);
      stopAfter = true;
    }
    if (token.endsWith('.') && !ABBREVIATION.test(token)) {
      token = token.slice(0, -1);
      stopAfter = true;
    }
    const folded = fold(token.replace(/\.$/, ''));
    // An initial ("E. Patricia Holloway") is no stop word, even when its letter is one ("e", "y").
    const initial = /^\p{L}\.$/u.test(token);
    if (!NAME_TOKEN.test(token) || (!initial && (STOPS.has(folded) || STOPS.has(fold(token))))) break;
    // A month starting a date ("Aisha Bello December 5 1995") ends the name.
    if (MONTH_WORDS.test(folded) && /^\s*\d/.test(text.slice(m.index + m[0].length))) break;
    words.push(token);
    end = m.index + token.length;
    if (stopAfter || words.length > 6) break;
  }
  while (words.length > 0 && PARTICLES.has(fold(words[words.length - 1]!)) && !SUFFIX.test(words[words.length - 1]!)) {
    words.pop();
  }
  if (words.length < 2 || words.length > 6) return undefined;
  const main = words.filter((w) => !PARTICLES.has(fold(w)));
  if (main.length < 2 || PARTICLES.has(fold(words[0]!))) return undefined;
  if (main.some((w) => NOT_NAMES.has(fold(w.replace(/\.$/, ''))))) return undefined;
  const name = words.join(' ');
  const at = text.indexOf(name, start);
  // Without "my name is" / "me llamo", lower-case words are a name only beside another fact
  // ("tom becker. 1/2/1988"): "feeling suicidal tonight" is no name.
  const titleCase = main.every((w) => /^\p{Lu}/u.test(w));
  const factFollows = FACT_AFTER.test(text.slice(end));
  if (!labelled && !titleCase && !factFollows && !options.expected) return undefined;
  // After the facts, a lower-case name needs the question that asked for it.
  if (afterFacts && !titleCase && !options.expected) return undefined;
  return { name, start: at, end: at + name.length };
}
