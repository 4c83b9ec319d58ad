import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isReportedStatus, recordCease, recordHardship, recordReportedStatus } from '../src/accounts/rights.ts';
import { appendAudit } from '../src/audit.ts';
import {
  CARD_REMOVED,
  CONVERSATION_HOLDER,
  LOCAL_ONLY,
  catalogueOf,
  channelOf,
  conversationRecordId,
  recognitionOf,
  sessionOf,
  type ConversationServices,
} from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import { isLanguage } from '../src/messages/catalogue.ts';
import { ensureValidationNoticeOnTheWay } from '../src/notices/notices.ts';
import type { Recognition } from '../src/nlu/recognizer.ts';
import { AttorneyDialog } from './attorneyDialog.ts';
import { showBalance } from './balance.ts';
import { answerConsentWithdrawal } from './consentWithdrawal.ts';
import { noteContactPreference, recordPendingContactPreference } from './contactPreference.ts';
import { answerCheckIn, askCheckIn } from './crisisCheckIn.ts';
import { recordDisputeAndConfirm } from './dispute.ts';
import { handOff } from './handoff.ts';
import { MenuDialog } from './menuDialog.ts';
import { NegotiateDialog } from './negotiateDialog.ts';
import { recordRightsSilently } from './officerHeld.ts';
import { answerOfficerOffer, showPendingOffer } from './officerOffer.ts';
import { RightsDialog } from './rightsDialog.ts';
import { VerifyDialog, type VerifyResult } from './verifyDialog.ts';

const MAIN = 'main';

/** What an interruption did: nothing, answered the turn, or answered and the active dialog should re-ask. */
type Interruption = 'none' | 'done' | 'reprompt';

/**
 * The router every conversation runs through. Rights and safety come first, at any step: crisis,
 * a person, stop-contact, attorney, bankruptcy and the like, disputes, hardship, abuse. Otherwise
 * the debtor is greeted, verified (nothing about any account before that), given the debt-collector
 * disclosure, the balance and their validation rights, and then the menu.
 */
