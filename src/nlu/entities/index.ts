/**
 * Entities in a message, read from the original text (case folded and accents stripped,
 * punctuation kept). Each span feeds one entity: a date's digits are no ZIP, money or account.
 */
import type { Entities } from '../recognizer.ts';
import { foldCase, normalizeSegments, normalizeText, type Segment } from '../text/normalize.ts';
import { extractDates } from './dates.ts';
import { extractAccountNumber, extractSsnLast4, extractUnlabelledSsnLast4, extractUnlabelledZip, extractZip } from './identifiers.ts';
import { extractCount, extractMoney } from './money.ts';
import { extractName } from './names.ts';
import { spellOutNumbers } from './numberWords.ts';
import { Scratch } from './scratch.ts';
import { lexiconMap } from '../lexicon.ts';

function extractLanguage(normalized: string, entities: Entities): void {
  let last: { at: number; language: 'en' | 'es' } | undefined;
  for (const m of normalized.matchAll(/\b(espanol|spanish|castellano|english|ingles)\b/g)) {
    // "no hablo inglés", "i dont speak spanish", "no entiendo inglés": the other language (review 10, 12).
    const refused = /\b(no hablo|no se|no entiendo|no leo|no puedo leer|no hablamos|dont speak|do not speak|dont understand|do not understand|cant read|can not read|no speak|not good at|no muy bien el|no mucho)( bien| muy bien| el| mucho)? $/.test(normalized.slice(0, m.index));
    const named = m[1] === 'english' || m[1] === 'ingles' ? 'en' : 'es';
    const language = refused ? (named === 'en' ? 'es' : 'en') : named;
    if (!last || m.index >= last.at) last = { at: m.index, language };
  }
  if (last) entities.language = last.language;
}

export interface ReadMessage {
  entities: Entities;
  /** normalizeText of the message, clause by clause, the name (if any) kept as typed. */
  normalized: string;
  segments: Segment[];
  /** The message is nothing but verification facts ("Aisha Bello, December 5 1995", "zip 30301"). */
  factsOnly: boolean;
}

/** Words that may sit around verification facts without saying anything else. */
const FACT_WORDS = new Set(
  ('name is my full its it this i am im hi hello hey hola ok okay yes yeah yep sure fine um umm uh and y el la de del en soy me llamo mi nombre ' +
    'es completo dob date of birth born birthday bday birthdate on in zip zipcode code postal codigo cp ssn social security last four 4 digits ' +
    'ultimos cuatro digitos seguro fecha nacimiento naci nacido nacida cumpleanos here you go account number acct cuenta numero no # is the ' +
    'si claro pues bueno vivo at live was i a sr sra senor senora senorita mr mrs ms').split(' '),
);

/**
 * Entities in a message and its normalised text. `language` says which number words to read
 * first ("doce" vs "twelve").
 */
export function readMessage(text: string, language: 'en' | 'es' = 'en'): ReadMessage {
  const name = extractName(text);
  const { normalized, segments } = normalizeSegments(text, { keep: new Set(name ? normalizeText(name.name).split(' ') : []) });
  const { entities, rest } = extractEntities(text, normalized, language, name);
  const facts = entities.dates.length > 0 || entities.ambiguousDate === true || entities.zip !== undefined || entities.ssnLast4 !== undefined || entities.accountNumber !== undefined || name !== undefined;
  const leftover = normalizeText(rest).split(' ').filter((w) => w !== '' && !FACT_WORDS.has(w));
  return { entities, normalized, segments, factsOnly: facts && leftover.length === 0 };
}

const UNIT_WORDS = lexiconMap('unit-words');

/** "2 wks" → "2 weeks": the money and count patterns read the typed text, so its unit shorthand is expanded here. */
function expandUnitWords(text: string): string {
  return text.replace(/[a-z]+/g, (word) => UNIT_WORDS.get(word) ?? word);
}

function extractEntities(text: string, normalized: string, language: 'en' | 'es', name: ReturnType<typeof extractName>): { entities: Entities; rest: string } {
  const entities: Entities = { dates: [], money: [] };
  const s = new Scratch(spellOutNumbers(expandUnitWords(foldCase(text)), language));
  extractZip(s, entities);
  extractDates(s, entities);
  extractSsnLast4(s, entities);
  extractAccountNumber(s, entities);
  if (name) entities.name = name.name;
  const besideFacts = entities.dates.length > 0 || entities.ambiguousDate === true || entities.ssnLast4 !== undefined || name !== undefined;
  extractUnlabelledZip(s, entities, besideFacts);
  extractUnlabelledSsnLast4(s, entities, besideFacts || entities.zip !== undefined);
  extractMoney(s, entities);
  // Counts read the blanked text's words, so a ZIP or date is never a count.
  extractCount(s.text.replace(/[^a-z0-9]+/g, ' '), entities);
  extractLanguage(normalized, entities);
  if (entities.ambiguousDate !== true) delete entities.ambiguousDate;
  // What is left once the facts are taken out (the name by its words: the scratch is case folded).
  const nameWords = new Set(name ? foldCase(name.name).split(/\s+/) : []);
  const rest = s.text
    .split(/\s+/)
    .filter((w) => !nameWords.has(w.replace(/[,.?!;:]+$/, '')))
    .join(' ');
  return { entities, rest };
}
