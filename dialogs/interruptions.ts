import type { DialogContext } from 'botbuilder-dialogs';
import { collectionPauseReason, isReportedStatus, recordCease, recordHardship, recordReportedStatus } from '../src/accounts/rights.ts';
import { conversationOf, catalogueOf, channelOf, conversationRecordId, type ConversationServices, localRecognitionOf, verifiedAccount } from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import { withdrawCease } from '../src/handoff/requests.ts';
import { hardshipRequest, namesTerms } from '../src/negotiation/hardshipRequests.ts';
import { PAYMENT_INTENTS } from '../src/negotiation/offerParser.ts';
import { isLanguage } from '../src/messages/catalogue.ts';
import { normalizeText } from '../src/nlu/deterministicRecognizer.ts';
import { asksAboutDisputing, claimsPaid, isHedgedDoubt } from '../src/nlu/disputeHedge.ts';
import type { Recognition } from '../src/nlu/recognizer.ts';
import { saysSafe } from '../src/nlu/checkIn.ts';
import { answerQuestions } from './answers.ts';
import { AttorneyDialog } from './attorneyDialog.ts';
import { answerConsentWithdrawal } from './consentWithdrawal.ts';
import { noteContactPreference } from './contactPreference.ts';
import { answerCrisis, askCheckIn } from './crisisCheckIn.ts';
import { DeathReportDialog } from './deathReportDialog.ts';
import { answerDisputeCheck, askDisputeCheck, paidRecently, recordDisputeAndConfirm } from './dispute.ts';
import { offerIn, todayFor } from './goal.ts';
import { handOff } from './handoff.ts';
import { announceLanguage, rememberLanguage } from './language.ts';
import { MenuDialog } from './menuDialog.ts';
import { RightsDialog, stateRights } from './rightsDialog.ts';
import { ANSWERED, ask } from './prompts.ts';

/** What an interruption did: nothing, answered the turn, or answered and the active dialog should re-ask. */
export type Interruption = 'none' | 'done' | 'reprompt';

/**
 * Rights and safety come first, at any step: crisis, a person, stop-contact, attorney, bankruptcy
 * and the like, disputes, E-SIGN withdrawal, hardship, abuse, a language. Before verification
 * nothing about any account is said; what needs the account is noted and recorded after it.
 */
