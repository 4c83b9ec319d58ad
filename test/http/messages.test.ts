import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import { BotClient } from '../helpers/botClient.ts';
import { startTestApp, type RunningApp } from '../helpers/testApp.ts';

let running: RunningApp;
/** Every string that would reveal an account: numbers, names, creditors, amounts. */
let accountSecrets: string[];

beforeAll(async () => {
  running = await startTestApp();
  await seedDemoDataIfEmpty(running.database.db, running.config.IDENTITY_HASH_KEY);
  const accounts = await running.database.db.account.findMany({ include: { creditor: true } });
  expect(accounts.length).toBeGreaterThan(0);
  accountSecrets = accounts.flatMap((a) => [
    a.accountNumber,
    a.lastName,
    a.creditor.name,
    a.originalCreditor,
    (a.balance / 100).toFixed(2),
    (a.balance / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }),
  ]);
});
afterAll(async () => running.stop());

function expectNothingAboutAnAccount(text: string) {
  for (const secret of accountSecrets) expect(text).not.toContain(secret);
  // 12 CFR 1006.6(d): not even that a debt exists.
  expect(text).not.toMatch(/\b(debt|owe|owed|balance|collect\w*|deuda|saldo)\b/i);
}

describe('POST /api/messages with deliveryMode expectReplies', () => {
  it('answers a first message with the greeting: who we are and that a person is reachable (DESIGN 15)', async () => {
    const client = new BotClient(running.baseUrl);
    const { status, replies } = await client.post({ text: 'hi' });
    expect(status).toBe(200);
    const text = replies.map((r) => r.text).join('\n');
    expect(text).toContain(running.config.COLLECTOR_NAME);
    expect(text).toMatch(/type "agent" at any time/i);
    expectNothingAboutAnAccount(text);
  });

  it.each([
    ['how much do I owe?'],
    ['what is my balance for account A-1001'],
    ['who is the creditor?'],
    ['Is this about my Lakeside Medical bill?'],
  ])('reveals nothing about any account before verification — "%s" (DESIGN 1, 1006.6(d))', async (utterance) => {
    const client = new BotClient(running.baseUrl);
    expectNothingAboutAnAccount(await client.say(utterance));
    expectNothingAboutAnAccount(await client.say(utterance));
  });

  it('greets when the debtor joins (conversationUpdate) and does not greet twice', async () => {
    const client = new BotClient(running.baseUrl);
    const joined = await client.post({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'debtor', name: 'debtor' }],
      text: undefined,
    });
    const greeting = joined.replies.map((r) => r.text).join('\n');
    expect(greeting).toContain(running.config.COLLECTOR_NAME);
    const next = await client.say('hello?');
    expect(next).not.toContain(running.config.COLLECTOR_NAME);
    expect(next).toMatch(/account number/i);
  });

  it('ignores the bot itself joining', async () => {
    const client = new BotClient(running.baseUrl);
    const { status, replies } = await client.post({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'bot' }], text: undefined });
    expect(status).toBe(200);
    expect(replies).toHaveLength(0);
  });

  it('speaks Spanish to a Spanish-locale channel', async () => {
    const client = new BotClient(running.baseUrl, undefined, 'es-US');
    const text = await client.say('hola');
    expect(text).toContain('asistente virtual');
    expect(text).toContain('"agente"');
  });

  it('runs a burst of messages to one conversation one at a time, losing none', async () => {
    const client = new BotClient(running.baseUrl);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => client.post({ text: `message ${i}` })));
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.replies.length).toBeGreaterThan(0);
      expect(result.replies.map((r) => r.text).join(' ')).not.toMatch(/something went wrong/i);
    }
    // Exactly one of the turns started the conversation and greeted.
    const greetings = results.filter((r) => r.replies.some((a) => a.text?.includes(running.config.COLLECTOR_NAME)));
    expect(greetings).toHaveLength(1);
  });

  it('keeps many conversations apart and runs them concurrently', async () => {
    const clients = Array.from({ length: 20 }, () => new BotClient(running.baseUrl));
    const first = await Promise.all(clients.map((c) => c.say('hi')));
    first.forEach((text) => expect(text).toContain(running.config.COLLECTOR_NAME));
    const second = await Promise.all(clients.map((c) => c.say('hi again')));
    second.forEach((text) => expect(text).not.toContain(running.config.COLLECTOR_NAME));
  });

  it('a demo debtor verifies, reads the balance and the rights, and opens the validation notice page', async () => {
    const client = new BotClient(running.baseUrl);
    await client.say('hi');
    await client.say('A-1003');
    await client.say('July 21 1968');
    const verified = await client.say('ssn 4321');
    expect(verified).toMatch(/is a debt collector/);
    expect(verified).toContain('$876.25');
    const consented = await client.say('yes');
    const link = consented.match(/https?:\/\/\S+\/notices\/[\w-]+/)?.[0];
    expect(link, consented).toBeDefined();
    // Links point at the address the server listens on when PUBLIC_URL is not set.
    expect(link!.startsWith(running.baseUrl)).toBe(true);
    const page = await fetch(link!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('James');
    expect(html).toContain('$876.25');
    expect(await client.say('I dispute this, the amount is wrong')).toContain('recorded your dispute');
    expect(await client.say('agent')).toMatch(/asked a person to join/);
  });

  it('rejects a body that is not JSON', async () => {
    const res = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
  });

  it('rejects an activity without a type', async () => {
    const res = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hi' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^Invalid activity: type/);
  });

  it('rejects a message longer than 10,000 characters instead of processing it', async () => {
    const { status } = await new BotClient(running.baseUrl).post({ text: 'x'.repeat(10_001) });
    expect(status).toBe(400);
  });
});

describe('GET /healthz', () => {
  it('reports the database reachable', async () => {
    const res = await fetch(`${running.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'reachable' });
  });
});

describe('Bot Framework authentication when an app id is configured', () => {
  let secured: RunningApp;
  beforeAll(async () => {
    secured = await startTestApp({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' });
  });
  afterAll(async () => secured.stop());

  it('refuses an unauthenticated request', async () => {
    const { status, replies } = await new BotClient(secured.baseUrl).post({ text: 'hi' });
    expect(status).toBe(401);
    expect(replies).toHaveLength(0);
  });

  it('refuses a forged bearer token', async () => {
    const res = await fetch(`${secured.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' },
      body: JSON.stringify({ type: 'message', text: 'hi', channelId: 'test', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' }, deliveryMode: 'expectReplies' }),
    });
    expect(res.status).toBe(401);
  });
});
