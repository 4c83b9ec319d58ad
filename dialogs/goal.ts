import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { Session } from '../src/bot/session.ts';
import { conversationOf, sessionOf, verifiedAccount, type ConversationServices } from '../src/bot/services.ts';
import type { Offer } from '../src/domain/negotiation.ts';
import { daysBetween } from '../src/domain/plans.ts';
import { calendarDateInZone, DEFAULT_TIME_ZONE } from '../src/domain/validationPeriod.ts';
import { parseOfferMessage, PAYMENT_INTENTS } from '../src/negotiation/offerParser.ts';
import type { Recognition } from '../src/nlu/recognizer.ts';
import { sayAnswer } from './answers.ts';
import { showBalance } from './balance.ts';
import { rightsBeforePaying } from './rightsDialog.ts';


/**
 * The offer a message makes ("I could do 150 a month"), or null. A date before today is dropped:
 * in a message that also answers verification it is a date of birth, never a payment date.
 */
export function offerIn(message: string, recognition: Recognition, today: string, previous?: Offer): Offer | null {
  if (!previous && !recognition.intents.some((i) => PAYMENT_INTENTS.includes(i)) && recognition.entities.money.length === 0) return null;
  const { offer } = parseOfferMessage(message, recognition, { today, ...(previous ? { previous } : {}) });
  if (!offer) return null;
  // A day read from a date of birth ("2 nov 1979") is never a payment day, even as the next 2 Nov.
  const birthDays = recognition.entities.dates.filter((d) => `${d.year}-12-31` < today).map((d) => `-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`);
  const identity = (day: string | undefined) => day !== undefined && (daysBetween(today, day) < 0 || birthDays.some((md) => day.endsWith(md)));
  const dated = offer.kind === 'installments' ? offer.firstDate : offer.date;
  const from = offer.kind === 'installments' ? offer.installmentsFrom : undefined;
  if (identity(dated) || identity(from)) {
    const { firstDate: _f, date: _d, installmentsFrom: _i, ...rest } = offer as Offer & { firstDate?: string; date?: string; installmentsFrom?: string };
    return rest as Offer;
  }
  return offer;
}

/** Today where the account is (the Eastern default before verification). */
export async function todayFor(dc: DialogContext, services: ConversationServices): Promise<string> {
  const account = await verifiedAccount(dc.context, services);
  return calendarDateInZone(services.now(), account?.timeZone ?? DEFAULT_TIME_ZONE);
}

/**
 * Before verification: remembers what the debtor asked for ("Hi, I want to pay this off in full",
 * "why is it so high?"), to go straight to it once they are verified (issue #19 item 7).
 */
export function rememberGoal(session: Session, recognition: Recognition, message: string, today: string, answersDateOfBirth = false): void {
  const intents = recognition.intents;
  const previous = session.goal?.offer;
  // "…what about from next month": a change to the terms said before — never from a message that
  // answers verification (its numbers and dates are identity factors).
  const { entities } = recognition;
  // "no, es el 2 de noviembre" to "Did you mean February 11, 1979?" is a birthday, never a payment date (review 8, 11).
  const identityFactors = answersDateOfBirth || entities.zip || entities.ssnLast4 || entities.accountNumber || entities.ambiguousDate || entities.dates.length > 0;
  const amended = previous && !identityFactors ? offerIn(message, recognition, today, previous) : null;
  if (amended) {
    session.goal = { ...session.goal, offer: amended };
  } else if (intents.some((i) => PAYMENT_INTENTS.includes(i))) {
    const offer = offerIn(message, recognition, today);
    const inParts = offer?.kind === 'settlement' && parseOfferMessage(message, recognition, { today }).splitsSettlement === true;
    session.goal = { ...session.goal, ...(offer ? { offer } : { intent: 'pay' as const }), ...(inParts ? { settlementInParts: true } : {}) };
  } else if (intents.includes('itemization')) {
    session.goal = { ...session.goal, intent: 'itemization' };
  } else if (intents.includes('rights') || intents.includes('validation_notice')) {
    session.goal = { ...session.goal, intent: 'rights' };
  }
}

/**
 * Right after verification (and the disclosure and balance): what the debtor asked for before.
 * Answers are said; a payment goal opens the negotiation with the debtor's own terms. Returns the
 * dialog to begin, or null when everything was said.
 */
export async function serveGoal(
  dc: DialogContext,
  services: ConversationServices,
  dialogs: { negotiate: string; rights: string },
): Promise<DialogTurnResult | null> {
  const session = await sessionOf(dc.context, services);
  const goal = session.goal;
  delete session.goal;
  if (!goal) return null;
  const account = await verifiedAccount(dc.context, services);
  if (goal.answers?.length) {
    await dc.context.sendActivity(conversationOf(session).goalResumed());
    for (const id of goal.answers) await sayAnswer(dc.context, services, id, account);
  }
  await rightsBeforePaying(dc.context, services, Boolean(goal.offer) || goal.intent === 'pay');
  if (goal.offer) return dc.beginDialog(dialogs.negotiate, { offer: goal.offer, ...(goal.settlementInParts ? { settlementInParts: true } : {}) });
  if (goal.intent === 'pay') return dc.beginDialog(dialogs.negotiate);
  if (goal.intent === 'rights') return dc.beginDialog(dialogs.rights, { asked: true });
  if (goal.intent === 'itemization') await showBalance(dc.context, services, true);
  return null;
}
