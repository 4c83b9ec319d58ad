import type { Db, Tx } from '../db/database.ts';
import { appendAudit } from '../audit.ts';
import type { Handoff } from '../db/generated/client.ts';

/** Why a conversation goes to a person. The officer console sorts by priority, then waiting time. */
export const HANDOFF_REASONS = {
  crisis: 0,
  attorney: 10,
  bankruptcy: 10,
  deceased: 10,
  military: 10,
  identity_theft: 10,
  dispute: 20,
  original_creditor: 20,
  cease: 20,
  abusive: 30,
  hardship: 30,
  locked: 40,
  proposal: 40,
  delinquent: 40,
  asked: 50,
} as const;

export type HandoffReason = keyof typeof HANDOFF_REASONS;

/** A handoff waiting for an officer, or being handled by one. */
export const OPEN_HANDOFF_STATUSES = ['queued', 'accepted'] as const;

export interface HandoffRequest {
  reason: HandoffReason;
  conversationId?: string | null;
  accountId?: string | null;
  /** Context for the officer (never identity factors or card numbers). */
  detail?: Record<string, unknown>;
}

export interface QueuedHandoff {
  id: string;
  /** How many open handoffs are ahead of this one. */
  ahead: number;
  /** Rough wait in minutes, for the debtor. */
  expectedWaitMinutes: number;
}

/** Minutes an officer needs per waiting conversation, for the wait estimate. */
const MINUTES_PER_CONVERSATION = 4;

/**
 * Queues a conversation for an officer inside the caller's transaction, so the handoff commits or
 * rolls back with the state change that caused it. An open handoff of the same conversation is
 * reused (its priority raised when the new reason is more urgent) so one conversation is queued
 * once; without a conversation, an open handoff of the same account and reason is reused.
 */
export async function queueHandoffIn(tx: Tx, request: HandoffRequest): Promise<Handoff> {
  const priority = HANDOFF_REASONS[request.reason];
  const openStatus = { in: [...OPEN_HANDOFF_STATUSES] };
  const open = request.conversationId
    ? await tx.handoff.findFirst({ where: { conversationId: request.conversationId, status: openStatus } })
    : request.accountId
      ? await tx.handoff.findFirst({ where: { conversationId: null, accountId: request.accountId, reason: request.reason, status: openStatus } })
      : null;
  const row = open
    ? await tx.handoff.update({
        where: { id: open.id },
        data: {
          priority: Math.min(open.priority, priority),
          reason: priority < open.priority ? request.reason : open.reason,
          accountId: open.accountId ?? request.accountId ?? null,
          detailJson: JSON.stringify({ ...JSON.parse(open.detailJson), [request.reason]: request.detail ?? true }),
        },
      })
    : await tx.handoff.create({
        data: {
          reason: request.reason,
          priority,
          conversationId: request.conversationId ?? null,
          accountId: request.accountId ?? null,
          detailJson: JSON.stringify({ [request.reason]: request.detail ?? true }),
        },
      });
  if (request.conversationId) {
    await tx.conversation.updateMany({ where: { id: request.conversationId, holder: 'bot' }, data: { holder: 'queued' } });
  }
  await appendAudit(tx, {
    type: 'handoff.queued',
    actor: 'bot',
    accountId: request.accountId,
    conversationId: request.conversationId,
    detail: { reason: request.reason, priority, handoffId: row.id },
  });
  return row;
}

/** Queues a conversation for an officer in a transaction of its own, and estimates the wait. */
export async function queueHandoff(db: Db, request: HandoffRequest): Promise<QueuedHandoff> {
  const handoff = await db.$transaction((tx: Tx) => queueHandoffIn(tx, request));
  return { id: handoff.id, ...(await estimateWait(db, handoff)) };
}

/** The wait a request for a person made now would have (behind every queued one of the same or higher priority). */
export function waitForNew(db: Db): Promise<{ ahead: number; expectedWaitMinutes: number }> {
  return estimateWait(db, { id: '', priority: HANDOFF_REASONS.asked, createdAt: new Date() });
}

/** How many waiting handoffs come before this one (more urgent, or as urgent and older), and the rough wait. */
export async function estimateWait(db: Db, handoff: Pick<Handoff, 'id' | 'priority' | 'createdAt'>): Promise<{ ahead: number; expectedWaitMinutes: number }> {
  const ahead = await db.handoff.count({
    where: {
      status: 'queued',
      id: { not: handoff.id },
      OR: [{ priority: { lt: handoff.priority } }, { priority: handoff.priority, createdAt: { lt: handoff.createdAt } }],
    },
  });
  return { ahead, expectedWaitMinutes: Math.max(2, (ahead + 1) * MINUTES_PER_CONVERSATION) };
}
