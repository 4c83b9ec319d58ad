/**
 * Issue 10 items 2 and 4: POST /api/messages is no way into a debtor's conversation and makes no
 * request to an address the caller picked.
 *
 * - Production without MICROSOFT_APP_ID does not serve it at all.
 * - In every mode the conversations of our own channels (an SMS thread, a website-chat Direct Line
 *   conversation) are refused, whatever channelId the caller claims (DESIGN 1: nothing about the
 *   account to anyone but the verified debtor, 12 CFR 1006.6(d)).
 * - Without authentication, replies only go to a loopback service URL; with it, only to the service
 *   URL in the token.
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Activity, TurnContext } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { isLoopbackUrl, ServiceUrlGuard } from '../../src/http/botEndpoint.ts';
import { createLogger } from '../../src/logger.ts';
import { DirectLineDebtor } from '../helpers/directLineClient.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';
import type { RunningApp } from '../helpers/testApp.ts';
import { startWebTestApp } from '../helpers/webTestApp.ts';

const VICTIM_PHONE = '+13055550147'; // A-1005 Robert Williams (prisma/demo-placements.csv)

let running: RunningApp;
beforeAll(async () => {
  running = await startWebTestApp();
});
afterAll(async () => running?.stop());

async function postActivity(baseUrl: string, activity: Record<string, unknown>): Promise<{ status: number; text: string; body: string }> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `attack-${Math.random()}`,
      deliveryMode: 'expectReplies',
      serviceUrl: 'http://127.0.0.1:9/unused',
      recipient: { id: 'bot' },
      ...activity,
    }),
  });
  const body = await res.text();
  const replies = body.startsWith('{') ? ((JSON.parse(body) as { activities?: Partial<Activity>[] }).activities ?? []) : [];
  return { status: res.status, text: replies.map((r) => r.text ?? '').join('\n'), body };
}

/** The victim verifies by SMS, in-process, exactly as the SMS webhook runs a turn. */
async function verifyVictimBySms(): Promise<void> {
  const say = (text: string) =>
    running.app.inProcess.runTurn({
      type: 'message',
      channelId: 'sms',
      serviceUrl: 'sms://in-process',
      conversation: { id: `sms:${VICTIM_PHONE}` } as Activity['conversation'],
      from: { id: VICTIM_PHONE, role: 'user' } as Activity['from'],
      recipient: { id: 'bot', role: 'bot' } as Activity['recipient'],
      locale: 'en-US',
      text,
    });
  await say('hi');
  await say('May 30 1958');
  const replies = await say('33101');
  expect(replies.map((r) => r.text).join('\n')).toContain('$1,850.00');
}

describe('/api/messages cannot reach the conversations of our own channels (item 2, DESIGN 1)', () => {
  beforeAll(verifyVictimBySms);

  it.each([
    ['the SMS channel id', { channelId: 'sms', conversation: { id: `sms:${VICTIM_PHONE}` }, from: { id: VICTIM_PHONE } }],
    ['another channel id', { channelId: 'emulator', conversation: { id: `sms:${VICTIM_PHONE}` }, from: { id: VICTIM_PHONE } }],
    ['a different case', { channelId: 'test', conversation: { id: `SMS:${VICTIM_PHONE}` }, from: { id: VICTIM_PHONE } }],
  ])('a verified SMS thread is refused with %s: no balance, no itemization, no answer recorded as the debtor', async (_label, activity) => {
    const auditsBefore = await running.database.db.auditEvent.count();
    for (const text of ['what is my balance?', 'why is it so high?', 'yes']) {
      const answer = await postActivity(running.baseUrl, { ...activity, text });
      expect(answer.status).toBe(403);
      expect(answer.text).toBe('');
      expect(answer.body).not.toMatch(/1,850|Robert|balance of/);
    }
    expect(await running.database.db.auditEvent.count()).toBe(auditsBefore);
  });

  it('a verified website-chat conversation is refused, whatever channel id is claimed', async () => {
    const debtor = await DirectLineDebtor.start(running.baseUrl);
    await debtor.say('A-1001');
    await debtor.say('March 14 1985');
    expect(await debtor.say('30301')).toContain('$1,085.00');
    for (const channelId of ['directline', 'webchat', 'emulator', 'test']) {
      const answer = await postActivity(running.baseUrl, { channelId, conversation: { id: debtor.conversationId }, from: { id: 'debtor' }, text: 'what is my balance?' });
      expect(answer.status, channelId).toBe(403);
      expect(answer.body).not.toContain('1,085.00');
    }
  });

  it('without authentication our own channel ids are refused even for a new conversation id', async () => {
    for (const channelId of ['sms', 'directline']) {
      const answer = await postActivity(running.baseUrl, { channelId, conversation: { id: `fresh-${channelId}` }, from: { id: 'x' }, text: 'hi' });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatch(/use another channelId/);
    }
  });

  it('an Emulator-style conversation still works (the README curl example)', async () => {
    const answer = await postActivity(running.baseUrl, { channelId: 'test', conversation: { id: 'try-1' }, from: { id: 'debtor' }, text: 'hi', serviceUrl: 'http://127.0.0.1:9' });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(running.config.COLLECTOR_NAME);
  });
});

