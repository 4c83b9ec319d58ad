/**
 * Plans in the database: the debtor's agreement (Reg E 1005.10(b) authorization: the terms shown,
 * the explicit yes, time and channel), its installments, the first pay link, and cancellation.
 *
 * Rows written here, for the payments side:
 * - Plan: status 'agreed' (nothing paid yet). kind 'full' | 'settlement' | 'installments'; total =
 *   what the debtor pays in all (the balance, or the settlement amount); downPayment (0 = none);
 *   frequency (null for full/settlement); hardship; authorizationText (the exact recap shown),
 *   authorizedAt, authorizedChannel, conversationId.
 * - Installment: one row per payment, status 'scheduled', amounts summing to Plan.total.
 *   seq 0 = the down payment (only when there is one), seq 1… = installments; a full payment or a
 *   settlement is a single row with seq 1. dueDate = the calendar date at 00:00 UTC (read it back
 *   with toISOString().slice(0, 10)); the same convention as Account.itemizationDate.
 * - PayLink for the FIRST row (lowest seq): purpose 'full' | 'settlement' for one-off payments,
 *   'down_payment' for a plan (its first payment, the one that saves the card for the later
 *   off-session ones, whether or not it is a down payment), with planId and installmentId set.
 * - Cancel: Plan status 'cancelled' + cancelledAt; its 'scheduled' and 'failed' installments
 *   'cancelled' ('processing' and 'paid' ones are left alone); its unused pay links expire at once.
 * - Offered (an officer's approved or countered terms, src/officer/proposals.ts): Plan status
 *   'offered' with offeredBy and offerText (the exact text sent) and its 'scheduled' installments,
 *   but no authorization and no pay link. Only the debtor's explicit yes turns it into an agreed
 *   plan (acceptOfferedPlan: authorizationText = offerText, then the same first pay link as an
 *   agreement); a no, a newer offer or another agreement makes it 'declined' (its installments
 *   'cancelled'). At most one offer per account is 'offered' at a time.
 */
import type { Db, Tx } from '../db/database.ts';
import type { Account, Installment, Plan } from '../db/generated/client.ts';
import { appendAudit } from '../audit.ts';
import { collectionPauseReason, type PauseReason } from '../accounts/rights.ts';
import { checkPlanAgainstPolicy, daysBetween, type PaymentKind, type PlanKind, type PlanTerms, type PolicyViolation, type ScheduledPayment } from '../domain/plans.ts';
import type { NegotiationPolicy } from '../domain/policy.ts';
import { calendarDateInZone, DEFAULT_TIME_ZONE } from '../domain/validationPeriod.ts';
import { createPayLink, PAY_LINK_TTL_MS, type PayLinkPurpose } from '../payments/payLinks.ts';

/** Plan statuses during which the plan binds the account (a new agreement is not offered). */
export const OPEN_PLAN_STATUSES = ['agreed', 'active', 'delinquent'] as const;
/** Installment statuses cancelled with their plan. */
const CANCELLABLE_INSTALLMENT_STATUSES = ['scheduled', 'failed'];
const DAY_MS = 86_400_000;

