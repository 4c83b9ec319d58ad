import type { TurnContext } from 'botbuilder';
import { recordHardship } from '../src/accounts/rights.ts';
import { negotiationOf, catalogueOf, channelOf, conversationRecordId, sessionOf, verifiedAccount, type ConversationServices, openPlanOf } from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import type { Account, Creditor } from '../src/db/generated/client.ts';
import { evaluateOffer, paymentOptions, type Evaluation, type LimitExplanation, type NegotiationContext, type Offer } from '../src/domain/negotiation.ts';
import { addCalendarDays, planLimits, type PlanTerms, type PolicyViolation } from '../src/domain/plans.ts';
import { parsePolicy, type NegotiationPolicy } from '../src/domain/policy.ts';
import { calendarDateInZone, DEFAULT_TIME_ZONE, isValidationPeriodOpen } from '../src/domain/validationPeriod.ts';
import { type NegotiationCatalogue } from '../src/messages/negotiation.ts';
import type { HardshipRequest } from '../src/negotiation/hardshipRequests.ts';
import type { OfferQuestion } from '../src/negotiation/offerQuestions.ts';
import { agreePlan, cancelOpenPlan, termsOfPlan } from '../src/negotiation/planStore.ts';
import { formatterFor, offerView, optionsView, planView, reasonView, type Formatter } from '../src/negotiation/views.ts';
import { payLinkUrl } from '../src/payments/payLinks.ts';
import { handOff } from './handoff.ts';
import { ask } from './prompts.ts';
import { repliesFor, type Choice } from '../src/messages/replies.ts';
import { reply } from '../src/replies/render.ts';
import { offerRecord } from './recordOffer.ts';
import { rightsBeforePaying } from './rightsDialog.ts';

export type Step = 'choose' | 'proposed' | 'confirm' | 'review' | 'person';

/** Plain JSON: kept in the conversation's dialog state between turns. */
export interface NegotiateState {
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
  /** The debtor's terms wait for a start date they asked for but the bot could not read. */
  awaitingDate?: boolean;
  /** Step 'person': what a person would talk through with the debtor (a pause, or not being able to pay even the smallest plan). */
  request?: HardshipRequest;
}

/** What the dialog tells the menu when it ends. */
export interface NegotiateResult {
  /** The message was not about paying: the menu answers it. */
  handleCurrentMessage?: boolean;
  /** The dialog has said all there is to say: the menu should not list the options again. */
  quiet?: boolean;
}

export type Outcome = { end: NegotiateResult } | 'wait';
export const QUIET: Outcome = { end: { quiet: true } };

export interface Env {
  account: Account & { creditor: Creditor };
  session: Session;
  text: NegotiationCatalogue;
  format: Formatter;
  policy: NegotiationPolicy;
  ctx: NegotiationContext;
  now: Date;
}

/**
 * What the negotiation does, step by step (the dialog in negotiateDialog.ts decides which): the
 * options, judging an offer under the creditor's policy, the recap a yes authorizes, the agreement,
 * a person's review, cancelling a plan.
 */
export class NegotiationSteps {
  constructor(private readonly services: ConversationServices) {}

