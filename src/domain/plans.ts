/**
 * Plan maths: payment schedules and the policy check. Pure: no I/O, no clock (callers pass today).
 *
 * Dates are calendar dates, 'YYYY-MM-DD' strings, with no time zone: the caller decides which
 * zone "today" is in (the debtor's, or the collector's when unknown).
 *
 * Money is integer minor units of one currency. A plan never charges more than the balance: an
 * installment plan adds up to the balance exactly, a settlement is less, and no fee is ever added
 * (DESIGN 10, 12 CFR 1006.22(b)).
 *
 * The schedule rules
 * - A plan is an optional down payment followed by `n` installments. The first payment (the down
 *   payment when there is one, otherwise the first installment) is on `firstDate`.
 * - Weekly and every-two-weeks payments fall every 7 / 14 days after `firstDate`. Monthly payments
 *   fall on `firstDate`'s day of the month, clamped to the end of shorter months and computed
 *   from `firstDate` each time (never from the previous, clamped date): Jan 31 → Feb 28 (29 in a
 *   leap year) → Mar 31 → Apr 30.
 * - With a down payment, the installments start one period after it.
 * - Weekends: every payment after the first is charged automatically, so one that would fall on a
 *   Saturday or Sunday moves to the following Monday. The first payment keeps its date: the
 *   debtor makes it on the secure payment page, which works any day. Moving a date never moves
 *   the ones after it (they are computed from `firstDate`), so dates never drift.
 * - Amounts: split into equal payments (`count`), the LAST one absorbing the rounding, or fixed
 *   payments (`installmentAmount`), the last one being what is left (and, when that would be below
 *   `minFinalAmount`, added to the payment before it). Either way the payments sum to the total
 *   exactly, to the minor unit.
 *
 * The policy check measures a plan's length from its first payment (down payment included) to its
 * last, on the actual dates; the down payment is not counted as an installment.
 */
import { FREQUENCIES, type Frequency, type NegotiationPolicy } from './policy.ts';

export type PlanKind = 'full' | 'settlement' | 'installments';
export type PaymentKind = 'lump_sum' | 'down_payment' | 'installment';

export interface ScheduledPayment {
  /** 0 for a down payment, then 1, 2, … for installments; 1 for a lump sum. */
  seq: number;
  kind: PaymentKind;
  /** YYYY-MM-DD */
  dueDate: string;
  /** Minor units, > 0. */
  amount: number;
}

