/**
 * Negotiation: a debtor's offer judged against the creditor's policy. Pure: no I/O, no clock, no
 * words (the dialog turns the data here into sentences from the message catalogues).
 *
 * - An offer inside policy is accepted as the debtor said it.
 * - An offer outside policy gets the closest plan the policy allows, with each limit that made the
 *   difference as data ({ limit: 'minInstallment', value: 4000, frequency: 'monthly' }), so the
 *   dialog can say "the smallest monthly payment we can set up is $40.00".
 * - With `hardship`, the policy's hardship limits apply (more payments, smaller ones, lower floor).
 * - A settlement is possible only when the (hardship) floor is not null, and never below it. Paying
 *   in full is always possible. Nothing ever costs more than the balance: no fees (DESIGN 10).
 * - After MAX_ROUNDS offers outside policy, the outcome is 'review': the dialog offers to send the
 *   debtor's own proposal to a person.
 * - Nothing here expires or depends on the hour: an evaluation is the same whenever it is made on
 *   the same date (DESIGN 9: no offer expires, nothing urges payment "today").
 */
import { type Frequency } from './policy.ts';
import type { NegotiationPolicy } from './policy.ts';
import {
  addCalendarDays,
  checkPlanAgainstPolicy,
  daysBetween,
  installmentPlan,
  lumpSumPlan,
  nextPeriodAfter,
  planLimits,
  scheduleDates,
  settlementFloorAmount,
  type PlanLimits,
  type PlanTerms,
  type PolicyViolation,
} from './plans.ts';

/** Offers outside policy before the dialog offers a person's review of the debtor's proposal. */
export const MAX_ROUNDS = 3;

/** What the debtor proposes, in their terms. Every field is optional: missing ones are filled in. */
export type Offer =
  | { kind: 'full'; date?: string }
  | { kind: 'settlement'; amount?: number; date?: string }
  | { kind: 'installments'; amount?: number; frequency?: Frequency; count?: number; downPayment?: number; firstDate?: string; installmentsFrom?: string };

export interface NegotiationContext {
  policy: NegotiationPolicy;
  /** The debtor reported hardship: the policy's hardship limits apply. */
  hardship: boolean;
  /** Current balance, minor units (> 0). */
  balance: number;
  currency: string;
  /** YYYY-MM-DD */
  today: string;
}

/**
 * Why the counter-proposal differs from the offer, as data for the dialog's plain words: a limit of
 * plans.ts (never 'schedule': the plans judged here are built by plans.ts, so always consistent),
 * and for the installment limits the frequency they were applied at — plus, when the count or the
 * span was what bound, the smallest payment that follows ("at most 12 payments, so the smallest
 * monthly payment for this balance is $90.42").
 */
export type LimitExplanation =
  | Explained<Exclude<PolicyViolation, { limit: 'schedule' }>>
  /** The regular payments asked to start too long after the down payment (latest: the last date allowed). */
  | { limit: 'installmentsStartWithin'; latest: string };

type Explained<V> = V extends { limit: 'minInstallment' }
  ? V & { frequency: Frequency }
  : V extends { limit: 'maxInstallments' | 'maxPlanDays' }
    ? V & { frequency: Frequency; smallestPayment?: number }
    : V;

export type Evaluation =
  /** The debtor's own terms, inside policy. */
  | { outcome: 'accept'; plan: PlanTerms; offer: Offer }
  /** The debtor named no amount: the bot's own in-policy proposal (not a round). */
  | { outcome: 'suggest'; plan: PlanTerms; offer: Offer }
  /** Outside policy: the closest allowed plan and why. 'review' once MAX_ROUNDS is reached. */
  | { outcome: 'counter' | 'review'; plan: PlanTerms; offer: Offer; reasons: LimitExplanation[]; violations: PolicyViolation[]; literal: PlanTerms | null };

/** Average days per period, to carry an amount from one frequency to another. */
const AVERAGE_DAYS: Readonly<Record<Frequency, number>> = { weekly: 7, biweekly: 14, monthly: 365.25 / 12 };
/** Literal offers needing more payments than this are judged without building their schedule. */
const LITERAL_PAYMENTS_CAP = 500;

export function frequencyFromPer(per: 'week' | 'two_weeks' | 'month'): Frequency {
  return per === 'week' ? 'weekly' : per === 'two_weeks' ? 'biweekly' : 'monthly';
}

