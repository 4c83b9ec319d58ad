import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_TWIML } from '../../../src/channels/sms/smsWebhook.ts';
import { ConsoleSmsProvider } from '../../../src/channels/sms/providers.ts';
import { nextAllowedSend } from '../../../src/domain/quietHours.ts';
import { enqueueMessage } from '../../../src/outbox/outbox.ts';
import { AUTH_TOKEN, MARIA_PHONE, OUR_NUMBER, PUBLIC_URL, newMessageSid, outboxTo, startSmsHarness, type SmsHarness } from './smsHarness.ts';

let harness: SmsHarness;
let provider: ConsoleSmsProvider;
/** A moment (after every row's creation) inside every US zone's contact window, so bot-initiated texts are not held. */
const DAYTIME = nextAllowedSend(new Date(Date.now() + 60 * 60_000), null)!;

beforeAll(async () => {
  provider = new ConsoleSmsProvider();
  harness = await startSmsHarness({}, { provider });
});
afterAll(async () => harness?.close());

async function snapshot() {
  const db = harness.db;
  return {
    processed: await db.processedEvent.count(),
    outbox: await db.outboxMessage.count(),
    conversations: await db.conversation.count(),
    messages: await db.message.count(),
    audit: await db.auditEvent.count(),
    optedOut: await db.account.count({ where: { smsOptOut: true } }),
  };
}

const sentTo = (phone: string) => provider.sent.filter((m) => m.to === phone).map((m) => m.body);

