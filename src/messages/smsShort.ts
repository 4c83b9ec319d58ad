/**
 * SMS versions of long catalogue texts (issue #16 item 3): the same facts and rights in fewer
 * characters, so a reply fits one or two segments. One way for every catalogue: the short versions
 * (smsShort.en.ts, smsShort.es.ts) are laid over the full catalogue when the message goes by SMS
 * (catalogueOn). A text with no SMS version goes as the catalogue has it.
 *
 * Spanish versions choose words without á, í, ó or ú (é, ñ, ü, ¿ and ¡ are GSM-7), which keeps a
 * text in GSM-7 (153 characters a segment) instead of UCS-2 (67) — never by dropping an accent from
 * a word that needs one ("más" becomes another word, never "mas").
 *
 * On SMS a yes/no question is followed by its numbered choices (src/replies/render.ts), so the
 * short versions do not add "please answer yes or no".
 *
 * Used through catalogueOf / conversationOf / negotiationOf / officerOf / checkInOf / recordTextOf
 * (src/bot/services.ts) in a turn, and by the outbox channel outside one (payments, officer notices).
 */
import { messagesFor, type Catalogue, type Language } from './catalogue.ts';
import { checkInMessagesFor, type CheckInCatalogue } from './checkIn.ts';
import { conversationMessagesFor, type ConversationCatalogue } from './conversation.ts';
import { negotiationMessagesFor, type NegotiationCatalogue } from './negotiation.ts';
import { officerMessagesFor, type OfficerCatalogue } from './officer.ts';
import { paymentMessagesFor, type PaymentsCatalogue } from './payments.ts';
import { recordTextFor, type RecordText } from '../record/recordText.ts';
import { smsShortEn } from './smsShort.en.ts';
import { smsShortEs } from './smsShort.es.ts';

/** Every catalogue a message to the debtor is written from, by name. */
export interface Catalogues {
  main: Catalogue;
  conversation: ConversationCatalogue;
  negotiation: NegotiationCatalogue;
  payments: PaymentsCatalogue;
  officer: OfficerCatalogue;
  checkIn: CheckInCatalogue;
  record: RecordText;
}
export type CatalogueKind = keyof Catalogues;

const FULL: { [K in CatalogueKind]: (language: string | undefined) => Catalogues[K] } = {
  main: messagesFor,
  conversation: conversationMessagesFor,
  negotiation: negotiationMessagesFor,
  payments: paymentMessagesFor,
  officer: officerMessagesFor,
  checkIn: checkInMessagesFor,
  record: recordTextFor,
};

/** The short SMS versions of one language, catalogue by catalogue. */
export type SmsShortVersions = { [K in CatalogueKind]: Partial<Catalogues[K]> };

const shortVersions: Record<Language, SmsShortVersions> = { en: smsShortEn, es: smsShortEs };

/** A catalogue as a message on `channel` uses it: by SMS with the short versions over the full texts. */
export function catalogueOn<K extends CatalogueKind>(channel: string, kind: K, language: string | null | undefined): Catalogues[K] {
  const full = FULL[kind](language ?? undefined);
  if (channel !== 'sms') return full;
  const short = (language === 'es' ? shortVersions.es : shortVersions.en)[kind];
  return { ...full, ...short };
}