/**
 * Judges `offer` under the context's policy. `roundsSoFar` counts earlier offers that were outside
 * policy; when this one is outside too and brings the count to MAX_ROUNDS, the outcome is 'review'.
 */
export function evaluateOffer(offer: Offer, ctx: NegotiationContext, roundsSoFar = 0): Evaluation {
  if (!Number.isSafeInteger(ctx.balance) || ctx.balance <= 0) throw new RangeError('negotiation needs a positive balance');
  const limits = planLimits(ctx.policy, ctx.hardship);
  const result = judge(offer, ctx, limits);
  if (result.reasons.length === 0) {
    return { outcome: result.concrete ? 'accept' : 'suggest', plan: result.plan, offer };
  }
  const literal = result.literal();
  const violations = literal ? checkPlanAgainstPolicy(literal, ctx.policy, { hardship: ctx.hardship, today: ctx.today }) : [];
  return {
    outcome: roundsSoFar + 1 >= MAX_ROUNDS ? 'review' : 'counter',
    plan: result.plan,
    offer,
    reasons: result.reasons,
    violations,
    literal,
  };
}

/** What to show as options: pay in full, the settlement floor (if any), the plan with the smallest payments. */
export function paymentOptions(ctx: NegotiationContext): { full: PlanTerms; settlement: PlanTerms | null; plan: PlanTerms | null; limits: PlanLimits } {
  const limits = planLimits(ctx.policy, ctx.hardship);
  const full = lumpSumPlan({ kind: 'full', balance: ctx.balance, currency: ctx.currency, date: ctx.today });
  let settlement: PlanTerms | null = null;
  if (limits.settlementFloorPercent !== null) {
    const floor = settlementFloorAmount(ctx.balance, limits.settlementFloorPercent);
    if (floor < ctx.balance) settlement = lumpSumPlan({ kind: 'settlement', balance: ctx.balance, currency: ctx.currency, date: ctx.today, total: floor });
  }
  const closest = closestInstallments({}, ctx, limits, []);
  return { full, settlement, plan: closest.kind === 'installments' ? closest : null, limits };
}

interface Judged {
  plan: PlanTerms;
  reasons: LimitExplanation[];
  /** The debtor named the terms (an amount or a count, or chose to pay in full). */
  concrete: boolean;
  /** The offer exactly as made, when it can be built (for the officer's review); only built when countering. */
  literal: () => PlanTerms | null;
}

function judge(offer: Offer, ctx: NegotiationContext, limits: PlanLimits): Judged {
  const reasons: LimitExplanation[] = [];
  if (offer.kind === 'full') {
    const date = clampFirstDate(offer.date, ctx, limits, reasons);
    return { plan: lumpSumPlan({ kind: 'full', balance: ctx.balance, currency: ctx.currency, date }), reasons, concrete: true, literal: () => literalLump('full', ctx.balance, offer.date, ctx) };
  }

  if (offer.kind === 'settlement') {
    const amount = offer.amount;
    if (amount !== undefined && amount >= ctx.balance) {
      // Offering the whole balance (or more) is paying in full — never more than the balance.
      const date = clampFirstDate(offer.date, ctx, limits, reasons);
      return { plan: lumpSumPlan({ kind: 'full', balance: ctx.balance, currency: ctx.currency, date }), reasons, concrete: true, literal: () => literalLump('full', ctx.balance, offer.date, ctx) };
    }
    const literal = () => (amount !== undefined && amount > 0 ? literalLump('settlement', amount, offer.date, ctx) : null);
    if (limits.settlementFloorPercent === null) {
      reasons.push({ limit: 'settlementNotAllowed' });
      // The closest the policy allows: the amount offered as a first payment, the rest in installments.
      const downPayment = amount !== undefined && amount > 0 ? amount : undefined;
      const plan = closestInstallments({ downPayment, firstDate: offer.date }, ctx, limits, reasons);
      return { plan, reasons, concrete: true, literal };
    }
    const date = clampFirstDate(offer.date, ctx, limits, reasons);
    const floor = settlementFloorAmount(ctx.balance, limits.settlementFloorPercent);
    if (floor >= ctx.balance) {
      reasons.push({ limit: 'settlementNotAllowed' });
      return { plan: lumpSumPlan({ kind: 'full', balance: ctx.balance, currency: ctx.currency, date }), reasons, concrete: true, literal };
    }
    if (amount === undefined) {
      return { plan: lumpSumPlan({ kind: 'settlement', balance: ctx.balance, currency: ctx.currency, date, total: floor }), reasons, concrete: false, literal };
    }
    if (amount < floor) reasons.push({ limit: 'settlementFloor', value: floor, percent: limits.settlementFloorPercent });
    const total = Math.max(amount, floor);
    return { plan: lumpSumPlan({ kind: 'settlement', balance: ctx.balance, currency: ctx.currency, date, total }), reasons, concrete: true, literal };
  }

  // Installments. A down payment or single payment covering everything is paying in full.
  const downPayment = offer.downPayment ?? 0;
  if (downPayment >= ctx.balance || (downPayment === 0 && offer.amount !== undefined && offer.amount >= ctx.balance && offer.count === undefined)) {
    const date = clampFirstDate(offer.firstDate, ctx, limits, reasons);
    return { plan: lumpSumPlan({ kind: 'full', balance: ctx.balance, currency: ctx.currency, date }), reasons, concrete: true, literal: () => literalLump('full', ctx.balance, offer.firstDate, ctx) };
  }
  const plan = closestInstallments(offer, ctx, limits, reasons);
  return {
    plan,
    reasons,
    concrete: offer.amount !== undefined || offer.count !== undefined || offer.downPayment !== undefined,
    literal: () => literalInstallments(offer, ctx, limits),
  };
}

