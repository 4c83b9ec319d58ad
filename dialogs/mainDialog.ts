import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CARD_REMOVED, CONVERSATION_HOLDER, LOCAL_ONLY, catalogueOf, negotiationOf, channelOf, conversationRecordId, recognitionOf, sessionOf, textFormatOf, type ConversationServices, localRecognitionOf } from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import { maskIdentityFactors } from '../src/domain/redaction.ts';
import { conversationMessagesFor } from '../src/messages/conversation.ts';
import { ensureValidationNoticeOnTheWay } from '../src/notices/notices.ts';
import type { Recognition } from '../src/nlu/recognizer.ts';
import { isBackFromPause, isOnlyPause } from '../src/nlu/pause.ts';
import { AccountChoiceDialog } from './accountChoiceDialog.ts';
import { AfterVerification } from './afterVerification.ts';
import { answerQuestions, SWITCH_ACCOUNT } from './answers.ts';
import { answerAttorneyContact, asksAboutPaying, AttorneyDialog } from './attorneyDialog.ts';
import { answerCheckIn } from './crisisCheckIn.ts';
import { afterDeathReport, DeathReportDialog } from './deathReportDialog.ts';
import { rememberGoal, todayFor } from './goal.ts';
import { afterStopOrCrisis, interrupt } from './interruptions.ts';
import { followWrittenLanguage } from './language.ts';
import { MenuDialog } from './menuDialog.ts';
import { NegotiateDialog } from './negotiateDialog.ts';
import { recordRightsSilently } from './officerHeld.ts';
import { answerOfficerOffer } from './officerOffer.ts';
import { endOfTurn, trackSentMessages } from './prompts.ts';
import { RightsDialog } from './rightsDialog.ts';
import { applyNumberedChoice, installReplyRenderer } from '../src/replies/replyRenderer.ts';
import { awaitsDateOfBirth, VerifyDialog, type VerifyOptions } from './verifyDialog.ts';

const MAIN = 'main';

/** After a curated answer, these still need the dialog: "can I pay by card? 50 a month then". */
const ACTIONABLE = new Set(['pay_full', 'settle', 'plan', 'pay', 'balance', 'itemization', 'rights', 'validation_notice']);

