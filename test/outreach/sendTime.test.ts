/**
 * Campaign messages are checked when they leave, not only at launch (issue #17 item 3): quiet hours
 * in the debtor's zone and the stated inconvenient times (DESIGN 13, 18), the weekly cap, consent,
 * cease and attorney (DESIGN 5, 6, 19); and an opt-out by SMS STOP or by the email link stops the
 * next message (1006.6(e)).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordContactPreference } from '../../src/accounts/contactPreference.ts';
import { DAY, HOUR, PUBLIC_URL, businessHourAfter, postSms, startOutreachApp, type OutreachApp } from './outreachHarness.ts';

// Each test launches campaigns over a whole service and runs its outbox: slow on a busy two-core machine.
vi.setConfig({ testTimeout: 90_000 });

let app: OutreachApp | undefined;
/** The environment of the next app (a describe may change it for its tests). */
let env: Record<string, string> = {};
beforeEach(async () => {
  app = await startOutreachApp(env);
}, 60_000);
afterEach(async () => {
  await app?.running.stop();
  app = undefined;
});
const started = (): OutreachApp => app!;

/** A link from an email (PUBLIC_URL) opened on the test server. */
const local = (a: OutreachApp, url: string) => url.replace(PUBLIC_URL, a.running.baseUrl);

async function outreachTo(a: OutreachApp, accountNumber: string, channel = 'sms') {
  const account = await a.running.database.db.account.findUniqueOrThrow({ where: { accountNumber } });
  return a.running.database.db.outboxMessage.findMany({ where: { accountId: account.id, kind: 'outreach', channel }, orderBy: { createdAt: 'asc' } });
}

