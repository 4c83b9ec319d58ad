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
 */
import type { Db, Tx } from '../db/database.ts';
import type { Installment, Plan } from '../db/generated/client.ts';
import { appendAudit } from '../audit.ts';
import { collectionPauseReason, type PauseReason } from '../accounts/rights.ts';
import { checkPlanAgainstPolicy, type PaymentKind, type PlanKind, type PlanTerms, type PolicyViolation } from '../domain/plans.ts';
import type { NegotiationPolicy } from '../domain/policy.ts';
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
    // Writing first takes SQLite's write lock, so two agreements for one account cannot interleave.
    const account = await tx.account.update({ where: { id: agreement.accountId }, data: { lastActivityAt: agreement.now } });
    const pause = collectionPauseReason(account);
    if (pause) return { ok: false, reason: 'paused', pause } as const;
    const open = await tx.plan.count({ where: { accountId: account.id, status: { in: [...OPEN_PLAN_STATUSES] } } });
    if (open > 0) return { ok: false, reason: 'open_plan' } as const;
    if (account.balance !== plan.balance || account.currency !== plan.currency) return { ok: false, reason: 'balance_changed' } as const;
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
    const installments: Installment[] = [];
    for (const payment of plan.payments) {
      installments.push(
        await tx.installment.create({
          data: { planId: row.id, seq: payment.seq, dueDate: dueDateInstant(payment.dueDate), amount: payment.amount, status: 'scheduled' },
        }),
      );
    }
    const first = installments[0]!;
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
      },
    });
    const { token } = await createPayLink(tx, {
      accountId: account.id,
      planId: row.id,
      installmentId: first.id,
      purpose: payLinkPurposeFor(plan.kind),
      amount: first.amount,
      currency: plan.currency,
      channel: agreement.channel,
      now: agreement.now,
      ttlMs: payLinkTtl(agreement.now, plan.payments[0]!.dueDate),
    });
    return { ok: true, planId: row.id, token, firstInstallmentId: first.id, amount: first.amount } as const;
  });
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
