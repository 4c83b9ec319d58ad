import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { collectionPauseReason } from '../src/accounts/rights.ts';
import {
  catalogueOf,
  channelOf,
  conversationRecordId,
  recognitionOf,
  sessionOf,
  verifiedAccount,
  type ConversationServices,
} from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import type { Account, Creditor } from '../src/db/generated/client.ts';
import { evaluateOffer, paymentOptions, type Evaluation, type LimitExplanation, type NegotiationContext, type Offer } from '../src/domain/negotiation.ts';
import type { PlanTerms, PolicyViolation } from '../src/domain/plans.ts';
import { parsePolicy, type NegotiationPolicy } from '../src/domain/policy.ts';
import { calendarDateInZone, DEFAULT_TIME_ZONE, isValidationPeriodOpen } from '../src/domain/validationPeriod.ts';
import { negotiationMessagesFor, type NegotiationCatalogue } from '../src/messages/negotiation.ts';
import { isExplicitYes } from '../src/negotiation/consent.ts';
import { asksForPaymentOptions, parseOfferMessage } from '../src/negotiation/offerParser.ts';
import { agreePlan, cancelOpenPlan, findOpenPlan, reissueFirstPayLink, termsOfPlan } from '../src/negotiation/planStore.ts';
import { formatterFor, offerView, optionsView, planView, reasonView, type Formatter } from '../src/negotiation/views.ts';
import type { Intent } from '../src/nlu/recognizer.ts';
import { payLinkUrl } from '../src/payments/payLinks.ts';
import { handOff } from './handoff.ts';

type Step = 'choose' | 'proposed' | 'confirm' | 'review';

/** Plain JSON: kept in the conversation's dialog state between turns. */
interface NegotiateState {
  step: Step;
  /** Offers outside policy so far (MAX_ROUNDS then offers a person's review). */
  rounds: number;
  /** The debtor's terms under discussion. */
  offer?: Offer;
  /** The plan on the table: accepted, suggested or the closest allowed. */
  plan?: PlanTerms;
  /** Whether the hardship limits applied when `plan` was made. */
  hardship?: boolean;
  /** The exact recap shown for the debtor's yes (stored as the authorization). */
  recap?: string;
  /** What a person would review. */
  review?: { offer: Offer; literal: PlanTerms | null; violations: PolicyViolation[]; reasons: LimitExplanation[] };
}

/** What the dialog tells the menu when it ends. */
export interface NegotiateResult {
  /** The message was not about paying: the menu answers it. */
  handleCurrentMessage?: boolean;
  /** The dialog has said all there is to say: the menu should not list the options again. */
  quiet?: boolean;
}

interface Env {
  account: Account & { creditor: Creditor };
  session: Session;
  text: NegotiationCatalogue;
  format: Formatter;
  policy: NegotiationPolicy;
  ctx: NegotiationContext;
  now: Date;
}

type Outcome = { end: NegotiateResult } | 'wait';
const QUIET: Outcome = { end: { quiet: true } };
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
 * (dispute, cease, attorney, bankruptcy…) get no offers.
 */
export class NegotiateDialog extends Dialog {
  static readonly id = 'negotiate';

  constructor(private readonly services: ConversationServices) {
    super(NegotiateDialog.id);
  }

  /** With `handleCurrentMessage`, the message that started the dialog ("I can do 50 a month") is answered. */
  override async beginDialog(dc: DialogContext, options?: { handleCurrentMessage?: boolean }): Promise<DialogTurnResult> {
    const state: NegotiateState = { step: 'choose', rounds: 0 };
    dc.activeDialog!.state = state;
    const outcome = await this.turn(dc.context, state, options?.handleCurrentMessage ? 'begin' : 'options');
    return outcome === 'wait' ? Dialog.EndOfTurn : dc.endDialog(outcome.end);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const outcome = await this.turn(dc.context, dc.activeDialog!.state as NegotiateState, 'continue');
    return outcome === 'wait' ? Dialog.EndOfTurn : dc.endDialog(outcome.end);
  }