/** Proposed terms: what the debtor would pay, when. Plain data (stored in dialog state as JSON). */
export interface PlanTerms {
  kind: PlanKind;
  currency: string;
  /** The balance the plan resolves (minor units). */
  balance: number;
  /** What the debtor pays in all: the balance, or less for a settlement. Never more. */
  total: number;
  /** 0 when there is none (always 0 for full and settlement). */
  downPayment: number;
  /** null for full and settlement. */
  frequency: Frequency | null;
  /** Installments, the down payment not counted (0 for full and settlement). */
  installmentCount: number;
  /** Date of the first payment, YYYY-MM-DD. */
  firstDate: string;
  /** In date order; the amounts sum to `total`. */
  payments: ScheduledPayment[];
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Calendar dates
// ─────────────────────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

function toUtc(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`expected a YYYY-MM-DD date, got "${isoDate}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`not a calendar date: "${isoDate}"`);
  return Date.UTC(year, month - 1, day);
}

function fromUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** True for a real YYYY-MM-DD calendar date. */
export function isIsoDate(value: string): boolean {
  try {
    toUtc(value);
    return true;
  } catch {
    return false;
  }
}

export function addCalendarDays(isoDate: string, days: number): string {
  return fromUtc(toUtc(isoDate) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(isoDate: string): number {
  return new Date(toUtc(isoDate)).getUTCDay();
}

/** Saturday and Sunday move to the following Monday; other days stay. */
export function moveOffWeekend(isoDate: string): string {
  const day = weekdayOf(isoDate);
  if (day === 6) return addCalendarDays(isoDate, 2);
  if (day === 0) return addCalendarDays(isoDate, 1);
  return isoDate;
}

/** `months` months after `isoDate`, on `isoDate`'s day of the month clamped to the month's end. */
export function addMonthsClamped(isoDate: string, months: number): string {
  toUtc(isoDate);
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days per period for weekly and every-two-weeks plans. */
const PERIOD_DAYS = { weekly: 7, biweekly: 14 } as const;

/** The k-th period after `firstDate` (k = 0 is `firstDate` itself), before any weekend move. */
export function nominalDate(firstDate: string, frequency: Frequency, k: number): string {
  if (frequency === 'monthly') return addMonthsClamped(firstDate, k);
  return addCalendarDays(firstDate, k * PERIOD_DAYS[frequency]);
}

/** The dates of `n` payments starting on `firstDate`: the first as given, the rest off weekends. */
export function paymentDates(firstDate: string, frequency: Frequency, n: number): string[] {
  toUtc(firstDate);
  const dates: string[] = [];
  for (let k = 0; k < n; k++) dates.push(k === 0 ? firstDate : moveOffWeekend(nominalDate(firstDate, frequency, k)));
  return dates;
}

/**
 * The due dates of a schedule: the down payment (if any) on `firstDate`, then the installments one
 * period later — or from `installmentsFrom`, the day the debtor chose for the regular payments
 * ("200 now and the rest on the 15th"), which must come after the down payment.
 */
export function scheduleDates(firstDate: string, frequency: Frequency, installments: number, hasDown: boolean, installmentsFrom?: string): string[] {
  if (!hasDown || installmentsFrom === undefined) return paymentDates(firstDate, frequency, installments + (hasDown ? 1 : 0));
  if (daysBetween(firstDate, installmentsFrom) <= 0) throw new RangeError('the installments must start after the down payment');
  return [firstDate, ...paymentDates(installmentsFrom, frequency, installments)];
}

/** `day` moved on by whole periods until it falls after `after` ("the 15th" asked on the 20th is next month's). */
export function nextPeriodAfter(after: string, day: string, frequency: Frequency): string {
  let k = 0;
  while (daysBetween(after, nominalDate(day, frequency, k)) <= 0) k++;
  return nominalDate(day, frequency, k);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Schedules
// ─────────────────────────────────────────────────────────────────────────────────────────────

export interface ScheduleInput {
  /** What the schedule adds up to, minor units. */
  total: number;
  /** Paid first, on `firstDate`; default 0 (none). Must be less than the total. */
  downPayment?: number;
  frequency: Frequency;
  /** Date of the first payment, YYYY-MM-DD. */
  firstDate: string;
  /** With a down payment: the first installment's date (default: one period after `firstDate`). */
  installmentsFrom?: string;
  /** Equal installments (exactly one of `count` and `installmentAmount`). */
  count?: number;
  /** Installments of this amount, the last one being what is left. */
  installmentAmount?: number;
  /** With `installmentAmount`: a last payment smaller than this is added to the one before it. */
  minFinalAmount?: number;
}

function assertMinor(value: number, name: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be a whole number of minor units ≥ ${min}, got ${value}`);
}