describe('send-time enforcement', () => {
  it('DESIGN 13: outside 08:00-21:00 in the debtor’s zone nothing leaves; the text waits for the window', async () => {
    const a = started();
    await a.launch({ channels: ['sms'] });
    // 02:00 UTC is 21:00 in New York and 18:00 in Los Angeles: New York is closed, Los Angeles open.
    const evening = businessHourAfter();
    evening.setUTCHours(26, 0, 0, 0);
    await a.deliver(evening);
    const [maria] = await outreachTo(a, 'A-1001');
    expect(maria).toMatchObject({ status: 'pending', deliveryStatus: 'held:quiet_hours' });
    expect(maria!.nextAttemptAt.getTime()).toBe(evening.getTime() + 11 * HOUR); // 08:00 New York (EST)
    const [james] = await outreachTo(a, 'A-1003');
    expect(james!.status).toBe('sent');
    await a.deliver(new Date(evening.getTime() + 11 * HOUR));
    expect((await outreachTo(a, 'A-1001'))[0]!.status).toBe('sent');
  });

  it('DESIGN 18: a time the consumer said is inconvenient (A-1005: Sundays) holds the text until it has passed', async () => {
    const a = started();
    await a.launch({ channels: ['sms'] });
    const sunday = businessHourAfter();
    while (sunday.getUTCDay() !== 0) sunday.setTime(sunday.getTime() + DAY);
    await a.deliver(sunday);
    const [robert] = await outreachTo(a, 'A-1005');
    expect(robert).toMatchObject({ status: 'pending', deliveryStatus: 'held:inconvenient_time' });
    expect(robert!.nextAttemptAt.getUTCDay()).toBe(1);
    expect((await outreachTo(a, 'A-1001'))[0]!.status).toBe('sent');
  });

  it('DESIGN 18: what the debtor told the bot (stored by the conversation) is honoured too: "mornings are bad" holds, "no texts" cancels', async () => {
    const a = started();
    const db = a.running.database.db;
    await a.launch({ channels: ['sms'] });
    const at = businessHourAfter(); // 13:00 New York, 12:00 Chicago
    const aisha = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1006' } });
    const carlos = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1002' } });
    const none = { preferTimes: [], avoidDays: [], preferDays: [], avoidPlaces: [], preferChannels: [], channels: [] };
    await recordContactPreference(db, { accountId: aisha.id, channel: 'sms', now: at }, { ...none, avoidTimes: [{ from: '08:00', to: '15:00' }], avoidChannels: [] });
    await recordContactPreference(db, { accountId: carlos.id, channel: 'sms', now: at }, { ...none, avoidTimes: [], avoidChannels: ['text'] });
    await a.deliver(at);
    const [held] = await outreachTo(a, 'A-1006');
    expect(held).toMatchObject({ status: 'pending', deliveryStatus: 'held:inconvenient_time' });
    expect(held!.nextAttemptAt).toEqual(new Date(at.getTime() + 2 * HOUR)); // 15:00 New York
    expect((await outreachTo(a, 'A-1002'))[0]!.status).toBe('cancelled');
  });

  it('DESIGN 5, 6, 19: consent withdrawn, a cease request or an attorney after the launch cancels the waiting message', async () => {
    const a = started();
    const db = a.running.database.db;
    await a.launch({ channels: ['sms', 'email'] });
    await db.account.update({ where: { accountNumber: 'A-1001' }, data: { ceaseCommunication: true } });
    await db.account.update({ where: { accountNumber: 'A-1003' }, data: { attorneyRepresented: true, attorneyName: 'J. Counsel' } });
    await db.account.update({ where: { accountNumber: 'A-1006' }, data: { smsConsent: false } });
    await db.account.update({ where: { accountNumber: 'A-1004' }, data: { emailConsent: null } });
    await a.deliver(businessHourAfter());
    for (const [number, channel] of [['A-1001', 'sms'], ['A-1001', 'email'], ['A-1003', 'sms'], ['A-1006', 'sms'], ['A-1004', 'email']] as const) {
      const [message] = await outreachTo(a, number, channel);
      expect(message!.status, `${number} ${channel}`).toBe('cancelled');
    }
    // Aisha's email still goes (only her text consent was withdrawn); Carlos gets both.
    expect((await outreachTo(a, 'A-1006', 'email'))[0]!.status).toBe('sent');
    expect((await outreachTo(a, 'A-1002', 'sms'))[0]!.status).toBe('sent');
    const figures = (await a.supervisor.request<{ stopped: number; sent: number }>('GET', '/officer/api/campaigns')).body as unknown as { campaigns: Array<{ stopped: number; sent: number }> };
    expect(figures.campaigns[0]).toMatchObject({ stopped: 3, sent: 3 }); // A-1001, A-1003 and A-1004 (email only): nothing left
  });
});

