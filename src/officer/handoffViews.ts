/**
 * What the console shows: the queue of escalations, and one escalation with its conversation
 * (the redacted transcript), the account summary and the audit trail. Read-only queries.
 * Identity factors are stored only as hashes and are never selected here.
 */
import type { Db } from '../db/database.ts';
import { itemize } from '../domain/itemization.ts';
import { isValidationPeriodOpen } from '../domain/validationPeriod.ts';
import { collectionPauseReason } from '../accounts/rights.ts';
import { OPEN_HANDOFF_STATUSES } from '../handoff/queue.ts';
import { proposalOf } from './proposals.ts';

export interface QueueItem {
  handoffId: string;
  reason: string;
  /** Every reason recorded on this handoff (a conversation is queued once, its reasons merged). */
  reasons: string[];
  priority: number;
  status: string;
  channel: string | null;
  createdAt: string;
  officer: { id: string; name: string } | null;
  debtor: string | null;
  accountNumber: string | null;
}

function reasonsOf(detailJson: string, reason: string): string[] {
  try {
    const keys = Object.keys(JSON.parse(detailJson) as object);
    return [reason, ...keys.filter((k) => k !== reason)];
  } catch {
    return [reason];
  }
}

/** Open escalations: waiting ones first (most urgent, then longest waiting), then those being handled. */
export async function listQueue(db: Db): Promise<QueueItem[]> {
  const rows = await db.handoff.findMany({
    where: { status: { in: [...OPEN_HANDOFF_STATUSES] } },
    orderBy: [{ priority: 'asc' }, { createdAt: 'asc' }],
    take: 500,
    select: {
      id: true,
      reason: true,
      detailJson: true,
      priority: true,
      status: true,
      createdAt: true,
      officer: { select: { id: true, name: true } },
      conversation: { select: { channel: true } },
      account: { select: { firstName: true, lastName: true, accountNumber: true } },
    },
  });
  const items = rows.map((h) => ({
    handoffId: h.id,
    reason: h.reason,
    reasons: reasonsOf(h.detailJson, h.reason),
    priority: h.priority,
    status: h.status,
    channel: h.conversation?.channel ?? null,
    createdAt: h.createdAt.toISOString(),
    officer: h.officer,
    debtor: h.account ? `${h.account.firstName} ${h.account.lastName}` : null,
    accountNumber: h.account?.accountNumber ?? null,
  }));
  return [...items.filter((i) => i.status === 'queued'), ...items.filter((i) => i.status !== 'queued')];
}

export type HandoffView = NonNullable<Awaited<ReturnType<typeof handoffView>>>;

