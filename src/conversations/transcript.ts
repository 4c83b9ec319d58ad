import type { Db, Tx } from '../db/database.ts';

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
