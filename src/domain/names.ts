import { readFileSync } from 'node:fs';

/** A person's name in a form for comparison (Account.nameKey, used to verify by name): no accents, lower case, single spaces. */
export function nameKey(fullName: string): string {
  return fullName
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\s'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  (JSON.parse(readFileSync(new URL('./notNames.json', import.meta.url), 'utf8')) as { words: string[] }).words,
);

const NAME_LEAD_IN =
  /^(?:hi|hello|hola|hey)?[,\s]*(?:my name is|my name's|name is|i am|i'm|im|this is|it's|me llamo|mi nombre es|soy)\s+/i;
const NAME_WORD = /^[\p{L}][\p{L}'’-]*$/u;

/**
 * "my name is Maria Lopez" -> "Maria Lopez"; null unless it reads as 2-4 words of a name (from
 * `minWords` when a single name will do), none of them a word that is never a name ("blah blah",
 * "talk to my lawyer", "I do not know").
 */
export function nameFrom(text: string, { minWords = 2 }: { minWords?: number } = {}): string | null {
  const candidate = text.trim().replace(NAME_LEAD_IN, '').replace(/[.!,;]+$/, '').trim();
  const words = candidate.split(/\s+/);
  if (words.length < minWords || words.length > 4 || candidate.length < 2) return null;
  if (!words.every((w) => NAME_WORD.test(w))) return null;
  if (words.some((w) => NOT_NAME_WORDS.has(nameKey(w)))) return null;
  return candidate;
}
