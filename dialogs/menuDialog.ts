import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogReason, type DialogTurnResult } from 'botbuilder-dialogs';
import { collectionPauseReason } from '../src/accounts/rights.ts';
import { conversationOf, catalogueOf, recognitionOf, sessionOf, verifiedAccount, type ConversationServices } from '../src/bot/services.ts';
import { namesElectronicYes } from '../src/negotiation/consent.ts';
import type { Account } from '../src/db/generated/client.ts';
import { hardshipRequest } from '../src/negotiation/hardshipRequests.ts';
import { asksForPaymentOptions, asksToCancelPlan } from '../src/negotiation/offerParser.ts';
import type { Intent, Recognition } from '../src/nlu/recognizer.ts';
import { AccountChoiceDialog, type AccountChoiceResult } from './accountChoiceDialog.ts';
import { SWITCH_ACCOUNT } from './answers.ts';
import { showBalance } from './balance.ts';
import { NegotiateDialog } from './negotiateDialog.ts';
import { ask, notUnderstood, say } from './prompts.ts';
import { esignDue, RightsDialog, type RightsOptions, type RightsResult } from './rightsDialog.ts';
import { repliesFor, type Choice } from '../src/messages/replies.ts';

const PAYMENT_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['pay_full', 'settle', 'plan', 'pay']);

export interface MenuOptions {
  /** The message that started the menu is answered instead of listing the options. */
  handleCurrentMessage?: boolean;
  /** Something was just said in full: no list of options after it. */
  quiet?: boolean;
}

/**
 * What a verified debtor can ask for: balance, itemization, rights and notice, payment options.
 * The E-SIGN question put off earlier comes back here, once the debtor's own request is answered.
 */
export class MenuDialog extends Dialog<MenuOptions> {
  static readonly id = 'menu';

  constructor(private readonly services: ConversationServices) {
    super(MenuDialog.id);
  }

  override async beginDialog(dc: DialogContext, options?: MenuOptions): Promise<DialogTurnResult> {
    if (options?.handleCurrentMessage) return this.continueDialog(dc);
    if (await esignDue(dc.context, this.services)) return dc.beginDialog(RightsDialog.id, { later: true });
    if (!options?.quiet) await this.sendMenu(dc.context);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const account = await verifiedAccount(dc.context, this.services);
    if (!account) return dc.endDialog();
    if (dc.context.turnState.get(SWITCH_ACCOUNT) === true) return dc.beginDialog(AccountChoiceDialog.id);
    const recognition = await recognitionOf(dc.context, this.services);
    const intent = menuIntent(recognition);
    const words = dc.context.activity.text ?? '';
    // "How much do I owe, can I do 50 a month?": the balance, then the offer.
    const offerToo = recognition.entities.money.length > 0 && recognition.intents.some((i) => PAYMENT_INTENTS.has(i));
    if ((intent === 'unknown' || intent === 'help' || intent === 'hardship') && (asksForPaymentOptions(words) || asksToCancelPlan(words))) {
      return dc.beginDialog(NegotiateDialog.id, { handleCurrentMessage: true });
    }
    // "I lost my job … what are my options": the options, under the hardship limits (a person for a pause among them).
    if (intent === 'help' && recognition.intents.includes('hardship')) return dc.beginDialog(NegotiateDialog.id);
    // "Can you put it on hold?", "I can't even do 10": the negotiation answers, with a person and no pressure (DESIGN 8).
    if (hardshipRequest(words, recognition, null)) return dc.beginDialog(NegotiateDialog.id, { handleCurrentMessage: true });
    // "ok, sí acepto lo electrónico" after the E-SIGN question was put off: its answer (review 9, 10).
    if ((await sessionOf(dc.context, this.services)).esign?.state === 'deferred' && namesElectronicYes(words) && recognition.intents.every((i) => ['affirm', 'thanks', 'greeting'].includes(i))) {
      return dc.beginDialog(RightsDialog.id, { consenting: true } satisfies RightsOptions);
    }
    switch (intent) {
      case 'balance':
      case 'itemization':
        await showBalance(dc.context, this.services, intent === 'itemization');
        if (offerToo) return dc.beginDialog(NegotiateDialog.id, { handleCurrentMessage: true });
        return this.afterAnswer(dc, account);
      case 'rights':
      case 'validation_notice':
        return dc.beginDialog(RightsDialog.id, { asked: true } satisfies RightsOptions);
      case 'pay_full':
      case 'settle':
      case 'plan':
      case 'pay':
        // The negotiation answers paused accounts itself (no offers) and lets any debtor cancel a plan.
        return dc.beginDialog(NegotiateDialog.id, { handleCurrentMessage: true });
      case 'thanks':
        await this.sayThanks(dc.context);
        return this.afterAnswer(dc, account);
      case 'unknown':
        await notUnderstood(dc.context, this.services, await this.menuWordings(dc.context, account), { choices: await this.menuChoices(dc.context, account) });
        return Dialog.EndOfTurn;
      default:
        await this.sendMenu(dc.context, account);
        return Dialog.EndOfTurn;
    }
  }

  override async resumeDialog(dc: DialogContext, _reason?: DialogReason, result?: RightsResult & AccountChoiceResult): Promise<DialogTurnResult> {
    // A child hands back a message that was not for it, or has already said everything.
    if (result?.handleCurrentMessage) return this.continueDialog(dc);
    if (result?.accountId) {
      await showBalance(dc.context, this.services, false);
      return this.afterAnswer(dc);
    }
    if (result?.quiet) return this.afterAnswer(dc);
    return this.beginDialog(dc);
  }

  override async repromptDialog(context: TurnContext, _instance: DialogInstance): Promise<void> {
    await this.sendMenu(context);
  }

  /** "Thanks": welcome — and said again right away, not word for word (DESIGN 16). */
  private async sayThanks(context: TurnContext): Promise<void> {
    const session = await sessionOf(context, this.services);
    await say(context, session, catalogueOf(session).thanks());
  }

  /** After an answer: the E-SIGN question if it was put off on an earlier turn; otherwise nothing more. */
  private async afterAnswer(dc: DialogContext, account?: Account): Promise<DialogTurnResult> {
    if (await esignDue(dc.context, this.services, account)) return dc.beginDialog(RightsDialog.id, { later: true });
    return Dialog.EndOfTurn;
  }

  /** The menu in its two wordings (never listed twice in a row in the same words). */
  private async menuWordings(context: TurnContext, account?: Account): Promise<string[]> {
    const verified = account ?? (await verifiedAccount(context, this.services));
    const session = await sessionOf(context, this.services);
    const paused = verified ? collectionPauseReason(verified) !== null : true;
    return [catalogueOf(session).menu(paused), conversationOf(session).menuAgain(paused)];
  }

  /** The menu's buttons (web) or numbered choices (SMS). */
  private async menuChoices(context: TurnContext, account?: Account): Promise<Choice[]> {
    const verified = account ?? (await verifiedAccount(context, this.services));
    const session = await sessionOf(context, this.services);
    return repliesFor(session.language).menu(verified ? collectionPauseReason(verified) !== null : true);
  }

  /** `account`: the verified account when the caller has already read it this turn. */
  private async sendMenu(context: TurnContext, account?: Account): Promise<void> {
    await ask(context, await sessionOf(context, this.services), await this.menuWordings(context, account), await this.menuChoices(context, account));
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
