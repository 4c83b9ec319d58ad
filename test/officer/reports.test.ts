import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { ageAccounts } from '../../src/domain/aging.ts';
import { buildReport, REPORT_DEFINITIONS, type PortfolioReport } from '../../src/officer/reports.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.close());

const DAY = 86_400_000;
const FROM = new Date('2026-11-01T00:00:00.000Z');
const TO = new Date('2026-11-08T00:00:00.000Z');
const NOW = new Date('2026-11-06T12:00:00.000Z');
const at = (iso: string) => new Date(iso);
const daysBeforeNow = (days: number) => new Date(NOW.getTime() - days * DAY);

async function account(db: Db, accountNumber: string, currency: string, balance: number, itemizationDate: Date): Promise<string> {
  const creditor = await db.creditor.upsert({ where: { name: 'Creditor' }, update: {}, create: { name: 'Creditor', policyJson: '{}' } });
  const row = await db.account.create({
    data: {
      accountNumber,
      firstName: 'Maria',
      lastName: 'Johnson',
      address: '12 Oak Street',
      zip: '30301',
      creditorId: creditor.id,
      originalCreditor: 'Bank',
      currency,
      itemizationDate,
      itemizationAmount: balance,
      balance,
      factorSalt: 'salt',
      dobHash: 'dob',
      ssnLast4Hash: 'ssn',
    },
  });
  return row.id;
}

/** Every number in the report is finite: no NaN, no Infinity. */
function expectNoNaN(value: unknown, path = 'report'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectNoNaN(v, `${path}[${i}]`));
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) expectNoNaN(v, `${path}.${k}`);
  }
}

