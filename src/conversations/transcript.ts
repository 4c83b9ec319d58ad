import type { Db, Tx } from '../db/database.ts';
import { turnStoreFor } from '../storage/turnStore.ts';

export type Channel = 'web' | 'sms' | 'test' | (string & {});

/** The channel conversation's record (created on its first message), on the turn store's prepared statement. */
export function ensureConversation(db: Db, externalId: string, channel: Channel): Promise<{ id: string; holder: string; accountId: string | null }> {
  return turnStoreFor(db).ensureConversation(externalId, channel);
}

export interface TranscriptMessage {
  conversationId: string;
  direction: 'in' | 'out';
  author: 'debtor' | 'bot' | 'officer';
  /** Must already be redacted. */
  text: string;
  at?: Date;
}

/** Appends to the transcript in one write. */
export async function appendMessages(db: Db | Tx, messages: TranscriptMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await db.message.createMany({
    data: messages.map((m) => ({ conversationId: m.conversationId, direction: m.direction, author: m.author, text: m.text, createdAt: m.at ?? new Date() })),
  });
}
