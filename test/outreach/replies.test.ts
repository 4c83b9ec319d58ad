/**
 * Replies land in the bot (issue #17 item 5) and the campaign report counts them (item 6): a text
 * back to a campaign text is verified with the phone on file and negotiates to a plan; an email's
 * chat link opens the web chat on that account but still asks the identity questions (DESIGN 1);
 * the report page and its CSV carry the campaign figures. And the notice sweep (item 4) catches a
 * first contact whose after-send step never ran (1006.34(a)).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import { businessHourAfter, HOUR, postSms, PUBLIC_URL, startOutreachApp, type OutreachApp } from './outreachHarness.ts';

// Each test launches campaigns over a whole service and runs its outbox: slow on a busy two-core machine.
vi.setConfig({ testTimeout: 90_000 });

let app: OutreachApp;
beforeEach(async () => {
  app = await startOutreachApp();
}, 60_000);
afterEach(async () => app?.running.stop());

const db = () => app.running.database.db;
const MARIA_PHONE = '+14045550101';
const onlyMaria = { minBalance: 108_500, maxBalance: 108_500 };

/** Texts as Maria and returns the bot's replies to this text. */
async function text(body: string): Promise<string> {
  const before = await db().outboxMessage.count({ where: { to: MARIA_PHONE, kind: 'reply' } });
  await postSms(app.running, MARIA_PHONE, body);
  const replies = await db().outboxMessage.findMany({ where: { to: MARIA_PHONE, kind: 'reply' }, orderBy: { createdAt: 'asc' }, skip: before });
  return replies.map((r) => r.body).join('\n');
}

/**
 * Delivers the campaign at the next business hour (quiet hours), then dates the sends to now, as
 * if that hour had come: what the debtor does next happens after the first message.
 */
async function deliverNow(): Promise<void> {
  await app.deliver(businessHourAfter());
  await db().outboxMessage.updateMany({ where: { kind: 'outreach', status: 'sent' }, data: { sentAt: new Date() } });
}

interface Figures {
  name: string;
  sent: number;
  replied: number;
  verified: number;
  resolved: number;
  collected: Array<{ currency: string; amount: number }>;
  rates: Record<string, number | null>;
}

describe('an SMS reply to a campaign text', () => {
  it('DESIGN 1, 2: goes to verification with the phone on file, verifies, negotiates a plan — and the campaign report counts it', async () => {
    const { id } = await app.launch({ name: 'Maria text', channels: ['sms'], filter: onlyMaria });
    await deliverNow();
    const [first] = await db().outboxMessage.findMany({ where: { kind: 'outreach' } });
    expect(first!.status).toBe('sent');

    // The phone on file identifies her: the bot asks for the date of birth, never the account number, and says nothing of the debt.
    const hello = await text('Hi, who is this?');
    expect(hello).toMatch(/date of birth/);
    expect(hello).not.toMatch(/account number|\$|Peachtree|balance/i);
    expect(await text('March 14 1985')).toMatch(/ZIP/);
    const verified = await text('30301');
    expect(verified).toMatch(/is a debt collector/);
    expect(verified).toContain('$1,085.00');
    await text('yes'); // E-SIGN consent
    expect(await text('pay in full')).toContain('Do you agree');
    await text('YES');

    const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    const plan = await db().plan.findFirstOrThrow({ where: { accountId: account.id } });
    expect(plan).toMatchObject({ kind: 'full', authorizedChannel: 'sms' });

    const figures = (await app.supervisor.request<Figures>('GET', `/officer/api/campaigns/${id}`)).body;
    expect(figures).toMatchObject({ sent: 1, replied: 1, verified: 1, resolved: 1 });
    expect(figures.rates).toMatchObject({ contact: 1, reply: 1, verification: 1, resolution: 1, optOut: 0 });

    // A payment after the first message counts as collected.
    await db().payment.create({ data: { accountId: account.id, planId: plan.id, amount: 108_500, currency: 'USD', status: 'succeeded', provider: 'demo' } });

    // The supervisor report and its CSV carry the campaign.
    const report = (await app.supervisor.request<{ campaigns: Figures[]; definitions: Record<string, string> }>('GET', '/officer/api/reports')).body;
    expect(report.campaigns).toHaveLength(1);
    expect(report.campaigns[0]).toMatchObject({ name: 'Maria text', sent: 1, replied: 1, verified: 1, resolved: 1, collected: [{ currency: 'USD', amount: 108_500 }] });
    expect(report.definitions.campaigns).toMatch(/contact rate/);
    const csvRes = await fetch(`${app.running.baseUrl}/officer/api/reports.csv`, { headers: { cookie: app.supervisor.cookie } });
    const rows = parse(await csvRes.text()) as string[][];
    expect(rows[0]).toEqual(['section', 'metric', 'key', 'currency', 'value', 'definition']);
    const campaignRows = rows.filter((r) => r[0] === 'campaigns');
    const value = (metric: string) => campaignRows.find((r) => r[1] === metric && r[2] === id)?.[4];
    expect(value('sent')).toBe('1');
    expect(value('replied')).toBe('1');
    expect(value('verified')).toBe('1');
    expect(value('resolved')).toBe('1');
    expect(value('reply_rate')).toBe('1.0000');
    expect(value('opted_out_rate') ?? value('opt_out_rate')).toBe('0.0000');
    expect(campaignRows.find((r) => r[1] === 'collected' && r[2] === id)).toEqual(['campaigns', 'collected', id, 'USD', '1085.00', '']);
    expect(campaignRows.find((r) => r[1] === 'name')).toEqual(['campaigns', 'name', id, '', '', 'Maria text']);
    expect(campaignRows.some((r) => r[1] === 'definition')).toBe(true);
  });

  it('a debtor who texted before the campaign (not a reply) is not counted as replying', async () => {
    await text('hello');
    const { id } = await app.launch({ name: 'Anyway', channels: ['sms'], filter: { ...onlyMaria, neverContacted: false } });
    await deliverNow();
    const figures = (await app.supervisor.request<Figures>('GET', `/officer/api/campaigns/${id}`)).body;
    expect(figures).toMatchObject({ sent: 1, replied: 0 });
  });
});