function clampFirstDate(date: string | undefined, ctx: NegotiationContext, limits: PlanLimits, reasons: LimitExplanation[]): string {
  if (date === undefined) return ctx.today;
  const latest = addCalendarDays(ctx.today, limits.firstPaymentWithinDays);
  if (daysBetween(ctx.today, date) < 0) {
    reasons.push({ limit: 'firstPaymentNotBefore', value: ctx.today });
    return ctx.today;
  }
  if (daysBetween(latest, date) > 0) {
    reasons.push({ limit: 'firstPaymentWithinDays', value: limits.firstPaymentWithinDays, latest });
    return latest;
  }
  return date;
}

/**
 * The day the regular payments start when the debtor chose one after a first payment: after the
 * first payment (the next such day), and no later than the creditor waits for a first payment plus
 * one period (a first payment now, the monthly ones from the month after next at the latest).
 */
function installmentsStart(asked: string | undefined, firstDate: string, frequency: Frequency, limits: PlanLimits, reasons: LimitExplanation[]): string | undefined {
  if (asked === undefined) return undefined;
  const from = nextPeriodAfter(firstDate, asked, frequency);
  const latest = addCalendarDays(firstDate, limits.firstPaymentWithinDays + Math.ceil(AVERAGE_DAYS[frequency]));
  if (daysBetween(latest, from) <= 0) return from;
  reasons.push({ limit: 'installmentsStartWithin', latest });
  return latest;
}

function chooseFrequency(requested: Frequency | undefined, limits: PlanLimits, reasons: LimitExplanation[]): Frequency {
  if (requested !== undefined && limits.frequencies.includes(requested)) return requested;
  if (requested === undefined) {
    if (limits.frequencies.includes('monthly')) return 'monthly';
    return [...limits.frequencies].sort((a, b) => AVERAGE_DAYS[b] - AVERAGE_DAYS[a])[0]!;
  }
  reasons.push({ limit: 'frequency', value: limits.frequencies });
  const target = AVERAGE_DAYS[requested];
  return [...limits.frequencies].sort((a, b) => Math.abs(AVERAGE_DAYS[a] - target) - Math.abs(AVERAGE_DAYS[b] - target))[0]!;
}

type Binding = 'minInstallment' | 'maxInstallments' | 'maxPlanDays';

/**
 * The most installments a plan for `rest` (after `downPayment`) can have at `frequency` from
 * `firstDate`, and which limit stops it: every installment at least the minimum, at most
 * maxInstallments, first to last payment within maxPlanDays.
 */
