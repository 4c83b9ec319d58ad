import type { TurnContext } from 'botbuilder';
import { accountView, catalogueOf, conversationOf, sessionOf, textFormatOf, verifiedAccount, type ConversationServices } from '../src/bot/services.ts';
import { reply } from '../src/replies/render.ts';
import { say } from './prompts.ts';

/** The current amount, creditor and original creditor; with `itemized`, how it adds up since the itemization date. */
export async function showBalance(context: TurnContext, services: ConversationServices, itemized: boolean): Promise<void> {
  const account = await verifiedAccount(context, services);
  if (!account) throw new Error('showBalance needs a verified account');
  const session = await sessionOf(context, services);
  const text = catalogueOf(session);
  const view = accountView(account, text, textFormatOf(context));
  // Asked again right away: said again, never word for word the message before (DESIGN 16; review 10, 15).
  const itemization = itemized ? text.itemization(view) : '';
  if (itemized) await context.sendActivity(reply(itemization === session.lastBotText ? conversationOf(session).asISaid(itemization) : itemization, { card: 'itemization' }));
  else await say(context, session, text.balanceSummary(view));
}
