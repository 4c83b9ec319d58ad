import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installmentPlan, lumpSumPlan, type PlanTerms } from '../../src/domain/plans.ts';
import { DEFAULT_POLICY } from '../../src/domain/policy.ts';
import { seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import {
  acceptOfferedPlan,
  agreePlan,
  cancelOpenPlan,
  findOfferedPlan,
  findOpenPlan,
  payLinkTtl,
  reissueFirstPayLink,
  storeOfferedPlan,
  termsOfPlan,
  type Agreement,
} from '../../src/negotiation/planStore.ts';
import { findPayLink, hashPayLinkToken, PAY_LINK_TTL_MS } from '../../src/payments/payLinks.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

const NOW = new Date('2026-11-23T15:00:00Z');
const TODAY = '2026-11-23';
let database: TestDatabase;
let accountId: string;

beforeEach(async () => {
  database = await createTestDatabase();
  await seedDemoDataIfEmpty(database.db, 'plan-store-test-key-0123456789abcdef');
  accountId = (await database.db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } })).id;
});
afterEach(async () => database.close());

const plan = (): PlanTerms =>
  installmentPlan({ balance: 108500, currency: 'USD', frequency: 'monthly', firstDate: TODAY, downPayment: 20000, count: 6 });

function agreement(p: PlanTerms = plan(), overrides: Partial<Agreement> = {}): Agreement {
  return {
    accountId,
    plan: p,
    hardship: false,
    authorizationText: 'Here are the terms… Do you authorize these payments?',
    channel: 'web',
    conversationId: null,
    now: NOW,
    today: TODAY,
    policy: DEFAULT_POLICY,
    ...overrides,
  };
}

