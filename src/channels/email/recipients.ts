/**
 * Facts about an email address every email path needs: whether it unsubscribed or bounced, and the
 * records of both (an account flag on every account with the address, an audit event, and every
 * email still waiting to it cancelled). An opt-out is honoured before the next send (1006.6(e)).
 */
import { appendAudit } from '../../audit.ts';
import type { Db, Tx } from '../../db/database.ts';

/** True when email to `address` must not go: an account with it unsubscribed, or it bounced. */
export async function isEmailStopped(db: Db | Tx, address: string): Promise<'email_opted_out' | 'email_bounced' | null> {
  const accounts = await db.account.findMany({ where: { email: address }, select: { emailOptOut: true, emailBouncedAt: true } });
  if (accounts.some((a) => a.emailOptOut)) return 'email_opted_out';
  if (accounts.some((a) => a.emailBouncedAt)) return 'email_bounced';
  return null;
}

async function stopAddress(tx: Tx, address: string, reason: string): Promise<void> {
  await tx.outboxMessage.updateMany({
    where: { channel: 'email', to: address, status: { in: ['pending', 'held'] } },
    data: { status: 'cancelled', lastError: reason, deliveryStatus: 'cancelled' },
  });
}

/**
 * The one-click opt-out of the email an outbox message was: every account with that address stops
 * getting email. Returns false for an unknown message. Repeating it changes nothing.
 */
export async function unsubscribeByMessage(db: Db, outboxId: string, via: 'link' | 'one_click_post', now: Date): Promise<{ known: boolean; language: string }> {
  const message = await db.outboxMessage.findUnique({ where: { id: outboxId }, select: { channel: true, to: true, accountId: true } });
  if (!message || message.channel !== 'email') return { known: false, language: 'en' };
  return db.$transaction(async (tx) => {
    const accounts = await tx.account.findMany({ where: { email: message.to }, select: { id: true, emailOptOut: true, language: true } });
    const language = accounts.find((a) => a.id === message.accountId)?.language ?? accounts[0]?.language ?? 'en';
    const fresh = accounts.filter((a) => !a.emailOptOut);
    if (fresh.length > 0) {
      await tx.account.updateMany({ where: { id: { in: fresh.map((a) => a.id) } }, data: { emailOptOut: true } });
      for (const account of fresh) {
        await appendAudit(tx, { type: 'email.unsubscribed', actor: 'debtor', accountId: account.id, detail: { via, outboxId, at: now.toISOString() } });
      }
    }
    await stopAddress(tx, message.to, 'recipient unsubscribed from email');
    return { known: true, language };
  });
}

/** The address refused our email for good: no more email to it, for any account. */
export async function recordBounce(db: Db, message: { id: string; to: string }, reason: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const accounts = await tx.account.findMany({ where: { email: message.to, emailBouncedAt: null }, select: { id: true } });
    const now = new Date();
    await tx.account.updateMany({ where: { id: { in: accounts.map((a) => a.id) } }, data: { emailBouncedAt: now } });
    for (const account of accounts) await appendAudit(tx, { type: 'email.bounced', actor: 'system', accountId: account.id, detail: { outboxId: message.id, reason: reason.slice(0, 200) } });
    await stopAddress(tx, message.to, 'the address bounced');
  });
}
