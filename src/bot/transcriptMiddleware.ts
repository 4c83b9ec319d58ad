import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';
import { scrubRemovedData, type Db, type Tx } from '../db/database.ts';
import { maskIdentityFactors, redactCardAcrossMessages, redactCardNumbers } from '../domain/redaction.ts';
import { wellFormed } from '../domain/wellFormedText.ts';
import { appendMessages, type TranscriptMessage } from '../conversations/transcript.ts';
import { CARD_REMOVED, CONVERSATION_HOLDER, CONVERSATION_RECORD, REWRITTEN_DEBTOR_MESSAGES, SENSITIVE_TURN, channelOf } from './services.ts';
import { currentTurnUnit } from './turnUnit.ts';
import { turnStoreFor } from '../storage/turnStore.ts';

/** The debtor's message as typed, after card numbers are removed. */
const TYPED_TEXT = Symbol('typedText');

/**
 * A conversation's "last activity" (Conversation.lastActivityAt, shown in the officer console) is
 * moved when older than this: not a write on every turn of a lively conversation.
 */
export const TOUCH_EVERY_MS = 60_000;

/** How far back a card number split over messages is looked for. */
const SPLIT_CARD_WINDOW_MS = 15 * 60_000;

/**
 * The debtor's message as stored and shown back (transcript, Web Chat echo): card numbers already
 * removed; a verification answer (it may hold a ZIP, a date of birth or SSN digits) with dates and
 * then every digit masked.
 */
export function storedDebtorText(context: TurnContext): string {
  // As typed: an SMS "2" read as the choice it picks is stored as "2" (src/replies/replyRenderer.ts).
  const text = (context.turnState.get(TYPED_TEXT) as string | undefined) ?? context.activity.text ?? '';
  return context.turnState.get(SENSITIVE_TURN) === true ? maskIdentityFactors(text).replace(/\d/g, '•') : text;
}

/**
 * Card numbers are removed from the debtor's message before anything (dialogs, recognizers, logs,
 * the transcript) sees it (PCI DSS). Every message in and out is stored in the transcript;
 * messages that carried identity factors are stored masked.
 */
export class TranscriptMiddleware implements Middleware {
  constructor(private readonly db: Db) {}

  /**
   * A message that starts with digits may finish a card number begun in the debtor's previous
   * messages. Then the new text without it is returned, and the earlier messages' stored copies are
   * rewritten in the turn's commit (the channel rewrites its own copies: REWRITTEN_DEBTOR_MESSAGES);
   * after the commit the database's free pages and write-ahead log are scrubbed of the old text.
   */
  private async cardAcrossMessages(context: TurnContext, conversationId: string, text: string): Promise<string | null> {
    const earlier = await turnStoreFor(this.db).recentDebtorMessages(conversationId, { limit: 3, since: new Date(Date.now() - SPLIT_CARD_WINDOW_MS) });
    if (earlier.length === 0) return null;
    const result = redactCardAcrossMessages(earlier.map((m) => m.text), text);
    if (!result.found) return null;
    const rewritten = earlier.map((m, i) => ({ id: m.id, old: m.text, text: result.earlier[i]! })).filter((m) => m.old !== m.text);
    context.turnState.set(REWRITTEN_DEBTOR_MESSAGES, rewritten);
    const unit = currentTurnUnit();
    const rewrite = (store: Db | Tx) => Promise.all(rewritten.map((m) => store.message.update({ where: { id: m.id }, data: { text: m.text } })));
    if (unit) {
      unit.deferred.push(async (tx) => void (await rewrite(tx)));
      unit.afterCommit.push(() => void scrubRemovedData(this.db));
    } else {
      await rewrite(this.db);
      await scrubRemovedData(this.db);
    }
    return result.text;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationExternalId = context.activity.conversation?.id;
    if (!conversationExternalId) return next();
    const receivedAt = new Date();
    const isMessage = context.activity.type === 'message' && typeof context.activity.text === 'string';
    const unitAtStart = currentTurnUnit();
    const opened = unitAtStart?.opening?.conversation;
    // The record was read with the turn's opening; it is marked active with the commit (at most once a minute).
    const conversation = opened ?? (await turnStoreFor(this.db).ensureConversation(conversationExternalId, channelOf(context)));
    if (opened && unitAtStart && receivedAt.getTime() - opened.lastActivityAt.getTime() >= TOUCH_EVERY_MS) {
      unitAtStart.touchConversation = { id: opened.id, at: receivedAt };
    }
    context.turnState.set(CONVERSATION_RECORD, conversation.id);
    context.turnState.set(CONVERSATION_HOLDER, conversation.holder);
    if (isMessage) {
      // Text that cannot be stored (a lone surrogate) would lose the turn's transcript rows.
      context.activity.text = wellFormed(context.activity.text);
      const redacted = redactCardNumbers(context.activity.text);
      const text = redacted.text;
      const split = /^\s*\p{Nd}/u.test(text) ? await this.cardAcrossMessages(context, conversation.id, text) : null;
      if (redacted.found || split) {
        context.activity.text = split ?? text;
        context.turnState.set(CARD_REMOVED, true);
      }
      context.turnState.set(TYPED_TEXT, context.activity.text);
    }

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
      if (unit) unit.transcript = messages;
      else await appendMessages(this.db, messages());
    }
  }
}
