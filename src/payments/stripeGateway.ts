import Stripe from 'stripe';
import type { Logger } from '../logger.ts';
import {
  classifyDecline,
  toStripeMetadata,
  WebhookSignatureError,
  type CheckoutRequest,
  type CheckoutSessionCreated,
  type OffSessionChargeRequest,
  type OffSessionChargeResult,
  type PaymentGateway,
} from './gateway.ts';

export interface StripeGatewayOptions {
  secretKey: string;
  webhookSecret: string;
  /** Tests point the SDK at a local fake server; unset = api.stripe.com:443 over https. */
  host?: string | undefined;
  port?: number | undefined;
  protocol?: 'http' | 'https' | undefined;
  logger: Logger;
  /** The SDK retries network failures with the same idempotency key. Default 2. */
  maxNetworkRetries?: number;
  /** Per request. Default 30 s — well inside the scheduler's lease. */
  timeoutMs?: number;
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

/** The real Stripe, through the official SDK (API version pinned by the SDK: 2026-10-28.endive). */
export class StripeGateway implements PaymentGateway {
  readonly provider = 'stripe' as const;
  private readonly stripe: Stripe;
  private readonly webhookSecret: string;
  private readonly logger: Logger;

  constructor(options: StripeGatewayOptions) {
    this.stripe = new Stripe(options.secretKey, {
      maxNetworkRetries: options.maxNetworkRetries ?? 2,
      timeout: options.timeoutMs ?? 30_000,
      appInfo: { name: 'debt-resolution-bot' },
      ...(options.host ? { host: options.host } : {}),
      ...(options.port ? { port: options.port } : {}),
      ...(options.protocol ? { protocol: options.protocol } : {}),
    });
    this.webhookSecret = options.webhookSecret;
    this.logger = options.logger;
  }

  async createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSessionCreated> {
    let customerId = request.customerId;
    if (request.saveCardForOffSession && !customerId) {
      // One customer per plan: the key makes concurrent opens of the link agree on it.
      const customer = await this.stripe.customers.create(
        { metadata: toStripeMetadata({ source: 'checkout', accountId: request.accountId, planId: request.planId }) },
        { idempotencyKey: `customer:account:${request.accountId}:plan:${request.planId ?? 'none'}` },
      );
      customerId = customer.id;
    }
    const metadata = toStripeMetadata({
      source: 'checkout',
      accountId: request.accountId,
      planId: request.planId,
      installmentId: request.installmentId,
      payLinkId: request.payLinkId,
      purpose: request.purpose,
      saveCard: request.saveCardForOffSession ? 'true' : null,
    });
    // No payment_method_types: this API version rejects it; the Dashboard's payment methods apply.
    const session = await this.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: { currency: request.currency.toLowerCase(), unit_amount: request.amount, product_data: { name: request.description } },
        },
      ],
      success_url: request.successUrl,
      cancel_url: request.cancelUrl,
      client_reference_id: request.payLinkId,
      locale: request.locale,
      submit_type: 'pay',
      metadata,
      ...(customerId ? { customer: customerId } : {}),
      payment_intent_data: {
        description: request.description,
        metadata,
        ...(request.saveCardForOffSession ? { setup_future_usage: 'off_session' as const } : {}),
      },
    });
    if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`);
    return { id: session.id, url: session.url, customerId };
  }

  async chargeOffSession(request: OffSessionChargeRequest): Promise<OffSessionChargeResult> {
    let intent: Stripe.PaymentIntent;
    try {
      intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amount,
          currency: request.currency.toLowerCase(),
          customer: request.customerId,
          payment_method: request.paymentMethodId,
          off_session: true,
          confirm: true,
          // The debtor is not present: nothing that needs a redirect can complete.
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          description: request.description,
          metadata: toStripeMetadata(request.metadata),
        },
        { idempotencyKey: request.idempotencyKey },
      );
    } catch (error) {
      return this.failure(error, request.idempotencyKey);
    }
    return this.fromIntent(intent);
  }

  private fromIntent(intent: Stripe.PaymentIntent): OffSessionChargeResult {
    switch (intent.status) {
      case 'succeeded':
        return { outcome: 'succeeded', paymentIntentId: intent.id, amount: intent.amount_received || intent.amount, currency: intent.currency.toUpperCase() };
      case 'processing':
        return { outcome: 'processing', paymentIntentId: intent.id };
      case 'requires_action':
        return { outcome: 'authentication_required', paymentIntentId: intent.id, code: 'authentication_required' };
      default: {
        const error = intent.last_payment_error;
        const kind = classifyDecline(error?.code, error?.decline_code, error?.advice_code);
        if (kind === 'authentication_required') return { outcome: 'authentication_required', paymentIntentId: intent.id, code: error?.code ?? 'authentication_required' };
        return { outcome: 'declined', retryable: kind === 'soft' && intent.status === 'requires_payment_method', paymentIntentId: intent.id, code: error?.decline_code ?? error?.code ?? intent.status };
      }
    }
  }

  private failure(error: unknown, idempotencyKey: string): OffSessionChargeResult {
    if (error instanceof Stripe.errors.StripeCardError) {
      const paymentIntentId = error.payment_intent?.id ?? null;
      const kind = classifyDecline(error.code, error.decline_code, error.advice_code);
      if (kind === 'authentication_required') return { outcome: 'authentication_required', paymentIntentId, code: error.code ?? 'authentication_required' };
      return { outcome: 'declined', retryable: kind === 'soft', paymentIntentId, code: error.decline_code || error.code || 'card_declined' };
    }
    if (error instanceof Stripe.errors.StripeIdempotencyError) {
      // The key was first used with other parameters (e.g. the card changed after a crash): whether
      // that first request charged is unknown, so keep the key — its webhook settles it, and Stripe
      // forgets keys after 24 hours.
      this.logger.error({ err: { type: error.type, message: error.message }, idempotencyKey }, 'idempotency key reused with different parameters');
      return { outcome: 'unknown', error: error.message };
    }
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      // The saved card or customer is gone, or the request is not acceptable: the debtor needs a new card.
      this.logger.error({ err: { type: error.type, code: error.code, message: error.message }, idempotencyKey }, 'off-session charge rejected by Stripe');
      return { outcome: 'declined', retryable: false, paymentIntentId: error.payment_intent?.id ?? null, code: error.code ?? error.type };
    }
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn({ err: { message }, idempotencyKey }, 'off-session charge got no answer; it will be retried with the same idempotency key');
    return { outcome: 'unknown', error: message };
  }

  async savedPaymentMethod(paymentIntentId: string): Promise<{ customerId: string | null; paymentMethodId: string | null } | null> {
    const intent = await this.stripe.paymentIntents.retrieve(paymentIntentId);
    return { customerId: idOf(intent.customer), paymentMethodId: idOf(intent.payment_method) };
  }

  async refund(paymentIntentId: string, idempotencyKey: string): Promise<void> {
    try {
      await this.stripe.refunds.create({ payment_intent: paymentIntentId, reason: 'duplicate' }, { idempotencyKey });
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'charge_already_refunded') return;
      throw error;
    }
  }

  constructEvent(rawBody: string | Buffer, signatureHeader: string | undefined): Stripe.Event {
    if (!signatureHeader) throw new WebhookSignatureError('missing Stripe-Signature header');
    try {
      return Stripe.webhooks.constructEvent(rawBody, signatureHeader, this.webhookSecret);
    } catch (error) {
      throw new WebhookSignatureError(error instanceof Error ? error.message : 'invalid signature');
    }
  }
}
