/**
 * Debtor-facing sentences of the negotiation, one catalogue per language (negotiation.en.ts,
 * negotiation.es.ts). Amounts and dates reach them already formatted (formatMoney, long dates).
 *
 * DESIGN 9: no sentence here sets a deadline, says an offer expires or urges payment "today";
 * DESIGN 10: none mentions a fee except to say that none is added.
 */
import type { PlanKind } from '../domain/plans.ts';
import type { Frequency } from '../domain/policy.ts';
import { negotiationEn } from './negotiation.en.ts';
import { negotiationEs } from './negotiation.es.ts';

export interface PaymentLine {
  amount: string;
  date: string;
}

/** A plan, formatted for one language. */
export interface PlanView {
  kind: PlanKind;
  total: string;
  balance: string;
  /** balance − total, for a settlement. */
  saving?: string;
  frequency: Frequency | null;
  /** Every payment, the down payment included. */
  paymentCount: number;
  installmentCount: number;
  /** The first payment (the down payment when there is one). */
  first: PaymentLine;
  downPayment?: PaymentLine;
  /** The amount of the regular installments (the first installment's). */
  regular?: string;
  /** The last installment when its amount differs from the regular one. */
  last?: PaymentLine;
  /** The date of the first installment (after a down payment: one period later). */
  installmentsStart?: string;
  /** The recap lists these payments one by one… */
  lines: PaymentLine[];
  /** …then "N more payments of X, the last on D"… */
  more?: { count: number; amount: string; lastDate: string };
  /** …and a last payment of a different amount. */
  final?: PaymentLine;
}

/** What the debtor proposed, formatted (for the review request). */
export interface OfferView {
  kind: 'full' | 'settlement' | 'installments';
  amount?: string;
  frequency?: Frequency;
  count?: number;
  downPayment?: string;
  firstDate?: string;
  /** After the first payment, the regular payments from this date. */
  installmentsFrom?: string;
}

/** A limit that made the difference, formatted (see LimitExplanation in src/domain/negotiation.ts). */
export type ReasonView =
  | { limit: 'minInstallment'; value: string; frequency: Frequency }
  | { limit: 'maxInstallments'; value: number; frequency: Frequency; smallestPayment?: string }
  | { limit: 'maxPlanDays'; value: number; frequency: Frequency; smallestPayment?: string }
  | { limit: 'minDownPayment'; value: string }
  | { limit: 'frequency'; value: readonly Frequency[] }
  | { limit: 'firstPaymentWithinDays'; value: number; latest: string }
  | { limit: 'firstPaymentNotBefore'; value: string }
  | { limit: 'installmentsStartWithin'; latest: string }
  | { limit: 'settlementNotAllowed' }
  | { limit: 'settlementFloor'; value: string; percent: number }
  | { limit: 'total'; value: string };

export interface OptionsView {
  full: PlanView;
  settlement: PlanView | null;
  plan: PlanView | null;
  /** The debtor reported hardship: the hardship limits apply. */
  hardship: boolean;
  smallestPayment: string;
  maxInstallments: number;
  /** The validation period runs: say that choosing an option leaves the rights untouched. */
  rightsOpen: boolean;
}

export interface NegotiationCatalogue {
  locale: string;
  /** The options: full, settlement (when allowed), a plan, hardship terms when reported. */
  options(o: OptionsView): string;
  /** The bot's own in-policy proposal when the debtor named no amount. */
  suggestion(plan: PlanView): string;
  /** The debtor's terms are inside policy (sent before the recap). */
  accepted(): string;
  /** A change that came out as the terms already shown: said so, never the same recap again (DESIGN 16). */
  sameTerms(): string;
  /** A settlement asked in parts: a settlement is one payment, on any date up to `latest`; or a plan for the full balance, or a person. */
  settlementOnePayment(plan: PlanView, latest: string): string;
  /** Outside policy: each reason in plain words, and the closest plan. */
  counter(reasons: ReasonView[], plan: PlanView): string;
  /** Another offer out of the limits, with the same closest terms: not the same counter word for word (DESIGN 16; review 10). */
  counterAgain(plan: PlanView, offer: OfferView): string;
  /** The rounds are used up: the closest plan, and the offer of a person's review of the debtor's proposal. */
  review(reasons: ReasonView[], plan: PlanView, offer: OfferView): string;
  reviewAskAgain(): string;
  reviewQueued(offer: OfferView): string;
  /** The debtor does not want a review: the closest plan again. */
  reviewDeclined(plan: PlanView): string;
  proposalAskAgain(): string;
  /**
   * The terms to authorize: every amount and date (or the first few and "then N more"), the number
   * of payments, the total, the payment method, how to cancel or change, and the question. This
   * exact text is stored as the debtor's authorization.
   */
  recap(plan: PlanView): string;
  confirmAgain(): string;
  notAgreed(): string;
  agreed(plan: PlanView, link: string): string;
  existingPlan(plan: PlanView, link: string | null): string;
  planCancelled(): string;
  noPlanToCancel(): string;
  nothingOwed(): string;
  notUnderstood(): string;
  noRush(): string;
  termsChanged(): string;
  /** An offer made in the same message as a dispute or another right: kept for the officer, nothing agreed. */
  offerNoted(offer: OfferView): string;
  /** The recap is for another amount than the debtor named (e.g. more than the balance): said plainly first. */
  recapDiffers(asked: string, total: string): string;
  /** "Is that the lowest?" about a settlement at the creditor's floor. */
  lowestSettlement(amount: string): string;
  /** "Is that the lowest?" about a plan whose payments are the smallest the creditor accepts. */
  lowestPlan(regular: string): string;
  /** "Is that the lowest?" about paying the whole balance. */
  lowestFull(): string;
  /** "Is that the lowest?" when the creditor's limits allow less than the terms on the table. */
  mayGoLower(): string;
  /** "Is that from the total?": what the terms on the table clear. */
  coversAll(plan: PlanView): string;
  /** The debtor asked for a start ("starting when I get paid") that is not a date: when, then? */
  askStartDate(): string[];
  /** The negotiation question again after the verification lapsed and was done again. */
  resumed(): string;
  /**
   * "I really can't even do 10 right now" (DESIGN 8): no pressure, the smallest plan the (hardship)
   * limits allow when there is one, and a person to talk about what else is possible, such as a pause.
   * Asks whether a person should contact them (yes or no). Two wordings.
   */
  cannotPay(smallest: PlanView | null): string[];
  /** "Can you put it on hold for a couple months?": a pause is the creditor's decision; a person can talk it through. Asks yes or no. Two wordings. */
  pauseRequest(): string[];
  /** The question of a step asked again after a message that did not answer it, in two wordings (never twice the same). */
  again(step: 'choose' | 'proposed' | 'confirm' | 'review' | 'person'): string[];
}

const catalogues: Record<'en' | 'es', NegotiationCatalogue> = { en: negotiationEn, es: negotiationEs };

export function negotiationMessagesFor(language: string | undefined): NegotiationCatalogue {
  return language === 'es' ? catalogues.es : catalogues.en;
}