describe('the weekly cap (SMS_WEEKLY_CAP=1)', () => {
  beforeAll(() => {
    env = { SMS_WEEKLY_CAP: '1' };
  });
  afterAll(() => {
    env = {};
  });

  it('DESIGN 13: the weekly cap counts the texts we started this week and holds the campaign text', async () => {
    const a = started();
    const db = a.running.database.db;
    await a.launch({ channels: ['sms'] });
    const at = businessHourAfter();
    const maria = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    await db.outboxMessage.create({ data: { channel: 'sms', to: maria.phone!, accountId: maria.id, kind: 'reminder', body: 'x', botInitiated: true, status: 'sent', sentAt: new Date(at.getTime() - 2 * DAY) } });
    await a.deliver(at);
    const [held] = await outreachTo(a, 'A-1001');
    expect(held).toMatchObject({ status: 'pending', deliveryStatus: 'held:weekly_cap' });
    expect(held!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(at.getTime() + 5 * DAY);
  });
});

describe('the creditor-notice safe harbor at send time (1006.6(d)(4)(ii))', () => {
  it('an address under the creditor’s notice waits until its 35-day opt-out period has run', async () => {
    const a = started();
    const db = a.running.database.db;
    await a.launch({ channels: ['email'] });
    const at = businessHourAfter();
    const noticeAt = new Date(at.getTime() - 10 * DAY);
    await db.account.update({ where: { accountNumber: 'A-1002' }, data: { emailNoticeAt: noticeAt } });
    await a.deliver(at);
    const [carlos] = await outreachTo(a, 'A-1002', 'email');
    expect(carlos).toMatchObject({ status: 'pending', deliveryStatus: 'held:email_notice_period' });
    expect(carlos!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(noticeAt.getTime() + 35 * DAY);
    expect((await outreachTo(a, 'A-1001', 'email'))[0]!.status).toBe('sent');
  });
});

describe('opt-outs stop the next message (1006.6(e))', () => {
  it('DESIGN 5: SMS STOP cancels the next campaign text; the email link cancels the next email, in one click', async () => {
    const a = started();
    const db = a.running.database.db;
    const onlyMaria = { minBalance: 108_500, maxBalance: 108_500 };
    await a.launch({ name: 'First', channels: ['sms', 'email'], filter: onlyMaria });
    const at = businessHourAfter();
    await a.deliver(at);
    const [firstEmail] = a.consoleEmails();
    expect(firstEmail).toBeDefined();
    // A second campaign queues the next messages to Maria.
    await a.launch({ name: 'Second', channels: ['sms', 'email'], filter: { ...onlyMaria, neverContacted: false } });

    await postSms(a.running, '+14045550101', 'STOP');
    const page = await fetch(local(a, firstEmail!.unsubscribeUrl));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You will not get more emails from us');

    await a.deliver(new Date(at.getTime() + HOUR));
    const texts = await outreachTo(a, 'A-1001', 'sms');
    const emails = await outreachTo(a, 'A-1001', 'email');
    expect(texts.map((m) => m.status)).toEqual(['sent', 'cancelled']);
    expect(emails.map((m) => m.status)).toEqual(['sent', 'cancelled']);
    expect(a.consoleEmails()).toHaveLength(1);
    const maria = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    expect(maria).toMatchObject({ smsOptOut: true, emailOptOut: true });
    expect(await db.auditEvent.count({ where: { type: 'email.unsubscribed', accountId: maria.id } })).toBe(1);

    // A message enqueued after the opt-out is cancelled by the worker itself.
    await db.outboxMessage.create({ data: { channel: 'email', to: maria.email!, accountId: maria.id, kind: 'reminder', body: JSON.stringify({ subject: 's', text: 't' }), botInitiated: true } });
    await a.deliver(new Date(at.getTime() + 2 * HOUR));
    expect(await db.outboxMessage.count({ where: { channel: 'email', kind: 'reminder', status: 'cancelled' } })).toBe(1);

    // Clicking again changes nothing; a mail app's RFC 8058 one-click POST works too.
    expect((await fetch(local(a, firstEmail!.unsubscribeUrl))).status).toBe(200);
    const post = await fetch(local(a, firstEmail!.unsubscribeUrl), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(post.status).toBe(200);
    expect(await db.auditEvent.count({ where: { type: 'email.unsubscribed', accountId: maria.id } })).toBe(1);

    // The report counts the opt-out.
    const campaigns = (await a.supervisor.request<{ campaigns: Array<{ name: string; optedOut: number }> }>('GET', '/officer/api/campaigns')).body.campaigns;
    expect(campaigns.find((c) => c.name === 'First')!.optedOut).toBe(1);
  });

  it('an altered or foreign opt-out link records nothing and says how to stop emails', async () => {
    const a = started();
    await a.launch({ channels: ['email'] });
    await a.deliver(businessHourAfter());
    const url = a.consoleEmails()[0]!.unsubscribeUrl;
    const altered = url.slice(0, -3) + (url.endsWith('AAA') ? 'BBB' : 'AAA');
    const res = await fetch(local(a, altered));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('This link is not valid');
    expect(await a.running.database.db.account.count({ where: { emailOptOut: true } })).toBe(0);
  });
});
