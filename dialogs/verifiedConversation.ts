import type { TurnContext } from 'botbuilder';
import { appendAudit } from '../src/audit.ts';
import { channelOf, conversationRecordId } from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import type { Tx } from '../src/db/database.ts';
import type { Account } from '../src/db/generated/client.ts';
import { isLanguage } from '../src/messages/catalogue.ts';

/**
 * The writes that go with a successful verification, run in its transaction (one commit on the
 * turn's path, issue 14): the conversation linked to the account, in the language it continues in —
 * the account's, unless the debtor chose one or is already reading Spanish (issue #19 item 5) —
 * and the debt-collector disclosure the next reply shows, audited for each verified account.
 */
export function linkVerifiedConversation(
  context: TurnContext,
  session: Session,
): (tx: Tx, verified: Array<Pick<Account, 'id' | 'language'>>) => Promise<void> {
  return async (tx, verified) => {
    const conversationId = conversationRecordId(context);
    const channel = channelOf(context);
    const first = verified[0]!;
    if (!session.languageChosen && session.language === 'en' && isLanguage(first.language)) session.language = first.language;
    if (conversationId) await tx.conversation.update({ where: { id: conversationId }, data: { accountId: first.id, language: session.language } });
    for (const account of verified) {
      await appendAudit(tx, { type: 'disclosure.shown', actor: 'bot', accountId: account.id, conversationId, detail: { channel, language: session.language } });
    }
    if (conversationId) session.storedLanguage = session.language;
  };
}