describe('DESIGN 11: agreeing a plan stores the authorization, the installments and the first pay link', () => {
  it('writes Plan (agreed), one Installment per payment, the audit event and a pay link for the first payment', async () => {
    const result = await agreePlan(database.db, agreement());
    if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
    const row = await database.db.plan.findUniqueOrThrow({ where: { id: result.planId }, include: { installments: { orderBy: { seq: 'asc' } } } });
    expect(row).toMatchObject({
      status: 'agreed',
      kind: 'installments',
      total: 108500,
      currency: 'USD',
      frequency: 'monthly',
      downPayment: 20000,
      hardship: false,
      authorizationText: 'Here are the terms… Do you authorize these payments?',
      authorizedChannel: 'web',
    });
    expect(row.authorizedAt).toEqual(NOW);
    expect(row.installments.map((i) => [i.seq, i.dueDate.toISOString().slice(0, 10), i.amount, i.status])).toEqual([
      [0, '2026-11-23', 20000, 'scheduled'],
      [1, '2026-12-23', 14750, 'scheduled'],
      [2, '2027-01-25', 14750, 'scheduled'],
      [3, '2027-02-23', 14750, 'scheduled'],
      [4, '2027-03-23', 14750, 'scheduled'],
      [5, '2027-04-23', 14750, 'scheduled'],
      [6, '2027-05-24', 14750, 'scheduled'],
    ]);
    expect(row.installments.reduce((s, i) => s + i.amount, 0)).toBe(row.total);
    expect(row.installments[0]!.dueDate.toISOString()).toBe('2026-11-23T00:00:00.000Z');

    const link = await findPayLink(database.db, result.token, NOW);
    expect(link).toMatchObject({ accountId, planId: row.id, installmentId: row.installments[0]!.id, purpose: 'down_payment', amount: 20000, currency: 'USD', channel: 'web' });
    expect(link!.tokenHash).toBe(hashPayLinkToken(result.token));

    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { type: 'plan.agreed', accountId } });
    const detail = JSON.parse(audit.detailJson);
    expect(detail).toMatchObject({ planId: row.id, kind: 'installments', total: 108500, count: 7, installments: 6 });
    expect(audit.detailJson).not.toMatch(/card|4242/i);
  });

  it.each([
    ['full', lumpSumPlan({ kind: 'full', balance: 108500, currency: 'USD', date: TODAY }), 'full', 108500],
    ['settlement', lumpSumPlan({ kind: 'settlement', balance: 108500, currency: 'USD', date: TODAY, total: 75950 }), 'settlement', 75950],
    ['a plan without down payment', installmentPlan({ balance: 108500, currency: 'USD', frequency: 'monthly', firstDate: TODAY, count: 12 }), 'down_payment', 9041],
  ] as const)('%s: one pay link for the first amount, purpose %s', async (_label, p, purpose, amount) => {
    const result = await agreePlan(database.db, agreement(p));
    if (!result.ok) throw new Error(result.reason);
    const link = await findPayLink(database.db, result.token, NOW);
    expect(link).toMatchObject({ purpose, amount });
    const first = await database.db.installment.findUniqueOrThrow({ where: { id: link!.installmentId! } });
    expect(first.seq).toBe(1);
  });

  it('a first payment far ahead keeps its link usable until a week after its date', async () => {
    const later = installmentPlan({ balance: 108500, currency: 'USD', frequency: 'monthly', firstDate: '2026-12-20', count: 12 });
    const result = await agreePlan(database.db, agreement(later));
    if (!result.ok) throw new Error(result.reason);
    expect(await findPayLink(database.db, result.token, new Date('2026-12-27T12:00:00Z'))).not.toBeNull();
    expect(payLinkTtl(NOW, TODAY)).toBe(PAY_LINK_TTL_MS + 9 * 3_600_000);
  });

  it('refuses, storing nothing: a paused account, an open plan, a changed balance, terms outside policy', async () => {
    await database.db.account.update({ where: { id: accountId }, data: { disputed: true } });
    expect(await agreePlan(database.db, agreement())).toEqual({ ok: false, reason: 'paused', pause: 'dispute' });
    await database.db.account.update({ where: { id: accountId }, data: { disputed: false, balance: 100000 } });
    expect(await agreePlan(database.db, agreement())).toEqual({ ok: false, reason: 'balance_changed' });
    await database.db.account.update({ where: { id: accountId }, data: { balance: 108500 } });
    const thirteen = installmentPlan({ balance: 108500, currency: 'USD', frequency: 'weekly', firstDate: TODAY, count: 13 });
    expect(await agreePlan(database.db, agreement(thirteen))).toMatchObject({ ok: false, reason: 'out_of_policy', violations: [{ limit: 'maxInstallments', value: 12 }] });
    expect(await database.db.plan.count()).toBe(0);
    expect(await database.db.payLink.count()).toBe(0);

    expect((await agreePlan(database.db, agreement())).ok).toBe(true);
    expect(await agreePlan(database.db, agreement())).toEqual({ ok: false, reason: 'open_plan' });
    expect(await database.db.plan.count()).toBe(1);
  });

  it('two agreements at once for one account: exactly one is stored', async () => {
    const results = await Promise.all([agreePlan(database.db, agreement()), agreePlan(database.db, agreement())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await database.db.plan.count({ where: { accountId } })).toBe(1);
  });
});

describe('DESIGN 11: the debtor can cancel', () => {
  it('cancels the plan and its unpaid installments, expires its unused links, audits; paid installments stay', async () => {
    const result = await agreePlan(database.db, agreement());
    if (!result.ok) throw new Error(result.reason);
    const first = await database.db.installment.findFirstOrThrow({ where: { planId: result.planId, seq: 0 } });
    await database.db.installment.update({ where: { id: first.id }, data: { status: 'paid', paidAt: NOW } });
    await database.db.plan.update({ where: { id: result.planId }, data: { status: 'active' } });

    const later = new Date(NOW.getTime() + 60_000);
    expect(await cancelOpenPlan(database.db, { accountId, conversationId: null, channel: 'sms', now: later })).toBe(result.planId);
    const row = await database.db.plan.findUniqueOrThrow({ where: { id: result.planId }, include: { installments: { orderBy: { seq: 'asc' } } } });
    expect(row.status).toBe('cancelled');
    expect(row.cancelledAt).toEqual(later);
    expect(row.installments.map((i) => i.status)).toEqual(['paid', 'cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(await findPayLink(database.db, result.token, later)).toBeNull();
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { type: 'plan.cancelled', accountId } });
    expect(JSON.parse(audit.detailJson)).toMatchObject({ planId: result.planId, previousStatus: 'active', installmentsCancelled: 6, channel: 'sms' });
    expect(await findOpenPlan(database.db, accountId)).toBeNull();
    expect(await cancelOpenPlan(database.db, { accountId, conversationId: null, channel: 'sms', now: later })).toBeNull();
  });
});

