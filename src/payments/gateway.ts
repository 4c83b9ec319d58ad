/**
 * The PaymentGateway port: hosted checkout for the debtor's own payments, off-session charges of a
 * saved card for plan installments, and verification of the events the gateway sends back.
 *
 * Two implementations: StripeGateway (the real `stripe` SDK; tests point it at a local fake server)
 * and DemoGateway (the embedded default when no STRIPE_SECRET_KEY is set: a local demo checkout page
 * that takes no real money and delivers Stripe-shaped, signed events to our own webhook).
 */
import type Stripe from 'stripe';
import type { PayLinkPurpose } from './payLinks.ts';

export type GatewayProvider = 'stripe' | 'demo';

/** What every Checkout Session and PaymentIntent we create carries, so events map back to our rows. */
export interface PaymentMetadata {
  /** checkout = the debtor paid on the hosted page; installment_scheduler = an off-session charge. */
  source: 'checkout' | 'installment_scheduler';
  accountId: string;
  planId?: string | null;
  installmentId?: string | null;
  payLinkId?: string | null;
  purpose?: PayLinkPurpose | null;
  /** 'true' when the card is saved for later off-session installments. */
  saveCard?: 'true' | null;
  /** Off-session charges: which attempt at the installment (1, 2, …). */
  attempt?: string | null;
}

/** Stripe metadata values are strings; empty fields are left out. */
export function toStripeMetadata(metadata: PaymentMetadata): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}

export interface CheckoutRequest {
  payLinkId: string;
  accountId: string;
  planId: string | null;
  installmentId: string | null;
  purpose: PayLinkPurpose;
  /** Minor units; exactly the agreed amount — nothing is ever added (DESIGN 10). */
  amount: number;
  currency: string;
  /** The line item the debtor sees. */
  description: string;
  /** Save the card for later off-session installments (Stripe: setup_future_usage off_session + a customer). */
  saveCardForOffSession: boolean;
  /** The plan's gateway customer when it already has one. */
  customerId: string | null;
  successUrl: string;
  cancelUrl: string;
  locale: 'en' | 'es';
}

export interface CheckoutSessionCreated {
  id: string;
  /** Where the debtor's browser goes (Stripe's hosted page, or our demo page). */
  url: string;
  /** The customer the card will be saved to, when saving. */
  customerId: string | null;
}

export interface OffSessionChargeRequest {
  amount: number;
  currency: string;
  customerId: string;
  paymentMethodId: string;
  /** The same key always yields the same result: a retried or restarted charge never charges twice. */
  idempotencyKey: string;
  description: string;
  metadata: PaymentMetadata;
}

export type OffSessionChargeResult =
  | { outcome: 'succeeded'; paymentIntentId: string; amount: number; currency: string }
  /** Accepted but not final (delayed payment methods): the webhook reports the end. */
  | { outcome: 'processing'; paymentIntentId: string }
  /** The bank wants the debtor to authenticate: only the debtor can complete it, on a payment page. */
  | { outcome: 'authentication_required'; paymentIntentId: string | null; code: string }
  /** retryable = a soft decline (insufficient funds, try again later…); otherwise a new card is needed. */
  | { outcome: 'declined'; retryable: boolean; paymentIntentId: string | null; code: string }
  /** No answer (network, gateway error): it is not known whether money moved. Retry with the SAME key. */
  | { outcome: 'unknown'; error: string };

export interface PaymentGateway {
  readonly provider: GatewayProvider;
  createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSessionCreated>;
  chargeOffSession(request: OffSessionChargeRequest): Promise<OffSessionChargeResult>;
  /** The customer and payment method a PaymentIntent used (to save the card after checkout); null if unknown. */
  savedPaymentMethod(paymentIntentId: string): Promise<{ customerId: string | null; paymentMethodId: string | null } | null>;
  /** Refunds a whole PaymentIntent (a duplicate payment). Idempotent by key. */
  refund(paymentIntentId: string, idempotencyKey: string): Promise<void>;
  /**
   * Verifies the Stripe-Signature header over the exact raw body and returns the event.
   * Throws WebhookSignatureError when the signature is missing, wrong, or too old.
   */
  constructEvent(rawBody: string | Buffer, signatureHeader: string | undefined): Stripe.Event | Promise<Stripe.Event>;
}

export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
}

export type DeclineKind = 'authentication_required' | 'soft' | 'hard';

/** Declines that retrying the same card cannot fix: the debtor must use another card. */
const HARD_DECLINES = new Set([
  'card_not_supported',
  'currency_not_supported',
  'do_not_try_again',
  'expired_card',
  'fraudulent',
  'incorrect_cvc',
  'incorrect_number',
  'invalid_account',
  'invalid_cvc',
  'invalid_expiry_month',
  'invalid_expiry_year',
  'invalid_number',
  'lost_card',
  'merchant_blacklist',
  'new_account_information_available',
  'no_action_taken',
  'not_permitted',
  'pickup_card',
  'restricted_card',
  'revocation_of_all_authorizations',
  'revocation_of_authorization',
  'security_violation',
  'service_not_allowed',
  'stolen_card',
  'stop_payment_order',
  'transaction_not_allowed',
  'payment_method_unexpected_state',
  'resource_missing',
]);

const AUTHENTICATION = new Set(['authentication_required', 'authentication_not_handled', 'payment_intent_authentication_failure']);

/**
 * Sorts a failed charge: authentication needed, a soft decline worth retrying later (insufficient
 * funds, generic or issuer-unavailable declines, processing errors), or a hard decline.
 * Stripe's advice_code wins when present: do_not_try_again / confirm_card_data are hard.
 */
export function classifyDecline(code: string | null | undefined, declineCode?: string | null, adviceCode?: string | null): DeclineKind {
  if ((code && AUTHENTICATION.has(code)) || (declineCode && AUTHENTICATION.has(declineCode))) return 'authentication_required';
  if (adviceCode === 'do_not_try_again' || adviceCode === 'confirm_card_data') return 'hard';
  if (adviceCode === 'try_again_later') return 'soft';
  if ((declineCode && HARD_DECLINES.has(declineCode)) || (code && HARD_DECLINES.has(code))) return 'hard';
  return 'soft';
}
