import type { Db } from '../db/database.ts';

export type Channel = 'web' | 'sms' | 'test' | (string & {});

/** The conversation record for a channel conversation id, created on first sight. */
export async function ensureConversation(db: Db, externalId: string, channel: Channel): Promise<{ id: string; holder: string; accountId: string | null }> {
  return db.conversation.upsert({
    where: { externalId },
    create: { externalId, channel },
    update: { lastActivityAt: new Date() },
    select: { id: true, holder: true, accountId: true },
  });
}

/** Appends to the transcript. `text` must already be redacted. */
export async function appendMessage(
  db: Db,
  message: { conversationId: string; direction: 'in' | 'out'; author: 'debtor' | 'bot' | 'officer'; text: string; at?: Date },
): Promise<void> {
  await db.message.create({
    data: { conversationId: message.conversationId, direction: message.direction, author: message.author, text: message.text, createdAt: message.at ?? new Date() },
  });
}
