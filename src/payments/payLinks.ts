import { createHash } from 'node:crypto';
import { turnRandomBytes } from '../bot/turnUnit.ts';
import type { Db, Tx } from '../db/database.ts';
import type { PayLink } from '../db/generated/client.ts';

export type PayLinkPurpose = 'full' | 'settlement' | 'down_payment' | 'installment' | 'update_card';

/** Pay links live this long unless a caller says otherwise. */
export const PAY_LINK_TTL_MS = 7 * 24 * 60 * 60_000;

export function hashPayLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** /pay/<token>: 16 random bytes, base64url (22 characters) — short enough for SMS, unguessable. */
export function newPayLinkToken(): string {
  // A re-run of a turn after a crash draws the same token (src/bot/turnUnit.ts).
  return turnRandomBytes(16).toString('base64url');
}

export function payLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/pay/${token}`;
}

export interface NewPayLink {
  accountId: string;
  planId?: string | null;
  installmentId?: string | null;
  purpose: PayLinkPurpose;
  amount: number;
  currency: string;
  channel: string;
  now: Date;
  ttlMs?: number;
}

/** Creates a link bound to one account and one purpose. Only the token's digest is stored. */
export async function createPayLink(db: Db | Tx, link: NewPayLink): Promise<{ token: string; payLink: PayLink }> {
  if (!Number.isInteger(link.amount) || link.amount <= 0) throw new RangeError('a pay link needs a positive amount in minor units');
  const token = newPayLinkToken();
  const payLink = await db.payLink.create({
    data: {
      tokenHash: hashPayLinkToken(token),
      accountId: link.accountId,
      planId: link.planId ?? null,
      installmentId: link.installmentId ?? null,
      purpose: link.purpose,
      amount: link.amount,
      currency: link.currency,
      channel: link.channel,
      expiresAt: new Date(link.now.getTime() + (link.ttlMs ?? PAY_LINK_TTL_MS)),
    },
  });
  return { token, payLink };
}

/** The link for a token if it exists and has not expired. */
export async function findPayLink(db: Db | Tx, token: string, now: Date): Promise<PayLink | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const link = await db.payLink.findUnique({ where: { tokenHash: hashPayLinkToken(token) } });
  return link && link.expiresAt.getTime() > now.getTime() ? link : null;
}