export function maxInstallmentCount(
  rest: number,
  downPayment: number,
  frequency: Frequency,
  firstDate: string,
  limits: PlanLimits,
  installmentsFrom?: string,
): { count: number; binding: Binding } {
  const byMin = Math.floor(rest / limits.minInstallmentMinor);
  const upper = Math.min(byMin, limits.maxInstallments);
  const offset = downPayment > 0 ? 1 : 0;
  let bySpan = 0;
  if (upper > 0) {
    const dates = scheduleDates(firstDate, frequency, upper, downPayment > 0, installmentsFrom);
    for (let n = upper; n >= 1; n--) {
      if (daysBetween(dates[0]!, dates[n + offset - 1]!) <= limits.maxPlanDays) {
        bySpan = n;
        break;
      }
    }
  }
  const count = Math.min(upper, bySpan);
  const binding: Binding = count === limits.maxInstallments ? 'maxInstallments' : count < upper ? 'maxPlanDays' : 'minInstallment';
  return { count, binding };
}

/**
 * The closest installment plan the limits allow to what the debtor asked (see the module comment),
 * recording in `reasons` each limit that changed it. Falls back to paying in full when the balance
 * is too small for any installment plan.
 */
function closestInstallments(
  request: { amount?: number; frequency?: Frequency; count?: number; downPayment?: number; firstDate?: string; installmentsFrom?: string },
  ctx: NegotiationContext,
  limits: PlanLimits,
  reasons: LimitExplanation[],
): PlanTerms {
  // A start for the regular payments with no first payment before them is simply the start.
  const asked = request.downPayment ? request.firstDate : (request.firstDate ?? request.installmentsFrom);
  const firstDate = clampFirstDate(asked, ctx, limits, reasons);
  const frequency = chooseFrequency(request.frequency, limits, reasons);
  const full = () => lumpSumPlan({ kind: 'full', balance: ctx.balance, currency: ctx.currency, date: firstDate });

  let downPayment = request.downPayment ?? 0;
  if (downPayment < limits.minDownPaymentMinor) {
    reasons.push({ limit: 'minDownPayment', value: limits.minDownPaymentMinor });
    downPayment = limits.minDownPaymentMinor;
  }
  if (downPayment >= ctx.balance) return full();
  const installmentsFrom = request.downPayment ? installmentsStart(request.installmentsFrom, firstDate, frequency, limits, reasons) : undefined;
  const base = { balance: ctx.balance, currency: ctx.currency, frequency, firstDate, ...(installmentsFrom ? { installmentsFrom } : {}) };

  const { count: most, binding } = maxInstallmentCount(ctx.balance - downPayment, downPayment, frequency, firstDate, limits, installmentsFrom);
  if (most < 1 && downPayment > 0) {
    // What is left after the down payment is too small for an installment: a smaller down payment.
    const smaller = ctx.balance - limits.minInstallmentMinor;
    if (smaller >= Math.max(1, limits.minDownPaymentMinor) && smaller < downPayment) {
      const retry = maxInstallmentCount(ctx.balance - smaller, smaller, frequency, firstDate, limits, installmentsFrom);
      if (retry.count >= 1) {
        reasons.push({ limit: 'minInstallment', value: limits.minInstallmentMinor, frequency });
        return installmentPlan({ ...base, downPayment: smaller, count: 1 });
      }
    }
  }
  if (most < 1) {
    reasons.push({ limit: 'minInstallment', value: limits.minInstallmentMinor, frequency });
    return full();
  }
  const rest = ctx.balance - downPayment;
  const min = limits.minInstallmentMinor;
  const explain = (smallestPayment?: number) => {
    if (binding === 'minInstallment' || smallestPayment === min) {
      reasons.push({ limit: 'minInstallment', value: min, frequency });
    } else {
      const value = binding === 'maxInstallments' ? limits.maxInstallments : limits.maxPlanDays;
      reasons.push({ limit: binding, value, frequency, ...(smallestPayment === undefined ? {} : { smallestPayment }) });
    }
  };

  let amount = request.amount;
  const count = request.count;
  if (amount !== undefined && request.frequency !== undefined && request.frequency !== frequency) {
    amount = Math.max(1, Math.floor((amount * AVERAGE_DAYS[frequency]) / AVERAGE_DAYS[request.frequency]));
  }
  if (amount !== undefined && count !== undefined) {
    if (amount * count >= rest) {
      // "6 payments of 200" on a smaller balance: payments of 200 until it is paid.
      return amountBased(amount);
    }
    reasons.push({ limit: 'total', value: ctx.balance });
    return countBased(count);
  }
  if (amount !== undefined) return amountBased(amount);
  if (count !== undefined) return countBased(count);
  // No amount named: the longest plan allowed, i.e. the smallest regular payment.
  return installmentPlan({ ...base, downPayment, installmentAmount: smallestWorkableAmount(rest, most, min), minFinalAmount: min });

  function amountBased(wanted: number): PlanTerms {
    if (wanted >= min && paymentCount(rest, wanted, min) <= most) {
      return installmentPlan({ ...base, downPayment, installmentAmount: wanted, minFinalAmount: min });
    }
    const smallest = smallestWorkableAmount(rest, most, min);
    explain(smallest);
    return installmentPlan({ ...base, downPayment, installmentAmount: smallest, minFinalAmount: min });
  }

  function countBased(wanted: number): PlanTerms {
    if (wanted <= most) return installmentPlan({ ...base, downPayment, count: Math.max(1, wanted) });
    explain();
    return installmentPlan({ ...base, downPayment, count: most });
  }
}

