import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { collectionPauseReason } from '../src/accounts/rights.ts';
import { catalogueOf, channelOf, recognitionOf, type ConversationServices, openPlanOf, localRecognitionOf } from '../src/bot/services.ts';
import type { Offer } from '../src/domain/negotiation.ts';
import type { PlanTerms } from '../src/domain/plans.ts';
import { isExplicitYes } from '../src/negotiation/consent.ts';
import { hardshipRequest, namesTerms } from '../src/negotiation/hardshipRequests.ts';
import { asksForPaymentOptions, parseOfferMessage } from '../src/negotiation/offerParser.ts';
import { offerQuestionIn } from '../src/negotiation/offerQuestions.ts';
import { reissueFirstPayLink, termsOfPlan } from '../src/negotiation/planStore.ts';
import { planView } from '../src/negotiation/views.ts';
import type { Intent } from '../src/nlu/recognizer.ts';
import { payLinkUrl } from '../src/payments/payLinks.ts';
import { ANSWERED, ask, notUnderstood } from './prompts.ts';
import { NegotiationSteps, offerOf, QUIET, type Env, type NegotiateResult, type NegotiateState, type Outcome, type Step } from './negotiationSteps.ts';

export type { NegotiateResult } from './negotiationSteps.ts';

export interface NegotiateOptions {
  /** The message that started the dialog ("I can do 50 a month") is answered. */
  handleCurrentMessage?: boolean;
  /** Terms the debtor gave before verification (issue #19 item 7): judged at once. */
  offer?: Offer;
  /** `offer` is a settlement asked in parts: said to be one payment, never judged as asked. */
  settlementInParts?: boolean;
  /** A question cut short by the verification lapsing: asked again (issue #12 item 10). */
  resume?: NegotiateState;
}

type Mode = 'begin' | 'options' | 'offer' | 'resume' | 'continue' | 'reprompt';

/** Intents the menu answers even in the middle of a negotiation. */
const MENU_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['balance', 'itemization', 'rights', 'validation_notice', 'thanks']);

/**
 * Payment options and negotiation within the creditor's policy (DESIGN 9-11): pay in full, a
 * settlement when the policy allows one, an installment plan, hardship terms when hardship was
 * reported. Offers in the debtor's own words are read deterministically (src/negotiation/offerParser.ts)
 * and judged by src/domain/negotiation.ts; outside policy the bot counters with the closest allowed
 * plan and the limit in plain words, and after MAX_ROUNDS offers a person's review. Before anything
 * is charged the terms are recapped and only an explicit yes, judged by the deterministic recognizer,
 * agrees them; the recap, time and channel are stored as the authorization and the first pay link
 * is sent. "cancel plan" cancels an agreed or active plan. Accounts whose collection is paused
 * (dispute, cease, attorney, bankruptcy…) get no offers. A question is never asked twice in the
 * same words, and after two answers it did not understand the debtor gets the main choices and a
 * person, with nothing left waiting for a yes (DESIGN 16).
 */
export class NegotiateDialog extends Dialog<NegotiateOptions> {
  static readonly id = 'negotiate';
  private readonly steps: NegotiationSteps;

  constructor(private readonly services: ConversationServices) {
    super(NegotiateDialog.id);
    this.steps = new NegotiationSteps(services);
  }

  override async beginDialog(dc: DialogContext, options?: NegotiateOptions): Promise<DialogTurnResult> {
    const state: NegotiateState = options?.resume ?? { step: 'choose', rounds: 0 };
    dc.activeDialog!.state = state;
    const mode: Mode = options?.resume ? 'resume' : options?.offer ? 'offer' : options?.handleCurrentMessage ? 'begin' : 'options';
    const outcome = await this.turn(dc.context, state, mode, options?.offer, options?.settlementInParts === true);
    return outcome === 'wait' ? Dialog.EndOfTurn : dc.endDialog(outcome.end);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const outcome = await this.turn(dc.context, dc.activeDialog!.state as NegotiateState, 'continue');
    return outcome === 'wait' ? Dialog.EndOfTurn : dc.endDialog(outcome.end);
  }

