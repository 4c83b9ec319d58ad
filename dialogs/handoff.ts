import type { TurnContext } from 'botbuilder';
import { queueHandoff, type HandoffReason } from '../src/handoff/queue.ts';
import { catalogueOf, channelOf, conversationRecordId, sessionOf, type ConversationServices } from '../src/bot/services.ts';

/** Queues the conversation for an officer and, unless `quiet`, tells the debtor the expected wait. */
export async function handOff(
  context: TurnContext,
  services: ConversationServices,
  reason: HandoffReason,
  options: { detail?: Record<string, unknown>; quiet?: boolean } = {},
): Promise<void> {
  const session = await sessionOf(context, services);
  const queued = await queueHandoff(services.db, {
    reason,
    conversationId: conversationRecordId(context),
    accountId: session.accountId ?? null,
    detail: { channel: channelOf(context), ...options.detail },
  });
  if (!options.quiet) {
    await context.sendActivity(catalogueOf(session).handoffQueued(queued.expectedWaitMinutes, channelOf(context)));
  }
}
