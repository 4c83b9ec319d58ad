import type { TurnContext } from 'botbuilder';
import { withdrawEsignConsent } from '../src/accounts/consent.ts';
import { isReportedStatus, recordCease, recordDispute, recordReportedStatus } from '../src/accounts/rights.ts';
import { channelOf, conversationRecordId, recognitionOf, type ConversationServices } from '../src/bot/services.ts';
import type { Session } from '../src/bot/session.ts';
import { queueHandoff, type HandoffReason } from '../src/handoff/queue.ts';

/**
 * While an officer holds the conversation the bot says nothing, but a right the debtor exercises
 * is still recorded (DESIGN 3-8): the dispute, cease, reported status or E-SIGN withdrawal on the
 * account with its audit event, and the reason added to the open escalation, where the officer sees it at once. A
 * crisis raises the escalation to the top of the queue. The officer answers the debtor; after a
 * hand-back the bot keeps to what a cease or a crisis allows.
 */
export async function recordRightsSilently(context: TurnContext, services: ConversationServices, session: Session): Promise<void> {
  const recognition = await recognitionOf(context, services);
  const intent = recognition.intent;
  const conversationId = conversationRecordId(context) ?? null;
  const channel = channelOf(context);
  const where = session.accountId ? { accountId: session.accountId, conversationId, channel } : null;
  const escalate = (reason: HandoffReason) =>
    queueHandoff(services.db, { reason, conversationId, accountId: session.accountId ?? null, detail: { channel, whileWithOfficer: true } });

  if (recognition.intents.includes('crisis')) {
    session.mode = 'crisis';
    await escalate('crisis');
  }
  if (intent === 'dispute' || intent === 'original_creditor') {
    if (where) await recordDispute(services.db, { ...where, kind: intent, words: context.activity.text ?? '' });
    await escalate(intent);
  } else if (intent === 'cease') {
    if (where) await recordCease(services.db, where);
    if (session.mode === 'normal') session.mode = 'ceased';
    await escalate('cease');
  } else if (intent === 'attorney') {
    await escalate('attorney');
  } else if (intent === 'withdraw_consent') {
    // Notices go by mail from now on; the audit trail in the console shows it to the officer.
    if (where) await withdrawEsignConsent(services.db, { ...where, now: services.now() });
  } else if (isReportedStatus(intent)) {
    if (where) await recordReportedStatus(services.db, { ...where, status: intent });
    await escalate(intent);
  }
}
