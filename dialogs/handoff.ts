import type { TurnContext } from 'botbuilder';
import { formatOpening, isOfficeOpen, nextOfficeOpening } from '../src/domain/officeHours.ts';
import { queueHandoff, waitForNew, type HandoffReason } from '../src/handoff/queue.ts';
import { waitFor, withdrawRequestForPerson } from '../src/handoff/requests.ts';
import { conversationOf, catalogueOf, channelOf, conversationRecordId, sessionOf, type ConversationServices } from '../src/bot/services.ts';

/** When officers are back, formatted, or null while they are at work (or work around the clock). */
function officersBackAt(services: ConversationServices, locale: string): string | null {
  const hours = services.officeHours;
  const now = services.now();
  if (!hours || isOfficeOpen(hours, now)) return null;
  return formatOpening(nextOfficeOpening(hours, now), hours, locale);
}

/**
 * Queues the conversation for an officer (about `accountId`, default the verified account) and,
 * unless `quiet`, tells the debtor the expected wait —
 * or, outside the hours officers work, when they are back (never minutes that cannot be kept).
 */
export async function handOff(
  context: TurnContext,
  services: ConversationServices,
  reason: HandoffReason,
  options: { detail?: Record<string, unknown>; quiet?: boolean; accountId?: string | null } = {},
): Promise<void> {
  const session = await sessionOf(context, services);
  const queued = await queueHandoff(services.db, {
    reason,
    conversationId: conversationRecordId(context),
    accountId: options.accountId ?? session.accountId ?? null,
    detail: { channel: channelOf(context), ...options.detail },
  });
  if (options.quiet) return;
  const text = catalogueOf(session);
  const backAt = officersBackAt(services, text.locale);
  await context.sendActivity(
    backAt ? conversationOf(session).handoffQueuedClosed(backAt, channelOf(context)) : text.handoffQueued(queued.expectedWaitMinutes, channelOf(context)),
  );
}

/** "How long is the wait?": from the queue, or when officers are back. */
export async function answerWait(context: TurnContext, services: ConversationServices): Promise<void> {
  const session = await sessionOf(context, services);
  const text = conversationOf(session);
  const wait = await waitFor(services.db, conversationRecordId(context));
  if (!wait.waiting) {
    // "how long would it take to talk to someone?": the wait if they asked now (review 9, F11).
    const backAt = officersBackAt(services, catalogueOf(session).locale);
    await context.sendActivity(text.notWaiting((await waitForNew(services.db)).expectedWaitMinutes, backAt));
    return;
  }
  if (wait.taken) {
    await context.sendActivity(text.handoffTaken());
    return;
  }
  const backAt = officersBackAt(services, catalogueOf(session).locale);
  await context.sendActivity(backAt ? text.waitTimeClosed(backAt) : text.waitTime(wait.expectedWaitMinutes, wait.ahead));
}

/**
 * "Never mind, I'll stay with the bot": the debtor's own request for a person is cancelled.
 * Returns false when there was no request to withdraw (the words then mean something else).
 */
export async function withdrawPersonRequest(context: TurnContext, services: ConversationServices): Promise<boolean> {
  const session = await sessionOf(context, services);
  const text = conversationOf(session);
  const outcome = await withdrawRequestForPerson(services.db, { conversationId: conversationRecordId(context), accountId: session.accountId ?? null, now: services.now() });
  if (outcome === 'none') return false;
  await context.sendActivity({ withdrawn: text.handoffWithdrawn(), stays: text.handoffStays(), taken: text.handoffTaken() }[outcome]);
  return true;
}
