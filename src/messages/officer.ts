/**
 * Debtor-facing sentences sent because of an officer's action in the console, one catalogue per
 * language (officer.en.ts, officer.es.ts): a person joining or leaving the conversation, and the
 * answer to a plan proposal the bot sent for review.
 *
 * officerJoined, handedBack and resolved may reach a debtor who is not verified: they say nothing
 * about any account or debt (12 CFR 1006.6(d)). The proposal texts wrap the negotiation recap
 * (src/messages/negotiation*.ts), which holds every amount and date.
 * DESIGN 9: no sentence sets a deadline, says an offer expires or urges payment "today";
 * DESIGN 10: none mentions a fee.
 */
import { isLanguage, type Language } from './catalogue.ts';
import { officerEn } from './officer.en.ts';
import { officerEs } from './officer.es.ts';

/** An officer's terms for the debtor's yes. */
export interface OfferFacts {
  /** The negotiation catalogue's recap of the terms (every amount and date). */
  recap: string;
  /** The validation period runs: say that the terms leave the debtor's rights untouched. */
  rightsOpen: boolean;
}

export interface OfficerCatalogue {
  locale: string;
  /** An officer took the conversation over. */
  officerJoined(officerFirstName: string): string;
  /** The officer handed the conversation back to the bot. */
  handedBack(): string;
  /** The officer closed the conversation. */
  resolved(): string;
  /** The officer approved the debtor's proposal as made: the terms, and how to answer (stored as the offer text). */
  proposalApproved(offer: OfferFacts): string;
  /** The officer could not approve the proposal and offers other terms: the terms, and how to answer. */
  proposalCountered(offer: OfferFacts): string;
  /** Terms an officer offers in a conversation they took over (not an answer to a proposal): the terms, and how to answer. */
  termsOffered(offer: OfferFacts): string;
  /** The officer cannot accept the proposal. */
  proposalRejected(): string;
  /** Before an offer is shown again (after the debtor verified again). */
  pendingOffer(): string;
  /** The debtor said no to the officer's terms. */
  offerDeclined(): string;
  /** The terms no longer fit the account (the balance or the dates changed): nothing agreed. */
  offerWithdrawn(): string;
}

const catalogues: Record<Language, OfficerCatalogue> = { en: officerEn, es: officerEs };

export function officerMessagesFor(language: string | null | undefined): OfficerCatalogue {
  return isLanguage(language) ? catalogues[language] : catalogues.en;
}

/** Every catalogue, for tests. */
export const OFFICER_CATALOGUES: Readonly<Record<Language, OfficerCatalogue>> = catalogues;
