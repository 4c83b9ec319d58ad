/**
 * SMS versions of long catalogue texts (issue #16 item 3): the same facts and rights in fewer
 * characters, so a reply fits one or two segments. Spanish versions choose words without á, í, ó
 * or ú (é, ñ, ¿ and ¡ are GSM-7), which keeps a text in GSM-7 (153 characters a segment) instead
 * of UCS-2 (67) — never by dropping an accent from a word that needs one.
 * A text with no SMS version here goes as the catalogue has it. Used through catalogueOf().
 */
import { messagesFor, type Catalogue, type Language } from './catalogue.ts';

export type SmsShortCatalogue = Partial<Catalogue>;

const CFPB = 'www.cfpb.gov/debt-collection';

const en: SmsShortCatalogue = {
  itemization: (a) =>
    `How the balance adds up: on ${a.itemizationDate} it was ${a.itemizationAmount}. Since then: interest ${a.interest}, fees ${a.fees}, payments ${a.payments}, credits ${a.credits}. Today: ${a.current}. If anything looks wrong, you can dispute all or part of it.`,
  rightsSummary: (a) =>
    `Your rights: until ${a.validationEnds} you can dispute all or part of this debt, or ask for the original creditor's name and address. If you do, we stop collecting the disputed part until we send you verification. Just tell me here. More: ${CFPB}`,
  menu: () => 'What would you like to do?',
};

const es: SmsShortCatalogue = {
  itemization: (a) =>
    `Detalle del saldo: el ${a.itemizationDate} era ${a.itemizationAmount}. Desde entonces: intereses ${a.interest}, cargos ${a.fees}, pagos ${a.payments}, abonos ${a.credits}. Hoy: ${a.current}. Si algo no le parece correcto, puede disputar toda la deuda o una parte.`,
  menu: () => 'Escoja lo que desea hacer:',
};

const shortVersions: Record<Language, SmsShortCatalogue> = { en, es };

/** The catalogue for SMS: the short versions over the full catalogue. */
export function smsCatalogueFor(language: string | undefined): Catalogue {
  const full = messagesFor(language);
  return { ...full, ...(language === 'es' ? shortVersions.es : shortVersions.en) };
}
