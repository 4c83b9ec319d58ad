import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogReason, type DialogTurnResult } from 'botbuilder-dialogs';
import { collectionPauseReason } from '../src/accounts/rights.ts';
import { catalogueOf, recognitionOf, sessionOf, verifiedAccount, type ConversationServices } from '../src/bot/services.ts';
import type { Account } from '../src/db/generated/client.ts';
import { asksForPaymentOptions, asksToCancelPlan } from '../src/negotiation/offerParser.ts';
import type { Intent, Recognition } from '../src/nlu/recognizer.ts';
import { showBalance } from './balance.ts';
import { NegotiateDialog, type NegotiateResult } from './negotiateDialog.ts';
import { RightsDialog } from './rightsDialog.ts';

/** What a verified debtor can ask for: balance, itemization, rights and notice, payment options. */
export class MenuDialog extends Dialog {
  static readonly id = 'menu';

  constructor(private readonly services: ConversationServices) {
    super(MenuDialog.id);
  }

  /** With `handleCurrentMessage`, the message that started the menu is answered instead of listing the options. */
  override async beginDialog(dc: DialogContext, options?: { handleCurrentMessage?: boolean }): Promise<DialogTurnResult> {
    if (options?.handleCurrentMessage) return this.continueDialog(dc);
    await this.sendMenu(dc.context);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const account = await verifiedAccount(dc.context, this.services);
    if (!account) return dc.endDialog();
    const text = catalogueOf(await sessionOf(dc.context, this.services));
    const intent = menuIntent(await recognitionOf(dc.context, this.services));
    const words = dc.context.activity.text ?? '';
    if ((intent === 'unknown' || intent === 'help' || intent === 'hardship') && (asksForPaymentOptions(words) || asksToCancelPlan(words))) {
      return dc.beginDialog(NegotiateDialog.id, { handleCurrentMessage: true });
    }
    switch (intent) {
      case 'balance':
        await showBalance(dc.context, this.services, false);
        break;
      case 'itemization':
        await showBalance(dc.context, this.services, true);
        break;
      case 'rights':
      case 'validation_notice':
        return dc.beginDialog(RightsDialog.id);
      case 'pay_full':
      case 'settle':
      case 'plan':
      case 'pay':
        // The negotiation answers paused accounts itself (no offers) and lets any debtor cancel a plan.
        return dc.beginDialog(NegotiateDialog.id, { handleCurrentMessage: true });
      case 'thanks':
        await dc.context.sendActivity(text.thanks());
        break;
      case 'unknown':
        await dc.context.sendActivity(text.notUnderstood());
        await this.sendMenu(dc.context, account);
        break;
      default:
        await this.sendMenu(dc.context, account);
    }
    return Dialog.EndOfTurn;
  }

  override async resumeDialog(dc: DialogContext, _reason?: DialogReason, result?: NegotiateResult): Promise<DialogTurnResult> {
    // The negotiation hands back a message that was not about paying, or has already said everything.
    if (result?.handleCurrentMessage) return this.continueDialog(dc);
    if (result?.quiet) return Dialog.EndOfTurn;
    await this.sendMenu(dc.context);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, _instance: DialogInstance): Promise<void> {
    await this.sendMenu(context);
  }

  /** `account`: the verified account when the caller has already read it this turn. */
  private async sendMenu(context: TurnContext, account?: Account): Promise<void> {
    const verified = account ?? (await verifiedAccount(context, this.services));
    const text = catalogueOf(await sessionOf(context, this.services));
    await context.sendActivity(text.menu(verified ? collectionPauseReason(verified) !== null : true));
  }
}

/**
 * The intent the menu answers. Hardship has already been acknowledged (and recorded) by the main
 * router, so the rest of the message is answered as if it came on its own: "I lost my job, can I
 * pay 50 a month?" is an offer, judged under the hardship limits. 'hardship' when nothing else was
 * recognized ("I lost my job, what are my payment options?" still gets the options).
 */
function menuIntent({ intent, intents }: Recognition): Intent {
  if (intent !== 'hardship') return intent;
  return intents.find((other) => other !== 'hardship') ?? 'hardship';
}