describe('/api/messages in production without MICROSOFT_APP_ID (item 2)', () => {
  it('is not served: 404, no turn runs', async () => {
    const database = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      IDENTITY_HASH_KEY: 'production-identity-hash-key-0123456789',
      DIRECTLINE_SECRET: 'production-directline-secret-0123456789',
      STRIPE_SECRET_KEY: 'sk_test_bot_endpoint',
      STRIPE_WEBHOOK_SECRET: 'whsec_bot_endpoint',
    });
    const app = createApp({ config, db: database.db, logger: createLogger('silent') });
    const baseUrl = await app.listen(0, '127.0.0.1');
    try {
      const answer = await postActivity(baseUrl, { channelId: 'test', conversation: { id: 'prod-1' }, from: { id: 'debtor' }, text: 'hi' });
      expect(answer.status).toBe(404);
      expect(await database.db.conversation.count()).toBe(0);
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await app.http.drain(1_000);
      await database.close();
    }
  });
});

/** An address of this machine that is not loopback, or undefined when it has none. */
function nonLoopbackAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

describe('/api/messages replies only where it may (item 4, SSRF)', () => {
  const address = nonLoopbackAddress();

  it.skipIf(!address)('without authentication a non-loopback serviceUrl is refused and nothing is sent there', async () => {
    const received: string[] = [];
    const target = http.createServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
    await new Promise<void>((resolve) => target.listen(0, address, resolve));
    const { port } = target.address() as AddressInfo;
    try {
      const answer = await postActivity(running.baseUrl, {
        channelId: 'test',
        conversation: { id: `ssrf-${Date.now()}` },
        from: { id: 'debtor' },
        text: 'hi',
        deliveryMode: undefined,
        serviceUrl: `http://${address}:${port}/internal/admin`,
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(/loopback/);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received).toEqual([]);
    } finally {
      target.closeAllConnections();
      await new Promise((resolve) => target.close(resolve));
    }
  });

  it('recognises loopback service URLs and nothing else', () => {
    for (const url of ['http://127.0.0.1:9', 'http://127.1.2.3/x', 'https://localhost:3000/api', 'http://[::1]:80/']) expect(isLoopbackUrl(url), url).toBe(true);
    for (const url of ['http://10.0.0.1/', 'http://169.254.169.254/latest', 'http://127.0.0.1.nip.io/', 'http://user:pw@127.0.0.1/', 'file:///etc/passwd', 'gopher://127.0.0.1/', 'not a url', 42]) {
      expect(isLoopbackUrl(url), String(url)).toBe(false);
    }
  });

  it('with authentication the turn runs only for the service URL in the token (or loopback for a token without one)', async () => {
    const guard = new ServiceUrlGuard(createLogger('silent'));
    const key = Symbol('identity');
    const run = async (claims: Array<{ type: string; value: string }>, serviceUrl: string) => {
      let ran = false;
      const turnState = new Map<unknown, unknown>([[key, { claims }]]);
      const context = { turnState, adapter: { BotIdentityKey: key }, activity: { serviceUrl, channelId: 'webchat' } } as unknown as TurnContext;
      await guard.onTurn(context, async () => {
        ran = true;
      });
      return ran;
    };
    const channelToken = [{ type: 'serviceurl', value: 'https://webchat.botframework.com/' }];
    expect(await run(channelToken, 'https://webchat.botframework.com/')).toBe(true);
    expect(await run(channelToken, 'http://169.254.169.254/')).toBe(false);
    expect(await run([], 'http://localhost:55555/')).toBe(true);
    expect(await run([], 'https://attacker.example/')).toBe(false);
  });
});
