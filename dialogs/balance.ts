import type { TurnContext } from 'botbuilder';
import { accountView, catalogueOf, sessionOf, textFormatOf, verifiedAccount, type ConversationServices } from '../src/bot/services.ts';
import { reply } from '../src/replies/render.ts';

/** The current amount, creditor and original creditor; with `itemized`, how it adds up since the itemization date. */
export async function showBalance(context: TurnContext, services: ConversationServices, itemized: boolean): Promise<void> {
  const account = await verifiedAccount(context, services);
  if (!account) throw new Error('showBalance needs a verified account');
  const text = catalogueOf(await sessionOf(context, services));
  const view = accountView(account, text, textFormatOf(context));
  await context.sendActivity(itemized ? reply(text.itemization(view), { card: 'itemization' }) : text.balanceSummary(view));
}
