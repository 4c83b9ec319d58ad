import { isLanguage, type Language } from './catalogue.ts';
import { checkInEn } from './checkIn.en.ts';
import { checkInEs } from './checkIn.es.ts';

/**
 * The gentle check-in after a weaker sign of crisis ("I can't go on like this"), issue #11 item 2.
 * No collection talk here, ever: no balance, no payment, no offer.
 */
export interface CheckInCatalogue {
  /** Asked once: are you safe right now? */
  ask(): string;
  /** They said they are safe: thanks, 988 any time, a person whenever they want; nothing about the debt. */
  safe(): string;
}

const catalogues: Record<Language, CheckInCatalogue> = { en: checkInEn, es: checkInEs };

export function checkInMessagesFor(language: string | undefined): CheckInCatalogue {
  return isLanguage(language) ? catalogues[language] : catalogues.en;
}