/** A calendar date as stored in Installment.dueDate: 00:00 UTC. */
export function dueDateInstant(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

export function isoDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function payLinkPurposeFor(kind: PlanKind): PayLinkPurpose {
  return kind === 'full' ? 'full' : kind === 'settlement' ? 'settlement' : 'down_payment';
}

export interface Agreement {
  accountId: string;
  plan: PlanTerms;
  hardship: boolean;
  /** The exact recap text the debtor said yes to. */
  authorizationText: string;
  channel: string;
  conversationId: string | null;
  now: Date;
  /** YYYY-MM-DD, the day the check runs against. */
  today: string;
  policy: NegotiationPolicy;
}

export type AgreementResult =
  | { ok: true; planId: string; token: string; firstInstallmentId: string; amount: number }
  | { ok: false; reason: 'paused'; pause: PauseReason }
  | { ok: false; reason: 'open_plan' }
  | { ok: false; reason: 'balance_changed' }
  | { ok: false; reason: 'out_of_policy'; violations: PolicyViolation[] };

/**
 * Stores the agreement, its installments, the audit event and the first pay link in one
 * transaction — after checking again, inside it, that the account may be asked for payment, has
 * no open plan, still has the balance the terms were made for, and that the terms are in policy.
 */
export async function agreePlan(db: Db, agreement: Agreement): Promise<AgreementResult> {
  const { plan } = agreement;
  return db.$transaction(async (tx) => {
    const account = await lockAccount(tx, agreement.accountId, agreement.now);
    const blocked = await agreementBlocker(tx, account, plan);
    if (blocked) return blocked;
    const violations = checkPlanAgainstPolicy(plan, agreement.policy, { hardship: agreement.hardship, today: agreement.today });
    if (violations.length > 0) return { ok: false, reason: 'out_of_policy', violations } as const;

    const row = await tx.plan.create({
      data: {
        accountId: account.id,
        kind: plan.kind,
        status: 'agreed',
        total: plan.total,
        currency: plan.currency,
        frequency: plan.frequency,
        downPayment: plan.downPayment,
        hardship: agreement.hardship,
        authorizationText: agreement.authorizationText,
        authorizedAt: agreement.now,
        authorizedChannel: agreement.channel,
        conversationId: agreement.conversationId,
      },
    });
    const installments = await createInstallments(tx, row.id, plan.payments);
    const first = installments[0]!;
    const declinedOffers = await declineOfferedPlans(tx, account.id, row.id);
    await appendAudit(tx, {
      type: 'plan.agreed',
      actor: 'debtor',
      accountId: account.id,
      conversationId: agreement.conversationId,
      detail: {
        planId: row.id,
        kind: plan.kind,
        total: plan.total,
        currency: plan.currency,
        count: plan.payments.length,
        installments: plan.installmentCount,
        downPayment: plan.downPayment,
        frequency: plan.frequency,
        firstDueDate: plan.payments[0]!.dueDate,
        hardship: agreement.hardship,
        channel: agreement.channel,
        ...(declinedOffers.length > 0 ? { declinedOffers } : {}),
      },
    });
    const token = await createFirstPayLink(tx, row, first, agreement.channel, agreement.now);
    return { ok: true, planId: row.id, token, firstInstallmentId: first.id, amount: first.amount } as const;
  });
}

type AgreementBlocker =
  | { ok: false; reason: 'paused'; pause: PauseReason }
  | { ok: false; reason: 'open_plan' }
  | { ok: false; reason: 'balance_changed' };

/**
 * Writes the account first: that takes SQLite's write lock, so two agreements for one account
 * cannot interleave between the checks below and the writes after them.
 */
async function lockAccount(tx: Tx, accountId: string, now: Date): Promise<Account> {
  return tx.account.update({ where: { id: accountId }, data: { lastActivityAt: now } });
}

/** Why the account cannot agree terms made for `terms` (balance and currency) now, or null. */
async function agreementBlocker(tx: Tx, account: Account, terms: { balance: number; currency: string }): Promise<AgreementBlocker | null> {
  const pause = collectionPauseReason(account);
  if (pause) return { ok: false, reason: 'paused', pause };
  const open = await tx.plan.count({ where: { accountId: account.id, status: { in: [...OPEN_PLAN_STATUSES] } } });
  if (open > 0) return { ok: false, reason: 'open_plan' };
  if (account.balance !== terms.balance || account.currency !== terms.currency) return { ok: false, reason: 'balance_changed' };
  return null;
}

/** One 'scheduled' Installment row per payment, in order. */
async function createInstallments(tx: Tx, planId: string, payments: ScheduledPayment[]): Promise<Installment[]> {
  const rows: Installment[] = [];
  for (const payment of payments) {
    rows.push(
      await tx.installment.create({
        data: { planId, seq: payment.seq, dueDate: dueDateInstant(payment.dueDate), amount: payment.amount, status: 'scheduled' },
      }),
    );
  }
  return rows;
}

/** The link for the first payment of a plan that has just been agreed (the rows are in the module comment). */
async function createFirstPayLink(tx: Tx, plan: Pick<Plan, 'id' | 'accountId' | 'kind' | 'currency'>, first: Installment, channel: string, now: Date): Promise<string> {
  const { token } = await createPayLink(tx, {
    accountId: plan.accountId,
    planId: plan.id,
    installmentId: first.id,
    purpose: payLinkPurposeFor(plan.kind as PlanKind),
    amount: first.amount,
    currency: plan.currency,
    channel,
    now,
    ttlMs: payLinkTtl(now, isoDateOf(first.dueDate)),
  });
  return token;
}

/** A first-payment link stays usable at least a week, and at least a week past the payment's date. */
export function payLinkTtl(now: Date, firstDueDate: string): number {
  const untilDue = dueDateInstant(firstDueDate).getTime() + DAY_MS - now.getTime();
  return Math.max(PAY_LINK_TTL_MS, untilDue + PAY_LINK_TTL_MS);
}

export type PlanWithInstallments = Plan & { installments: Installment[] };

/** The account's open plan (agreed, active or delinquent), newest first, or null. */
export async function findOpenPlan(db: Db | Tx, accountId: string): Promise<PlanWithInstallments | null> {
  return db.plan.findFirst({
    where: { accountId, status: { in: [...OPEN_PLAN_STATUSES] } },
    include: { installments: { orderBy: { seq: 'asc' } } },
    orderBy: { createdAt: 'desc' },
  });
}

/** Of an account's plans (any order), the open one findOpenPlan finds. */
export function openPlanAmong(plans: PlanWithInstallments[]): PlanWithInstallments | null {
  return newest(plans.filter((plan) => (OPEN_PLAN_STATUSES as readonly string[]).includes(plan.status)));
}

/** Of an account's plans (any order), the one on offer findOfferedPlan finds. */
export function offeredPlanAmong(plans: PlanWithInstallments[]): PlanWithInstallments | null {
  return newest(plans.filter((plan) => plan.status === 'offered' && plan.offerText !== null));
}

function newest(plans: PlanWithInstallments[]): PlanWithInstallments | null {
  return plans.reduce<PlanWithInstallments | null>((best, plan) => (!best || plan.createdAt > best.createdAt ? plan : best), null);
}

/** A stored plan as terms (for showing it again). `balance` is the account's current balance. */
export function termsOfPlan(plan: PlanWithInstallments, balance: number): PlanTerms {
  const kind = plan.kind as PlanKind;
  const paymentKind = (seq: number): PaymentKind => (kind !== 'installments' ? 'lump_sum' : seq === 0 ? 'down_payment' : 'installment');
  const payments = plan.installments.map((i) => ({ seq: i.seq, kind: paymentKind(i.seq), dueDate: isoDateOf(i.dueDate), amount: i.amount }));
  return {
    kind,
    currency: plan.currency,
    balance: kind === 'settlement' ? Math.max(balance, plan.total) : plan.total,
    total: plan.total,
    downPayment: plan.downPayment,
    frequency: (plan.frequency as PlanTerms['frequency']) ?? null,
    installmentCount: payments.filter((p) => p.kind === 'installment').length,
    firstDate: payments[0]?.dueDate ?? isoDateOf(plan.createdAt),
    payments,
  };
}

/**
 * A fresh link for the first payment of an agreed plan that is not paid yet (the debtor lost or let
 * the first link lapse). Earlier unused links of that payment with no checkout started are expired,
 * so only one link for it is live at a time.
 */
export async function reissueFirstPayLink(db: Db, plan: PlanWithInstallments, channel: string, now: Date): Promise<string | null> {
  const first = plan.installments[0];
  if (plan.status !== 'agreed' || !first || first.status !== 'scheduled') return null;
  return db.$transaction(async (tx) => {
    await tx.payLink.updateMany({
      where: { installmentId: first.id, usedAt: null, checkoutSessionId: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    return createFirstPayLink(tx, plan, first, channel, now);
  });
}

/** Cancels the account's open plan (see the module comment). Returns the plan id, or null when there was none. */
export async function cancelOpenPlan(
  db: Db,
  where: { accountId: string; conversationId: string | null; channel: string; now: Date; actor?: string },
): Promise<string | null> {
  return db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: where.accountId }, data: { lastActivityAt: where.now } });
    const plan = await tx.plan.findFirst({ where: { accountId: where.accountId, status: { in: [...OPEN_PLAN_STATUSES] } }, orderBy: { createdAt: 'desc' } });
    if (!plan) return null;
    await tx.plan.update({ where: { id: plan.id }, data: { status: 'cancelled', cancelledAt: where.now } });
    const cancelled = await tx.installment.updateMany({
      where: { planId: plan.id, status: { in: CANCELLABLE_INSTALLMENT_STATUSES } },
      data: { status: 'cancelled' },
    });
    await tx.payLink.updateMany({ where: { planId: plan.id, usedAt: null, expiresAt: { gt: where.now } }, data: { expiresAt: where.now } });
    await appendAudit(tx, {
      type: 'plan.cancelled',
      actor: where.actor ?? 'debtor',
      accountId: where.accountId,
      conversationId: where.conversationId,
      detail: { planId: plan.id, kind: plan.kind, previousStatus: plan.status, installmentsCancelled: cancelled.count, channel: where.channel },
    });
    return plan.id;
  });
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Offered plans: an officer's terms waiting for the debtor's explicit yes
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Audit events that put a plan on offer. Their detail carries `planId` and `balance` (the balance
 * the terms were made for), read back before the debtor's yes is accepted.
 */
