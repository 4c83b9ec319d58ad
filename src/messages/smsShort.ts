/**
 * SMS versions of long catalogue texts (issue #16 item 3): the same facts and rights in fewer
 * characters, so a reply fits one or two segments. One way for every catalogue: the short versions
 * (smsShort.en.ts, smsShort.es.ts) are laid over the full catalogue when the message goes by SMS.
 * A text with no SMS version goes as the catalogue has it.
 *
 * Spanish versions choose words without á, í, ó or ú (é, ñ, ü, ¿ and ¡ are GSM-7), which keeps a
 * text in GSM-7 (153 characters a segment) instead of UCS-2 (67) — never by dropping an accent from
 * a word that needs one ("más" becomes another word, never "mas").
 *
 * On SMS a yes/no question is followed by its numbered choices (src/replies/render.ts), so the
 * short versions do not add "please answer yes or no".
 *
 * Used through catalogueOf / conversationOf / negotiationOf / officerOf (src/bot/services.ts) and,
 * outside a turn, by the channel a message goes on (paymentMessagesOn, officerMessagesOn).
 */
import { messagesFor, type Catalogue, type Language } from './catalogue.ts';
import { conversationMessagesFor, type ConversationCatalogue } from './conversation.ts';
import { negotiationMessagesFor, type NegotiationCatalogue } from './negotiation.ts';
import { officerMessagesFor, type OfficerCatalogue } from './officer.ts';
import { paymentMessagesFor, type PaymentsCatalogue } from './payments.ts';
import { smsShortEn } from './smsShort.en.ts';
import { smsShortEs } from './smsShort.es.ts';

/** The short SMS versions of one language, catalogue by catalogue. */
export interface SmsShortVersions {
  main: Partial<Catalogue>;
  conversation: Partial<ConversationCatalogue>;
  negotiation: Partial<NegotiationCatalogue>;
  payments: Partial<PaymentsCatalogue>;
  officer: Partial<OfficerCatalogue>;
}

const shortVersions: Record<Language, SmsShortVersions> = { en: smsShortEn, es: smsShortEs };

function versionsFor(language: string | null | undefined): SmsShortVersions {
  return language === 'es' ? shortVersions.es : shortVersions.en;
}

/** The catalogue for SMS: the short versions over the full catalogue. */
export function smsCatalogueFor(language: string | undefined): Catalogue {
  return { ...messagesFor(language), ...versionsFor(language).main };
}

export function smsConversationMessagesFor(language: string | null | undefined): ConversationCatalogue {
  return { ...conversationMessagesFor(language), ...versionsFor(language).conversation };
}

export function smsNegotiationMessagesFor(language: string | undefined): NegotiationCatalogue {
  return { ...negotiationMessagesFor(language), ...versionsFor(language).negotiation };
}

export function smsPaymentMessagesFor(language: string | null | undefined): PaymentsCatalogue {
  return { ...paymentMessagesFor(language), ...versionsFor(language).payments };
}

export function smsOfficerMessagesFor(language: string | null | undefined): OfficerCatalogue {
  return { ...officerMessagesFor(language), ...versionsFor(language).officer };
}

/** Payment words for a message going out on `channel` (receipts, reminders, failed payments). */
export function paymentMessagesOn(channel: string, language: string | null | undefined): PaymentsCatalogue {
  return channel === 'sms' ? smsPaymentMessagesFor(language) : paymentMessagesFor(language);
}

/** Officer words for a message going out on `channel`. */
export function officerMessagesOn(channel: string, language: string | null | undefined): OfficerCatalogue {
  return channel === 'sms' ? smsOfficerMessagesFor(language) : officerMessagesFor(language);
}
