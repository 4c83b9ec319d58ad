import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueHandoff } from '../../src/handoff/queue.ts';
import { seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import { PLACEMENT_COLUMNS } from '../../src/import/placements.ts';
import { ConsoleClient, createConsoleAccounts, OFFICER, SECOND_OFFICER, SUPERVISOR } from '../helpers/consoleClient.ts';
import { DirectLineDebtor } from '../helpers/directLineClient.ts';
import { startTestApp, type RunningApp } from '../helpers/testApp.ts';

const PUBLIC_URL = 'https://bot.example.test';
const AUTH_TOKEN = 'console-test-twilio-token-0123456789';
const OUR_NUMBER = '+14045550100';

let running: RunningApp;
let officer: ConsoleClient;
let secondOfficer: ConsoleClient;
let supervisor: ConsoleClient;

beforeAll(async () => {
  running = await startTestApp({ PUBLIC_URL, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM_NUMBER: OUR_NUMBER, CONSOLE_LIVE_INTERVAL_MS: '200' });
  await seedDemoDataIfEmpty(running.database.db, running.config.IDENTITY_HASH_KEY);
  await createConsoleAccounts(running.database.db);
  officer = await ConsoleClient.signedIn(running.baseUrl, OFFICER);
  secondOfficer = await ConsoleClient.signedIn(running.baseUrl, SECOND_OFFICER);
  supervisor = await ConsoleClient.signedIn(running.baseUrl, SUPERVISOR);
}, 60_000);
afterAll(async () => running?.stop());

const db = () => running.database.db;

/** A debtor on the website chat who asks for a person: the escalation the console picks up. */
async function webEscalation(verify = true): Promise<{ debtor: DirectLineDebtor; handoffId: string; conversationId: string }> {
  const debtor = await DirectLineDebtor.start(running.baseUrl);
  await debtor.say('hi');
  if (verify) {
    await debtor.say('A-1001');
    await debtor.say('March 14 1985');
    await debtor.say('30301');
  }
  expect(await debtor.say('I want to talk to a person')).toMatch(/person|officer|wait/i);
  const conversation = await db().conversation.findUniqueOrThrow({ where: { externalId: debtor.conversationId } });
  const handoff = await db().handoff.findFirstOrThrow({ where: { conversationId: conversation.id, status: 'queued' } });
  return { debtor, handoffId: handoff.id, conversationId: conversation.id };
}

async function postSms(from: string, body: string): Promise<Response> {
  const params: Record<string, string> = { MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0')}`, AccountSid: 'AC0', From: from, To: OUR_NUMBER, Body: body };
  const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/api/sms`, params);
  return fetch(`${running.baseUrl}/api/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}

const DISCLOSED = 'This is Dana from Example Recovery, a debt collector. This is an attempt to collect a debt.';

describe('sign-in', () => {
  it('refuses a wrong password and an unknown email with the same sentence, and accepts the right one', async () => {
    const client = new ConsoleClient(running.baseUrl);
    const wrong = await client.signIn(SUPERVISOR.email, 'not the password at all');
    const unknown = await client.signIn('nobody@agency.test', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toBe(unknown.body.error);
    const ok = await client.signIn(SUPERVISOR.email.toUpperCase(), SUPERVISOR.password);
    expect(ok.status).toBe(200);
    expect(ok.body.officer).toMatchObject({ email: SUPERVISOR.email, role: 'supervisor' });
    expect(JSON.stringify(ok.body)).not.toContain('passwordHash');
  });

  it('sets an HttpOnly, SameSite=Strict session cookie, Secure with the __Host- prefix behind HTTPS', async () => {
    const client = new ConsoleClient(running.baseUrl);
    const res = await client.signIn(OFFICER.email, OFFICER.password);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-officer_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('Path=/');
  });

  it('answers GET /officer/api/session with the officer and the CSRF token, and signing out ends the session', async () => {
    const client = await ConsoleClient.signedIn(running.baseUrl, OFFICER);
    const me = await client.request('GET', '/officer/api/session');
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(client.csrf);
    expect((await client.request('DELETE', '/officer/api/session')).status).toBe(200);
    expect((await client.request('GET', '/officer/api/queue')).status).toBe(401);
  });

  it('rate-limits sign-in attempts per email and says when to try again', async () => {
    const client = new ConsoleClient(running.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await client.signIn('target@agency.test', `guess number ${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const limited = await client.signIn('target@agency.test', 'one more guess');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error).toMatch(/Too many sign-in attempts/);
  });

  it('refuses a sign-in posted from another site', async () => {
    const client = new ConsoleClient(running.baseUrl);
    const res = await client.request('POST', '/officer/api/session', { email: OFFICER.email, password: OFFICER.password }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('rejects a malformed sign-in body with a sentence', async () => {
    const res = await new ConsoleClient(running.baseUrl).request('POST', '/officer/api/session', { email: OFFICER.email });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/password/i);
  });
});

describe('every console route checks the session, the role and CSRF', () => {
  const ID = 'cl0000000000000000000000';
  const table: Array<{ method: string; path: string; supervisor?: boolean; body?: unknown }> = [
    { method: 'GET', path: '/officer/api/session' },
    { method: 'DELETE', path: '/officer/api/session' },
    { method: 'GET', path: '/officer/api/queue' },
    { method: 'GET', path: '/officer/api/queue/events' },
    { method: 'GET', path: `/officer/api/handoffs/${ID}` },
    { method: 'GET', path: `/officer/api/handoffs/${ID}/events` },
    { method: 'POST', path: `/officer/api/handoffs/${ID}/accept` },
    { method: 'POST', path: `/officer/api/handoffs/${ID}/check`, body: { text: 'hello' } },
    { method: 'POST', path: `/officer/api/handoffs/${ID}/messages`, body: { text: 'hello' } },
    { method: 'POST', path: `/officer/api/handoffs/${ID}/hand-back` },
    { method: 'POST', path: `/officer/api/handoffs/${ID}/resolve`, body: { outcome: 'paid' } },
    { method: 'POST', path: `/officer/api/handoffs/${ID}/proposal`, body: { kind: 'reject' } },
    { method: 'POST', path: `/officer/api/disputes/${ID}/decision`, body: { status: 'verified' } },
    { method: 'POST', path: `/officer/api/accounts/${ID}/status`, body: { status: 'deceased' } },
    { method: 'GET', path: '/officer/api/reports', supervisor: true },
    { method: 'GET', path: '/officer/api/reports.csv', supervisor: true },
    { method: 'GET', path: '/officer/api/reports/charts/aging.svg', supervisor: true },
    { method: 'POST', path: '/officer/api/placements', supervisor: true },
    // Issue #15
    { method: 'POST', path: '/officer/api/session/password', body: { currentPassword: 'x', newPassword: 'y' } },
    { method: 'GET', path: '/officer/api/labels' },
    { method: 'GET', path: '/officer/api/officers' },
    { method: 'GET', path: '/officer/api/canned-replies' },
    { method: 'POST', path: `/officer/api/handoffs/${ID}/assign`, body: { officerId: null } },
    { method: 'POST', path: `/officer/api/handoffs/${ID}/offer`, body: { terms: { kind: 'full', firstDate: '2030-01-01' } } },
    { method: 'GET', path: '/officer/api/accounts?q=A-1001' },
    { method: 'GET', path: `/officer/api/accounts/${ID}` },
    { method: 'GET', path: `/officer/api/accounts/${ID}/timeline` },
    { method: 'POST', path: `/officer/api/accounts/${ID}/hardship`, body: { hardship: true } },
    { method: 'POST', path: `/officer/api/accounts/${ID}/notes`, body: { text: 'note' } },
    { method: 'POST', path: `/officer/api/accounts/${ID}/follow-ups`, body: { kind: 'callback', dueDate: '2030-01-01' } },
    { method: 'POST', path: `/officer/api/follow-ups/${ID}/close`, body: { status: 'done' } },
    { method: 'GET', path: '/officer/api/placements/guide', supervisor: true },
    { method: 'GET', path: '/officer/api/placements/template.csv', supervisor: true },
    { method: 'GET', path: '/officer/api/placements/sample.csv', supervisor: true },
    { method: 'GET', path: '/officer/api/admin/officers', supervisor: true },
    { method: 'POST', path: '/officer/api/admin/officers', supervisor: true, body: { name: 'X', email: 'x@agency.test', role: 'officer' } },
    { method: 'POST', path: `/officer/api/admin/officers/${ID}/disable`, supervisor: true },
    { method: 'POST', path: `/officer/api/admin/officers/${ID}/enable`, supervisor: true },
    { method: 'POST', path: `/officer/api/admin/officers/${ID}/reset`, supervisor: true },
    { method: 'GET', path: '/officer/api/admin/waiting-targets', supervisor: true },
    { method: 'PUT', path: '/officer/api/admin/waiting-targets', supervisor: true, body: { crisis: 1, urgent: 2, high: 3, normal: 4, routine: 5 } },
    { method: 'POST', path: '/officer/api/admin/canned-replies', supervisor: true, body: { title: 't', body: 'b' } },
    { method: 'PUT', path: `/officer/api/admin/canned-replies/${ID}`, supervisor: true, body: { title: 't', body: 'b' } },
    { method: 'DELETE', path: `/officer/api/admin/canned-replies/${ID}`, supervisor: true },
  ];
  const routes = table.map((r) => ({ ...r, name: `${r.method} ${r.path.replace('/officer/api', '').replace(ID, ':id')}` }));

  it.each(routes)('$name without a session → 401', async ({ method, path, body }) => {
    const res = await new ConsoleClient(running.baseUrl).request(method, path, body);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: expect.stringMatching(/sign in/i) });
  });

  it.each(routes)('$name with a forged or expired cookie → 401', async ({ method, path, body }) => {
    const client = new ConsoleClient(running.baseUrl);
    client.cookie = '__Host-officer_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    client.csrf = officer.csrf;
    expect((await client.request(method, path, body)).status).toBe(401);
  });

  it.each(routes.filter((r) => r.supervisor))('$name as an officer (not a supervisor) → 403', async ({ method, path, body }) => {
    const res = await officer.request(method, path, body, method === 'POST' ? { raw: 'x', contentType: 'text/csv' } : {});
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: expect.stringMatching(/supervisors/i) });
  });

  it.each(routes.filter((r) => r.method !== 'GET'))('$name without the CSRF token, with a wrong one, or from another site → 403', async ({ method, path, body }) => {
    const client = (method === 'POST' && path.includes('placements')) || path.includes('/admin/') ? supervisor : officer;
    expect((await client.request(method, path, body, { csrf: null })).status).toBe(403);
    expect((await client.request(method, path, body, { csrf: 'x'.repeat(43) })).status).toBe(403);
    expect((await client.request(method, path, body, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('the officer of one session cannot use the CSRF token of another', async () => {
    const res = await officer.request('POST', '/officer/api/handoffs/unknown/accept', undefined, { csrf: secondOfficer.csrf });
    expect(res.status).toBe(403);
  });
});

describe('queue', () => {
  it('lists waiting escalations most urgent first, with reason, priority, channel and waiting time', async () => {
    const a = await db().conversation.create({ data: { externalId: `queue-a-${Date.now()}`, channel: 'web' } });
    const b = await db().conversation.create({ data: { externalId: `queue-b-${Date.now()}`, channel: 'sms' } });
    const asked = await queueHandoff(db(), { reason: 'asked', conversationId: a.id });
    const crisis = await queueHandoff(db(), { reason: 'crisis', conversationId: b.id });
    const res = await officer.request<{ serverTime: string; items: Array<Record<string, unknown>> }>('GET', '/officer/api/queue');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i) => i.handoffId);
    expect(ids.indexOf(crisis.id)).toBeLessThan(ids.indexOf(asked.id));
    expect(res.body.items.find((i) => i.handoffId === crisis.id)).toMatchObject({ reason: 'crisis', priority: 0, channel: 'sms', status: 'queued', createdAt: expect.any(String) });
    await db().handoff.updateMany({ where: { id: { in: [asked.id, crisis.id] } }, data: { status: 'resolved' } });
  });

  it('streams the queue as server-sent events and pushes a new escalation without a reload', async () => {
    const controller = new AbortController();
    const res = await fetch(`${running.baseUrl}/officer/api/queue/events`, { headers: { cookie: officer.cookie }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextQueueEvent = async (): Promise<Array<{ handoffId: string }>> => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (frame.includes('event: queue') && data) return (JSON.parse(data.slice(6)) as { items: Array<{ handoffId: string }> }).items;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    const initial = await nextQueueEvent();
    const conversation = await db().conversation.create({ data: { externalId: `live-${Date.now()}`, channel: 'web' } });
    const queued = await queueHandoff(db(), { reason: 'hardship', conversationId: conversation.id });
    expect(initial.some((i) => i.handoffId === queued.id)).toBe(false);
    let update = await nextQueueEvent();
    while (!update.some((i) => i.handoffId === queued.id)) update = await nextQueueEvent();
    controller.abort();
    await db().handoff.update({ where: { id: queued.id }, data: { status: 'resolved' } });
  });
});

describe('live streams end with the session', () => {
  it('a queue stream closes after its officer signs out', async () => {
    const client = await ConsoleClient.signedIn(running.baseUrl, SECOND_OFFICER);
    const res = await fetch(`${running.baseUrl}/officer/api/queue/events`, { headers: { cookie: client.cookie } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read(); // the stream is open
    expect((await client.request('DELETE', '/officer/api/session')).status).toBe(200);
    const ended = (async () => {
      for (;;) if ((await reader.read()).done) return true;
    })();
    await expect(Promise.race([ended, new Promise((resolve) => setTimeout(() => resolve(false), 8000))])).resolves.toBe(true);
  }, 15_000);
});

describe('taking over a website chat', () => {
  it('the officer takes over, the bot goes silent, the officer writes, the debtor reads it in the chat, then the bot is back', async () => {
    const { debtor, handoffId, conversationId } = await webEscalation();

    const view = await officer.request<{ conversation: { messages: Array<{ author: string; text: string }> }; account: { accountNumber: string } }>('GET', `/officer/api/handoffs/${handoffId}`);
    expect(view.status).toBe(200);
    expect(view.body.account.accountNumber).toBe('A-1001');
    const transcript = view.body.conversation.messages.map((m) => m.text).join('\n');
    expect(transcript).toContain('I want to talk to a person');
    expect(transcript).not.toMatch(/March 14|30301|A-1001/); // verification answers are masked

    expect((await officer.request('POST', `/officer/api/handoffs/${handoffId}/accept`)).status).toBe(200);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).holder).toBe('officer');
    await running.app.outboxWorker.runOnce();
    expect((await debtor.received()).map((a) => a.text).join('\n')).toMatch(/Dana, a member of our team, has joined/);

    // The bot stays silent while the officer holds the conversation.
    expect(await debtor.say('hello? is anyone there?')).toBe('');
    expect(await debtor.say('what is my balance')).toBe('');

    const sent = await officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, { text: `${DISCLOSED} How can I help you today?`, override: true });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ sent: true, botInitiated: false });
    await running.app.outboxWorker.runOnce();
    expect((await debtor.received()).map((a) => a.text)).toContain(`${DISCLOSED} How can I help you today?`);

    const handoff = await db().handoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(handoff.firstResponseAt).not.toBeNull();

    expect((await officer.request('POST', `/officer/api/handoffs/${handoffId}/hand-back`)).status).toBe(200);
    await running.app.outboxWorker.runOnce();
    expect((await debtor.received()).map((a) => a.text).join('\n')).toMatch(/virtual assistant|asistente/i);
    expect(await debtor.say('agent')).toMatch(/person|officer|wait/i); // the bot answers again
    const audit = await db().auditEvent.findMany({ where: { conversationId }, select: { type: true } });
    expect(audit.map((a) => a.type)).toEqual(expect.arrayContaining(['handoff.accepted', 'officer.message.sent', 'handoff.handed_back']));
  });

  it('rights the debtor exercises while an officer holds the chat are recorded silently and shown on the escalation (DESIGN 3, 4, 5, 8)', async () => {
    const debtor = await DirectLineDebtor.start(running.baseUrl);
    for (const text of ['hi', 'A-1003', 'July 21 1968', '94110']) await debtor.say(text);
    expect(await debtor.say('yes')).toMatch(/\/notices\//); // E-SIGN consent: the notice as a page
    expect(await debtor.say('agent')).toMatch(/person/);
    const conversation = await db().conversation.findUniqueOrThrow({ where: { externalId: debtor.conversationId } });
    const handoff = await db().handoff.findFirstOrThrow({ where: { conversationId: conversation.id, status: 'queued' } });
    expect((await officer.request('POST', `/officer/api/handoffs/${handoff.id}/accept`)).status).toBe(200);

    const table: Array<{ says: string; check: () => Promise<void> }> = [
      { says: 'this is not my debt, I dispute it', check: async () => expect(await db().dispute.count({ where: { accountId: handoff.accountId!, status: 'open' } })).toBe(1) },
      { says: 'I want to hurt myself', check: async () => expect((await db().handoff.findUniqueOrThrow({ where: { id: handoff.id } })).priority).toBe(0) },
      { says: 'stop contacting me', check: async () => expect((await db().account.findUniqueOrThrow({ where: { id: handoff.accountId! } })).ceaseCommunication).toBe(true) },
      {
        says: 'please send me paper copies instead',
        check: async () => expect(await db().consent.findFirstOrThrow({ where: { accountId: handoff.accountId!, kind: 'esign' } })).toMatchObject({ withdrawnAt: expect.any(Date) }),
      },
    ];
    for (const step of table) {
      expect(await debtor.say(step.says), `the bot stays silent after "${step.says}"`).toBe('');
      await step.check();
    }
    const view = await officer.request<{ handoff: { reasons: string[]; status: string } }>('GET', `/officer/api/handoffs/${handoff.id}`);
    expect(view.body.handoff.status).toBe('accepted');
    expect(view.body.handoff.reasons).toEqual(expect.arrayContaining(['crisis', 'asked', 'dispute', 'cease']));
    expect((await db().account.findUniqueOrThrow({ where: { id: handoff.accountId! } })).disputed).toBe(true);
    await db().account.update({ where: { id: handoff.accountId! }, data: { disputed: false, ceaseCommunication: false } });
  });

  it('two officers cannot take the same conversation, even at the same moment', async () => {
    const { handoffId } = await webEscalation(false);
    const [one, two] = await Promise.all([
      officer.request('POST', `/officer/api/handoffs/${handoffId}/accept`),
      secondOfficer.request('POST', `/officer/api/handoffs/${handoffId}/accept`),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const loser = one.status === 409 ? one : two;
    expect(loser.body.error).toMatch(/(Dana Ortiz|Lee Park) has already taken this conversation/);
    const winner = one.status === 200 ? officer : secondOfficer;
    const other = winner === officer ? secondOfficer : officer;
    expect((await other.request('POST', `/officer/api/handoffs/${handoffId}/messages`, { text: DISCLOSED })).status).toBe(409);
    expect((await other.request('POST', `/officer/api/handoffs/${handoffId}/hand-back`)).status).toBe(409);
    expect((await other.request('POST', `/officer/api/handoffs/${handoffId}/resolve`, { outcome: 'no_action_needed' })).status).toBe(409);
    expect((await winner.request('POST', `/officer/api/handoffs/${handoffId}/accept`)).status).toBe(200); // a repeated click
    expect((await winner.request('POST', `/officer/api/handoffs/${handoffId}/resolve`, { outcome: 'callback_arranged', note: 'calls back Monday' })).status).toBe(200);
    const handoff = await db().handoff.findUniqueOrThrow({ where: { id: handoffId }, include: { conversation: true } });
    expect(handoff).toMatchObject({ status: 'resolved', outcome: 'callback_arranged: calls back Monday' });
    expect(handoff.conversation!.holder).toBe('bot');
    expect((await winner.request('POST', `/officer/api/handoffs/${handoffId}/resolve`, { outcome: 'paid' })).status).toBe(409);
  });

  it('a message cannot be sent before taking the conversation over', async () => {
    const { handoffId } = await webEscalation(false);
    const res = await officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, { text: DISCLOSED });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/Take the conversation over first/);
  });

  it('a double-clicked send (same clientMessageId) is sent once', async () => {
    const { handoffId, conversationId } = await webEscalation(false);
    await officer.request('POST', `/officer/api/handoffs/${handoffId}/accept`);
    const body = { text: DISCLOSED, clientMessageId: 'click-1234567890' };
    const [a, b] = await Promise.all([officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, body), officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, body)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await db().outboxMessage.count({ where: { conversationId, kind: 'officer', body: DISCLOSED } })).toBe(1);
    expect(await db().message.count({ where: { conversationId, author: 'officer', text: DISCLOSED } })).toBe(1);
  });
});

describe('reply check (DESIGN 2: disclosure, DESIGN 9: no threat of suit on a time-barred debt, no pressure, DESIGN 12: card numbers)', () => {
  async function heldEscalation(): Promise<string> {
    const { handoffId } = await webEscalation();
    expect((await officer.request('POST', `/officer/api/handoffs/${handoffId}/accept`)).status).toBe(200);
    return handoffId;
  }

  it('warns when the first message lacks the debt-collector disclosure; an override sends it and is audited', async () => {
    const handoffId = await heldEscalation();
    const check = await officer.request<{ warnings: Array<{ code: string }> }>('POST', `/officer/api/handoffs/${handoffId}/check`, { text: 'Hi Maria, how can I help?' });
    expect(check.status).toBe(200);
    expect(check.body.warnings.map((w) => w.code)).toEqual(['no_disclosure']);
    const refused = await officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, { text: 'Hi Maria, how can I help?' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ blocked: false, warnings: [expect.objectContaining({ code: 'no_disclosure' })] });
    const handoff = await db().handoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(await db().outboxMessage.count({ where: { conversationId: handoff.conversationId!, body: 'Hi Maria, how can I help?' } })).toBe(0);
    // An override needs a reason (issue #15), kept in the audit trail.
    const noReason = await officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, { text: 'Hi Maria, how can I help?', override: true });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ reasonRequired: true, error: expect.stringMatching(/Say why/) });
    expect(await db().outboxMessage.count({ where: { conversationId: handoff.conversationId!, body: 'Hi Maria, how can I help?' } })).toBe(0);
    const overridden = await officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, { text: 'Hi Maria, how can I help?', override: true, overrideReason: 'disclosed on the phone a minute ago' });
    expect(overridden.status).toBe(201);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { conversationId: handoff.conversationId!, type: 'officer.reply_check.overridden' } });
    expect(audit.actor).toBe(`officer:${(await db().officer.findUniqueOrThrow({ where: { email: OFFICER.email } })).id}`);
    expect(JSON.parse(audit.detailJson)).toMatchObject({ warnings: ['no_disclosure'], reason: 'disclosed on the phone a minute ago' });
    expect(audit.detailJson).not.toContain('Maria'); // the audit names the warning, not the words
    // Later messages in the same takeover need no disclosure.
    expect((await officer.request('POST', `/officer/api/handoffs/${handoffId}/check`, { text: 'Thanks for waiting.' })).body).toEqual({ warnings: [] });
  });

  it('warns about an amount that does not match the account, and accepts the real balance', async () => {
    const handoffId = await heldEscalation();
    const wrong = await officer.request<{ warnings: Array<{ code: string }> }>('POST', `/officer/api/handoffs/${handoffId}/check`, { text: `${DISCLOSED} Your balance is $1,200.00.` });
    expect(wrong.body.warnings.map((w) => w.code)).toContain('amount_mismatch');
    const right = await officer.request<{ warnings: Array<{ code: string }> }>('POST', `/officer/api/handoffs/${handoffId}/check`, { text: `${DISCLOSED} Your balance is $1,085.00.` });
    expect(right.body.warnings).toEqual([]);
  });

  it('blocks a card number even with an override', async () => {
    const handoffId = await heldEscalation();
    const res = await officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, { text: `${DISCLOSED} Is your card 4242 4242 4242 4242?`, override: true });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ blocked: true, warnings: expect.arrayContaining([expect.objectContaining({ code: 'card_number', blocking: true })]) });
  });

  it('blocks a threat of suit on a time-barred account, and only warns on another account', async () => {
    const handoffId = await heldEscalation();
    const handoff = await db().handoff.findUniqueOrThrow({ where: { id: handoffId } });
    const threat = `${DISCLOSED} If you do not pay we will sue you.`;
    const warned = await officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, { text: threat });
    expect(warned.status).toBe(422);
    expect(warned.body).toMatchObject({ blocked: false, warnings: [expect.objectContaining({ code: 'legal_threat', blocking: false })] });
    await db().account.update({ where: { id: handoff.accountId! }, data: { timeBarred: true } });
    try {
      const blocked = await officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, { text: threat, override: true });
      expect(blocked.status).toBe(422);
      expect(blocked.body).toMatchObject({ blocked: true, warnings: [expect.objectContaining({ code: 'legal_threat', blocking: true })] });
    } finally {
      await db().account.update({ where: { id: handoff.accountId! }, data: { timeBarred: false } });
    }
  });

  it('rejects an empty or oversized message with a sentence', async () => {
    const handoffId = await heldEscalation();
    const empty = await officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/Write a message first/);
    const long = await officer.request('POST', `/officer/api/handoffs/${handoffId}/messages`, { text: 'a'.repeat(1601) });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatch(/1,600 characters/);
  });
});

describe('taking over an SMS conversation (DESIGN 5: STOP still works, DESIGN 13: quiet hours for messages we start, DESIGN 15: a person)', () => {
  const PHONE = '+14045550101';

  it('officer messages go out as SMS through the outbox; STOP still works while the officer holds the conversation', async () => {
    expect((await postSms(PHONE, 'I need to talk to a real person')).status).toBe(200);
    const conversation = await db().conversation.findUniqueOrThrow({ where: { externalId: `sms:${PHONE}` } });
    const handoff = await db().handoff.findFirstOrThrow({ where: { conversationId: conversation.id, status: 'queued' } });
    expect((await officer.request('POST', `/officer/api/handoffs/${handoff.id}/accept`)).status).toBe(200);

    const sent = await officer.request('POST', `/officer/api/handoffs/${handoff.id}/messages`, { text: DISCLOSED });
    expect(sent.status).toBe(201);
    const outbox = await db().outboxMessage.findUniqueOrThrow({ where: { id: String(sent.body.outboxId) } });
    expect(outbox).toMatchObject({ channel: 'sms', to: PHONE, kind: 'officer', botInitiated: false, body: DISCLOSED });

    // While the officer holds the thread the bot says nothing; STOP is still honoured.
    const repliesBefore = await db().outboxMessage.count({ where: { to: PHONE, kind: 'reply' } });
    await postSms(PHONE, 'ok thanks');
    expect(await db().outboxMessage.count({ where: { to: PHONE, kind: 'reply' } })).toBe(repliesBefore);
    await postSms(PHONE, 'STOP');
    expect(await db().outboxMessage.count({ where: { to: PHONE, kind: 'reply' } })).toBe(repliesBefore + 1);
    // After STOP the console refuses to queue anything for this number, and says why (issue #15).
    const later = await officer.request('POST', `/officer/api/handoffs/${handoff.id}/messages`, { text: 'Understood.' });
    expect(later.status).toBe(409);
    expect(later.body.error).toMatch(/replied STOP/);
    expect(await db().outboxMessage.count({ where: { to: PHONE, body: 'Understood.' } })).toBe(0);
    await postSms(PHONE, 'START');
  });

  it('a message to a debtor who has not written for a while is officer-initiated (quiet hours apply)', async () => {
    const phone = '+14155550142';
    const conversation = await db().conversation.create({ data: { externalId: `sms:${phone}`, channel: 'sms' } });
    await db().message.create({ data: { conversationId: conversation.id, direction: 'in', author: 'debtor', text: 'call me later', createdAt: new Date(Date.now() - 3 * 3600_000) } });
    const queued = await queueHandoff(db(), { reason: 'asked', conversationId: conversation.id });
    await officer.request('POST', `/officer/api/handoffs/${queued.id}/accept`);
    const sent = await officer.request('POST', `/officer/api/handoffs/${queued.id}/messages`, { text: DISCLOSED });
    expect(sent.status).toBe(201);
    expect(sent.body.botInitiated).toBe(true);
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id: String(sent.body.outboxId) } })).toMatchObject({ botInitiated: true, channel: 'sms' });
  });
});

describe('decisions (DESIGN 4: a dispute pauses collection until verified, DESIGN 6-7: statuses stop collection, DESIGN 11: the debtor\'s own yes)', () => {
  it('a verified dispute lets collection resume; a closed one keeps it stopped; a second decision is refused', async () => {
    const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1004' } });
    const first = await db().dispute.create({ data: { accountId: account.id, kind: 'dispute', words: 'not mine', channel: 'web' } });
    await db().account.update({ where: { id: account.id }, data: { disputed: true } });
    const verified = await officer.request('POST', `/officer/api/disputes/${first.id}/decision`, { status: 'verified' });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ collectionMayResume: true });
    expect((await db().account.findUniqueOrThrow({ where: { id: account.id } })).disputed).toBe(false);
    expect((await officer.request('POST', `/officer/api/disputes/${first.id}/decision`, { status: 'closed' })).status).toBe(409);

    const second = await db().dispute.create({ data: { accountId: account.id, kind: 'original_creditor', words: 'who is it', channel: 'sms' } });
    await db().account.update({ where: { id: account.id }, data: { disputed: true } });
    const closed = await officer.request('POST', `/officer/api/disputes/${second.id}/decision`, { status: 'closed' });
    expect(closed.body).toEqual({ collectionMayResume: false });
    expect((await db().account.findUniqueOrThrow({ where: { id: account.id } })).disputed).toBe(true);
    const audit = await db().auditEvent.findMany({ where: { accountId: account.id, type: { in: ['dispute.verified', 'dispute.closed'] } } });
    expect(audit.map((a) => a.type).sort()).toEqual(['dispute.closed', 'dispute.verified']);
    expect((await officer.request('POST', `/officer/api/disputes/${second.id}/decision`, { status: 'maybe' })).status).toBe(400);
    expect((await officer.request('POST', '/officer/api/disputes/nope/decision', { status: 'verified' })).status).toBe(404);
  });

  it('records attorney, bankruptcy, deceased and military status', async () => {
    const account = await db().account.findUniqueOrThrow({ where: { accountNumber: 'A-1006' } });
    const missing = await officer.request('POST', `/officer/api/accounts/${account.id}/status`, { status: 'attorney', attorneyName: 'Jo Counsel' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/attorneyContact/);
    expect((await officer.request('POST', `/officer/api/accounts/${account.id}/status`, { status: 'attorney', attorneyName: 'Jo Counsel', attorneyContact: 'jo@law.example' })).status).toBe(200);
    for (const status of ['bankruptcy', 'deceased', 'military']) {
      expect((await officer.request('POST', `/officer/api/accounts/${account.id}/status`, { status })).status).toBe(200);
    }
    const after = await db().account.findUniqueOrThrow({ where: { id: account.id } });
    expect(after).toMatchObject({ attorneyRepresented: true, attorneyName: 'Jo Counsel', attorneyContact: 'jo@law.example', bankruptcy: true, deceased: true, activeMilitary: true });
    const audit = await db().auditEvent.findMany({ where: { accountId: account.id, type: { in: ['attorney.recorded', 'status.reported'] } } });
    expect(audit).toHaveLength(4);
    expect(audit.every((a) => a.actor.startsWith('officer:'))).toBe(true);
    expect((await officer.request('POST', `/officer/api/accounts/${account.id}/status`, { status: 'jailed' })).status).toBe(400);
    expect((await officer.request('POST', '/officer/api/accounts/nope/status', { status: 'deceased' })).status).toBe(404);
  });

  it('an approved out-of-policy proposal reaches the debtor’s chat, and the debtor’s YES agrees it and brings the pay link', async () => {
    const debtor = await DirectLineDebtor.start(running.baseUrl);
    for (const text of ['hi', 'A-1001', 'March 14 1985', '30301', 'yes', 'I can do 50 a month', 'what about 60 a month']) await debtor.say(text);
    expect(await debtor.say('70 a month')).toContain('send your proposal to a collections officer');
    expect(await debtor.say('yes')).toContain('sent your proposal');
    const conversation = await db().conversation.findUniqueOrThrow({ where: { externalId: debtor.conversationId } });
    const handoff = await db().handoff.findFirstOrThrow({ where: { conversationId: conversation.id, reason: 'proposal', status: 'queued' } });

    const view = await officer.request<{ handoff: { proposal: { terms: { total: number } } } }>('GET', `/officer/api/handoffs/${handoff.id}`);
    expect(view.body.handoff.proposal.terms.total).toBe(108500);
    const decided = await officer.request('POST', `/officer/api/handoffs/${handoff.id}/proposal`, { kind: 'approve' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ ok: true, decision: 'approve' });
    expect((await officer.request('POST', `/officer/api/handoffs/${handoff.id}/proposal`, { kind: 'reject' })).status).toBe(409);

    await running.app.outboxWorker.runOnce();
    expect((await debtor.received()).map((a) => a.text).join('\n')).toContain('approved it');
    const agreed = await debtor.say('yes');
    expect(agreed).toMatch(/agreed and recorded/);
    expect(agreed).toMatch(/\/pay\/[A-Za-z0-9_-]+/);
    const plan = await db().plan.findFirstOrThrow({ where: { conversationId: conversation.id }, orderBy: { createdAt: 'desc' } });
    expect(plan).toMatchObject({ status: 'agreed', authorizedChannel: 'web' });
    expect(plan.authorizationText).toBe(plan.offerText);
    await db().plan.update({ where: { id: plan.id }, data: { status: 'cancelled' } });
  });

  it('refuses a proposal decision on an escalation that is not a proposal', async () => {
    const conversation = await db().conversation.create({ data: { externalId: `np-${Date.now()}`, channel: 'web' } });
    const queued = await queueHandoff(db(), { reason: 'asked', conversationId: conversation.id });
    const res = await officer.request('POST', `/officer/api/handoffs/${queued.id}/proposal`, { kind: 'approve' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(typeof res.body.error).toBe('string');
    expect((await officer.request('POST', `/officer/api/handoffs/${queued.id}/proposal`, { kind: 'perhaps' })).status).toBe(400);
  });

  it('resolve validates the outcome', async () => {
    const conversation = await db().conversation.create({ data: { externalId: `rv-${Date.now()}`, channel: 'web' } });
    const queued = await queueHandoff(db(), { reason: 'asked', conversationId: conversation.id });
    const res = await officer.request('POST', `/officer/api/handoffs/${queued.id}/resolve`, { outcome: 'whatever' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/outcome must be one of/);
    expect((await officer.request('GET', '/officer/api/handoffs/does-not-exist')).status).toBe(404);
  });
});

describe('supervisor reports and placement upload', () => {
  it('serves the report as JSON, CSV and SVG charts', async () => {
    const json = await supervisor.request('GET', '/officer/api/reports?from=2026-01-01&to=2026-12-31');
    expect(json.body).not.toHaveProperty('error');
    expect(json.status).toBe(200);
    expect(json.body).toHaveProperty('aging');
    const csv = await supervisor.request('GET', '/officer/api/reports.csv?from=2026-01-01&to=2026-12-31');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="portfolio-report-2026-01-01-to-2026-12-31.csv"/);
    expect(String(csv.body).split(/\r?\n/)[0]).toBe('section,metric,key,currency,value,definition');
    for (const chart of ['escalations.svg', 'aging.svg', 'collected.svg']) {
      const svg = await supervisor.request('GET', `/officer/api/reports/charts/${chart}`);
      expect(svg.status).toBe(200);
      expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(String(svg.body)).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
    expect((await supervisor.request('GET', '/officer/api/reports/charts/pie.svg')).status).toBe(404);
    expect((await supervisor.request('GET', '/officer/api/reports?from=yesterday')).status).toBe(400);
    expect((await supervisor.request('GET', '/officer/api/reports?from=2026-05-01&to=2026-04-01')).status).toBe(400);
  });

  const row = (values: Partial<Record<(typeof PLACEMENT_COLUMNS)[number], string>>) =>
    PLACEMENT_COLUMNS.map((c) => values[c] ?? '').join(',');
  const good = {
    account_number: 'U-2001', first_name: 'Uma', last_name: 'Upload', dob: '1980-02-03', ssn_last4: '9911', zip: '30301',
    phone: '+14045550177', email: 'uma@example.com', address: '"1 Main St, Atlanta, GA 30301"', timezone: 'America/New_York', language: 'en',
    creditor: 'Peachtree Medical Group', original_creditor: 'Peachtree Medical Group', itemization_date: '2026-01-15', itemization_amount: '250.00',
    interest: '0.00', fees: '0.00', payments: '0.00', credits: '0.00', currency: 'USD', time_barred: 'false',
  };

  it('imports an uploaded placement file, reporting imported, updated and rejected rows with reasons and progress', async () => {
    const csv = [PLACEMENT_COLUMNS.join(','), row(good), row({ ...good, account_number: 'U-2002', itemization_amount: 'lots' })].join('\n');
    const res = await supervisor.request('POST', '/officer/api/placements', undefined, { raw: csv, contentType: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const events = String(res.body).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.some((e) => e.type === 'progress')).toBe(true);
    const report = events.at(-1)!;
    expect(report).toMatchObject({ type: 'report', imported: 1, updated: 0, rejected: [expect.objectContaining({ line: 3, accountNumber: 'U-2002', reason: expect.stringMatching(/itemization_amount/) })] });
    expect(String(res.body)).not.toMatch(/1980-02-03|9911/); // identity factors never echoed
    const again = await supervisor.request('POST', '/officer/api/placements', undefined, { raw: csv, contentType: 'text/csv' });
    expect(String(again.body).trim().split('\n').map((l) => JSON.parse(l)).at(-1)).toMatchObject({ imported: 0, unchanged: 1 });
    expect(await db().auditEvent.count({ where: { type: 'placement.uploaded' } })).toBe(2);
  });

  it('refuses a file with the wrong header as a whole, and a wrong content type', async () => {
    const refused = await supervisor.request('POST', '/officer/api/placements', undefined, { raw: 'name,balance\nx,1', contentType: 'text/csv' });
    expect(refused.status).toBe(200);
    expect(JSON.parse(String(refused.body).trim())).toMatchObject({ type: 'refused', error: expect.stringMatching(/header/i) });
    const json = await supervisor.request('POST', '/officer/api/placements', { rows: [] });
    expect(json.status).toBe(400);
    expect(json.body.error).toMatch(/text\/csv/);
    const empty = await supervisor.request('POST', '/officer/api/placements', undefined, { raw: '  ', contentType: 'text/csv' });
    expect(empty.status).toBe(400);
  });
});

describe('the console page', () => {
  it('is served with a strict Content-Security-Policy and no inline script', async () => {
    const res = await fetch(`${running.baseUrl}/officer`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).toContain('/officer/assets/console.js');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect((await fetch(`${running.baseUrl}/officer/assets/console.js`)).status).toBe(200);
  });
});
