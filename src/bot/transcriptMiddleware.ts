import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';
import type { Db } from '../db/database.ts';
import { redactCardNumbers, maskIdentityFactors } from '../domain/redaction.ts';
import { wellFormed } from '../domain/wellFormedText.ts';
import { appendMessages, ensureConversation, type TranscriptMessage } from '../conversations/transcript.ts';
import { CARD_REMOVED, CONVERSATION_HOLDER, CONVERSATION_RECORD, SENSITIVE_TURN, channelOf } from './services.ts';
import { currentTurnUnit } from './turnUnit.ts';

/**
 * The debtor's message as stored and shown back (transcript, Web Chat echo): card numbers already
 * removed; a verification answer (it may hold a ZIP, a date of birth or SSN digits) with dates and
 * then every digit masked.
 */
export function storedDebtorText(context: TurnContext): string {
  const text = context.activity.text ?? '';
  return context.turnState.get(SENSITIVE_TURN) === true ? maskIdentityFactors(text).replace(/\d/g, '•') : text;
}

/**
 * Card numbers are removed from the debtor's message before anything (dialogs, recognizers, logs,
 * the transcript) sees it (PCI DSS). Every message in and out is stored in the transcript;
 * messages that carried identity factors are stored masked.
 */
export class TranscriptMiddleware implements Middleware {
  constructor(private readonly db: Db) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationExternalId = context.activity.conversation?.id;
    if (!conversationExternalId) return next();
    const receivedAt = new Date();
    const isMessage = context.activity.type === 'message' && typeof context.activity.text === 'string';
    if (isMessage) {
      // Text that cannot be stored (a lone surrogate) would lose the turn's transcript rows.
      context.activity.text = wellFormed(context.activity.text);
      const redacted = redactCardNumbers(context.activity.text);
      if (redacted.found) {
        context.activity.text = redacted.text;
        context.turnState.set(CARD_REMOVED, true);
      }
    }
    const conversation = await ensureConversation(this.db, conversationExternalId, channelOf(context));
    context.turnState.set(CONVERSATION_RECORD, conversation.id);
    context.turnState.set(CONVERSATION_HOLDER, conversation.holder);

    const outgoing: Array<{ text: string; at: Date }> = [];
    context.onSendActivities(async (_ctx, activities: Partial<Activity>[], sendNext: () => Promise<ResourceResponse[]>) => {
      for (const activity of activities) {
        if (activity.type === 'message' && activity.text) outgoing.push({ text: redactCardNumbers(activity.text).text, at: new Date() });
      }
      return sendNext();
    });

    // Built when written: replies sent after this middleware returns (an error answer) are included.
    const messages = (): TranscriptMessage[] => {
      const rows: TranscriptMessage[] = [];
      if (isMessage) {
        rows.push({ conversationId: conversation.id, direction: 'in', author: 'debtor', text: storedDebtorText(context), at: receivedAt });
      }
      for (const message of outgoing) {
        rows.push({ conversationId: conversation.id, direction: 'out', author: 'bot', text: message.text, at: message.at });
      }
      return rows;
    };
    try {
      await next();
    } finally {
      // Inside a turn unit the transcript is written with the turn's commit (src/bot/turnCommit.ts).
      const unit = currentTurnUnit();
      if (unit) unit.deferred.push((tx) => appendMessages(tx, messages()));
      else await appendMessages(this.db, messages());
    }
  }
}
