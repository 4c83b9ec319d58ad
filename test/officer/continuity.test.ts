/**
 * Issue #15, item 2: what an officer agrees in a takeover is data, and the bot continues from it
 * after hand-back — hardship as an account flag (the hardship limits apply), a plan as an offered
 * plan through the proposals path (the debtor's explicit YES is the authorization, DESIGN 11), a
 * promise as a scheduled follow-up. DESIGN 8 (hardship options), DESIGN 11 (recorded authorization).
 */
import { describe, expect, it } from 'vitest';
import { calendarDateInZone } from '../../src/domain/validationPeriod.ts';
import { DISCLOSED, openHandoff, postSms, useConsoleApp, webDebtor } from './consoleFixture.ts';

const app = useConsoleApp();

const db = () => app.running.database.db;
const today = () => calendarDateInZone(new Date(), 'America/Chicago');
const inDays = (days: number) => calendarDateInZone(new Date(Date.now() + days * 86_400_000), 'America/Chicago');

/** Linda Park (A-1004, balance $400.00): verified on the web chat, E-SIGN answered, asks for a person; the officer takes over. */
async function lindaWithOfficer() {
  const { debtor, conversationId } = await webDebtor(app.running, 'A-1004', ['yes', 'I want to talk to a person']);
  const handoff = await openHandoff(app.running, conversationId);
  expect((await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/accept`)).status).toBe(200);
  const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1004' } });
  return { debtor, conversationId, handoffId: handoff.id, account };
}

async function resetLinda(): Promise<void> {
  const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1004' } });
  await db().plan.updateMany({ where: { accountId: account.id, status: { in: ['offered', 'agreed', 'active'] } }, data: { status: 'cancelled' } });
  await db().account.update({ where: { id: account.id }, data: { hardship: false } });
}

describe('hand-back continuity (issue #15)', () => {
  it('hardship recorded by the officer is a flag the bot honours after hand-back: $20 a month is accepted, not countered with $33.34', async () => {
    await resetLinda();
    const { debtor, handoffId, account } = await lindaWithOfficer();
    expect(await debtor.say('I lost my job, I can only do 20 a month')).toBe(''); // the officer holds the chat
    const recorded = await app.officer.request('POST', `/officer/api/accounts/${account.id}/hardship`, { hardship: true, handoffId });
    expect(recorded.body).toEqual({ hardship: true, changed: true });
    const view = await app.officer.request<{ account: { flags: { hardship: boolean } } }>('GET', `/officer/api/handoffs/${handoffId}`);
    expect(view.body.account.flags.hardship).toBe(true);
    expect(await db().auditEvent.count({ where: { accountId: account.id, type: 'hardship.recorded', actor: { startsWith: 'officer:' } } })).toBe(1);

    await app.officer.request('POST', `/officer/api/handoffs/${handoffId}/hand-back`);
    const answer = await debtor.say('I can pay 20 a month');
    expect(answer).toContain('$20.00');
    expect(answer).not.toContain('$33.34');
    expect(await debtor.say('yes')).toMatch(/agreed and recorded/);
    const plan = await db().plan.findFirstOrThrow({ where: { accountId: account.id, status: 'agreed' } });
    expect(plan).toMatchObject({ hardship: true, total: 40000, kind: 'installments' });
    // Recording it twice changes nothing; clearing is audited too.
    expect((await app.officer.request('POST', `/officer/api/accounts/${account.id}/hardship`, { hardship: true })).body).toEqual({ hardship: true, changed: false });
    expect((await app.officer.request('POST', `/officer/api/accounts/${account.id}/hardship`, { hardship: 'yes' })).status).toBe(400);
    await resetLinda();
  });

  it('the terms an officer agrees go out as an offered plan; the bot takes the debtor’s YES as the authorization and sends the pay link', async () => {
    await resetLinda();
    const { debtor, conversationId, handoffId, account } = await lindaWithOfficer();
    await app.officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, { text: `${DISCLOSED} I can set up $20 a month for you.`, override: true, overrideReason: 'hardship discussed' });
    await app.officer.request('POST', `/officer/api/accounts/${account.id}/hardship`, { hardship: true, handoffId });

    const first = inDays(3);
    const offered = await app.officer.request<{ planId: string; message: string; hardship: boolean; violations: unknown[] }>('POST', `/officer/api/handoffs/${handoffId}/offer`, {
      terms: { kind: 'installments', installmentAmount: 2000, frequency: 'monthly', firstDate: first },
    });
    expect(offered.status).toBe(200);
    expect(offered.body).toMatchObject({ hardship: true, violations: [] });
    expect(offered.body.message).toMatch(/terms we talked about[\s\S]*\$20\.00[\s\S]*Reply YES/);

    const plan = await db().plan.findUniqueOrThrow({ where: { id: offered.body.planId }, include: { installments: true } });
    expect(plan).toMatchObject({ status: 'offered', hardship: true, total: 40000, offerText: offered.body.message });
    expect(plan.installments).toHaveLength(20);
    expect(new Set(plan.installments.map((i) => i.amount))).toEqual(new Set([2000]));
    expect(await db().handoff.findUniqueOrThrow({ where: { id: handoffId } })).toMatchObject({ status: 'resolved', outcome: 'plan_offered' });
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).holder).toBe('bot');
    expect(await db().auditEvent.count({ where: { type: 'plan.offered', accountId: account.id } })).toBe(1);

    await app.running.app.outboxWorker.runOnce();
    expect((await debtor.received()).map((a) => a.text).join('\n')).toContain('terms we talked about');
    const agreed = await debtor.say('yes');
    expect(agreed).toMatch(/agreed and recorded/);
    expect(agreed).toMatch(/\/pay\/[A-Za-z0-9_-]+/);
    const after = await db().plan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(after).toMatchObject({ status: 'agreed', authorizedChannel: 'web', authorizationText: plan.offerText });
    await resetLinda();
  });

  it('refuses an offer it cannot honestly make, with a sentence', async () => {
    await resetLinda();
    const { handoffId, account } = await lindaWithOfficer();
    const offer = (terms: Record<string, unknown>, who = app.officer) => who.request('POST', `/officer/api/handoffs/${handoffId}/offer`, { terms });
    const monthly = { kind: 'installments', frequency: 'monthly', firstDate: inDays(3) };
    expect((await offer({ ...monthly, installmentAmount: 2000 }, app.secondOfficer)).status).toBe(409); // not the officer holding it
    const both = await offer({ ...monthly, installmentAmount: 2000, count: 4 });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatch(/either the number of installments .* or the amount per payment/);
    const past = await offer({ ...monthly, installmentAmount: 2000, firstDate: '2020-01-01' });
    expect(past.status).toBe(422);
    expect(past.body.error).toMatch(/has passed/);
    const tooMuch = await offer({ kind: 'settlement', total: 50000, firstDate: today() });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error).toMatch(/less than the balance/);
    await db().account.update({ where: { id: account.id }, data: { disputed: true } });
    const paused = await offer({ ...monthly, installmentAmount: 2000 });
    expect(paused.status).toBe(409);
    expect(paused.body.error).toMatch(/paused \(the debt is disputed\)/);
    await db().account.update({ where: { id: account.id }, data: { disputed: false } });
    expect(await db().plan.count({ where: { accountId: account.id, status: 'offered' } })).toBe(0);
    expect((await db().handoff.findUniqueOrThrow({ where: { id: handoffId } })).status).toBe('accepted');
  });

  it('the debtor’s own hardship report to the bot is an account flag too (a later chat knows it)', async () => {
    await resetLinda();
    await webDebtor(app.running, 'A-1004', ['yes', 'I lost my job and cannot pay much']);
    expect((await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1004' } })).hardship).toBe(true);
    await resetLinda();
  });
});

describe('promises and call-backs as follow-ups (issue #15)', () => {
  it('a promise to pay is scheduled for the end of its day where the debtor is, shows in the queue when due, and is closed once', async () => {
    const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1004' } });
    const made = await app.officer.request<{ id: string; dueAt: string }>('POST', `/officer/api/accounts/${account.id}/follow-ups`, { kind: 'promise', dueDate: today(), amount: 5000, note: 'pays on payday' });
    expect(made.status).toBe(201);
    const row = await db().followUp.findUniqueOrThrow({ where: { id: made.body.id } });
    expect(row).toMatchObject({ kind: 'promise', amount: 5000, currency: 'USD', status: 'open', dueDate: today() });
    expect(calendarDateInZone(row.dueAt, 'America/Chicago')).toBe(today()); // end of the day in Chicago (ZIP 60614)
    const later = await app.officer.request<{ id: string }>('POST', `/officer/api/accounts/${account.id}/follow-ups`, { kind: 'callback', dueDate: inDays(10) });

    const queue = await app.officer.request<{ followUps: Array<{ id: string; paidSince: number | null; account: { accountNumber: string } }> }>('GET', '/officer/api/queue');
    const due = queue.body.followUps.find((f) => f.id === made.body.id);
    expect(due).toMatchObject({ paidSince: 0, account: { accountNumber: 'A-1004' } });
    expect(queue.body.followUps.some((f) => f.id === later.body.id)).toBe(false); // not due yet

    expect((await app.officer.request('POST', `/officer/api/follow-ups/${made.body.id}/close`, { status: 'done' })).status).toBe(200);
    expect((await app.officer.request('POST', `/officer/api/follow-ups/${made.body.id}/close`, { status: 'done' })).status).toBe(409);
    expect((await app.officer.request('POST', '/officer/api/follow-ups/nope/close', { status: 'done' })).status).toBe(404);
    expect(await db().auditEvent.count({ where: { accountId: account.id, type: { in: ['follow_up.scheduled', 'follow_up.closed'] } } })).toBeGreaterThanOrEqual(3);
  });

  it('refuses a follow-up in the past, a promise with no amount, and one for more than the balance', async () => {
    const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1004' } });
    const post = (body: Record<string, unknown>) => app.officer.request('POST', `/officer/api/accounts/${account.id}/follow-ups`, body);
    expect((await post({ kind: 'promise', dueDate: '2020-01-01', amount: 100 })).body.error).toMatch(/has passed/);
    expect((await post({ kind: 'promise', dueDate: today() })).body.error).toMatch(/amount/);
    expect((await post({ kind: 'promise', dueDate: today(), amount: 999_999 })).body.error).toMatch(/more than the balance/);
    expect((await post({ kind: 'visit', dueDate: today() })).status).toBe(400);
  });
});

describe('an SMS debtor who opted out cannot be offered terms (issue #15)', () => {
  it('refuses the offer and says why', async () => {
    const phone = '+14155550188'; // A-1003
    await postSms(app.running, phone, 'hi');
    for (const text of ['A-1003', 'July 21 1968', '94110', 'agent']) await postSms(app.running, phone, text);
    const conversation = await db().conversation.findUniqueOrThrow({ where: { externalId: `sms:${phone}` } });
    const handoff = await openHandoff(app.running, conversation.id);
    await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/accept`);
    await postSms(app.running, phone, 'STOP');
    const refused = await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/offer`, { terms: { kind: 'full', firstDate: inDays(1) } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/replied STOP/);
  });
});
