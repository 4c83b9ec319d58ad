import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { catalogueOf, checkInOf, recognitionOf, type ConversationServices } from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import { readSafetyAnswer } from '../src/nlu/checkIn.ts';
import { handOff } from './handoff.ts';
import { ask } from './prompts.ts';

/**
 * A weaker sign of crisis ("I can't go on like this", 'distress'): before anything else, one gentle
 * question — are you safe right now? (issue #11 item 2, DESIGN 8). Whatever the conversation was
 * doing waits; nothing about the debt is said. The answer is understood (src/nlu/checkIn.ts): a
 * clear yes gets thanks, 988 any time and a person whenever they want; anything else — a no, "not
 * sure", another sign, no clear answer — is treated as a crisis: the priority handoff and 988.
 */
export async function askCheckIn(context: TurnContext, session: Session, now: number): Promise<void> {
  session.checkIn = { askedAt: now };
  session.distressed = true;
  await context.sendActivity(checkInOf(session).ask());
}

/** Answers the pending check-in with this message. */
export async function answerCheckIn(dc: DialogContext, services: ConversationServices, session: Session): Promise<void> {
  const { context } = dc;
  delete session.checkIn;
  const answer = readSafetyAnswer(context.activity.text ?? '', await recognitionOf(context, services));
  if (answer === 'safe') {
    await context.sendActivity(checkInOf(session).safe());
    return;
  }
  if (answer === 'agent') {
    await handOff(context, services, 'asked');
    return;
  }
  session.mode = 'crisis';
  await dc.cancelAllDialogs();
  await answerCrisis(context, services, session);
}

/**
 * A crisis sign (DESIGN 8): the top-priority handoff (queued again, so it is there even if an
 * officer closed it), and the crisis script with 988 and 911. Said once in a conversation: a
 * further hopeless message is acknowledged in other words that keep 988, 911 and the person —
 * never the same script again, and never anything about paying.
 */
export async function answerCrisis(context: TurnContext, services: ConversationServices, session: Session): Promise<void> {
  await handOff(context, services, 'crisis', { quiet: true });
  if (session.crisisAnswered) {
    await ask(context, session, catalogueOf(session).crisisAgain());
    return;
  }
  session.crisisAnswered = true;
  await context.sendActivity(catalogueOf(session).crisis());
}
