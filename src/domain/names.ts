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

/**
 * The keys a name typed without its apostrophe or hyphen may be stored under: "james oconnor" is
 * "james o'connor", "maria garcia lopez" may be "maria garcia-lopez" (review 10, 11b: a common
 * name failed verification typed without its apostrophe). Stored keys are never rewritten.
 */
export function nameKeyForms(fullName: string): string[] {
  const key = nameKey(fullName);
  const forms = new Set([key, key.replace(/'/g, ''), key.replace(/'/g, ' ').replace(/\s+/g, ' '), key.replace(/-/g, ' ')]);
  const words = key.replace(/'/g, '').split(' ');
  // "oconnor", "oneil": O' before a surname that goes on with a consonant.
  const last = words[words.length - 1]!;
  if (/^o[bcdfghjklmnpqrstvwxz][a-z]{3,}$/.test(last)) forms.add([...words.slice(0, -1), `o'${last.slice(1)}`].join(' '));
  // "o connor": the O' written apart.
  if (/ o [a-z]/.test(key)) forms.add(key.replace(/ o ([a-z])/g, " o'$1"));
  // "garcia lopez" ↔ "garcia-lopez": the last two words joined.
  if (words.length >= 3) forms.add(`${words.slice(0, -2).join(' ')} ${words.slice(-2).join('-')}`);
  return [...forms].filter((f) => f.includes(' '));
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
