import type { TurnContext } from 'botbuilder';
import { recordDispute } from '../src/accounts/rights.ts';
import { maskIdentityFactors } from '../src/domain/redaction.ts';
import { catalogueOf, channelOf, conversationRecordId, sessionOf, type ConversationServices } from '../src/bot/services.ts';
import { handOff } from './handoff.ts';

/**
 * A dispute or an original-creditor request (Reg F 1006.38): recorded with the debtor's words, the
 * account marked disputed (no payment requests until an officer verifies), confirmed, and queued.
 */
export async function recordDisputeAndConfirm(
  context: TurnContext,
  services: ConversationServices,
  request: { kind: 'dispute' | 'original_creditor'; words: string },
): Promise<void> {
  const session = await sessionOf(context, services);
  if (!session.accountId) throw new Error('recordDisputeAndConfirm needs a verified account');
  await recordDispute(services.db, {
    accountId: session.accountId,
    conversationId: conversationRecordId(context),
    channel: channelOf(context),
    kind: request.kind,
    words: maskIdentityFactors(request.words),
  });
  const text = catalogueOf(session);
  await context.sendActivity(request.kind === 'dispute' ? text.disputeRecorded() : text.originalCreditorRecorded());
  await handOff(context, services, request.kind, { quiet: true });
}
