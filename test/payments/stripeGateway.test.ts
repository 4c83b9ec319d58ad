import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { classifyDecline, WebhookSignatureError, type CheckoutRequest } from '../../src/payments/gateway.ts';
import { StripeGateway } from '../../src/payments/stripeGateway.ts';
import { startFakeStripe, type FakeStripe } from '../fakes/fakeStripe.ts';

let fake: FakeStripe;
let gateway: StripeGateway;

function gatewayFor(f: FakeStripe, options: { maxNetworkRetries?: number } = {}) {
  return new StripeGateway({
    secretKey: f.secretKey,
    webhookSecret: f.webhookSecret,
    host: '127.0.0.1',
    port: f.port,
    protocol: 'http',
    logger: createLogger('silent'),
    ...options,
  });
}

const checkout = (overrides: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  payLinkId: 'link_1',
  accountId: 'acct_1',
  planId: 'plan_1',
  installmentId: 'inst_1',
  purpose: 'down_payment',
  amount: 12_345,
  currency: 'USD',
  description: 'Summit Recovery Services: first payment of your plan, account ••••1001',
  saveCardForOffSession: true,
  customerId: null,
  successUrl: 'https://chat.example.test/pay-status/complete?lang=en',
  cancelUrl: 'https://chat.example.test/pay-status/cancelled?lang=en',
  locale: 'en',
  ...overrides,
});

const charge = (key: string, paymentMethodId = 'pm_card_visa', customerId?: string) => ({
  amount: 5_000,
  currency: 'USD',
  customerId: customerId ?? [...fake.customers.keys()][0] ?? 'missing',
  paymentMethodId,
  idempotencyKey: key,
  description: 'plan payment',
  metadata: { source: 'installment_scheduler' as const, accountId: 'acct_1', planId: 'plan_1', installmentId: 'inst_1', attempt: '1' },
});