/**
 * How many installments paying `rest` in payments of `amount` takes, a last payment below `min`
 * being added to the one before it (the rule of installmentAmounts with minFinalAmount).
 */
export function paymentCount(rest: number, amount: number, min: number): number {
  const k = Math.ceil(rest / amount);
  const final = rest - amount * (k - 1);
  return final < min && k > 1 ? k - 1 : k;
}

/**
 * The smallest regular payment, at least `min`, that pays `rest` in at most `most` installments
 * without a last payment larger than the others: ceil(rest / most), or `min` when that is more.
 * (Folding a large remainder into the last payment would make the "smallest payment" look smaller
 * than what the debtor really pays; only a remainder below `min` is ever folded in.)
 */
export function smallestWorkableAmount(rest: number, most: number, min: number): number {
  let amount = Math.max(min, Math.ceil(rest / most));
  while (paymentCount(rest, amount, min) > most) amount += 1;
  return amount;
}

function literalLump(kind: 'full' | 'settlement', total: number, date: string | undefined, ctx: NegotiationContext): PlanTerms | null {
  if (!Number.isSafeInteger(total) || total <= 0) return null;
  return lumpSumPlan({ kind, balance: ctx.balance, currency: ctx.currency, date: date ?? ctx.today, total });
}

/** The installment offer exactly as made (frequency default monthly), or null when it cannot be built. */
function literalInstallments(offer: Extract<Offer, { kind: 'installments' }>, ctx: NegotiationContext, limits: PlanLimits): PlanTerms | null {
  const downPayment = offer.downPayment ?? 0;
  const rest = ctx.balance - downPayment;
  if (rest <= 0) return null;
  const firstDate = offer.firstDate ?? ctx.today;
  const frequency = offer.frequency ?? 'monthly';
  const installmentsFrom = downPayment > 0 && offer.installmentsFrom ? nextPeriodAfter(firstDate, offer.installmentsFrom, frequency) : undefined;
  const common = { balance: ctx.balance, currency: ctx.currency, frequency, firstDate, downPayment, ...(installmentsFrom ? { installmentsFrom } : {}) };
  const { amount, count } = offer;
  if (amount !== undefined && amount > 0) {
    if (count !== undefined && amount * count < rest) {
      if (count > LITERAL_PAYMENTS_CAP) return null;
      return installmentPlan({ ...common, total: downPayment + amount * count, count });
    }
    if (Math.ceil(rest / amount) > LITERAL_PAYMENTS_CAP) return null;
    // A small remainder joins the last payment only when the amount offered is itself allowed:
    // otherwise the merge would hide that the offer is below the minimum.
    const minFinalAmount = amount >= limits.minInstallmentMinor ? limits.minInstallmentMinor : undefined;
    return installmentPlan({ ...common, installmentAmount: amount, ...(minFinalAmount === undefined ? {} : { minFinalAmount }) });
  }
  if (count !== undefined && count >= 1 && count <= LITERAL_PAYMENTS_CAP && Math.floor(rest / count) >= 1) {
    return installmentPlan({ ...common, count });
  }
  return null;
}
