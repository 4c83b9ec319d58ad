/**
 * The embedded default gateway when no STRIPE_SECRET_KEY is set: a local demo checkout page
 * (/demo-checkout/:id, clearly labelled DEMO — no real money) stands in for Stripe's hosted page.
 * Its buttons produce the events Stripe would send — Stripe-shaped JSON, signed with the demo
 * webhook secret by the real SDK's generateTestHeaderString — which the page's handler POSTs to
 * our own /webhooks/stripe, so exactly the same webhook code path runs as with Stripe.
 *
 * Demo cards: "Pay" saves pm_demo_card (later off-session charges succeed); "requires
 * authentication" (after confirming) saves pm_demo_card_authentication, which asks for
 * authentication again on every off-session charge, like Stripe's test card 4000 0027 6000 3184.
 *
 * Open checkout sessions (24 hours) and payment intents live in the database, so any instance can
 * serve the page, take the payment and later charge the saved card; the webhook secret (unless
 * STRIPE_WEBHOOK_SECRET is set) is one random secret per database, shared by every instance.
 * Off-session PaymentIntent ids are derived from the idempotency key, so the same key gives the
 * same PaymentIntent even across restarts.
 */
import { createHash, randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { Db } from '../db/database.ts';
import { sharedSecret } from '../db/sharedSecrets.ts';
import {
  toStripeMetadata,
  WebhookSignatureError,
  type CheckoutRequest,
  type CheckoutSessionCreated,
  type OffSessionChargeRequest,
  type OffSessionChargeResult,
  type PaymentGateway,
} from './gateway.ts';

export const DEMO_CARD = 'pm_demo_card';
export const DEMO_CARD_AUTHENTICATION = 'pm_demo_card_authentication';

const SESSION_TTL_MS = 24 * 60 * 60_000;

export type DemoOutcome = 'paid' | 'paid_after_authentication' | 'declined' | 'authentication_failed';

export interface DemoSession {
  id: string;
  url: string;
  amount: number;
  currency: string;
  description: string;
  metadata: Record<string, string>;
  customerId: string | null;
  saveCard: boolean;
  successUrl: string;
  cancelUrl: string;
  locale: 'en' | 'es';
  status: 'open' | 'complete';
  /** One PaymentIntent per session, reused across attempts, like Stripe Checkout. */
  paymentIntentId: string;
  createdAt: number;
}

export interface SignedDemoEvent {
  type: string;
  /** The exact JSON body to POST. */
  payload: string;
  /** The Stripe-Signature header for it. */
  signature: string;
}

interface DemoIntent {
  id: string;
  amount: number;
  currency: string;
  customer: string | null;
  paymentMethod: string | null;
  metadata: Record<string, string>;
  status: 'succeeded' | 'requires_payment_method';
  refunded: boolean;
}

const randomId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;
/**
 * The shape of the ids made here. An id from a URL is checked before it reaches the database:
 * PostgreSQL refuses text with a NUL byte (an error, not "not found"), and nothing else could match.
 */
const isDemoId = (id: string) => /^(?:cs|pi)_demo_[A-Za-z0-9_-]{1,64}$/.test(id);

export interface DemoGatewayOptions {
  /** Where sessions, intents and the shared webhook secret are kept. */
  db: Db;
  /** STRIPE_WEBHOOK_SECRET when set; otherwise a random secret shared by the instances on `db`. */
  webhookSecret?: string | undefined;
  publicBaseUrl: () => string;
  /** Wall clock for session lifetimes; defaults to Date.now. */
  clock?: () => number;
}

/** The name of the demo webhook secret in SharedSecret. */
export const DEMO_WEBHOOK_SECRET = 'demo-checkout-webhook';

export class DemoGateway implements PaymentGateway {
  readonly provider = 'demo' as const;
  private readonly db: Db;
  private readonly publicBaseUrl: () => string;
  private readonly clock: () => number;
  private secret: Promise<string> | undefined;

  constructor(private readonly options: DemoGatewayOptions) {
    this.db = options.db;
    this.publicBaseUrl = options.publicBaseUrl;
    this.clock = options.clock ?? Date.now;
  }

  /** The secret demo events are signed with (and checked against). */
  webhookSecret(): Promise<string> {
    this.secret ??= this.options.webhookSecret
      ? Promise.resolve(this.options.webhookSecret)
      : sharedSecret(this.db, DEMO_WEBHOOK_SECRET, () => `whsec_demo_${randomBytes(24).toString('base64url')}`);
    return this.secret;
  }

  async createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSessionCreated> {
    await this.forgetOldSessions();
    const id = randomId('cs_demo');
    const customerId = request.saveCardForOffSession ? (request.customerId ?? randomId('cus_demo')) : null;
    const session: DemoSession = {
      id,
      url: `${this.publicBaseUrl()}/demo-checkout/${id}`,
      amount: request.amount,
      currency: request.currency.toLowerCase(),
      description: request.description,
      metadata: toStripeMetadata({
        source: 'checkout',
        accountId: request.accountId,
        planId: request.planId,
        installmentId: request.installmentId,
        payLinkId: request.payLinkId,
        purpose: request.purpose,
        saveCard: request.saveCardForOffSession ? 'true' : null,
      }),
      customerId,
      saveCard: request.saveCardForOffSession,
      successUrl: request.successUrl,
      cancelUrl: request.cancelUrl,
      locale: request.locale,
      status: 'open',
      paymentIntentId: randomId('pi_demo'),
      createdAt: this.clock(),
    };
    const { status: _status, ...stored } = session;
    await this.db.demoCheckoutSession.create({ data: { id, json: JSON.stringify(stored), status: 'open', createdAt: new Date(session.createdAt) } });
    return { id, url: session.url, customerId };
  }

  async session(id: string): Promise<DemoSession | undefined> {
    if (!isDemoId(id)) return undefined;
    const row = await this.db.demoCheckoutSession.findUnique({ where: { id } });
    if (!row) return undefined;
    const session = { ...(JSON.parse(row.json) as Omit<DemoSession, 'status'>), status: row.status as DemoSession['status'] };
    if (this.clock() - session.createdAt > SESSION_TTL_MS) return undefined;
    return session;
  }

  /**
   * What a button on the demo page does: the events Stripe would send for it, signed. Paying
   * completes the session — once, whichever instance the submits reach (a second submit gets
   * null); a decline or a failed authentication leaves it open for another try.
   */
  async complete(id: string, outcome: DemoOutcome): Promise<SignedDemoEvent[] | null> {
    const session = await this.session(id);
    if (!session || session.status !== 'open') return null;
    const paid = outcome === 'paid' || outcome === 'paid_after_authentication';
    const paymentMethod = outcome === 'paid_after_authentication' || outcome === 'authentication_failed' ? DEMO_CARD_AUTHENTICATION : DEMO_CARD;
    const intent: DemoIntent = {
      id: session.paymentIntentId,
      amount: session.amount,
      currency: session.currency,
      customer: session.customerId,
      paymentMethod,
      metadata: session.metadata,
      status: paid ? 'succeeded' : 'requires_payment_method',
      refunded: false,
    };
    await this.saveIntent(intent);
    if (!paid) {
      const error: Record<string, string> =
        outcome === 'declined'
          ? { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' }
          : { type: 'invalid_request_error', code: 'payment_intent_authentication_failure', message: 'The payment was not authenticated.' };
      return [await this.sign('payment_intent.payment_failed', this.intentObject(intent, error))];
    }
    const { count } = await this.db.demoCheckoutSession.updateMany({ where: { id, status: 'open' }, data: { status: 'complete' } });
    if (count === 0) return null;
    return Promise.all([
      this.sign('payment_intent.succeeded', this.intentObject(intent, null)),
      this.sign('checkout.session.completed', {
        id: session.id,
        object: 'checkout.session',
        mode: 'payment',
        status: 'complete',
        payment_status: 'paid',
        amount_subtotal: session.amount,
        amount_total: session.amount,
        currency: session.currency,
        customer: session.customerId,
        payment_intent: session.paymentIntentId,
        client_reference_id: session.metadata['payLinkId'] ?? null,
        metadata: session.metadata,
        success_url: session.successUrl,
        cancel_url: session.cancelUrl,
        url: null,
        livemode: false,
        created: Math.floor(session.createdAt / 1000),
      }),
    ]);
  }

  /** Opens a session again after its events could not be delivered, so the debtor can retry. */
  async reopen(id: string): Promise<void> {
    await this.db.demoCheckoutSession.updateMany({ where: { id }, data: { status: 'open' } });
  }

  async chargeOffSession(request: OffSessionChargeRequest): Promise<OffSessionChargeResult> {
    const id = `pi_demo_${createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 24)}`;
    const known = request.paymentMethodId === DEMO_CARD || request.paymentMethodId === DEMO_CARD_AUTHENTICATION;
    const succeeded = request.paymentMethodId === DEMO_CARD;
    await this.saveIntent({
      id,
      amount: request.amount,
      currency: request.currency.toLowerCase(),
      customer: request.customerId,
      paymentMethod: request.paymentMethodId,
      metadata: toStripeMetadata(request.metadata),
      status: succeeded ? 'succeeded' : 'requires_payment_method',
      refunded: false,
    });
    if (succeeded) return { outcome: 'succeeded', paymentIntentId: id, amount: request.amount, currency: request.currency.toUpperCase() };
    if (!known) return { outcome: 'declined', retryable: false, paymentIntentId: id, code: 'resource_missing' };
    return { outcome: 'authentication_required', paymentIntentId: id, code: 'authentication_required' };
  }

  async savedPaymentMethod(paymentIntentId: string): Promise<{ customerId: string | null; paymentMethodId: string | null } | null> {
    const intent = await this.intent(paymentIntentId);
    return intent ? { customerId: intent.customer, paymentMethodId: intent.paymentMethod } : null;
  }

  async refund(paymentIntentId: string): Promise<void> {
    const intent = await this.intent(paymentIntentId);
    if (intent) await this.saveIntent({ ...intent, refunded: true });
  }

  async constructEvent(rawBody: string | Buffer, signatureHeader: string | undefined): Promise<Stripe.Event> {
    if (!signatureHeader) throw new WebhookSignatureError('missing Stripe-Signature header');
    const secret = await this.webhookSecret();
    try {
      return Stripe.webhooks.constructEvent(rawBody, signatureHeader, secret);
    } catch (error) {
      throw new WebhookSignatureError(error instanceof Error ? error.message : 'invalid signature');
    }
  }

  private intentObject(intent: DemoIntent, error: Record<string, string> | null): Record<string, unknown> {
    return {
      id: intent.id,
      object: 'payment_intent',
      amount: intent.amount,
      amount_received: intent.status === 'succeeded' ? intent.amount : 0,
      currency: intent.currency,
      customer: intent.customer,
      payment_method: intent.paymentMethod,
      status: intent.status,
      metadata: intent.metadata,
      last_payment_error: error,
      livemode: false,
    };
  }

  private async intent(id: string): Promise<DemoIntent | null> {
    if (!isDemoId(id)) return null;
    const row = await this.db.demoPaymentIntent.findUnique({ where: { id } });
    return row ? (JSON.parse(row.json) as DemoIntent) : null;
  }

  private async saveIntent(intent: DemoIntent): Promise<void> {
    const json = JSON.stringify(intent);
    await this.db.demoPaymentIntent.upsert({ where: { id: intent.id }, create: { id: intent.id, json }, update: { json } });
  }

  private async sign(type: string, object: Record<string, unknown>): Promise<SignedDemoEvent> {
    const payload = JSON.stringify({
      id: randomId('evt_demo'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(this.clock() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object },
    });
    return { type, payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: await this.webhookSecret() }) };
  }

  private async forgetOldSessions(): Promise<void> {
    await this.db.demoCheckoutSession.deleteMany({ where: { createdAt: { lt: new Date(this.clock() - SESSION_TTL_MS) } } });
  }
}
