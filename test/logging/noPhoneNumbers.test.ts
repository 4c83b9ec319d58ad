/**
 * Issue 10 item 11: the README promises that phone numbers are never logged. An SMS conversation's
 * id is "sms:<phone>", and every SMS turn used to log it. Every log line of a whole SMS exchange —
 * webhook, turn, keywords, outbox, provider, at debug level — is checked for the debtor's number in
 * any of its spellings.
 */
import { Writable } from 'node:stream';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

const PUBLIC_URL = 'https://bot.example.test';
const AUTH_TOKEN = 'log-test-twilio-token-0123456789';
const PHONE = '+13055550147'; // A-1005 (demo placements)

let database: TestDatabase;
let app: App;
let baseUrl: string;
const lines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, PUBLIC_URL, TWILIO_AUTH_TOKEN: AUTH_TOKEN, LOG_LEVEL: 'trace' });
  await seedDemoDataIfEmpty(database.db, config.IDENTITY_HASH_KEY);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  app = createApp({ config, db: database.db, logger: createLogger('trace', sink) });
  baseUrl = await app.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await app?.http.drain(1_000);
  await database?.close();
});

let sid = 0;
async function text(body: string): Promise<void> {
  const params = { MessageSid: `SM${String(++sid).padStart(32, '0')}`, AccountSid: 'AC0', From: PHONE, To: '+14045550100', Body: body };
  const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/api/sms`, params);
  const res = await fetch(`${baseUrl}/api/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
  await app.outboxWorker.runOnce(new Date(Date.now() + 60_000));
}

describe('logs of an SMS conversation (item 11)', () => {
  it('never contain the debtor\'s phone number, in any spelling', async () => {
    for (const body of ['hi', 'May 30 1958', '33101', 'why is it so high?', 'HELP', 'I dispute this debt', 'STOP']) await text(body);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((line) => line.includes('"msg":"turn"'))).toBe(true);
    const leaks = lines.filter((line) => /3055550147|305[ .-]?555[ .-]?0147/.test(line));
    expect(leaks).toEqual([]);
  });
});
