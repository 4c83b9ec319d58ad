/**
 * Plans, offers and reasons formatted for a catalogue's language: money through formatMoney, dates
 * in the long format ("December 15, 2026", "15 de diciembre de 2026").
 */
import type { LimitExplanation, Offer } from '../domain/negotiation.ts';
import { formatMoney } from '../domain/money.ts';
import type { PlanTerms, ScheduledPayment } from '../domain/plans.ts';
import type { OfferView, OptionsView, PaymentLine, PlanView, ReasonView } from '../messages/negotiation.ts';
import { dateTimeFormat } from '../domain/intlFormats.ts';

/** How many payments the recap lists one by one before "then N more…". */
export const RECAP_LISTED = 3;
/** Plans with at most this many payments are listed in full. */
export const RECAP_LIST_ALL_UP_TO = 6;

export interface Formatter {
  money(minor: number): string;
  date(isoDate: string): string;
}

export function formatterFor(locale: string, currency: string): Formatter {
  const dates = dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    money: (minor) => formatMoney(minor, currency, locale),
    date: (isoDate) => dates.format(new Date(`${isoDate}T00:00:00Z`)),
  };
}

export function planView(plan: PlanTerms, f: Formatter): PlanView {
  const line = (p: ScheduledPayment): PaymentLine => ({ amount: f.money(p.amount), date: f.date(p.dueDate) });
  const payments = plan.payments;
  const installments = payments.filter((p) => p.kind === 'installment');
  const down = payments.find((p) => p.kind === 'down_payment');
  const firstInstallment = installments[0];
  const lastInstallment = installments[installments.length - 1];
  const view: PlanView = {
    kind: plan.kind,
    total: f.money(plan.total),
    balance: f.money(plan.balance),
    frequency: plan.frequency,
    paymentCount: payments.length,
    installmentCount: plan.installmentCount,
    first: line(payments[0]!),
    lines: payments.map(line),
  };
  if (plan.kind === 'settlement') view.saving = f.money(plan.balance - plan.total);
  if (down) view.downPayment = line(down);
  if (firstInstallment) {
    view.regular = f.money(firstInstallment.amount);
    view.installmentsStart = f.date(firstInstallment.dueDate);
  }
  if (firstInstallment && lastInstallment && installments.length > 1 && lastInstallment.amount !== firstInstallment.amount) {
    view.last = line(lastInstallment);
  }
  if (payments.length > RECAP_LIST_ALL_UP_TO) {
    const rest = payments.slice(RECAP_LISTED);
    const final = rest[rest.length - 1]!;
    const middle = rest.slice(0, -1);
    const amount = middle[0]!.amount;
    if (middle.every((p) => p.amount === amount)) {
      view.lines = payments.slice(0, RECAP_LISTED).map(line);
      if (final.amount === amount) {
        view.more = { count: rest.length, amount: f.money(amount), lastDate: f.date(final.dueDate) };
      } else {
        view.more = { count: middle.length, amount: f.money(amount), lastDate: f.date(middle[middle.length - 1]!.dueDate) };
        view.final = line(final);
      }
    }
  }
  return view;
}

export function offerView(offer: Offer, f: Formatter): OfferView {
  if (offer.kind === 'full') return { kind: 'full', ...(offer.date ? { firstDate: f.date(offer.date) } : {}) };
  if (offer.kind === 'settlement') {
    return { kind: 'settlement', ...(offer.amount !== undefined ? { amount: f.money(offer.amount) } : {}), ...(offer.date ? { firstDate: f.date(offer.date) } : {}) };
  }
  const view: OfferView = { kind: 'installments' };
  if (offer.amount !== undefined) view.amount = f.money(offer.amount);
  if (offer.frequency) view.frequency = offer.frequency;
  if (offer.count !== undefined) view.count = offer.count;
  if (offer.downPayment !== undefined) view.downPayment = f.money(offer.downPayment);
  if (offer.firstDate) view.firstDate = f.date(offer.firstDate);
  if (offer.installmentsFrom) view.installmentsFrom = f.date(offer.installmentsFrom);
  return view;
}

export function reasonView(reason: LimitExplanation, f: Formatter): ReasonView {
  switch (reason.limit) {
    case 'minInstallment':
      return { limit: 'minInstallment', value: f.money(reason.value), frequency: reason.frequency };
    case 'maxInstallments':
    case 'maxPlanDays':
      return {
        limit: reason.limit,
        value: reason.value,
        frequency: reason.frequency,
        ...(reason.smallestPayment !== undefined ? { smallestPayment: f.money(reason.smallestPayment) } : {}),
      };
    case 'minDownPayment':
      return { limit: 'minDownPayment', value: f.money(reason.value) };
    case 'frequency':
      return reason;
    case 'firstPaymentWithinDays':
      return { limit: 'firstPaymentWithinDays', value: reason.value, latest: f.date(reason.latest) };
    case 'firstPaymentNotBefore':
      return { limit: 'firstPaymentNotBefore', value: f.date(reason.value) };
    case 'installmentsStartWithin':
      return { limit: 'installmentsStartWithin', latest: f.date(reason.latest) };
    case 'settlementNotAllowed':
      return reason;
    case 'settlementFloor':
      return { limit: 'settlementFloor', value: f.money(reason.value), percent: reason.percent };
    case 'total':
      return { limit: 'total', value: f.money(reason.value) };
  }
}

export function optionsView(
  options: { full: PlanTerms; settlement: PlanTerms | null; plan: PlanTerms | null; limits: { minInstallmentMinor: number; maxInstallments: number } },
  f: Formatter,
  flags: { hardship: boolean; rightsOpen: boolean },
): OptionsView {
  return {
    full: planView(options.full, f),
    settlement: options.settlement ? planView(options.settlement, f) : null,
    plan: options.plan ? planView(options.plan, f) : null,
    hardship: flags.hardship,
    smallestPayment: f.money(options.limits.minInstallmentMinor),
    maxInstallments: options.limits.maxInstallments,
    rightsOpen: flags.rightsOpen,
  };
}