  /**
   * After an interruption (hardship reported, language switched…): an offer in the same message is
   * answered; otherwise the current question is asked again — with the hardship limits if they now apply.
   */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.turn(context, instance.state as NegotiateState, 'reprompt');
  }

  private async environment(context: TurnContext): Promise<Env | null> {
    const account = await verifiedAccount(context, this.services);
    if (!account) return null;
    const session = await sessionOf(context, this.services);
    const text = negotiationMessagesFor(session.language);
    const now = this.services.now();
    const policy = parsePolicy(account.creditor.policyJson);
    const today = calendarDateInZone(now, account.timeZone ?? DEFAULT_TIME_ZONE);
    return {
      account,
      session,
      text,
      format: formatterFor(text.locale, account.currency),
      policy,
      // Hardship reported in this chat, or recorded on the account (an earlier chat, or an officer): issue #15.
      ctx: { policy, hardship: session.hardship === true || account.hardship, balance: account.balance, currency: account.currency, today },
      now,
    };
  }

  private async turn(context: TurnContext, state: NegotiateState, mode: 'begin' | 'options' | 'continue' | 'reprompt'): Promise<Outcome> {
    const env = await this.environment(context);
    if (!env) return { end: {} };
    const { text } = env;
    const message = mode === 'options' ? '' : (context.activity.text ?? '');
    const local = await this.services.localRecognizer.recognize(message, { language: env.session.language });
    const parsed = parseOfferMessage(message, local, { today: env.ctx.today, previous: state.offer });

    // Cancelling a plan is always possible, even when collection is paused.
    if (parsed.cancelPlan) {
      await this.cancelPlan(context, env);
      return QUIET;
    }
    const paused = collectionPauseReason(env.account);
    if (paused) {
      await context.sendActivity(catalogueOf(env.session).collectionPaused(paused));
      return QUIET;
    }
    if (mode === 'begin' || mode === 'options') {
      const open = await findOpenPlan(this.services.db, env.account.id);
      if (open) {
        const token = await reissueFirstPayLink(this.services.db, open, channelOf(context), env.now);
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
      await this.sendOptions(context, env);
      return 'wait';
    }
    if (mode === 'reprompt') {
      if (parsed.offer) return this.evaluate(context, state, env, parsed.offer);
      if (state.offer && state.step !== 'choose' && state.hardship !== env.ctx.hardship) {
        // Hardship reported meanwhile: the same terms judged under the hardship limits (not a new round).
        return this.evaluate(context, state, env, state.offer, false);
      }
      await this.askAgain(context, state, env);
      return 'wait';
    }

    const general = await recognitionOf(context, this.services);
    const affirm = local.intents.includes('affirm') || general.intent === 'affirm';
    const deny = local.intent === 'deny' || general.intent === 'deny';
    const changes = parsed.offer !== null && changesTerms(parsed.offer, state.plan);

    if (mode === 'begin') {
      if (parsed.offer) return this.evaluate(context, state, env, parsed.offer);
      await this.sendOptions(context, env);
      return 'wait';
    }

    switch (state.step) {
      case 'confirm': {
        // DESIGN 11: only the deterministic recognizer's plain yes, with no new terms in it, agrees.
        if (!changes && isExplicitYes(message, local)) return this.agree(context, state, env);
        // New terms, or the same ones restated ("I want to pay it all"): judged again, the recap shown again.
        if (parsed.offer) return this.evaluate(context, state, env, parsed.offer);
        if (deny) {
          await context.sendActivity(text.notAgreed());
          state.step = 'choose';
          delete state.recap;
          return 'wait';
        }
        if (MENU_INTENTS.has(general.intent)) return { end: { handleCurrentMessage: true } };
        await context.sendActivity(text.confirmAgain());
        return 'wait';
      }
      case 'review': {
        if (changes) return this.evaluate(context, state, env, parsed.offer!);
        if (affirm && !deny) return this.sendForReview(context, state, env);
        if (deny) {
          await context.sendActivity(text.reviewDeclined(planView(state.plan!, env.format)));
          state.step = 'proposed';
          return 'wait';
        }
        if (MENU_INTENTS.has(general.intent)) return { end: { handleCurrentMessage: true } };
        await context.sendActivity(text.reviewAskAgain());
        return 'wait';
      }
      case 'proposed': {
        if (changes) return this.evaluate(context, state, env, parsed.offer!);
        if (affirm && !deny) return this.showRecap(context, state, env, state.plan!);
        if (deny) {
          await context.sendActivity(text.notAgreed());
          state.step = 'choose';
          return 'wait';
        }
        if (MENU_INTENTS.has(general.intent)) return { end: { handleCurrentMessage: true } };
        await context.sendActivity(text.proposalAskAgain());
        return 'wait';
      }
      case 'choose': {
        if (parsed.offer) return this.evaluate(context, state, env, parsed.offer);
        if (deny) {
          await context.sendActivity(text.noRush());
          return QUIET;
        }
        if (MENU_INTENTS.has(general.intent)) return { end: { handleCurrentMessage: true } };
        if (affirm || general.intent === 'pay' || general.intent === 'help' || asksForPaymentOptions(message)) {
          await this.sendOptions(context, env);
          return 'wait';
        }
        await context.sendActivity(text.notUnderstood());
        return 'wait';
      }
    }
  }

  private async sendOptions(context: TurnContext, env: Env): Promise<void> {
    const options = paymentOptions(env.ctx);
    const rightsOpen = isValidationPeriodOpen(env.account.validationPeriodEndsAt, env.now);
    await context.sendActivity(env.text.options(optionsView(options, env.format, { hardship: env.ctx.hardship, rightsOpen })));
  }

  private async evaluate(context: TurnContext, state: NegotiateState, env: Env, offer: Offer, countsAsRound = true): Promise<Outcome> {
    const evaluation: Evaluation = evaluateOffer(offer, env.ctx, countsAsRound ? state.rounds : Math.max(0, state.rounds - 1));
    state.offer = offer;
    state.plan = evaluation.plan;
    state.hardship = env.ctx.hardship;
    delete state.recap;
    delete state.review;
    const plan = planView(evaluation.plan, env.format);
    switch (evaluation.outcome) {
      case 'accept':
        await context.sendActivity(env.text.accepted());
        return this.showRecap(context, state, env, evaluation.plan);
      case 'suggest':
        state.step = 'proposed';
        await context.sendActivity(env.text.suggestion(plan));
        return 'wait';
      case 'counter':
      case 'review': {
        if (countsAsRound) state.rounds += 1;
        const reasons = evaluation.reasons.map((r) => reasonView(r, env.format));
        if (evaluation.outcome === 'counter') {
          state.step = 'proposed';
          await context.sendActivity(env.text.counter(reasons, plan));
        } else {
          state.step = 'review';
          state.review = { offer, literal: evaluation.literal, violations: evaluation.violations, reasons: evaluation.reasons };
          await context.sendActivity(env.text.review(reasons, plan, offerView(offer, env.format)));
        }
        return 'wait';
      }
    }
  }

  private async showRecap(context: TurnContext, state: NegotiateState, env: Env, plan: PlanTerms): Promise<Outcome> {
    const recap = env.text.recap(planView(plan, env.format));
    state.step = 'confirm';
    state.plan = plan;
    state.recap = recap;
    await context.sendActivity(recap);
    return 'wait';
  }

  private async askAgain(context: TurnContext, state: NegotiateState, env: Env): Promise<void> {
    switch (state.step) {
      case 'choose':
        await this.sendOptions(context, env);
        return;
      case 'proposed':
        await context.sendActivity(env.text.suggestion(planView(state.plan!, env.format)));
        return;
      case 'confirm':
        // The recap again, in the current language: this is the text a yes would authorize.
        await this.showRecap(context, state, env, state.plan!);
        return;
      case 'review':
        await context.sendActivity(env.text.reviewAskAgain());
        return;
    }
  }

  private async agree(context: TurnContext, state: NegotiateState, env: Env): Promise<Outcome> {
    const plan = state.plan!;
    const result = await agreePlan(this.services.db, {
      accountId: env.account.id,
      plan,
      hardship: env.ctx.hardship,
      authorizationText: state.recap!,
      channel: channelOf(context),
      conversationId: conversationRecordId(context) ?? null,
      now: env.now,
      today: env.ctx.today,
      policy: env.policy,
    });
    if (result.ok) {
      await context.sendActivity(env.text.agreed(planView(plan, env.format), payLinkUrl(this.services.publicBaseUrl, result.token)));
      return QUIET;
    }
    if (result.reason === 'paused') {
      await context.sendActivity(catalogueOf(env.session).collectionPaused(result.pause));
      return QUIET;
    }
    if (result.reason === 'open_plan') {
      const open = await findOpenPlan(this.services.db, env.account.id);
      if (open) await context.sendActivity(env.text.existingPlan(planView(termsOfPlan(open, env.account.balance), env.format), null));
      return QUIET;
    }
    // The balance or the date moved under the terms: the same offer, judged again, shown again.
    await context.sendActivity(env.text.termsChanged());
    return this.evaluate(context, state, env, state.offer ?? offerOf(plan), false);
  }

  private async sendForReview(context: TurnContext, state: NegotiateState, env: Env): Promise<Outcome> {
    const review = state.review!;
    const closest = state.plan!;
    await context.sendActivity(env.text.reviewQueued(offerView(review.offer, env.format)));
    await handOff(context, this.services, 'proposal', {
      detail: {
        proposal: {
          offer: review.offer,
          terms: review.literal ? planSummary(review.literal) : null,
          violations: review.violations,
          limits: review.reasons,
          closestAllowed: planSummary(closest),
          balance: env.account.balance,
          currency: env.account.currency,
          hardship: env.ctx.hardship,
          rounds: state.rounds,
        },
      },
    });
    return QUIET;
  }

  private async cancelPlan(context: TurnContext, env: Env): Promise<void> {
    const cancelled = await cancelOpenPlan(this.services.db, {
      accountId: env.account.id,
      conversationId: conversationRecordId(context) ?? null,
      channel: channelOf(context),
      now: env.now,
    });
    await context.sendActivity(cancelled ? env.text.planCancelled() : env.text.noPlanToCancel());
  }
}

