import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { createLogger } from '../../src/logger.ts';
import type { PaymentGateway } from '../../src/payments/gateway.ts';
import type { SchedulerRunResult } from '../../src/payments/installmentScheduler.ts';
import { StripeGateway } from '../../src/payments/stripeGateway.ts';
import { startFakeStripe, type FakeStripe } from '../fakes/fakeStripe.ts';
import { startPaymentsTestApp, type PaymentsTestApp } from '../helpers/paymentsApp.ts';
import { createPlan, DAY, failAfterHandoffQueued, type PlanFixture, type PlanOptions } from './fixtures.ts';

let fake: FakeStripe;
let running: PaymentsTestApp;
let db: Db;

beforeAll(async () => {
  fake = await startFakeStripe();
  running = await startPaymentsTestApp({ ...fake.env, PUBLIC_URL: 'https://chat.example.test', PAYMENT_REMINDER_DAYS: '3', INSTALLMENT_MAX_ATTEMPTS: '3', INSTALLMENT_RETRY_HOURS: '24' });
  db = running.db;
});
afterAll(async () => {
  await running.stop();
  await fake.close();
});
// Each test sees only its own plans: earlier tests' plans are closed.
beforeEach(async () => {
  await db.plan.updateMany({ where: { status: { not: 'cancelled' } }, data: { status: 'cancelled' } });
});

const MINUTE = 60_000;
const SCHEDULER_PROCESS = fileURLToPath(new URL('./schedulerProcess.ts', import.meta.url));

/** One scheduler run in its own OS process (a second instance of the service), against the fake. */
function runSchedulerProcess(now: Date, startAt: number): Promise<SchedulerRunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCHEDULER_PROCESS, running.database.url, String(fake.port), fake.secretKey, now.toISOString(), String(startAt)], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as SchedulerRunResult) : reject(new Error(`scheduler process exited ${code}: ${err}`))));
  });
}
/** Installment 2 of every plan below is due on this day. */
const DUE = new Date('2026-12-31T00:00:00Z');
const AFTER_DUE = new Date('2026-12-31T14:00:00Z');

function stripeGateway(options: { maxNetworkRetries?: number } = {}) {
  return new StripeGateway({ secretKey: fake.secretKey, webhookSecret: fake.webhookSecret, host: '127.0.0.1', port: fake.port, protocol: 'http', logger: createLogger('silent'), ...options });
}

/** An active plan (down payment paid, card saved at the fake), installments 2-4 due from DUE monthly. */
async function activePlan(paymentMethodId = 'pm_card_visa', options: PlanOptions = {}): Promise<PlanFixture> {
  const customerId = `cus_sched_${Math.random().toString(36).slice(2, 10)}`;
  fake.customers.set(customerId, { id: customerId, object: 'customer', metadata: {} });
  const f = await createPlan(db, { status: 'active', firstDue: new Date(DUE.getTime() - 30 * DAY), card: { customerId, paymentMethodId }, ...options });
  const first = f.installments[0]!;
  await db.installment.update({ where: { id: first.id }, data: { status: 'paid', paidAt: new Date('2026-12-01T12:00:00Z') } });
  await db.payment.create({
    data: { accountId: f.account.id, planId: f.plan.id, installmentId: first.id, amount: first.amount, currency: 'USD', status: 'succeeded', provider: 'stripe', providerRef: `pi_down_${first.id}` },
  });
  return f;
}

const keysFor = (f: PlanFixture) => fake.requests.filter((r) => r.path === '/v1/payment_intents' && r.body.metadata?.planId === f.plan.id).map((r) => r.idempotencyKey);
const chargesFor = (f: PlanFixture) => fake.charges().filter((pi) => pi.metadata.planId === f.plan.id);
const installment = (f: PlanFixture, seq: number) => db.installment.findFirstOrThrow({ where: { planId: f.plan.id, seq } });
/** Payment rows of one installment (the fixture's down payment is a separate row). */
const paymentsOf = async (f: PlanFixture, seq: number) => db.payment.findMany({ where: { installmentId: (await installment(f, seq)).id } });
const outbox = (f: PlanFixture) => db.outboxMessage.findMany({ where: { accountId: f.account.id }, orderBy: { createdAt: 'asc' } });

