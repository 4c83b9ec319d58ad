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

/**
 * Whether a message is clearly written in Spanish (issue #19 item 5): "¿cuánto debo?", "hola",
 * "quiero pagar mi deuda", "14 de marzo de 1985" — Spanish punctuation, or Spanish words with no
 * English ones beside them. False when it is not clear (numbers, "ok", a name, mixed words).
 */
export function writtenInSpanish(text: string): boolean {
  if (/[¿¡ñ]/i.test(text)) return true;
  const words = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^a-z']+/)
    .filter(Boolean);
  const spanish = words.filter((w) => SPANISH.has(w)).length;
  const english = words.filter((w) => ENGLISH.has(w)).length;
  if (english > 0) return spanish >= 3 * english && spanish >= 3;
  return spanish >= 2 || (spanish === 1 && words.length <= 2 && ['hola', 'buenas', 'gracias', 'buenos'].some((w) => words.includes(w)));
}
