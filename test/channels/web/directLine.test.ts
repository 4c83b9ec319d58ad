import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEV_DIRECTLINE_SECRET, webDeliverer } from '../../../src/channels/web/directLineRoutes.ts';
import { DirectLineTokens } from '../../../src/channels/web/tokens.ts';
import { loadConfig } from '../../../src/config.ts';
import { enqueueMessage } from '../../../src/outbox/outbox.ts';
import type { RunningApp } from '../../helpers/testApp.ts';
import { startWebTestApp } from '../../helpers/webTestApp.ts';

interface Activity {
  id: string;
  type: string;
  text?: string;
  timestamp: string;
  replyToId?: string;
  from: { id: string; role?: string; name?: string };
  conversation: { id: string };
  channelData?: Record<string, unknown>;
}
interface ActivitySet {
  activities: Activity[];
  watermark: string;
}
interface Started {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl: string;
}

let running: RunningApp;
let base: string;

beforeAll(async () => {
  running = await startWebTestApp();
  base = `${running.baseUrl}/v3/directline`;
});
afterAll(async () => running.stop());

async function call<T = unknown>(method: string, path: string, options: { token?: string; body?: unknown; raw?: string; contentType?: string } = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] = options.contentType ?? 'text/plain';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function generate(): Promise<{ conversationId: string; token: string; expires_in: number }> {
  const res = await call<{ conversationId: string; token: string; expires_in: number }>('POST', '/tokens/generate');
  expect(res.status).toBe(200);
  return res.body;
}

async function start(): Promise<Started> {
  const { token } = await generate();
  const res = await call<Started>('POST', '/conversations', { token, body: {} });
  expect(res.status).toBe(201);
  return res.body;
}

async function post(conversation: Started, text: string, clientActivityID = `c-${Math.random().toString(36).slice(2)}`) {
  return call<{ id: string }>('POST', `/conversations/${conversation.conversationId}/activities`, {
    token: conversation.token,
    body: { type: 'message', text, from: { id: 'ignored', name: 'Maria' }, channelData: { clientActivityID }, locale: 'en-US' },
  });
}

async function poll(conversation: Started, watermark?: string) {
  const query = watermark === undefined ? '' : `?watermark=${watermark}`;
  const res = await call<ActivitySet>('GET', `/conversations/${conversation.conversationId}/activities${query}`, { token: conversation.token });
  expect(res.status).toBe(200);
  return res.body;
}

/** Sends a message and returns the bot's reply texts (from polling after the post). */
async function say(conversation: Started, text: string): Promise<string> {
  const before = await poll(conversation);
  const res = await post(conversation, text);
  expect(res.status).toBe(200);
  const after = await poll(conversation, before.watermark);
  return after.activities
    .filter((a) => a.from.role === 'bot')
    .map((a) => a.text ?? '')
    .join('\n');
}

