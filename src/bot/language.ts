import { readFileSync } from 'node:fs';
import type { TurnContext } from 'botbuilder';
import type { Language } from '../messages/catalogue.ts';

/** The debtor's language before we know the account: from the channel's locale ("es-US" -> es). */
export function languageOf(context: TurnContext): Language {
  const locale = context.activity.locale ?? '';
  return locale.toLowerCase().startsWith('es') ? 'es' : 'en';
}

const WORDS = JSON.parse(readFileSync(new URL('./languageWords.json', import.meta.url), 'utf8')) as { es: string[]; en: string[] };
const SPANISH: ReadonlySet<string> = new Set(WORDS.es);
const ENGLISH: ReadonlySet<string> = new Set(WORDS.en);

/** Spanish words alone that are a whole message ("hola", "gracias"). */
const SPANISH_ALONE = ['hola', 'buenas', 'gracias', 'buenos'];

/**
 * The language a message is clearly written in (issue #19 item 5), or null when it is not clear
 * (numbers, "ok", a name, words of both). Spanish: Spanish punctuation or letters ("¿cuánto
 * debo?"), two Spanish words with no English one ("quiero pagar", "14 de marzo de 1985"), or a
 * greeting alone ("hola"). English: three English words with no Spanish one ("I want to pay").
 */
export function writtenLanguage(text: string): Language | null {
  if (/[¿¡ñ]/i.test(text)) return 'es';
  const words = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^a-z']+/)
    .filter(Boolean);
  const spanish = words.filter((w) => SPANISH.has(w)).length;
  const english = words.filter((w) => ENGLISH.has(w)).length;
  if (english === 0 && (spanish >= 2 || (spanish === 1 && words.length <= 2 && SPANISH_ALONE.some((w) => words.includes(w))))) return 'es';
  if (english > 0 && spanish >= 3 * english && spanish >= 3) return 'es';
  if (spanish === 0 && english >= 3) return 'en';
  return null;
}