  async environment(context: TurnContext): Promise<Env | null> {
    const account = await verifiedAccount(context, this.services);
    if (!account) return null;
    const session = await sessionOf(context, this.services);
    const text = negotiationOf(session);
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

  async sendOptions(context: TurnContext, env: Env): Promise<void> {
    // 1006.38(b): the validation rights before any payment talk, when they were not stated yet (the E-SIGN question still open).
    if (env.session.esign?.state === 'deferred') await rightsBeforePaying(context, this.services, true);
    const options = paymentOptions(env.ctx);
    // The rights are open while the validation period runs, and before the notice has even gone.
    const rightsOpen = !env.account.validationPeriodEndsAt || isValidationPeriodOpen(env.account.validationPeriodEndsAt, env.now);
    await context.sendActivity(reply(env.text.options(optionsView(options, env.format, { hardship: env.ctx.hardship, rightsOpen })), { choices: this.choices('choose', env) }));
  }

  /** The buttons (web) or numbered choices (SMS) that answer a step's question. */
  choices(step: Step, env: Env): Choice[] {
    const words = repliesFor(env.session.language);
    if (step !== 'choose') return words.yesNo();
    const options = paymentOptions(env.ctx);
    return words.paymentOptions({ settlement: options.settlement !== null, plan: options.plan !== null });
  }

  async evaluate(context: TurnContext, state: NegotiateState, env: Env, offer: Offer, countsAsRound = true): Promise<Outcome> {
    // 1006.38(b): the validation rights before any terms, when this conversation has not stated them yet (the
    // E-SIGN question put off by a question, then "lo quiero saldar todo": review 10, 08).
    await rightsBeforePaying(context, this.services, true);
    const judged: Evaluation = evaluateOffer(offer, env.ctx, countsAsRound ? state.rounds : Math.max(0, state.rounds - 1));
    // DESIGN 8: in hardship, terms beyond even the creditor's hardship limits are for a person to
    // decide — the closest hardship plan, and the debtor's own proposal offered for review at once.
    const evaluation: Evaluation = judged.outcome === 'counter' && env.ctx.hardship ? { ...judged, outcome: 'review' } : judged;
    // The recap the debtor is answering right now, with nothing else changed since (hardship said meanwhile is a change).
    const shown = state.step === 'confirm' && env.session.lastPrompt === state.recap && state.hardship === env.ctx.hardship ? state.recap : undefined;
    state.offer = offer;
    state.plan = evaluation.plan;
    state.hardship = env.ctx.hardship;
    delete state.recap;
    delete state.review;
    delete state.awaitingDate;
    const plan = planView(evaluation.plan, env.format);
    switch (evaluation.outcome) {
      case 'accept': {
        const asked = offer.kind === 'settlement' ? offer.amount : undefined;
        // "Settle for $2,000" on a smaller balance: the recap is for the balance, and says so first.
        if (shown !== undefined && shown === env.text.recap(plan)) {
          // A correction that came out as the terms just shown: said so, not the same recap again (review 3, C03).
          state.step = 'confirm';
          state.recap = shown;
          await context.sendActivity(reply(env.text.sameTerms(), { choices: this.choices('confirm', env) }));
          return 'wait';
        }
        if (asked !== undefined && asked !== evaluation.plan.total) await context.sendActivity(env.text.recapDiffers(env.format.money(asked), plan.total));
        else await context.sendActivity(env.text.accepted());
        return this.showRecap(context, state, env, evaluation.plan);
      }
      case 'suggest':
        state.step = 'proposed';
        await context.sendActivity(reply(env.text.suggestion(plan), { choices: this.choices('proposed', env) }));
        return 'wait';
      case 'counter':
      case 'review': {
        if (countsAsRound) state.rounds += 1;
        const reasons = evaluation.reasons.map((r) => reasonView(r, env.format));
        if (evaluation.outcome === 'counter') {
          state.step = 'proposed';
          const counter = env.text.counter(reasons, plan);
          const said = counter === env.session.lastBotText ? env.text.counterAgain(plan, offerView(offer, env.format)) : counter;
          await context.sendActivity(reply(said, { choices: this.choices('proposed', env) }));
        } else {
          state.step = 'review';
          state.review = { offer, literal: evaluation.literal, violations: evaluation.violations, reasons: evaluation.reasons };
          await context.sendActivity(reply(env.text.review(reasons, plan, offerView(offer, env.format)), { choices: this.choices('review', env) }));
        }
        return 'wait';
      }
    }
  }

  /**
   * A settlement asked in parts ("1750 now and 1750 on jan 5"): a settlement is one payment. Said
   * plainly, with the latest date it can be on and the other ways (a plan for the full balance, a
   * person) — never a plan for the whole balance presented as what was asked (review round 3, C21).
   */
  async settlementInOnePayment(context: TurnContext, state: NegotiateState, env: Env): Promise<Outcome> {
    const settlement = state.plan?.kind === 'settlement' ? state.plan : evaluateOffer(state.offer!, env.ctx, state.rounds).plan;
    if (settlement.kind !== 'settlement') return this.evaluate(context, state, env, state.offer!, false);
    const latest = addCalendarDays(env.ctx.today, planLimits(env.ctx.policy, env.ctx.hardship).firstPaymentWithinDays);
    state.step = 'proposed';
    state.plan = settlement;
    delete state.recap;
    await context.sendActivity(reply(env.text.settlementOnePayment(planView(settlement, env.format), env.format.date(latest)), { choices: this.choices('proposed', env) }));
    return 'wait';
  }

  async showRecap(context: TurnContext, state: NegotiateState, env: Env, plan: PlanTerms): Promise<Outcome> {
    const recap = env.text.recap(planView(plan, env.format));
    state.step = 'confirm';
    state.plan = plan;
    state.recap = recap;
    // The card shows exactly these words; they are what a yes authorizes (stored as they are).
    await context.sendActivity(reply(recap, { card: 'recap', choices: this.choices('confirm', env) }));
    env.session.lastPrompt = recap;
    return 'wait';
  }

  /** The current question again, never in the words just used. */
  async askAgain(context: TurnContext, state: NegotiateState, env: Env): Promise<void> {
    if (state.step === 'choose') await this.sendOptions(context, env);
    else if (state.step === 'proposed') await ask(context, env.session, [env.text.suggestion(planView(state.plan!, env.format)), ...env.text.again('proposed')], this.choices('proposed', env));
    // The recap just asked: the short question, the terms are right above. Otherwise the recap again,
    // in the current language: the text a yes would authorize.
    else if (state.step === 'confirm' && state.recap === env.text.recap(planView(state.plan!, env.format)) && env.session.lastPrompt === state.recap) {
      await ask(context, env.session, env.text.again('confirm'), this.choices('confirm', env));
    } else if (state.step === 'confirm') await this.showRecap(context, state, env, state.plan!);
    else await ask(context, env.session, env.text.again(state.step), this.choices(state.step, env));
  }

  /**
   * "Is that the lowest?", "¿es del total?" about the terms on the table: answered from the terms and
   * the creditor's limits, then the question on the table again (review 9: the same offer was
   * repeated as if nothing had been asked).
   */
  async answerOfferQuestion(context: TurnContext, state: NegotiateState, env: Env, question: OfferQuestion): Promise<Outcome> {
    const plan = state.plan!;
    const view = planView(plan, env.format);
    if (question === 'covers_all') await context.sendActivity(env.text.coversAll(view));
    else if (plan.kind === 'full') await context.sendActivity(env.text.lowestFull());
    else {
      const options = paymentOptions(env.ctx);
      const regular = (terms: PlanTerms) => terms.payments.find((p) => p.kind === 'installment')?.amount ?? terms.total;
      const lowest = plan.kind === 'settlement' ? options.settlement !== null && plan.total <= options.settlement.total : options.plan !== null && regular(plan) <= regular(options.plan);
      if (!lowest) await context.sendActivity(env.text.mayGoLower());
      else if (plan.kind === 'settlement') await context.sendActivity(env.text.lowestSettlement(view.total));
      else await context.sendActivity(env.text.lowestPlan(view.regular ?? view.total));
    }
    // The terms are right above: the short question (the recap again only when it is no longer the last question).
    if (state.step === 'confirm') await this.askAgain(context, state, env);
    else await ask(context, env.session, env.text.again(state.step), this.choices(state.step, env));
    return 'wait';
  }

  /**
   * "Can you put it on hold?", "I can't even do 10" (DESIGN 8): never pressed — what is possible
   * (the smallest plan the hardship limits allow), and a person to talk about the rest, such as a
   * pause, if the debtor wants one (yes or no). Not being able to pay is hardship: recorded once.
   */
  async offerPerson(context: TurnContext, state: NegotiateState, env: Env, request: HardshipRequest): Promise<Outcome> {
    if (request === 'cannot_pay' && !env.ctx.hardship) {
      await recordHardship(this.services.db, { accountId: env.account.id, conversationId: conversationRecordId(context), channel: channelOf(context) });
      env.session.hardship = true;
      env.ctx = { ...env.ctx, hardship: true };
    }
    state.step = 'person';
    state.request = request;
    delete state.recap;
    delete state.review;
    delete state.awaitingDate;
    if (request === 'cannot_pay') await rightsBeforePaying(context, this.services, true);
    const smallest = paymentOptions(env.ctx).plan;
    const wordings = request === 'pause' ? env.text.pauseRequest() : env.text.cannotPay(smallest ? planView(smallest, env.format) : null);
    await ask(context, env.session, wordings, this.choices('person', env));
    return 'wait';
  }

  /** Yes to a person: queued as a hardship request, with what the debtor asked for. */
  async askPerson(context: TurnContext, state: NegotiateState, env: Env): Promise<Outcome> {
    await handOff(context, this.services, 'hardship', { detail: { request: state.request ?? 'cannot_pay', hardship: env.ctx.hardship } });
    return QUIET;
  }

  async agree(context: TurnContext, state: NegotiateState, env: Env): Promise<Outcome> {
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
      await offerRecord(context, this.services);
      return QUIET;
    }
    if (result.reason === 'paused') {
      await context.sendActivity(catalogueOf(env.session).collectionPaused(result.pause));
      return QUIET;
    }
    if (result.reason === 'open_plan') {
      const open = await openPlanOf(context, this.services, env.account.id);
      if (open) await context.sendActivity(env.text.existingPlan(planView(termsOfPlan(open, env.account.balance), env.format), null));
      return QUIET;
    }
    // The balance or the date moved under the terms: the same offer, judged again, shown again.
    await context.sendActivity(env.text.termsChanged());
    return this.evaluate(context, state, env, state.offer ?? offerOf(plan), false);
  }

  async sendForReview(context: TurnContext, state: NegotiateState, env: Env): Promise<Outcome> {
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

  async cancelPlan(context: TurnContext, env: Env): Promise<void> {
    const cancelled = await cancelOpenPlan(this.services.db, {
      accountId: env.account.id,
      conversationId: conversationRecordId(context) ?? null,
      channel: channelOf(context),
      now: env.now,
    });
    await context.sendActivity(cancelled ? env.text.planCancelled() : env.text.noPlanToCancel());
  }
}

/** The offer a plan answers, when the debtor's own terms are not at hand. */
export function offerOf(plan: PlanTerms): Offer {
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