  /**
   * After an interruption (hardship reported, language switched, a question answered…): an offer in
   * the same message is answered; otherwise the current question is asked again — with the hardship
   * limits if they now apply.
   */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.turn(context, instance.state as NegotiateState, 'reprompt');
  }

  private async turn(context: TurnContext, state: NegotiateState, mode: Mode, goal?: Offer, goalInParts = false): Promise<Outcome> {
    const env = await this.steps.environment(context);
    if (!env) return { end: {} };
    const { text } = env;
    const message = mode === 'options' || mode === 'offer' || mode === 'resume' ? '' : (context.activity.text ?? '');
    const local = await localRecognitionOf(context, this.services, message);
    // With a one-payment counter on the table, a new date ("ok, on the 19th") is for the amount offered, not the debtor's refused one (review 10).
    const previous = state.step === 'proposed' && state.plan && state.plan.kind !== 'installments' ? offerOf(state.plan) : state.offer;
    const parsed = parseOfferMessage(message, local, { today: env.ctx.today, ...(previous ? { previous } : {}) });

    // Cancelling a plan is always possible, even when collection is paused.
    if (parsed.cancelPlan) {
      await this.steps.cancelPlan(context, env);
      return QUIET;
    }
    const paused = collectionPauseReason(env.account);
    if (paused) {
      await context.sendActivity(catalogueOf(env.session).collectionPaused(paused));
      return QUIET;
    }
    if (mode === 'begin' || mode === 'options' || mode === 'offer') {
      const open = await openPlanOf(context, this.services, env.account.id);
      if (open) {
        // Asking for other terms, or just after saying it is all too much: how to change it, never the pay link again (review R26).
        const elsewhere = Boolean(goal ?? parsed.offer) || env.session.distressed === true || hardshipRequest(message, local, parsed.offer) !== null;
        const token = elsewhere ? null : await reissueFirstPayLink(this.services.db, open, channelOf(context), env.now);
        const link = token ? payLinkUrl(this.services.publicBaseUrl, token) : null;
        await context.sendActivity(text.existingPlan(planView(termsOfPlan(open, env.account.balance), env.format), link));
        return QUIET;
      }
    }
    if (env.account.balance <= 0) {
      await context.sendActivity(text.nothingOwed());
      return QUIET;
    }

    if (mode === 'options') {
      await this.steps.sendOptions(context, env);
      return 'wait';
    }
    // "Can you put it on hold?", "I can't even do 10": answered at any step (a pause asked again, in other words).
    const request = mode === 'offer' || mode === 'resume' ? null : hardshipRequest(message, local, parsed.offer);
    if (request) return this.steps.offerPerson(context, state, env, request);
    if (mode === 'offer' && goalInParts && goal!.kind === 'settlement') {
      state.offer = goal!;
      return this.steps.settlementInOnePayment(context, state, env);
    }
    if (mode === 'offer') return this.evaluate(context, state, env, goal!, false);
    if (mode === 'resume') {
      await context.sendActivity(text.resumed());
      await this.steps.askAgain(context, state, env);
      return 'wait';
    }
    if (mode === 'reprompt') {
      if (parsed.offer) return this.evaluate(context, state, env, parsed.offer, true, parsed.startUnread);
      if (state.offer && state.step !== 'choose' && state.hardship !== env.ctx.hardship) {
        // Hardship reported meanwhile: the same terms judged under the hardship limits (not a new round).
        return this.steps.evaluate(context, state, env, state.offer, false);
      }
      if (state.awaitingDate) await ask(context, env.session, text.askStartDate());
      else await this.steps.askAgain(context, state, env);
      return 'wait';
    }

    const general = await recognitionOf(context, this.services);
    const affirm = local.intents.includes('affirm') || general.intent === 'affirm';
    const deny = local.intent === 'deny' || general.intent === 'deny';
    const changes = parsed.offer !== null && changesTerms(parsed.offer, state.plan);

    // "is that the lowest?", "¿es de los 2462 o del total?": a question about the terms on the table — an amount in it is
    // one it refers to, not an offer ("can you go lower, like 3000?" is an offer: judged).
    const question = state.plan && (state.step === 'proposed' || state.step === 'confirm' || state.step === 'review') ? offerQuestionIn(message) : null;
    if (question === 'covers_all' || (question === 'lowest' && !namesTerms(parsed.offer))) return this.steps.answerOfferQuestion(context, state, env, question);

    if (parsed.splitsSettlement && parsed.offer?.kind === 'settlement') state.offer = parsed.offer;
    if (parsed.splitsSettlement && state.offer?.kind === 'settlement') return this.steps.settlementInOnePayment(context, state, env);

    if (mode === 'begin') {
      if (parsed.offer) return this.evaluate(context, state, env, parsed.offer, true, parsed.startUnread);
      await this.steps.sendOptions(context, env);
      return 'wait';
    }
    if (state.awaitingDate && !parsed.offer) {
      if (deny) {
        // No particular date after all: the terms as they are, from the earliest date.
        return this.steps.evaluate(context, state, env, state.offer!);
      }
      return this.didNotUnderstand(context, state, env, text.askStartDate());
    }

    switch (state.step) {
      case 'confirm': {
        // DESIGN 11: only the deterministic recognizer's plain yes, with no new terms in it, agrees.
        if (!changes && isExplicitYes(message, local)) return this.steps.agree(context, state, env);
        // New terms: judged again. The same kind restated with nothing new ("I want to pay it all",
        // "what happens to my credit if I do the plan"): the terms on the table, asked again.
        if (parsed.offer && changes) return this.evaluate(context, state, env, parsed.offer, true, parsed.startUnread);
        if (parsed.offer) {
          await this.steps.askAgain(context, state, env);
          return 'wait';
        }
        if (deny) {
          await context.sendActivity(text.notAgreed());
          state.step = 'choose';
          delete state.recap;
          return 'wait';
        }
        if (MENU_INTENTS.has(general.intent)) return this.menuQuestion(context, state, env);
        if (local.intents.includes('affirm')) {
          // A yes that hedges or asks ("ok sure whatever", "yes?") is understood, just not a yes to agree.
          await ask(context, env.session, text.again('confirm'), this.steps.choices('confirm', env));
          return 'wait';
        }
        return this.didNotUnderstand(context, state, env, 'confirm');
      }
      case 'review': {
        if (changes) return this.evaluate(context, state, env, parsed.offer!, true, parsed.startUnread);
        if (affirm && !deny) return this.steps.sendForReview(context, state, env);
        if (deny) {
          await context.sendActivity(text.reviewDeclined(planView(state.plan!, env.format)));
          state.step = 'proposed';
          return 'wait';
        }
        if (MENU_INTENTS.has(general.intent)) return this.menuQuestion(context, state, env);
        return this.didNotUnderstand(context, state, env, 'review');
      }
      case 'proposed': {
        if (changes) return this.evaluate(context, state, env, parsed.offer!, true, parsed.startUnread);
        if (affirm && !deny) return this.steps.showRecap(context, state, env, state.plan!);
        if (parsed.offer && !deny) {
          // The same kind asked again ("can i settle for less in one payment" with the settlement on the table): it, again (review 8, 26).
          if (!answeredAbout(context, parsed.offer)) await this.steps.askAgain(context, state, env);
          return 'wait';
        }
        if (deny) {
          await context.sendActivity(text.notAgreed());
          state.step = 'choose';
          return 'wait';
        }
        if (MENU_INTENTS.has(general.intent)) return this.menuQuestion(context, state, env);
        return this.didNotUnderstand(context, state, env, 'proposed');
      }
      case 'person': {
        if (parsed.offer) return this.evaluate(context, state, env, parsed.offer, true, parsed.startUnread);
        if (affirm && !deny) return this.steps.askPerson(context, state, env);
        if (deny) {
          await context.sendActivity(text.noRush());
          return QUIET;
        }
        if (MENU_INTENTS.has(general.intent)) return this.menuQuestion(context, state, env);
        return this.didNotUnderstand(context, state, env, 'person');
      }
      case 'choose': {
        // "is my account closed after i pay the settlement", after saying no to it: answered, not offered again (review 8, 26).
        if (parsed.offer && answeredAbout(context, parsed.offer)) return 'wait';
        if (parsed.offer) return this.evaluate(context, state, env, parsed.offer, true, parsed.startUnread);
        if (deny) {
          await context.sendActivity(text.noRush());
          return QUIET;
        }
        if (MENU_INTENTS.has(general.intent)) return this.menuQuestion(context, state, env);
        if (affirm || general.intent === 'pay' || general.intent === 'help' || asksForPaymentOptions(message)) {
          await this.steps.sendOptions(context, env);
          return 'wait';
        }
        return this.didNotUnderstand(context, state, env, 'choose');
      }
    }
  }

  /**
   * Judges an offer — unless the debtor asked for a start the bot could not read ("starting when I
   * get paid"): then it asks for the date instead of silently starting today (issue #12 item 4).
   */
  private async evaluate(context: TurnContext, state: NegotiateState, env: Env, offer: Offer, countsAsRound = true, startUnread = false): Promise<Outcome> {
    if (startUnread) {
      state.offer = offer;
      state.awaitingDate = true;
      await ask(context, env.session, env.text.askStartDate());
      return 'wait';
    }
    return this.steps.evaluate(context, state, env, offer, countsAsRound);
  }

  /**
   * A question the menu answers ("how does it add up?"). Already answered from the answer set this
   * turn ("what happens if I miss one? is there a late fee?"): the terms on the table stay, and the
   * question is asked again — never lost to the menu (review 4, D25). Otherwise the menu answers it.
   */
  private async menuQuestion(context: TurnContext, state: NegotiateState, env: Env): Promise<Outcome> {
    if (context.turnState.get(ANSWERED) !== true) return { end: { handleCurrentMessage: true } };
    await this.steps.askAgain(context, state, env);
    return 'wait';
  }

  /** Not an answer: asked again in other words; the second time, the main choices — and nothing left for a yes to agree. */
  private async didNotUnderstand(context: TurnContext, _state: NegotiateState, env: Env, question: Step | string[]): Promise<Outcome> {
    const outcome =
      typeof question === 'string'
        ? await notUnderstood(context, this.services, env.text.again(question), { choices: this.steps.choices(question, env) })
        : await notUnderstood(context, this.services, question);
    if (outcome === 'stuck') return QUIET;
    return 'wait';
  }
}

/** The message names new terms (an amount, a count, a date, a frequency) or another kind of plan. */
export function changesTerms(offer: Offer, plan: PlanTerms | undefined): boolean {
  if (!plan || offer.kind !== plan.kind) return true;
  return Object.entries(offer).some(([key, value]) => key !== 'kind' && value !== undefined);
}

/** A question about a kind of payment the answer set answered this turn, naming no terms: the answer is the reply. */
function answeredAbout(context: TurnContext, offer: Offer): boolean {
  return context.turnState.get(ANSWERED) === true && !namesTerms(offer);
}
