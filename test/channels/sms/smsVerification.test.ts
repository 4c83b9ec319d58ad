import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SEGMENTS_PER_MESSAGE, smsSegments } from '../../../src/domain/smsText.ts';
import { TwilioSmsProvider } from '../../../src/channels/sms/providers.ts';
import { startFakeTwilio, type FakeTwilio } from '../../fakes/fakeTwilio.ts';
import { MARIA_PHONE, OUR_NUMBER, startSmsHarness, type SmsHarness } from './smsHarness.ts';

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

/** Texts as the debtor (signed webhook), runs the outbox worker, and returns what the phone received. */
async function text(body: string): Promise<string> {
  const before = fake.messages.length;
  const res = await harness.postSms({ From: MARIA_PHONE, Body: body });
  expect(res.status).toBe(200);
  const result = await harness.worker().runOnce(new Date(Date.now() + 60_000));
  expect(result.failed).toBe(0);
  const received = fake.messages.slice(before);
  for (const message of received) {
    expect(message.form.To).toBe(MARIA_PHONE);
    expect(message.form.From).toBe(OUR_NUMBER);
  }
  return received.map((m) => m.form.Body!.replace(/^\(\d+\/\d+\) /, '')).join(' ').replace(/\s+/g, ' ');
}

describe('a full SMS verification through the webhook, the outbox worker and the real twilio client', () => {
  it('DESIGN 1, 2: A-1001 verifies by phone on file + date of birth + ZIP; nothing about the debt before, the debt-collector disclosure right after', async () => {
    const first = await text('hi');
    expect(first).toContain('date of birth');
    expect(first).not.toMatch(/\$|Peachtree|balance|debt/i);

    const second = await text('March 14 1985');
    expect(second).toContain('ZIP code');
    expect(second).not.toMatch(/\$|Peachtree|balance/i);

    const third = await text('30301');
    expect(third).toContain('You are verified');
    expect(third).toMatch(/Summit Recovery Services is a debt collector\. We are attempting to collect a debt, and any information obtained will be used for that purpose\./);
    expect(third).toContain('$1,085.00');
    expect(third).toContain('**1001'); // the masked account number, in GSM-7 look-alikes
    // GSM-7 throughout (no 70-character UCS-2 segments), each reply one message the phone joins, within the segment cap.
    for (const message of fake.messages) {
      const { encoding, segments } = smsSegments(message.form.Body!);
      expect(encoding).toBe('GSM-7');
      expect(segments).toBeLessThanOrEqual(MAX_SEGMENTS_PER_MESSAGE);
    }

    const conversation = await harness.db.conversation.findUniqueOrThrow({ where: { externalId: `sms:${MARIA_PHONE}` } });
    const account = await harness.db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    expect(conversation.accountId).toBe(account.id);
    // The identity factors never reach the transcript in clear.
    const transcript = await harness.db.message.findMany({ where: { conversationId: conversation.id } });
    expect(transcript.map((m) => m.text).join('\n')).not.toMatch(/March 14|30301/);
    // Every reply was a reply (any hour), split into parts, all delivered and recorded.
    const rows = await harness.db.outboxMessage.findMany({ where: { to: MARIA_PHONE }, orderBy: { createdAt: 'asc' } });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ kind: 'reply', botInitiated: false, status: 'sent', accountId: row.accountId });
      expect(row.providerRef!.split(',').every((ref) => /^SM[0-9a-f]{32}$/.test(ref))).toBe(true);
    }
    expect(rows.at(-1)!.accountId).toBe(account.id);
  });
});
