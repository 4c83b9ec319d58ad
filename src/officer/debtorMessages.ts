/**
 * Messages from the officer side (an officer's own words, or a catalogue text sent because of an
 * officer's decision) to the debtor of one conversation, on that conversation's channel: web chat
 * or SMS, always through the outbox, so the SMS rules (opt-out, quiet hours for messages we start,
 * weekly cap) apply. The message is added to the transcript at the same time.
 */
import type { Db, Tx } from '../db/database.ts';
import { enqueueMessage, type OutboxChannel, type OutboxKind } from '../outbox/outbox.ts';
import { phoneOfSmsConversation } from '../channels/sms/recipients.ts';

/** A message is a reply (allowed at any hour) when the debtor wrote within this window. */
export const REPLY_WINDOW_MS = 60 * 60_000;

export interface ConversationAddress {
  id: string;
  channel: string;
  externalId: string;
  accountId: string | null;
}

/** Where the conversation's debtor is reached, or null for a channel we cannot write to (e.g. tests). */
export function addressOf(conversation: ConversationAddress): { channel: OutboxChannel; to: string } | null {
  if (conversation.channel === 'web') return { channel: 'web', to: conversation.externalId };
  const phone = conversation.channel === 'sms' ? phoneOfSmsConversation(conversation.externalId) : null;
  if (phone) return { channel: 'sms', to: phone };
  return null;
}

/** True when the debtor's last message is recent enough for ours to count as a reply to it. */
export function isReplyToDebtor(lastDebtorMessageAt: Date | null, now: Date): boolean {
  return lastDebtorMessageAt !== null && now.getTime() - lastDebtorMessageAt.getTime() <= REPLY_WINDOW_MS;
}

export interface OfficerSideMessage {
  /** Redacted text, from the officer or a catalogue. */
  body: string;
  kind?: OutboxKind;
  officerId: string;
  now: Date;
  /** Makes the send idempotent (a retried request does not send twice). */
  dedupeKey?: string;
}

export class UnreachableConversationError extends Error {
  constructor() {
    super('This conversation has no web chat or SMS channel to write to.');
    this.name = 'UnreachableConversationError';
  }
}

/**
 * Queues `message` for the conversation's debtor and records it in the transcript. Throws
 * UnreachableConversationError for a conversation on no channel we deliver to.
 */
export async function sendToDebtor(db: Db | Tx, conversation: ConversationAddress, message: OfficerSideMessage): Promise<{ outboxId: string; botInitiated: boolean }> {
  const address = addressOf(conversation);
  if (!address) throw new UnreachableConversationError();
  if (message.dedupeKey) {
    const sent = await db.outboxMessage.findUnique({ where: { dedupeKey: message.dedupeKey }, select: { id: true, botInitiated: true } });
    if (sent) return { outboxId: sent.id, botInitiated: sent.botInitiated };
  }
  const lastIn = await db.message.findFirst({
    where: { conversationId: conversation.id, direction: 'in' },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const botInitiated = !isReplyToDebtor(lastIn?.createdAt ?? null, message.now);
  const outbox = await enqueueMessage(db, {
    channel: address.channel,
    to: address.to,
    conversationId: conversation.id,
    accountId: conversation.accountId,
    kind: message.kind ?? 'officer',
    body: message.body,
    botInitiated,
    notBefore: message.now,
    dedupeKey: message.dedupeKey,
  });
  await db.message.create({
    data: { conversationId: conversation.id, direction: 'out', author: 'officer', officerId: message.officerId, text: message.body, createdAt: message.now },
  });
  return { outboxId: outbox.id, botInitiated };
}