export const OFFER_AUDIT_TYPES = ['proposal.approved', 'proposal.countered', 'plan.offered'] as const;

export interface NewOffer {
  accountId: string;
  plan: PlanTerms;
  hardship: boolean;
  /** The officer's id. */
  offeredBy: string;
  /** The exact text sent to the debtor: what their yes will authorize. */
  offerText: string;
  conversationId: string | null;
}

/**
 * Stores an officer's terms as an 'offered' plan with its installments (no pay link, no
 * authorization), inside the caller's transaction. Earlier offers of the account are declined.
 */
export async function storeOfferedPlan(tx: Tx, offer: NewOffer): Promise<{ planId: string; declinedOffers: string[] }> {
  const { plan } = offer;
  const row = await tx.plan.create({
    data: {
      accountId: offer.accountId,
      kind: plan.kind,
      status: 'offered',
      total: plan.total,
      currency: plan.currency,
      frequency: plan.frequency,
      downPayment: plan.downPayment,
      hardship: offer.hardship,
      offeredBy: offer.offeredBy,
      offerText: offer.offerText,
      conversationId: offer.conversationId,
    },
  });
  await createInstallments(tx, row.id, plan.payments);
  const declinedOffers = await declineOfferedPlans(tx, offer.accountId, row.id);
  return { planId: row.id, declinedOffers };
}

