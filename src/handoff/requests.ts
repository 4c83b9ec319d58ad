/**
 * The debtor's own side of a request for a person (issue #12 item 9): how long the wait is, and
 * "never mind, I'll stay with the bot". Only a request the debtor made themselves ("agent") can be
 * withdrawn: a handoff about a right or a report (a dispute, a cease, a crisis, an attorney…) stays
 * with the team whatever the debtor says next.
 */
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/database.ts';
import type { Handoff } from '../db/generated/client.ts';
import { estimateWait, OPEN_HANDOFF_STATUSES } from './queue.ts';

/** Reasons the debtor may withdraw: they asked for a person, nothing more. */
const WITHDRAWABLE: ReadonlySet<string> = new Set(['asked']);

export async function openHandoffOf(db: Db, conversationId: string | undefined): Promise<Handoff | null> {
  if (!conversationId) return null;
  return db.handoff.findFirst({ where: { conversationId, status: { in: [...OPEN_HANDOFF_STATUSES] } }, orderBy: { createdAt: 'desc' } });
}

export type WaitAnswer = { waiting: false } | { waiting: true; taken: boolean; ahead: number; expectedWaitMinutes: number };

export async function waitFor(db: Db, conversationId: string | undefined): Promise<WaitAnswer> {
  const handoff = await openHandoffOf(db, conversationId);
  if (!handoff) return { waiting: false };
  if (handoff.status === 'accepted') return { waiting: true, taken: true, ahead: 0, expectedWaitMinutes: 0 };
  return { waiting: true, taken: false, ...(await estimateWait(db, handoff)) };
}

export type Withdrawal = 'withdrawn' | 'stays' | 'taken' | 'none';

/** Cancels the conversation's request for a person, if it is only that and no officer has it yet. */
export async function withdrawRequestForPerson(db: Db, where: { conversationId: string | undefined; accountId?: string | null; now: Date }): Promise<Withdrawal> {
  const conversationId = where.conversationId;
  if (!conversationId) return 'none';
  return db.$transaction(async (tx) => {
    const handoff = await tx.handoff.findFirst({ where: { conversationId, status: { in: [...OPEN_HANDOFF_STATUSES] } }, orderBy: { createdAt: 'desc' } });
    if (!handoff) return 'none';
    if (handoff.status !== 'queued') return 'taken';
    const reasons = Object.keys(JSON.parse(handoff.detailJson) as Record<string, unknown>);
    if (!reasons.every((reason) => WITHDRAWABLE.has(reason))) return 'stays';
    const closed = await tx.handoff.updateMany({
      where: { id: handoff.id, status: 'queued' },
      data: { status: 'resolved', resolvedAt: where.now, outcome: 'withdrawn_by_debtor' },
    });
    if (closed.count === 0) return 'taken';
    await tx.conversation.updateMany({ where: { id: conversationId, holder: 'queued' }, data: { holder: 'bot' } });
    await appendAudit(tx, {
      type: 'handoff.withdrawn',
      actor: 'debtor',
      accountId: handoff.accountId ?? where.accountId ?? null,
      conversationId,
      detail: { handoffId: handoff.id, reason: handoff.reason },
    });
    return 'withdrawn';
  });
}

/**
 * A stop-contact request withdrawn by the debtor in the conversation that made it: audited as a
 * withdrawal; on a verified account the account's cease is lifted (the debtor asked to talk after
 * all). Made before verification it was only noted for a person to apply to the right record. The
 * handoff that carried only the cease is closed, one that carries more is told (its detail says so)
 * and stays.
 */
export async function withdrawCease(db: Db, where: { conversationId: string | undefined; accountId?: string; channel: string; now: Date }): Promise<void> {
  const conversationId = where.conversationId ?? null;
  await db.$transaction(async (tx) => {
    if (where.accountId) await tx.account.update({ where: { id: where.accountId }, data: { ceaseCommunication: false } });
    await appendAudit(tx, {
      type: 'cease.withdrawn',
      actor: 'debtor',
      conversationId,
      ...(where.accountId ? { accountId: where.accountId } : {}),
      detail: { channel: where.channel, beforeVerification: !where.accountId },
    });
    if (!conversationId) return;
    const handoff = await tx.handoff.findFirst({ where: { conversationId, status: { in: [...OPEN_HANDOFF_STATUSES] } }, orderBy: { createdAt: 'desc' } });
    if (!handoff) return;
    const detail = JSON.parse(handoff.detailJson) as Record<string, unknown>;
    if (!('cease' in detail)) return;
    const onlyCease = Object.keys(detail).every((reason) => reason === 'cease');
    if (onlyCease && handoff.status === 'queued') {
      await tx.handoff.update({ where: { id: handoff.id }, data: { status: 'resolved', resolvedAt: where.now, outcome: 'cease_withdrawn_by_debtor' } });
      await tx.conversation.updateMany({ where: { id: conversationId, holder: 'queued' }, data: { holder: 'bot' } });
    } else {
      await tx.handoff.update({ where: { id: handoff.id }, data: { detailJson: JSON.stringify({ ...detail, ceaseWithdrawn: { at: where.now.toISOString() } }) } });
    }
  });
}
