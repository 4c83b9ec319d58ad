/**
 * The supervisor's portfolio report: what the bot and the officers did in a period, and the
 * accounts-receivable aging as of now. Read-only; a handful of aggregate queries, plus row reads
 * bounded by the period where a figure needs individual values (daily payments, response times).
 */
import type { Db } from '../db/database.ts';
import { agingReportFromRows, agingWindows, type AgingReport, type AgingRow } from '../domain/aging.ts';
import { median, percentile, rate } from '../domain/reportMath.ts';
import { campaignsLaunched, type CampaignFigures } from '../outreach/campaignProgress.ts';

export interface ReportRange {
  /** Inclusive start of the period. */
  from: Date;
  /** Exclusive end of the period. */
  to: Date;
  /** The time the report is made: installments due after it are not judged yet; aging is as of it. */
  now: Date;
}

/** Longest period a report covers (its daily series has one entry per day). */
export const MAX_REPORT_RANGE_DAYS = 400;

/** An amount in integer minor units of `currency`. */
export interface MoneyTotal {
  currency: string;
  amount: number;
}

export interface PlanTotal {
  currency: string;
  count: number;
  /** Sum of Plan.total, minor units. */
  total: number;
}

export interface DailyAmounts {
  currency: string;
  /** Every UTC day of the period, in order, days without payments included (amount 0). */
  days: { date: string; amount: number }[];
}

export const REPORT_DEFINITIONS = {
  conversations:
    'Conversations started in the period, by channel; SMS keeps one conversation per phone number, so a returning texter is not counted again.',
  verification:
    "Share of the period's conversations in which the debtor passed identity verification; attempted counts those with any verification attempt, passed or failed.",
  withoutPerson: "Share of the period's conversations that were never handed to an officer (no handoff of any kind).",
  plans:
    'Plans the debtor agreed to (authorized) in the period, with their total value per currency and by kind, whatever has happened to them since.',
  collected: 'Successful payments received in the period, per currency (refunded or disputed ones excluded); daily figures use UTC days.',
  promiseKept:
    'Of the installments due in the period and before now, the share paid; failed, missed and unpaid overdue ones are not kept, cancelled ones and those still being charged are left out.',
  escalations: 'Handoffs to an officer opened in the period, each counted once under its most urgent reason.',
  firstResponse:
    'For handoffs opened in the period, the time from the handoff to the first message an officer wrote to the debtor (median and 90th percentile); waiting counts open handoffs with no officer message yet.',
  campaigns:
    'Outreach campaigns launched in the period, counted per account: sent (contacted) = at least one message handed to the carrier or mail relay; the contact rate divides by the accounts chosen; reply (a text from the phone on file or the chat link opened), verification, resolution (a plan agreed or a payment) and opt-out (STOP or the email link) rates divide by the contacted accounts, counting only what happened after the first message; collected sums successful payments after it.',
  aging:
    'Accounts with a balance owed as of now, by whole days since the itemization date (the closest date we hold to the delinquency date), with the count and balance per currency.',
} as const;

export type ReportDefinitionKey = keyof typeof REPORT_DEFINITIONS;

/** Rates are fractions in [0, 1], or null when there is nothing to divide by. Never NaN. */
export interface PortfolioReport {
  range: ReportRange;
  conversations: { total: number; byChannel: { web: number; sms: number; other: number } };
  verification: {
    /** Conversations of the period with at least one verification attempt. */
    attempted: number;
    /** Conversations of the period with a successful verification. */
    verified: number;
    /** verified / conversations.total */
    rate: number | null;
  };
  withoutPerson: {
    /** Conversations of the period with no handoff. */
    count: number;
    /** count / conversations.total */
    rate: number | null;
  };
  plans: {
    count: number;
    byCurrency: PlanTotal[];
    /** Sorted by kind, then currency. */
    byKind: (PlanTotal & { kind: string })[];
  };
  collected: {
    /** Sorted by currency. */
    byCurrency: MoneyTotal[];
    /** One series per currency in byCurrency. */
    daily: DailyAmounts[];
  };
  promiseKept: {
    kept: number;
    notKept: number;
    /** Due but still being charged: outcome unknown, left out of the rate. */
    inFlight: number;
    /** kept / (kept + notKept) */
    rate: number | null;
  };
  escalations: {
    total: number;
    /** Most frequent first; ties by reason. */
    byReason: { reason: string; count: number }[];
  };
  firstResponse: {
    /** Handoffs of the period that have had an officer's first message. */
    responded: number;
    /** Handoffs of the period, not resolved, still without an officer's message. */
    waiting: number;
    /** Whole seconds, or null when none responded. */
    medianSeconds: number | null;
    p90Seconds: number | null;
  };
  aging: AgingReport;
  /** Outreach campaigns launched in the period (src/outreach/campaignProgress.ts). */
  campaigns: CampaignFigures[];
  /**
   * Questions debtors asked that the bot could not answer, counted per phrase — to come with issue
   * #12 (the conversation work). Null until then; the console keeps its place on the report.
   */
  unansweredQuestions: null;
  definitions: Record<ReportDefinitionKey, string>;
}