/** The installment amounts (down payment excluded) for the input's rule. */
export function installmentAmounts(rest: number, rule: { count?: number; installmentAmount?: number; minFinalAmount?: number }): number[] {
  assertMinor(rest, 'the amount to split', 1);
  if ((rule.count === undefined) === (rule.installmentAmount === undefined)) {
    throw new RangeError('give exactly one of count and installmentAmount');
  }
  if (rule.count !== undefined) {
    const count = rule.count;
    if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`count must be a whole number ≥ 1, got ${count}`);
    const base = Math.floor(rest / count);
    if (base < 1) throw new RangeError(`cannot split ${rest} minor units into ${count} payments`);
    const amounts = new Array<number>(count).fill(base);
    amounts[count - 1] = rest - base * (count - 1);
    return amounts;
  }
  const amount = rule.installmentAmount!;
  assertMinor(amount, 'installmentAmount', 1);
  if (amount >= rest) return [rest];
  const n = Math.ceil(rest / amount);
  const final = rest - amount * (n - 1);
  if (rule.minFinalAmount !== undefined && final < rule.minFinalAmount && n > 1) {
    const amounts = new Array<number>(n - 1).fill(amount);
    amounts[n - 2] = amount + final;
    return amounts;
  }
  const amounts = new Array<number>(n).fill(amount);
  amounts[n - 1] = final;
  return amounts;
}

/** The payments of a schedule, in date order (see the module comment for the rules). */
export function buildSchedule(input: ScheduleInput): ScheduledPayment[] {
  assertMinor(input.total, 'total', 1);
  const downPayment = input.downPayment ?? 0;
  assertMinor(downPayment, 'downPayment', 0);
  if (downPayment >= input.total) throw new RangeError('the down payment must be less than the total');
  if (!(FREQUENCIES as readonly string[]).includes(input.frequency)) throw new RangeError(`unknown frequency "${input.frequency}"`);
  const amounts = installmentAmounts(input.total - downPayment, input);
  const hasDown = downPayment > 0;
  const dates = scheduleDates(input.firstDate, input.frequency, amounts.length, hasDown, input.installmentsFrom);
  const payments: ScheduledPayment[] = [];
  if (hasDown) payments.push({ seq: 0, kind: 'down_payment', dueDate: dates[0]!, amount: downPayment });
  amounts.forEach((amount, i) => payments.push({ seq: i + 1, kind: 'installment', dueDate: dates[i + (hasDown ? 1 : 0)]!, amount }));
  return payments;
}

/** An installment plan for the whole balance (or `total`, to build a deliberately wrong one in tests). */
export function installmentPlan(input: Omit<ScheduleInput, 'total'> & { balance: number; currency: string; total?: number }): PlanTerms {
  const total = input.total ?? input.balance;
  const payments = buildSchedule({ ...input, total });
  return {
    kind: 'installments',
    currency: input.currency,
    balance: input.balance,
    total,
    downPayment: input.downPayment ?? 0,
    frequency: input.frequency,
    installmentCount: payments.filter((p) => p.kind === 'installment').length,
    firstDate: input.firstDate,
    payments,
  };
}

