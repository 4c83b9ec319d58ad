/**
 * The chat link in an outreach email opens the website chat on that email's account (issue #17
 * item 5): the conversation skips "which account?" and asks the date of birth, then the ZIP or SSN
 * last 4, like a text from the phone on file. The link alone proves nothing — it may have been
 * forwarded or read by someone else — so nothing about the account is said before those answers,
 * and wrong answers count against the account as usual.
 *
 * A link is good for CHAT_LINK_DAYS after its email left; an older, unknown or altered one opens
 * the chat as a plain one.
 */
import type { TurnContext } from 'botbuilder';
import { appendAudit } from '../audit.ts';
import { conversationRecordId, type ConversationServices } from '../bot/services.ts';
import type { Db } from '../db/database.ts';
import { readLinkToken } from '../channels/email/links.ts';

export const CHAT_LINK_DAYS = 30;

/** The account and campaign a chat link was sent for, or null when it does not open one. */
export async function chatLinkAccount(db: Db, linkKey: string, token: unknown, now: Date): Promise<{ accountId: string; outboxId: string } | null> {
  if (typeof token !== 'string') return null;
  const outboxId = readLinkToken(linkKey, 'chat', token);
  if (!outboxId) return null;
  const message = await db.outboxMessage.findUnique({ where: { id: outboxId }, select: { kind: true, channel: true, status: true, sentAt: true, accountId: true } });
  if (!message || message.kind !== 'outreach' || message.channel !== 'email' || message.status !== 'sent' || !message.sentAt || !message.accountId) return null;
  if (now.getTime() - message.sentAt.getTime() > CHAT_LINK_DAYS * 86_400_000) return null;
  return { accountId: message.accountId, outboxId };
}

/**
 * At the start of a web conversation: the account its chat link points to (recorded as opened), or
 * null. Only the conversation's first activity carries the link.
 */
export async function accountFromChatLink(context: TurnContext, services: ConversationServices): Promise<string | null> {
  const start = (context.activity.channelData as { start?: unknown } | undefined)?.start;
  if (start === undefined) return null;
  const found = await chatLinkAccount(services.db, services.hashKey, start, services.now());
  if (!found) return null;
  await appendAudit(services.db, { type: 'outreach.chat_opened', actor: 'debtor', accountId: found.accountId, conversationId: conversationRecordId(context), detail: { channel: 'web', outboxId: found.outboxId } });
  return found.accountId;
}
