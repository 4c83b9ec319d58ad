/**
 * Decisions only an officer may take on an account: a dispute verified (collection may resume
 * once no other dispute is open — Reg F 1006.38(d)) or closed (not verified: collection of the
 * disputed debt stays stopped), and a status the officer learned of (attorney, bankruptcy,
 * deceased, active military), which stops collection like the debtor's own report does.
 */
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { appendAudit } from '../audit.ts';
import { recordAttorney, recordReportedStatus } from '../accounts/rights.ts';
import { ConsoleRefusal } from './refusal.ts';
import type { SignedInOfficer } from './sessions.ts';

export const disputeDecisionSchema = z.object({
  status: z.enum(['verified', 'closed'], { message: 'status must be "verified" (collection may resume) or "closed" (not verified: collection stays stopped)' }),
  note: z.string().trim().max(500, 'Keep the note under 500 characters.').optional(),
});

export const accountStatusSchema = z.discriminatedUnion(
  'status',
  [
    z.object({
      status: z.literal('attorney'),
      attorneyName: z.string().trim().min(2, "Enter the attorney's name."),
      attorneyContact: z.string().trim().regex(/[@\d]/, "Enter the attorney's phone number or email address."),
    }),
    z.object({ status: z.enum(['bankruptcy', 'deceased', 'military']) }),
  ],
  { message: 'status must be attorney, bankruptcy, deceased or military' },
);

export async function decideDispute(db: Db, disputeId: string, officer: SignedInOfficer, input: z.output<typeof disputeDecisionSchema>, now: Date): Promise<{ collectionMayResume: boolean }> {
  return db.$transaction(async (tx) => {
    const decided = await tx.dispute.updateMany({
      where: { id: disputeId, status: 'open' },
      data: { status: input.status, resolvedAt: now, resolvedBy: `officer:${officer.id}` },
    });
    const dispute = await tx.dispute.findUnique({ where: { id: disputeId } });
    if (!dispute) throw new ConsoleRefusal(404, 'There is no such dispute.');
    if (decided.count === 0) throw new ConsoleRefusal(409, `This dispute was already marked ${dispute.status}.`);
    const stillOpen = await tx.dispute.count({ where: { accountId: dispute.accountId, status: 'open' } });
    const stillUnverified = await tx.dispute.count({ where: { accountId: dispute.accountId, status: 'closed' } });
    const collectionMayResume = stillOpen === 0 && stillUnverified === 0;
    if (collectionMayResume) await tx.account.update({ where: { id: dispute.accountId }, data: { disputed: false } });
    await appendAudit(tx, {
      type: input.status === 'verified' ? 'dispute.verified' : 'dispute.closed',
      actor: `officer:${officer.id}`,
      accountId: dispute.accountId,
      detail: { disputeId, kind: dispute.kind, collectionMayResume, ...(input.note ? { note: input.note } : {}) },
    });
    return { collectionMayResume };
  });
}

export async function recordAccountStatus(db: Db, accountId: string, officer: SignedInOfficer, input: z.output<typeof accountStatusSchema>): Promise<void> {
  if (!(await db.account.findUnique({ where: { id: accountId }, select: { id: true } }))) throw new ConsoleRefusal(404, 'There is no such account.');
  const where = { accountId, channel: 'console', actor: `officer:${officer.id}` };
  if (input.status === 'attorney') await recordAttorney(db, { ...where, name: input.attorneyName, contact: input.attorneyContact });
  else await recordReportedStatus(db, { ...where, status: input.status });
}