/** One payment: the whole balance ('full') or a settlement for `total` (less than the balance). */
export function lumpSumPlan(input: { kind: 'full' | 'settlement'; balance: number; currency: string; date: string; total?: number }): PlanTerms {
  const total = input.kind === 'full' ? input.balance : (input.total ?? input.balance);
  assertMinor(total, 'total', 1);
  toUtc(input.date);
  return {
    kind: input.kind,
    currency: input.currency,
    balance: input.balance,
    total,
    downPayment: 0,
    frequency: null,
    installmentCount: 0,
    firstDate: input.date,
    payments: [{ seq: 1, kind: 'lump_sum', dueDate: input.date, amount: total }],
  };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Policy
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** The limits that apply to one negotiation: the normal ones, or the hardship ones. */
export interface PlanLimits {
  settlementFloorPercent: number | null;
  maxInstallments: number;
  maxPlanDays: number;
  minInstallmentMinor: number;
  minDownPaymentMinor: number;
  frequencies: readonly Frequency[];
  firstPaymentWithinDays: number;
}

/** With `hardship`, the policy's hardship limits replace the normal ones where it has them. */
export function planLimits(policy: NegotiationPolicy, hardship: boolean): PlanLimits {
  const common = {
    minDownPaymentMinor: policy.minDownPaymentMinor,
    frequencies: policy.frequencies,
    firstPaymentWithinDays: policy.firstPaymentWithinDays,
  };
  if (hardship) {
    return {
      ...common,
      settlementFloorPercent: policy.hardship.settlementFloorPercent,
      maxInstallments: policy.hardship.maxInstallments,
      maxPlanDays: policy.hardship.maxPlanDays,
      minInstallmentMinor: policy.hardship.minInstallmentMinor,
    };
  }
  return {
    ...common,
    settlementFloorPercent: policy.settlementFloorPercent,
    maxInstallments: policy.maxInstallments,
    maxPlanDays: policy.maxPlanDays,
    minInstallmentMinor: policy.minInstallmentMinor,
  };
}

/**
 * The smallest settlement: `percent` of the balance, rounded UP to the minor unit, computed exactly
 * (percent to 6 decimals, integer arithmetic): 70% of 108500 → 75950; 33.3% of 1001 → 334.
 */
export function settlementFloorAmount(balance: number, percent: number): number {
  assertMinor(balance, 'balance', 0);
  if (!(percent > 0 && percent <= 100)) throw new RangeError(`percent must be in (0, 100], got ${percent}`);
  const scale = 100_000_000n; // 100 (percent) × 10^6 (micro-percent)
  const product = BigInt(balance) * BigInt(Math.round(percent * 1_000_000));
  return Number((product + scale - 1n) / scale);
}

/** A limit a plan breaks, with the limit's value (minor units, days, counts, dates) as data. */
export type PolicyViolation =
  /** An installment below the smallest allowed installment (value: minor units). */
  | { limit: 'minInstallment'; value: number }
  /** More installments than allowed (value: the most). */
  | { limit: 'maxInstallments'; value: number }
  /** First to last payment takes longer than allowed (value: days). */
  | { limit: 'maxPlanDays'; value: number }
  /** The down payment is below the required minimum (value: minor units). */
  | { limit: 'minDownPayment'; value: number }
  /** The frequency is not one the creditor allows (value: the allowed ones). */
  | { limit: 'frequency'; value: readonly Frequency[] }
  /** The first payment is later than allowed (value: days from today; latest: the last allowed date). */
  | { limit: 'firstPaymentWithinDays'; value: number; latest: string }
  /** The first payment is before today (value: today). */
  | { limit: 'firstPaymentNotBefore'; value: string }
  /** The creditor accepts no settlement (in these circumstances). */
  | { limit: 'settlementNotAllowed' }
  /** A settlement below the floor (value: the smallest settlement, minor units; percent: the floor). */
  | { limit: 'settlementFloor'; value: number; percent: number }
  /** The total is wrong for the kind: not the balance, or more than the balance (value: the balance). */
  | { limit: 'total'; value: number }
  /** The schedule itself is inconsistent (amounts not summing to the total, dates out of order…). */
  | { limit: 'schedule'; value: string };

export type PolicyLimit = PolicyViolation['limit'];

/**
 * Every limit `plan` breaks under `policy` (the hardship limits when `hardship`), as of `today`
 * (YYYY-MM-DD). Empty means the plan is inside policy. Pay in full is always allowed (only its
 * date and total are checked).
 */
export function checkPlanAgainstPolicy(
  plan: PlanTerms,
  policy: NegotiationPolicy,
  options: { hardship: boolean; today: string },
): PolicyViolation[] {
  const limits = planLimits(policy, options.hardship);
  const violations: PolicyViolation[] = [];
  const structural = scheduleProblem(plan);
  if (structural) return [{ limit: 'schedule', value: structural }];

  if (plan.total > plan.balance || (plan.kind !== 'settlement' && plan.total !== plan.balance)) {
    violations.push({ limit: 'total', value: plan.balance });
  }

  const first = plan.payments[0]!.dueDate;
  if (daysBetween(options.today, first) < 0) violations.push({ limit: 'firstPaymentNotBefore', value: options.today });
  if (daysBetween(options.today, first) > limits.firstPaymentWithinDays) {
    violations.push({
      limit: 'firstPaymentWithinDays',
      value: limits.firstPaymentWithinDays,
      latest: addCalendarDays(options.today, limits.firstPaymentWithinDays),
    });
  }

  if (plan.kind === 'settlement') {
    if (limits.settlementFloorPercent === null) {
      violations.push({ limit: 'settlementNotAllowed' });
    } else {
      const floor = settlementFloorAmount(plan.balance, limits.settlementFloorPercent);
      if (plan.total < floor) violations.push({ limit: 'settlementFloor', value: floor, percent: limits.settlementFloorPercent });
    }
  }

  if (plan.kind === 'installments') {
    if (plan.frequency === null || !limits.frequencies.includes(plan.frequency)) {
      violations.push({ limit: 'frequency', value: limits.frequencies });
    }
    if (plan.installmentCount > limits.maxInstallments) violations.push({ limit: 'maxInstallments', value: limits.maxInstallments });
    const installments = plan.payments.filter((p) => p.kind === 'installment');
    if (installments.some((p) => p.amount < limits.minInstallmentMinor)) {
      violations.push({ limit: 'minInstallment', value: limits.minInstallmentMinor });
    }
    if (plan.downPayment < limits.minDownPaymentMinor) violations.push({ limit: 'minDownPayment', value: limits.minDownPaymentMinor });
    const last = plan.payments[plan.payments.length - 1]!.dueDate;
    if (daysBetween(first, last) > limits.maxPlanDays) violations.push({ limit: 'maxPlanDays', value: limits.maxPlanDays });
  }
  return violations;
}

/** Why the plan's own data is inconsistent, or null when it is consistent. */
function scheduleProblem(plan: PlanTerms): string | null {
  const { payments } = plan;
  if (payments.length === 0) return 'no payments';
  if (!Number.isSafeInteger(plan.total) || plan.total <= 0) return 'total must be a positive whole number of minor units';
  if (!Number.isSafeInteger(plan.balance) || plan.balance <= 0) return 'balance must be a positive whole number of minor units';
  for (const p of payments) {
    if (!Number.isSafeInteger(p.amount) || p.amount <= 0) return `payment ${p.seq} has an invalid amount`;
    if (!isIsoDate(p.dueDate)) return `payment ${p.seq} has an invalid date`;
  }
  if (payments.reduce((sum, p) => sum + p.amount, 0) !== plan.total) return 'payments do not add up to the total';
  for (let i = 1; i < payments.length; i++) {
    if (daysBetween(payments[i - 1]!.dueDate, payments[i]!.dueDate) <= 0) return 'payment dates are not in order';
  }
  if (payments[0]!.dueDate !== plan.firstDate) return 'the first payment is not on the first date';
  if (plan.kind === 'installments') {
    const down = payments.filter((p) => p.kind === 'down_payment');
    const installments = payments.filter((p) => p.kind === 'installment');
    if (payments.some((p) => p.kind === 'lump_sum')) return 'an installment plan has no lump sum';
    if (down.length > 1 || (down.length === 1 && payments[0]!.kind !== 'down_payment')) return 'the down payment must come first';
    if ((down[0]?.amount ?? 0) !== plan.downPayment) return 'the down payment does not match';
    if (installments.length !== plan.installmentCount || installments.length === 0) return 'the installment count does not match';
    if (installments.some((p, i) => p.seq !== i + 1) || (down[0] && down[0].seq !== 0)) return 'payments are not numbered in order';
  } else {
    if (payments.length !== 1 || payments[0]!.kind !== 'lump_sum') return 'full payment and settlement are one lump sum';
    if (plan.downPayment !== 0 || plan.frequency !== null || plan.installmentCount !== 0) return 'a lump sum has no down payment, frequency or installments';
  }
  return null;
}
