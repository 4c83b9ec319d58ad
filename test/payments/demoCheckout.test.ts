import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import { createLogger } from '../../src/logger.ts';
import { createPaymentGateway, DemoGateway, StripeGateway } from '../../src/payments/index.ts';
import { startPaymentsTestApp, type PaymentsTestApp } from '../helpers/paymentsApp.ts';
import { createPlan, DAY, payLinkFor, type PlanFixture } from './fixtures.ts';
import { isCheckoutSessionId } from '../../src/payments/receiptPage.ts';

let running: PaymentsTestApp;
let db: Db;

beforeAll(async () => {
  running = await startPaymentsTestApp(); // no STRIPE_SECRET_KEY: the embedded demo checkout
  db = running.db;
});
afterAll(async () => {
  await running.stop();
});

const get = (path: string) => fetch(`${running.baseUrl}${path}`, { redirect: 'manual' });
const post = (path: string, action: string) =>
  fetch(`${running.baseUrl}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ action }).toString() });

/** Opens the pay link: 302 to our own demo checkout page. Returns its path. */
async function openDemo(token: string): Promise<string> {
  const res = await get(`/pay/${token}`);
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(location.origin).toBe(running.baseUrl);
  expect(location.pathname).toMatch(/^\/demo-checkout\/cs_demo_[A-Za-z0-9_-]+$/);
  return location.pathname;
}

const state = async (f: PlanFixture) => ({
  account: await db.account.findUniqueOrThrow({ where: { id: f.account.id } }),
  plan: await db.plan.findUniqueOrThrow({ where: { id: f.plan.id } }),
  payments: await db.payment.findMany({ where: { accountId: f.account.id }, orderBy: { createdAt: 'asc' } }),
  outbox: await db.outboxMessage.findMany({ where: { accountId: f.account.id }, orderBy: { createdAt: 'asc' } }),
});

describe('the embedded demo checkout (no STRIPE_SECRET_KEY)', () => {
  it('end to end: /pay/<token> → 302 to /demo-checkout → Pay → signed events through /webhooks/stripe → payment and receipt; later installments charged by the scheduler', async () => {
    expect(running.gateway).toBeInstanceOf(DemoGateway);
    const now = new Date();
    const f = await createPlan(db, { balance: 120_000, firstDue: new Date(now.getTime() - DAY) });
    const { token } = await payLinkFor(db, f, { seq: 1 });
    const page = await openDemo(token);

    const shown = await get(page);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-security-policy')).toContain("form-action 'self'");
    const html = await shown.text();
    expect(html).toContain('DEMO — this is not a real payment page. No real money is taken');
    expect(html).toContain('$300.00');
    for (const action of ['pay', 'decline', 'authenticate']) expect(html).toContain(`name="action" value="${action}"`);

    const paid = await post(page, 'pay');
    expect(paid.status).toBe(303);
    const sessionId = page.split('/').pop()!;
    expect(paid.headers.get('location')).toBe(`${running.baseUrl}/pay-status/complete?lang=en&session_id=${sessionId}`);
    // Issue #16 item 4: the page the debtor lands on is the receipt.
    const receipt = await (await get(new URL(paid.headers.get('location')!).pathname + new URL(paid.headers.get('location')!).search)).text();
    expect(receipt).toContain('<h1>Payment receipt</h1>');
    expect(receipt).toMatch(/<dt>Amount paid<\/dt><dd>\$300\.00<\/dd>/);
    expect(receipt).toMatch(/<dt>Remaining balance<\/dt><dd>\$900\.00<\/dd>/);
    expect(receipt).toMatch(/<dt>Next scheduled payment<\/dt><dd>\$300\.00 · /);
    expect(receipt).toMatch(/<dt>Date<\/dt><dd>\w+ \d+, \d{4}<\/dd>/);

    let s = await state(f);
    expect(s.payments).toEqual([expect.objectContaining({ provider: 'demo', status: 'succeeded', amount: 30_000, installmentId: f.installments[0]!.id })]);
    expect(s.account.balance).toBe(90_000);
    expect(s.plan).toMatchObject({ status: 'active', gatewayPaymentMethodId: 'pm_demo_card', gatewayCustomerId: expect.stringMatching(/^cus_demo_/) });
    // A receipt for the debtor's own payment is a reply: sent at once, whatever the hour.
    expect(s.outbox).toEqual([expect.objectContaining({ kind: 'receipt', channel: 'web', to: f.externalId, botInitiated: false })]);
    expect(await db.processedEvent.count({ where: { id: { startsWith: 'stripe:evt_demo_' } } })).toBe(2);

    // A second submit, and the link itself, no longer pay.
    expect(await (await post(page, 'pay')).text()).toContain('This demo checkout is complete');
    expect(await (await get(`/pay/${token}`)).text()).toContain('We have already received this payment.');

    // Installment 2 falls due: the scheduler charges the saved demo card off-session.
    await running.scheduler().runOnce(new Date(now.getTime() + 30 * DAY));
    s = await state(f);
    expect(s.payments.map((p) => [p.provider, p.status, p.amount])).toEqual([
      ['demo', 'succeeded', 30_000],
      ['demo', 'succeeded', 30_000],
    ]);
    expect(s.account.balance).toBe(60_000);
    expect(s.outbox.filter((m) => m.kind === 'receipt')).toHaveLength(2);
    // A scheduled charge's receipt is a message we start (quiet hours, the footer).
    expect(s.outbox.filter((m) => m.kind === 'receipt').map((m) => m.botInitiated)).toEqual([false, true]);
  });

  it('Decline takes nothing and lets the debtor try again', async () => {
    const f = await createPlan(db, { kind: 'full', amounts: [40_000], balance: 40_000 });
    const page = await openDemo((await payLinkFor(db, f, { purpose: 'full' })).token);
    const declined = await post(page, 'decline');
    expect(declined.status).toBe(200);
    expect(await declined.text()).toContain('The card was declined (demo)');
    expect((await state(f)).payments).toEqual([]);
    expect((await post(page, 'pay')).status).toBe(303);
    const s = await state(f);
    expect(s.payments).toHaveLength(1);
    expect(s.account.balance).toBe(0);
    expect(s.plan.status).toBe('completed');
    expect(s.plan.gatewayPaymentMethodId).toBeNull(); // a one-off payment saves no card
  });

  it('"Requires authentication": confirming pays, and that card asks again later, so the scheduler sends a link instead of charging', async () => {
    const now = new Date();
    const f = await createPlan(db, { firstDue: new Date(now.getTime() - DAY) });
    const page = await openDemo((await payLinkFor(db, f, { seq: 1 })).token);
    const step = await post(page, 'authenticate');
    expect(await step.text()).toContain('Your bank asks you to confirm this payment (demo)');
    expect(await (await post(page, 'auth_cancel')).text()).toContain('The payment was not confirmed (demo)');
    expect((await state(f)).payments).toEqual([]);
    expect((await post(page, 'auth_confirm')).status).toBe(303);
    expect((await state(f)).plan.gatewayPaymentMethodId).toBe('pm_demo_card_authentication');

    await running.scheduler().runOnce(new Date(now.getTime() + 30 * DAY));
    const s = await state(f);
    const notice = s.outbox.find((m) => m.kind === 'payment_failed')!;
    expect(notice.body).toContain('your bank asked you to confirm it first, so no money was taken');
    const token = new RegExp(`${running.baseUrl}/pay/([A-Za-z0-9_-]{22})`).exec(notice.body)![1]!;
    expect((await post(await openDemo(token), 'pay')).status).toBe(303);
    expect((await db.installment.findFirstOrThrow({ where: { planId: f.plan.id, seq: 2 } })).status).toBe('paid');
  });

  it('an unknown demo session says so (in both languages), and Spanish debtors see a Spanish page', async () => {
    const unknown = await get('/demo-checkout/cs_demo_nope');
    expect(unknown.status).toBe(404);
    const text = await unknown.text();
    expect(text).toContain('Open your payment link again');
    expect(text).toContain('Abra su enlace de pago otra vez');
    const f = await createPlan(db, { language: 'es' });
    const html = await (await get(await openDemo((await payLinkFor(db, f, { seq: 1 })).token))).text();
    expect(html).toContain('DEMOSTRACIÓN — esta no es una página de pago real');
    expect(html).toContain('Pagar (demostración)');
  });

  it('events not signed with the demo secret are rejected', async () => {
    const payload = JSON.stringify({ id: 'evt_forged', object: 'event', type: 'payment_intent.succeeded', data: { object: {} } });
    const res = await fetch(`${running.baseUrl}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' }, body: payload });
    expect(res.status).toBe(400);
  });
});