class Stream {
  readonly frames: ActivitySet[] = [];
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  closed: { code: number } | undefined;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (data) => {
      const text = data.toString();
      if (text) this.frames.push(JSON.parse(text) as ActivitySet);
    });
    this.socket.on('close', (code) => {
      this.closed = { code };
    });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  get activities(): Activity[] {
    return this.frames.flatMap((f) => f.activities);
  }

  async until(predicate: (activities: Activity[]) => boolean, timeoutMs = 5000): Promise<Activity[]> {
    const started = Date.now();
    while (!predicate(this.activities)) {
      if (Date.now() - started > timeoutMs) throw new Error(`stream: condition not met; got ${JSON.stringify(this.activities.map((a) => a.text))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.activities;
  }

  close() {
    this.socket.close();
  }
}

/** Opens a WebSocket and resolves with the HTTP status it was refused with (or 101). */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      resolve(101);
      socket.close();
    });
    socket.once('error', (error) => {
      if (!/Unexpected server response/.test(String(error))) reject(error);
    });
  });
}

describe('tokens', () => {
  it('generates a signed token for a new conversation, bound to it and to a user id, expiring in 30 minutes', async () => {
    const issued = await generate();
    expect(issued.conversationId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(issued.expires_in).toBe(1800);
    const claims = claimsOf(issued.token);
    expect(claims.conv).toBe(issued.conversationId);
    expect(claims.user).toMatch(/^dl_/);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(1800);
    const other = await generate();
    expect(other.conversationId).not.toBe(issued.conversationId);
  });

  it('refreshes a token: same conversation and user, a new expiry, and the new token works', async () => {
    const conversation = await start();
    const refreshed = await call<{ conversationId: string; token: string; expires_in: number }>('POST', '/tokens/refresh', { token: conversation.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(conversation.conversationId);
    expect(refreshed.body.expires_in).toBe(1800);
    expect(claimsOf(refreshed.body.token).user).toBe(claimsOf(conversation.token).user);
    const res = await post({ ...conversation, token: refreshed.body.token }, 'hello');
    expect(res.status).toBe(200);
  });

  it('refuses a missing token (401), and a tampered, foreign-key, expired or wrong-scope token (403)', async () => {
    const conversation = await start();
    const path = `/conversations/${conversation.conversationId}/activities`;
    expect((await call('GET', path)).status).toBe(401);

    const [header, payload, signature] = conversation.token.split('.') as [string, string, string];
    const claims = claimsOf(conversation.token);
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, exp: Number(claims.exp) + 3600 })).toString('base64url');
    const tampered = `${header}.${forgedPayload}.${signature}`;
    const tamperedResult = await call<{ error: { code: string } }>('GET', path, { token: tampered });
    expect(tamperedResult.status).toBe(403);
    expect(tamperedResult.body.error.code).toBe('BadToken');
    // One signature character changed (a middle one: every bit of it counts).
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    expect((await call('GET', path, { token: `${header}.${payload}.${flipped}` })).status).toBe(403);
    expect((await call('GET', path, { token: 'not-a-token' })).status).toBe(403);

    const foreign = new DirectLineTokens('another-secret-that-is-long-enough-to-use').issue(conversation.conversationId, String(claims.user));
    expect((await call('GET', path, { token: foreign.token })).status).toBe(403);

    const anHourAgo = new DirectLineTokens(running.config.DIRECTLINE_SECRET, 1800, 120, () => new Date(Date.now() - 3600_000));
    const expired = anHourAgo.issue(conversation.conversationId, String(claims.user));
    const expiredResult = await call<{ error: { code: string } }>('GET', path, { token: expired.token });
    expect(expiredResult.status).toBe(403);
    expect(expiredResult.body.error.code).toBe('TokenExpired');
    expect((await call('POST', '/tokens/refresh', { token: expired.token })).status).toBe(403);
    expect((await call('POST', path, { token: expired.token, body: { type: 'message', text: 'hi' } })).status).toBe(403);

    // The stream token from the stream URL opens the stream only; it is not a bearer token.
    const streamToken = new URL(conversation.streamUrl).searchParams.get('t')!;
    expect((await call('GET', path, { token: streamToken })).status).toBe(403);
  });

  it('the test configuration signs with the development secret, which production refuses', () => {
    expect(running.config.DIRECTLINE_SECRET).toBe(DEV_DIRECTLINE_SECRET);
    expect(loadConfig({ DIRECTLINE_SECRET: 'x'.repeat(40) }).DIRECTLINE_SECRET).toBe('x'.repeat(40));
    expect(() => loadConfig({ DIRECTLINE_SECRET: 'short' })).toThrow(/DIRECTLINE_SECRET/);
  });
});

describe('conversations', () => {
  it('starts the token\'s conversation with the bot\'s greeting, and starting again resumes it', async () => {
    const { token, conversationId } = await generate();
    const first = await call<Started>('POST', '/conversations', { token, body: {} });
    expect(first.status).toBe(201);
    expect(first.body.conversationId).toBe(conversationId);
    expect(first.body.expires_in).toBe(1800);
    const stream = new URL(first.body.streamUrl);
    expect(stream.protocol).toBe('ws:');
    expect(stream.host).toBe(new URL(running.baseUrl).host);
    expect(stream.pathname).toBe(`/v3/directline/conversations/${conversationId}/stream`);
    expect(stream.searchParams.get('t')).toBeTruthy();

    const greeting = await poll(first.body);
    expect(greeting.activities.length).toBeGreaterThan(0);
    expect(greeting.activities[0]!.text).toContain(running.config.COLLECTOR_NAME);
    expect(greeting.activities.every((a) => a.from.role === 'bot')).toBe(true);
    expect(greeting.watermark).toBe(String(greeting.activities.length));

    const again = await call<Started>('POST', '/conversations', { token, body: {} });
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(conversationId);
    // Not greeted twice.
    expect(await poll(again.body)).toEqual(greeting);
  });

  it('greets in Spanish when the conversation starts with a Spanish locale', async () => {
    const { token } = await generate();
    const started = await call<Started>('POST', '/conversations', { token, body: { locale: 'es-US' } });
    expect(started.status).toBe(201);
    expect((await poll(started.body)).activities[0]!.text).toContain('asistente virtual');
  });

  it('reconnects: GET /conversations/:id gives a fresh token and a stream URL from the watermark', async () => {
    const conversation = await start();
    const greeting = await poll(conversation);
    await post(conversation, 'hi');
    const res = await call<Started>('GET', `/conversations/${conversation.conversationId}?watermark=${greeting.watermark}`, { token: conversation.token });
    expect(res.status).toBe(200);
    expect(res.body.conversationId).toBe(conversation.conversationId);
    expect(claimsOf(res.body.token).conv).toBe(conversation.conversationId);
    expect(new URL(res.body.streamUrl).searchParams.get('watermark')).toBe(greeting.watermark);

    const stream = new Stream(res.body.streamUrl);
    await stream.opened;
    const replayed = await stream.until((all) => all.some((a) => a.from.role === 'bot'));
    // Only what follows the watermark: the message and its replies, not the greeting again.
    expect(replayed[0]).toMatchObject({ text: 'hi', from: { role: 'user' } });
    expect(replayed[0]!.id).toBe(`${conversation.conversationId}|${String(Number(greeting.watermark) + 1).padStart(7, '0')}`);
    expect(replayed.some((a) => a.text?.includes(running.config.COLLECTOR_NAME))).toBe(false);
    stream.close();
  });

  it('a conversation id stored before the conversation was started resumes on reconnect (created then)', async () => {
    const { token, conversationId } = await generate();
    const res = await call<Started>('GET', `/conversations/${conversationId}?watermark=`, { token });
    expect(res.status).toBe(200);
    expect((await poll(res.body)).activities[0]!.text).toContain(running.config.COLLECTOR_NAME);
  });
});

describe('posting and polling', () => {
  it('stores the debtor\'s message and the bot\'s replies with increasing watermarks, answering with the message id', async () => {
    const conversation = await start();
    const greeting = await poll(conversation, '0');
    const res = await post(conversation, 'hello there', 'client-1');
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(`${conversation.conversationId}|${String(greeting.activities.length + 1).padStart(7, '0')}`);

    const all = await poll(conversation, '0');
    const [echo, ...replies] = all.activities.slice(greeting.activities.length);
    expect(all.activities.slice(0, greeting.activities.length)).toEqual(greeting.activities);
    expect(echo!.id).toBe(res.body.id);
    expect(echo!.text).toBe('hello there');
    expect(echo!.from).toEqual({ id: claimsOf(conversation.token).user, name: 'Maria', role: 'user' });
    expect(echo!.channelData).toEqual({ clientActivityID: 'client-1' });
    expect(echo!.conversation.id).toBe(conversation.conversationId);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply.from.role).toBe('bot');
      expect(reply.replyToId).toBe(echo!.id);
    }
    expect(all.watermark).toBe(String(all.activities.length));
    const times = all.activities.map((a) => Date.parse(a.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(times.length);

    const nothingNew = await poll(conversation, all.watermark);
    expect(nothingNew.activities).toEqual([]);
    expect(nothingNew.watermark).toBe(all.watermark);
  });

  it('loses and duplicates nothing across watermarks, even with messages posted at once', async () => {
    const conversation = await start();
    const seen: Activity[] = [];
    let watermark = '0';
    const collect = async () => {
      const page = await poll(conversation, watermark);
      seen.push(...page.activities);
      watermark = page.watermark;
    };
    await collect();
    const posting = Promise.all(['one', 'two', 'three', 'four', 'five'].map((text) => post(conversation, text)));
    // Poll while the turns run.
    for (let i = 0; i < 5; i++) {
      await collect();
      await new Promise((r) => setTimeout(r, 15));
    }
    const results = await posting;
    results.forEach((r) => expect(r.status).toBe(200));
    await collect();

    const everything = await poll(conversation, '0');
    expect(seen.map((a) => a.id)).toEqual(everything.activities.map((a) => a.id));
    expect(new Set(seen.map((a) => a.id)).size).toBe(seen.length);
    const seqs = everything.activities.map((a) => Number(a.id.split('|')[1]));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    // Each message is followed by its own replies, in turn order.
    const userMessages = everything.activities.filter((a) => a.from.role === 'user');
    expect(userMessages.map((a) => a.text).sort()).toEqual(['five', 'four', 'one', 'three', 'two']);
    let currentMessage: string | undefined;
    for (const activity of everything.activities.slice(everything.activities.findIndex((a) => a.from.role === 'user'))) {
      if (activity.from.role === 'user') currentMessage = activity.id;
      else expect(activity.replyToId).toBe(currentMessage);
    }
  });

  it('verifies a demo debtor over Direct Line: the balance is shown, identity answers are stored masked', async () => {
    const conversation = await start();
    await say(conversation, 'hi');
    await say(conversation, 'A-1001');
    await say(conversation, 'March 14 1985');
    const verified = await say(conversation, '30301');
    expect(verified).toMatch(/is a debt collector/);
    expect(verified).toContain('$1,085.00');

    const all = await poll(conversation, '0');
    const typed = all.activities.filter((a) => a.from.role === 'user').map((a) => a.text);
    // As in the transcript: the verification answers are masked, the rest is as typed.
    expect(typed).toEqual(['hi', 'A-••••', '••••• •• ••••', '•••••']);
    const rows = await running.database.db.directLineActivity.findMany({ where: { conversationId: conversation.conversationId } });
    for (const row of rows) {
      expect(row.json).not.toMatch(/March 14|30301/);
    }
  });

  it('never stores or shows back a card number typed into the chat', async () => {
    const conversation = await start();
    const reply = await say(conversation, 'my card is 4242 4242 4242 4242');
    expect(reply).not.toContain('4242');
    const echo = (await poll(conversation, '0')).activities.find((a) => a.from.role === 'user')!;
    expect(echo.text).toBe('my card is [card number removed]');
    const rows = await running.database.db.directLineActivity.findMany({ where: { conversationId: conversation.conversationId } });
    for (const row of rows) expect(row.json).not.toMatch(/4242/);
  });

  it('rejects bad bodies with 400 and a clear message', async () => {
    const conversation = await start();
    const before = await poll(conversation, '0');
    const path = `/conversations/${conversation.conversationId}/activities`;
    const cases: Array<[unknown, RegExp]> = [
      [{ text: 'no type' }, /type must be "message" or "event"/],
      [{ type: 'typing' }, /type must be "message" or "event"/],
      [{ type: 'message' }, /text/],
      [{ type: 'message', text: '   ' }, /text is empty/],
      [{ type: 'message', text: 'x'.repeat(2001) }, /longer than 2000 characters/],
      [{ type: 'message', text: 'hi', attachments: [{ contentType: 'image/png', contentUrl: 'http://x' }] }, /attachments are not accepted/],
      [{ type: 'message', text: 'hi', locale: 'not a locale' }, /locale/],
      [{ type: 'event' }, /name/],
      [[1, 2, 3], /JSON activity/],
    ];
    for (const [body, message] of cases) {
      const res = await call<{ error: { code: string; message: string } }>('POST', path, { token: conversation.token, body });
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.body.error.code).toBe('BadArgument');
      expect(res.body.error.message).toMatch(message);
    }
    const notJson = await call<{ error: { message: string } }>('POST', path, { token: conversation.token, raw: 'hello' });
    expect(notJson.status).toBe(400);
    const badJson = await call('POST', path, { token: conversation.token, raw: '{"type":', contentType: 'application/json' });
    expect(badJson.status).toBe(400);
    const badWatermark = await call<{ error: { message: string } }>('GET', `${path}?watermark=abc`, { token: conversation.token });
    expect(badWatermark.status).toBe(400);
    expect(badWatermark.body.error.message).toMatch(/watermark must be a non-negative integer/);
    const badGenerate = await call<{ error: { message: string } }>('POST', '/tokens/generate', { body: { user: { id: 'has spaces' } } });
    expect(badGenerate.status).toBe(400);
    expect(badGenerate.body.error.message).toMatch(/^user\.id: /);
    // Nothing was stored for any of them.
    expect(await poll(conversation, '0')).toEqual(before);
  });

  it('answers 404 for a conversation that was never started', async () => {
    const { token, conversationId } = await generate();
    const res = await call('POST', `/conversations/${conversationId}/activities`, { token, body: { type: 'message', text: 'hi' } });
    expect(res.status).toBe(404);
  });

  it('rate-limits messages per conversation (429 with Retry-After), not other conversations', async () => {
    const busy = await start();
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => post(busy, `message ${i}`)));
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(10);
    const calm = await start();
    expect((await post(calm, 'hello')).status).toBe(200);
  });

  it('answers CORS preflights so an agency\'s own site can embed the chat', async () => {
    const res = await fetch(`${base}/conversations/abc/activities`, {
      method: 'OPTIONS',
      headers: { origin: 'https://agency.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const generated = await fetch(`${base}/tokens/generate`, { method: 'POST' });
    expect(generated.headers.get('access-control-allow-origin')).toBe('*');
    expect(generated.headers.get('cache-control')).toBe('no-store');
  });
});

describe('scoping: a token for one conversation never reaches another', () => {
  it('A\'s token cannot read, post to, reconnect to, refresh into or stream B (403), and B is unchanged', async () => {
    const a = await start();
    const b = await start();
    await post(b, 'this is B');
    const before = await poll(b, '0');

    const bPath = `/conversations/${b.conversationId}`;
    expect((await call('GET', `${bPath}/activities?watermark=0`, { token: a.token })).status).toBe(403);
    expect((await call('POST', `${bPath}/activities`, { token: a.token, body: { type: 'message', text: 'from A' } })).status).toBe(403);
    expect((await call('GET', `${bPath}?watermark=0`, { token: a.token })).status).toBe(403);

    const aStreamToken = new URL(a.streamUrl).searchParams.get('t')!;
    const bStreamWithA = `${running.baseUrl.replace('http', 'ws')}/v3/directline/conversations/${b.conversationId}/stream?t=${aStreamToken}`;
    expect(await upgradeStatus(bStreamWithA)).toBe(403);
    // A conversation token is not a stream token either.
    expect(await upgradeStatus(`${running.baseUrl.replace('http', 'ws')}/v3/directline/conversations/${b.conversationId}/stream?t=${b.token}`)).toBe(403);
    expect(await upgradeStatus(`${running.baseUrl.replace('http', 'ws')}/v3/directline/conversations/${b.conversationId}/stream`)).toBe(403);

    // Refreshing A's token still yields a token for A only.
    const refreshed = await call<{ conversationId: string }>('POST', '/tokens/refresh', { token: a.token });
    expect(refreshed.body.conversationId).toBe(a.conversationId);

    const after = await poll(b, '0');
    expect(after).toEqual(before);
  });
});

describe('the WebSocket stream', () => {
  it('replays the conversation, then pushes the debtor\'s message and the bot\'s replies as they are stored', async () => {
    const conversation = await start();
    const greeting = await poll(conversation, '0');
    const stream = new Stream(conversation.streamUrl);
    await stream.opened;
    await stream.until((all) => all.length === greeting.activities.length);
    expect(stream.frames[0]).toEqual(greeting);

    const res = await post(conversation, 'A-1001', 'from-socket');
    expect(res.status).toBe(200);
    const activities = await stream.until((all) => all.some((a) => a.replyToId === res.body.id));
    const echo = activities.find((a) => a.id === res.body.id)!;
    expect(echo.channelData).toEqual({ clientActivityID: 'from-socket' });
    expect(activities.filter((a) => a.replyToId === res.body.id).map((a) => a.text).join(' ')).toMatch(/date of birth/i);

    const watermarks = stream.frames.map((f) => Number(f.watermark));
    expect([...watermarks].sort((x, y) => x - y)).toEqual(watermarks);
    const polled = await poll(conversation, '0');
    expect(stream.activities.map((a) => a.id)).toEqual(polled.activities.map((a) => a.id));
    stream.close();
  });

  it('refuses a malformed watermark and an unknown conversation', async () => {
    const conversation = await start();
    const url = new URL(conversation.streamUrl);
    url.searchParams.set('watermark', 'x');
    expect(await upgradeStatus(url.toString())).toBe(400);
    const { token, conversationId } = await generate();
    const streamToken = new DirectLineTokens(running.config.DIRECTLINE_SECRET).issue(conversationId, String(claimsOf(token).user), 'stream').token;
    expect(await upgradeStatus(`${running.baseUrl.replace('http', 'ws')}/v3/directline/conversations/${conversationId}/stream?t=${streamToken}`)).toBe(404);
  });
});

describe('webDeliverer (outbox channel "web")', () => {
  it('appends an officer message to the conversation, pushes it to open streams, and never twice', async () => {
    const conversation = await start();
    const greeting = await poll(conversation, '0');
    const stream = new Stream(conversation.streamUrl);
    await stream.opened;
    await stream.until((all) => all.length === greeting.activities.length);

    const message = await enqueueMessage(running.database.db, {
      channel: 'web',
      to: conversation.conversationId,
      kind: 'officer',
      body: 'Hello, this is Dana from the collections team.',
      botInitiated: true,
    });
    const deliverer = webDeliverer(running.database.db);
    expect(deliverer.channel).toBe('web');
    const first = await deliverer.deliver(message);
    const seq = greeting.activities.length + 1;
    expect(first.providerRef).toBe(`${conversation.conversationId}|${String(seq).padStart(7, '0')}`);
    const pushed = await stream.until((all) => all.length === seq);
    expect(pushed[seq - 1]).toMatchObject({ type: 'message', text: message.body, from: { role: 'bot' }, channelData: { outboxKind: 'officer' } });

    // A retry (the worker crashed before recording the delivery) adds nothing.
    const again = await deliverer.deliver(message);
    expect(again.providerRef).toBe(first.providerRef);
    const polled = await poll(conversation, '0');
    expect(polled.activities.filter((a) => a.text === message.body)).toHaveLength(1);
    expect(polled.watermark).toBe(String(seq));
    stream.close();
  });

  it('fails (for the worker to retry) when the conversation does not exist', async () => {
    const message = await enqueueMessage(running.database.db, { channel: 'web', to: 'no-such-conversation-id', kind: 'officer', body: 'hi', botInitiated: true });
    await expect(webDeliverer(running.database.db).deliver(message)).rejects.toThrow(/No website chat conversation/);
  });
});

describe('new conversations per client address', () => {
  it('are rate-limited (429 with Retry-After) once a burst is spent', async () => {
    const other = await startWebTestApp();
    try {
      const results = await Promise.all(Array.from({ length: 75 }, () => fetch(`${other.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' })));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(60);
      const limited = results.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await other.stop();
    }
  });
});

describe('shutdown', () => {
  it('closes open streams as the server stops, so stopping does not wait for them', async () => {
    const other = await startWebTestApp();
    const otherBase = `${other.baseUrl}/v3/directline`;
    const issued = (await (await fetch(`${otherBase}/tokens/generate`, { method: 'POST' })).json()) as { token: string };
    const started = (await (
      await fetch(`${otherBase}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' }, body: '{}' })
    ).json()) as Started;
    const stream = new Stream(started.streamUrl);
    await stream.opened;
    await stream.until((all) => all.length > 0);
    const t0 = Date.now();
    await other.stop();
    expect(Date.now() - t0).toBeLessThan(1500);
    await new Promise((r) => setTimeout(r, 50));
    expect(stream.closed?.code).toBe(1001);
  });
});
