import { describe, expect, it } from 'vitest';
import { evaluateOffer, MAX_ROUNDS, paymentOptions, type Evaluation, type NegotiationContext, type Offer } from '../../src/domain/negotiation.ts';
import { addCalendarDays, checkPlanAgainstPolicy, daysBetween, installmentPlan, planLimits, settlementFloorAmount } from '../../src/domain/plans.ts';
import { DEFAULT_POLICY, FREQUENCIES, policySchema } from '../../src/domain/policy.ts';
import { mulberry32, propertySeed, randomDate, randomInt, randomPolicy } from './random.ts';

const TODAY = '2026-11-23';
/** A-1001 Maria Johnson under DEFAULT_POLICY: balance $1,085.00. */
const MARIA: NegotiationContext = { policy: DEFAULT_POLICY, hardship: false, balance: 108500, currency: 'USD', today: TODAY };
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function terms(e: Evaluation) {
  const installments = e.plan.payments.filter((p) => p.kind === 'installment');
  return {
    kind: e.plan.kind,
    total: e.plan.total,
    down: e.plan.downPayment,
    frequency: e.plan.frequency,
    count: e.plan.installmentCount,
    regular: installments[0]?.amount,
    last: installments[installments.length - 1]?.amount,
    first: e.plan.firstDate,
  };
}