const VERIFICATION_SUCCEEDED = 'verification.succeeded';
// The third failure in a row is written as 'verification.locked' instead of 'verification.failed'.
const VERIFICATION_ATTEMPT_TYPES = [VERIFICATION_SUCCEEDED, 'verification.failed', 'verification.locked'];
/** Ids per `IN (…)` list, well under SQLite's bound-parameter limit. */
const ID_CHUNK = 500;
const DAY_MS = 86_400_000;

export async function buildReport(db: Db, range: ReportRange): Promise<PortfolioReport> {
  checkRange(range);
  const [conversations, verification, withoutHandoff, plans, collected, promiseKept, escalations, firstResponse, aging, campaigns] = await Promise.all([
    countConversations(db, range),
    countVerification(db, range),
    db.conversation.count({ where: { createdAt: period(range), handoffs: { none: {} } } }),
    sumPlans(db, range),
    sumCollected(db, range),
    countPromiseKept(db, range),
    countEscalations(db, range),
    measureFirstResponse(db, range),
    ageReceivables(db, range.now),
    campaignsLaunched(db, range),
  ]);
  return {
    range: { from: range.from, to: range.to, now: range.now },
    conversations,
    verification: { ...verification, rate: rate(verification.verified, conversations.total) },
    withoutPerson: { count: withoutHandoff, rate: rate(withoutHandoff, conversations.total) },
    plans,
    collected,
    promiseKept,
    escalations,
    firstResponse,
    aging,
    campaigns,
    unansweredQuestions: null,
    definitions: { ...REPORT_DEFINITIONS },
  };
}

function checkRange({ from, to, now }: ReportRange): void {
  for (const [name, date] of [['from', from], ['to', to], ['now', now]] as const) {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError(`report ${name} is not a valid date`);
  }
  if (from.getTime() >= to.getTime()) throw new RangeError('report period must end after it starts');
  if (to.getTime() - from.getTime() > MAX_REPORT_RANGE_DAYS * DAY_MS) {
    throw new RangeError(`report period must be at most ${MAX_REPORT_RANGE_DAYS} days`);
  }
}

function period({ from, to }: ReportRange): { gte: Date; lt: Date } {
  return { gte: from, lt: to };
}

async function countConversations(db: Db, range: ReportRange): Promise<PortfolioReport['conversations']> {
  const groups = await db.conversation.groupBy({ by: ['channel'], where: { createdAt: period(range) }, _count: { _all: true } });
  const byChannel = { web: 0, sms: 0, other: 0 };
  for (const group of groups) {
    const key = group.channel === 'web' || group.channel === 'sms' ? group.channel : 'other';
    byChannel[key] += group._count._all;
  }
  return { total: byChannel.web + byChannel.sms + byChannel.other, byChannel };
}

async function countVerification(db: Db, range: ReportRange): Promise<{ attempted: number; verified: number }> {
  // AuditEvent has no relation to Conversation, so: the conversations with verification events
  // (written after their conversation row, hence not before `from`), then how many of them
  // started in the period.
  const events = await db.auditEvent.groupBy({
    by: ['conversationId', 'type'],
    where: { type: { in: VERIFICATION_ATTEMPT_TYPES }, conversationId: { not: null }, createdAt: { gte: range.from } },
  });
  const attempted = new Set<string>();
  const verified = new Set<string>();
  for (const event of events) {
    if (event.conversationId === null) continue;
    attempted.add(event.conversationId);
    if (event.type === VERIFICATION_SUCCEEDED) verified.add(event.conversationId);
  }
  const [attemptedCount, verifiedCount] = await Promise.all([
    countConversationsAmong(db, range, [...attempted]),
    countConversationsAmong(db, range, [...verified]),
  ]);
  return { attempted: attemptedCount, verified: verifiedCount };
}

async function countConversationsAmong(db: Db, range: ReportRange, ids: string[]): Promise<number> {
  let count = 0;
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    count += await db.conversation.count({ where: { id: { in: ids.slice(i, i + ID_CHUNK) }, createdAt: period(range) } });
  }
  return count;
}

async function sumPlans(db: Db, range: ReportRange): Promise<PortfolioReport['plans']> {
  const groups = await db.plan.groupBy({
    by: ['kind', 'currency'],
    where: { authorizedAt: period(range) },
    _count: { _all: true },
    _sum: { total: true },
  });
  const byKind = groups
    .map((g) => ({ kind: g.kind, currency: g.currency, count: g._count._all, total: g._sum.total ?? 0 }))
    .sort((a, b) => compareText(a.kind, b.kind) || compareText(a.currency, b.currency));
  const byCurrency = new Map<string, PlanTotal>();
  for (const row of byKind) {
    const total = byCurrency.get(row.currency) ?? { currency: row.currency, count: 0, total: 0 };
    total.count += row.count;
    total.total += row.total;
    byCurrency.set(row.currency, total);
  }
  return {
    count: byKind.reduce((sum, row) => sum + row.count, 0),
    byCurrency: [...byCurrency.values()].sort((a, b) => compareText(a.currency, b.currency)),
    byKind,
  };
}

