/**
 * What a payment does to our records, shared by the webhook and the installment scheduler so both
 * paths converge: the Payment row (one per PaymentIntent, providerRef unique), the account balance,
 * the installment, the pay link, the plan's state, the receipt in the outbox and the audit event.
 * Every function here runs inside the caller's transaction and never calls the gateway.
 */
import { z } from 'zod';
import { appendAudit } from '../audit.ts';
import type { Db, Tx } from '../db/database.ts';
import type { Account, Installment, Plan } from '../db/generated/client.ts';
import { maskAccountNumber } from '../domain/itemization.ts';
import { formatMoney } from '../domain/money.ts';
import { DEFAULT_POLICY, parsePolicy } from '../domain/policy.ts';
import { queueHandoffIn } from '../handoff/queue.ts';
import type { Logger } from '../logger.ts';
import { paymentMessagesFor, type PaymentFailureReason, type PaymentsCatalogue } from '../messages/payments.ts';
import { catalogueOn } from '../messages/smsShort.ts';
import { enqueueMessage, type OutboxChannel, type OutboxKind } from '../outbox/outbox.ts';
import type { GatewayProvider } from './gateway.ts';
import { createPayLink, payLinkUrl, type PayLinkPurpose } from './payLinks.ts';
import { phoneOfSmsConversation } from '../channels/sms/recipients.ts';
import { dateTimeFormat } from '../domain/intlFormats.ts';

export interface LedgerContext {
  /** COLLECTOR_NAME, for the "from a debt collector" line of web messages. */
  collectorName: string;
  /** Base of the pay links put in failed-payment notices. */
  publicBaseUrl: () => string;
}

const PURPOSES = ['full', 'settlement', 'down_payment', 'installment', 'update_card'] as const;
const id = z.string().min(1).max(200);

/** The metadata we put on sessions and PaymentIntents (see PaymentMetadata), as it comes back. */
export const paymentMetadataSchema = z.object({
  source: z.enum(['checkout', 'installment_scheduler']).optional(),
  accountId: id,
  planId: id.optional(),
  installmentId: id.optional(),
  payLinkId: id.optional(),
  purpose: z.enum(PURPOSES).optional(),
  saveCard: z.literal('true').optional(),
  attempt: z.string().regex(/^[1-9]\d{0,3}$/).optional(),
});
export type ParsedMetadata = z.infer<typeof paymentMetadataSchema>;

/** A stored PayLink.purpose as the type, or null for anything else. */
export function asPayLinkPurpose(value: string | null | undefined): PayLinkPurpose | null {
  return PURPOSES.find((p) => p === value) ?? null;
}

/** Our metadata, or null when the object is not one of ours. */
export function parsePaymentMetadata(value: unknown): ParsedMetadata | null {
  const result = paymentMetadataSchema.safeParse(value ?? {});
  return result.success ? result.data : null;
}

// ---------------------------------------------------------------------------------------------
// Where the debtor hears from us

export interface DebtorDestination {
  channel: OutboxChannel;
  /** Direct Line conversation id (web) or E.164 phone (sms). */
  to: string;
  /** Our Conversation row. */
  conversationId: string | null;
}

/**
 * The debtor's channel for a payment message: the plan's conversation, else the account's most
 * recent web or SMS conversation. Nobody who asked us to stop (cease, attorney) gets one; SMS only
 * without an opt-out. We never start texting a number the debtor has not used with us.
 */
export async function debtorDestination(db: Db | Tx, account: Account, preferredConversationId: string | null): Promise<DebtorDestination | null> {
  if (account.ceaseCommunication || account.attorneyRepresented) return null;
  const usable = (c: { id: string; channel: string; externalId: string } | null): DebtorDestination | null => {
    if (!c) return null;
    if (c.channel === 'web') return { channel: 'web', to: c.externalId, conversationId: c.id };
    // Texts go to the account's phone, else the thread's.
    const phone = c.channel === 'sms' && !account.smsOptOut ? (account.phone ?? phoneOfSmsConversation(c.externalId)) : null;
    if (phone) return { channel: 'sms', to: phone, conversationId: c.id };
    return null;
  };
  if (preferredConversationId) {
    const preferred = await db.conversation.findFirst({
      where: { accountId: account.id, OR: [{ id: preferredConversationId }, { externalId: preferredConversationId }] },
    });
    const destination = usable(preferred);
    if (destination) return destination;
  }
  const latest = await db.conversation.findFirst({
    where: { accountId: account.id, channel: { in: account.smsOptOut ? ['web'] : ['web', 'sms'] } },
    orderBy: { lastActivityAt: 'desc' },
  });
  return usable(latest);
}

