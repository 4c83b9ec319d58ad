import type { Db, Tx } from '../db/database.ts';
import type { OutboxMessage } from '../db/generated/client.ts';

export type OutboxChannel = 'sms' | 'web' | 'email';
/** outreach: a campaign's first text or email (src/outreach). */
export type OutboxKind = 'reply' | 'receipt' | 'reminder' | 'payment_failed' | 'officer' | 'notice' | 'outreach';

export interface NewOutboxMessage {
  channel: OutboxChannel;
  /** E.164 phone (sms), the Direct Line conversation id (web) or an email address (email). */
  to: string;
  conversationId?: string | null;
  accountId?: string | null;
  kind: OutboxKind;
  /** Already redacted, from a message catalogue. Email: JSON { subject, text } (src/channels/email/compose.ts). */
  body: string;
  /** False only for a reply to the debtor's own message (allowed at any hour). */
  botInitiated: boolean;
  /** Earliest moment it may go (the channel worker may hold it later still: quiet hours, caps). */
  notBefore?: Date;
  /** Makes enqueueing idempotent: a second message with the same key is not added. */
  dedupeKey?: string;
}

/** One durable outbox for everything sent outside a turn's own replies. Idempotent by dedupeKey. */
export async function enqueueMessage(db: Db | Tx, message: NewOutboxMessage): Promise<OutboxMessage> {
  const data = {
    channel: message.channel,
    to: message.to,
    conversationId: message.conversationId ?? null,
    accountId: message.accountId ?? null,
    kind: message.kind,
    body: message.body,
    botInitiated: message.botInitiated,
    notBefore: message.notBefore ?? new Date(),
    nextAttemptAt: message.notBefore ?? new Date(),
    dedupeKey: message.dedupeKey ?? null,
  };
  if (!message.dedupeKey) return db.outboxMessage.create({ data });
  return db.outboxMessage.upsert({ where: { dedupeKey: message.dedupeKey }, create: data, update: {} });
}

/** Delivers one outbox message on its channel; throws to have the worker retry. */
export interface OutboxDeliverer {
  channel: OutboxChannel;
  deliver(message: OutboxMessage): Promise<{ providerRef?: string }>;
}