async function sumCollected(db: Db, range: ReportRange): Promise<PortfolioReport['collected']> {
  // Rows, not a groupBy: the daily series needs the day of each payment, and grouping by a day
  // is not portable between SQLite and PostgreSQL through Prisma. Bounded by the period.
  const payments = await db.payment.findMany({
    where: { status: 'succeeded', createdAt: period(range) },
    select: { amount: true, currency: true, createdAt: true },
  });
  const days = utcDays(range);
  const perCurrency = new Map<string, Map<string, number>>();
  for (const payment of payments) {
    const byDay = perCurrency.get(payment.currency) ?? new Map(days.map((day) => [day, 0]));
    const day = utcDay(payment.createdAt);
    byDay.set(day, (byDay.get(day) ?? 0) + payment.amount);
    perCurrency.set(payment.currency, byDay);
  }
  const currencies = [...perCurrency.keys()].sort(compareText);
  return {
    byCurrency: currencies.map((currency) => ({ currency, amount: [...perCurrency.get(currency)!.values()].reduce((a, b) => a + b, 0) })),
    daily: currencies.map((currency) => ({ currency, days: [...perCurrency.get(currency)!].map(([date, amount]) => ({ date, amount })) })),
  };
}

/** The UTC days (YYYY-MM-DD) that the period [from, to) touches. */
function utcDays({ from, to }: ReportRange): string[] {
  const days: string[] = [];
  const last = utcDay(new Date(to.getTime() - 1));
  for (let t = Date.parse(utcDay(from)); ; t += DAY_MS) {
    const day = utcDay(new Date(t));
    days.push(day);
    if (day >= last) return days;
  }
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

async function countPromiseKept(db: Db, range: ReportRange): Promise<PortfolioReport['promiseKept']> {
  const dueBefore = new Date(Math.min(range.to.getTime(), range.now.getTime()));
  if (dueBefore.getTime() <= range.from.getTime()) return { kept: 0, notKept: 0, inFlight: 0, rate: null };
  const dueDate = { gte: range.from, lt: dueBefore };
  const [kept, unpaid] = await Promise.all([
    db.installment.count({ where: { dueDate, status: { not: 'cancelled' }, OR: [{ status: 'paid' }, { paidAt: { not: null } }] } }),
    db.installment.groupBy({
      by: ['status'],
      where: { dueDate, paidAt: null, status: { in: ['scheduled', 'failed', 'missed', 'processing'] } },
      _count: { _all: true },
    }),
  ]);
  let notKept = 0;
  let inFlight = 0;
  for (const group of unpaid) {
    if (group.status === 'processing') inFlight += group._count._all;
    else notKept += group._count._all;
  }
  return { kept, notKept, inFlight, rate: rate(kept, kept + notKept) };
}

async function countEscalations(db: Db, range: ReportRange): Promise<PortfolioReport['escalations']> {
  const groups = await db.handoff.groupBy({ by: ['reason'], where: { createdAt: period(range) }, _count: { _all: true } });
  const byReason = groups
    .map((g) => ({ reason: g.reason, count: g._count._all }))
    .sort((a, b) => b.count - a.count || compareText(a.reason, b.reason));
  return { total: byReason.reduce((sum, row) => sum + row.count, 0), byReason };
}

async function measureFirstResponse(db: Db, range: ReportRange): Promise<PortfolioReport['firstResponse']> {
  const [responded, waiting] = await Promise.all([
    db.handoff.findMany({
      where: { createdAt: period(range), firstResponseAt: { not: null } },
      select: { createdAt: true, firstResponseAt: true },
    }),
    db.handoff.count({ where: { createdAt: period(range), firstResponseAt: null, status: { not: 'resolved' } } }),
  ]);
  // A first response stamped before the handoff (clock skew between processes) counts as immediate.
  const seconds = responded.map((h) => Math.max(0, (h.firstResponseAt!.getTime() - h.createdAt.getTime()) / 1000));
  return { responded: responded.length, waiting, medianSeconds: wholeSeconds(median(seconds)), p90Seconds: wholeSeconds(percentile(seconds, 90)) };
}

function wholeSeconds(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

async function ageReceivables(db: Db, now: Date): Promise<AgingReport> {
  const perWindow = await Promise.all(
    agingWindows(now).map(async (window) => {
      const itemizationDate = {
        ...(window.itemizedAfter ? { gt: window.itemizedAfter } : {}),
        ...(window.itemizedOnOrBefore ? { lte: window.itemizedOnOrBefore } : {}),
      };
      const groups = await db.account.groupBy({
        by: ['currency'],
        where: { balance: { gt: 0 }, itemizationDate },
        _count: { _all: true },
        _sum: { balance: true },
      });
      return groups.map((g): AgingRow => ({ bucket: window.bucket, currency: g.currency, count: g._count._all, balance: g._sum.balance ?? 0 }));
    }),
  );
  return agingReportFromRows(perWindow.flat(), now);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
