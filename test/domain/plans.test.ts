import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  buildSchedule,
  checkPlanAgainstPolicy,
  daysBetween,
  installmentAmounts,
  installmentPlan,
  lumpSumPlan,
  moveOffWeekend,
  nominalDate,
  paymentDates,
  planLimits,
  settlementFloorAmount,
  weekdayOf,
  type PlanTerms,
} from '../../src/domain/plans.ts';
import { DEFAULT_POLICY, FREQUENCIES, policySchema, type Frequency } from '../../src/domain/policy.ts';
import { mulberry32, propertySeed, randomDate, randomInt, randomPolicy } from './random.ts';

const TODAY = '2026-11-23'; // a Monday
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('schedule dates', () => {
  it('monthly keeps the first date\'s day of the month, clamped to shorter months, never drifting', () => {
    expect([1, 2, 3, 4, 5].map((k) => nominalDate('2027-01-31', 'monthly', k))).toEqual([
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
    ]);
    expect(nominalDate('2028-01-31', 'monthly', 1)).toBe('2028-02-29'); // leap year
    expect(nominalDate('2027-11-30', 'monthly', 3)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonthsClamped('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('weekly and every two weeks count 7 and 14 days from the first date', () => {
    expect(paymentDates('2026-11-23', 'weekly', 3)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(paymentDates('2026-11-23', 'biweekly', 3)).toEqual(['2026-11-23', '2026-12-07', '2026-12-21']);
  });

  it('a later payment on a Saturday or Sunday moves to the following Monday; the first payment keeps its date', () => {
    expect(moveOffWeekend('2026-11-28')).toBe('2026-11-30'); // Saturday → Monday
    expect(moveOffWeekend('2026-11-29')).toBe('2026-11-30'); // Sunday → Monday
    expect(moveOffWeekend('2026-11-27')).toBe('2026-11-27'); // Friday stays
    // First payment on a Saturday: kept (paid by the debtor on the payment page); the rest move.
    expect(paymentDates('2026-11-28', 'weekly', 3)).toEqual(['2026-11-28', '2026-12-07', '2026-12-14']);
    // Jan 23, 2027 is a Saturday: moved to Monday the 25th, and February is the 23rd again (no drift).
    expect(paymentDates('2026-12-23', 'monthly', 3)).toEqual(['2026-12-23', '2027-01-25', '2027-02-23']);
  });

  it('rejects impossible dates', () => {
    expect(() => paymentDates('2026-02-30', 'monthly', 2)).toThrow(RangeError);
    expect(() => paymentDates('26-1-1', 'monthly', 2)).toThrow(RangeError);
  });
});

describe('schedule amounts (integer minor units, exact to the cent)', () => {
  it('equal payments: the LAST one absorbs the rounding', () => {
    expect(installmentAmounts(10000, { count: 3 })).toEqual([3333, 3333, 3334]);
    expect(installmentAmounts(108500, { count: 12 })).toEqual([...new Array(11).fill(9041), 9049]);
    expect(installmentAmounts(7, { count: 7 })).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('fixed payments: the last one is what is left, or joins the one before when below the minimum', () => {
    expect(installmentAmounts(108500, { installmentAmount: 10000 })).toEqual([...new Array(10).fill(10000), 8500]);
    expect(installmentAmounts(11000, { installmentAmount: 2500, minFinalAmount: 2500 })).toEqual([2500, 2500, 2500, 3500]);
    expect(installmentAmounts(11000, { installmentAmount: 2500 })).toEqual([2500, 2500, 2500, 2500, 1000]);
    expect(installmentAmounts(5000, { installmentAmount: 9000 })).toEqual([5000]);
  });

  it('a down payment is seq 0 on the first date; installments follow one period later, numbered from 1', () => {
    const payments = buildSchedule({ total: 108500, downPayment: 20000, frequency: 'monthly', firstDate: TODAY, count: 6 });
    expect(payments[0]).toEqual({ seq: 0, kind: 'down_payment', dueDate: TODAY, amount: 20000 });
    expect(payments.slice(1).map((p) => [p.seq, p.dueDate, p.amount])).toEqual([
      [1, '2026-12-23', 14750],
      [2, '2027-01-25', 14750], // the 23rd is a Saturday
      [3, '2027-02-23', 14750],
      [4, '2027-03-23', 14750],
      [5, '2027-04-23', 14750],
      [6, '2027-05-24', 14750], // the 23rd is a Sunday
    ]);
    expect(sum(payments.map((p) => p.amount))).toBe(108500);
  });

  it('refuses inputs that cannot make a schedule', () => {
    expect(() => buildSchedule({ total: 1000, downPayment: 1000, frequency: 'monthly', firstDate: TODAY, count: 2 })).toThrow(/down payment/);
    expect(() => buildSchedule({ total: 1000, frequency: 'monthly', firstDate: TODAY, count: 2, installmentAmount: 500 })).toThrow(/exactly one/);
    expect(() => buildSchedule({ total: 1000, frequency: 'monthly', firstDate: TODAY })).toThrow(/exactly one/);
    expect(() => buildSchedule({ total: 1000, frequency: 'monthly', firstDate: TODAY, count: 0 })).toThrow(RangeError);
    expect(() => buildSchedule({ total: 3, frequency: 'monthly', firstDate: TODAY, count: 4 })).toThrow(/cannot split/);
    expect(() => buildSchedule({ total: 10.5, frequency: 'monthly', firstDate: TODAY, count: 2 })).toThrow(RangeError);
    expect(() => buildSchedule({ total: 1000, frequency: 'daily' as Frequency, firstDate: TODAY, count: 2 })).toThrow(/frequency/);
  });
});

describe('settlement floor', () => {
  it.each([
    [108500, 70, 75950],
    [108500, 50, 54250],
    [1001, 33.3, 334], // 333.333 rounds up
    [3, 62.5, 2], // 1.875 rounds up
    [100, 100, 100],
    [351815, 70, 246271], // 246270.5 rounds up: never below the floor
  ])('%d at %d%% → %d', (balance, percent, floor) => {
    expect(settlementFloorAmount(balance, percent)).toBe(floor);
  });
});

describe('checkPlanAgainstPolicy: every limit, as data', () => {
  const plan = (overrides: Partial<Parameters<typeof installmentPlan>[0]> = {}) =>
    installmentPlan({ balance: 108500, currency: 'USD', frequency: 'monthly', firstDate: TODAY, count: 12, ...overrides });
  const check = (p: PlanTerms, options: { hardship?: boolean; policy?: object } = {}) =>
    checkPlanAgainstPolicy(p, policySchema.parse(options.policy ?? {}), { hardship: options.hardship ?? false, today: TODAY });

  it('an in-policy plan has no violations', () => {
    expect(check(plan())).toEqual([]);
    expect(check(lumpSumPlan({ kind: 'full', balance: 108500, currency: 'USD', date: TODAY }))).toEqual([]);
    expect(check(lumpSumPlan({ kind: 'settlement', balance: 108500, currency: 'USD', date: TODAY, total: 75950 }))).toEqual([]);
  });

  it.each([
    ['minInstallment', () => plan({ count: 1, balance: 2000 }), { limit: 'minInstallment', value: 2500 }],
    ['maxInstallments', () => plan({ count: 13 }), { limit: 'maxInstallments', value: 12 }],
    ['maxPlanDays', () => plan({ count: 12 }), { limit: 'maxPlanDays', value: 300 }, { maxPlanDays: 300 }],
    ['minDownPayment', () => plan(), { limit: 'minDownPayment', value: 10000 }, { minDownPaymentMinor: 10000 }],
    ['frequency', () => plan({ frequency: 'weekly' }), { limit: 'frequency', value: ['monthly'] }, { frequencies: ['monthly'], maxInstallments: 12, maxPlanDays: 365 }],
    ['firstPaymentWithinDays', () => plan({ firstDate: '2026-12-24' }), { limit: 'firstPaymentWithinDays', value: 30, latest: '2026-12-23' }],
    ['firstPaymentNotBefore', () => plan({ firstDate: '2026-11-22' }), { limit: 'firstPaymentNotBefore', value: TODAY }],
    ['total (installments add up to the balance)', () => plan({ total: 100000 }), { limit: 'total', value: 108500 }],
  ] as const)('%s', (_label, make, violation, policy?: object) => {
    expect(check(make(), { policy })).toContainEqual(violation);
  });

  it('settlements: never below the floor, none when the floor is null, never above the balance', () => {
    const settle = (total: number) => lumpSumPlan({ kind: 'settlement', balance: 108500, currency: 'USD', date: TODAY, total });
    expect(check(settle(75949))).toEqual([{ limit: 'settlementFloor', value: 75950, percent: 70 }]);
    expect(check(settle(80000), { policy: { settlementFloorPercent: null } })).toEqual([{ limit: 'settlementNotAllowed' }]);
    expect(check(settle(108501))).toContainEqual({ limit: 'total', value: 108500 });
    expect(check(lumpSumPlan({ kind: 'full', balance: 108500, currency: 'USD', date: TODAY, total: 1 }))).toEqual([]); // full is always the balance
  });

  it('DESIGN 10: a full payment is always the balance, nothing added', () => {
    const full = lumpSumPlan({ kind: 'full', balance: 108500, currency: 'USD', date: TODAY });
    expect(full.total).toBe(108500);
    expect(check({ ...full, total: 109000, payments: [{ ...full.payments[0]!, amount: 109000 }] })).toContainEqual({ limit: 'total', value: 108500 });
  });

  it('hardship opens the hardship limits: 20 monthly payments of $54.25 break the normal limits, not the hardship ones', () => {
    const p = plan({ count: 20 });
    expect(check(p).map((v) => v.limit)).toEqual(['maxInstallments', 'maxPlanDays']);
    expect(check(p, { hardship: true })).toEqual([]);
    expect(planLimits(DEFAULT_POLICY, true)).toMatchObject({ maxInstallments: 24, maxPlanDays: 730, minInstallmentMinor: 1000, settlementFloorPercent: 50 });
  });

  it('an inconsistent schedule is reported as such', () => {
    const p = plan();
    expect(check({ ...p, total: p.total + 1, balance: p.total + 1 })).toEqual([{ limit: 'schedule', value: 'payments do not add up to the total' }]);
    const swapped = [...p.payments];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(check({ ...p, payments: swapped })[0]?.limit).toBe('schedule');
    expect(check({ ...p, payments: [] })).toEqual([{ limit: 'schedule', value: 'no payments' }]);
  });
});

describe('property: schedules sum to the total exactly and follow the date rules (thousands of random cases)', () => {
  it('for random totals, down payments, frequencies, counts or amounts, and first dates', () => {
    const rng = mulberry32(propertySeed(20261123));
    const problems: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const total = randomInt(rng, 1, rng() < 0.2 ? 1000 : 10_000_000);
      const downPayment = rng() < 0.4 && total > 1 ? randomInt(rng, 1, total - 1) : 0;
      const rest = total - downPayment;
      const frequency = FREQUENCIES[randomInt(rng, 0, 2)]!;
      const firstDate = randomDate(rng, '2025-01-01', '2030-12-31');
      const byCount = rng() < 0.5;
      const count = randomInt(rng, 1, Math.min(60, rest));
      const installmentAmount = randomInt(rng, Math.max(1, Math.ceil(rest / 60)), rest);
      const minFinalAmount = rng() < 0.5 ? randomInt(rng, 1, installmentAmount) : undefined;
      const payments = buildSchedule(
        byCount ? { total, downPayment, frequency, firstDate, count } : { total, downPayment, frequency, firstDate, installmentAmount, minFinalAmount },
      );
      const context = JSON.stringify({ total, downPayment, frequency, firstDate, byCount, count, installmentAmount, minFinalAmount });
      const fail = (what: string) => problems.push(`${what}: ${context}`);

      if (sum(payments.map((p) => p.amount)) !== total) fail('sum');
      if (!payments.every((p) => Number.isSafeInteger(p.amount) && p.amount > 0)) fail('amounts');
      if (payments[0]!.dueDate !== firstDate) fail('first date');
      const installments = payments.filter((p) => p.kind === 'installment');
      const amounts = installments.map((p) => p.amount);
      const last = amounts[amounts.length - 1]!;
      if (byCount) {
        if (amounts.length !== count) fail('count');
        if (new Set(amounts.slice(0, -1)).size > 1) fail('equal payments');
        if (!(last - amounts[0]! >= 0 && last - amounts[0]! < count)) fail('last absorbs the rounding');
      } else {
        if (!amounts.slice(0, -1).every((a) => a === installmentAmount)) fail('fixed payments');
        if (minFinalAmount !== undefined && amounts.length > 1 && last < minFinalAmount) fail('small last payment');
      }
      for (let k = 1; k < payments.length; k++) {
        const due = payments[k]!.dueDate;
        const nominal = nominalDate(firstDate, frequency, k);
        if ([0, 6].includes(weekdayOf(due))) fail('weekend');
        if (!(daysBetween(nominal, due) >= 0 && daysBetween(nominal, due) <= 2)) fail('moved too far');
        if (daysBetween(payments[k - 1]!.dueDate, due) <= 0) fail('order');
        if (frequency === 'monthly') {
          const anchor = Number(firstDate.slice(8));
          const [y, m] = nominal.split('-').map(Number) as [number, number];
          if (Number(nominal.slice(8)) !== Math.min(anchor, new Date(Date.UTC(y, m, 0)).getUTCDate())) fail('day of month');
        }
      }
      if (downPayment > 0 && !(payments[0]!.seq === 0 && payments[0]!.kind === 'down_payment' && payments[0]!.amount === downPayment)) fail('down payment');
      if (!installments.every((p, j) => p.seq === j + 1)) fail('numbering');
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('random policies are valid policies (the generator the negotiation properties use)', () => {
    const rng = mulberry32(7);
    for (let i = 0; i < 500; i++) expect(() => randomPolicy(rng)).not.toThrow();
  });
});
