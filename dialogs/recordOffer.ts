import type { TurnContext } from 'botbuilder';
import { recordTextOf, sessionOf, type ConversationServices } from '../src/bot/services.ts';
import { recordUrl } from '../src/record/recordLinks.ts';

/**
 * After an agreement, a dispute or a consent: the signed, expiring link to the debtor's record
 * (issue #16 item 5), so they can keep what they agreed to.
 */
export async function offerRecord(context: TurnContext, services: ConversationServices): Promise<void> {
  const session = await sessionOf(context, services);
  if (!session.accountId) return;
  await context.sendActivity(recordTextOf(session).offer(recordUrl(services.publicBaseUrl, session.accountId, services.now(), services.hashKey)));
}
