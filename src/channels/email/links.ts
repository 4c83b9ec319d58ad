/**
 * The personal links in a message we send: the one-click opt-out, the chat link that opens the
 * website chat with the account pre-selected, and the validation notice's page. Each is derived from
 * the outbox message id with an HMAC under the service's secret (IDENTITY_HASH_KEY), per purpose:
 *
 *   unsubscribe, chat:  <outboxId>.<43 characters of HMAC>
 *   notice:             43 characters of HMAC (the shape of every notice token; only its digest is stored)
 *
 * Deriving instead of storing means a retried send (after a crash) carries the same links, and a
 * link is checked without a lookup table. The links open nothing about the debt by themselves: the
 * opt-out only stops messages, the chat still verifies the debtor, the notice is the notice.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkPurpose = 'unsubscribe' | 'chat' | 'notice';

const OUTBOX_ID = /^[A-Za-z0-9_-]{8,64}$/;

function mac(key: string, purpose: LinkPurpose, outboxId: string): string {
  return createHmac('sha256', key).update(`outreach-link:v1:${purpose}:${outboxId}`).digest('base64url');
}

/** The token of a personal link (unsubscribe or chat) for one outbox message. */
export function linkToken(key: string, purpose: 'unsubscribe' | 'chat', outboxId: string): string {
  if (!OUTBOX_ID.test(outboxId)) throw new Error('linkToken: not an outbox id');
  return `${outboxId}.${mac(key, purpose, outboxId)}`;
}

/** The outbox id a link token was made for, or null when it is not one of ours. */
export function readLinkToken(key: string, purpose: 'unsubscribe' | 'chat', token: string): string | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const dot = token.lastIndexOf('.');
  const outboxId = token.slice(0, dot);
  if (dot < 0 || !OUTBOX_ID.test(outboxId)) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(key, purpose, outboxId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? outboxId : null;
}

/** The validation notice token for a notice sent in an email (43 base64url characters, like a random one). */
export function noticeTokenFor(key: string, outboxId: string): string {
  return mac(key, 'notice', outboxId);
}

export function unsubscribeUrl(baseUrl: string, key: string, outboxId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/email/unsubscribe/${linkToken(key, 'unsubscribe', outboxId)}`;
}

/** The website chat, opened with the account pre-selected (the chat page passes `start` on). */
export function chatUrl(baseUrl: string, key: string, outboxId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/?start=${linkToken(key, 'chat', outboxId)}`;
}
