import { isLanguage, type Language } from './catalogue.ts';
import { smsEn } from './sms.en.ts';
import { smsEs } from './sms.es.ts';

/** Who the debtor is dealing with by SMS (from config: COLLECTOR_NAME, SMS_HELP_PHONE, SMS_WEEKLY_CAP). */
export interface SmsSender {
  name: string;
  /** The help contact phone (SMS_HELP_PHONE, default COLLECTOR_PHONE). */
  helpPhone: string;
  /** Most bot-initiated messages per account in 7 days (SMS_WEEKLY_CAP). */
  weeklyCap: number;
}

/**
 * Debtor-facing SMS sentences (keywords and the footer), one catalogue per language, like
 * src/messages/catalogue.ts. The footer stays within GSM-7 characters in every language, so it
 * never forces a part into the 70-character UCS-2 encoding.
 */
export interface SmsCatalogue {
  /** The one confirmation after STOP (and its variants): no more texts; START resumes. */
  optOutConfirmed(s: SmsSender): string;
  /** After START / UNSTOP. */
  optInConfirmed(s: SmsSender): string;
  /** HELP / INFO: who we are, a help contact, message frequency, rates, how to opt out. */
  help(s: SmsSender): string;
  /** Appended to every bot-initiated SMS (DESIGN 2): from a debt collector; Reply STOP to opt out. */
  footer(s: SmsSender): string;
}

const catalogues: Record<Language, SmsCatalogue> = { en: smsEn, es: smsEs };

export function smsMessagesFor(language: string | null | undefined): SmsCatalogue {
  return isLanguage(language) ? catalogues[language] : catalogues.en;
}