async function post(payload: string) {
  const res = await fetch(`${running.baseUrl}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': fake.sign(payload) }, body: payload });
  return { status: res.status, outcome: ((await res.json()) as { outcome?: string }).outcome };
}

async function deliver(type: string, object: Record<string, unknown>) {
  return (await post(fake.event(type, object).payload)).outcome;
}

describe('InstallmentScheduler — charging', () => {
  it('charges a due installment off-session once, with key plan:<planId>:inst:<seq>:attempt:1, and records it', async () => {
    const f = await activePlan();
    const scheduler = running.scheduler();
    await scheduler.runOnce(new Date(DUE.getTime() - MINUTE));
    expect(keysFor(f)).toEqual([]); // not due yet

    await scheduler.runOnce(AFTER_DUE);
    await scheduler.runOnce(AFTER_DUE);
    expect(keysFor(f)).toEqual([`plan:${f.plan.id}:inst:2:attempt:1`]);
    const request = fake.requests.find((r) => r.idempotencyKey === `plan:${f.plan.id}:inst:2:attempt:1`)!;
    expect(request.body).toMatchObject({ amount: '30000', confirm: 'true', off_session: 'true', customer: f.plan.gatewayCustomerId, payment_method: 'pm_card_visa' });
    expect(chargesFor(f)).toHaveLength(1);
    expect(await installment(f, 2)).toMatchObject({ status: 'paid', attempts: 0, lockedUntil: null });
    expect((await installment(f, 3)).status).toBe('scheduled');
    const account = await db.account.findUniqueOrThrow({ where: { id: f.account.id } });
    expect(account.balance).toBe(120_000 - 30_000);
    const receipts = (await outbox(f)).filter((m) => m.kind === 'receipt');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.body).toContain('Your next scheduled payment is $300.00 on January 30, 2027');

    // The payment_intent.succeeded Stripe sends afterwards changes nothing.
    expect(await deliver('payment_intent.succeeded', chargesFor(f)[0]!)).toBe('applied');
    expect((await db.account.findUniqueOrThrow({ where: { id: f.account.id } })).balance).toBe(90_000);
    expect(await paymentsOf(f, 2)).toHaveLength(1);
  });

  it('completes the plan with its last installment', async () => {
    const f = await activePlan('pm_card_visa', { amounts: [30_000, 30_000] });
    await running.scheduler().runOnce(AFTER_DUE);
    expect((await db.plan.findUniqueOrThrow({ where: { id: f.plan.id } })).status).toBe('completed');
    expect((await outbox(f)).at(-1)!.body).toContain('Your payment plan is complete.');
  });

  it('a soft decline is retried later with backoff and the next attempt number', async () => {
    const f = await activePlan();
    const scheduler = running.scheduler();
    fake.failNext({ kind: 'card_declined', declineCode: 'insufficient_funds' });
    expect(await scheduler.runOnce(AFTER_DUE)).toMatchObject({ claimed: 1, retryScheduled: 1, charged: 0 });
    expect(await installment(f, 2)).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: new Date(AFTER_DUE.getTime() + DAY), lockedUntil: null });
    expect((await outbox(f)).filter((m) => m.kind === 'payment_failed')).toHaveLength(0); // no message for a retry

    await scheduler.runOnce(new Date(AFTER_DUE.getTime() + DAY - MINUTE));
    expect(keysFor(f)).toHaveLength(1);
    await scheduler.runOnce(new Date(AFTER_DUE.getTime() + DAY));
    expect(keysFor(f)).toEqual([`plan:${f.plan.id}:inst:2:attempt:1`, `plan:${f.plan.id}:inst:2:attempt:2`]);
    expect(await installment(f, 2)).toMatchObject({ status: 'paid', attempts: 1 });
    expect(chargesFor(f)).toHaveLength(1);
    const failed = await db.payment.findMany({ where: { planId: f.plan.id, status: 'failed' } });
    expect(failed).toHaveLength(1);
  });

  it('soft declines up to the limit make a miss: the debtor gets a link to pay that installment', async () => {
    const f = await activePlan('pm_card_chargeDeclinedInsufficientFunds');
    const scheduler = running.scheduler();
    await scheduler.runOnce(AFTER_DUE);
    await scheduler.runOnce(new Date(AFTER_DUE.getTime() + DAY));
    await scheduler.runOnce(new Date(AFTER_DUE.getTime() + 3 * DAY));
    await scheduler.runOnce(new Date(AFTER_DUE.getTime() + 30 * DAY - 2 * DAY)); // before installment 3
    expect(keysFor(f)).toEqual([1, 2, 3].map((n) => `plan:${f.plan.id}:inst:2:attempt:${n}`));
    expect(await installment(f, 2)).toMatchObject({ status: 'missed', attempts: 3, nextAttemptAt: null });
    expect((await db.plan.findUniqueOrThrow({ where: { id: f.plan.id } })).missedCount).toBe(1);
    const failed = (await outbox(f)).filter((m) => m.kind === 'payment_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ channel: 'web', to: f.externalId, dedupeKey: `payment_failed:${(await installment(f, 2)).id}:3` });
    expect(failed[0]!.body).toContain('We tried a few times to take your scheduled payment of $300.00 due December 31, 2026');
    const token = /https:\/\/chat\.example\.test\/pay\/([A-Za-z0-9_-]{22})/.exec(failed[0]!.body)![1]!;

    // The link pays that installment and saves the card used for the next ones.
    const res = await fetch(`${running.baseUrl}/pay/${token}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const sessionId = res.headers.get('location')!.split('/').pop()!;
    const create = fake.requests.filter((r) => r.path === '/v1/checkout/sessions').at(-1)!;
    expect(create.body.metadata).toMatchObject({ purpose: 'installment', installmentId: (await installment(f, 2)).id, saveCard: 'true' });
    expect(create.body.line_items[0].price_data.unit_amount).toBe('30000');
    const paid = fake.completeSession(sessionId, { paymentMethod: 'pm_card_visa' });
    expect(await deliver('checkout.session.completed', paid.session)).toBe('applied');
    expect((await installment(f, 2)).status).toBe('paid');
    const plan = await db.plan.findUniqueOrThrow({ where: { id: f.plan.id } });
    expect(plan).toMatchObject({ gatewayPaymentMethodId: 'pm_card_visa', missedCount: 0, status: 'active' });
  });

  it('authentication required: no retry, the debtor gets a link to confirm and pay', async () => {
    const f = await activePlan('pm_card_authenticationRequired');
    expect(await running.scheduler().runOnce(AFTER_DUE)).toMatchObject({ missed: 1, retryScheduled: 0 });
    expect(await installment(f, 2)).toMatchObject({ status: 'missed', attempts: 1 });
    const [notice] = (await outbox(f)).filter((m) => m.kind === 'payment_failed');
    expect(notice!.body).toContain('your bank asked you to confirm it first, so no money was taken');
    expect(await db.payLink.count({ where: { installmentId: (await installment(f, 2)).id, purpose: 'installment' } })).toBe(1);
  });

  it(`after the policy's misses in a row the plan is delinquent and queued for an officer; nothing more is charged`, async () => {
    const f = await activePlan('pm_card_chargeDeclinedStolenCard', { policy: { missedPaymentsBeforeDelinquent: 2 } });
    const scheduler = running.scheduler();
    expect(await scheduler.runOnce(AFTER_DUE)).toMatchObject({ missed: 1, delinquent: 0 });
    expect((await outbox(f)).find((m) => m.kind === 'payment_failed')!.body).toContain('did not go through, and no money was taken');
    expect(await db.handoff.count({ where: { accountId: f.account.id } })).toBe(0);
    expect(await scheduler.runOnce(new Date(AFTER_DUE.getTime() + 30 * DAY))).toMatchObject({ missed: 1, delinquent: 1 });
    const plan = await db.plan.findUniqueOrThrow({ where: { id: f.plan.id } });
    expect(plan).toMatchObject({ status: 'delinquent', missedCount: 2 });
    const handoffs = await db.handoff.findMany({ where: { accountId: f.account.id } });
    expect(handoffs).toEqual([expect.objectContaining({ reason: 'delinquent', conversationId: f.conversationId, status: 'queued' })]);
    expect(JSON.parse(handoffs[0]!.detailJson).delinquent).toEqual({ planId: f.plan.id, missedCount: 2 });
    await scheduler.runOnce(new Date(AFTER_DUE.getTime() + 60 * DAY));
    expect(keysFor(f)).toHaveLength(2);
  });
});

