/**
 * The redaction corpus (issue 10 item 3, DESIGN 12, PCI DSS): every card-number shape in
 * cardShapes.ts is typed by a debtor on each channel — the website chat (Direct Line), SMS (signed
 * Twilio webhook) and /api/messages — and afterwards no stored byte holds it: not a row of any table
 * (every table is dumped), not the SQLite database file, not its write-ahead log. On PostgreSQL the
 * rows are checked; its files are not: a rewritten row's old version stays in the table file until
 * VACUUM reuses the space, and PostgreSQL has no secure_delete (README, "Several instances").
 */
import { existsSync, readFileSync } from 'node:fs';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import { tableNames, tableRows } from '../helpers/databaseTables.ts';
import { startTestApp, type RunningApp } from '../helpers/testApp.ts';
import { testDatabaseKind } from '../helpers/testDatabaseKind.ts';
import { CARD_SHAPES } from './cardShapes.ts';

const PUBLIC_URL = 'https://bot.example.test';
const AUTH_TOKEN = 'corpus-twilio-token-0123456789';

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp({ PUBLIC_URL, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM_NUMBER: '+14045550100' });
  await seedDemoDataIfEmpty(running.database.db, running.config.IDENTITY_HASH_KEY);
});
afterAll(async () => running?.stop());

async function expectOk(res: Response, what: string): Promise<void> {
  if (res.status !== 200 && res.status !== 201) throw new Error(`${what} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/** One website-chat conversation: the messages in order, as Web Chat posts them. */
async function viaDirectLine(messages: string[]): Promise<void> {
  const base = `${running.baseUrl}/v3/directline`;
  // 81 conversations from one address outrun the token limit (60, then 1 a second) on a fast
  // machine: wait as the service says, like a browser page would.
  let generated = await fetch(`${base}/tokens/generate`, { method: 'POST' });
  while (generated.status === 429) {
    await generated.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(generated.headers.get('retry-after') ?? 1)));
    generated = await fetch(`${base}/tokens/generate`, { method: 'POST' });
  }
  await expectOk(generated.clone(), 'token generation');
  const { token } = (await generated.json()) as { token: string };
  const started = (await (await fetch(`${base}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).json()) as { conversationId: string; token: string };
  for (const [index, text] of messages.entries()) {
    const res = await fetch(`${base}/conversations/${started.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${started.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, from: { id: 'debtor' }, channelData: { clientActivityID: `corpus-${index}` } }),
    });
    await expectOk(res, 'Direct Line post');
  }
}

let sid = 0;
/** One SMS thread from its own phone number. */
async function viaSms(messages: string[], phone: string): Promise<void> {
  for (const body of messages) {
    const params = { MessageSid: `SM${String(++sid).padStart(32, '0')}`, AccountSid: 'AC0', From: phone, To: '+14045550100', Body: body };
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/api/sms`, params);
    const res = await fetch(`${running.baseUrl}/api/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    await expectOk(res, 'SMS webhook');
  }
}

/** One /api/messages conversation. */
async function viaBotEndpoint(messages: string[], conversationId: string): Promise<void> {
  for (const [index, text] of messages.entries()) {
    const res = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: `m${index}`, text, channelId: 'test', deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:9', conversation: { id: conversationId }, from: { id: 'debtor' }, recipient: { id: 'bot' } }),
    });
    await expectOk(res, '/api/messages');
  }
}

/** Every row of every table, as text, by table. */
async function everyRow(): Promise<Map<string, string>> {
  const db = running.database.db;
  const tables = new Map<string, string>();
  for (const name of await tableNames(db, { withMigrations: true })) {
    // The shared rate limits (PostgreSQL): a clock value per conversation id or address, no text —
    // and digits of that clock (1796629137.4…) would match a short needle such as a security code.
    if (name === 'RateLimit') continue;
    const rows = await tableRows(db, name);
    const parts = [JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))];
    // JSON escapes control characters; the raw values too, so "\n"-separated groups are searched as typed.
    for (const row of rows) for (const value of Object.values(row)) if (typeof value === 'string') parts.push(value);
    tables.set(name, parts.join('\n'));
  }
  return tables;
}

describe('the redaction corpus: no card number is stored, on any channel (item 3)', () => {
  const sqlite = testDatabaseKind() === 'sqlite';
  it(`${CARD_SHAPES.length} shapes × 3 channels leave no trace in any table${sqlite ? ', the database file or its WAL' : ''}`, async () => {
    expect(CARD_SHAPES.length).toBeGreaterThanOrEqual(50);
    for (const [index, shape] of CARD_SHAPES.entries()) {
      await viaDirectLine(shape.messages);
      await viaSms(shape.messages, `+1505555${String(1000 + index).slice(-4)}`);
      await viaBotEndpoint(shape.messages, `corpus-${index}`);
    }

    const byTable = await everyRow();
    const rows = [...byTable.values()].join('\n');
    const file = running.database.url.replace(/^file:/, '');
    const bytes = sqlite ? Buffer.concat([readFileSync(file), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)]) : Buffer.alloc(0);
    // The corpus really reached storage: the placeholder is there, many times over.
    expect(rows.split('[card number removed]').length - 1).toBeGreaterThanOrEqual(CARD_SHAPES.length * 3);

    const leaks: string[] = [];
    let caught = 0;
    for (const shape of CARD_SHAPES) {
      const leaked = shape.forbidden.filter((needle) => rows.includes(needle) || bytes.includes(Buffer.from(needle, 'utf8')));
      const where = (needle: string) => [...byTable].filter(([, text]) => text.includes(needle)).map(([name]) => name);
      if (leaked.length > 0) leaks.push(`${shape.name}: ${leaked.map((l) => `${JSON.stringify(l)} (${where(l).join(', ') || 'database file'})`).join(', ')}`);
      else caught += 1;
    }
    console.log(`redaction corpus: ${caught}/${CARD_SHAPES.length} card-number shapes caught on 3 channels (${CARD_SHAPES.length * 3} conversations), checked against ${sqlite ? `${bytes.length} bytes of database and WAL` : 'every row of every table (PostgreSQL)'}`);
    expect(leaks).toEqual([]);
  }, 600_000);
});
