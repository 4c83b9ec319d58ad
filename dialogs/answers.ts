import type { TurnContext } from 'botbuilder';
import { collectionPauseReason } from '../src/accounts/rights.ts';
import { answerSet, fillAnswer, type AnswerId, type Placeholder } from '../src/answers/answerSet.ts';
import { creditorAnswerText } from '../src/answers/creditorAnswers.ts';
import { matchAnswers } from '../src/answers/matcher.ts';
import { conversationOf, catalogueOf, channelOf, sessionOf, verifiedAccount, type ConversationServices, openPlanOf } from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import type { Account, Creditor } from '../src/db/generated/client.ts';
import { formatMoney } from '../src/domain/money.ts';
import { reissueFirstPayLink } from '../src/negotiation/planStore.ts';
import { payLinkUrl } from '../src/payments/payLinks.ts';
import { answerWait, handOff, withdrawPersonRequest } from './handoff.ts';
import { ANSWERED, say } from './prompts.ts';

/** Set when the debtor asked to look at another of their accounts. */
export const SWITCH_ACCOUNT = Symbol('switchAccount');

type VerifiedAccount = Account & { creditor: Creditor };

/**
 * Answers what the message asks from the curated answer set (src/answers, issue #12 items 9, 11-13).
 * An answer that depends on the account is never given before verification (1006.6(d)): it is
 * noted and given right after it. Returns whether the bot said anything.
 */
export async function answerQuestions(context: TurnContext, services: ConversationServices): Promise<boolean> {
  const ids = matchAnswers(context.activity.text ?? '');
  if (ids.length === 0) return false;
  const session = await sessionOf(context, services);
  const account = await verifiedAccount(context, services);
  let said = false;
  let deferred = false;
  for (const id of ids) {
    if (id === 'wait_time') {
      await answerWait(context, services);
      said = true;
    } else if (id === 'stay_with_bot') {
      said = (await withdrawPersonRequest(context, services)) || said;
    } else if (id === 'switch_account') {
      if (account && (session.accountIds?.length ?? 0) > 1) context.turnState.set(SWITCH_ACCOUNT, true);
      else if (account) {
        await context.sendActivity(conversationOf(session).onlyAccount());
        said = true;
      }
    } else if (id === 'why_verify' && account) {
      // "why do you need that" once verified is about whatever was asked then (an attorney's name…), not the identity check.
    } else if (answerSet(session.language).get(id)!.needs === 'account' && !account) {
      session.goal = { ...session.goal, answers: [...new Set([...(session.goal?.answers ?? []), id])] };
      deferred = true;
    } else {
      await sayAnswer(context, services, id, account);
      said = true;
    }
  }
  if (deferred) {
    await context.sendActivity(conversationOf(session).answerAfterVerification());
    said = true;
  }
  if (said) context.turnState.set(ANSWERED, true);
  return said;
}

/** Says one answer, in the conversation's language, chosen by the account's state. */
export async function sayAnswer(context: TurnContext, services: ConversationServices, id: AnswerId, account: VerifiedAccount | null): Promise<void> {
  const session = await sessionOf(context, services);
  const answer = answerSet(session.language).get(id)!;
  const values: Partial<Record<Placeholder, string>> = {
    collectorName: services.collector.name,
    collectorPhone: services.collector.phone,
    collectorAddress: services.collector.address,
    collectorHours: services.collector.hours,
  };
  if (account) {
    values.creditor = account.creditor.name;
    values.originalCreditor = account.originalCreditor;
    values.balance = formatMoney(account.balance, account.currency, catalogueOf(session).locale);
  }
  const { key, text } = await chooseText(context, services, session, id, account, values);
  const said = text ?? fillAnswer(answer.texts[key]!, values);
  // Asked again right away: answered again, never word for word the message before.
  await say(context, session, said);
}

/** Which of an answer's texts fits the account (and a creditor's own wording, when it set one). */
async function chooseText(
  context: TurnContext,
  services: ConversationServices,
  session: Session,
  id: AnswerId,
  account: VerifiedAccount | null,
  values: Partial<Record<Placeholder, string>>,
): Promise<{ key: string; text?: string }> {
  switch (id) {
    case 'who_we_are':
      return { key: account ? 'verified' : 'before' };
    case 'credit_report': {
      const own = account ? creditorAnswerText(account.creditor.answersJson, id, session.language) : undefined;
      return { key: 'default', ...(own ? { text: own } : {}) };
    }
    case 'account_closed': {
      if (!account || account.balance <= 0) return { key: 'paid' };
      return { key: (await openPlanOf(context, services, account.id)) ? 'plan' : 'open' };
    }
    case 'link_broken': {
      const plan = account ? await openPlanOf(context, services, account.id) : null;
      const token = plan ? await reissueFirstPayLink(services.db, plan, channelOf(context), services.now()) : null;
      if (!token) return { key: 'none' };
      values.link = payLinkUrl(services.publicBaseUrl, token);
      return { key: 'fresh' };
    }
    case 'lawsuit':
      return { key: account?.timeBarred ? 'timeBarred' : 'default' };
    case 'should_i_pay': {
      // Represented or in bankruptcy: no collection talk; a person follows up (DESIGN 6, 7).
      const reason = account?.attorneyRepresented ? 'attorney' : account?.bankruptcy ? 'bankruptcy' : null;
      if (reason) await handOff(context, services, reason, { quiet: true, detail: { asked: 'should_i_pay' } });
      // Identity theft, a dispute, active duty…: collection is paused, so the answer is a plain no (review R20).
      return { key: reason ?? (account && collectionPauseReason(account) ? 'paused' : 'default') };
    }
    case 'what_next':
      return { key: account?.disputed ? 'disputed' : account && collectionPauseReason(account) ? 'paused' : 'default' };
    default:
      return { key: 'default' };
  }
}
