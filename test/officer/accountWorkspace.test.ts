/**
 * Issue #15, items 3 and 4: the whole account (one timeline across conversations and channels,
 * search, internal notes, assignment, waiting-time targets) and the officer's speed of work
 * (saved replies checked like any text, words for every code, deadlines as the debtor was told).
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_LABELS, LABELS, REASON_LABELS } from '../../src/officer/labels.ts';
import { HANDOFF_REASONS } from '../../src/handoff/queue.ts';
import { formatValidationPeriodEnd } from '../../src/domain/validationPeriod.ts';
import { queueHandoff } from '../../src/handoff/queue.ts';
import { DISCLOSED, openHandoff, postSms, useConsoleApp, webDebtor } from './consoleFixture.ts';

const app = useConsoleApp();

const db = () => app.running.database.db;

interface Entry {
  at: string;
  kind: string;
  title: string;
  text: string;
  channel: string | null;
  conversationId: string | null;
}

describe('one timeline per account, across conversations and channels', () => {
  it('holds the web chat and the SMS thread, the dispute, the note, the follow-up and the audit trail, newest first, in words', async () => {
    // Maria (A-1001) talks about hardship on the website, then disputes by SMS.
    const web = await webDebtor(app.running, 'A-1001', ['I lost my job last month']);
    const phone = '+14045550101';
    for (const text of ['hi', 'A-1001', 'March 14 1985', '30301', 'this is not my debt, I dispute it']) await postSms(app.running, phone, text);
    const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    await app.officer.request('POST', `/officer/api/accounts/${account.id}/notes`, { text: 'Called the creditor about the dispute; card 4242 4242 4242 4242 must never be kept' });
    await app.officer.request('POST', `/officer/api/accounts/${account.id}/follow-ups`, { kind: 'callback', dueDate: '2099-01-02' }).then((r) => expect(r.status).toBe(422)); // more than a year ahead

    const res = await app.officer.request<{ entries: Entry[] }>('GET', `/officer/api/accounts/${account.id}/timeline`);
    expect(res.status).toBe(200);
    const { entries } = res.body;
    const messages = entries.filter((e) => e.kind === 'message');
    expect(new Set(messages.map((e) => e.channel))).toEqual(new Set(['web', 'sms']));
    expect(messages.some((e) => e.channel === 'web' && e.text.includes('I lost my job last month') && e.title === 'Debtor · Web chat')).toBe(true);
    expect(messages.some((e) => e.channel === 'sms' && e.text.includes('I dispute it') && e.title === 'Debtor · SMS')).toBe(true);
    expect(entries.some((e) => e.kind === 'dispute' && e.title === 'Dispute · SMS' && e.text.includes('not my debt'))).toBe(true);
    const note = entries.find((e) => e.kind === 'note');
    expect(note?.title).toBe('Internal note by Dana Ortiz');
    expect(note?.text).not.toMatch(/4242 4242/); // PCI DSS: card numbers never stored
    expect(entries.some((e) => e.kind === 'audit' && e.title === 'Hardship reported by the debtor · Debtor')).toBe(true);
    expect(entries.some((e) => e.kind === 'audit' && e.title.startsWith('Internal note added · Dana Ortiz'))).toBe(true);
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    for (const e of entries) expect(e.title).not.toMatch(/[a-z]+\.[a-z_]+|officer:c/); // no raw codes or officer ids

    // The escalation of the web chat links the same account: its history shows the SMS dispute.
    expect(web.conversationId).not.toBe((await db().conversation.findUniqueOrThrow({ where: { externalId: `sms:${phone}` } })).id);
    const page = await app.officer.request<{ conversations: Array<{ channel: string }> }>('GET', `/officer/api/accounts/${account.id}`);
    expect(page.body.conversations.map((c) => c.channel).sort()).toEqual(['sms', 'web']);
    expect((await app.officer.request('GET', '/officer/api/accounts/nope/timeline')).status).toBe(404);
  });
});

describe('account search', () => {
  it.each([
    ['the account number', 'A-1003', 'A-1003'],
    ['the account number in lower case', 'a-1003', 'A-1003'],
    ['the name, any case and accents', 'carlos ramirez', 'A-1002'],
    ['a last name', "O'Connor", 'A-1003'],
    ['the phone in another form', '(415) 555-0188', 'A-1003'],
    ['the last digits of the phone', '555-0112', 'A-1006'],
    ['the email', 'LINDA.PARK@example.com', 'A-1004'],
  ])('finds by %s', async (_what, q, accountNumber) => {
    const res = await app.officer.request<{ accounts: Array<{ accountNumber: string }> }>('GET', `/officer/api/accounts?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body.accounts.map((a) => a.accountNumber)).toContain(accountNumber);
  });

  it('answers a too-short query with a sentence, and nothing for a stranger', async () => {
    expect((await app.officer.request('GET', '/officer/api/accounts?q=a')).body.error).toMatch(/at least 2 characters/);
    expect((await app.officer.request<{ accounts: unknown[] }>('GET', '/officer/api/accounts?q=Nobody%20Atall')).body.accounts).toEqual([]);
  });
});

describe('assignment and waiting-time targets', () => {
  it('assigns an escalation to me or a colleague, shows it in the queue, and refuses a disabled officer', async () => {
    const conversation = await db().conversation.create({ data: { externalId: `assign-${Date.now()}`, channel: 'web' } });
    const queued = await queueHandoff(db(), { reason: 'asked', conversationId: conversation.id });
    const officers = await app.officer.request<{ officers: Array<{ id: string; name: string }> }>('GET', '/officer/api/officers');
    const lee = officers.body.officers.find((o) => o.name === 'Lee Park')!;
    const assigned = await app.officer.request('POST', `/officer/api/handoffs/${queued.id}/assign`, { officerId: lee.id });
    expect(assigned.body).toEqual({ assignee: { id: lee.id, name: 'Lee Park' } });
    const queue = await app.officer.request<{ items: Array<{ handoffId: string; assignee: { name: string } | null; targetMinutes: number }> }>('GET', '/officer/api/queue');
    expect(queue.body.items.find((i) => i.handoffId === queued.id)).toMatchObject({ assignee: { name: 'Lee Park' }, targetMinutes: 480 });
    expect((await app.officer.request('POST', `/officer/api/handoffs/${queued.id}/assign`, { officerId: null })).body).toEqual({ assignee: null });
    await db().officer.update({ where: { id: lee.id }, data: { disabledAt: new Date() } });
    expect((await app.officer.request('POST', `/officer/api/handoffs/${queued.id}/assign`, { officerId: lee.id })).status).toBe(422);
    await db().officer.update({ where: { id: lee.id }, data: { disabledAt: null } });
    await db().handoff.update({ where: { id: queued.id }, data: { status: 'resolved' } });
    expect((await app.officer.request('POST', `/officer/api/handoffs/${queued.id}/assign`, { officerId: null })).status).toBe(409);
    expect(await db().auditEvent.count({ where: { type: 'handoff.assigned', detailJson: { contains: queued.id } } })).toBe(2);
  });

  it('a supervisor sets the targets per priority; the queue uses them; nonsense is refused', async () => {
    const targets = { crisis: 2, urgent: 15, high: 60, normal: 120, routine: 240 };
    expect((await app.officer.request('PUT', '/officer/api/admin/waiting-targets', targets)).status).toBe(403);
    const saved = await app.supervisor.request('PUT', '/officer/api/admin/waiting-targets', targets);
    expect(saved.body).toEqual({ targets });
    const upside = await app.supervisor.request('PUT', '/officer/api/admin/waiting-targets', { ...targets, crisis: 500 });
    expect(upside.status).toBe(400);
    expect(upside.body.error).toMatch(/Crisis must not wait longer than Urgent/);
    expect((await app.supervisor.request('PUT', '/officer/api/admin/waiting-targets', { ...targets, high: 0 })).status).toBe(400);
    const conversation = await db().conversation.create({ data: { externalId: `target-${Date.now()}`, channel: 'sms' } });
    const crisis = await queueHandoff(db(), { reason: 'crisis', conversationId: conversation.id });
    const queue = await app.officer.request<{ items: Array<{ handoffId: string; targetMinutes: number }>; targets: Record<string, number> }>('GET', '/officer/api/queue');
    expect(queue.body.targets).toEqual(targets);
    expect(queue.body.items.find((i) => i.handoffId === crisis.id)?.targetMinutes).toBe(2);
    await db().handoff.update({ where: { id: crisis.id }, data: { status: 'resolved' } });
  });
});

describe('saved replies', () => {
  it('supervisors keep them; officers list them; a card number or an unknown placeholder is refused; inserting still goes through the reply check', async () => {
    const created = await app.supervisor.request<{ id: string }>('POST', '/officer/api/admin/canned-replies', { title: 'Hello', body: `Hi {debtorFirstName}, this is {officerFirstName}. ${DISCLOSED}`, language: 'en' });
    expect(created.status).toBe(201);
    expect((await app.officer.request('POST', '/officer/api/admin/canned-replies', { title: 'x', body: 'y' })).status).toBe(403);
    expect((await app.supervisor.request('POST', '/officer/api/admin/canned-replies', { title: 'Card', body: 'Pay with 4242 4242 4242 4242' })).body.error).toMatch(/card number/);
    expect((await app.supervisor.request('POST', '/officer/api/admin/canned-replies', { title: 'Typo', body: 'Hi {firstName}' })).body.error).toMatch(/Unknown placeholder \{firstName\}/);
    const updated = await app.supervisor.request('PUT', `/officer/api/admin/canned-replies/${created.body.id}`, { title: 'Hello again', body: 'Last chance to settle, {debtorFirstName}.', language: 'en' });
    expect(updated.status).toBe(200);
    const list = await app.officer.request<{ replies: Array<{ id: string; title: string }> }>('GET', '/officer/api/canned-replies');
    expect(list.body.replies.find((r) => r.id === created.body.id)?.title).toBe('Hello again');

    // A saved reply is text like any other: the reply check still flags its pressure.
    const { conversationId } = await webDebtor(app.running, 'A-1006', ['agent']);
    const handoff = await openHandoff(app.running, conversationId);
    await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/accept`);
    const check = await app.officer.request<{ warnings: Array<{ code: string }> }>('POST', `/officer/api/handoffs/${handoff.id}/check`, { text: `${DISCLOSED} Last chance to settle, Aisha.` });
    expect(check.body.warnings.map((w) => w.code)).toContain('pressure');

    expect((await app.supervisor.request('DELETE', `/officer/api/admin/canned-replies/${created.body.id}`)).status).toBe(200);
    expect((await app.supervisor.request('DELETE', `/officer/api/admin/canned-replies/${created.body.id}`)).status).toBe(404);
  });
});

describe('words for every code, and deadlines as the debtor was told them', () => {
  it('has a label for every escalation reason and audit event, served to the page', async () => {
    for (const reason of Object.keys(HANDOFF_REASONS)) expect(REASON_LABELS[reason as keyof typeof REASON_LABELS]).toMatch(/^[A-Z]/);
    for (const words of Object.values(AUDIT_LABELS)) expect(words).not.toMatch(/[._]/);
    const served = await app.officer.request('GET', '/officer/api/labels');
    expect(served.body).toEqual(JSON.parse(JSON.stringify(LABELS)));
  });

  it('names officers in the audit trail instead of their ids, and gives the validation deadline in the debtor’s words', async () => {
    const { debtor, conversationId } = await webDebtor(app.running, 'A-1003', ['yes']);
    const told = (await debtor.say('when does my validation period end?')) + (await debtor.say('what are my rights'));
    await debtor.say('agent');
    const handoff = await openHandoff(app.running, conversationId);
    await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/accept`);
    const view = await app.officer.request<{ audit: Array<{ actor: string; actorName: string }>; account: { validationPeriodEndsAt: string; validationPeriodEndsOn: string } }>('GET', `/officer/api/handoffs/${handoff.id}`);
    const accepted = view.body.audit.find((e) => e.actor.startsWith('officer:'))!;
    expect(accepted.actorName).toBe('Dana Ortiz');
    const words = formatValidationPeriodEnd(new Date(view.body.account.validationPeriodEndsAt), 'en-US');
    expect(view.body.account.validationPeriodEndsOn).toBe(words);
    expect(told).toContain(words); // the same date the debtor read
  });
});