/** The message names new terms (an amount, a count, a date, a frequency) or another kind of plan. */
export function changesTerms(offer: Offer, plan: PlanTerms | undefined): boolean {
  if (!plan || offer.kind !== plan.kind) return true;
  return Object.entries(offer).some(([key, value]) => key !== 'kind' && value !== undefined);
}

/** The offer a plan answers, when the debtor's own terms are not at hand. */
function offerOf(plan: PlanTerms): Offer {
  if (plan.kind === 'full') return { kind: 'full' };
  if (plan.kind === 'settlement') return { kind: 'settlement', amount: plan.total };
  return { kind: 'installments', count: plan.installmentCount, ...(plan.frequency ? { frequency: plan.frequency } : {}), downPayment: plan.downPayment };
}

/** A plan for an officer: the terms without the day-by-day list when it is long. */
function planSummary(plan: PlanTerms) {
  return {
    kind: plan.kind,
    total: plan.total,
    currency: plan.currency,
    downPayment: plan.downPayment,
    frequency: plan.frequency,
    installmentCount: plan.installmentCount,
    firstDate: plan.firstDate,
    lastDate: plan.payments[plan.payments.length - 1]!.dueDate,
    payments: plan.payments.length <= 60 ? plan.payments : plan.payments.slice(0, 60),
  };
}

