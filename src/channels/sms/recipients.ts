/**
 * Facts about an SMS recipient (a phone number) that every SMS path needs: whether the number has
 * opted out, the conversation it belongs to, and the language to answer in.
 */
import type { Db, Tx } from '../../db/database.ts';
import type { OutboxMessage } from '../../db/generated/client.ts';
import { isLanguage, type Language } from '../../messages/catalogue.ts';

/** The Bot Framework conversation id (and Conversation.externalId) of a phone's SMS thread. */
export function smsConversationId(phone: string): string {
  return `sms:${phone}`;
}

/** The phone of an SMS thread's conversation id (see smsConversationId), or null for another id. */
export function phoneOfSmsConversation(conversationId: string): string | null {
  const prefix = smsConversationId('');
  return conversationId.startsWith(prefix) ? conversationId.slice(prefix.length) : null;
}

/** An E.164 phone number, the only kind of sender we answer. */
export function isE164(phone: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(phone);
}

/**
 * dedupeKey prefix of the one confirmation sent after an opt-out: the only SMS ever allowed to an
 * opted-out number (it is created in the same transaction that records the opt-out).
 */
export const OPT_OUT_CONFIRMATION_KEY_PREFIX = 'sms:opt_out:';

export function isOptOutConfirmation(message: Pick<OutboxMessage, 'dedupeKey' | 'botInitiated'>): boolean {
  return !message.botInitiated && (message.dedupeKey ?? '').startsWith(OPT_OUT_CONFIRMATION_KEY_PREFIX);
}

/**
 * Messages a STOP does not cancel: the one opt-out confirmation, and the receipt for a payment the
 * debtor made before the STOP (a reply to their own act, queued before the STOP; issue #16 item 4,
 * README "Receipts"). No receipt is queued to a number already opted out: the ledger then writes
 * to the web chat, and the payment page and the debtor's record are the receipt.
 */
export function survivesOptOut(message: Pick<OutboxMessage, 'dedupeKey' | 'botInitiated' | 'kind'>): boolean {
  return isOptOutConfirmation(message) || (message.kind === 'receipt' && !message.botInitiated);
}

/**
 * True when texts to `phone` are forbidden: an account with that phone is opted out, or — for a
 * number with no account — the last STOP/START on its SMS thread was a STOP (kept in the audit log).
 */
export async function isSmsOptedOut(db: Db | Tx, phone: string): Promise<boolean> {
  if ((await db.account.count({ where: { phone, smsOptOut: true } })) > 0) return true;
  const conversation = await db.conversation.findUnique({ where: { externalId: smsConversationId(phone) }, select: { id: true } });
  if (!conversation) return false;
  const last = await db.auditEvent.findFirst({
    where: { conversationId: conversation.id, type: { in: ['sms.opt_out', 'sms.opt_in'] } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { type: true },
  });
  return last?.type === 'sms.opt_out';
}

/** The language for texts to a phone: Spanish only when every account with that phone is Spanish. */
export async function languageForPhone(db: Db | Tx, phone: string): Promise<Language> {
  const accounts = await db.account.findMany({ where: { phone }, select: { language: true } });
  if (accounts.length > 0 && accounts.every((a) => a.language === 'es')) return 'es';
  return 'en';
}

/** The language of an outbox message: its account's, else the phone's. */
export async function languageForMessage(db: Db | Tx, message: Pick<OutboxMessage, 'accountId' | 'to'>): Promise<Language> {
  if (message.accountId) {
    const account = await db.account.findUnique({ where: { id: message.accountId }, select: { language: true } });
    if (account && isLanguage(account.language)) return account.language;
  }
  return languageForPhone(db, message.to);
}