export async function interrupt(dc: DialogContext, services: ConversationServices, session: Session, recognition: Recognition): Promise<Interruption> {
  const { context } = dc;
  const text = catalogueOf(session);
  const channel = channelOf(context);
  const where = () => ({ accountId: session.accountId!, conversationId: conversationRecordId(context), channel });
  const intent = recognition.intent;
  /** Bankruptcy, a death, active duty, identity theft: recorded on the account (or noted before verification) and queued. */
  const reportStatus = async (status: Parameters<typeof recordReportedStatus>[1]['status']) => {
    if (session.accountId) {
      await recordReportedStatus(services.db, { ...where(), status });
      await context.sendActivity(text.statusRecorded(status));
      // DESIGN 17: whoever is writing hears plainly that family members are not personally liable.
      if (status === 'deceased') await context.sendActivity(conversationOf(session).familyNotLiable());
    } else {
      await context.sendActivity(text.statusNoted());
    }
    await handOff(context, services, status, { quiet: true });
  };

  if (intent === 'crisis') {
    session.mode = 'crisis';
    await dc.cancelAllDialogs();
    await answerCrisis(context, services, session);
    return 'done';
  }
  if (intent === 'distress') {
    await askCheckIn(context, session, services.now().getTime());
    return 'done';
  }
  if (intent === 'agent') {
    await handOff(context, services, 'asked');
    return 'done';
  }
  if (intent === 'cease') {
    await dc.cancelAllDialogs();
    session.mode = 'ceased';
    session.cease = { beforeVerification: !session.accountId };
    if (session.accountId) {
      await recordCease(services.db, where());
      await context.sendActivity(text.ceaseConfirmed());
    } else {
      await context.sendActivity(text.ceaseNoted());
    }
    await handOff(context, services, 'cease', { quiet: true });
    return 'done';
  }
  if (intent === 'attorney' && dc.activeDialog?.id !== AttorneyDialog.id) {
    await dc.cancelAllDialogs();
    // "I went bankrupt, my lawyer said all my cards are included": the bankruptcy is recorded (and
    // collection paused) before the attorney's details are asked (review R22, DESIGN 6-7).
    if (recognition.intents.includes('bankruptcy')) await reportStatus('bankruptcy');
    await dc.beginDialog(AttorneyDialog.id);
    return 'done';
  }
  if (intent === 'deceased' && !session.accountId) {
    // A relative reporting a death (DESIGN 17): never verified as the deceased, never asked to pay.
    // Already reported in this conversation: what follows adds to the report, never the condolence again.
    if (dc.activeDialog?.id === DeathReportDialog.id || session.deathReport) return 'none';
    await dc.cancelAllDialogs();
    await dc.beginDialog(DeathReportDialog.id);
    return 'done';
  }
  if (isReportedStatus(intent)) {
    await dc.cancelAllDialogs();
    await reportStatus(intent);
    return 'done';
  }
  // The question about a doubt is answered within the next two turns, or it lapses (nothing recorded).
  if (session.disputeCheck && (session.turns ?? 0) - session.disputeCheck.turn > 2) delete session.disputeCheck;
  if (session.disputeCheck && session.accountId) {
    const answered = await answerDisputeCheck(context, services, recognition);
    if (answered === 'done') {
      await dc.cancelAllDialogs();
      await dc.beginDialog(MenuDialog.id);
      return 'done';
    }
    if (answered === 'reprompt') {
      if (dc.activeDialog) return 'reprompt';
      await dc.beginDialog(MenuDialog.id);
      return 'done';
    }
  }
  // "can i dispute this or is it too late?", "tengo derecho a pedir pruebas?": the rights that answer it, then
  // whether they want to — never recorded from the question (blind round 09). The E-SIGN question states them itself.
  if (
    session.accountId &&
    dc.activeDialog?.id !== RightsDialog.id &&
    recognition.intents.includes('rights') &&
    !recognition.intents.includes('dispute') &&
    asksAboutDisputing(normalizeText(context.activity.text ?? ''))
  ) {
    await stateRights(context, services);
    await askDisputeCheck(context, services, { words: context.activity.text ?? '' }, recognition.intents.includes('itemization'), 'asked');
    return 'done';
  }
  // "i thought my insurance covered most of it": asked whether it is a dispute, never recorded unasked.
  // "ya pagué, gracias" right after paying is about that payment: asked too, never recorded unasked.
  const said = context.activity.text ?? '';
  // "ok i paid it. is my account closed now?" after paying today: the question is about that payment — answered,
  // with how to dispute if another payment was meant; no dispute question read into it (review 10, 01).
  if (
    intent === 'dispute' &&
    session.accountId &&
    !session.disputeCheck &&
    claimsPaid(said) &&
    !isHedgedDoubt(said, recognition) &&
    (await paidRecently(services, session.accountId)) &&
    (await answerQuestions(context, services))
  ) {
    await context.sendActivity(text.paidJustNow());
    return 'done';
  }
  const hedged =
    !session.disputeCheck &&
    intent !== 'original_creditor' &&
    (isHedgedDoubt(said, recognition) || (intent === 'dispute' && session.accountId !== undefined && claimsPaid(said) && (await paidRecently(services, session.accountId))));
  if (intent === 'dispute' || intent === 'original_creditor' || hedged) {
    const words = said;
    const kind = intent === 'original_creditor' ? 'original_creditor' : 'dispute';
    // "I already paid $300 in March, could I do 150 a month?": the offer goes to the officer too —
    // only terms actually proposed: "I paid this card off in full in 2021" offers nothing (review 4, D08).
    const proposed = offerIn(words, recognition, await todayFor(dc, services));
    const offer = namesTerms(proposed) ? proposed : undefined;
    if (!session.accountId) {
      session.pending = { kind, words, ...(hedged ? { hedged } : {}), ...(offer ? { offer } : {}) };
      await context.sendActivity(text.verifyFirstToRecord());
      // Verification still reads the rest of the message ("I don't owe this, account A-1001").
      context.turnState.set(ANSWERED, true);
      return 'none';
    }
    if (hedged) {
      await askDisputeCheck(context, services, { words, ...(offer ? { offer } : {}) }, recognition.intents.includes('itemization'));
      return 'done';
    }
    await dc.cancelAllDialogs();
    await recordDisputeAndConfirm(context, services, { kind, words, ...(offer ? { offer } : {}) });
    // "Is this a scam? I never had an account with them": the question is answered too.
    await answerQuestions(context, services);
    await dc.beginDialog(MenuDialog.id);
    return 'done';
  }
  if (intent === 'withdraw_consent') {
    // "Stop texting me, call instead": the channel taken back is recorded as the debtor's preference
    // (1006.14(h)); texts alone taken back leave electronic notices (E-SIGN, e-mail) as they are.
    const preference = recognition.entities.contactPreference;
    if (preference) await noteContactPreference(context, services, session, recognition);
    if (preference && preference.avoidChannels.length > 0 && !preference.avoidChannels.includes('email') && !preference.channels.includes('email')) return 'reprompt';
    return answerConsentWithdrawal(dc, services);
  }
  if (recognition.intents.includes('time_preference')) {
    await noteContactPreference(context, services, session, recognition);
    if (intent === 'time_preference') return 'reprompt';
  }
  if (intent === 'hardship' || (recognition.intents.includes('hardship') && !session.hardship)) {
    if (!session.hardship && session.accountId) await recordHardship(services.db, where());
    session.hardship = true;
    // "I can't pay anything, can you put it on hold?": the negotiation's answer says it with the same care, in one message
    // (unless collection is paused: then the negotiation only says so, and the acknowledgement comes first).
    if (session.accountId && (await answeredByNegotiation(dc, services, recognition))) return 'none';
    await context.sendActivity(session.accountId ? text.hardship() : text.hardshipBeforeVerification());
    if (!session.accountId) {
      // Verification reads the rest of the message, and a payment goal in it is kept.
      context.turnState.set(ANSWERED, true);
      return 'none';
    }
    // The rest of the message ("…, could I do $20 a month?") is answered by the menu, the
    // negotiation or the E-SIGN question (which hands it on); with nothing more, the question is asked again.
    const more = recognition.intents.some((i) => i !== 'hardship') || recognition.entities.money.length > 0;
    return intent === 'hardship' && !more && dc.activeDialog?.id !== MenuDialog.id ? 'reprompt' : 'none';
  }
  if (intent === 'abusive') {
    session.abusiveWarnings += 1;
    if (session.abusiveWarnings === 1) {
      await context.sendActivity(text.abusiveFirst());
      return 'reprompt';
    }
    await context.sendActivity(text.abusiveHandoff());
    await handOff(context, services, 'abusive');
    return 'done';
  }
  // "can we do english? … what happens to my credit": the language first, then the rest of the message in it (review 4, D17).
  const language = recognition.entities.language;
  if (recognition.intents.includes('language') && isLanguage(language) && (intent === 'language' || language !== session.language)) {
    session.language = language;
    session.languageChosen = true;
    await rememberLanguage(context, services, session);
    await announceLanguage(context, session);
    return intent === 'language' ? 'reprompt' : 'none';
  }
  return 'none';
}

