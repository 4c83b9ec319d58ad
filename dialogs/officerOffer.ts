import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { officerOf, negotiationOf, catalogueOf, channelOf, conversationRecordId, sessionOf, type ConversationServices, openPlanOf, turnAccountOf, localRecognitionOf } from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import type { Account } from '../src/db/generated/client.ts';
import { calendarDateInZone, DEFAULT_TIME_ZONE } from '../src/domain/validationPeriod.ts';
import { isExplicitYes } from '../src/negotiation/consent.ts';
import { parseOfferMessage } from '../src/negotiation/offerParser.ts';
import {
  acceptOfferedPlan,
  declineOfferedPlan,
  offeredPlanProblem,
  termsOfPlan,
  type OfferAnswer,
} from '../src/negotiation/planStore.ts';
import { formatterFor, planView } from '../src/negotiation/views.ts';
import type { Recognition } from '../src/nlu/recognizer.ts';
import { payLinkUrl } from '../src/payments/payLinks.ts';
import { MenuDialog } from './menuDialog.ts';
import { changesTerms, NegotiateDialog } from './negotiateDialog.ts';

/**
 * The debtor's answer to terms an officer offered (src/officer/proposals.ts): the plan is 'offered'
 * and its offerText — the recap and "reply YES or NO" — was sent to the debtor. A plain yes, judged
 * by the deterministic recognizer only (DESIGN 11), agrees the plan with that text as the
 * authorization and sends the first pay link; a plain no declines it. Anything else returns false
 * and takes the normal route.
 *
 * MainDialog calls this after the rights and safety interruptions, so "yes but I dispute this" is
 * a dispute, never an agreement. It only answers when no dialog is waiting for its own yes or no
 * (a recap the bot showed, an E-SIGN question, verification): with the menu, or the negotiation
 * still at its list of options.
 */
export async function answerOfficerOffer(dc: DialogContext, services: ConversationServices): Promise<boolean> {
  const { context } = dc;
  if (!mayAnswerHere(dc)) return false;
  // Most turns have no offer waiting: the turn's read of the account says so (src/accounts/turnAccount.ts).
  const session = await sessionOf(context, services);
  const turn = session.accountId ? await turnAccountOf(context, services) : null;
  const offered = turn?.offeredPlan;
  if (!turn || !offered) return false;
  const account = turn.account;

  const words = context.activity.text ?? '';
  const local = await localRecognitionOf(context, services, words);
  // "yes, 80 a month" names new terms: the negotiation answers it, and the offer stays open.
  const parsed = parseOfferMessage(words, local, { today: calendarDateInZone(services.now(), account.timeZone ?? DEFAULT_TIME_ZONE) });
  if (parsed.cancelPlan || (parsed.offer && changesTerms(parsed.offer, termsOfPlan(offered, account.balance)))) return false;
  const answer = isExplicitYes(words, local) ? 'yes' : isExplicitNo(local) ? 'no' : null;
  if (!answer) return false;

  const where = { planId: offered.id, accountId: account.id, channel: channelOf(context), conversationId: conversationRecordId(context) ?? null, now: services.now() };
  if (answer === 'no') {
    if (!(await declineOfferedPlan(services.db, where))) return false;
    await context.sendActivity(officerOf(session).offerDeclined());
  } else if (!(await sendAcceptance(context, services, { session, account, where }))) {
    return false;
  }
  // A negotiation left at its options must not pick up the next message as if nothing happened.
  if (dc.activeDialog?.id === NegotiateDialog.id) await dc.cancelAllDialogs();
  return true;
}

/**
 * After the debtor verified (again): the officer's terms still waiting for an answer are shown again,
 * word for word, so a yes authorizes exactly what was read. Returns whether an offer was shown.
 */
export async function showPendingOffer(context: TurnContext, services: ConversationServices): Promise<boolean> {
  const turn = await turnAccountOf(context, services);
  if (!turn) return false;
  const { account, offeredPlan: offered } = turn;
  if (!offered?.offerText || (await offeredPlanProblem(services.db, offered, account, services.now()))) return false;
  const session = await sessionOf(context, services);
  await context.sendActivity(officerOf(session).pendingOffer());
  await context.sendActivity(offered.offerText);
  return true;
}

/** Dialogs whose own questions a yes or no could answer keep them (see the module comment). */
function mayAnswerHere(dc: DialogContext): boolean {
  const active = dc.activeDialog;
  if (!active || active.id === MenuDialog.id) return true;
  return active.id === NegotiateDialog.id && (active.state as { step?: string }).step === 'choose';
}

/** A plain no ("no", "no thanks"), by the deterministic recognizer: new terms or other requests are not a no. */
function isExplicitNo(local: Recognition): boolean {
  return local.source === 'deterministic' && local.intent === 'deny' && local.intents.every((i) => i === 'deny' || i === 'thanks');
}

/** Agrees the offered plan and answers; false when it was not on offer any more. */
async function sendAcceptance(
  context: TurnContext,
  services: ConversationServices,
  { session, account, where }: { session: Session; account: Account; where: OfferAnswer },
): Promise<boolean> {
  const result = await acceptOfferedPlan(services.db, where);
  if (!result.ok && result.reason === 'not_offered') return false;
  const text = negotiationOf(session);
  const format = formatterFor(text.locale, account.currency);
  if (result.ok) {
    const plan = await services.db.plan.findUniqueOrThrow({ where: { id: result.planId }, include: { installments: { orderBy: { seq: 'asc' } } } });
    await context.sendActivity(text.agreed(planView(termsOfPlan(plan, account.balance), format), payLinkUrl(services.publicBaseUrl, result.token)));
  } else if (result.reason === 'paused') {
    await context.sendActivity(catalogueOf(session).collectionPaused(result.pause));
  } else if (result.reason === 'open_plan') {
    const open = await openPlanOf(context, services, account.id);
    if (open) await context.sendActivity(text.existingPlan(planView(termsOfPlan(open, account.balance), format), null));
  } else {
    await context.sendActivity(officerOf(session).offerWithdrawn());
  }
  return true;
}