describe('an agreed plan shown again', () => {
  it('reads back as the same terms, and a fresh first-payment link replaces the unused one', async () => {
    const result = await agreePlan(database.db, agreement());
    if (!result.ok) throw new Error(result.reason);
    const open = await findOpenPlan(database.db, accountId);
    expect(termsOfPlan(open!, 108500)).toEqual(plan());
    const later = new Date(NOW.getTime() + 3_600_000);
    const token = await reissueFirstPayLink(database.db, open!, 'web', later);
    expect(token).not.toBeNull();
    expect(await findPayLink(database.db, result.token, later)).toBeNull();
    expect(await findPayLink(database.db, token!, later)).toMatchObject({ purpose: 'down_payment', amount: 20000 });
  });
});

describe('DESIGN 11: an officer\'s offered plan waits for the debtor\'s yes', () => {
  const offer = (p: PlanTerms = plan()) =>
    database.db.$transaction((tx) => storeOfferedPlan(tx, { accountId, plan: p, hardship: false, offeredBy: 'officer-1', offerText: 'An officer approved… Reply YES or NO.', conversationId: null }));
  const answer = (planId: string) => ({ planId, accountId, channel: 'sms', conversationId: null, now: NOW });

  it('is stored offered, with its installments and no authorization or pay link; accepting it re-checks the account inside the transaction', async () => {
    const { planId } = await offer();
    expect(await findOfferedPlan(database.db, accountId)).toMatchObject({ id: planId, status: 'offered', offerText: 'An officer approved… Reply YES or NO.', authorizedAt: null });
    expect(await database.db.installment.count({ where: { planId } })).toBe(7);
    expect(await database.db.payLink.count()).toBe(0);

    await database.db.account.update({ where: { id: accountId }, data: { attorneyRepresented: true } });
    expect(await acceptOfferedPlan(database.db, answer(planId))).toEqual({ ok: false, reason: 'paused', pause: 'attorney' });
    await database.db.account.update({ where: { id: accountId }, data: { attorneyRepresented: false } });

    const other = await agreePlan(database.db, agreement());
    if (!other.ok) throw new Error(other.reason);
    // Agreeing another plan declines the offer: a later yes to it agrees nothing.
    expect((await database.db.plan.findUniqueOrThrow({ where: { id: planId } })).status).toBe('declined');
    expect(await acceptOfferedPlan(database.db, answer(planId))).toEqual({ ok: false, reason: 'not_offered' });
  });

  it('accepted: agreed with the offer text as the authorization, and the first pay link exactly as an agreement makes it', async () => {
    const { planId } = await offer();
    const result = await acceptOfferedPlan(database.db, answer(planId));
    if (!result.ok) throw new Error(result.reason);
    const row = await database.db.plan.findUniqueOrThrow({ where: { id: planId } });
    expect(row).toMatchObject({ status: 'agreed', authorizationText: 'An officer approved… Reply YES or NO.', authorizedChannel: 'sms', offeredBy: 'officer-1' });
    expect(row.authorizedAt).toEqual(NOW);
    expect(await findPayLink(database.db, result.token, NOW)).toMatchObject({ planId, purpose: 'down_payment', amount: 20000, channel: 'sms' });
    expect(await acceptOfferedPlan(database.db, answer(planId))).toEqual({ ok: false, reason: 'not_offered' });
  });

  it('a first payment date that has passed withdraws the offer', async () => {
    const { planId } = await offer(installmentPlan({ balance: 108500, currency: 'USD', frequency: 'monthly', firstDate: '2026-11-20', count: 12 }));
    expect(await acceptOfferedPlan(database.db, answer(planId))).toEqual({ ok: false, reason: 'dates_passed' });
    expect((await database.db.plan.findUniqueOrThrow({ where: { id: planId } })).status).toBe('cancelled');
    expect(await database.db.payLink.count()).toBe(0);
  });
});
