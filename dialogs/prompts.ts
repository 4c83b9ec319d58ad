import type { TurnContext } from 'botbuilder';
import { countUnanswered } from '../src/answers/unanswered.ts';
import { collectionPauseReason } from '../src/accounts/rights.ts';
import { conversationOf, sessionOf, verifiedAccount, type ConversationServices } from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import { repliesFor, type Choice } from '../src/messages/replies.ts';
import { reply } from '../src/replies/render.ts';

/** Set on a turn the bot did not understand (a turn without it resets the count). */
const MISUNDERSTOOD = Symbol('misunderstood');
/**
 * Set on a turn whose message the curated answer set (or a right) already answered: the dialog
 * then asks its question again instead of saying it did not understand.
 */
export const ANSWERED = Symbol('answered');

/** The last message the bot sent before this turn began. */
const SAID_BEFORE_TURN = Symbol('saidBeforeTurn');

/**
 * Whether the debtor's message answers one of `wordings`: the last message the bot sent before it
 * was that question (alone, or ending a "Sorry, …" message). An "ok" to anything said since (a
 * handoff message, an answer) does not answer the question (DESIGN 16: never an unrelated message
 * taken as an answer).
 */
export function answersQuestion(context: TurnContext, wordings: readonly string[]): boolean {
  const said = context.turnState.get(SAID_BEFORE_TURN) as string | undefined;
  return said !== undefined && wordings.some((w) => said === w || said.endsWith(` ${w}`));
}

/**
 * Remembers the last message the bot sent, across turns, so a question is never sent twice in a
 * row word for word (DESIGN 16, the CFPB's doom loops). Installed once per turn by the router.
 */
export function trackSentMessages(context: TurnContext, session: Session): void {
  context.turnState.set(SAID_BEFORE_TURN, session.lastBotText);
  context.onSendActivities(async (_ctx, activities, next) => {
    for (const activity of activities) {
      if (activity.type === 'message' && activity.text) session.lastBotText = activity.text;
    }
    return next();
  });
}

/** Whether `wording` was just said: it is (or ends) the last question asked or the last message sent ("Sorry, … <wording>"). */
function justSaid(session: Session, wording: string): boolean {
  return [session.lastPrompt, session.lastBotText].some((said) => said !== undefined && (said === wording || said.endsWith(` ${wording}`)));
}

/** The wordings not just said (all of them when every one was). */
function fresh(session: Session, wordings: readonly string[]): readonly string[] {
  const unsaid = wordings.filter((w) => !justSaid(session, w));
  return unsaid.length > 0 ? unsaid : wordings;
}

/**
 * Says something that is not a question (an answer, the balance): said again right after itself,
 * it says so ("As I said: …") — never the same message twice in a row word for word (DESIGN 16).
 */
export async function say(context: TurnContext, session: Session, text: string): Promise<void> {
  await context.sendActivity(text === session.lastBotText ? conversationOf(session).asISaid(text) : text);
}

/**
 * Asks a question in the first of its wordings that was not just said: never the last question
 * asked, nor the last message sent. Every question that can be asked again has two wordings or more.
 */
export async function ask(context: TurnContext, session: Session, wordings: readonly string[], choices?: Choice[]): Promise<void> {
  const text = fresh(session, wordings)[0]!;
  session.lastPrompt = text;
  await context.sendActivity(choices ? reply(text, { choices }) : text);
}

export type NotUnderstood = 'asked' | 'stuck';

/** The `n`th of `wordings` (from 0), round and round. */
function nth<T>(wordings: readonly T[], n: number): T {
  return wordings[n % wordings.length]!;
}

/**
 * The bot did not understand the message (or it was a question already answered: then the
 * question is simply asked again). Turns it does not understand in a row take turns: the odd ones
 * say so and ask the question again (with its buttons), each time in other words; the even ones
 * offer the main choices, as buttons, and a person (DESIGN 16), each time in other words, and
 * return 'stuck' (callers drop anything a yes would agree to). So no message comes twice in a row,
 * and a debtor who keeps not being understood is never sent round the same two messages. The
 * phrase is counted for the agency's report (#12 item 14) unless `record` is false — messages that
 * may hold identity factors or a third party's contact are never counted.
 */
export async function notUnderstood(
  context: TurnContext,
  services: ConversationServices,
  question: readonly string[],
  options: { record?: boolean; choices?: Choice[] } = {},
): Promise<NotUnderstood> {
  const session = await sessionOf(context, services);
  if (context.turnState.get(ANSWERED) === true) {
    await ask(context, session, question, options.choices);
    return 'asked';
  }
  context.turnState.set(MISUNDERSTOOD, true);
  const count = (session.misunderstandings ?? 0) + 1;
  session.misunderstandings = count;
  const text = conversationOf(session);
  if (options.record !== false && context.activity.text) {
    await countUnanswered(services.db, { text: context.activity.text, language: session.language, now: services.now() });
  }
  if (count % 2 === 0) {
    const verified = session.accountId !== undefined;
    await ask(context, session, fresh(session, rotated(text.stuck(verified), count / 2 - 1)), await mainChoices(context, services, session));
    return 'stuck';
  }
  // The first time the first wordings; the third time the next ones; and so on.
  const round = (count - 1) / 2;
  const sorry = fresh(session, rotated(text.notUnderstood(), round));
  const questions = fresh(session, rotated(question, round));
  await ask(context, session, questions.flatMap((q) => sorry.map((s) => `${s} ${q}`)), options.choices);
  return 'asked';
}

/** `wordings`, starting from the `n`th. */
function rotated<T>(wordings: readonly T[], n: number): T[] {
  return wordings.map((_, i) => nth(wordings, n + i));
}

/** The main choices as buttons: the menu once verified (no payment choice while collection is paused), otherwise who we are and a person. */
async function mainChoices(context: TurnContext, services: ConversationServices, session: Session): Promise<Choice[]> {
  const replies = repliesFor(session.language);
  if (session.accountId === undefined) return replies.beforeVerification();
  const account = await verifiedAccount(context, services);
  return replies.menu(account ? collectionPauseReason(account) !== null : true);
}

/** At the end of a turn: a turn the bot understood starts the count of misunderstandings again. */
export function endOfTurn(context: TurnContext, session: Session): void {
  if (context.turnState.get(MISUNDERSTOOD) !== true) session.misunderstandings = 0;
}