async function seed(db: Db) {
  const usd = await account(db, 'A-USD-30', 'USD', 109_025, daysBeforeNow(30));
  const eur = await account(db, 'A-EUR-31', 'EUR', 50_000, daysBeforeNow(31));
  await account(db, 'A-USD-ZERO', 'USD', 0, daysBeforeNow(200));
  await account(db, 'A-USD-181', 'USD', 25_000, daysBeforeNow(181));
  await account(db, 'A-USD-180', 'USD', 1_000, daysBeforeNow(180));
  await account(db, 'A-JPY-61', 'JPY', 5_000, daysBeforeNow(61));
  await account(db, 'A-USD-NEG', 'USD', -500, daysBeforeNow(10));

  // Conversations: the period's first instant is in, its end is out.
  const conversation = (externalId: string, channel: string, createdAt: string) =>
    db.conversation.create({ data: { externalId, channel, createdAt: at(createdAt) } }).then((c) => c.id);
  const c1 = await conversation('c1', 'web', '2026-11-01T00:00:00.000Z');
  const c2 = await conversation('c2', 'sms', '2026-11-03T09:00:00.000Z');
  const c3 = await conversation('c3', 'test', '2026-11-07T23:59:59.999Z');
  const c4 = await conversation('c4', 'web', '2026-11-08T00:00:00.000Z');
  const c5 = await conversation('c5', 'web', '2026-10-31T23:59:59.999Z');
  const c6 = await conversation('c6', 'web', '2026-11-05T09:00:00.000Z');

  const audit = (type: string, conversationId: string | null, createdAt: string) =>
    db.auditEvent.create({ data: { type, actor: 'debtor', conversationId, accountId: usd, createdAt: at(createdAt) } });
  await audit('verification.failed', c1, '2026-11-01T00:01:00Z');
  await audit('verification.succeeded', c1, '2026-11-01T00:02:00Z');
  await audit('verification.failed', c2, '2026-11-03T09:01:00Z');
  await audit('verification.locked', c3, '2026-11-08T00:00:30Z'); // after the period: still this conversation's attempt
  await audit('verification.succeeded', c4, '2026-11-08T00:01:00Z');
  await audit('verification.succeeded', c5, '2026-11-02T00:00:00Z'); // conversation started before the period
  await audit('verification.succeeded', c6, '2026-11-05T09:01:00Z');
  await audit('verification.succeeded', c6, '2026-11-05T09:30:00Z');
  await audit('verification.succeeded', null, '2026-11-05T09:30:00Z');
  await audit('disclosure.shown', c3, '2026-11-07T23:59:59.999Z');

  const handoff = (reason: string, createdAt: string, extra: { conversationId?: string; firstResponseAfterS?: number; status?: string } = {}) =>
    db.handoff.create({
      data: {
        reason,
        accountId: usd,
        conversationId: extra.conversationId ?? null,
        status: extra.status ?? 'queued',
        createdAt: at(createdAt),
        firstResponseAt: extra.firstResponseAfterS === undefined ? null : new Date(at(createdAt).getTime() + extra.firstResponseAfterS * 1000),
      },
    });
  await handoff('asked', '2026-11-03T10:00:00Z', { conversationId: c2, firstResponseAfterS: 60, status: 'accepted' });
  await handoff('dispute', '2026-11-05T10:00:00Z', { conversationId: c6, firstResponseAfterS: 300, status: 'resolved' });
  await handoff('delinquent', '2026-11-04T00:00:00Z');
  await handoff('asked', '2026-11-06T00:00:00Z', { firstResponseAfterS: 120, status: 'accepted' });
  await handoff('asked', '2026-11-07T00:00:00Z', { status: 'resolved' });
  await handoff('crisis', '2026-10-31T23:00:00Z', { conversationId: c5, firstResponseAfterS: 5 });
  await handoff('dispute', '2026-11-08T00:00:00Z', { conversationId: c4 });

  const plan = (accountId: string, kind: string, currency: string, total: number, status: string, authorizedAt: string | null) =>
    db.plan.create({ data: { accountId, kind, currency, total, status, authorizedAt: authorizedAt === null ? null : at(authorizedAt) } }).then((p) => p.id);
  const p1 = await plan(usd, 'installments', 'USD', 120_000, 'active', '2026-11-02T00:00:00Z');
  await plan(usd, 'full', 'USD', 50_000, 'completed', '2026-11-07T23:59:59.999Z');
  await plan(eur, 'settlement', 'EUR', 30_000, 'cancelled', '2026-11-04T00:00:00Z');
  await plan(usd, 'installments', 'USD', 99_000, 'offered', null);
  await plan(usd, 'full', 'USD', 70_000, 'agreed', '2026-11-08T00:00:00Z');

  const installments: [string, string, string | null][] = [
    ['2026-11-01T00:00:00Z', 'paid', '2026-11-01T01:00:00Z'], // kept
    ['2026-11-02T00:00:00Z', 'failed', null], // not kept
    ['2026-11-03T00:00:00Z', 'missed', null], // not kept
    ['2026-11-04T00:00:00Z', 'scheduled', null], // overdue: not kept
    ['2026-11-05T00:00:00Z', 'cancelled', null], // left out
    ['2026-11-05T06:00:00Z', 'processing', null], // in flight
    ['2026-11-06T00:00:00Z', 'processing', '2026-11-06T00:05:00Z'], // paid, status not yet updated: kept
    ['2026-11-06T13:00:00Z', 'scheduled', null], // due after now
    ['2026-10-31T00:00:00Z', 'missed', null], // before the period
    ['2026-11-07T00:00:00Z', 'paid', '2026-11-05T00:00:00Z'], // due after now, paid early: not judged yet
  ];
  await db.installment.createMany({
    data: installments.map(([due, status, paidAt], i) => ({ planId: p1, seq: i + 1, dueDate: at(due), amount: 10_000, status, paidAt: paidAt ? at(paidAt) : null })),
  });

  const payment = (accountId: string, amount: number, currency: string, status: string, createdAt: string) =>
    db.payment.create({ data: { accountId, amount, currency, status, provider: 'demo', createdAt: at(createdAt) } });
  await payment(usd, 10_000, 'USD', 'succeeded', '2026-11-01T00:00:00.000Z');
  await payment(usd, 2_550, 'USD', 'succeeded', '2026-11-01T23:59:00.000Z');
  await payment(usd, 5_000, 'USD', 'succeeded', '2026-11-03T12:00:00.000Z');
  await payment(eur, 7_000, 'EUR', 'succeeded', '2026-11-07T23:59:59.999Z');
  await payment(usd, 99_999, 'USD', 'failed', '2026-11-02T00:00:00Z');
  await payment(usd, 4_000, 'USD', 'refunded', '2026-11-02T00:00:00Z');
  await payment(usd, 8_000, 'USD', 'succeeded', '2026-11-08T00:00:00.000Z');
  await payment(usd, 1_234, 'USD', 'succeeded', '2026-10-31T23:59:59.999Z');
}

const days = (values: Record<string, number>) =>
  ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07'].map((date) => ({ date, amount: values[date] ?? 0 }));

