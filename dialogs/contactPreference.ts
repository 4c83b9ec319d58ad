import type { TurnContext } from 'botbuilder';
import { recordContactPreference } from '../src/accounts/contactPreference.ts';
import { channelOf, conversationRecordId, type ConversationServices } from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import { contactPreferenceMessagesFor, summarizeContactPreference } from '../src/messages/contactPreference.ts';
import type { ContactPreference, Recognition } from '../src/nlu/recognizer.ts';

/**
 * "Don't call me before 9, texts are fine": a time, place or channel that is inconvenient (DESIGN
 * 18, Reg F 1006.6(b)(1)) — never a cease. Verified: recorded on the account with an audit event and
 * confirmed in the debtor's words back. Not verified: confirmed as noted, recorded once they are.
 */
export async function noteContactPreference(context: TurnContext, services: ConversationServices, session: Session, recognition: Recognition): Promise<void> {
  const preference = recognition.entities.contactPreference;
  const text = contactPreferenceMessagesFor(session.language);
  const summary = preference ? summarizeContactPreference(text, preference) : '';
  if (session.accountId) {
    await record(context, services, session.accountId, preference);
    await context.sendActivity(summary ? text.recorded(summary) : text.recordedUnclear());
    return;
  }
  session.pendingContactPreference = { preference: preference ?? null };
  await context.sendActivity(summary ? text.noted(summary) : text.notedUnclear());
}

/** After verification: the preference stated before it. */
export async function recordPendingContactPreference(context: TurnContext, services: ConversationServices, session: Session): Promise<void> {
  const pending = session.pendingContactPreference;
  if (!pending || !session.accountId) return;
  delete session.pendingContactPreference;
  await record(context, services, session.accountId, pending.preference ?? undefined);
}

async function record(context: TurnContext, services: ConversationServices, accountId: string, preference: ContactPreference | undefined): Promise<void> {
  await recordContactPreference(services.db, { accountId, conversationId: conversationRecordId(context), channel: channelOf(context), now: services.now() }, preference);
}
