/**
 * Issue #15, item 1: no message of ours — the officer's own, or the joined / handed-back / closed
 * notes — goes to a debtor whose SMS number replied STOP, who asked us to stop contacting them, or
 * who has an attorney, unless it is an answer to the debtor's own new message; the console says why
 * before the officer acts (DESIGN 5 cease and opt-out, DESIGN 6 attorney).
 */
import { describe, expect, it } from 'vitest';
import { queueHandoff } from '../../src/handoff/queue.ts';
import { DISCLOSED, openHandoff, postSms, useConsoleApp, webDebtor } from './consoleFixture.ts';

const app = useConsoleApp();

const db = () => app.running.database.db;

interface View {
  conversation: { contact: { allowed: string; reasons: Array<{ code: string; message: string; since: string | null }>; replyUntil: string | null } };
}

/** Everything the officer side queued for a conversation (officer messages and notices). */
// What the takeover sends: the officer's own messages and the joined/closing notices (sent as the assistant's, kind 'notice').
const officerOutbox = (conversationId: string) =>
  db().outboxMessage.findMany({ where: { conversationId, kind: { in: ['officer', 'notice'] } }, orderBy: { createdAt: 'asc' } });

describe('safety rail (issue #15)', () => {
  it('an SMS debtor who wrote "stop texting me please": the console says why, and nothing is sent — not the joined note, not a message, not the closing note', async () => {
    const phone = '+12105550134'; // A-1002's phone, never verified in this thread
    await postSms(app.running, phone, 'stop texting me please');
    const conversation = await db().conversation.findUniqueOrThrow({ where: { externalId: `sms:${phone}` } });
    const handoff = await openHandoff(app.running, conversation.id);
    expect(handoff.reason).toBe('cease');

    const view = await app.officer.request<View>('GET', `/officer/api/handoffs/${handoff.id}`);
    expect(view.body.conversation.contact).toMatchObject({ allowed: 'none', reasons: [{ code: 'cease', since: expect.any(String) }] });
    expect(view.body.conversation.contact.reasons[0]!.message).toMatch(/asked us to stop contacting them.*Nothing may be sent/);

    const accepted = await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ accepted: true, debtorTold: false });

    const message = await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/messages`, { text: DISCLOSED });
    expect(message.status).toBe(409);
    expect(message.body.error).toMatch(/cannot be sent.*asked us to stop contacting them/);

    const resolved = await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/resolve`, { outcome: 'no_action_needed' });
    expect(resolved.body).toMatchObject({ resolved: true, debtorTold: false });

    expect(await officerOutbox(conversation.id)).toEqual([]);
    const withheld = await db().auditEvent.findMany({ where: { conversationId: conversation.id, type: 'officer.notice.withheld' } });
    expect(withheld.map((e) => JSON.parse(e.detailJson).notice).sort()).toEqual(['joined', 'resolved']);
    expect(JSON.parse(withheld[0]!.detailJson).reasons).toEqual(['cease']);
  });

  it('a verified debtor who asked us to stop: after they write again (asking for a person), an answer is allowed within the hour, and only then', async () => {
    const { debtor, conversationId } = await webDebtor(app.running, 'A-1006', ['stop contacting me']);
    const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1006' } });
    expect(account.ceaseCommunication).toBe(true);
    const handoff = await openHandoff(app.running, conversationId);
    expect((await app.officer.request<View>('GET', `/officer/api/handoffs/${handoff.id}`)).body.conversation.contact.allowed).toBe('none');

    // The debtor comes back and asks for a person: the officer may answer that.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await debtor.say('agent');
    const view = await app.officer.request<View>('GET', `/officer/api/handoffs/${handoff.id}`);
    expect(view.body.conversation.contact).toMatchObject({ allowed: 'reply', replyUntil: expect.any(String) });
    expect(view.body.conversation.contact.reasons[0]!.message).toMatch(/you may answer what they asked/);
    const accepted = await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/accept`);
    expect(accepted.body).toMatchObject({ debtorTold: true });
    const sent = await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/messages`, { text: `${DISCLOSED} You asked for a person: how can I help?` });
    expect(sent.status).toBe(201);

    // An hour and more after their message, nothing may go any more.
    await db().message.updateMany({ where: { conversationId, direction: 'in' }, data: { createdAt: new Date(Date.now() - 2 * 3_600_000) } });
    const late = await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/messages`, { text: 'Are you still there?' });
    expect(late.status).toBe(409);
    const back = await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/hand-back`);
    expect(back.body).toMatchObject({ handedBack: true, debtorTold: false });
    expect((await officerOutbox(conversationId)).map((o) => o.body)).toEqual([expect.stringMatching(/has joined/), expect.stringMatching(/how can I help/)]);
  });

  it('a number that replied STOP gets nothing, even right after it wrote', async () => {
    const phone = '+13125550199'; // A-1004
    await postSms(app.running, phone, 'I need a real person');
    const conversation = await db().conversation.findUniqueOrThrow({ where: { externalId: `sms:${phone}` } });
    const handoff = await openHandoff(app.running, conversation.id);
    await postSms(app.running, phone, 'STOP');
    const view = await app.officer.request<View>('GET', `/officer/api/handoffs/${handoff.id}`);
    expect(view.body.conversation.contact).toMatchObject({ allowed: 'none', reasons: [{ code: 'sms_opted_out' }] });
    expect(view.body.conversation.contact.reasons[0]!.message).toMatch(/replied STOP.*not even a note that you joined/);
    expect((await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/accept`)).body).toMatchObject({ debtorTold: false });
    expect((await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/messages`, { text: DISCLOSED })).status).toBe(409);
    expect(await officerOutbox(conversation.id)).toEqual([]);
    await postSms(app.running, phone, 'START');
    expect((await app.officer.request<View>('GET', `/officer/api/handoffs/${handoff.id}`)).body.conversation.contact.allowed).toBe('any');
  });

  it('an attorney recorded from the console stops the officer side too, naming the attorney', async () => {
    const { conversationId } = await webDebtor(app.running, 'A-1003', ['I want to talk to a person']);
    const handoff = await openHandoff(app.running, conversationId);
    const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1003' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await app.officer.request('POST', `/officer/api/accounts/${account.id}/status`, { status: 'attorney', attorneyName: 'Jo Counsel', attorneyContact: 'jo@law.example' });
    const view = await app.officer.request<View>('GET', `/officer/api/handoffs/${handoff.id}`);
    expect(view.body.conversation.contact).toMatchObject({ allowed: 'none', reasons: [{ code: 'attorney' }] });
    expect(view.body.conversation.contact.reasons[0]!.message).toContain('Jo Counsel, jo@law.example');
    await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/accept`);
    expect((await app.officer.request('POST', `/officer/api/handoffs/${handoff.id}/messages`, { text: DISCLOSED })).status).toBe(409);
    await db().account.update({ where: { id: account.id }, data: { attorneyRepresented: false } });
  });

  it('an ordinary conversation is not held back', async () => {
    const conversation = await db().conversation.create({ data: { externalId: `plain-${Date.now()}`, channel: 'web' } });
    await db().message.create({ data: { conversationId: conversation.id, direction: 'in', author: 'debtor', text: 'hello' } });
    const queued = await queueHandoff(db(), { reason: 'asked', conversationId: conversation.id });
    const view = await app.officer.request<View>('GET', `/officer/api/handoffs/${queued.id}`);
    expect(view.body.conversation.contact).toEqual({ allowed: 'any', reasons: [], replyUntil: null });
    expect((await app.officer.request('POST', `/officer/api/handoffs/${queued.id}/accept`)).body).toMatchObject({ debtorTold: true });
  });

  it('the queue marks a row whose debtor must not be contacted, before anyone opens it', async () => {
    const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1006' } });
    const conversation = await db().conversation.create({ data: { externalId: `dnc-${Date.now()}`, channel: 'web', accountId: account.id } });
    const queued = await queueHandoff(db(), { reason: 'asked', conversationId: conversation.id, accountId: account.id });
    const queue = await app.officer.request<{ items: Array<{ handoffId: string; doNotContact: string[] }> }>('GET', '/officer/api/queue');
    expect(queue.body.items.find((i) => i.handoffId === queued.id)?.doNotContact).toEqual(['cease']);
  });
});