/** Declines the account's offered plans (all but `exceptPlanId`) and cancels their installments. Returns their ids. */
async function declineOfferedPlans(tx: Tx, accountId: string, exceptPlanId: string): Promise<string[]> {
  const offered = await tx.plan.findMany({ where: { accountId, status: 'offered', id: { not: exceptPlanId } }, select: { id: true } });
  const ids = offered.map((p) => p.id);
  if (ids.length === 0) return ids;
  await tx.plan.updateMany({ where: { id: { in: ids } }, data: { status: 'declined' } });
  await tx.installment.updateMany({ where: { planId: { in: ids }, status: 'scheduled' }, data: { status: 'cancelled' } });
  return ids;
}

/** The account's plan on offer, with its installments, or null. */
export async function findOfferedPlan(db: Db | Tx, accountId: string): Promise<PlanWithInstallments | null> {
  return db.plan.findFirst({
    where: { accountId, status: 'offered', offerText: { not: null } },
    include: { installments: { orderBy: { seq: 'asc' } } },
    orderBy: { createdAt: 'desc' },
  });
}

/** The balance an offered plan was made for (null when it cannot be known). */
async function offeredBalance(db: Db | Tx, plan: Plan): Promise<number | null> {
  // Pay in full and installment plans add up to exactly the balance they were made for.
  if (plan.kind !== 'settlement') return plan.total;
  const events = await db.auditEvent.findMany({
    where: { accountId: plan.accountId, type: { in: [...OFFER_AUDIT_TYPES] }, detailJson: { contains: plan.id } },
    select: { detailJson: true },
  });
  for (const event of events) {
    const detail = JSON.parse(event.detailJson) as { planId?: unknown; balance?: unknown };
    if (detail.planId === plan.id && typeof detail.balance === 'number') return detail.balance;
  }
  return null;
}

export type OfferProblem = 'balance_changed' | 'dates_passed';

/**
 * Why an offered plan can no longer be agreed as it was sent, or null: the balance is not the one
 * the terms were made for, or the first payment's date has passed in the debtor's time zone.
 */
export async function offeredPlanProblem(db: Db | Tx, plan: PlanWithInstallments, account: Account, now: Date): Promise<OfferProblem | null> {
  const balance = await offeredBalance(db, plan);
  if (balance === null || balance !== account.balance || plan.currency !== account.currency) return 'balance_changed';
  const first = plan.installments[0];
  const today = calendarDateInZone(now, account.timeZone ?? DEFAULT_TIME_ZONE);
  if (!first || daysBetween(today, isoDateOf(first.dueDate)) < 0) return 'dates_passed';
  return null;
}

export interface OfferAnswer {
  planId: string;
  accountId: string;
  /** Where the debtor answered. */
  channel: string;
  conversationId: string | null;
  now: Date;
}