/** One escalation in full, or null when there is no such handoff. */
export async function handoffView(db: Db, handoffId: string, now: Date) {
  const handoff = await db.handoff.findUnique({ where: { id: handoffId }, include: { officer: { select: { id: true, name: true } } } });
  if (!handoff) return null;
  const [conversation, account] = await Promise.all([
    handoff.conversationId ? conversationPart(db, handoff.conversationId) : null,
    handoff.accountId ? accountPart(db, handoff.accountId, now) : null,
  ]);
  const audit = await db.auditEvent.findMany({
    where: {
      OR: [
        ...(handoff.accountId ? [{ accountId: handoff.accountId }] : []),
        ...(handoff.conversationId ? [{ conversationId: handoff.conversationId }] : []),
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  return {
    handoff: {
      id: handoff.id,
      reason: handoff.reason,
      reasons: reasonsOf(handoff.detailJson, handoff.reason),
      priority: handoff.priority,
      status: handoff.status,
      detail: JSON.parse(handoff.detailJson) as Record<string, unknown>,
      /** The debtor's plan proposal under review, when this is one. */
      proposal: proposalOf(handoff),
      officer: handoff.officer,
      outcome: handoff.outcome,
      createdAt: handoff.createdAt.toISOString(),
      acceptedAt: handoff.acceptedAt?.toISOString() ?? null,
      firstResponseAt: handoff.firstResponseAt?.toISOString() ?? null,
      resolvedAt: handoff.resolvedAt?.toISOString() ?? null,
    },
    conversation,
    account,
    audit: audit.map((e) => ({ id: e.id, type: e.type, actor: e.actor, at: e.createdAt.toISOString(), detail: JSON.parse(e.detailJson) as Record<string, unknown> })),
  };
}

async function conversationPart(db: Db, conversationId: string) {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, include: { officer: { select: { id: true, name: true } } } });
  if (!conversation) return null;
  // The newest 500 messages, shown oldest first.
  const messages = (
    await db.message.findMany({ where: { conversationId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 500 })
  ).reverse();
  const officerOutbox = await db.outboxMessage.findMany({
    where: { conversationId, kind: 'officer' },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, body: true, status: true, deliveryStatus: true, createdAt: true },
  });
  return {
    id: conversation.id,
    channel: conversation.channel,
    holder: conversation.holder,
    officer: conversation.officer,
    language: conversation.language,
    createdAt: conversation.createdAt.toISOString(),
    lastActivityAt: conversation.lastActivityAt.toISOString(),
    messages: messages.map((m) => ({ id: m.id, author: m.author, direction: m.direction, text: m.text, at: m.createdAt.toISOString() })),
    /** Delivery of the officer side's messages (pending, held for quiet hours, sent, cancelled after an opt-out…). */
    deliveries: officerOutbox.map((o) => ({ id: o.id, status: o.status, deliveryStatus: o.deliveryStatus, at: o.createdAt.toISOString(), preview: o.body.slice(0, 80) })),
  };
}

async function accountPart(db: Db, accountId: string, now: Date) {
  const account = await db.account.findUnique({
    where: { id: accountId },
    include: {
      creditor: { select: { name: true } },
      disputes: { orderBy: { createdAt: 'desc' } },
      plans: { orderBy: { createdAt: 'desc' }, include: { installments: { orderBy: { seq: 'asc' } } } },
      payments: { orderBy: { createdAt: 'desc' }, take: 100 },
      consents: { orderBy: { givenAt: 'desc' } },
      notices: { orderBy: { deliveredAt: 'desc' } },
    },
  });
  if (!account) return null;
  const item = itemize(account);
  return {
    id: account.id,
    accountNumber: account.accountNumber,
    name: `${account.firstName} ${account.lastName}`,
    address: account.address,
    zip: account.zip,
    phone: account.phone,
    email: account.email,
    timeZone: account.timeZone,
    language: account.language,
    creditor: account.creditor.name,
    originalCreditor: account.originalCreditor,
    currency: account.currency,
    itemization: { ...item, itemizationDate: item.itemizationDate.toISOString().slice(0, 10) },
    placedAt: account.placedAt.toISOString(),
    validationPeriodEndsAt: account.validationPeriodEndsAt?.toISOString() ?? null,
    validationPeriodOpen: isValidationPeriodOpen(account.validationPeriodEndsAt, now),
    pauseReason: collectionPauseReason(account),
    flags: {
      disputed: account.disputed,
      ceaseCommunication: account.ceaseCommunication,
      attorneyRepresented: account.attorneyRepresented,
      bankruptcy: account.bankruptcy,
      deceased: account.deceased,
      activeMilitary: account.activeMilitary,
      identityTheft: account.identityTheft,
      timeBarred: account.timeBarred,
      smsOptOut: account.smsOptOut,
      verificationLocked: account.verificationLockedUntil !== null && account.verificationLockedUntil > now,
    },
    attorney: account.attorneyRepresented ? { name: account.attorneyName, contact: account.attorneyContact } : null,
    disputes: account.disputes.map((d) => ({
      id: d.id,
      kind: d.kind,
      words: d.words,
      channel: d.channel,
      status: d.status,
      createdAt: d.createdAt.toISOString(),
      resolvedAt: d.resolvedAt?.toISOString() ?? null,
    })),
    plans: account.plans.map((p) => ({
      id: p.id,
      kind: p.kind,
      status: p.status,
      total: p.total,
      currency: p.currency,
      frequency: p.frequency,
      downPayment: p.downPayment,
      hardship: p.hardship,
      authorizedAt: p.authorizedAt?.toISOString() ?? null,
      authorizedChannel: p.authorizedChannel,
      offeredBy: p.offeredBy,
      installments: p.installments.map((i) => ({ seq: i.seq, dueDate: i.dueDate.toISOString().slice(0, 10), amount: i.amount, status: i.status })),
    })),
    payments: account.payments.map((p) => ({ id: p.id, amount: p.amount, currency: p.currency, status: p.status, provider: p.provider, at: p.createdAt.toISOString() })),
    consents: account.consents.map((c) => ({ kind: c.kind, channel: c.channel, givenAt: c.givenAt.toISOString(), withdrawnAt: c.withdrawnAt?.toISOString() ?? null })),
    notices: account.notices.map((n) => ({ kind: n.kind, channel: n.channel, deliveredAt: n.deliveredAt.toISOString(), firstViewedAt: n.firstViewedAt?.toISOString() ?? null })),
  };
}
