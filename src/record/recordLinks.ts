/**
 * Signed, expiring links to a debtor's record (issue #16 item 5): "<payload>.<signature>", the
 * payload being the account id and the expiry (epoch seconds), base64url; the signature an
 * HMAC-SHA256 under a key derived from IDENTITY_HASH_KEY for this purpose only. Nothing is stored;
 * a tampered or expired link is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const RECORD_LINK_DAYS = 30;

function signature(payload: string, key: string): Buffer {
  return createHmac('sha256', `record-link:v1:${key}`).update(payload).digest();
}

export function recordToken(accountId: string, expiresAt: Date, key: string): string {
  const payload = Buffer.from(`${accountId}.${Math.floor(expiresAt.getTime() / 1000)}`, 'utf8').toString('base64url');
  return `${payload}.${signature(payload, key).toString('base64url')}`;
}

export type RecordTokenCheck = { ok: true; accountId: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

export function checkRecordToken(token: string, key: string, now: Date): RecordTokenCheck {
  const match = /^([A-Za-z0-9_-]{4,200})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  const [, payload, given] = match;
  const expected = signature(payload!, key);
  const actual = Buffer.from(given!, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'invalid' };
  const [accountId, seconds] = Buffer.from(payload!, 'base64url').toString('utf8').split('.');
  const expiresAt = new Date(Number(seconds) * 1000);
  if (!accountId || !Number.isFinite(expiresAt.getTime())) return { ok: false, reason: 'invalid' };
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, accountId, expiresAt };
}

export function recordUrl(baseUrl: string, accountId: string, now: Date, key: string): string {
  return `${baseUrl.replace(/\/$/, '')}/record/${recordToken(accountId, new Date(now.getTime() + RECORD_LINK_DAYS * 86_400_000), key)}`;
}
