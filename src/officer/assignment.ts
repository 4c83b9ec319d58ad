/**
 * Assigning an open escalation to an officer (to me, or to a colleague), so the team knows whose it
 * is before anyone takes it over. Anyone may still take it over; the queue shows the assignee.
 */
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { appendAudit } from '../audit.ts';
import { OPEN_HANDOFF_STATUSES } from '../handoff/queue.ts';
import { ConsoleRefusal } from './refusal.ts';
import type { SignedInOfficer } from './sessions.ts';

export const assignSchema = z.object({
  /** The officer's id, or null to unassign. */
  officerId: z.string().max(64).nullable(),
});

export async function assignHandoff(db: Db, handoffId: string, by: SignedInOfficer, input: z.output<typeof assignSchema>): Promise<{ assignee: { id: string; name: string } | null }> {
  return db.$transaction(async (tx) => {
    const assignee = input.officerId ? await tx.officer.findUnique({ where: { id: input.officerId }, select: { id: true, name: true, disabledAt: true } }) : null;
    if (input.officerId && (!assignee || assignee.disabledAt)) throw new ConsoleRefusal(422, 'That officer cannot take work: choose an active officer.');
    const { count } = await tx.handoff.updateMany({ where: { id: handoffId, status: { in: [...OPEN_HANDOFF_STATUSES] } }, data: { assigneeId: assignee?.id ?? null } });
    if (count === 0) {
      const exists = await tx.handoff.findUnique({ where: { id: handoffId }, select: { status: true } });
      throw exists ? new ConsoleRefusal(409, 'This escalation is already resolved.') : new ConsoleRefusal(404, 'There is no such escalation.');
    }
    const handoff = await tx.handoff.findUniqueOrThrow({ where: { id: handoffId }, select: { accountId: true, conversationId: true } });
    await appendAudit(tx, {
      type: 'handoff.assigned',
      actor: `officer:${by.id}`,
      accountId: handoff.accountId,
      conversationId: handoff.conversationId,
      detail: { handoffId, assigneeId: assignee?.id ?? null },
    });
    return { assignee: assignee ? { id: assignee.id, name: assignee.name } : null };
  });
}