beforeAll(async () => {
  fake = await startFakeStripe();
  gateway = gatewayFor(fake);
  await gateway.createCheckoutSession(checkout()); // creates the customer used by the charges below
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

describe('StripeGateway over the real SDK against the fake Stripe server', () => {
  it('creates a payment-mode Checkout Session for exactly the amount, saving the card off-session to a customer', async () => {
    const session = await gateway.createCheckoutSession(checkout({ payLinkId: 'link_2', planId: 'plan_2' }));
    expect(session.url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    expect(session.customerId).toMatch(/^cus_/);
    const create = fake.requests.find((r) => r.path === '/v1/checkout/sessions')!;
    expect(create.stripeVersion).toBe('2026-10-28.endive');
    expect(create.body).not.toHaveProperty('payment_method_types');
    expect(create.body.mode).toBe('payment');
    expect(create.body.line_items).toEqual([{ quantity: '1', price_data: { currency: 'usd', unit_amount: '12345', product_data: { name: checkout().description } } }]);
    expect(create.body.customer).toBe(session.customerId);
    expect(create.body.payment_intent_data.setup_future_usage).toBe('off_session');
    expect(create.body.metadata).toMatchObject({ payLinkId: 'link_2', accountId: 'acct_1', planId: 'plan_2', installmentId: 'inst_1', purpose: 'down_payment', saveCard: 'true', source: 'checkout' });
    expect(create.body.payment_intent_data.metadata).toEqual(create.body.metadata);
    const customer = fake.requests.find((r) => r.path === '/v1/customers')!;
    expect(customer.idempotencyKey).toBe('customer:account:acct_1:plan:plan_2');
  });

  it('a one-off payment saves no card and needs no customer', async () => {
    await gateway.createCheckoutSession(checkout({ purpose: 'full', installmentId: null, saveCardForOffSession: false }));
    const create = fake.requests.find((r) => r.path === '/v1/checkout/sessions')!;
    expect(create.body.payment_intent_data).not.toHaveProperty('setup_future_usage');
    expect(create.body).not.toHaveProperty('customer');
    expect(fake.requests.some((r) => r.path === '/v1/customers')).toBe(false);
  });

  it('charges off-session with confirm, off_session, customer, payment method and the idempotency key', async () => {
    const result = await gateway.chargeOffSession(charge('plan:p:inst:1:attempt:1'));
    expect(result).toMatchObject({ outcome: 'succeeded', amount: 5_000, currency: 'USD' });
    const request = fake.requests.find((r) => r.path === '/v1/payment_intents')!;
    expect(request.idempotencyKey).toBe('plan:p:inst:1:attempt:1');
    expect(request.body).toMatchObject({ confirm: 'true', off_session: 'true', payment_method: 'pm_card_visa', amount: '5000', currency: 'usd' });
    expect(request.body.customer).toMatch(/^cus_/);
    expect(request.body).not.toHaveProperty('payment_method_types');
  });

  it('the same idempotency key returns the same PaymentIntent and charges once', async () => {
    const before = fake.charges().length;
    const first = await gateway.chargeOffSession(charge('same-key-1'));
    const second = await gateway.chargeOffSession(charge('same-key-1'));
    expect(first.outcome).toBe('succeeded');
    expect(second).toEqual(first);
    expect(fake.charges().length).toBe(before + 1);
    expect(fake.requests.filter((r) => r.idempotencyKey === 'same-key-1').map((r) => r.replayed)).toEqual([false, true]);
  });

  it('sorts declines: soft (insufficient funds) is retryable, stolen card is not, authentication is its own case', async () => {
    expect(await gateway.chargeOffSession(charge('soft-1', 'pm_card_chargeDeclinedInsufficientFunds'))).toMatchObject({
      outcome: 'declined',
      retryable: true,
      code: 'insufficient_funds',
      paymentIntentId: expect.stringMatching(/^pi_/),
    });
    expect(await gateway.chargeOffSession(charge('hard-1', 'pm_card_chargeDeclinedStolenCard'))).toMatchObject({ outcome: 'declined', retryable: false, code: 'stolen_card' });
    expect(await gateway.chargeOffSession(charge('auth-1', 'pm_card_authenticationRequired'))).toMatchObject({
      outcome: 'authentication_required',
      paymentIntentId: expect.stringMatching(/^pi_/),
    });
    fake.failNext({ kind: 'card_declined', declineCode: 'lost_card' });
    expect(await gateway.chargeOffSession(charge('hard-2'))).toMatchObject({ outcome: 'declined', retryable: false, code: 'lost_card' });
  });

  it('a gateway error is "unknown" (retry with the same key), and a lost response is retried by the SDK with the same key', async () => {
    fake.failNext({ kind: 'server_error' });
    expect(await gatewayFor(fake, { maxNetworkRetries: 0 }).chargeOffSession(charge('err-1'))).toMatchObject({ outcome: 'unknown' });

    const before = fake.charges().length;
    fake.failNext({ kind: 'drop_response' });
    const result = await gateway.chargeOffSession(charge('drop-1'));
    expect(result.outcome).toBe('succeeded');
    const attempts = fake.requests.filter((r) => r.idempotencyKey === 'drop-1');
    expect(attempts.length).toBe(2);
    expect(attempts[1]!.replayed).toBe(true);
    expect(fake.charges().length).toBe(before + 1);
  });

  it('reads the card a PaymentIntent used, and refunds once', async () => {
    const paid = await gateway.chargeOffSession(charge('refund-1'));
    if (paid.outcome !== 'succeeded') throw new Error('expected a charge');
    expect(await gateway.savedPaymentMethod(paid.paymentIntentId)).toEqual({ customerId: expect.stringMatching(/^cus_/), paymentMethodId: 'pm_card_visa' });
    await gateway.refund(paid.paymentIntentId, `refund:${paid.paymentIntentId}`);
    await gateway.refund(paid.paymentIntentId, `refund:${paid.paymentIntentId}`);
    expect([...fake.refunds.values()].filter((r) => r.payment_intent === paid.paymentIntentId)).toHaveLength(1);
  });
});

describe('webhook signatures (constructEvent on the raw body)', () => {
  const payload = () => fake.event('payment_intent.succeeded', { id: 'pi_x', object: 'payment_intent' }).payload;

  it('accepts a body signed with the endpoint secret', () => {
    const body = payload();
    const event = gateway.constructEvent(body, fake.sign(body));
    expect(event.type).toBe('payment_intent.succeeded');
    expect(gateway.constructEvent(Buffer.from(body), fake.sign(body)).id).toBe(event.id);
  });

  it('rejects tampered, unsigned, wrong-secret and stale events', () => {
    const body = payload();
    expect(() => gateway.constructEvent(body.replace('pi_x', 'pi_y'), fake.sign(body))).toThrow(WebhookSignatureError);
    expect(() => gateway.constructEvent(body, undefined)).toThrow(WebhookSignatureError);
    expect(() => gateway.constructEvent(body, fake.sign(body, { secret: 'whsec_someone_else' }))).toThrow(WebhookSignatureError);
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
    expect(() => gateway.constructEvent(body, fake.sign(body, { timestamp: anHourAgo }))).toThrow(WebhookSignatureError);
    expect(Stripe.webhooks.DEFAULT_TOLERANCE).toBe(300);
  });
});

describe('classifyDecline', () => {
  it.each([
    ['card_declined', 'insufficient_funds', undefined, 'soft'],
    ['card_declined', 'generic_decline', undefined, 'soft'],
    ['card_declined', 'do_not_honor', undefined, 'soft'],
    ['processing_error', undefined, undefined, 'soft'],
    ['card_declined', 'stolen_card', undefined, 'hard'],
    ['card_declined', 'lost_card', undefined, 'hard'],
    ['expired_card', undefined, undefined, 'hard'],
    ['card_declined', 'generic_decline', 'do_not_try_again', 'hard'],
    ['card_declined', 'insufficient_funds', 'try_again_later', 'soft'],
    ['authentication_required', 'authentication_required', undefined, 'authentication_required'],
  ] as const)('%s / %s / %s → %s', (code, decline, advice, expected) => {
    expect(classifyDecline(code, decline, advice)).toBe(expected);
  });
});
