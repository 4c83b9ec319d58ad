/**
 * Issue 10 item 6: an outbox worker process is killed (SIGKILL) while the carrier holds part 1 of a
 * 2-part text — the carrier accepted it, the answer never came back. The next worker pass, right
 * away (not after the 5-minute lease), finishes the text: part 1 is not sent again (the carrier is
 * asked whether it has it), part 2 goes once. Real twilio client, fake Twilio over HTTP.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSmsParts } from '../../../src/channels/sms/smsDeliverer.ts';
import { TwilioSmsProvider } from '../../../src/channels/sms/providers.ts';
import { enqueueMessage } from '../../../src/outbox/outbox.ts';
import { startFakeTwilio, type FakeTwilio } from '../../fakes/fakeTwilio.ts';
import { MARIA_PHONE, startSmsHarness, type SmsHarness } from './smsHarness.ts';

let fake: FakeTwilio;
let harness: SmsHarness;

beforeAll(async () => {
  fake = await startFakeTwilio();
  harness = await startSmsHarness({}, { provider: new TwilioSmsProvider({ accountSid: fake.accountSid, authToken: fake.authToken, apiBaseUrl: fake.baseUrl }) });
});
afterAll(async () => {
  await harness?.close();
  await fake?.close();
});

// A reply sent as two messages: one message holds up to ten segments (1,530 GSM-7 characters), so this
// is a long plan schedule, the kind of text that still outgrows one message.
const BODY =
  'Thank you. Your payment plan is set up: 24 monthly payments of $45.21. ' +
  Array.from({ length: 24 }, (_, i) => `Payment ${i + 1} of 24: $45.21, due on the 15th of month ${i + 1} of the plan, by the card you saved.`).join('\n') +
  '\nYou can cancel it at any time by replying "cancel plan". A receipt follows every payment.';

describe('a worker killed while the carrier holds part 1 of 2 (item 6)', () => {
  it('the next pass, at once, sends part 2 only: every part reaches the phone exactly once', async () => {
    const parts = composeSmsParts(BODY, { botInitiated: false, footer: '' });
    expect(parts).toHaveLength(2);
    const message = await enqueueMessage(harness.db, { channel: 'sms', to: MARIA_PHONE, kind: 'reply', body: BODY, botInitiated: false });

    fake.hangAfterAccept(1);
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./workerProcess.ts', import.meta.url))], {
      env: { ...process.env, DATABASE_URL: harness.database.url, TWILIO_ACCOUNT_SID: fake.accountSid, TWILIO_AUTH_TOKEN: fake.authToken, TWILIO_API_BASE_URL: fake.baseUrl, NOW: new Date().toISOString(), START_AT: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 600 && fake.messages.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.messages).toHaveLength(1); // the carrier has part 1; the worker waits for its answer
    child.kill('SIGKILL');
    await exited;

    const pass = await harness.worker().runOnce(new Date());
    expect(pass.sent).toBe(1);
    const bodies = fake.messages.map((m) => m.form.Body);
    expect(bodies).toEqual(parts);
    const row = await harness.db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row.status).toBe('sent');
    expect(row.providerRef?.split(',')).toEqual(fake.messages.map((m) => m.sid));
    expect(row.partPending).toBeNull();
  }, 90_000);
});