describe('createPaymentGateway', () => {
  // Choosing the gateway reads nothing from the database.
  const db = {} as Db;
  const logger = createLogger('silent');
  const publicBaseUrl = () => 'http://127.0.0.1:3978';

  it('uses Stripe with a key, the demo without one', () => {
    const stripe = createPaymentGateway(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' }), { db, logger, publicBaseUrl });
    expect(stripe).toBeInstanceOf(StripeGateway);
    expect(createPaymentGateway(loadConfig({}), { db, logger, publicBaseUrl })).toBeInstanceOf(DemoGateway);
  });

  it('refuses a key without its webhook secret, and the demo in production', () => {
    expect(() => createPaymentGateway(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_x' }), { db, logger, publicBaseUrl })).toThrow(
      new ConfigError(
        'Configuration error: STRIPE_WEBHOOK_SECRET is missing — expected the signing secret (whsec_…) of the Stripe webhook endpoint for /webhooks/stripe (required with STRIPE_SECRET_KEY)',
      ),
    );
    const production = loadConfig({ NODE_ENV: 'production', IDENTITY_HASH_KEY: 'k'.repeat(40), DIRECTLINE_SECRET: 'd'.repeat(40) });
    expect(() => createPaymentGateway(production, { db, logger, publicBaseUrl })).toThrow(/STRIPE_SECRET_KEY is missing/);
  });

  it('validates the Stripe connection settings', () => {
    expect(loadConfig({ STRIPE_HOST: '127.0.0.1', STRIPE_PORT: '12111', STRIPE_PROTOCOL: 'http' })).toMatchObject({ STRIPE_HOST: '127.0.0.1', STRIPE_PORT: 12111, STRIPE_PROTOCOL: 'http' });
    expect(() => loadConfig({ STRIPE_PORT: 'abc' })).toThrow(/STRIPE_PORT is invalid — expected a port number/);
    expect(() => loadConfig({ STRIPE_PROTOCOL: 'ftp' })).toThrow(/STRIPE_PROTOCOL is invalid — expected https or http/);
    expect(loadConfig({ STRIPE_PORT: '', STRIPE_PROTOCOL: '' })).toMatchObject({ STRIPE_PORT: undefined, STRIPE_PROTOCOL: undefined });
  });
});

describe('the receipt page finds the payment by its Checkout Session id', () => {
  it("reads the demo checkout's base64url ids (with '-' and '_') as well as Stripe's, and nothing else", () => {
    // A demo id with "-" showed the generic "submitted" page instead of the receipt (one run in five).
    for (const id of ['cs_demo_EcBeMhBuK4-I7W6a', 'cs_demo_a_b-c_d-e_f', 'cs_test_a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ']) expect(isCheckoutSessionId(id), id).toBe(true);
    for (const id of ['', 'cs_', 'pi_demo_abcdefgh', 'cs_demo_../../etc', 'cs_demo_abc def', `cs_${'a'.repeat(201)}`]) expect(isCheckoutSessionId(id), id).toBe(false);
  });
});