export class MainDialog {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly services: ConversationServices,
    dialogState: StatePropertyAccessor<DialogState>,
  ) {
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(new VerifyDialog(services));
    this.dialogs.add(new RightsDialog(services));
    this.dialogs.add(new AttorneyDialog(services));
    this.dialogs.add(new MenuDialog(services));
    this.dialogs.add(new NegotiateDialog(services));
    this.dialogs.add(
      new WaterfallDialog(MAIN, [
        this.start.bind(this),
        this.afterVerification.bind(this),
        // An officer's terms waiting for the debtor's answer come before the menu.
        async (step) => ((await showPendingOffer(step.context, services)) ? step.endDialog() : step.replaceDialog(MenuDialog.id)),
      ]),
    );
  }

  async run(context: TurnContext): Promise<void> {
    const session = await sessionOf(context, this.services);
    const dc = await this.dialogs.createContext(context);

    if (context.activity.type === 'conversationUpdate') {
      const debtorJoined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient.id);
      if (debtorJoined && !session.greeted && !dc.activeDialog) await dc.beginDialog(MAIN);
      return;
    }
    if (context.activity.type !== 'message') return;
    // An officer has taken the conversation over: the bot stays silent (the transcript keeps the
    // debtor's words for the officer console), but rights the debtor exercises are still recorded.
    if (context.turnState.get(CONVERSATION_HOLDER) === 'officer') {
      await recordRightsSilently(context, this.services, session);
      return;
    }

    const now = this.services.now().getTime();
    if (session.accountId && session.lastActivityAt && now - session.lastActivityAt > this.services.verificationIdleMs) {
      delete session.accountId;
      delete session.verifiedAt;
      await dc.cancelAllDialogs();
      await context.sendActivity(catalogueOf(session).verificationExpired());
    }
    session.lastActivityAt = now;

    // Verification answers hold identity factors: they are understood locally, never by a language model.
    if (dc.activeDialog?.id === VerifyDialog.id) context.turnState.set(LOCAL_ONLY, true);
    const recognition = await recognitionOf(context, this.services);
    const cardRemoved = context.turnState.get(CARD_REMOVED) === true;
    if (cardRemoved && session.mode === 'normal') {
      await context.sendActivity(catalogueOf(session).cardNumberRemoved());
    }

    if (session.checkIn) {
      await answerCheckIn(dc, this.services, session);
      return;
    }
    if (session.mode !== 'normal') {
      await this.afterStopOrCrisis(context, session, recognition);
      return;
    }

    const interruption = await this.interrupt(dc, session, recognition);
    if (interruption === 'done') {
      // The E-SIGN question may have been cut short: the validation notice still goes, by mail, silently (1006.34(a)).
      if (session.accountId) await ensureValidationNoticeOnTheWay(this.services.db, { accountId: session.accountId, channel: channelOf(context), conversationId: conversationRecordId(context), now: this.services.now() });
      return;
    }
    if (interruption === 'reprompt' || (cardRemoved && recognition.intent === 'unknown')) {
      if (dc.activeDialog) await dc.repromptDialog();
      else await dc.beginDialog(MAIN);
      return;
    }

    // After the rights and safety interruptions: "yes but I dispute this" is a dispute, not a yes.
    if (await answerOfficerOffer(dc, this.services)) return;

    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      if (session.accountId) await dc.beginDialog(MenuDialog.id, { handleCurrentMessage: true });
      else await dc.beginDialog(MAIN);
    }
  }

  /** After "stop contacting me" only a request for a person or a crisis gets an answer; after a crisis, no collection talk. */
  private async afterStopOrCrisis(context: TurnContext, session: Session, recognition: Recognition): Promise<void> {
    const text = catalogueOf(session);
    if (recognition.intents.includes('crisis')) {
      await handOff(context, this.services, 'crisis', { quiet: true });
      await context.sendActivity(text.crisis());
    } else if (recognition.intent === 'distress' && session.mode === 'ceased') {
      await askCheckIn(context, session, this.services.now().getTime());
    } else if (recognition.intent === 'agent') {
      await handOff(context, this.services, 'asked');
    } else if (session.mode === 'crisis') {
      await context.sendActivity(text.crisisFollowUp());
    }
  }

  private async interrupt(dc: DialogContext, session: Session, recognition: Recognition): Promise<Interruption> {
    const { context } = dc;
    const text = catalogueOf(session);
    const channel = channelOf(context);
    const where = () => ({ accountId: session.accountId!, conversationId: conversationRecordId(context), channel });
    const intent = recognition.intent;

    if (intent === 'crisis') {
      session.mode = 'crisis';
      await dc.cancelAllDialogs();
      await handOff(context, this.services, 'crisis', { quiet: true });
      await context.sendActivity(text.crisis());
      return 'done';
    }
    if (intent === 'distress') {
      await askCheckIn(context, session, this.services.now().getTime());
      return 'done';
    }
    if (intent === 'agent') {
      await handOff(context, this.services, 'asked');
      return 'done';
    }
    if (intent === 'cease') {
      await dc.cancelAllDialogs();
      session.mode = 'ceased';
      if (session.accountId) {
        await recordCease(this.services.db, where());
        await context.sendActivity(text.ceaseConfirmed());
      } else {
        await context.sendActivity(text.ceaseNoted());
      }
      await handOff(context, this.services, 'cease', { quiet: true });
      return 'done';
    }
    if (intent === 'attorney' && dc.activeDialog?.id !== AttorneyDialog.id) {
      await dc.cancelAllDialogs();
      await dc.beginDialog(AttorneyDialog.id);
      return 'done';
    }
    if (isReportedStatus(intent)) {
      await dc.cancelAllDialogs();
      const status = intent;
      if (session.accountId) {
        await recordReportedStatus(this.services.db, { ...where(), status });
        await context.sendActivity(text.statusRecorded(status));
      } else {
        await context.sendActivity(text.statusNoted());
      }
      await handOff(context, this.services, status, { quiet: true });
      return 'done';
    }
    if (intent === 'dispute' || intent === 'original_creditor') {
      const words = context.activity.text ?? '';
      if (session.accountId) {
        await dc.cancelAllDialogs();
        await recordDisputeAndConfirm(context, this.services, { kind: intent, words });
        await dc.beginDialog(MenuDialog.id);
        return 'done';
      }
      session.pending = { kind: intent, words };
      await context.sendActivity(text.verifyFirstToRecord());
      return 'reprompt';
    }
    if (intent === 'withdraw_consent') return answerConsentWithdrawal(dc, this.services);
    if (recognition.intents.includes('time_preference')) {
      await noteContactPreference(context, this.services, session, recognition);
      if (intent === 'time_preference') return 'reprompt';
    }
    if (intent === 'hardship' || (recognition.intents.includes('hardship') && !session.hardship)) {
      if (!session.hardship && session.accountId) await recordHardship(this.services.db, where());
      session.hardship = true;
      await context.sendActivity(session.accountId ? text.hardship() : text.hardshipBeforeVerification());
      // The menu answers the rest of the message ("…, can I pay 50 a month?"); other dialogs ask again.
      return intent === 'hardship' && dc.activeDialog?.id !== MenuDialog.id ? 'reprompt' : 'none';
    }
    if (intent === 'abusive') {
      session.abusiveWarnings += 1;
      if (session.abusiveWarnings === 1) {
        await context.sendActivity(text.abusiveFirst());
        return 'reprompt';
      }
      await context.sendActivity(text.abusiveHandoff());
      await handOff(context, this.services, 'abusive');
      return 'done';
    }
    if (intent === 'language' && isLanguage(recognition.entities.language)) {
      session.language = recognition.entities.language;
      session.languageChosen = true;
      await context.sendActivity(catalogueOf(session).languageSwitched());
      return 'reprompt';
    }
    return 'none';
  }

  private async start(step: WaterfallStepContext) {
    const session = await sessionOf(step.context, this.services);
    const text = catalogueOf(session);
    if (!session.greeted) {
      session.greeted = true;
      await step.context.sendActivity(text.greeting(this.services.collector));
      await step.context.sendActivity(text.agentAnytime());
    }
    if (session.accountId) return step.next({ accountId: session.accountId, resumed: true });
    return step.beginDialog(VerifyDialog.id);
  }

  private async afterVerification(step: WaterfallStepContext) {
    const result = (step.result ?? {}) as VerifyResult & { resumed?: boolean };
    if (!result.accountId) return step.endDialog();
    if (result.resumed) return step.replaceDialog(MenuDialog.id);

    const session = await sessionOf(step.context, this.services);
    const account = await this.services.db.account.findUniqueOrThrow({ where: { id: result.accountId } });
    session.accountId = account.id;
    session.verifiedAt = this.services.now().getTime();
    if (!session.languageChosen && isLanguage(account.language)) session.language = account.language;
    const text = catalogueOf(session);
    const conversationId = conversationRecordId(step.context);
    if (conversationId) {
      await this.services.db.conversation.update({ where: { id: conversationId }, data: { accountId: account.id, language: session.language } });
    }

    // Reg F 1006.18(e): the first message after verification says who we are and why we ask.
    await step.context.sendActivity(`${text.verified(account.firstName)} ${text.disclosure(this.services.collector)}`);
    await appendAudit(this.services.db, { type: 'disclosure.shown', actor: 'bot', accountId: account.id, conversationId, detail: { channel: channelOf(step.context), language: session.language } });
    await recordPendingContactPreference(step.context, this.services, session);

    if (session.pending) {
      const pending = session.pending;
      delete session.pending;
      await recordDisputeAndConfirm(step.context, this.services, pending);
      return step.replaceDialog(MenuDialog.id);
    }
    await showBalance(step.context, this.services, false);
    if (!account.validationPeriodEndsAt) return step.beginDialog(RightsDialog.id);
    return step.next();
  }
}