/**
 * After "stop contacting me" only a request for a person or a crisis gets an answer, and after a
 * crisis no collection talk. A stop-contact request made before verification was about no known
 * account: when the debtor writes again with a request of their own (not a mere "ok" or "thanks"),
 * the bot reminds them of it and asks whether they want to withdraw it (issue #12 item 8). On a
 * verified account only the debtor's own wish to pay does ("nvm I do want to pay it", review R23).
 * Yes is recorded as a withdrawal (on the account too, when it was verified), no keeps the silence.
 * Returns true when the debtor withdrew it.
 */
/** "i didnt say stop everything, i was asking": the debtor says the stop request was misread. */
const MISREAD =
  /\b(did not|never) (say|ask|mean|want) (to )?(stop|that|you to stop)|\bi was (just )?asking\b|\bnot what i (said|meant)\b|\b(you )?misunderstood\b|\bno (dije|pedi|quise decir) (que )?(pararan|dejaran|eso)|\bsolo (estaba )?pregunt(aba|e)\b/;

export async function afterStopOrCrisis(dc: DialogContext, services: ConversationServices, session: Session, recognition: Recognition): Promise<boolean> {
  const { context } = dc;
  const text = catalogueOf(session);
  // "can we just figure out something small, like 50 a month?": not now, and not pressed (DESIGN 8; review 10, 14).
  const aboutPaying = recognition.intents.some((i) => PAYMENT_INTENTS.includes(i)) || recognition.entities.money.length > 0;
  if (session.mode === 'crisis' && aboutPaying && !recognition.intents.includes('crisis') && !recognition.intents.includes('distress')) {
    await context.sendActivity(text.crisisPaymentLater());
    return false;
  }
  // "no im safe, just really tired of all of it" after the crisis reply: heard, with 988 and the person kept (review 8, 10).
  if (session.mode === 'crisis' && saysSafe(context.activity.text ?? '', recognition)) {
    await ask(context, session, text.crisisSafeNow());
    return false;
  }
  // After a crisis reply, a further hopeless message — a crisis sign or a weaker one — is acknowledged again (DESIGN 8).
  if (recognition.intents.includes('crisis') || (session.mode === 'crisis' && recognition.intents.includes('distress'))) {
    await answerCrisis(context, services, session);
    return false;
  }
  if (recognition.intent === 'distress' && session.mode === 'ceased') {
    await askCheckIn(context, session, services.now().getTime());
    return false;
  }
  if (recognition.intent === 'agent') {
    await handOff(context, services, 'asked');
    return false;
  }
  if (session.mode === 'crisis') {
    // "can whoever it is text me instead of calling?": how the person should reach them, recorded.
    if (recognition.entities.contactPreference || recognition.intents.includes('time_preference') || recognition.intents.includes('withdraw_consent')) {
      await noteContactPreference(context, services, session, recognition);
      return false;
    }
    await ask(context, session, text.crisisFollowUp());
    return false;
  }
  const cease = session.cease;
  if (!cease || cease.declined) return false;
  const local = await localRecognitionOf(context, services);
  const only = (allowed: string[]) => local.intents.every((i) => allowed.includes(i));
  const conversation = conversationOf(session);
  if (cease.withdrawalAsked && local.intents.includes('affirm') && only(['affirm', 'thanks', 'greeting'])) {
    await withdrawCease(services.db, { conversationId: conversationRecordId(context), ...(session.accountId ? { accountId: session.accountId } : {}), channel: channelOf(context), now: services.now() });
    session.mode = 'normal';
    delete session.cease;
    await context.sendActivity(conversation.ceaseWithdrawn());
    return true;
  }
  if (cease.withdrawalAsked && local.intents.includes('deny')) {
    cease.declined = true;
    await context.sendActivity(conversation.ceaseKept());
    return false;
  }
  // "ok", "thanks", "no": an acknowledgement, not a request — the silence holds.
  if (!cease.withdrawalAsked && only(['affirm', 'deny', 'thanks'])) return false;
  // On a verified account the cease is on the record: only the debtor's own wish to pay ("nvm I do
  // want to pay it") is met with the reminder; anything else keeps the silence (DESIGN 5).
  if (!cease.beforeVerification && !cease.withdrawalAsked && !local.intents.some((i) => PAYMENT_INTENTS.includes(i)) && !MISREAD.test(normalizeText(context.activity.text ?? ''))) return false;
  cease.withdrawalAsked = true;
  await ask(context, session, conversation.ceaseReminder());
  return false;
}

/** A hardship request the negotiation answers itself, on an account it may talk about paying on. */
async function answeredByNegotiation(dc: DialogContext, services: ConversationServices, recognition: Recognition): Promise<boolean> {
  const words = dc.context.activity.text ?? '';
  if (!hardshipRequest(words, recognition, offerIn(words, recognition, await todayFor(dc, services)))) return false;
  const account = await verifiedAccount(dc.context, services);
  return account !== null && collectionPauseReason(account) === null;
}