/**
 * The router every conversation runs through. Rights and safety come first, at any step: crisis,
 * a person, stop-contact, attorney, bankruptcy and the like, disputes, hardship, abuse. Then the
 * questions people actually ask (the curated answer set). Otherwise the debtor is greeted and
 * verified — the first message read like any other (issue #12 item 1) and what they asked for
 * remembered — given the debt-collector disclosure, the balance and their validation rights, and
 * then what they asked for, or the menu. A turn the bot does not understand is counted; the second
 * in a row gets the main choices and a person (DESIGN 16).
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
    this.dialogs.add(new DeathReportDialog(services));
    this.dialogs.add(new AccountChoiceDialog(services));
    this.dialogs.add(new MenuDialog(services));
    this.dialogs.add(new NegotiateDialog(services));
    const after = new AfterVerification(services);
    this.dialogs.add(
      new WaterfallDialog(MAIN, [this.start.bind(this), after.verified.bind(after), after.accountChosen.bind(after), after.last.bind(after)]),
    );
  }

  async run(context: TurnContext): Promise<void> {
    const session = await sessionOf(context, this.services);
    applyNumberedChoice(context, session);
    const dc = await this.dialogs.createContext(context);

    if (context.activity.type === 'conversationUpdate') {
      const debtorJoined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient.id);
      installReplyRenderer(context, session);
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
    trackSentMessages(context, session);
    // After the tracker: it compares the catalogue's words, the renderer then shapes them per channel.
    installReplyRenderer(context, session);
    session.turns = (session.turns ?? 0) + 1;
    try {
      await this.message(dc, session);
    } finally {
      endOfTurn(context, session);
    }
  }

  private async message(dc: DialogContext, session: Session): Promise<void> {
    const { context } = dc;
    const now = this.services.now().getTime();
    if (session.accountId && session.lastActivityAt && now - session.lastActivityAt > this.services.verificationIdleMs) {
      await this.expireVerification(dc, session);
    }
    session.lastActivityAt = now;

    // Identity factors are understood locally, never by a language model: every answer to the
    // verification (or a death report), and any first message that holds one (#12 item 1).
    if (!session.accountId && (dc.activeDialog || (await this.holdsIdentityFactors(context, session)))) context.turnState.set(LOCAL_ONLY, true);
    await followWrittenLanguage(context, this.services, session, { announce: session.greeted === true });
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
      // A stop-contact request withdrawn: verification starts.
      if (await afterStopOrCrisis(dc, this.services, session, recognition)) await dc.beginDialog(MAIN);
      return;
    }
    // Crisis, a cease, a death report or a language come before any greeting.
    if (!session.greeted && !session.deathReport && !['crisis', 'cease', 'language', 'deceased'].includes(recognition.intent)) await this.greet(context, session);

    const interruption = await interrupt(dc, this.services, session, recognition);
    if (interruption === 'done') {
      // The E-SIGN question may have been cut short: the validation notice still goes, by mail, silently (1006.34(a)).
      if (session.accountId) await ensureValidationNoticeOnTheWay(this.services.db, { accountId: session.accountId, channel: channelOf(context), conversationId: conversationRecordId(context), now: this.services.now() });
      return;
    }
    if (!session.greeted && !session.deathReport) await this.greet(context, session);
    if (session.deathReport?.recorded && !dc.activeDialog) {
      // A relative's report was passed on: no verification, no payment in this conversation (DESIGN 17).
      await afterDeathReport(context, this.services, session.deathReport);
      return;
    }
    if (interruption === 'reprompt' || (cardRemoved && recognition.intent === 'unknown')) {
      // "en español por favor, soy James O'Connor, nací el 21 de julio de 1968…": the switch, and the facts read too (review 9, 15).
      const facts = interruption === 'reprompt' && !session.accountId && (await this.holdsIdentityFactors(context, session));
      if (dc.activeDialog) await (facts ? dc.continueDialog() : dc.repromptDialog());
      else await dc.beginDialog(MAIN, { readMessage: facts } satisfies VerifyOptions);
      return;
    }

    // "brb making dinner", "un momento": no misunderstanding and no answer taken — what was open waits (the
    // E-SIGN question keeps its own wording for this); "ok im back" asks it again.
    if (dc.activeDialog?.id !== RightsDialog.id && isOnlyPause(context.activity.text ?? '', recognition)) {
      await context.sendActivity(negotiationOf(session).noRush());
      return;
    }
    if (dc.activeDialog && dc.activeDialog.id !== RightsDialog.id && isBackFromPause(context.activity.text ?? '')) {
      await dc.repromptDialog();
      return;
    }
    // "did u get her number right? 305 555 0123": the attorney's contact, confirmed or corrected (review 10, 07).
    if (dc.activeDialog?.id !== AttorneyDialog.id && session.accountId && (await answerAttorneyContact(context, this.services))) return;
    // "can I still pay a little" while the attorney's details are asked: the attorney dialog answers it.
    const attorneyAnswers = dc.activeDialog?.id === AttorneyDialog.id && asksAboutPaying(context.activity.text ?? '', recognition);
    const answered = !session.deathReport && !attorneyAnswers && (await answerQuestions(context, this.services));
    if (context.turnState.get(SWITCH_ACCOUNT) === true) {
      // "My other account": whatever was open is put aside (an open E-SIGN question comes back later).
      await dc.cancelAllDialogs();
      await dc.beginDialog(MenuDialog.id, { handleCurrentMessage: true });
      return;
    }
    if (!session.accountId && !session.deathReport) rememberGoal(session, recognition, context.activity.text ?? '', await todayFor(dc, this.services), awaitsDateOfBirth(dc));
    if (answered && session.accountId && !this.actionable(recognition)) {
      if (dc.activeDialog && dc.activeDialog.id !== MenuDialog.id) await dc.repromptDialog();
      return;
    }

    // After the rights and safety interruptions: "yes but I dispute this" is a dispute, not a yes.
    if (await answerOfficerOffer(dc, this.services)) return;

    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      if (session.accountId) await dc.beginDialog(MenuDialog.id, { handleCurrentMessage: true });
      else await dc.beginDialog(MAIN, { readMessage: true } satisfies VerifyOptions);
    }
  }

  /** Verification lapsed: a negotiation question waiting for an answer is kept, to be asked again after verifying (#12 item 10). */
  private async expireVerification(dc: DialogContext, session: Session): Promise<void> {
    const negotiation = dc.stack.find((instance) => instance.id === NegotiateDialog.id);
    const step = (negotiation?.state as { step?: string } | undefined)?.step;
    if (negotiation && step && step !== 'choose') session.resumeNegotiation = { accountId: session.accountId!, state: negotiation.state };
    delete session.accountId;
    delete session.accountIds;
    delete session.verifiedAt;
    await dc.cancelAllDialogs();
    await dc.context.sendActivity(catalogueOf(session).verificationExpired());
  }

  private async holdsIdentityFactors(context: TurnContext, session: Session): Promise<boolean> {
    const text = context.activity.text ?? '';
    if (maskIdentityFactors(text) !== text) return true;
    const { entities } = await localRecognitionOf(context, this.services, text);
    return Boolean(entities.dates.length || entities.ambiguousDate || entities.zip || entities.ssnLast4 || entities.accountNumber);
  }

  private actionable(recognition: Recognition): boolean {
    return recognition.intents.some((i) => ACTIONABLE.has(i)) || recognition.entities.money.length > 0;
  }

  private async greet(context: TurnContext, session: Session): Promise<void> {
    session.greeted = true;
    const text = catalogueOf(session);
    await context.sendActivity(text.greeting(this.services.collector));
    await context.sendActivity(text.agentAnytime());
  }

  private async start(step: WaterfallStepContext) {
    const session = await sessionOf(step.context, this.services);
    if (!session.greeted) await this.greet(step.context, session);
    if (session.accountId) return step.next({ resumed: true });
    return step.beginDialog(VerifyDialog.id, { readMessage: (step.options as VerifyOptions | undefined)?.readMessage === true } satisfies VerifyOptions);
  }
}
