import type { TurnContext } from 'botbuilder';
import { accountView, catalogueOf, sessionOf, textFormatOf, verifiedAccount, type ConversationServices } from '../src/bot/services.ts';
import { reply } from '../src/replies/render.ts';
import { say } from './prompts.ts';

/** The current amount, creditor and original creditor; with `itemized`, how it adds up since the itemization date. */
export async function showBalance(context: TurnContext, services: ConversationServices, itemized: boolean): Promise<void> {
  const account = await verifiedAccount(context, services);
  if (!account) throw new Error('showBalance needs a verified account');
  const session = await sessionOf(context, services);
  const text = catalogueOf(session);
  const view = accountView(account, text, textFormatOf(context));
  if (itemized) await context.sendActivity(reply(text.itemization(view), { card: 'itemization' }));
  else await say(context, session, text.balanceSummary(view));
}
