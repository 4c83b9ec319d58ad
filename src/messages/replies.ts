/**
 * The words around a reply's text that the reply renderer (src/replies) adds per channel: button
 * labels (and the words a button sends, which the recognizer understands), short labels for
 * links, card titles and labels, and the SMS line that numbers the choices. One catalogue per
 * language, like catalogue.ts.
 */
import { isLanguage, type Language } from './catalogue.ts';
import { repliesEn } from './replies.en.ts';
import { repliesEs } from './replies.es.ts';

/** A button: what it shows, and the message it sends (typed words do the same). */
export interface Choice {
  label: string;
  value: string;
}

export type LinkKind = 'pay' | 'notice' | 'record' | 'other';

export interface RepliesCatalogue {
  yesNo(): Choice[];
  /** The menu's choices; with collection paused, no payment or dispute choice (those are answered anyway). */
  menu(collectionPaused: boolean): Choice[];
  /** The main choices before verification (nothing about any account): who we are, and a person. */
  beforeVerification(): Choice[];
  /** The payment options offered, in the order the options message lists them. */
  paymentOptions(offered: { settlement: boolean; plan: boolean }): Choice[];
  /** A short label for a link button: "Pay securely", "Open your notice". */
  link(kind: LinkKind): string;
  /** SMS: the numbered choices and how to answer ("1 Yes / 2 No / Reply 1 or 2."). */
  smsChoices(choices: Choice[]): string;
  cards: {
    itemizationTitle: string;
    recapTitle: string;
    receiptTitle: string;
  };
}

const catalogues: Record<Language, RepliesCatalogue> = { en: repliesEn, es: repliesEs };

export function repliesFor(language: string | null | undefined): RepliesCatalogue {
  return isLanguage(language) ? catalogues[language] : catalogues.en;
}

/** "1, 2 or 3" in a language's words for "or". */
export function numberList(count: number, or: string): string {
  const numbers = Array.from({ length: count }, (_, i) => String(i + 1));
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} ${or} ${numbers[numbers.length - 1]}`;
}