describe('negotiation table: "debtor offers X under policy P → bot answers Y" (DEFAULT_POLICY, balance $1,085.00)', () => {
  it.each<[string, Offer, Partial<NegotiationContext>, string, object, object[]]>([
    // label, offer, context overrides, outcome, plan terms, reasons
    ['"I can do 50 a month" → at most 12 payments, so $90.42 a month', { kind: 'installments', amount: 5000, frequency: 'monthly' }, {}, 'counter',
      { kind: 'installments', count: 12, regular: 9042, last: 9038, total: 108500 }, [{ limit: 'maxInstallments', value: 12, frequency: 'monthly', smallestPayment: 9042 }]],
    ['"$100 every two weeks starting the 15th" → accepted', { kind: 'installments', amount: 10000, frequency: 'biweekly', firstDate: '2026-12-15' }, {}, 'accept',
      { kind: 'installments', count: 11, regular: 10000, last: 8500, first: '2026-12-15', frequency: 'biweekly' }, []],
    ['"200 now and the rest over 6 months" → accepted', { kind: 'installments', downPayment: 20000, count: 6, frequency: 'monthly' }, {}, 'accept',
      { kind: 'installments', down: 20000, count: 6, regular: 14750, last: 14750, total: 108500 }, []],
    ['"I can pay 600 to settle" → the floor is $759.50', { kind: 'settlement', amount: 60000 }, {}, 'counter',
      { kind: 'settlement', total: 75950 }, [{ limit: 'settlementFloor', value: 75950, percent: 70 }]],
    ['"I can pay 800 to settle" → accepted', { kind: 'settlement', amount: 80000 }, {}, 'accept', { kind: 'settlement', total: 80000 }, []],
    ['"I can pay 1,200 to settle" → that is paying in full, never more than the balance', { kind: 'settlement', amount: 120000 }, {}, 'accept', { kind: 'full', total: 108500 }, []],
    ['pay in full → always accepted', { kind: 'full' }, {}, 'accept', { kind: 'full', total: 108500, first: TODAY }, []],
    ['"over 6 months" → accepted', { kind: 'installments', count: 6, frequency: 'monthly' }, {}, 'accept', { count: 6, regular: 18083, last: 18085 }, []],
    ['"24 monthly payments" → at most 12', { kind: 'installments', count: 24, frequency: 'monthly' }, {}, 'counter',
      { count: 12 }, [{ limit: 'maxInstallments', value: 12, frequency: 'monthly' }]],
    ['"6 payments of $100" adds up to less than the balance', { kind: 'installments', amount: 10000, count: 6 }, {}, 'counter',
      { count: 6, total: 108500 }, [{ limit: 'total', value: 108500 }]],
    ['a plan with no amount → the bot suggests the smallest payments', { kind: 'installments' }, {}, 'suggest', { count: 12, regular: 9042 }, []],
    ['settle, no amount → the bot suggests the floor', { kind: 'settlement' }, {}, 'suggest', { kind: 'settlement', total: 75950 }, []],
    ['first payment after 30 days → the latest allowed date', { kind: 'installments', count: 6, frequency: 'monthly', firstDate: '2027-01-15' }, {}, 'counter',
      { first: '2026-12-23' }, [{ limit: 'firstPaymentWithinDays', value: 30, latest: '2026-12-23' }]],
    ['first payment in the past → from today', { kind: 'full', date: '2026-11-01' }, {}, 'counter', { first: TODAY }, [{ limit: 'firstPaymentNotBefore', value: TODAY }]],
    ['hardship: "20 a month" → at most 24 payments, so $45.21', { kind: 'installments', amount: 2000, frequency: 'monthly' }, { hardship: true }, 'counter',
      { count: 24, regular: 4521 }, [{ limit: 'maxInstallments', value: 24, frequency: 'monthly', smallestPayment: 4521 }]],
    ['hardship: "50 a month" → accepted (22 payments)', { kind: 'installments', amount: 5000, frequency: 'monthly' }, { hardship: true }, 'accept',
      { count: 22, regular: 5000, last: 3500 }, []],
    ['hardship: "600 to settle" → accepted above the 50% hardship floor', { kind: 'settlement', amount: 60000 }, { hardship: true }, 'accept', { kind: 'settlement', total: 60000 }, []],
  ])('%s', (_label, offer, overrides, outcome, plan, reasons) => {
    const e = evaluateOffer(offer, { ...MARIA, ...overrides });
    expect(e.outcome).toBe(outcome);
    expect(terms(e)).toMatchObject(plan);
    expect(e.outcome === 'counter' || e.outcome === 'review' ? e.reasons : []).toEqual(reasons);
  });

  it('the smallest monthly payment is the policy minimum when that is what binds: "$30 a month" on $200 with a $40 minimum → $40', () => {
    const policy = policySchema.parse({ minInstallmentMinor: 4000, hardship: { minInstallmentMinor: 1000 } });
    const e = evaluateOffer({ kind: 'installments', amount: 3000, frequency: 'monthly' }, { ...MARIA, policy, balance: 20000 });
    expect(e.outcome).toBe('counter');
    expect(e.outcome !== 'accept' && e.outcome !== 'suggest' && e.reasons).toEqual([{ limit: 'minInstallment', value: 4000, frequency: 'monthly' }]);
    expect(terms(e)).toMatchObject({ count: 5, regular: 4000, last: 4000 });
  });

  it('a frequency the creditor does not offer → the nearest allowed one, the amount carried over', () => {
    const policy = policySchema.parse({ frequencies: ['monthly'], maxInstallments: 11, maxPlanDays: 365 });
    const e = evaluateOffer({ kind: 'installments', amount: 5000, frequency: 'weekly' }, { ...MARIA, policy });
    expect(e.outcome).toBe('counter');
    expect(e.outcome === 'counter' && e.reasons[0]).toEqual({ limit: 'frequency', value: ['monthly'] });
    expect(e.plan.frequency).toBe('monthly');
    expect(e.plan.payments[0]!.amount).toBe(21741); // $50 a week ≈ $217.41 a month
  });

  it('no settlements: the amount offered becomes a first payment, the rest in installments', () => {
    const policy = policySchema.parse({ settlementFloorPercent: null });
    const e = evaluateOffer({ kind: 'settlement', amount: 60000 }, { ...MARIA, policy });
    expect(e.outcome).toBe('counter');
    expect(e.outcome === 'counter' && e.reasons).toEqual([{ limit: 'settlementNotAllowed' }]);
    expect(terms(e)).toMatchObject({ kind: 'installments', down: 60000, total: 108500 });
    // Not in hardship either: null at the top level makes the hardship floor null too.
    expect(evaluateOffer({ kind: 'settlement', amount: 100000 }, { ...MARIA, policy, hardship: true }).plan.kind).toBe('installments');
  });

  it('a required down payment is asked for', () => {
    const policy = policySchema.parse({ minDownPaymentMinor: 10000 });
    const e = evaluateOffer({ kind: 'installments', count: 6, frequency: 'monthly' }, { ...MARIA, policy });
    expect(e.outcome === 'counter' && e.reasons).toEqual([{ limit: 'minDownPayment', value: 10000 }]);
    expect(terms(e)).toMatchObject({ down: 10000, count: 6 });
  });

  it('a balance too small for any plan → paying in full, with the minimum explained', () => {
    const e = evaluateOffer({ kind: 'installments', amount: 1000, frequency: 'monthly' }, { ...MARIA, balance: 2000 });
    expect(e.outcome === 'counter' && e.reasons).toEqual([{ limit: 'minInstallment', value: 2500, frequency: 'monthly' }]);
    expect(terms(e)).toMatchObject({ kind: 'full', total: 2000 });
  });

  it(`rounds: the ${MAX_ROUNDS}rd offer outside policy is 'review', carrying the literal proposal and what it breaks`, () => {
    const offer: Offer = { kind: 'installments', amount: 5000, frequency: 'monthly' };
    expect(evaluateOffer(offer, MARIA, 0).outcome).toBe('counter');
    expect(evaluateOffer(offer, MARIA, 1).outcome).toBe('counter');
    const third = evaluateOffer(offer, MARIA, 2);
    expect(third.outcome).toBe('review');
    if (third.outcome !== 'review') throw new Error('expected review');
    expect(third.literal?.installmentCount).toBe(22);
    expect(third.violations.map((v) => v.limit)).toEqual(['maxInstallments', 'maxPlanDays']);
    // An offer inside policy is accepted whatever the rounds.
    expect(evaluateOffer({ kind: 'full' }, MARIA, 5).outcome).toBe('accept');
  });

  it('paymentOptions: full, the settlement floor, the plan with the smallest payments; hardship opens more', () => {
    const normal = paymentOptions(MARIA);
    expect(normal.full.total).toBe(108500);
    expect(normal.settlement?.total).toBe(75950);
    expect(normal.plan?.installmentCount).toBe(12);
    const hardship = paymentOptions({ ...MARIA, hardship: true });
    expect(hardship.settlement?.total).toBe(54250);
    expect(hardship.plan?.installmentCount).toBe(24);
    expect(paymentOptions({ ...MARIA, policy: policySchema.parse({ settlementFloorPercent: null }) }).settlement).toBeNull();
  });

  it('DESIGN 9: the same offer on the same date gets the same answer — nothing expires or depends on the hour', () => {
    const offer: Offer = { kind: 'installments', amount: 5000, frequency: 'monthly' };
    expect(evaluateOffer(offer, MARIA)).toEqual(evaluateOffer(offer, MARIA));
  });
});

