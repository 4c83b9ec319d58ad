/**
 * Entities in a message, read from the original text (case folded and accents stripped,
 * punctuation kept). Each span feeds one entity: a date's digits are no ZIP, money or account.
 */
import type { Entities } from '../recognizer.ts';
import { foldCase, normalizeText } from '../text/normalize.ts';
import { extractDates } from './dates.ts';
import { extractAccountNumber, extractSsnLast4, extractUnlabelledZip, extractZip } from './identifiers.ts';
import { extractCount, extractMoney } from './money.ts';
import { extractName } from './names.ts';
import { spellOutNumbers } from './numberWords.ts';
import { Scratch } from './scratch.ts';

function extractLanguage(normalized: string, entities: Entities): void {
  let last: { at: number; language: 'en' | 'es' } | undefined;
  for (const m of normalized.matchAll(/\b(espanol|spanish|castellano|english|ingles)\b/g)) {
    const language = m[1] === 'english' || m[1] === 'ingles' ? 'en' : 'es';
    if (!last || m.index >= last.at) last = { at: m.index, language };
  }
  if (last) entities.language = last.language;
}

export interface ReadMessage {
  entities: Entities;
  /** normalizeText of the message, the name (if any) kept as typed. */
  normalized: string;
}

/**
 * Entities in a message and its normalised text. `language` says which number words to read
 * first ("doce" vs "twelve").
 */
export function readMessage(text: string, language: 'en' | 'es' = 'en'): ReadMessage {
  const name = extractName(text);
  const normalized = normalizeText(text, { keep: new Set(name ? normalizeText(name.name).split(' ') : []) });
  return { entities: extractEntities(text, normalized, language, name), normalized };
}

function extractEntities(text: string, normalized: string, language: 'en' | 'es', name: ReturnType<typeof extractName>): Entities {
  const entities: Entities = { dates: [], money: [] };
  const s = new Scratch(spellOutNumbers(foldCase(text), language));
  extractZip(s, entities);
  extractDates(s, entities);
  extractSsnLast4(s, entities);
  extractAccountNumber(s, entities);
  if (name) entities.name = name.name;
  const besideFacts = entities.dates.length > 0 || entities.ambiguousDate === true || entities.ssnLast4 !== undefined || name !== undefined;
  extractUnlabelledZip(s, entities, besideFacts);
  extractMoney(s, entities);
  // Counts read the blanked text's words, so a ZIP or date is never a count.
  extractCount(s.text.replace(/[^a-z0-9]+/g, ' '), entities);
  extractLanguage(normalized, entities);
  if (entities.ambiguousDate !== true) delete entities.ambiguousDate;
  return entities;
}
