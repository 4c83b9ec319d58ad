/**
 * What the console shows: the queue of escalations (with the follow-ups that are due), and one
 * escalation with its conversation (the redacted transcript), what may be sent to the debtor now
 * (the safety rail), the account summary and the audit trail. Read-only queries.
 * Identity factors are stored only as hashes and are never selected here.
 */
import type { Db } from '../db/database.ts';
import { resolveZones } from '../domain/quietHours.ts';
import { OPEN_HANDOFF_STATUSES } from '../handoff/queue.ts';
import { phoneOfSmsConversation } from '../channels/sms/recipients.ts';
import { accountPart, actorName, officerNames } from './accountViews.ts';
import { dueFollowUps, type DueFollowUp } from './accountWork.ts';
import { contactPermission } from './contact.ts';
import { proposalOf } from './proposals.ts';
import { bandOf, waitingTargets, type WaitingTargets } from './waitingTargets.ts';

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
  assignee: { id: string; name: string } | null;
  debtor: string | null;
  accountNumber: string | null;
  accountId: string | null;
  /** Account flags that stop contact (cease, attorney, SMS opt-out): shown in the row before anyone opens it. */
  doNotContact: string[];
  /** Minutes this priority may wait (the agency's target). */
  targetMinutes: number;
}

export interface QueueView {
  items: QueueItem[];
  /** Promises and call-backs whose date has come. */
  followUps: DueFollowUp[];
  targets: WaitingTargets;
}

function reasonsOf(detailJson: string, reason: string): string[] {
  try {
    const keys = Object.keys(JSON.parse(detailJson) as object);
    return [reason, ...keys.filter((k) => k !== reason)];
  } catch {
    return [reason];
  }
}

/** The queue page: open escalations, due follow-ups and the waiting-time targets. */
export async function queueView(db: Db, now: Date): Promise<QueueView> {
  const targets = await waitingTargets(db);
  const [items, followUps] = await Promise.all([listQueue(db, targets), dueFollowUps(db, now)]);
  return { items, followUps, targets };
}

/** Open escalations: waiting ones first (most urgent, then longest waiting), then those being handled. */
export async function listQueue(db: Db, targets?: WaitingTargets): Promise<QueueItem[]> {
  const target = targets ?? (await waitingTargets(db));
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
      assignee: { select: { id: true, name: true } },
      conversation: { select: { channel: true } },
      account: { select: { id: true, firstName: true, lastName: true, accountNumber: true, ceaseCommunication: true, attorneyRepresented: true, smsOptOut: true } },
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
    assignee: h.assignee,
    debtor: h.account ? `${h.account.firstName} ${h.account.lastName}` : null,
    accountNumber: h.account?.accountNumber ?? null,
    accountId: h.account?.id ?? null,
    doNotContact: h.account
      ? [
          ...(h.account.ceaseCommunication ? ['cease'] : []),
          ...(h.account.attorneyRepresented ? ['attorney'] : []),
          ...(h.account.smsOptOut && h.conversation?.channel === 'sms' ? ['sms_opted_out'] : []),
        ]
      : [],
    targetMinutes: target[bandOf(h.priority)],
  }));
  return [...items.filter((i) => i.status === 'queued'), ...items.filter((i) => i.status !== 'queued')];
}

export type HandoffView = NonNullable<Awaited<ReturnType<typeof handoffView>>>;

/** One escalation in full, or null when there is no such handoff. */
export async function handoffView(db: Db, handoffId: string, now: Date) {
  const handoff = await db.handoff.findUnique({ where: { id: handoffId }, include: { officer: { select: { id: true, name: true } }, assignee: { select: { id: true, name: true } } } });
  if (!handoff) return null;
  const [conversation, account, targets] = await Promise.all([
    handoff.conversationId ? conversationPart(db, handoff.conversationId, now) : null,
    handoff.accountId ? accountPart(db, handoff.accountId, now) : null,
    waitingTargets(db),
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
  const names = await officerNames(db, audit.map((e) => e.actor));
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
      assignee: handoff.assignee,
      targetMinutes: targets[bandOf(handoff.priority)],
      outcome: handoff.outcome,
      createdAt: handoff.createdAt.toISOString(),
      acceptedAt: handoff.acceptedAt?.toISOString() ?? null,
      firstResponseAt: handoff.firstResponseAt?.toISOString() ?? null,
      resolvedAt: handoff.resolvedAt?.toISOString() ?? null,
    },
    conversation,
    account,
    audit: audit.map((e) => ({
      id: e.id,
      type: e.type,
      actor: e.actor,
      actorName: actorName(e.actor, names),
      at: e.createdAt.toISOString(),
      detail: JSON.parse(e.detailJson) as Record<string, unknown>,
    })),
  };
}

async function conversationPart(db: Db, conversationId: string, now: Date) {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, include: { officer: { select: { id: true, name: true } } } });
  if (!conversation) return null;
  // The newest 500 messages, shown oldest first.
  const messages = (
    await db.message.findMany({ where: { conversationId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 500 })
  ).reverse();
  const officerOutbox = await db.outboxMessage.findMany({
    where: { conversationId, kind: { in: ['officer', 'notice'] } },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, body: true, status: true, deliveryStatus: true, createdAt: true },
  });
  const phone = conversation.channel === 'sms' ? phoneOfSmsConversation(conversation.externalId) : null;
  const phoneZones = phone ? resolveZones({ phone }) : null;
  return {
    id: conversation.id,
    channel: conversation.channel,
    /** What may be sent to this debtor now, and why not (the console shows it before the officer acts). */
    contact: await contactPermission(db, conversation, now),
    /** An unverified SMS debtor's zone from the area code, when it is one zone. */
    phoneTimeZone: phoneZones && phoneZones.source !== 'unknown' && phoneZones.zones.length === 1 ? phoneZones.zones[0]! : null,
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