/** Our Conversation row id for a plan's conversation reference (row id or channel id), if it exists. */
export async function conversationRowId(db: Db | Tx, accountId: string, reference: string | null): Promise<string | null> {
  if (!reference) return null;
  const row = await db.conversation.findFirst({ where: { accountId, OR: [{ id: reference }, { externalId: reference }] }, select: { id: true } });
  return row?.id ?? null;
}

async function send(
  tx: Tx,
  account: Account,
  destination: DebtorDestination,
  text: PaymentsCatalogue,
  ctx: LedgerContext,
  message: { kind: OutboxKind; body: string; dedupeKey: string; notBefore: Date; reply?: boolean },
): Promise<void> {
  const body = destination.channel === 'web' ? `${message.body}\n\n${text.webSignature(ctx.collectorName)}` : message.body;
  await enqueueMessage(tx, {
    channel: destination.channel,
    to: destination.to,
    conversationId: destination.conversationId,
    accountId: account.id,
    kind: message.kind,
    body,
    botInitiated: message.reply !== true,
    notBefore: message.notBefore,
    dedupeKey: message.dedupeKey,
  });
}

// ---------------------------------------------------------------------------------------------
// Formatting

export function formatAmount(minor: number, currency: string, text: PaymentsCatalogue): string {
  return formatMoney(minor, currency.toUpperCase(), text.locale);
}

