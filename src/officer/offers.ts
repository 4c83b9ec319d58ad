/**
 * Terms an officer agrees with the debtor during a takeover, made data instead of chat text: the
 * terms go through the existing proposals path (proposals.ts counterPlan and offerPlan: the plan
 * builders, the policy check, an 'offered' plan with the exact text sent), judged under the
 * hardship limits when hardship is recorded on the account. The conversation goes back to the bot at once,
 * which takes the debtor's explicit YES as the Reg E authorization (dialogs/officerOffer.ts) and
 * sends the first pay link — so what the officer agreed is exactly what the bot sets up.
 *
 * Everything happens in one transaction: the plan, the message (outbox + transcript), the audit
 * events, the escalation closed ('plan_offered') and the conversation handed back.
 */
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { appendAudit } from '../audit.ts';
import { collectionPauseReason } from '../accounts/rights.ts';
import type { PolicyViolation } from '../domain/plans.ts';
import { OPEN_PLAN_STATUSES } from '../negotiation/planStore.ts';
import { contactPermission, contactRefusal } from './contact.ts';
import { sendToDebtor } from './debtorMessages.ts';
import { PAUSE_LABELS } from './labels.ts';
import { counterPlan, counterTermsSchema, languageOf, offerPlan, Refusal } from './proposals.ts';
import { ConsoleRefusal } from './refusal.ts';
import type { SignedInOfficer } from './sessions.ts';
import { heldConversation } from './takeover.ts';

export const offerSchema = z.object({ terms: counterTermsSchema });

export interface OfferResult {
  planId: string;
  outboxId: string;
  /** The exact text the debtor reads (the plan's offerText). */
  message: string;
  hardship: boolean;
  /** Policy limits the terms break (allowed: a person decided), for the console to show. */
  violations: PolicyViolation[];
}

export async function offerTerms(db: Db, handoffId: string, officer: SignedInOfficer, input: z.output<typeof offerSchema>, now: Date): Promise<OfferResult> {
  try {
    return await db.$transaction(async (tx) => {
      const { handoff, conversation } = await heldConversation(tx, handoffId, officer);
      const account = conversation.accountId ? await tx.account.findUnique({ where: { id: conversation.accountId }, include: { creditor: true } }) : null;
      if (!account) throw new ConsoleRefusal(409, 'The debtor has not been verified in this conversation, so no terms can be offered here.');
      const pause = collectionPauseReason(account);
      if (pause) throw new ConsoleRefusal(409, `Collection on this account is paused (${PAUSE_LABELS[pause]}): no payment terms can be offered.`);
      const contact = await contactPermission(tx, conversation, now);
      if (contact.allowed === 'none') throw new ConsoleRefusal(409, contactRefusal(contact), { contact });
      if ((await tx.plan.count({ where: { accountId: account.id, status: { in: [...OPEN_PLAN_STATUSES] } } })) > 0) {
        throw new ConsoleRefusal(409, 'The debtor already has a plan. Cancel it first (the debtor can ask the bot to), or resolve the escalation.');
      }

      const offered = await offerPlan(tx, {
        plan: counterPlan(input.terms, account),
        account,
        hardship: account.hardship,
        kind: 'offer',
        conversationId: conversation.id,
        officerId: officer.id,
        language: languageOf(conversation, account),
        now,
      });
      const { outboxId } = await sendToDebtor(tx, conversation, { body: offered.body, officerId: officer.id, now, dedupeKey: `offer:${offered.planId}` });
      const actor = `officer:${officer.id}`;
      await appendAudit(tx, { type: 'plan.offered', actor, accountId: account.id, conversationId: conversation.id, detail: { handoffId, outboxId, ...offered.auditDetail } });
      await tx.handoff.update({
        where: { id: handoffId },
        data: { status: 'resolved', resolvedAt: now, outcome: 'plan_offered', ...(handoff.firstResponseAt ? {} : { firstResponseAt: now }) },
      });
      await appendAudit(tx, { type: 'handoff.resolved', actor, accountId: account.id, conversationId: conversation.id, detail: { handoffId, outcome: 'plan_offered' } });
      // The bot holds the conversation again, so it reads the debtor's YES or NO.
      await tx.conversation.update({ where: { id: conversation.id }, data: { holder: 'bot', officerId: null } });
      return { planId: offered.planId!, outboxId, message: offered.body, hardship: account.hardship, violations: offered.violations };
    });
  } catch (error) {
    if (error instanceof Refusal) throw new ConsoleRefusal(422, error.message);
    throw error;
  }
}
