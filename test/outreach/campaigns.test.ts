/**
 * Campaigns from the console (issue #17 items 3 and 4): selection, preview per debtor in their
 * language, launch through the outbox, pause / resume with live progress, and the lawful first
 * communication (DESIGN 2, 19): the disclosure, nothing about the debt in a text, and the
 * validation notice delivered in the email or a mailed notice requested at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAMPAIGN_PAUSED_STATUS } from '../../src/outreach/sendGate.ts';
import { businessHourAfter, startOutreachApp, type OutreachApp } from './outreachHarness.ts';

// Each test launches campaigns over a whole service and runs its outbox: slow on a busy two-core machine.
vi.setConfig({ testTimeout: 90_000 });

let app: OutreachApp;
beforeEach(async () => {
  app = await startOutreachApp();
}, 60_000);
afterEach(async () => app?.running.stop());

const db = () => app.running.database.db;
const accountId = async (accountNumber: string) => (await db().account.findUniqueOrThrow({ where: { accountNumber } })).id;

interface PreviewBody {
  matched: number;
  reachable: number;
  byChannel: Record<'sms' | 'email', { included: number; excluded: Record<string, number> }>;
  rows: Array<{ accountNumber: string; language: string; noticeBy: string | null; channels: Array<{ channel: string; included: boolean; [key: string]: unknown }> }>;
}

async function preview(body: Record<string, unknown>) {
  return app.supervisor.request<PreviewBody & { error?: string }>('POST', '/officer/api/campaigns/preview', body);
}

const rowOf = (p: PreviewBody, accountNumber: string) => p.rows.find((r) => r.accountNumber === accountNumber)!;
const channelOf = (p: PreviewBody, accountNumber: string, channel: string) => rowOf(p, accountNumber).channels.find((c) => c.channel === channel)! as unknown;

describe('selection and preview', () => {
  it('DESIGN 19: shows exactly what each debtor gets, in their language, and why an account is not reached on a channel', async () => {
    const res = await preview({ channels: ['sms', 'email'], filter: {} });
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.matched).toBe(6);
    // A-1004 has no consent to texts (TCPA); A-1003 and A-1005 have no email address.
    expect(p.byChannel.sms).toEqual({ included: 5, excluded: { no_sms_consent: 1 } });
    expect(p.byChannel.email).toEqual({ included: 4, excluded: { no_email: 2 } });
    expect(channelOf(p, 'A-1004', 'sms')).toEqual({ channel: 'sms', included: false, exclusion: 'no_sms_consent' });

    // The text to a phone that may be shared: who we are, how to reach us, the disclosure, STOP — no debt details.
    const maria = channelOf(p, 'A-1001', 'sms') as { parts: string[] };
    const text = maria.parts.join(' ');
    expect(text).toContain('Hi Maria');
    expect(text).toMatch(/is a debt collector/);
    expect(text).toMatch(/STOP/);
    expect(text).not.toMatch(/\$|1,085|Peachtree|A-1001|balance/i);

    // Carlos is Spanish: his text and email are in Spanish.
    expect(rowOf(p, 'A-1002').language).toBe('es');
    expect((channelOf(p, 'A-1002', 'sms') as { parts: string[] }).parts.join(' ')).toContain('Hola Carlos');
    const carlosEmail = channelOf(p, 'A-1002', 'email') as { subject: string; text: string; notice: string };
    expect(carlosEmail.subject).toContain('Un mensaje de');
    expect(carlosEmail.text).toContain('es un cobrador de deudas');
    // His address came with the creditor's notice and its opt-out period is over: the first email carries the notice.
    expect(carlosEmail.notice).toBe('in_email');
    expect(rowOf(p, 'A-1002').noticeBy).toBe('email');

    // Maria gave the address herself but has no E-SIGN consent: the notice is mailed.
    const mariaEmail = channelOf(p, 'A-1001', 'email') as { text: string; notice: string };
    expect(mariaEmail.notice).toBe('mailed');
    expect(rowOf(p, 'A-1001').noticeBy).toBe('mail');
    expect(mariaEmail.text).toMatch(/is a debt collector/);
    expect(mariaEmail.text).toMatch(/To stop emails from us, open this link: https:\/\/bot\.example\.test\/email\/unsubscribe\//);
    expect(mariaEmail.text).toMatch(/https:\/\/bot\.example\.test\/\?start=/);
    expect(mariaEmail.text).not.toMatch(/\$|1,085|Peachtree/);

    // A preview sends nothing.
    expect(await db().outboxMessage.count()).toBe(0);
    expect(await db().campaign.count()).toBe(0);
  });

  it('filters by creditor, balance and aging bucket; bad input is refused with a sentence', async () => {
    const { creditors } = (await app.supervisor.request<{ creditors: Array<{ id: string; name: string }> }>('GET', '/officer/api/campaigns/options')).body;
    const peachtree = creditors.find((c) => c.name === 'Peachtree Medical Group')!;
    const byCreditor = (await preview({ channels: ['sms'], filter: { creditorId: peachtree.id } })).body;
    expect(byCreditor.rows.map((r) => r.accountNumber)).toEqual(['A-1001', 'A-1004', 'A-1006']);

    const byBalance = (await preview({ channels: ['sms'], filter: { minBalance: 100_000, maxBalance: 200_000 } })).body;
    expect(byBalance.rows.map((r) => r.accountNumber)).toEqual(['A-1001', 'A-1005']);

    const young = (await preview({ channels: ['sms'], filter: { agingBucket: '0-30' } })).body;
    expect(young.matched).toBe(0);
    const old = (await preview({ channels: ['sms'], filter: { agingBucket: '180+' } })).body;
    expect(old.matched).toBe(6);

    const noChannel = await preview({ channels: [], filter: {} });
    expect(noChannel.status).toBe(400);
    expect(noChannel.body.error).toMatch(/Choose at least one channel/);
    const upsideDown = await preview({ channels: ['sms'], filter: { minBalance: 5, maxBalance: 1 } });
    expect(upsideDown.status).toBe(400);
    expect(upsideDown.body.error).toMatch(/lowest balance/);
  });

  it('officers (not supervisors) can neither preview nor launch', async () => {
    expect((await app.officer.request('POST', '/officer/api/campaigns/preview', { channels: ['sms'], filter: {} })).status).toBe(403);
    expect((await app.officer.request('POST', '/officer/api/campaigns', { name: 'x', channels: ['sms'], filter: {} })).status).toBe(403);
    expect((await app.officer.request('GET', '/officer/api/campaigns')).status).toBe(403);
    expect(await db().outboxMessage.count()).toBe(0);
  });

  it('a launch with nobody to reach is refused and records nothing', async () => {
    const res = await app.supervisor.request<{ error: string }>('POST', '/officer/api/campaigns', { name: 'Nobody', channels: ['sms'], filter: { agingBucket: '0-30' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/No account matches/);
    expect(await db().campaign.count()).toBe(0);
  });
});

describe('launch: the first communication is lawful (DESIGN 2, 19)', () => {
  it('texts and emails leave through the outbox; every first contact has the validation notice delivered or a mailed notice requested at once', async () => {
    const launched = await app.launch({ name: 'December placements', channels: ['sms', 'email'] });
    expect(launched).toMatchObject({ recipients: 6, messages: 9 });
    const rows = await db().outboxMessage.findMany({ where: { kind: 'outreach' } });
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.botInitiated && r.status === 'pending')).toBe(true);

    const at = businessHourAfter();
    await app.deliver(at);
    const after = await db().outboxMessage.findMany({ where: { kind: 'outreach' } });
    expect(after.map((r) => r.status)).toEqual(after.map(() => 'sent'));

    // Every email: the disclosure, the chat link, the one-click opt-out (in the text and as RFC 8058 headers).
    const emails = app.consoleEmails();
    expect(emails).toHaveLength(4);
    for (const email of emails) {
      expect(email.text).toMatch(/is a debt collector|es un cobrador de deudas/);
      expect(email.unsubscribeUrl).toMatch(/^https:\/\/bot\.example\.test\/email\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
      expect(email.text).toContain(email.unsubscribeUrl);
      expect(email.text).toMatch(/\/\?start=[A-Za-z0-9_-]+\./);
    }
    // Carlos' email carries the validation notice (safe harbor); Maria's says nothing about the debt.
    const carlos = emails.find((e) => e.to === 'carlos.ramirez@example.com')!;
    expect(carlos.html).toContain('$3,518.15');
    const maria = emails.find((e) => e.to === 'maria.johnson@example.com')!;
    expect(`${maria.text}${maria.html}`).not.toMatch(/1,085|Peachtree/);

    // Within five days of every first contact (here: at once), the notice is delivered or requested by mail.
    for (const number of ['A-1001', 'A-1002', 'A-1003', 'A-1004', 'A-1005', 'A-1006']) {
      const account = await db().account.findUniqueOrThrow({ where: { accountNumber: number } });
      expect(account.firstContactAt, number).toEqual(at);
      const notices = await db().auditEvent.findMany({ where: { accountId: account.id, type: { in: ['validation.notice.delivered', 'validation.notice.mail_requested'] } } });
      expect(notices.length, number).toBeGreaterThan(0);
      expect(notices.every((n) => n.createdAt.getTime() - at.getTime() < 5 * 86_400_000)).toBe(true);
      expect(account.validationPeriodEndsAt, number).not.toBeNull();
    }
    const carlosNotice = await db().notice.findFirstOrThrow({ where: { accountId: await accountId('A-1002') } });
    expect(carlosNotice.channel).toBe('email');
    expect(await db().auditEvent.count({ where: { type: 'outreach.first_contact' } })).toBe(6);

    // Launching the same selection again reaches nobody new (they have all been contacted).
    const again = await app.supervisor.request<{ error: string }>('POST', '/officer/api/campaigns', { name: 'Again', channels: ['sms'], filter: {} });
    expect(again.status).toBe(400);
  });

  it('pause holds every waiting message, even one already claimed; resume releases them; the figures follow live', async () => {
    const { id } = await app.launch({ channels: ['sms'] });
    const paused = await app.supervisor.request<{ status: string; queued: number }>('POST', `/officer/api/campaigns/${id}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ status: 'paused', queued: 5, sent: 0 });
    const held = await db().outboxMessage.findMany({ where: { kind: 'outreach' } });
    expect(held.every((m) => m.status === 'held' && m.deliveryStatus === CAMPAIGN_PAUSED_STATUS)).toBe(true);

    const at = businessHourAfter();
    await app.deliver(at);
    expect(await db().outboxMessage.count({ where: { kind: 'outreach', status: 'sent' } })).toBe(0);

    // A message claimed before the pause (pending again, e.g. a retry) is held by the send-time check too.
    await db().outboxMessage.updateMany({ where: { kind: 'outreach' }, data: { status: 'pending', deliveryStatus: null } });
    await app.deliver(at);
    expect(await db().outboxMessage.count({ where: { kind: 'outreach', status: 'held', deliveryStatus: CAMPAIGN_PAUSED_STATUS } })).toBe(5);

    const resumed = await app.supervisor.request<{ status: string }>('POST', `/officer/api/campaigns/${id}/resume`);
    expect(resumed.body.status).toBe('running');
    await app.deliver(at);
    const figures = (await app.supervisor.request<{ sent: number; queued: number; delivered: number; rates: { contact: number } }>('GET', `/officer/api/campaigns/${id}`)).body;
    expect(figures).toMatchObject({ sent: 5, queued: 0, delivered: 5 });
    expect(figures.rates.contact).toBeCloseTo(5 / 6);
    const list = (await app.supervisor.request<{ campaigns: Array<{ id: string }> }>('GET', '/officer/api/campaigns')).body;
    expect(list.campaigns.map((c) => c.id)).toEqual([id]);
    expect(await db().auditEvent.count({ where: { type: { in: ['campaign.launched', 'campaign.paused', 'campaign.resumed'] } } })).toBe(3);
  });
});