describe('the chat link of an outreach email', () => {
  async function chatLinkToken(): Promise<string> {
    await app.launch({ name: 'Maria email', channels: ['email'], filter: onlyMaria });
    await app.deliver(businessHourAfter());
    const [email] = app.consoleEmails();
    const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/\\?start=([A-Za-z0-9_.-]+)`).exec(email!.text);
    return match![1]!;
  }

  /** A Direct Line conversation opened like the chat page does with ?start=…; returns what the bot says to each line. */
  async function chat(start: string | null, lines: string[]): Promise<string[]> {
    const base = `${app.running.baseUrl}/v3/directline`;
    const generated = await fetch(`${base}/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(start ? { start } : {}) });
    expect(generated.status).toBe(200);
    const { token, conversationId } = (await generated.json()) as { token: string; conversationId: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    expect((await fetch(`${base}/conversations`, { method: 'POST', headers: auth, body: '{}' })).status).toBe(201);
    let watermark: string | undefined;
    const read = async () => {
      const res = await fetch(`${base}/conversations/${conversationId}/activities${watermark ? `?watermark=${watermark}` : ''}`, { headers: auth });
      const body = (await res.json()) as { activities: Array<{ from: { id: string }; text?: string }>; watermark: string };
      watermark = body.watermark;
      return body.activities.filter((a) => a.from.id === 'debt-bot').map((a) => a.text ?? '').join('\n');
    };
    const said = [await read()];
    for (const line of lines) {
      await fetch(`${base}/conversations/${conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', from: { id: 'debtor' }, text: line }) });
      said.push(await read());
    }
    return said;
  }

  it('DESIGN 1: opens the chat on the account, asks the date of birth first, and still verifies before anything about the debt', async () => {
    const start = await chatLinkToken();
    const [greeting, afterWrongDob, afterFailed, afterDob, afterZip] = await chat(start, ['January 1 1970', '30301', 'March 14 1985', '30301']);
    expect(greeting).toMatch(/date of birth/);
    expect(greeting).not.toMatch(/account number/i);
    // Wrong answers fail like any verification, say nothing about the debt, and ask again on the same account.
    for (const said of [greeting, afterWrongDob, afterFailed, afterDob]) expect(said).not.toMatch(/\$|1,085|Peachtree|balance/i);
    expect(afterFailed).toMatch(/date of birth/);
    expect(afterZip).toContain('$1,085.00');
    const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    expect(await db().auditEvent.count({ where: { type: 'outreach.chat_opened', accountId: account.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { type: 'verification.failed', accountId: account.id } })).toBe(1);
    const success = await db().auditEvent.findFirstOrThrow({ where: { type: 'verification.succeeded', accountId: account.id } });
    expect(JSON.parse(success.detailJson)).toMatchObject({ channel: 'web', by: 'chat_link' });
  });

  it('an altered link is refused by the endpoint; an unknown one opens a plain chat that asks which account', async () => {
    const start = await chatLinkToken();
    const altered = `${start.slice(0, -2)}${start.endsWith('AA') ? 'BB' : 'AA'}`;
    const [greeting] = await chat(altered, []);
    expect(greeting).not.toMatch(/^.*date of birth.*$/m);
    const malformed = await fetch(`${app.running.baseUrl}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ start: 'not a token' }) });
    expect(malformed.status).toBe(400);
    expect(await db().auditEvent.count({ where: { type: 'outreach.chat_opened' } })).toBe(0);
  });
});

describe('the validation-notice sweep (1006.34(a))', () => {
  it('DESIGN 3, 19: a first contact whose after-send step never ran gets a mailed-notice request; a second run adds nothing', async () => {
    await app.launch({ name: 'Crash', channels: ['sms'], filter: onlyMaria });
    const at = businessHourAfter();
    // The text left but the process died before the after-send step: sent, no first-contact record, no notice.
    const [message] = await db().outboxMessage.findMany({ where: { kind: 'outreach' } });
    await db().outboxMessage.update({ where: { id: message!.id }, data: { status: 'sent', sentAt: at } });
    await db().account.update({ where: { accountNumber: 'A-1001' }, data: { firstContactAt: at } });

    const sweep = app.running.app.noticeSweep;
    expect((await sweep.runOnce(new Date(at.getTime() + 5 * 60_000))).requested).toBe(0); // still within the grace period
    expect((await sweep.runOnce(new Date(at.getTime() + 2 * HOUR))).requested).toBe(1);
    expect((await sweep.runOnce(new Date(at.getTime() + 3 * HOUR))).requested).toBe(0);
    const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    const requests = await db().auditEvent.findMany({ where: { type: 'validation.notice.mail_requested', accountId: account.id } });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.actor).toBe('system');
    expect(account.validationPeriodEndsAt).not.toBeNull();
  });
});
