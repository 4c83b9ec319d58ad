import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/channels/web/rateLimit.ts';
import { initialsOf, webChatStyleOptions } from '../../../src/channels/web/theme.ts';
import { DirectLineTokens, newConversationId, newUserId } from '../../../src/channels/web/tokens.ts';
import { contentSecurityPolicy, renderWebChatPage } from '../../../src/channels/web/webChatPage.ts';
import { loadConfig } from '../../../src/config.ts';

const SECRET = 'a-test-secret-that-is-at-least-32-characters';

describe('DirectLineTokens', () => {
  it('verifies what it issued, with its conversation, user and scope', () => {
    const tokens = new DirectLineTokens(SECRET);
    const conv = newConversationId();
    const user = newUserId();
    const { token, expiresIn } = tokens.issue(conv, user);
    expect(expiresIn).toBe(1800);
    const check = tokens.verify(token, 'conversation');
    expect(check).toMatchObject({ ok: true, claims: { conv, user, scope: 'conversation' } });
    expect(tokens.verify(token, 'stream')).toEqual({ ok: false, reason: 'scope' });
    const stream = tokens.issue(conv, user, 'stream');
    expect(stream.expiresIn).toBe(120);
    expect(tokens.verify(stream.token, 'stream').ok).toBe(true);
  });

  it('expires exactly at the lifetime', () => {
    let now = new Date('2026-11-23T12:00:00Z');
    const tokens = new DirectLineTokens(SECRET, 60, 10, () => now);
    const { token } = tokens.issue(newConversationId(), newUserId());
    now = new Date('2026-11-23T12:00:59Z');
    expect(tokens.verify(token, 'conversation').ok).toBe(true);
    now = new Date('2026-11-23T12:01:00Z');
    expect(tokens.verify(token, 'conversation')).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses other headers (no algorithm choice), other keys, edits and garbage', () => {
    const tokens = new DirectLineTokens(SECRET);
    const { token } = tokens.issue(newConversationId(), newUserId());
    const [, payload, signature] = token.split('.') as [string, string, string];
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(tokens.verify(`${none}.${payload}.`, 'conversation')).toEqual({ ok: false, reason: 'malformed' });
    expect(tokens.verify(`${none}.${payload}.${signature}`, 'conversation')).toEqual({ ok: false, reason: 'malformed' });
    expect(new DirectLineTokens(`${SECRET}-other`).verify(token, 'conversation')).toEqual({ ok: false, reason: 'signature' });
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const edited = Buffer.from(JSON.stringify({ ...claims, conv: newConversationId() })).toString('base64url');
    expect(tokens.verify(token.replace(payload, edited), 'conversation')).toEqual({ ok: false, reason: 'signature' });
    for (const garbage of ['', 'a.b', 'a.b.c.d', `${token}x`, 'x'.repeat(3000)]) {
      expect(tokens.verify(garbage, 'conversation').ok).toBe(false);
    }
    expect(() => new DirectLineTokens('short')).toThrow(/at least 32/);
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then refills at the given rate, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 1, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').ok).toBe(true);
    now = 1000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('forgets keys whose bucket is full again', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 10, () => now);
    for (let i = 0; i < 999; i++) limiter.take(`key-${i}`);
    expect(limiter.size).toBe(999);
    now = 10_000;
    limiter.take('trigger-sweep');
    expect(limiter.size).toBe(1);
  });
});

describe('the page', () => {
  const config = loadConfig({ NODE_ENV: 'test', COLLECTOR_NAME: 'Acme <Recovery> & Sons', COLLECTOR_PHONE: '+1 (800) 555-0199' });

  it('escapes the collector details and uses the nonce on every script and style', () => {
    const html = renderWebChatPage(config, 'NONCE123', '4.18.1');
    expect(html).toContain('Acme &lt;Recovery&gt; &amp; Sons');
    expect(html).not.toContain('<Recovery>');
    expect(html).toContain('href="tel:+18005550199"');
    const tags = html.match(/<(script|style)\b[^>]*>/g) ?? [];
    // The page style, the phone full-screen script, Web Chat itself and the embed script.
    expect(tags.length).toBe(4);
    for (const tag of tags) expect(tag).toContain('nonce="NONCE123"');
  });

  it('allows connections to this server only, including the WebSocket at the public address', () => {
    expect(contentSecurityPolicy('n', 'https://chat.example.com')).toContain("connect-src 'self' https://chat.example.com wss://chat.example.com");
    expect(contentSecurityPolicy('n', 'http://127.0.0.1:3978')).toContain("connect-src 'self' http://127.0.0.1:3978 ws://127.0.0.1:3978");
  });

  it('styles Web Chat in the agency colours with the collector\'s initials', () => {
    expect(initialsOf('Summit Recovery Services')).toBe('SR');
    expect(initialsOf('Ñandú Cobranzas')).toBe('ÑC');
    const options = webChatStyleOptions('Summit Recovery Services');
    expect(options.botAvatarInitials).toBe('SR');
    expect(options.hideUploadButton).toBe(true);
  });

  it('keeps every text colour pair at WCAG AA contrast (4.5:1) or better', () => {
    const options = webChatStyleOptions('Summit Recovery Services');
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const pairs: Array<[string, string]> = [
      [String(options.bubbleTextColor), String(options.bubbleBackground)],
      [String(options.bubbleFromUserTextColor), String(options.bubbleFromUserBackground)],
      [String(options.sendBoxTextColor), String(options.sendBoxBackground)],
      [String(options.sendBoxPlaceholderColor), String(options.sendBoxBackground)],
      [String(options.timestampColor), String(options.backgroundColor)],
      [String(options.subtle), String(options.backgroundColor)],
      [String(options.suggestedActionTextColor), String(options.suggestedActionBackgroundColor)],
      [String(options.accent), String(options.bubbleBackground)],
      ['#ffffff', String(options.botAvatarBackgroundColor)],
    ];
    for (const [text, background] of pairs) expect(contrast(text, background), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
  });
});
