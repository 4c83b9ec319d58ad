import type { TurnContext } from 'botbuilder';
import { recordDispute } from '../src/accounts/rights.ts';
import { maskIdentityFactors } from '../src/domain/redaction.ts';
import type { Offer } from '../src/domain/negotiation.ts';
import { negotiationOf, catalogueOf, channelOf, conversationRecordId, sessionOf, verifiedAccount, type ConversationServices } from '../src/bot/services.ts';
import { formatterFor, offerView } from '../src/negotiation/views.ts';
import { handOff } from './handoff.ts';
import { offerRecord } from './recordOffer.ts';

/**
 * A dispute or an original-creditor request (Reg F 1006.38): recorded with the debtor's words, the
 * account marked disputed (no payment requests until an officer verifies), confirmed, and queued.
 * An offer made in the same message ("I already paid $300 in March, could I do 150 a month?") is
 * not lost: it goes to the officer with the dispute, and the debtor is told so (issue #12 item 3).
 */
export async function recordDisputeAndConfirm(
  context: TurnContext,
  services: ConversationServices,
  request: { kind: 'dispute' | 'original_creditor'; words: string; offer?: Offer },
): Promise<void> {
  const session = await sessionOf(context, services);
  const account = await verifiedAccount(context, services);
  if (!account) throw new Error('recordDisputeAndConfirm needs a verified account');
  await recordDispute(services.db, {
    accountId: account.id,
    conversationId: conversationRecordId(context),
    channel: channelOf(context),
    kind: request.kind,
    words: maskIdentityFactors(request.words),
  });
  const text = catalogueOf(session);
  await context.sendActivity(request.kind === 'dispute' ? text.disputeRecorded() : text.originalCreditorRecorded());
  if (request.offer) {
    const negotiation = negotiationOf(session);
    await context.sendActivity(negotiation.offerNoted(offerView(request.offer, formatterFor(negotiation.locale, account.currency))));
  }
  await handOff(context, services, request.kind, { quiet: true, ...(request.offer ? { detail: { offer: request.offer } } : {}) });
  await offerRecord(context, services);
}
