import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { PAYMENT_CATALOGUES } from '../../src/messages/payments.ts';
import { startFakeStripe, type FakeStripe } from '../fakes/fakeStripe.ts';
import { startPaymentsTestApp, type PaymentsTestApp } from '../helpers/paymentsApp.ts';
import { createPlan, DAY, payLinkFor } from './fixtures.ts';

let fake: FakeStripe;
let running: PaymentsTestApp;
let db: Db;

beforeAll(async () => {
  fake = await startFakeStripe();
  running = await startPaymentsTestApp({ ...fake.env, PUBLIC_URL: 'https://chat.example.test' });
  db = running.db;
});
afterAll(async () => {
  await running.stop();
  await fake.close();
});

const get = (path: string) => fetch(`${running.baseUrl}${path}`, { redirect: 'manual' });
const sessionCreates = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');

async function deliver(type: string, object: Record<string, unknown>) {
  const { payload } = fake.event(type, object);
  const res = await fetch(`${running.baseUrl}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': fake.sign(payload) },
    body: payload,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { outcome: string }).outcome;
}

function expectPageHeaders(res: Response) {
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
}

describe('GET /pay/<token>', () => {
  it('an unknown, malformed or expired link is a 404 page asking for a new link in the chat (English and Spanish)', async () => {
    const f = await createPlan(db);
    const expired = await payLinkFor(db, f, { now: new Date(Date.now() - 8 * DAY) });
    for (const path of ['/pay/AAAAAAAAAAAAAAAAAAAAAA', '/pay/short', `/pay/${'x'.repeat(150)}`, '/pay/a/b/c', `/pay/${expired.token}`]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expectPageHeaders(res);
      const html = await res.text();
      expect(html).toContain('Please ask in the chat, or reply to our text message, for a new link.');
      expect(html).toContain('Pida un enlace nuevo en el chat');
    }
    expect(sessionCreates()).toHaveLength(0);
  });

  it('opens a fresh Checkout Session for exactly the link amount each time and redirects to it (302)', async () => {
    const f = await createPlan(db);
    const { token, payLinkId } = await payLinkFor(db, f, { seq: 1 });
    const first = await get(`/pay/${token}`);
    expect(first.status).toBe(302);
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    const second = await get(`/pay/${token}`);
    const [a, b] = [first.headers.get('location')!, second.headers.get('location')!];
    expect(a).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    expect(b).not.toBe(a);

    const link = await db.payLink.findUniqueOrThrow({ where: { id: payLinkId } });
    expect(link.checkoutUrl).toBe(b);
    expect(link.checkoutSessionId).toBe(b.split('/').pop());
    const creates = sessionCreates().filter((r) => r.body.metadata?.payLinkId === payLinkId);
    expect(creates).toHaveLength(2);
    expect(creates[0]!.body).toMatchObject({
      mode: 'payment',
      client_reference_id: payLinkId,
      // Stripe fills in the session id: the receipt page shows what was paid.
      success_url: 'https://chat.example.test/pay-status/complete?lang=en&session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://chat.example.test/pay-status/cancelled?lang=en',
      metadata: { payLinkId, accountId: f.account.id, planId: f.plan.id, installmentId: f.installments[0]!.id, purpose: 'down_payment', saveCard: 'true' },
      payment_intent_data: { setup_future_usage: 'off_session' },
    });
    // One customer for the plan, stored on it and reused by the second session.
    const plan = await db.plan.findUniqueOrThrow({ where: { id: f.plan.id } });
    expect(plan.gatewayCustomerId).toMatch(/^cus_/);
    expect(creates.map((c) => c.body.customer)).toEqual([plan.gatewayCustomerId, plan.gatewayCustomerId]);
  });

  it('a double-opened link pays once: the first completed session applies, the second is refunded', async () => {
    const f = await createPlan(db, { balance: 120_000 });
    const { token } = await payLinkFor(db, f, { seq: 1 });
    const one = (await get(`/pay/${token}`)).headers.get('location')!.split('/').pop()!;
    const two = (await get(`/pay/${token}`)).headers.get('location')!.split('/').pop()!;
    const paidOne = fake.completeSession(one);
    const paidTwo = fake.completeSession(two);
    expect(await deliver('checkout.session.completed', paidOne.session)).toBe('applied');
    expect(await deliver('checkout.session.completed', paidTwo.session)).toBe('applied');
    expect(await deliver('payment_intent.succeeded', paidTwo.paymentIntent)).toBe('applied');

    const account = await db.account.findUniqueOrThrow({ where: { id: f.account.id } });
    expect(account.balance).toBe(90_000);
    const payments = await db.payment.findMany({ where: { accountId: f.account.id }, orderBy: { createdAt: 'asc' } });
    expect(payments.map((p) => [p.providerRef, p.status])).toEqual([
      [paidOne.paymentIntent.id, 'succeeded'],
      [paidTwo.paymentIntent.id, 'refund_due'],
    ]);
    // The scheduler refunds the duplicate (once) and tells the debtor.
    const result = await running.scheduler().runOnce(new Date('2026-11-24T12:00:00Z'));
    expect(result.refunded).toBe(1);
    expect((await running.scheduler().runOnce(new Date('2026-11-24T12:00:00Z'))).refunded).toBe(0);
    expect([...fake.refunds.values()].filter((r) => r.payment_intent === paidTwo.paymentIntent.id)).toHaveLength(1);
    expect((await db.payment.findFirstOrThrow({ where: { providerRef: paidTwo.paymentIntent.id } })).status).toBe('refunded');
    const messages = await db.outboxMessage.findMany({ where: { accountId: f.account.id }, orderBy: { createdAt: 'asc' } });
    expect(messages.map((m) => m.kind)).toEqual(['receipt', 'receipt']);
    expect(messages[1]!.body).toContain('we have refunded the second one');

    // Opening the link again now shows "already paid" and creates nothing.
    const before = sessionCreates().length;
    const again = await get(`/pay/${token}`);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('We have already received this payment.');
    expect(sessionCreates().length).toBe(before);
  });

  it('DESIGN 11: no charge without a recorded yes — a plan without authorization gets no checkout', async () => {
    const f = await createPlan(db, { authorized: false });
    const { token } = await payLinkFor(db, f, { seq: 1 });
    const before = sessionCreates().length;
    const res = await get(`/pay/${token}`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('We do not have your agreement to these payment terms on record');
    expect(sessionCreates().length).toBe(before);
  });

  it('a cancelled plan, a changed balance and an update-card link get no checkout either', async () => {
    const before = sessionCreates().length;
    const cancelled = await createPlan(db, { status: 'cancelled' });
    expect((await get(`/pay/${(await payLinkFor(db, cancelled, { seq: 1 })).token}`)).status).toBe(410);
    const lower = await createPlan(db, { balance: 10_000 });
    const res = await get(`/pay/${(await payLinkFor(db, lower, { seq: 1 })).token}`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('The balance on this account has changed');
    const card = await createPlan(db);
    expect((await get(`/pay/${(await payLinkFor(db, card, { purpose: 'update_card', seq: null, amount: 100 })).token}`)).status).toBe(404);
    expect(sessionCreates().length).toBe(before);
  });

  it('DESIGN 10: no fees — the session is one line item for exactly the agreed amount, in the debtor’s language', async () => {
    const f = await createPlan(db, { kind: 'full', amounts: [108_500], balance: 108_500, language: 'es' });
    const { token, payLinkId } = await payLinkFor(db, f, { purpose: 'full' });
    const res = await get(`/pay/${token}`);
    expect(res.status).toBe(302);
    const create = sessionCreates().find((r) => r.body.metadata?.payLinkId === payLinkId)!;
    expect(create.body.line_items).toHaveLength(1);
    expect(create.body.line_items[0]).toMatchObject({ quantity: '1', price_data: { unit_amount: '108500', currency: 'usd' } });
    expect(create.body.line_items[0].price_data.product_data.name).toMatch(/^Summit Recovery Services: pago total, cuenta/);
    expect(create.body.locale).toBe('es');
    expect(create.body).not.toHaveProperty('payment_intent_data.setup_future_usage');
    expect(fake.sessions.get(res.headers.get('location')!.split('/').pop()!)!.amount_total).toBe(108_500);
    for (const text of Object.values(PAYMENT_CATALOGUES)) {
      expect(JSON.stringify(text)).not.toMatch(/\bfees?\b|surcharge|convenience|cargo por servicio|comisi[oó]n|recargo/i);
    }
  });

  it('the return pages after checkout say what happened, without pressure', async () => {
    const done = await get('/pay-status/complete?lang=es');
    expect(done.status).toBe(200);
    expectPageHeaders(done);
    expect(await done.text()).toContain('Su pago fue enviado.');
    const cancelled = await (await get('/pay-status/cancelled')).text();
    expect(cancelled).toContain('nothing was charged');
  });
});