describe('InstallmentScheduler — a delinquent plan and its officer handoff commit together', () => {
  const handoffsOf = (f: PlanFixture) => db.handoff.findMany({ where: { accountId: f.account.id } });

  it('scheduler: a failure after the handoff is queued records neither the miss nor the handoff; the re-run records both, once', async () => {
    const f = await activePlan('pm_card_chargeDeclinedStolenCard', { policy: { missedPaymentsBeforeDelinquent: 1 } });
    const scheduler = running.scheduler();
    const restore = await failAfterHandoffQueued(db, f.account.id);
    expect(await scheduler.runOnce(AFTER_DUE)).toMatchObject({ claimed: 1, missed: 0, delinquent: 0 });
    expect(await db.plan.findUniqueOrThrow({ where: { id: f.plan.id } })).toMatchObject({ status: 'active', missedCount: 0 });
    expect(await installment(f, 2)).toMatchObject({ status: 'processing', attempts: 0 });
    expect(await paymentsOf(f, 2)).toEqual([]);
    expect(await outbox(f)).toEqual([]);
    expect(await handoffsOf(f)).toEqual([]);

    await restore();
    // The lease runs out; the same attempt is charged again with the same key and recorded now.
    expect(await scheduler.runOnce(new Date(AFTER_DUE.getTime() + 6 * MINUTE))).toMatchObject({ claimed: 1, missed: 1, delinquent: 1 });
    const key = `plan:${f.plan.id}:inst:2:attempt:1`;
    expect(keysFor(f)).toEqual([key, key]);
    expect(await db.plan.findUniqueOrThrow({ where: { id: f.plan.id } })).toMatchObject({ status: 'delinquent', missedCount: 1 });
    expect(await handoffsOf(f)).toEqual([expect.objectContaining({ reason: 'delinquent', conversationId: f.conversationId, status: 'queued' })]);

    expect(await scheduler.runOnce(new Date(AFTER_DUE.getTime() + 30 * DAY))).toMatchObject({ claimed: 0, delinquent: 0 });
    expect(await handoffsOf(f)).toHaveLength(1);
  });

  it('webhook: payment_intent.payment_failed that makes a plan delinquent — a failure after the handoff leaves neither; the retry applies both; replays add nothing', async () => {
    const f = await activePlan('pm_card_visa', { policy: { missedPaymentsBeforeDelinquent: 1 } });
    fake.failNext({ kind: 'processing' });
    expect(await running.scheduler().runOnce(AFTER_DUE)).toMatchObject({ pending: 1 });
    const intent = [...fake.paymentIntents.values()].find((pi) => pi.metadata.planId === f.plan.id)!;
    const failed = { ...intent, status: 'requires_payment_method', last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'stolen_card' } };
    const { payload } = fake.event('payment_intent.payment_failed', failed);

    const restore = await failAfterHandoffQueued(db, f.account.id);
    expect((await post(payload)).status).toBe(500);
    expect(await db.plan.findUniqueOrThrow({ where: { id: f.plan.id } })).toMatchObject({ status: 'active', missedCount: 0 });
    expect(await installment(f, 2)).toMatchObject({ status: 'processing', attempts: 0 });
    expect(await paymentsOf(f, 2)).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(await handoffsOf(f)).toEqual([]);

    await restore();
    expect(await post(payload)).toEqual({ status: 200, outcome: 'applied' }); // Stripe retries after the 500
    expect(await post(payload)).toEqual({ status: 200, outcome: 'duplicate' });
    expect(await deliver('payment_intent.payment_failed', failed)).toBe('applied'); // a new event id: the attempt is already counted
    expect(await db.plan.findUniqueOrThrow({ where: { id: f.plan.id } })).toMatchObject({ status: 'delinquent', missedCount: 1 });
    expect(await installment(f, 2)).toMatchObject({ status: 'missed', attempts: 1 });
    expect(await handoffsOf(f)).toEqual([expect.objectContaining({ reason: 'delinquent', conversationId: f.conversationId, status: 'queued' })]);
  });

  it('a plan with no conversation is queued for its account, once', async () => {
    const f = await activePlan('pm_card_chargeDeclinedStolenCard', { policy: { missedPaymentsBeforeDelinquent: 1 } });
    await db.plan.update({ where: { id: f.plan.id }, data: { conversationId: null } });
    expect(await running.scheduler().runOnce(AFTER_DUE)).toMatchObject({ missed: 1, delinquent: 1 });
    const [handoff] = await handoffsOf(f);
    expect(handoff).toMatchObject({ reason: 'delinquent', conversationId: null, accountId: f.account.id, status: 'queued' });
    // The plan is made active again by hand and misses again while that handoff is still open.
    await db.plan.update({ where: { id: f.plan.id }, data: { status: 'active' } });
    expect(await running.scheduler().runOnce(new Date(AFTER_DUE.getTime() + 30 * DAY))).toMatchObject({ missed: 1, delinquent: 1 });
    expect(await handoffsOf(f)).toEqual([expect.objectContaining({ id: handoff!.id, status: 'queued' })]);
    expect(JSON.parse((await handoffsOf(f))[0]!.detailJson).delinquent).toEqual({ planId: f.plan.id, missedCount: 2 });
  });
});