describe('property: every plan the negotiation proposes is inside policy and adds up (thousands of random policies and offers)', () => {
  it('accept/suggest/counter/review plans pass checkPlanAgainstPolicy, total = balance (settlement: floor ≤ total < balance)', () => {
    const rng = mulberry32(propertySeed(1006_38));
    const problems: string[] = [];
    let accepted = 0;
    let countered = 0;
    for (let i = 0; i < 3000; i++) {
      const policy = randomPolicy(rng);
      const hardship = rng() < 0.3;
      const today = randomDate(rng, '2025-01-01', '2030-12-31');
      const balance = randomInt(rng, 1, rng() < 0.3 ? 20_000 : 5_000_000);
      const ctx: NegotiationContext = { policy, hardship, balance, currency: 'USD', today };
      const limits = planLimits(policy, hardship);
      for (let j = 0; j < 4; j++) {
        const offer = randomOffer(rng, balance, today);
        const e = evaluateOffer(offer, ctx, randomInt(rng, 0, 3));
        const where = JSON.stringify({ policy, hardship, today, balance, offer });
        const violations = checkPlanAgainstPolicy(e.plan, policy, { hardship, today });
        if (violations.length > 0) problems.push(`outside policy ${JSON.stringify(violations)}: ${where}`);
        if (sum(e.plan.payments.map((p) => p.amount)) !== e.plan.total) problems.push(`sum: ${where}`);
        if (e.plan.kind === 'settlement') {
          const floor = limits.settlementFloorPercent === null ? Infinity : settlementFloorAmount(balance, limits.settlementFloorPercent);
          if (!(e.plan.total >= floor && e.plan.total < balance)) problems.push(`settlement: ${where}`);
        } else if (e.plan.total !== balance) {
          problems.push(`total: ${where}`); // DESIGN 10: never more than the balance, no fee
        }
        if (e.outcome === 'accept') accepted++;
        if (e.outcome === 'counter' || e.outcome === 'review') {
          countered++;
          if (e.reasons.length === 0) problems.push(`counter without a reason: ${where}`);
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    // Both branches are exercised in earnest.
    expect(accepted).toBeGreaterThan(1000);
    expect(countered).toBeGreaterThan(1000);
  }, 120_000);

  it('an offer whose literal plan is inside policy is accepted as made', () => {
    const rng = mulberry32(propertySeed(1005_10));
    const problems: string[] = [];
    let checked = 0;
    for (let i = 0; i < 3000; i++) {
      const policy = randomPolicy(rng);
      const hardship = rng() < 0.3;
      const today = randomDate(rng, '2025-01-01', '2030-12-31');
      const balance = randomInt(rng, 2, 2_000_000);
      const limits = planLimits(policy, hardship);
      const frequency = limits.frequencies[randomInt(rng, 0, limits.frequencies.length - 1)]!;
      const downPayment = rng() < 0.3 ? randomInt(rng, 1, balance - 1) : 0;
      const firstDate = randomDate(rng, today, addCalendarDays(today, limits.firstPaymentWithinDays));
      const rest = balance - downPayment;
      const byCount = rng() < 0.5;
      const count = randomInt(rng, 1, Math.min(limits.maxInstallments, rest));
      const amount = randomInt(rng, Math.max(1, Math.ceil(rest / 40)), rest);
      const literal = byCount
        ? installmentPlan({ balance, currency: 'USD', frequency, firstDate, downPayment, count })
        : installmentPlan({
            balance,
            currency: 'USD',
            frequency,
            firstDate,
            downPayment,
            installmentAmount: amount,
            ...(amount >= limits.minInstallmentMinor ? { minFinalAmount: limits.minInstallmentMinor } : {}),
          });
      if (checkPlanAgainstPolicy(literal, policy, { hardship, today }).length > 0) continue;
      checked++;
      const offer: Offer = { kind: 'installments', frequency, firstDate, ...(downPayment ? { downPayment } : {}), ...(byCount ? { count } : { amount }) };
      const e = evaluateOffer(offer, { policy, hardship, balance, currency: 'USD', today }, 2);
      const where = JSON.stringify({ policy, hardship, today, balance, offer });
      if (e.outcome !== 'accept') problems.push(`not accepted: ${where}`);
      else if (e.plan.kind === 'installments' && JSON.stringify(e.plan.payments) !== JSON.stringify(literal.payments)) problems.push(`changed: ${where}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  }, 120_000);
});

function randomOffer(rng: () => number, balance: number, today: string): Offer {
  const date = rng() < 0.3 ? addCalendarDays(today, randomInt(rng, -10, 90)) : undefined;
  const roll = rng();
  if (roll < 0.15) return { kind: 'full', ...(date ? { date } : {}) };
  if (roll < 0.4) return { kind: 'settlement', ...(rng() < 0.8 ? { amount: randomInt(rng, 1, Math.ceil(balance * 1.2)) } : {}), ...(date ? { date } : {}) };
  const offer: Offer = { kind: 'installments' };
  if (rng() < 0.7) offer.frequency = FREQUENCIES[randomInt(rng, 0, 2)]!;
  if (rng() < 0.6) offer.amount = randomInt(rng, 1, Math.max(1, Math.ceil(balance / randomInt(rng, 1, 40))));
  if (rng() < 0.4) offer.count = randomInt(rng, 1, 50);
  if (rng() < 0.3) offer.downPayment = randomInt(rng, 0, balance);
  if (date) offer.firstDate = date;
  return offer;
}

describe('dates in the evaluation', () => {
  it('every first payment falls between today and the last allowed day', () => {
    const rng = mulberry32(propertySeed(42));
    for (let i = 0; i < 500; i++) {
      const offer = randomOffer(rng, 108500, TODAY);
      const e = evaluateOffer(offer, MARIA);
      const days = daysBetween(TODAY, e.plan.firstDate);
      expect(days >= 0 && days <= DEFAULT_POLICY.firstPaymentWithinDays, JSON.stringify(offer)).toBe(true);
    }
  });
});

describe('the regular payments\' own start after a first payment (fresh-eyes round 3, C03)', () => {
  const dates = (e: Evaluation) => e.plan.payments.map((p) => `${p.kind}:${p.dueDate}:${p.amount}`);

  it('"200 now and the rest over 4 months, on the 1st": $200 today, then 4 monthly payments from the 1st', () => {
    const e = evaluateOffer({ kind: 'installments', downPayment: 20000, count: 4, frequency: 'monthly', installmentsFrom: '2026-12-01' }, MARIA);
    expect(e.outcome).toBe('accept');
    expect(dates(e)).toEqual(['down_payment:2026-11-23:20000', 'installment:2026-12-01:22125', 'installment:2027-01-01:22125', 'installment:2027-02-01:22125', 'installment:2027-03-01:22125']);
    expect(checkPlanAgainstPolicy(e.plan, DEFAULT_POLICY, { hardship: false, today: TODAY })).toEqual([]);
  });

  it('a day on or before the first payment is the next such day after it', () => {
    const e = evaluateOffer({ kind: 'installments', downPayment: 20000, count: 4, frequency: 'monthly', firstDate: '2026-12-05', installmentsFrom: '2026-12-01' }, MARIA);
    expect(e.plan.payments.slice(0, 2).map((p) => p.dueDate)).toEqual(['2026-12-05', '2027-01-01']);
  });

  it('too long a wait after the first payment: the latest date allowed, and why', () => {
    const e = evaluateOffer({ kind: 'installments', downPayment: 20000, count: 4, frequency: 'monthly', installmentsFrom: '2027-03-01' }, MARIA);
    expect(e.outcome).toBe('counter');
    expect(e.outcome === 'counter' && e.reasons).toEqual([{ limit: 'installmentsStartWithin', latest: '2027-01-23' }]);
    expect(e.plan.payments[1]!.dueDate).toBe('2027-01-23');
  });

  it('without a first payment, the regular payments\' start is simply the start', () => {
    const e = evaluateOffer({ kind: 'installments', count: 4, frequency: 'monthly', installmentsFrom: '2026-12-15' }, MARIA);
    expect(e.plan.firstDate).toBe('2026-12-15');
    expect(e.plan.downPayment).toBe(0);
  });

  it('the plan span counts from the first payment to the last: the count is still bounded by maxPlanDays', () => {
    const e = evaluateOffer({ kind: 'installments', downPayment: 20000, count: 12, frequency: 'monthly', installmentsFrom: '2026-12-20' }, MARIA);
    const violations = checkPlanAgainstPolicy(e.plan, DEFAULT_POLICY, { hardship: false, today: TODAY });
    expect(violations).toEqual([]);
  });
});