export type OfferAcceptance =
  | { ok: true; planId: string; token: string; firstInstallmentId: string; amount: number }
  | { ok: false; reason: 'not_offered' }
  | { ok: false; reason: 'paused'; pause: PauseReason }
  | { ok: false; reason: 'open_plan' }
  /** The terms no longer fit the account (balance or dates): the offer is withdrawn. */
  | { ok: false; reason: OfferProblem };

/**
 * The debtor's explicit yes to an offered plan (DESIGN 11, Reg E 1005.10(b)): the plan becomes
 * 'agreed' with the offer text as the authorization, the time and the channel, and the first pay
 * link is made as for any agreement — after checking again, inside the transaction, that the
 * account may be asked for payment, has no open plan and still fits the terms. Terms that no longer
 * fit are withdrawn (status 'cancelled').
 */
export async function acceptOfferedPlan(db: Db, answer: OfferAnswer): Promise<OfferAcceptance> {
  return db.$transaction(async (tx) => {
    const account = await lockAccount(tx, answer.accountId, answer.now);
    const plan = await tx.plan.findFirst({
      where: { id: answer.planId, accountId: account.id, status: 'offered' },
      include: { installments: { orderBy: { seq: 'asc' } } },
    });
    if (!plan?.offerText || plan.installments.length === 0) return { ok: false, reason: 'not_offered' } as const;
    const pause = collectionPauseReason(account);
    if (pause) return { ok: false, reason: 'paused', pause } as const;
    if ((await tx.plan.count({ where: { accountId: account.id, status: { in: [...OPEN_PLAN_STATUSES] } } })) > 0) {
      return { ok: false, reason: 'open_plan' } as const;
    }
    const problem = await offeredPlanProblem(tx, plan, account, answer.now);
    if (problem) {
      await withdrawOffer(tx, plan, problem, answer);
      return { ok: false, reason: problem } as const;
    }

    await tx.plan.update({
      where: { id: plan.id },
      data: {
        status: 'agreed',
        authorizationText: plan.offerText,
        authorizedAt: answer.now,
        authorizedChannel: answer.channel,
        conversationId: answer.conversationId,
      },
    });
    const declinedOffers = await declineOfferedPlans(tx, account.id, plan.id);
    const first = plan.installments[0]!;
    await appendAudit(tx, {
      type: 'plan.offer_accepted',
      actor: 'debtor',
      accountId: account.id,
      conversationId: answer.conversationId,
      detail: {
        planId: plan.id,
        offeredBy: plan.offeredBy,
        kind: plan.kind,
        total: plan.total,
        currency: plan.currency,
        count: plan.installments.length,
        downPayment: plan.downPayment,
        frequency: plan.frequency,
        firstDueDate: isoDateOf(first.dueDate),
        hardship: plan.hardship,
        channel: answer.channel,
        ...(declinedOffers.length > 0 ? { declinedOffers } : {}),
      },
    });
    const token = await createFirstPayLink(tx, plan, first, answer.channel, answer.now);
    return { ok: true, planId: plan.id, token, firstInstallmentId: first.id, amount: first.amount } as const;
  });
}

/** The debtor's no to an offered plan. Returns false when the plan was not on offer (any more). */
export async function declineOfferedPlan(db: Db, answer: OfferAnswer): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.plan.updateMany({ where: { id: answer.planId, accountId: answer.accountId, status: 'offered' }, data: { status: 'declined' } });
    if (count === 0) return false;
    await tx.installment.updateMany({ where: { planId: answer.planId, status: 'scheduled' }, data: { status: 'cancelled' } });
    await tx.account.update({ where: { id: answer.accountId }, data: { lastActivityAt: answer.now } });
    await appendAudit(tx, {
      type: 'plan.offer_declined',
      actor: 'debtor',
      accountId: answer.accountId,
      conversationId: answer.conversationId,
      detail: { planId: answer.planId, channel: answer.channel },
    });
    return true;
  });
}

/** Takes an offer off the table because it no longer fits the account. */
async function withdrawOffer(tx: Tx, plan: Plan, problem: OfferProblem, answer: OfferAnswer): Promise<void> {
  await tx.plan.update({ where: { id: plan.id }, data: { status: 'cancelled', cancelledAt: answer.now } });
  await tx.installment.updateMany({ where: { planId: plan.id, status: 'scheduled' }, data: { status: 'cancelled' } });
  await appendAudit(tx, {
    type: 'plan.cancelled',
    actor: 'system',
    accountId: plan.accountId,
    conversationId: answer.conversationId,
    detail: { planId: plan.id, kind: plan.kind, previousStatus: 'offered', reason: problem, channel: answer.channel },
  });
}
