import type { TurnContext } from 'botbuilder';
import { Dialog, DialogReason, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { collectionPauseReason } from '../src/accounts/rights.ts';
import { consentAndDeliverNotice, deliverValidationNotice, noticeUrl, requestMailedNotice } from '../src/notices/notices.ts';
import { conversationOf, accountView, catalogueOf, channelOf, conversationRecordId, esignStandingOf, recognitionOf, sessionOf, textFormatOf, verifiedAccount, type ConversationServices, localRecognitionOf, negotiationOf } from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import type { Account } from '../src/db/generated/client.ts';
import { validationPeriodEnd } from '../src/domain/validationPeriod.ts';
import { hardshipRequest } from '../src/negotiation/hardshipRequests.ts';
import { normalizeText } from '../src/nlu/deterministicRecognizer.ts';
import { opensWithPause } from '../src/nlu/pause.ts';
import type { Intent } from '../src/nlu/recognizer.ts';
import { answersQuestion, ask, notUnderstood } from './prompts.ts';
import { repliesFor } from '../src/messages/replies.ts';
import { offerRecord } from './recordOffer.ts';
import { isAcknowledgment, isEsignYes, namesElectronicYes, opensWithYes, saysAlreadyYes } from '../src/negotiation/consent.ts';

export interface RightsOptions {
  /** The E-SIGN question comes back after something else was asked meanwhile (issue #12 item 6). */
  later?: boolean;
  /** The debtor asked for their rights or the notice: the rights are stated before the E-SIGN question (review 8, 04). */
  asked?: boolean;
  /** A yes naming electronic delivery after the question was put off: consent, if the question was asked in this conversation. */
  consenting?: boolean;
}

export interface RightsResult {
  /** The message was about something else: the caller answers it; consent is asked again later. */
  handleCurrentMessage?: boolean;
  /** Nothing more to say this turn. */
  quiet?: boolean;
}

/** The notice asked for on paper, nothing electronic in the same words. */
function asksForPaper(words: string): boolean {
  const normalized = normalizeText(words);
  return /\b(mail|mailed|mail it|post|paper|letter|por correo|correo postal|en papel|carta|por carta)\b/.test(normalized) && !/\b(e ?mail|electronic\w*|online|digital|text|texts|texto|mensaje|electronico|en linea)\b/.test(normalized);
}

/** What may come with a no to the E-SIGN question ("no, just mail it", "no thanks"). */
const NO_WITH: ReadonlySet<Intent> = new Set<Intent>(['deny', 'validation_notice', 'thanks', 'withdraw_consent']);
/** What a debtor may say while the E-SIGN question is open that is another request, not an answer. */
const OTHER_REQUESTS: ReadonlySet<Intent> = new Set<Intent>(['balance', 'itemization', 'pay_full', 'settle', 'plan', 'pay', 'help', 'rights', 'validation_notice']);

/**
 * Whether the E-SIGN question should be asked now: never asked in this conversation on an account
 * without a validation notice, or put off by something else the debtor asked on an earlier turn.
 * Not after a no (mail) in this conversation, not with consent in force or withdrawn, and not on
 * an account whose collection is paused for anything but a dispute (cease, attorney, bankruptcy…).
 */
export async function esignDue(context: TurnContext, services: ConversationServices, known?: Account): Promise<boolean> {
  const session = await sessionOf(context, services);
  // One yes/no question at a time: while "Would you like to dispute it?" is open, a "yes" must answer that alone.
  if (session.disputeCheck) return false;
  const esign = session.esign;
  if (esign && !(esign.state === 'deferred' && esign.turn < (session.turns ?? 0))) return false;
  const account = known ?? (await verifiedAccount(context, services));
  if (!account || (!esign && account.validationPeriodEndsAt)) return false;
  const paused = collectionPauseReason(account);
  if (paused && paused !== 'dispute') return false;
  return (await esignStandingOf(context, services, account.id)) === 'none';
}

/**
 * The validation rights (dispute, original creditor, by the end of the validation period) and the
 * validation notice (Model Form B-1) as a page the debtor can keep. The first electronic delivery
 * needs E-SIGN consent (1006.42), recorded with the wording shown. The question is not a gate: only
 * a yes or a no answers it; a question, an offer or another request asked meanwhile is handled and
 * the question comes back later; a message it does not understand is never taken as a no. After a
 * no (mail), or a withdrawal, it is not asked again.
 */
export class RightsDialog extends Dialog<RightsOptions> {
  static readonly id = 'rights';

  constructor(private readonly services: ConversationServices) {
    super(RightsDialog.id);
  }

  override async beginDialog(dc: DialogContext, options?: RightsOptions): Promise<DialogTurnResult> {
    const session = await sessionOf(dc.context, this.services);
    if (!session.accountId) throw new Error('RightsDialog needs a verified account');
    // Only a digest of each link's token is stored, so a debtor who asks again gets a fresh link
    // to the same notice; the validation period itself never restarts.
    const standing = await esignStandingOf(dc.context, this.services, session.accountId);
    if (standing === 'given') {
      await this.deliver(dc.context);
      return dc.endDialog();
    }
    // A debtor who withdrew consent, or said no here, is not asked again; the paper copy is on its way.
    if (session.esign?.state === 'declined' || standing === 'withdrawn') {
      await dc.context.sendActivity(catalogueOf(session).noticesByMail());
      await this.sendRights(dc.context);
      return dc.endDialog();
    }
    // "ok, sí acepto lo electrónico" after the question was put off ("un momento"): the answer to the question asked earlier (review 9, 10).
    if (options?.consenting && session.esign) return this.consent(dc);
    if (options?.asked) await this.sendRights(dc.context);
    session.esign = { state: 'open', turn: session.turns ?? 0 };
    const text = catalogueOf(session);
    const later = conversationOf(session).askEsignLater(text.askEsign());
    const unclear = conversationOf(session).askEsignUnclear();
    await ask(dc.context, session, options?.later ? [later, text.askEsign(), ...unclear] : [text.askEsign(), later, ...unclear], repliesFor(session.language).yesNo());
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const session = await sessionOf(dc.context, this.services);
    const text = catalogueOf(session);
    const local = await localRecognitionOf(dc.context, this.services);
    if (local.intent === 'affirm' && !answersQuestion(dc.context, this.wordings(session)) && !namesElectronicYes(dc.context.activity.text ?? '')) {
      // "ok" to the handoff message or an answer given since: not consent (1006.42) — the question again.
      await this.askAgain(dc.context);
      return Dialog.EndOfTurn;
    }
    const unclear = conversationOf(session).askEsignUnclear();
    const words = dc.context.activity.text ?? '';
    const yes = local.intent === 'affirm' && isEsignYes(words, local, answersQuestion(dc.context, unclear));
    if (local.intent === 'affirm' && !yes && isAcknowledgment(words)) {
      // "ok", "ok thx": not a clear yes — asked once more, plainly.
      await ask(dc.context, session, unclear, repliesFor(session.language).yesNo());
      return Dialog.EndOfTurn;
    }
    if (yes) return this.consent(dc);
    // "no, just mail it": a no, whatever else it says about the notice.
    const no =
      local.intent === 'deny' ||
      local.intent === 'withdraw_consent' ||
      (local.intents.includes('deny') && !local.intents.includes('affirm') && local.intents.every((i) => NO_WITH.has(i))) ||
      // "just mail it", "mándemelo por correo": the paper copy asked for is the answer no (review 4, D01, D15).
      (local.intents.every((i) => NO_WITH.has(i) || i === 'unknown') && asksForPaper(words));
    if (no) {
      await requestMailedNotice(this.services.db, {
        accountId: session.accountId!,
        channel: channelOf(dc.context),
        now: this.services.now(),
        conversationId: conversationRecordId(dc.context),
      });
      session.esign = { state: 'declined', turn: session.turns ?? 0 };
      await dc.context.sendActivity(text.esignDeclined());
      // Not again if this conversation just stated them with the same end date (SMS length; review 8, 14).
      await stateRights(dc.context, this.services, { unlessStated: true });
      return dc.endDialog();
    }
    const general = await recognitionOf(dc.context, this.services);
    // "Can you put it on hold?", "I can't pay anything": answered by the negotiation (the second names the smallest plan: payment talk).
    const hardship = hardshipRequest(dc.context.activity.text ?? '', general, null);
    const another = general.intents.some((i) => OTHER_REQUESTS.has(i)) || general.entities.money.length > 0 || hardship !== null;
    // "sí. y podría pagar 400 al mes…": the yes that opens the message answers the question, then the rest is handled;
    // "ya le había dicho que sí": the yes said again (review 10, 09).
    if ((another && opensWithYes(words) && !local.intents.includes('deny')) || saysAlreadyYes(words)) return this.consent(dc, another ? { handleCurrentMessage: true } : undefined);
    if (another) {
      this.putOff(session);
      await rightsBeforePaying(dc.context, this.services, general.intents.some((i) => PAYMENT_REQUESTS.has(i)) || general.entities.money.length > 0 || hardship === 'cannot_pay');
      return dc.endDialog({ handleCurrentMessage: true } satisfies RightsResult);
    }
    if (opensWithPause(words)) {
      // "brb making dinner": no answer and no misunderstanding — the question waits for them.
      this.putOff(session);
      await dc.context.sendActivity(negotiationOf(session).noRush());
      return dc.endDialog({ quiet: true } satisfies RightsResult);
    }
    if (local.intents.every((i) => i === 'thanks' || i === 'greeting')) {
      // "thanks!": not an answer, not a misunderstanding either — the question again.
      await ask(dc.context, session, unclear, repliesFor(session.language).yesNo());
      return Dialog.EndOfTurn;
    }
    if ((await notUnderstood(dc.context, this.services, unclear, { choices: repliesFor(session.language).yesNo() })) === 'stuck') {
      this.putOff(session);
      return dc.endDialog({ quiet: true } satisfies RightsResult);
    }
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, _instance: DialogInstance): Promise<void> {
    const session = await sessionOf(context, this.services);
    // After a side question: asked again — in one short line when the whole question was just asked (review 8, 17: the
    // paragraph on four replies in a row). The question stays the last thing said, so a yes is still an answer to it.
    if (session.esign?.state === 'open') {
      const turn = session.turns ?? 0;
      const justAsked = session.esign.repromptedTurn !== undefined && session.esign.repromptedTurn >= turn - 1;
      session.esign.repromptedTurn = turn;
      if (justAsked) {
        await ask(context, session, conversationOf(session).askEsignUnclear(), repliesFor(session.language).yesNo());
        return;
      }
    }
    await this.askAgain(context);
  }

  private async askAgain(context: TurnContext): Promise<void> {
    const session = await sessionOf(context, this.services);
    const text = catalogueOf(session);
    const conversation = conversationOf(session);
    await ask(context, session, [conversation.askEsignLater(text.askEsign()), text.askEsign(), ...conversation.askEsignUnclear()], repliesFor(session.language).yesNo());
  }

  /** Cancelled by an interruption (a dispute, a person…) while the question was open: asked again later. */
  override async endDialog(context: TurnContext, _instance: DialogInstance, reason: DialogReason): Promise<void> {
    if (reason !== DialogReason.cancelCalled) return;
    const session = await sessionOf(context, this.services);
    if (session.esign?.state === 'open') this.putOff(session);
  }

  /** Every wording of the E-SIGN question, so a yes is consent only right after one of them. */
  private wordings(session: Session): string[] {
    const ask = catalogueOf(session).askEsign();
    const conversation = conversationOf(session);
    return [ask, conversation.askEsignLater(ask), ...conversation.askEsignUnclear()];
  }

  private putOff(session: Session): void {
    session.esign = { state: 'deferred', turn: session.turns ?? 0 };
  }

  /** The yes: the consent, with the wording asked, and the notice it allows. */
  private async consent(dc: DialogContext, then?: RightsResult): Promise<DialogTurnResult> {
    const session = await sessionOf(dc.context, this.services);
    const notice = await consentAndDeliverNotice(this.services.db, {
      accountId: session.accountId!,
      channel: channelOf(dc.context),
      wording: catalogueOf(session).askEsign(),
      language: session.language,
      now: this.services.now(),
      conversationId: conversationRecordId(dc.context),
    });
    delete session.esign;
    await this.showNotice(dc.context, notice.token, true);
    return dc.endDialog(then);
  }

  private async deliver(context: TurnContext): Promise<void> {
    const session = await sessionOf(context, this.services);
    const notice = await deliverValidationNotice(this.services.db, {
      accountId: session.accountId!,
      channel: channelOf(context),
      language: session.language,
      now: this.services.now(),
      conversationId: conversationRecordId(context),
    });
    await this.showNotice(context, notice.token, false);
  }

  private async showNotice(context: TurnContext, token: string, justConsented: boolean): Promise<void> {
    const text = catalogueOf(await sessionOf(context, this.services));
    const link = noticeUrl(this.services.publicBaseUrl, token);
    // The notice just consented to comes with the rights — unless this conversation already stated
    // them with the same end date (the same paragraph twice made SMS replies long; review 4).
    await stateRights(context, this.services, { unlessStated: justConsented });
    await context.sendActivity(justConsented ? text.esignAccepted(link) : text.noticeLink(link));
    if (justConsented) await offerRecord(context, this.services);
  }

  private async sendRights(context: TurnContext): Promise<void> {
    await stateRights(context, this.services);
  }
}

/** Words that ask to pay or negotiate: the rights are stated before any of them is served. */
const PAYMENT_REQUESTS: ReadonlySet<Intent> = new Set<Intent>(['pay_full', 'settle', 'plan', 'pay']);

/**
 * The validation rights statement. Before the notice has fixed the validation period (the E-SIGN
 * question still open), the end date is the one the notice would get now (the period runs from
 * the notice, so it can only end later, never earlier).
 */
export async function stateRights(context: TurnContext, services: ConversationServices, options: { unlessStated?: boolean } = {}): Promise<void> {
  const session = await sessionOf(context, services);
  const account = await verifiedAccount(context, services);
  const text = catalogueOf(session);
  const known = account!.validationPeriodEndsAt ?? validationPeriodEnd(services.now());
  const ends = known.toISOString().slice(0, 10);
  if (options.unlessStated && session.rightsStated && session.rightsStatedEnds === ends) return;
  const view = accountView({ ...account!, validationPeriodEndsAt: known }, text, textFormatOf(context));
  await context.sendActivity(text.rightsSummary({ ...view, validationEnds: view.validationEnds! }));
  session.rightsStated = true;
  session.rightsStatedEnds = ends;
}

/**
 * Never a payment before the rights (1006.38(b)): a payment asked for before they were stated in
 * this conversation — a goal from before verification, an offer while the E-SIGN question is
 * open — gets the validation rights statement first, while the validation period is open.
 */
export async function rightsBeforePaying(context: TurnContext, services: ConversationServices, paying: boolean): Promise<void> {
  const session = await sessionOf(context, services);
  if (!paying || session.rightsStated) return;
  const account = await verifiedAccount(context, services);
  if (!account || (account.validationPeriodEndsAt && account.validationPeriodEndsAt.getTime() <= services.now().getTime())) return;
  await stateRights(context, services);
}
