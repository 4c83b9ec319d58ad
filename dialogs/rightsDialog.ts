import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { hasWithdrawnEsignConsent } from '../src/accounts/consent.ts';
import { deliverValidationNotice, hasEsignConsent, noticeUrl, recordEsignConsent, requestMailedNotice } from '../src/notices/notices.ts';
import {
  accountView,
  catalogueOf,
  channelOf,
  conversationRecordId,
  sessionOf,
  verifiedAccount,
  type ConversationServices,
} from '../src/bot/services.ts';

interface RightsState {
  unclearAnswers: number;
}

/**
 * The validation rights (dispute, original creditor, by the end of the validation period) and the
 * validation notice (Model Form B-1) as a page the debtor can keep. The first electronic delivery
 * needs E-SIGN consent (1006.42): asked once, recorded with the wording shown; "no" (or "send me
 * paper copies") means paper. After a withdrawal the question is not asked again.
 */
export class RightsDialog extends Dialog {
  static readonly id = 'rights';

  constructor(private readonly services: ConversationServices) {
    super(RightsDialog.id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const session = await sessionOf(dc.context, this.services);
    if (!session.accountId) throw new Error('RightsDialog needs a verified account');
    // Only a digest of each link's token is stored, so a debtor who asks again gets a fresh link
    // to the same notice; the validation period itself never restarts.
    if (await hasEsignConsent(this.services.db, session.accountId)) {
      await this.deliver(dc.context, false);
      return dc.endDialog();
    }
    // A debtor who withdrew consent is not asked for it again; the paper copy was requested then.
    if (await hasWithdrawnEsignConsent(this.services.db, session.accountId)) {
      await dc.context.sendActivity(catalogueOf(session).noticesByMail());
      await this.sendRights(dc.context);
      return dc.endDialog();
    }
    dc.activeDialog!.state = { unclearAnswers: 0 } satisfies RightsState;
    await dc.context.sendActivity(catalogueOf(session).askEsign());
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const session = await sessionOf(dc.context, this.services);
    const text = catalogueOf(session);
    const { intent, intents } = await this.services.localRecognizer.recognize(dc.context.activity.text ?? '', { language: session.language });
    const state = dc.activeDialog!.state as RightsState;
    if (intent === 'affirm') {
      await recordEsignConsent(this.services.db, {
        accountId: session.accountId!,
        channel: channelOf(dc.context),
        wording: text.askEsign(),
        conversationId: conversationRecordId(dc.context),
      });
      await this.deliver(dc.context, true);
      return dc.endDialog();
    }
    // "no, just mail it to me": a no that says more is still a no.
    if (intent === 'deny' || intent === 'withdraw_consent' || intents.includes('deny') || state.unclearAnswers >= 1) {
      // Consent must be explicit: anything but a clear yes on the second ask means paper.
      await requestMailedNotice(this.services.db, {
        accountId: session.accountId!,
        channel: channelOf(dc.context),
        now: this.services.now(),
        conversationId: conversationRecordId(dc.context),
      });
      await dc.context.sendActivity(text.esignDeclined());
      await this.sendRights(dc.context);
      return dc.endDialog();
    }
    state.unclearAnswers += 1;
    await dc.context.sendActivity(text.askEsignAgain());
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, _instance: DialogInstance): Promise<void> {
    await context.sendActivity(catalogueOf(await sessionOf(context, this.services)).askEsign());
  }

  private async deliver(context: TurnContext, justConsented: boolean): Promise<void> {
    const session = await sessionOf(context, this.services);
    const text = catalogueOf(session);
    const notice = await deliverValidationNotice(this.services.db, {
      accountId: session.accountId!,
      channel: channelOf(context),
      language: session.language,
      now: this.services.now(),
      conversationId: conversationRecordId(context),
    });
    const link = noticeUrl(this.services.publicBaseUrl, notice.token);
    await this.sendRights(context);
    await context.sendActivity(justConsented ? text.esignAccepted(link) : text.noticeLink(link));
  }

  private async sendRights(context: TurnContext): Promise<void> {
    const account = await verifiedAccount(context, this.services);
    const text = catalogueOf(await sessionOf(context, this.services));
    const view = accountView(account!, text);
    if (!view.validationEnds) throw new Error('the validation period must be set before the rights are shown');
    await context.sendActivity(text.rightsSummary({ ...view, validationEnds: view.validationEnds }));
  }
}
