import type { DialogContext } from 'botbuilder-dialogs';
import { withdrawEsignConsent } from '../src/accounts/consent.ts';
import { catalogueOf, channelOf, conversationRecordId, sessionOf, type ConversationServices } from '../src/bot/services.ts';
import { RightsDialog } from './rightsDialog.ts';

/**
 * "Send me paper copies", "I don't want electronic notices": the debtor withdraws E-SIGN consent
 * (DESIGN 3, 1006.42). Verified with a consent in force: withdrawn, audited, the validation notice
 * mailed on paper, confirmed. Verified without one: notices already go by mail. Not verified:
 * nothing about any account; the debtor is asked to verify and say it again.
 *
 * Returns what the router does next: 'none' lets the open E-SIGN question take the words as its
 * answer (a no), 'reprompt' asks the active dialog's question again.
 */
export async function answerConsentWithdrawal(dc: DialogContext, services: ConversationServices): Promise<'none' | 'reprompt'> {
  const { context } = dc;
  const session = await sessionOf(context, services);
  const text = catalogueOf(session);
  if (!session.accountId) {
    await context.sendActivity(text.verifyFirstToChangeNotices());
    return 'reprompt';
  }
  const { withdrawn } = await withdrawEsignConsent(services.db, {
    accountId: session.accountId,
    channel: channelOf(context),
    conversationId: conversationRecordId(context),
    now: services.now(),
  });
  if (withdrawn) {
    await context.sendActivity(text.esignWithdrawn());
    return 'reprompt';
  }
  if (dc.activeDialog?.id === RightsDialog.id) return 'none';
  await context.sendActivity(text.noticesByMail());
  return 'reprompt';
}
