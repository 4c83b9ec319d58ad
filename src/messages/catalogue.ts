import { en } from './en.ts';
import { es } from './es.ts';

/** Facts about the collector that appear in debtor-facing text (from config). */
export interface CollectorInfo {
  name: string;
  phone: string;
  hours: string;
}

/**
 * Every debtor-facing sentence, one catalogue per language. Words about money, rights or law come
 * only from here — never from a language model.
 */
export interface Catalogue {
  greeting(collector: CollectorInfo): string;
  agentAnytime(): string;
  askHowToHelp(): string;
  notUnderstood(): string;
  technicalProblem(collector: CollectorInfo): string;
}

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const catalogues: Record<Language, Catalogue> = { en, es };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function messagesFor(language: string | undefined): Catalogue {
  return isLanguage(language) ? catalogues[language] : catalogues.en;
}
