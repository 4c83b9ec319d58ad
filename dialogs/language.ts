import type { TurnContext } from 'botbuilder';
import { appendAudit } from '../src/audit.ts';
import { writtenLanguage } from '../src/bot/language.ts';
import { catalogueOf, channelOf, conversationRecordId, verifiedAccount, type ConversationServices } from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';

/**
 * The first language the debtor clearly writes in is the conversation's from then on, as if they
 * had asked (issue #19 item 5): a Spanish speaker is never switched back to English by an English
 * account. After that, only asking by name ("english please", "español") changes it.
 */
export async function followWrittenLanguage(context: TurnContext, services: ConversationServices, session: Session, { announce }: { announce: boolean }): Promise<void> {
  if (session.languageChosen) return;
  const written = writtenLanguage(context.activity.text ?? '');
  if (!written) return;
  const switched = written !== session.language;
  session.language = written;
  session.languageChosen = true;
  await rememberLanguage(context, services, session);
  if (!switched) return;
  // On the first message there is nothing to switch from: the greeting itself comes in that language.
  if (announce) await announceLanguage(context, session);
}

const ANNOUNCED = Symbol('languageAnnounced');

/** "OK, I will continue in Spanish", said once in a turn (a message written in Spanish that also asks for it). */
export async function announceLanguage(context: TurnContext, session: Session): Promise<void> {
  if (context.turnState.get(ANNOUNCED) === session.language) return;
  context.turnState.set(ANNOUNCED, session.language);
  await context.sendActivity(catalogueOf(session).languageSwitched());
}

/**
 * The language the debtor chose becomes the account's preferred language (audited), so the notice,
 * receipts and officers' messages follow it. Only for a verified debtor, and only a language the
 * debtor chose (asked for, or wrote in) — never one merely guessed from a browser or the account.
 */
export async function rememberLanguage(context: TurnContext, services: ConversationServices, session: Session): Promise<void> {
  if (!session.accountId || !session.languageChosen) return;
  const conversationId = conversationRecordId(context);
  if (conversationId && session.storedLanguage !== session.language) {
    await services.db.conversation.update({ where: { id: conversationId }, data: { language: session.language } });
    session.storedLanguage = session.language;
  }
  const verified = await verifiedAccount(context, services);
  const accounts = session.accountIds ?? [session.accountId];
  for (const accountId of accounts) {
    // Already the account's language (read with the turn): nothing to write or audit.
    if (verified?.id === accountId && verified.language === session.language) continue;
    const { count } = await services.db.account.updateMany({ where: { id: accountId, language: { not: session.language } }, data: { language: session.language } });
    if (count === 0) continue;
    await appendAudit(services.db, {
      type: 'account.language_changed',
      actor: 'debtor',
      accountId,
      conversationId,
      detail: { language: session.language, channel: channelOf(context) },
    });
  }
}
