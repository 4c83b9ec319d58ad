/**
 * Direct Line tokens for the website chat: compact HS256 JWTs signed with DIRECTLINE_SECRET.
 *
 * Every token is bound to exactly one conversation (`conv`) and one user id (`user`, which Web Chat
 * reads from the token and uses as the debtor's id), and expires. Two scopes:
 * - `conversation`: the bearer token for the REST endpoints (start, reconnect, post, poll, refresh);
 * - `stream`: short-lived, only opens the WebSocket stream (it travels in the stream URL's query).
 *
 * The JWT shape is what Web Chat expects (it decodes the payload to find `user`); only our own
 * fixed header is accepted, so there is no algorithm negotiation.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export type TokenScope = 'conversation' | 'stream';

export interface TokenClaims {
  conv: string;
  user: string;
  scope: TokenScope;
  /** The chat link of an outreach email the conversation was opened from (src/channels/email/links.ts), passed to the bot once. */
  start?: string;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'scope' };

export interface IssuedToken {
  token: string;
  /** Seconds until it expires. */
  expiresIn: number;
}

const ISSUER = 'debt-bot/directline';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** Conversation ids: 22 random base64url characters (128 bits). */
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** User ids we issue ("dl_" + random), or ones an embedding page asks for. */
export const USER_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

const claimsSchema = z.object({
  iss: z.literal(ISSUER),
  conv: z.string().regex(CONVERSATION_ID),
  user: z.string().regex(USER_ID),
  scope: z.enum(['conversation', 'stream']),
  start: z.string().max(200).optional(),
  iat: z.number().int(),
  exp: z.number().int(),
});

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

export function newConversationId(): string {
  return randomBytes(16).toString('base64url');
}

export function newUserId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}

export class DirectLineTokens {
  private readonly key: Buffer;

  /**
   * @param secret DIRECTLINE_SECRET (32+ characters).
   * @param lifetimeSeconds conversation tokens' lifetime (Web Chat refreshes at half of 30 minutes).
   * @param streamLifetimeSeconds how long a stream URL may be used to open the WebSocket.
   */
  constructor(
    secret: string,
    readonly lifetimeSeconds = 30 * 60,
    readonly streamLifetimeSeconds = 120,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (secret.length < 32) throw new Error('The Direct Line secret must be at least 32 characters');
    this.key = Buffer.from(secret, 'utf8');
  }

  issue(conv: string, user: string, scope: TokenScope = 'conversation', extra: { start?: string } = {}): IssuedToken {
    const iat = Math.floor(this.now().getTime() / 1000);
    const expiresIn = scope === 'stream' ? this.streamLifetimeSeconds : this.lifetimeSeconds;
    const payload = base64url(JSON.stringify({ iss: ISSUER, conv, user, scope, ...(extra.start ? { start: extra.start } : {}), iat, exp: iat + expiresIn }));
    const body = `${HEADER}.${payload}`;
    return { token: `${body}.${this.sign(body)}`, expiresIn };
  }

  /** Checks the signature first, then the claims, the expiry and the scope. */
  verify(token: string, scope: TokenScope): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || token.length > 2048) return { ok: false, reason: 'malformed' };
    const [header, payload, signature] = parts as [string, string, string];
    if (header !== HEADER) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.sign(`${header}.${payload}`), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const parsed = claimsSchema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    const claims = parsed.data;
    if (claims.exp <= this.now().getTime() / 1000) return { ok: false, reason: 'expired' };
    if (claims.scope !== scope) return { ok: false, reason: 'scope' };
    return { ok: true, claims: { conv: claims.conv, user: claims.user, scope: claims.scope, ...(claims.start ? { start: claims.start } : {}), iat: claims.iat, exp: claims.exp } };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