describe('POST /api/sms: X-Twilio-Signature against the configured PUBLIC_URL', () => {
  it('a signed text runs a bot turn, queues the reply as a non-bot-initiated reply, and answers empty TwiML', async () => {
    const sid = newMessageSid();
    const res = await harness.postSms({ From: '+13125550199', Body: 'hi', MessageSid: sid });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await res.text()).toBe(EMPTY_TWIML);
    const [reply] = await outboxTo(harness, '+13125550199');
    expect(reply).toMatchObject({ channel: 'sms', kind: 'reply', botInitiated: false, status: 'pending', dedupeKey: `sms:reply:${sid}` });
    // DESIGN 1: before verification nothing about the account; by SMS the phone identifies, so DOB comes first.
    expect(reply!.body).toContain('date of birth');
    expect(reply!.body).not.toMatch(/\$|Peachtree|balance/i);
    const conversation = await harness.db.conversation.findUniqueOrThrow({ where: { externalId: 'sms:+13125550199' } });
    expect(conversation.channel).toBe('sms');
    expect(await harness.db.processedEvent.findUnique({ where: { id: `sms:${sid}` } })).not.toBeNull();
  });

  it.each([
    ['no signature', 'none'],
    ['a signature made with another auth token', 'wrong'],
    ['a garbage signature', 'not-a-signature'],
  ] as const)('%s: 403 and nothing changes', async (_label, signature) => {
    const before = await snapshot();
    const res = await harness.postSms({ From: MARIA_PHONE, Body: 'STOP' }, signature);
    expect(res.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('a signature for the URL rebuilt from the request (Host / X-Forwarded-*) is refused: only PUBLIC_URL counts', async () => {
    const before = await snapshot();
    const params = { MessageSid: newMessageSid(), From: MARIA_PHONE, To: OUR_NUMBER, Body: 'STOP' };
    for (const [url, headers] of [
      [`${harness.baseUrl}/api/sms`, {}],
      ['https://attacker.example/api/sms', { 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'https' }],
    ] as const) {
      const res = await fetch(`${harness.baseUrl}/api/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params), ...headers },
        body: new URLSearchParams(params).toString(),
      });
      expect(res.status).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a body changed after signing is refused', async () => {
    const before = await snapshot();
    const params = { MessageSid: newMessageSid(), From: MARIA_PHONE, To: OUR_NUMBER, Body: 'hi' };
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/api/sms`, params);
    const res = await fetch(`${harness.baseUrl}/api/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams({ ...params, Body: 'STOP' }).toString(),
    });
    expect(res.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('JSON instead of Twilio\'s form encoding is refused', async () => {
    const params = { MessageSid: newMessageSid(), From: MARIA_PHONE, To: OUR_NUMBER, Body: 'hi' };
    const res = await fetch(`${harness.baseUrl}/api/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/api/sms`, params) },
      body: JSON.stringify(params),
    });
    expect(res.status).toBe(403);
  });
});

describe('replays: a repeated MessageSid is ignored', () => {
  it('the same text delivered twice runs one turn and queues one reply', async () => {
    const phone = '+19175550001';
    const sid = newMessageSid();
    expect((await harness.postSms({ From: phone, Body: 'hi', MessageSid: sid })).status).toBe(200);
    const transcript = await harness.db.message.count();
    const replay = await harness.postSms({ From: phone, Body: 'hi', MessageSid: sid });
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe(EMPTY_TWIML);
    expect(await outboxTo(harness, phone)).toHaveLength(1);
    expect(await harness.db.message.count()).toBe(transcript);
  });

  it('DESIGN 5: a replayed STOP records one opt-out and sends one confirmation', async () => {
    const phone = '+16465550112'; // A-1006
    const sid = newMessageSid();
    await harness.postSms({ From: phone, Body: 'STOP', MessageSid: sid });
    await harness.postSms({ From: phone, Body: 'STOP', MessageSid: sid });
    const account = await harness.db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1006' } });
    expect(await harness.db.auditEvent.count({ where: { accountId: account.id, type: 'sms.opt_out' } })).toBe(1);
    expect(await outboxTo(harness, phone)).toHaveLength(1);
    // Restore for other tests.
    await harness.postSms({ From: phone, Body: 'START' });
  });
});

describe('DESIGN 5: STOP / START / HELP before the bot', () => {
  it('STOP (any case) opts out every account with the phone, audits, confirms once — and then nothing more by SMS, not even the bot\'s replies', async () => {
    const phone = '+14155550188'; // A-1003
    const account = () => harness.db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1003' } });
    const worker = harness.worker();

    const sentRows = async () => (await outboxTo(harness, phone)).filter((r) => r.status === 'sent');
    await harness.postSms({ From: phone, Body: 'hi' });
    await worker.runOnce(DAYTIME);
    expect(await sentRows()).toHaveLength(1);
    const partsBefore = sentTo(phone).length;

    await harness.postSms({ From: phone, Body: ' sToP ' });
    expect((await account()).smsOptOut).toBe(true);
    const audit = await harness.db.auditEvent.findMany({ where: { accountId: (await account()).id, type: 'sms.opt_out' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('debtor');
    await worker.runOnce(DAYTIME);
    expect(await sentRows()).toHaveLength(2);
    const confirmation = sentTo(phone).slice(partsBefore);
    expect(confirmation).toHaveLength(1);
    expect(confirmation[0]).toMatch(/will not receive any more text messages from us\. Reply START to resume\./);

    // The bot still hears the debtor (the words are recorded) but nothing goes back by SMS.
    await harness.postSms({ From: phone, Body: 'I dispute this debt' });
    await harness.postSms({ From: phone, Body: 'HELP' });
    await harness.postSms({ From: phone, Body: 'STOP' }); // a second STOP: no second confirmation
    await worker.runOnce(DAYTIME);
    expect(sentTo(phone)).toHaveLength(partsBefore + 1);
    const rows = await outboxTo(harness, phone);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(2);
    expect(rows.filter((r) => r.status !== 'sent').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status !== 'sent').every((r) => r.status === 'cancelled')).toBe(true);
    const conversation = await harness.db.conversation.findUniqueOrThrow({ where: { externalId: `sms:${phone}` } });
    expect(await harness.db.message.count({ where: { conversationId: conversation.id, direction: 'in', text: 'I dispute this debt' } })).toBe(1);

    // START opts back in, with a confirmation; texts flow again.
    await harness.postSms({ From: phone, Body: 'start' });
    expect((await account()).smsOptOut).toBe(false);
    expect(await harness.db.auditEvent.count({ where: { accountId: (await account()).id, type: 'sms.opt_in' } })).toBe(1);
    await worker.runOnce(DAYTIME);
    expect(sentTo(phone).at(-1)).toMatch(/You will receive text messages from us again/);
    await harness.postSms({ From: phone, Body: 'hello again' });
    await worker.runOnce(DAYTIME);
    expect(await sentRows()).toHaveLength(4);
  });

  it.each(['STOP', 'stop', 'Stop', 'END', 'cancel', 'Unsubscribe', 'QUIT', 'stopall', 'STOP.'])('%j is an opt-out', async (word) => {
    const phone = '+12175550100';
    await harness.db.account.updateMany({ where: { phone }, data: { smsOptOut: false } });
    const before = await harness.db.auditEvent.count({ where: { type: 'sms.opt_out' } });
    await harness.postSms({ From: phone, Body: word });
    expect(await harness.db.auditEvent.count({ where: { type: 'sms.opt_out' } })).toBe(before + 1);
    await harness.postSms({ From: phone, Body: 'UNSTOP' });
  });

  it('"stop please" is not the keyword: the bot\'s cease handles it, and SMS stays on', async () => {
    const phone = '+12105550134'; // A-1002, Spanish
    await harness.postSms({ From: phone, Body: 'stop please' });
    const account = await harness.db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1002' } });
    expect(account.smsOptOut).toBe(false);
    expect(await harness.db.auditEvent.count({ where: { accountId: account.id, type: 'sms.opt_out' } })).toBe(0);
    const [reply] = await outboxTo(harness, phone);
    expect(reply!.kind).toBe('reply');
    expect(await harness.db.handoff.count({ where: { reason: 'cease' } })).toBeGreaterThan(0);
  });

  it('HELP / INFO answer with who we are, a help contact, frequency, rates and how to opt out (in the account\'s language)', async () => {
    await harness.postSms({ From: '+13055550147', Body: 'help' });
    await harness.postSms({ From: '+12105550134', Body: 'INFO' }); // A-1002 speaks Spanish
    const [english] = (await outboxTo(harness, '+13055550147')).map((r) => r.body);
    expect(english).toContain('Summit Recovery Services');
    expect(english).toContain(harness.config.COLLECTOR_PHONE);
    expect(english).toMatch(/Msg frequency varies: up to 7 a week/);
    expect(english).toContain('Msg & data rates may apply');
    expect(english).toContain('Reply STOP to opt out');
    // HELP says nothing about a debt: whoever holds the phone may not be the debtor (DESIGN 1).
    expect(english).not.toMatch(/debt|collect|balance/i);
    const spanish = (await outboxTo(harness, '+12105550134')).at(-1)!.body;
    expect(spanish).toMatch(/Responda STOP para darse de baja/);
  });

  it('DESIGN 5: "BAJA" from an English-language account opts out, and the one confirmation is in Spanish', async () => {
    const phone = '+13055550147'; // A-1005, English
    await harness.postSms({ From: phone, Body: 'Baja' });
    const account = await harness.db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1005' } });
    expect(account.smsOptOut).toBe(true);
    expect((await outboxTo(harness, phone)).at(-1)!.body).toMatch(/Se ha dado de baja/);
    await harness.postSms({ From: phone, Body: 'START' });
  });

  it('a number with no account can opt out too; its later replies are cancelled until START', async () => {
    const phone = '+19175550999';
    const worker = harness.worker();
    await harness.postSms({ From: phone, Body: 'STOP' });
    const audit = await harness.db.auditEvent.findFirstOrThrow({ where: { type: 'sms.opt_out', accountId: null }, orderBy: { createdAt: 'desc' } });
    expect(audit.conversationId).not.toBeNull();
    await harness.postSms({ From: phone, Body: 'hi' });
    await worker.runOnce(DAYTIME);
    expect(sentTo(phone)).toHaveLength(1); // the confirmation only
    await harness.postSms({ From: phone, Body: 'START' });
    await harness.postSms({ From: phone, Body: 'hi' });
    await worker.runOnce(DAYTIME);
    expect(sentTo(phone)).toHaveLength(3);
  });
});

describe('DESIGN 5: no SMS ever to an opted-out number, even queued before the STOP', () => {
  it('bot-initiated and reply texts queued earlier are cancelled by the STOP; texts queued after it are cancelled by the worker', async () => {
    const phone = '+13125550199'; // A-1004
    const account = await harness.db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1004' } });
    await enqueueMessage(harness.db, { channel: 'sms', to: phone, accountId: account.id, kind: 'reminder', body: 'Reminder: your payment is due.', botInitiated: true });
    await enqueueMessage(harness.db, { channel: 'sms', to: phone, accountId: account.id, kind: 'officer', body: 'An officer will call you.', botInitiated: false });
    const before = sentTo(phone).length;
    await harness.postSms({ From: phone, Body: 'STOP' });
    await enqueueMessage(harness.db, { channel: 'sms', to: phone, accountId: account.id, kind: 'receipt', body: 'Payment received.', botInitiated: true });
    await harness.worker().runOnce(DAYTIME);
    const sent = sentTo(phone).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/opted out/);
    const rows = await harness.db.outboxMessage.findMany({ where: { to: phone, kind: { in: ['reminder', 'officer', 'receipt'] } } });
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    await harness.postSms({ From: phone, Body: 'START' });
  });
});
