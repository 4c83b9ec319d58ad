import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';
import type { Db } from '../db/database.ts';
import { redactCardNumbers, maskIdentityFactors } from '../domain/redaction.ts';
import { appendMessages, ensureConversation, type TranscriptMessage } from '../conversations/transcript.ts';
import { CARD_REMOVED, CONVERSATION_HOLDER, CONVERSATION_RECORD, SENSITIVE_TURN, channelOf } from './services.ts';

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
      const redacted = redactCardNumbers(context.activity.text);
      if (redacted.found) {
        context.activity.text = redacted.text;
        context.turnState.set(CARD_REMOVED, true);
      }
    }
    // As typed (after card numbers are removed): a dialog may read an SMS "2" as the choice it picks.
    const typed = context.activity.text;
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

    try {
      await next();
    } finally {
      const messages: TranscriptMessage[] = [];
      if (isMessage) {
        const sensitive = context.turnState.get(SENSITIVE_TURN) === true;
        // A verification answer may hold a ZIP, a date of birth or SSN digits: mask dates, then every digit.
        const text = sensitive ? maskIdentityFactors(typed!).replace(/\d/g, '•') : typed!;
        messages.push({ conversationId: conversation.id, direction: 'in', author: 'debtor', text, at: receivedAt });
      }
      for (const message of outgoing) {
        messages.push({ conversationId: conversation.id, direction: 'out', author: 'bot', text: message.text, at: message.at });
      }
      await appendMessages(this.db, messages);
    }
  }
}
