import type { TurnContext } from 'botbuilder';
import { recordDispute } from '../src/accounts/rights.ts';
import { maskIdentityFactors } from '../src/domain/redaction.ts';
import type { Offer } from '../src/domain/negotiation.ts';
import { negotiationOf, catalogueOf, channelOf, conversationRecordId, localRecognitionOf, sessionOf, verifiedAccount, type ConversationServices } from '../src/bot/services.ts';
import { repliesFor } from '../src/messages/replies.ts';
import { PAYMENT_INTENTS } from '../src/negotiation/offerParser.ts';
import { normalizeText } from '../src/nlu/deterministicRecognizer.ts';
import type { Recognition } from '../src/nlu/recognizer.ts';
import { showBalance } from './balance.ts';
import { formatterFor, offerView } from '../src/negotiation/views.ts';
import { handOff } from './handoff.ts';
import { ask } from './prompts.ts';
import { offerRecord } from './recordOffer.ts';

/**
 * A dispute or an original-creditor request (Reg F 1006.38): recorded with the debtor's words, the
 * account marked disputed (no payment requests until an officer verifies), confirmed, and queued.
 * An offer made in the same message ("I already paid $300 in March, could I do 150 a month?") is
 * not lost: it goes to the officer with the dispute, and the debtor is told so (issue #12 item 3).
 */
export async function recordDisputeAndConfirm(
  context: TurnContext,
  services: ConversationServices,
  request: { kind: 'dispute' | 'original_creditor'; words: string; offer?: Offer },
): Promise<void> {
  const session = await sessionOf(context, services);
  const account = await verifiedAccount(context, services);
  if (!account) throw new Error('recordDisputeAndConfirm needs a verified account');
  // Said again ("What offer? I already paid it in 2021"): added to the dispute, never the same confirmation twice.
  const already = request.kind === 'dispute' && account.disputed;
  await recordDispute(services.db, {
    accountId: account.id,
    conversationId: conversationRecordId(context),
    channel: channelOf(context),
    kind: request.kind,
    words: maskIdentityFactors(request.words),
  });
  const text = catalogueOf(session);
  await context.sendActivity(request.kind === 'dispute' ? (already ? text.disputeAdded() : text.disputeRecorded()) : text.originalCreditorRecorded());
  if (request.offer) {
    const negotiation = negotiationOf(session);
    await context.sendActivity(negotiation.offerNoted(offerView(request.offer, formatterFor(negotiation.locale, account.currency))));
  }
  await handOff(context, services, request.kind, { quiet: true, ...(request.offer ? { detail: { offer: request.offer } } : {}) });
  await offerRecord(context, services);
}

/**
 * A doubt said with uncertainty ("why is it this high? i thought my insurance covered most of
 * it"): asked once whether it is a dispute, with what a dispute does — instead of recording one the
 * debtor may not have meant, which pauses a payment they came to make (fresh-eyes round 3). A
 * question about the amount in the same message is answered first (the breakdown).
 */
export async function askDisputeCheck(
  context: TurnContext,
  services: ConversationServices,
  check: { words: string; offer?: Offer },
  itemized: boolean,
  /** 'asked': the debtor asked about the right ("can i dispute this?"), so no doubt is read into it. */
  why: 'doubt' | 'asked' = 'doubt',
): Promise<void> {
  const session = await sessionOf(context, services);
  session.disputeCheck = { ...check, turn: session.turns ?? 0 };
  if (itemized) await showBalance(context, services, true);
  const text = catalogueOf(session);
  await ask(context, session, [why === 'asked' ? text.disputeOffered() : text.disputeCheck()], repliesFor(session.language).yesNo());
}

/**
 * The answer to askDisputeCheck: a yes (or the doubt said again, or words that are no other
 * request) records the dispute with the debtor's first words; a no, or going on to pay, records
 * nothing; another question is answered and the question stays open. Returns what the
 * turn still needs: 'done' (answered here), 'reprompt', or 'none' (the rest of the turn handles it).
 */
export async function answerDisputeCheck(
  context: TurnContext,
  services: ConversationServices,
  recognition: Recognition,
): Promise<'done' | 'reprompt' | 'none'> {
  const session = await sessionOf(context, services);
  const check = session.disputeCheck;
  if (!check) return 'none';
  delete session.disputeCheck;
  const local = await localRecognitionOf(context, services);
  const words = context.activity.text ?? '';
  // Going on to pay shows the doubt was not a dispute.
  const paying = recognition.intents.some((i) => PAYMENT_INTENTS.includes(i)) || recognition.entities.money.length > 0;
  // "no just asking", "nah im good": a no opening the answer is a no, whatever the rest (review 9 replay).
  const opensWithNo = /^(?:no|nope|nah|naw)\b/.test(normalizeText(words)) && !local.intents.includes('dispute');
  if (opensWithNo || local.intent === 'deny' || (local.intents.includes('deny') && !local.intents.includes('dispute'))) {
    await context.sendActivity(catalogueOf(session).disputeNotRecorded());
    // "nah, can i do 100 a month", "no just show me what its for": the rest of the message is answered by the rest of the turn (review 10, 15).
    return paying || recognition.intents.some((i) => i === 'itemization' || i === 'balance' || i === 'rights' || i === 'validation_notice') ? 'none' : 'reprompt';
  }
  if (paying && !recognition.intents.includes('dispute')) return 'none';
  const affirmed = local.intents.includes('affirm') || recognition.intent === 'affirm';
  // Conservative: a yes, the doubt again, or words that say nothing else are a dispute (Reg F
  // 1006.38). Another question ("how does the balance add up?") is answered; the question stays.
  if (!affirmed && !recognition.intents.includes('dispute') && recognition.intent !== 'unknown') {
    session.disputeCheck = check;
    return 'none';
  }
  await recordDisputeAndConfirm(context, services, { kind: 'dispute', words: affirmed ? check.words : `${check.words}\n${words}`, ...(check.offer ? { offer: check.offer } : {}) });
  return 'done';
}

/** A payment on the account went through in the last day (the one the debtor just made, most likely). */
export async function paidRecently(services: ConversationServices, accountId: string): Promise<boolean> {
  const since = new Date(services.now().getTime() - 24 * 60 * 60 * 1000);
  return (await services.db.payment.count({ where: { accountId, status: 'succeeded', createdAt: { gte: since } } })) > 0;
}