describe('InstallmentScheduler — restarts and concurrency never charge twice', () => {
  it('killed mid-run (claimed and charged, not recorded): the restarted scheduler reuses the key and Stripe returns the same payment', async () => {
    const f = await activePlan();
    const real = stripeGateway();
    let reachedStripe!: () => void;
    const charged = new Promise<void>((resolve) => (reachedStripe = resolve));
    // The process "dies" right after the charge request: the answer never comes back to it.
    const dying: PaymentGateway = {
      provider: 'stripe',
      createCheckoutSession: (r) => real.createCheckoutSession(r),
      chargeOffSession: async (r) => {
        await real.chargeOffSession(r);
        reachedStripe();
        return new Promise(() => {});
      },
      savedPaymentMethod: (id) => real.savedPaymentMethod(id),
      refund: (id, key) => real.refund(id, key),
      constructEvent: (b, s) => real.constructEvent(b, s),
    };
    void running.scheduler({ gateway: dying }).runOnce(AFTER_DUE);
    await charged;
    expect(await installment(f, 2)).toMatchObject({ status: 'processing', attempts: 0 });
    expect(chargesFor(f)).toHaveLength(1);

    const restarted = running.scheduler();
    expect((await restarted.runOnce(new Date(AFTER_DUE.getTime() + 2 * MINUTE))).claimed).toBe(0); // still leased
    await restarted.runOnce(new Date(AFTER_DUE.getTime() + 6 * MINUTE)); // the lease ran out
    const key = `plan:${f.plan.id}:inst:2:attempt:1`;
    expect(keysFor(f)).toEqual([key, key]);
    expect(fake.requests.filter((r) => r.idempotencyKey === key).map((r) => r.replayed)).toEqual([false, true]);
    expect(chargesFor(f)).toHaveLength(1);
    expect(await installment(f, 2)).toMatchObject({ status: 'paid', lockedUntil: null });
    expect(await paymentsOf(f, 2)).toHaveLength(1);
    expect((await db.account.findUniqueOrThrow({ where: { id: f.account.id } })).balance).toBe(90_000);
  });

  it('a lost answer is retried later with the same key: one charge, recorded once', async () => {
    const f = await activePlan();
    // The answer is lost, and so is the SDK's one automatic retry of a closed connection.
    fake.failNext({ kind: 'drop_response', replays: 1 });
    const noRetries = running.scheduler({ gateway: stripeGateway({ maxNetworkRetries: 0 }) });
    expect(await noRetries.runOnce(AFTER_DUE)).toMatchObject({ claimed: 1, unknown: 1 });
    expect(await installment(f, 2)).toMatchObject({ status: 'failed', attempts: 0 });
    await noRetries.runOnce(new Date(AFTER_DUE.getTime() + 9 * MINUTE));
    expect(keysFor(f)).toHaveLength(2);
    await noRetries.runOnce(new Date(AFTER_DUE.getTime() + 11 * MINUTE));
    const key = `plan:${f.plan.id}:inst:2:attempt:1`;
    expect(keysFor(f)).toEqual([key, key, key]);
    expect(fake.requests.filter((r) => r.idempotencyKey === key).map((r) => [r.replayed, r.status])).toEqual([[false, -1], [true, -1], [true, 200]]);
    expect(chargesFor(f)).toHaveLength(1);
    expect(await installment(f, 2)).toMatchObject({ status: 'paid' });
    expect(await paymentsOf(f, 2)).toHaveLength(1);
  });

  it('two scheduler instances in one process at once charge each installment once', async () => {
    const plans = await Promise.all(Array.from({ length: 5 }, () => activePlan()));
    const [ra, rb] = await Promise.all([
      running.scheduler({ gateway: stripeGateway() }).runOnce(AFTER_DUE),
      running.scheduler({ gateway: stripeGateway() }).runOnce(AFTER_DUE),
    ]);
    expect(ra.claimed + rb.claimed).toBe(5);
    for (const f of plans) {
      expect(keysFor(f)).toEqual([`plan:${f.plan.id}:inst:2:attempt:1`]);
      expect(chargesFor(f)).toHaveLength(1);
      expect((await installment(f, 2)).status).toBe('paid');
      expect(await paymentsOf(f, 2)).toHaveLength(1);
    }
  });

  // Two processes boot (tsx + the database client): allow for a busy machine.
  it('two scheduler processes on the same database at once charge each installment once', { timeout: 90_000 }, async () => {
    const plans = await Promise.all(Array.from({ length: 8 }, () => activePlan()));
    fake.latencyMs = 40; // each charge takes a moment, so the two runs overlap
    const startAt = Date.now() + 4_000; // both processes booted by then
    const results = await Promise.all([runSchedulerProcess(AFTER_DUE, startAt), runSchedulerProcess(AFTER_DUE, startAt)]).finally(() => (fake.latencyMs = 0));
    expect(results.reduce((sum, r) => sum + r.claimed, 0)).toBe(8);
    expect(results.reduce((sum, r) => sum + r.charged, 0)).toBe(8);
    for (const f of plans) {
      expect(keysFor(f)).toEqual([`plan:${f.plan.id}:inst:2:attempt:1`]);
      expect(chargesFor(f)).toHaveLength(1);
      expect((await installment(f, 2)).status).toBe('paid');
      expect(await paymentsOf(f, 2)).toHaveLength(1);
    }
    expect((await db.account.findMany({ where: { id: { in: plans.map((f) => f.account.id) } } })).map((a) => a.balance)).toEqual(plans.map(() => 90_000));
  });

  it('an off-session payment still processing is settled by the webhook, once; a declined one is not counted twice', async () => {
    const f = await activePlan();
    fake.failNext({ kind: 'processing' });
    expect(await running.scheduler().runOnce(AFTER_DUE)).toMatchObject({ pending: 1 });
    expect(await installment(f, 2)).toMatchObject({ status: 'processing', lockedUntil: null });
    expect((await running.scheduler().runOnce(new Date(AFTER_DUE.getTime() + DAY))).claimed).toBe(0);
    const intent = [...fake.paymentIntents.values()].find((pi) => pi.metadata.planId === f.plan.id)!;
    const failed = { ...intent, status: 'requires_payment_method', last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' } };
    expect(await deliver('payment_intent.payment_failed', failed)).toBe('applied');
    expect(await deliver('payment_intent.payment_failed', failed)).toBe('applied'); // same failure, new event id
    expect(await installment(f, 2)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await paymentsOf(f, 2)).toEqual([expect.objectContaining({ status: 'failed', providerRef: intent.id })]);

    const g = await activePlan('pm_card_chargeDeclinedInsufficientFunds');
    await running.scheduler().runOnce(AFTER_DUE);
    const declined = [...fake.paymentIntents.values()].find((pi) => pi.metadata.planId === g.plan.id)!;
    expect(await deliver('payment_intent.payment_failed', declined)).toBe('applied');
    expect(await installment(g, 2)).toMatchObject({ status: 'failed', attempts: 1 });
  });
});

describe('InstallmentScheduler — consent and paused collection', () => {
  it('DESIGN 11: no charge without a recorded yes — a plan with no authorization is never charged', async () => {
    const f = await activePlan('pm_card_visa', { authorized: false });
    const result = await running.scheduler().runOnce(AFTER_DUE);
    expect(keysFor(f)).toEqual([]);
    expect(result.claimed).toBe(0);
    expect((await installment(f, 2)).status).toBe('scheduled');
  });

  it('nothing is charged or sent while collection is paused (dispute, attorney, bankruptcy)', async () => {
    const disputed = await activePlan('pm_card_visa', { flags: { disputed: true } });
    const attorney = await activePlan('pm_card_visa', { flags: { attorneyRepresented: true } });
    const bankrupt = await activePlan('pm_card_visa', { flags: { bankruptcy: true } });
    await running.scheduler().runOnce(new Date(DUE.getTime() - 2 * DAY));
    await running.scheduler().runOnce(AFTER_DUE);
    for (const f of [disputed, attorney, bankrupt]) {
      expect(keysFor(f)).toEqual([]);
      expect(await outbox(f)).toEqual([]);
    }
  });
});

describe('InstallmentScheduler — reminders', () => {
  it('reminds once, a few days before each due date, on the debtor’s channel; no reminder after a cease request', async () => {
    const f = await activePlan();
    const sms = await activePlan('pm_card_visa', { channel: 'sms', language: 'es', phone: '+12105550134' });
    const ceased = await activePlan('pm_card_visa', { flags: { ceaseCommunication: true } });
    const scheduler = running.scheduler();
    await scheduler.runOnce(new Date(DUE.getTime() - 3 * DAY - MINUTE));
    expect(await outbox(f)).toEqual([]);
    expect((await scheduler.runOnce(new Date(DUE.getTime() - 3 * DAY))).reminded).toBeGreaterThanOrEqual(2);
    await scheduler.runOnce(new Date(DUE.getTime() - 2 * DAY));
    const reminders = (await outbox(f)).filter((m) => m.kind === 'reminder');
    expect(reminders).toEqual([expect.objectContaining({ channel: 'web', to: f.externalId, dedupeKey: `reminder:${(await installment(f, 2)).id}`, botInitiated: true })]);
    expect(reminders[0]!.body).toContain('your scheduled payment of $300.00 will be charged on December 31, 2026 to the card you saved');
    const es = (await outbox(sms)).filter((m) => m.kind === 'reminder');
    expect(es).toEqual([expect.objectContaining({ channel: 'sms', to: '+12105550134' })]);
    // By SMS the reminder's short version (src/messages/smsShort.es.ts): GSM-7, two segments with the footer.
    expect(es[0]!.body).toMatch(/^Recordatorio: su pago programado de \$300\.00 se va a cobrar el 31 de diciembre de 2026 a su tarjeta guardada\./);
    expect(await outbox(ceased)).toEqual([]);
    expect(await installment(f, 2)).toMatchObject({ remindedAt: new Date(DUE.getTime() - 3 * DAY) });
  });
});

describe('InstallmentScheduler — start/stop', () => {
  it('runs on an interval until stopped', async () => {
    const f = await activePlan();
    const scheduler = running.scheduler({ settings: { intervalMs: 20 } });
    const clock = new Date(AFTER_DUE);
    const withClock = new (scheduler.constructor as typeof import('../../src/payments/installmentScheduler.ts').InstallmentScheduler)({
      db,
      gateway: running.gateway,
      logger: createLogger('silent'),
      collector: { name: 'Summit Recovery Services', address: '', phone: '', hours: '' },
      publicBaseUrl: () => running.baseUrl,
      settings: { intervalMs: 20 },
      now: () => clock,
    });
    withClock.start();
    for (let i = 0; i < 100 && (await installment(f, 2)).status !== 'paid'; i++) await new Promise((r) => setTimeout(r, 20));
    await withClock.stop();
    expect((await installment(f, 2)).status).toBe('paid');
    expect(chargesFor(f)).toHaveLength(1);
  });
});