/** Due dates are calendar dates: shown as stored, in UTC, like the rest of the bot. */
export function formatDueDate(date: Date, text: PaymentsCatalogue): string {
  return dateTimeFormat(text.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function formatInstant(date: Date, text: PaymentsCatalogue, timeZone: string | null): string {
  try {
    return dateTimeFormat(text.locale, { dateStyle: 'long', timeZone: timeZone ?? 'UTC' }).format(date);
  } catch {
    return dateTimeFormat(text.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}

function reference(providerRef: string): string {
  return providerRef.replace(/[^A-Za-z0-9]/g, '').slice(-8).toUpperCase();
}

export function checkoutDescription(account: Account, purpose: PayLinkPurpose, collectorName: string): string {
  return paymentMessagesFor(account.language).checkoutDescription({ collector: collectorName, account: maskAccountNumber(account.accountNumber), purpose });
}

// ---------------------------------------------------------------------------------------------
// A payment that succeeded

export interface SucceededPayment {
  provider: GatewayProvider;
  /** The PaymentIntent id (the Checkout Session id only when a session has none). */
  providerRef: string;
  amount: number;
  currency: string;
  metadata: ParsedMetadata;
  /** Saved on the plan for later off-session charges when metadata.saveCard is set. */
  customerId: string | null;
  paymentMethodId: string | null;
  now: Date;
}

export type PaymentApplied =
  | { status: 'recorded'; paymentId: string; accountId: string; planStatus: string | null }
  | { status: 'already_recorded'; paymentId: string }
  /** The purpose was already paid by another payment (two sessions of one link): refunded by the scheduler. */
  | { status: 'duplicate'; paymentId: string }
  | { status: 'ignored'; reason: string };

const SETTLED_PAYMENT_STATUSES = ['succeeded', 'disputed'];

async function saveCard(tx: Tx, planId: string | null, p: SucceededPayment): Promise<void> {
  if (!planId || p.metadata.saveCard !== 'true' || !p.paymentMethodId) return;
  await tx.plan.update({
    where: { id: planId },
    data: { gatewayPaymentMethodId: p.paymentMethodId, ...(p.customerId ? { gatewayCustomerId: p.customerId } : {}) },
  });
}

/**
 * Records a successful payment once, whichever event (or the scheduler's own answer) reports it
 * first. A second report of the same PaymentIntent changes nothing but may fill in the saved card
 * (the Checkout Session does not carry it, the PaymentIntent does).
 */
export async function applySucceededPayment(tx: Tx, p: SucceededPayment, ctx: LedgerContext): Promise<PaymentApplied> {
  const existing = await tx.payment.findUnique({ where: { providerRef: p.providerRef } });
  if (existing && existing.status !== 'pending' && existing.status !== 'failed') {
    await saveCard(tx, existing.planId, p);
    return { status: 'already_recorded', paymentId: existing.id };
  }
  const meta = p.metadata;
  const account = await tx.account.findUnique({ where: { id: meta.accountId } });
  if (!account) return { status: 'ignored', reason: 'unknown account' };
  const plan = meta.planId ? await tx.plan.findUnique({ where: { id: meta.planId } }) : null;
  if (meta.planId && (!plan || plan.accountId !== account.id)) return { status: 'ignored', reason: 'plan does not match the account' };
  const installment = meta.installmentId ? await tx.installment.findUnique({ where: { id: meta.installmentId } }) : null;
  if (meta.installmentId && (!installment || !plan || installment.planId !== plan.id)) return { status: 'ignored', reason: 'installment does not match the plan' };
  const payLink = meta.payLinkId ? await tx.payLink.findUnique({ where: { id: meta.payLinkId } }) : null;
  if (meta.payLinkId && (!payLink || payLink.accountId !== account.id)) return { status: 'ignored', reason: 'pay link does not match the account' };

  const currency = p.currency.toUpperCase();
  const rowData = {
    accountId: account.id,
    planId: plan?.id ?? null,
    installmentId: installment?.id ?? null,
    amount: p.amount,
    currency,
    provider: p.provider,
  };
  const detail = {
    amount: p.amount,
    currency,
    provider: p.provider,
    providerRef: p.providerRef,
    planId: plan?.id ?? null,
    installmentId: installment?.id ?? null,
    payLinkId: payLink?.id ?? null,
    purpose: meta.purpose ?? null,
    source: meta.source ?? null,
  };

  // The purpose was already paid (a second Checkout Session of the same link, or a link paid while
  // an off-session charge was in flight): keep a record, leave the balance alone, refund it.
  const alreadyPaid = installment?.status === 'paid' || payLink?.usedAt != null || plan?.status === 'completed';
  if (alreadyPaid) {
    const row = existing
      ? await tx.payment.update({ where: { id: existing.id }, data: { ...rowData, status: 'refund_due' } })
      : await tx.payment.create({ data: { ...rowData, status: 'refund_due', providerRef: p.providerRef } });
    await appendAudit(tx, { type: 'payment.recorded', actor: 'system', accountId: account.id, conversationId: null, detail: { ...detail, paymentId: row.id, status: 'refund_due', duplicate: true } });
    return { status: 'duplicate', paymentId: row.id };
  }

  const payment = existing
    ? await tx.payment.update({ where: { id: existing.id }, data: { ...rowData, status: 'succeeded' } })
    : await tx.payment.create({ data: { ...rowData, status: 'succeeded', providerRef: p.providerRef } });

  // Never below zero; the payment is counted toward "payments since itemization".
  let balance = Math.max(0, account.balance - p.amount);
  await tx.account.update({
    where: { id: account.id },
    data: { balance, paymentsSinceItemization: { increment: p.amount }, lastActivityAt: p.now },
  });
  if (installment) {
    await tx.installment.update({ where: { id: installment.id }, data: { status: 'paid', paidAt: p.now, lockedUntil: null, nextAttemptAt: null } });
  }
  if (payLink) await tx.payLink.updateMany({ where: { id: payLink.id, usedAt: null }, data: { usedAt: p.now } });

  let planStatus: string | null = plan?.status ?? null;
  let settled = false;
  let next: Installment | null = null;
  if (plan) {
    const data: { status?: string; missedCount?: number; gatewayPaymentMethodId?: string; gatewayCustomerId?: string } = {};
    if (plan.status === 'agreed') data.status = 'active';
    if (installment) data.missedCount = 0; // misses count when consecutive: a paid installment ends the run
    if (meta.saveCard === 'true' && p.paymentMethodId) {
      data.gatewayPaymentMethodId = p.paymentMethodId;
      if (p.customerId) data.gatewayCustomerId = p.customerId;
    }
    const paid = await tx.payment.aggregate({ where: { planId: plan.id, status: { in: SETTLED_PAYMENT_STATUSES } }, _sum: { amount: true } });
    if (!installment && (plan.kind === 'full' || plan.kind === 'settlement') && (paid._sum.amount ?? 0) >= plan.total) {
      // A lump-sum plan paid through a link not tied to its row: the row is paid too.
      await tx.installment.updateMany({ where: { planId: plan.id, status: { notIn: ['paid', 'cancelled'] } }, data: { status: 'paid', paidAt: p.now, lockedUntil: null, nextAttemptAt: null } });
    }
    const unpaid = await tx.installment.count({ where: { planId: plan.id, status: { notIn: ['paid', 'cancelled'] } } });
    const complete = unpaid === 0 && (paid._sum.amount ?? 0) >= plan.total && ['agreed', 'active', 'delinquent'].includes(plan.status);
    if (complete) data.status = 'completed';
    await tx.plan.update({ where: { id: plan.id }, data });
    planStatus = data.status ?? plan.status;
    if (complete && plan.kind === 'settlement' && balance > 0) {
      // The creditor accepted the settlement in full satisfaction: the rest is written off.
      await tx.account.update({ where: { id: account.id }, data: { balance: 0, creditsSinceItemization: { increment: balance } } });
      detail.purpose = detail.purpose ?? 'settlement';
      Object.assign(detail, { settledRemainder: balance });
      balance = 0;
    }
    settled = complete && plan.kind === 'settlement';
    if (planStatus === 'active') {
      next = await tx.installment.findFirst({ where: { planId: plan.id, status: { in: ['scheduled', 'failed'] } }, orderBy: { seq: 'asc' } });
    }
  }

  await appendAudit(tx, {
    type: 'payment.recorded',
    actor: meta.source === 'installment_scheduler' ? 'system' : 'debtor',
    accountId: account.id,
    conversationId: plan ? await conversationRowId(tx, account.id, plan.conversationId) : null,
    detail: { ...detail, paymentId: payment.id, status: 'succeeded', balanceAfter: balance, planStatus },
  });

  const destination = await debtorDestination(tx, account, plan?.conversationId ?? null);
  if (destination) {
    const text = catalogueOn(destination.channel, 'payments', account.language);
    const facts = {
      amount: formatAmount(p.amount, currency, text),
      date: formatInstant(p.now, text, account.timeZone),
      reference: reference(p.providerRef),
      balance: formatAmount(balance, account.currency, text),
      balanceIsZero: balance === 0,
      next: next ? { amount: formatAmount(next.amount, plan?.currency ?? currency, text), date: formatDueDate(next.dueDate, text) } : null,
      planCompleted: planStatus === 'completed',
      settled,
    };
    const body = text.receipt(facts);
    // A receipt for a payment the debtor just made answers their own act: a reply, sent at once
    // (DESIGN 13 allows replies at any hour; issue #16 item 4, README "Receipts"). A receipt for a
    // scheduled charge the debtor did not just make is a message we start: quiet hours apply.
    const reply = meta.source !== 'installment_scheduler';
    await send(tx, account, destination, text, ctx, { kind: 'receipt', body, dedupeKey: `receipt:${p.providerRef}`, notBefore: p.now, reply });
  }
  return { status: 'recorded', paymentId: payment.id, accountId: account.id, planStatus };
}

/** A payment accepted but not final (a delayed method): visible, with no effect until it succeeds. */
export async function recordPendingPayment(
  tx: Tx,
  p: { provider: GatewayProvider; providerRef: string; amount: number; currency: string; metadata: ParsedMetadata },
): Promise<boolean> {
  const existing = await tx.payment.findUnique({ where: { providerRef: p.providerRef } });
  if (existing) return false;
  const account = await tx.account.findUnique({ where: { id: p.metadata.accountId }, select: { id: true } });
  if (!account) return false;
  const plan = p.metadata.planId ? await tx.plan.findFirst({ where: { id: p.metadata.planId, accountId: account.id }, select: { id: true } }) : null;
  const installment =
    plan && p.metadata.installmentId ? await tx.installment.findFirst({ where: { id: p.metadata.installmentId, planId: plan.id }, select: { id: true } }) : null;
  await tx.payment.create({
    data: {
      accountId: account.id,
      planId: plan?.id ?? null,
      installmentId: installment?.id ?? null,
      amount: p.amount,
      currency: p.currency.toUpperCase(),
      status: 'pending',
      provider: p.provider,
      providerRef: p.providerRef,
    },
  });
  return true;
}

// ---------------------------------------------------------------------------------------------
// An off-session installment charge that failed

export interface OffSessionFailure {
  provider: GatewayProvider;
  /** The PaymentIntent, when the gateway created one: the first to record it applies the failure. */
  providerRef: string | null;
  installmentId: string;
  /** The attempt that failed (1-based): applied only if the installment has not counted it yet. */
  attempt: number;
  kind: 'authentication_required' | 'soft' | 'hard';
  code: string;
  now: Date;
  /** Attempts before a soft-declined installment counts as missed. */
  maxAttempts: number;
  /** Wait before retry n+1 after soft decline n: retryBaseMs × 2^(n−1). */
  retryBaseMs: number;
}

export interface DelinquentPlan {
  planId: string;
  accountId: string;
  conversationId: string | null;
  missedCount: number;
}

export interface FailureApplied {
  applied: boolean;
  outcome: 'retry_scheduled' | 'missed' | 'not_applied';
  /** Set when this miss made the plan delinquent (queued for an officer in the same transaction). */
  delinquent: DelinquentPlan | null;
}

export async function applyOffSessionFailure(tx: Tx, f: OffSessionFailure, ctx: LedgerContext, logger?: Logger): Promise<FailureApplied> {
  const notApplied: FailureApplied = { applied: false, outcome: 'not_applied', delinquent: null };
  const installment = await tx.installment.findUnique({ where: { id: f.installmentId }, include: { plan: { include: { account: true } } } });
  if (!installment) return notApplied;
  const { plan } = installment;
  const { account } = plan;
  if (f.providerRef) {
    const existing = await tx.payment.findUnique({ where: { providerRef: f.providerRef } });
    if (existing && existing.status !== 'pending') return notApplied; // already recorded by the other path
    const data = {
      accountId: account.id,
      planId: plan.id,
      installmentId: installment.id,
      amount: installment.amount,
      currency: plan.currency,
      status: 'failed',
      provider: f.provider,
    };
    if (existing) await tx.payment.update({ where: { id: existing.id }, data });
    else await tx.payment.create({ data: { ...data, providerRef: f.providerRef } });
  }
  // This attempt is counted once: only while the installment still shows the attempts before it.
  if (installment.status === 'paid' || installment.status === 'cancelled' || installment.attempts !== f.attempt - 1) return notApplied;

  const retry = f.kind === 'soft' && f.attempt < f.maxAttempts;
  if (retry) {
    const nextAttemptAt = new Date(f.now.getTime() + f.retryBaseMs * 2 ** (f.attempt - 1));
    await tx.installment.update({ where: { id: installment.id }, data: { status: 'failed', attempts: f.attempt, nextAttemptAt, lockedUntil: null } });
  } else {
    await tx.installment.update({ where: { id: installment.id }, data: { status: 'missed', attempts: f.attempt, nextAttemptAt: null, lockedUntil: null } });
  }
  const conversationId = await conversationRowId(tx, account.id, plan.conversationId);
  await appendAudit(tx, {
    type: 'payment.recorded',
    actor: 'system',
    accountId: account.id,
    conversationId,
    detail: {
      status: 'failed',
      planId: plan.id,
      installmentId: installment.id,
      seq: installment.seq,
      attempt: f.attempt,
      amount: installment.amount,
      currency: plan.currency,
      provider: f.provider,
      providerRef: f.providerRef,
      code: f.code,
      decline: f.kind,
      outcome: retry ? 'retry_scheduled' : 'missed',
    },
  });
  if (retry) return { applied: true, outcome: 'retry_scheduled', delinquent: null };

  const reason: PaymentFailureReason = f.kind === 'authentication_required' ? 'authentication_required' : f.kind === 'hard' ? 'declined' : 'retries_exhausted';
  await notifyPaymentFailed(tx, {
    account,
    plan,
    installment,
    purpose: 'installment',
    amount: installment.amount,
    currency: plan.currency,
    reason,
    dedupeKey: `payment_failed:${installment.id}:${f.attempt}`,
    now: f.now,
    ctx,
  });

  const missedCount = plan.missedCount + 1;
  let threshold = DEFAULT_POLICY.missedPaymentsBeforeDelinquent;
  const creditor = await tx.creditor.findUnique({ where: { id: account.creditorId }, select: { policyJson: true } });
  try {
    if (creditor) threshold = parsePolicy(creditor.policyJson).missedPaymentsBeforeDelinquent;
  } catch (error) {
    logger?.error({ err: error, creditorId: account.creditorId }, 'invalid creditor policy; using the default number of misses');
  }
  const delinquent = plan.status === 'active' && missedCount >= threshold;
  await tx.plan.update({ where: { id: plan.id }, data: { missedCount, ...(delinquent ? { status: 'delinquent' } : {}) } });
  if (delinquent) {
    await queueHandoffIn(tx, { reason: 'delinquent', accountId: account.id, conversationId, detail: { planId: plan.id, missedCount } });
  }
  return {
    applied: true,
    outcome: 'missed',
    delinquent: delinquent ? { planId: plan.id, accountId: account.id, conversationId, missedCount } : null,
  };
}

/**
 * Tells the debtor a payment did not go through, with a new pay link for the same amount (the card
 * used there is saved for the plan's next installments). Nothing is sent to someone who asked us
 * to stop, nor while collection is paused.
 */
export async function notifyPaymentFailed(
  tx: Tx,
  n: {
    account: Account;
    plan: Plan | null;
    installment: Installment | null;
    purpose: PayLinkPurpose;
    amount: number;
    currency: string;
    reason: PaymentFailureReason;
    dedupeKey: string;
    now: Date;
    ctx: LedgerContext;
  },
): Promise<boolean> {
  if (collectionPaused(n.account)) return false;
  const destination = await debtorDestination(tx, n.account, n.plan?.conversationId ?? null);
  if (!destination) return false;
  if (await tx.outboxMessage.findUnique({ where: { dedupeKey: n.dedupeKey }, select: { id: true } })) return false;
  const { token } = await createPayLink(tx, {
    accountId: n.account.id,
    planId: n.plan?.id ?? null,
    installmentId: n.installment?.id ?? null,
    purpose: n.purpose,
    amount: n.amount,
    currency: n.currency,
    channel: destination.channel,
    now: n.now,
  });
  const text = catalogueOn(destination.channel, 'payments', n.account.language);
  const body = text.paymentFailed({
    amount: formatAmount(n.amount, n.currency, text),
    date: formatDueDate(n.installment?.dueDate ?? n.now, text),
    link: payLinkUrl(n.ctx.publicBaseUrl(), token),
    reason: n.reason,
  });
  await send(tx, n.account, destination, text, n.ctx, { kind: 'payment_failed', body, dedupeKey: n.dedupeKey, notBefore: n.now });
  return true;
}

/**
 * Collection stops (no charges, no reminders or payment notices) while a dispute is open or the
 * debtor reported attorney representation, bankruptcy, death, active duty or identity theft —
 * until an officer clears it (DESIGN 4, 6, 7). A cease request stops our messages (see
 * debtorDestination), not the payments the debtor agreed to; the debtor can cancel those.
 */
export function collectionPaused(account: Account): boolean {
  return account.disputed || account.attorneyRepresented || account.bankruptcy || account.deceased || account.activeMilitary || account.identityTheft;
}

/** The same rule as a Prisma filter on Account. */
export const COLLECTION_ALLOWED = {
  disputed: false,
  attorneyRepresented: false,
  bankruptcy: false,
  deceased: false,
  activeMilitary: false,
  identityTheft: false,
} as const;

/** A duplicate payment refunded: record it and tell the debtor. */
export async function markRefunded(tx: Tx, paymentId: string, now: Date, ctx: LedgerContext): Promise<boolean> {
  const changed = await tx.payment.updateMany({ where: { id: paymentId, status: 'refund_due' }, data: { status: 'refunded' } });
  if (changed.count !== 1) return false;
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { account: true, plan: true } });
  await appendAudit(tx, {
    type: 'payment.recorded',
    actor: 'system',
    accountId: payment.accountId,
    conversationId: payment.plan ? await conversationRowId(tx, payment.accountId, payment.plan.conversationId) : null,
    detail: { paymentId, status: 'refunded', duplicate: true, amount: payment.amount, currency: payment.currency, providerRef: payment.providerRef },
  });
  const destination = await debtorDestination(tx, payment.account, payment.plan?.conversationId ?? null);
  if (destination) {
    const text = catalogueOn(destination.channel, 'payments', payment.account.language);
    await send(tx, payment.account, destination, text, ctx, {
      kind: 'receipt',
      body: text.duplicateRefunded({ amount: formatAmount(payment.amount, payment.currency, text) }),
      dedupeKey: `refund:${payment.providerRef ?? paymentId}`,
      notBefore: now,
    });
  }
  return true;
}
