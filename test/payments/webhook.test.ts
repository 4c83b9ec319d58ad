import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { startFakeStripe, type FakeStripe } from '../fakes/fakeStripe.ts';
import { startPaymentsTestApp, type PaymentsTestApp } from '../helpers/paymentsApp.ts';
import { createPlan, failAfterHandoffQueued, payLinkFor, type PlanFixture } from './fixtures.ts';

let fake: FakeStripe;
let running: PaymentsTestApp;
let db: Db;

beforeAll(async () => {
  fake = await startFakeStripe();
  running = await startPaymentsTestApp(fake.env);
  db = running.db;
});
afterAll(async () => {
  await running.stop();
  await fake.close();
});

async function deliver(payload: string, signature: string | null = fake.sign(payload), contentType = 'application/json; charset=utf-8') {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (signature !== null) headers['stripe-signature'] = signature;
  const res = await fetch(`${running.baseUrl}/webhooks/stripe`, { method: 'POST', headers, body: payload });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Opens the pay link (a fresh Checkout Session at the fake) and returns the session id. */
async function open(token: string): Promise<string> {
  const res = await fetch(`${running.baseUrl}/pay/${token}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return res.headers.get('location')!.split('/').pop()!;
}

async function snapshot(f: PlanFixture) {
  const [account, plan, installments, payments, outbox, audits] = await Promise.all([
    db.account.findUniqueOrThrow({ where: { id: f.account.id } }),
    db.plan.findUniqueOrThrow({ where: { id: f.plan.id } }),
    db.installment.findMany({ where: { planId: f.plan.id }, orderBy: { seq: 'asc' } }),
    db.payment.findMany({ where: { accountId: f.account.id } }),
    db.outboxMessage.findMany({ where: { accountId: f.account.id }, orderBy: { createdAt: 'asc' } }),
    db.auditEvent.findMany({ where: { accountId: f.account.id, type: 'payment.recorded' } }),
  ]);
  return { account, plan, installments, payments, outbox, audits };
}

/** A down payment paid through Checkout: the session and its PaymentIntent, as Stripe would report them. */
async function paidDownPayment(f: PlanFixture) {
  const { token } = await payLinkFor(db, f, { seq: 1 });
  const sessionId = await open(token);
  return fake.completeSession(sessionId, { paymentMethod: 'pm_card_visa' });
}

describe('POST /webhooks/stripe — signature on the raw body', () => {
  it('rejects tampered, unsigned and wrong-secret events with 400 and changes nothing', async () => {
    const f = await createPlan(db);
    const { session } = await paidDownPayment(f);
    const { payload } = fake.event('checkout.session.completed', session);
    const before = await snapshot(f);

    const tampered = payload.replace(`"amount_total":${session.amount_total}`, '"amount_total":1');
    expect(tampered).not.toBe(payload);
    expect((await deliver(tampered, fake.sign(payload))).status).toBe(400);
    expect((await deliver(payload, null)).status).toBe(400);
    expect((await deliver(payload, '')).status).toBe(400);
    expect((await deliver(payload, fake.sign(payload, { secret: 'whsec_not_ours' }))).status).toBe(400);
    expect((await deliver(payload, 't=1,v1=deadbeef')).status).toBe(400);
    expect((await deliver('{not json', fake.sign('{not json'))).status).toBe(400);

    expect(await snapshot(f)).toEqual(before);
    expect(await db.processedEvent.count()).toBe(0);
  });

  it('verifies the exact bytes, including non-ASCII text and bodies restify does not parse as JSON', async () => {
    const object = { id: 'pi_unrelated', object: 'payment_intent', amount: 100, currency: 'usd', description: 'Pago de Carlos Ramírez — cuota nº 2 · €', metadata: {} };
    const { payload } = fake.event('payment_intent.created', object);
    expect(await deliver(payload)).toEqual({ status: 200, body: { received: true, outcome: 'ignored' } });
    const other = fake.event('payment_intent.created', object).payload;
    expect((await deliver(other, fake.sign(other), 'application/octet-stream')).status).toBe(200);
    const text = fake.event('payment_intent.created', object).payload;
    expect((await deliver(text, fake.sign(text), 'text/plain')).status).toBe(200);
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    expect((await deliver(pretty, fake.sign(text))).status).toBe(400); // same JSON, other bytes
  });
});

describe('POST /webhooks/stripe — effects, exactly once', () => {
  it('checkout.session.completed (paid) records the payment: balance, installment paid, plan active with the saved card, receipt, audit', async () => {
    const f = await createPlan(db, { balance: 120_000 });
    const { session, paymentIntent } = await paidDownPayment(f);
    const { payload } = fake.event('checkout.session.completed', session);
    expect(await deliver(payload)).toEqual({ status: 200, body: { received: true, outcome: 'applied' } });

    const s = await snapshot(f);
    expect(s.account.balance).toBe(90_000);
    expect(s.account.paymentsSinceItemization).toBe(30_000);
    expect(s.installments.map((i) => i.status)).toEqual(['paid', 'scheduled', 'scheduled', 'scheduled']);
    expect(s.plan.status).toBe('active');
    expect(s.plan.gatewayCustomerId).toBe(session.customer);
    expect(s.plan.gatewayPaymentMethodId).toBe('pm_card_visa');
    expect(s.payments).toEqual([expect.objectContaining({ amount: 30_000, currency: 'USD', status: 'succeeded', provider: 'stripe', providerRef: paymentIntent.id, installmentId: f.installments[0]!.id })]);
    expect(s.outbox).toEqual([
      expect.objectContaining({ channel: 'web', to: f.externalId, conversationId: f.conversationId, kind: 'receipt', botInitiated: false, dedupeKey: `receipt:${paymentIntent.id}` }),
    ]);
    const receipt = s.outbox[0]!.body;
    expect(receipt).toContain('$300.00');
    expect(receipt).toContain('$900.00');
    expect(receipt).toContain('Your next scheduled payment is $300.00 on December 31, 2026');
    expect(receipt).toMatch(/a debt collector/);
    expect(s.audits).toHaveLength(1);
    expect(JSON.parse(s.audits[0]!.detailJson)).toMatchObject({ status: 'succeeded', amount: 30_000, providerRef: paymentIntent.id, planStatus: 'active' });
    expect(await db.payLink.count({ where: { accountId: f.account.id, usedAt: { not: null } } })).toBe(1);
    expect(await db.processedEvent.findUnique({ where: { id: `stripe:${JSON.parse(payload).id}` } })).not.toBeNull();
  });

  it('replayed and concurrent duplicate deliveries of one event apply once', async () => {
    const f = await createPlan(db, { balance: 120_000 });
    const { session } = await paidDownPayment(f);
    const { payload } = fake.event('checkout.session.completed', session);
    const results = await Promise.all([deliver(payload), deliver(payload), deliver(payload)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.outcome).sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    expect((await deliver(payload)).body.outcome).toBe('duplicate');
    // The same payment reported again in a new event (Stripe retries with the same id; a second event differs).
    const again = fake.event('checkout.session.completed', session).payload;
    expect((await deliver(again)).body.outcome).toBe('applied');

    const s = await snapshot(f);
    expect(s.account.balance).toBe(90_000);
    expect(s.payments).toHaveLength(1);
    expect(s.outbox).toHaveLength(1);
    expect(s.audits).toHaveLength(1);
  });

  it('out of order: payment_intent.succeeded before checkout.session.completed counts once', async () => {
    const f = await createPlan(db, { balance: 120_000 });
    const { session, paymentIntent } = await paidDownPayment(f);
    expect((await deliver(fake.event('payment_intent.succeeded', paymentIntent).payload)).body.outcome).toBe('applied');
    expect((await deliver(fake.event('checkout.session.completed', session).payload)).body.outcome).toBe('applied');
    const s = await snapshot(f);
    expect(s.account.balance).toBe(90_000);
    expect(s.payments).toHaveLength(1);
    expect(s.outbox.filter((m) => m.kind === 'receipt')).toHaveLength(1);
    expect(s.plan).toMatchObject({ status: 'active', gatewayPaymentMethodId: 'pm_card_visa', gatewayCustomerId: paymentIntent.customer });
  });

  it('only paid sessions count: unpaid is pending; async_payment_succeeded applies it; async_payment_failed offers a new link', async () => {
    const f = await createPlan(db, { kind: 'full', amounts: [50_000], balance: 50_000 });
    const { token } = await payLinkFor(db, f, { purpose: 'full' });
    const { session } = fake.completeSession(await open(token), { paymentStatus: 'unpaid' });
    expect((await deliver(fake.event('checkout.session.completed', session).payload)).body.outcome).toBe('applied');
    let s = await snapshot(f);
    expect(s.payments).toEqual([expect.objectContaining({ status: 'pending', amount: 50_000 })]);
    expect(s.account.balance).toBe(50_000);
    expect(s.plan.status).toBe('agreed');

    expect((await deliver(fake.event('checkout.session.async_payment_succeeded', { ...session, payment_status: 'paid' }).payload)).body.outcome).toBe('applied');
    s = await snapshot(f);
    expect(s.payments).toEqual([expect.objectContaining({ status: 'succeeded' })]);
    expect(s.account.balance).toBe(0);
    expect(s.plan.status).toBe('completed');
    expect(s.outbox.at(-1)!.body).toContain('Your plan is complete and this account is paid in full.');

    const g = await createPlan(db, { kind: 'full', amounts: [40_000], balance: 40_000 });
    const link = await payLinkFor(db, g, { purpose: 'full' });
    const failed = fake.completeSession(await open(link.token), { paymentStatus: 'unpaid' }).session;
    await deliver(fake.event('checkout.session.completed', failed).payload);
    expect((await deliver(fake.event('checkout.session.async_payment_failed', failed).payload)).body.outcome).toBe('applied');
    const t = await snapshot(g);
    expect(t.payments).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(t.account.balance).toBe(40_000);
    expect(t.outbox).toEqual([expect.objectContaining({ kind: 'payment_failed', channel: 'web' })]);
    expect(t.outbox[0]!.body).toMatch(/Your bank payment of \$400\.00 did not go through, and no money was taken\..*\/pay\/[A-Za-z0-9_-]{22}/s);
  });

  it('charge.dispute.created marks the payment disputed, audits it and queues an officer', async () => {
    const f = await createPlan(db, { balance: 120_000 });
    const { session, paymentIntent } = await paidDownPayment(f);
    await deliver(fake.event('checkout.session.completed', session).payload);
    const dispute = { id: 'dp_fake1', object: 'dispute', amount: 30_000, currency: 'usd', reason: 'fraudulent', status: 'needs_response', charge: paymentIntent.latest_charge, payment_intent: paymentIntent.id };
    const { payload } = fake.event('charge.dispute.created', dispute);
    expect((await deliver(payload)).body.outcome).toBe('applied');
    expect((await deliver(payload)).body.outcome).toBe('duplicate');
    const s = await snapshot(f);
    expect(s.payments[0]!.status).toBe('disputed');
    expect(s.audits.map((a) => JSON.parse(a.detailJson).status)).toEqual(['succeeded', 'disputed']);
    const handoffs = await db.handoff.findMany({ where: { accountId: f.account.id } });
    expect(handoffs).toEqual([expect.objectContaining({ reason: 'dispute', conversationId: f.conversationId, status: 'queued' })]);
    expect(JSON.parse(handoffs[0]!.detailJson).dispute).toMatchObject({ chargeback: true, disputeId: 'dp_fake1', reason: 'fraudulent' });
  });

  it('charge.dispute.created: the disputed payment and its handoff commit together — a failure after the handoff leaves neither; the retry applies both, once', async () => {
    const f = await createPlan(db, { balance: 120_000 });
    const { session, paymentIntent } = await paidDownPayment(f);
    await deliver(fake.event('checkout.session.completed', session).payload);
    const dispute = { id: 'dp_fake2', object: 'dispute', amount: 30_000, currency: 'usd', reason: 'fraudulent', status: 'needs_response', charge: paymentIntent.latest_charge, payment_intent: paymentIntent.id };
    const { payload } = fake.event('charge.dispute.created', dispute);

    const restore = await failAfterHandoffQueued(db, f.account.id);
    expect((await deliver(payload)).status).toBe(500);
    let s = await snapshot(f);
    expect(s.payments[0]!.status).toBe('succeeded');
    expect(s.audits.map((a) => JSON.parse(a.detailJson).status)).toEqual(['succeeded']);
    expect(await db.handoff.count({ where: { accountId: f.account.id } })).toBe(0);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: f.conversationId } })).holder).toBe('bot');
    expect(await db.processedEvent.findUnique({ where: { id: `stripe:${JSON.parse(payload).id}` } })).toBeNull();

    await restore();
    expect((await deliver(payload)).body.outcome).toBe('applied'); // Stripe retries after the 500
    expect((await deliver(payload)).body.outcome).toBe('duplicate');
    s = await snapshot(f);
    expect(s.payments[0]!.status).toBe('disputed');
    expect(await db.handoff.findMany({ where: { accountId: f.account.id } })).toEqual([expect.objectContaining({ reason: 'dispute', conversationId: f.conversationId, status: 'queued' })]);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: f.conversationId } })).holder).toBe('queued');
  });

  it('a chargeback on a plan with no conversation queues the account once: replays and a second chargeback add no open handoff', async () => {
    const f = await createPlan(db, { balance: 120_000 });
    await db.plan.update({ where: { id: f.plan.id }, data: { conversationId: null } });
    const chargeback = async (seq: number, disputeId: string) => {
      const { token } = await payLinkFor(db, f, { seq, purpose: 'installment' });
      const { session, paymentIntent } = fake.completeSession(await open(token), { paymentMethod: 'pm_card_visa' });
      await deliver(fake.event('checkout.session.completed', session).payload);
      const dispute = { id: disputeId, object: 'dispute', amount: 30_000, currency: 'usd', reason: 'fraudulent', status: 'needs_response', charge: paymentIntent.latest_charge, payment_intent: paymentIntent.id };
      return { dispute, paymentIntent };
    };
    const first = await chargeback(1, 'dp_noconv1');
    const { payload } = fake.event('charge.dispute.created', first.dispute);
    expect((await deliver(payload)).body.outcome).toBe('applied');
    expect((await deliver(payload)).body.outcome).toBe('duplicate');
    expect((await deliver(fake.event('charge.dispute.created', first.dispute).payload)).body.outcome).toBe('applied'); // a new event id: already disputed
    const second = await chargeback(2, 'dp_noconv2');
    expect((await deliver(fake.event('charge.dispute.created', second.dispute).payload)).body.outcome).toBe('applied');

    expect((await snapshot(f)).payments.map((p) => p.status)).toEqual(['disputed', 'disputed']);
    const handoffs = await db.handoff.findMany({ where: { accountId: f.account.id } });
    expect(handoffs).toEqual([expect.objectContaining({ reason: 'dispute', conversationId: null, status: 'queued' })]);
    expect(JSON.parse(handoffs[0]!.detailJson).dispute).toMatchObject({ chargeback: true, disputeId: 'dp_noconv2' });
    expect(await db.auditEvent.count({ where: { accountId: f.account.id, type: 'payment.recorded', detailJson: { contains: '"status":"disputed"' } } })).toBe(2);
  });

  it('a settlement paid in full settles the account: the rest is credited and the balance is 0', async () => {
    const f = await createPlan(db, { kind: 'settlement', amounts: [70_000], balance: 100_000 });
    const { token } = await payLinkFor(db, f, { purpose: 'settlement', seq: null }); // a link not tied to the plan's row
    const { session } = fake.completeSession(await open(token));
    await deliver(fake.event('checkout.session.completed', session).payload);
    const s = await snapshot(f);
    expect(s.plan.status).toBe('completed');
    expect(s.installments.map((i) => i.status)).toEqual(['paid']);
    expect(s.account).toMatchObject({ balance: 0, paymentsSinceItemization: 70_000, creditsSinceItemization: 30_000 });
    expect(s.outbox[0]!.body).toContain('Your settlement is complete');
    expect(JSON.parse(s.audits[0]!.detailJson)).toMatchObject({ settledRemainder: 30_000 });
  });

  it('the balance never goes below zero', async () => {
    const f = await createPlan(db, { kind: 'full', amounts: [50_000], balance: 50_000 });
    const { token } = await payLinkFor(db, f, { purpose: 'full' });
    const { session } = fake.completeSession(await open(token));
    await db.account.update({ where: { id: f.account.id }, data: { balance: 20_000 } }); // e.g. a credit posted meanwhile
    await deliver(fake.event('checkout.session.completed', session).payload);
    expect((await snapshot(f)).account.balance).toBe(0);
  });

  it('Spanish-speaking SMS debtors get the receipt in Spanish by text message; nobody who asked us to stop gets one', async () => {
    const f = await createPlan(db, { channel: 'sms', language: 'es', phone: '+12105550134' });
    const { session } = await paidDownPayment(f);
    await deliver(fake.event('checkout.session.completed', session).payload);
    const s = await snapshot(f);
    expect(s.outbox).toEqual([expect.objectContaining({ channel: 'sms', to: '+12105550134', kind: 'receipt' })]);
    expect(s.outbox[0]!.body).toMatch(/^Gracias: recibimos su pago de \$300\.00/);

    const quiet = await createPlan(db, { flags: { ceaseCommunication: true } });
    const paid = await paidDownPayment(quiet);
    await deliver(fake.event('checkout.session.completed', paid.session).payload);
    const q = await snapshot(quiet);
    expect(q.payments).toHaveLength(1);
    expect(q.outbox).toHaveLength(0);
  });
});
