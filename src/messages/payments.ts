import { isLanguage, type Language } from './catalogue.ts';
import { paymentsEn } from './payments.en.ts';
import { paymentsEs } from './payments.es.ts';

/** What a pay link pays for (the same values as PayLink.purpose). */
export type PaymentPurpose = 'full' | 'settlement' | 'down_payment' | 'installment' | 'update_card';

/** Why a payment did not go through, as the debtor is told. */
export type PaymentFailureReason =
  /** The bank asked the debtor to confirm an off-session charge. */
  | 'authentication_required'
  /** The card was declined in a way that retrying will not fix (lost, stolen, expired, closed…). */
  | 'declined'
  /** Soft declines, retried the configured number of times. */
  | 'retries_exhausted'
  /** A bank payment (delayed method) chosen on the payment page failed later. */
  | 'bank_payment_failed';

export interface ReceiptFacts {
  amount: string;
  date: string;
  /** Short payment reference the debtor can quote. */
  reference: string;
  /** Balance after this payment. */
  balance: string;
  balanceIsZero: boolean;
  /** The next scheduled installment of an active plan. */
  next: { amount: string; date: string } | null;
  planCompleted: boolean;
  /** A settlement was paid: the rest of the balance is forgiven. */
  settled: boolean;
}

/** A page: a heading and one or more paragraphs. */
export interface PageText {
  title: string;
  body: string;
}

/**
 * Debtor-facing words about payments: receipts, reminders and failed-payment notices (through the
 * outbox), and the pages around checkout. One catalogue per language. Amounts and dates arrive
 * already formatted. No fees are ever mentioned or added (DESIGN 10), and nothing presses the
 * debtor: no deadlines, no "today", no expiring offers (DESIGN 9).
 */
export interface PaymentsCatalogue {
  locale: string;
  /** Checkout page language for Stripe. */
  checkoutLocale: 'en' | 'es';
  /** The receipt (by SMS its short version, src/messages/smsShort*.ts: the same facts in one or two segments with the footer). */
  receipt(r: ReceiptFacts): string;
  reminder(r: { amount: string; date: string }): string;
  paymentFailed(r: { amount: string; date: string; link: string; reason: PaymentFailureReason }): string;
  duplicateRefunded(r: { amount: string }): string;
  /**
   * Appended to messages for the website chat: every later communication says it is from a debt
   * collector (Reg F 1006.18(e)). The SMS worker appends its own footer, which says the same.
   */
  webSignature(collector: string): string;
  /** The line item on the checkout page. */
  checkoutDescription(r: { collector: string; account: string; purpose: PaymentPurpose }): string;
  pages: {
    documentTitle: string;
    linkInvalid: PageText;
    alreadyPaid: PageText;
    notAuthorized: PageText;
    planClosed: PageText;
    amountChanged: PageText;
    unsupported: PageText;
    unavailable: PageText;
    complete: PageText;
    cancelled: PageText;
    /** The success page is the receipt (issue #16 item 4). */
    receipt: {
      title: string;
      amount: string;
      date: string;
      balance: string;
      next: string;
      keep: string;
      print: string;
    };
    /** The payment page came back before the payment was recorded: the page looks again shortly. */
    confirming: PageText;
  };
  demo: {
    banner: string;
    title: string;
    explain: string;
    amountLabel: string;
    forLabel: string;
    pay: string;
    decline: string;
    requiresAuthentication: string;
    authentication: PageText;
    authenticationConfirm: string;
    authenticationCancel: string;
    declined: PageText;
    authenticationFailed: PageText;
    backToCheckout: string;
    unknownSession: PageText;
    alreadyComplete: PageText;
    deliveryFailed: PageText;
  };
}

const catalogues: Record<Language, PaymentsCatalogue> = { en: paymentsEn, es: paymentsEs };

export function paymentMessagesFor(language: string | null | undefined): PaymentsCatalogue {
  return isLanguage(language) ? catalogues[language] : catalogues.en;
}

/** Every catalogue, for pages shown before the debtor's language is known and for tests. */
export const PAYMENT_CATALOGUES: Readonly<Record<Language, PaymentsCatalogue>> = catalogues;