describe('buildReport', () => {
  it('gives zeros, empty lists and null rates for an empty database', async () => {
    const report = await buildReport(database.db, { from: FROM, to: TO, now: NOW });
    expect(report).toMatchObject({
      conversations: { total: 0, byChannel: { web: 0, sms: 0, other: 0 } },
      verification: { attempted: 0, verified: 0, rate: null },
      withoutPerson: { count: 0, rate: null },
      plans: { count: 0, byCurrency: [], byKind: [] },
      collected: { byCurrency: [], daily: [] },
      promiseKept: { kept: 0, notKept: 0, inFlight: 0, rate: null },
      escalations: { total: 0, byReason: [] },
      firstResponse: { responded: 0, waiting: 0, medianSeconds: null, p90Seconds: null },
    });
    expect(report.aging.buckets.map((b) => [b.bucket, b.count, b.byCurrency])).toEqual([
      ['0-30', 0, []],
      ['31-60', 0, []],
      ['61-90', 0, []],
      ['91-180', 0, []],
      ['180+', 0, []],
    ]);
    expectNoNaN(report);
    expect(JSON.stringify(report)).not.toContain('NaN');
  });

  it('computes every figure of a small portfolio exactly, honouring the period boundaries', async () => {
    await seed(database.db);
    const report: PortfolioReport = await buildReport(database.db, { from: FROM, to: TO, now: NOW });

    expect(report.range).toEqual({ from: FROM, to: TO, now: NOW });
    expect(report.conversations).toEqual({ total: 4, byChannel: { web: 2, sms: 1, other: 1 } });
    expect(report.verification).toEqual({ attempted: 4, verified: 2, rate: 0.5 });
    expect(report.withoutPerson).toEqual({ count: 2, rate: 0.5 });
    expect(report.plans).toEqual({
      count: 3,
      byCurrency: [
        { currency: 'EUR', count: 1, total: 30_000 },
        { currency: 'USD', count: 2, total: 170_000 },
      ],
      byKind: [
        { kind: 'full', currency: 'USD', count: 1, total: 50_000 },
        { kind: 'installments', currency: 'USD', count: 1, total: 120_000 },
        { kind: 'settlement', currency: 'EUR', count: 1, total: 30_000 },
      ],
    });
    expect(report.collected).toEqual({
      byCurrency: [
        { currency: 'EUR', amount: 7_000 },
        { currency: 'USD', amount: 17_550 },
      ],
      daily: [
        { currency: 'EUR', days: days({ '2026-11-07': 7_000 }) },
        { currency: 'USD', days: days({ '2026-11-01': 12_550, '2026-11-03': 5_000 }) },
      ],
    });
    expect(report.promiseKept).toEqual({ kept: 2, notKept: 3, inFlight: 1, rate: 0.4 });
    expect(report.escalations).toEqual({
      total: 5,
      byReason: [
        { reason: 'asked', count: 3 },
        { reason: 'delinquent', count: 1 },
        { reason: 'dispute', count: 1 },
      ],
    });
    expect(report.firstResponse).toEqual({ responded: 3, waiting: 1, medianSeconds: 120, p90Seconds: 300 });
    expect(report.aging.asOf).toEqual(NOW);
    expect(report.aging.buckets).toEqual([
      { bucket: '0-30', count: 1, byCurrency: [{ currency: 'USD', count: 1, balance: 109_025 }] },
      { bucket: '31-60', count: 1, byCurrency: [{ currency: 'EUR', count: 1, balance: 50_000 }] },
      { bucket: '61-90', count: 1, byCurrency: [{ currency: 'JPY', count: 1, balance: 5_000 }] },
      { bucket: '91-180', count: 1, byCurrency: [{ currency: 'USD', count: 1, balance: 1_000 }] },
      { bucket: '180+', count: 1, byCurrency: [{ currency: 'USD', count: 1, balance: 25_000 }] },
    ]);
    expect(report.definitions).toEqual(REPORT_DEFINITIONS);
    expectNoNaN(report);
  });

  it('ages accounts in the database exactly as the pure aging does, whatever the period', async () => {
    await seed(database.db);
    const accounts = await database.db.account.findMany({ select: { itemizationDate: true, balance: true, currency: true } });
    for (const now of [NOW, new Date(NOW.getTime() + DAY / 2), new Date(NOW.getTime() + 1), new Date(NOW.getTime() - 1)]) {
      const report = await buildReport(database.db, { from: FROM, to: TO, now });
      expect(report.aging).toEqual(ageAccounts(accounts, now));
    }
  });

  it('judges only installments already due: none when the period is still ahead', async () => {
    await seed(database.db);
    const report = await buildReport(database.db, { from: FROM, to: TO, now: new Date('2026-10-15T00:00:00Z') });
    expect(report.promiseKept).toEqual({ kept: 0, notKept: 0, inFlight: 0, rate: null });
    // A period entirely in the past judges everything due in it.
    const later = await buildReport(database.db, { from: FROM, to: TO, now: new Date('2026-12-01T00:00:00Z') });
    expect(later.promiseKept).toEqual({ kept: 3, notKept: 4, inFlight: 1, rate: 3 / 7 });
  });

  it('refuses a period that is empty, reversed, too long or not a date', async () => {
    await expect(buildReport(database.db, { from: TO, to: TO, now: NOW })).rejects.toThrow(RangeError);
    await expect(buildReport(database.db, { from: TO, to: FROM, now: NOW })).rejects.toThrow('must end after it starts');
    await expect(buildReport(database.db, { from: new Date('2025-01-01T00:00:00Z'), to: TO, now: NOW })).rejects.toThrow('at most 400 days');
    await expect(buildReport(database.db, { from: new Date('nope'), to: TO, now: NOW })).rejects.toThrow('not a valid date');
  });
});
