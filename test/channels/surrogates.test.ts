/**
 * Issue 10 item 9: text that is not well-formed UTF-16 (a lone surrogate such as \ud800, which JSON
 * and URL-encoded bodies can carry) is made well-formed where it enters (U+FFFD for each lone
 * surrogate), so the turn's transcript rows are stored like any other and nothing is lost.
 */
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../helpers/testApp.ts';
import { startWebTestApp } from '../helpers/webTestApp.ts';

let running: RunningApp;
beforeAll(async () => {
  running = await startWebTestApp();
});
afterAll(async () => running?.stop());

const db = () => running.database.db;

async function transcriptOf(externalId: string) {
  const conversation = await db().conversation.findUniqueOrThrow({ where: { externalId } });
  return db().message.findMany({ where: { conversationId: conversation.id }, orderBy: { createdAt: 'asc' } });
}

describe('lone surrogates in debtor text (item 9)', () => {
  it('on the website chat: the message and the reply are both in the transcript and the echo is stored', async () => {
    const base = `${running.baseUrl}/v3/directline`;
    const { token } = (await (await fetch(`${base}/tokens/generate`, { method: 'POST' })).json()) as { token: string };
    const started = (await (await fetch(`${base}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).json()) as { conversationId: string; token: string };
    const raw = '{"type":"message","text":"hi \\ud800 there \\udfff","from":{"id":"debtor"}}';
    const res = await fetch(`${base}/conversations/${started.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${started.token}`, 'content-type': 'application/json' },
      body: raw,
    });
    expect(res.status).toBe(200);
    const transcript = await transcriptOf(started.conversationId);
    const incoming = transcript.filter((m) => m.direction === 'in');
    expect(incoming.map((m) => m.text)).toEqual(['hi \ufffd there \ufffd']);
    expect(transcript.filter((m) => m.direction === 'out').length).toBeGreaterThanOrEqual(2); // greeting + answer
    const activities = await db().directLineActivity.findMany({ where: { conversationId: started.conversationId } });
    expect(activities.some((a) => (JSON.parse(a.json) as { text?: string }).text === 'hi \ufffd there \ufffd')).toBe(true);
  });

  it('on /api/messages and in-process (SMS) turns', async () => {
    const res = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"message","id":"s1","text":"\\ud83d hello","channelId":"test","deliveryMode":"expectReplies","serviceUrl":"http://127.0.0.1:9","conversation":{"id":"surrogate-api"},"from":{"id":"debtor"},"recipient":{"id":"bot"}}',
    });
    expect(res.status).toBe(200);
    const api = await transcriptOf('surrogate-api');
    expect(api.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['\ufffd hello']);
    expect(api.some((m) => m.direction === 'out')).toBe(true);

    await running.app.inProcess.runTurn({
      type: 'message',
      channelId: 'sms',
      serviceUrl: 'sms://in-process',
      conversation: { id: 'sms:+15005550199' } as Activity['conversation'],
      from: { id: '+15005550199', role: 'user' } as Activity['from'],
      recipient: { id: 'bot', role: 'bot' } as Activity['recipient'],
      text: 'hello \udc00',
    });
    const sms = await transcriptOf('sms:+15005550199');
    expect(sms.find((m) => m.direction === 'in')?.text).toBe('hello \ufffd');
    expect(sms.some((m) => m.direction === 'out')).toBe(true);
  });
});
