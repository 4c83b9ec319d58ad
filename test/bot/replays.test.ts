/**
 * Issue 10 item 10: a replayed activity — the same activity id posted again to /api/messages, the
 * same clientActivityID re-sent by Web Chat, the same MessageSid retried by Twilio — is processed
 * once: one dispute recorded (DESIGN 4), one transcript row, one answer.
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

async function disputesOf(accountNumber: string): Promise<number> {
  const account = await db().account.findUniqueOrThrow({ where: { accountNumber } });
  return db().dispute.count({ where: { accountId: account.id } });
}

async function post(activity: Record<string, unknown>): Promise<{ status: number; replies: Partial<Activity>[] }> {
  const res = await fetch(`${running.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', channelId: 'test', deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:9', from: { id: 'debtor' }, recipient: { id: 'bot' }, ...activity }),
  });
  const body = await res.text();
  return { status: res.status, replies: body ? ((JSON.parse(body) as { activities?: Partial<Activity>[] }).activities ?? []) : [] };
}

describe('replays are processed once (item 10)', () => {
  it('/api/messages: the same activity id twice records one dispute and answers once', async () => {
    const conversation = { id: `replay-api-${Date.now()}` };
    let n = 0;
    for (const text of ['hi', 'A-1001', 'March 14 1985', '30301']) await post({ id: `m${++n}`, conversation, text });
    const before = await disputesOf('A-1001');
    const first = await post({ id: 'dispute-1', conversation, text: 'I dispute this debt' });
    const replay = await post({ id: 'dispute-1', conversation, text: 'I dispute this debt' });
    expect(first.status).toBe(200);
    expect(first.replies.length).toBeGreaterThan(0);
    expect(replay.status).toBe(200);
    expect(replay.replies).toEqual([]);
    expect(await disputesOf('A-1001')).toBe(before + 1);
    const record = await db().conversation.findUniqueOrThrow({ where: { externalId: conversation.id } });
    expect(await db().message.count({ where: { conversationId: record.id, direction: 'in', text: 'I dispute this debt' } })).toBe(1);
  });

  it('Direct Line: the same clientActivityID twice records one dispute and returns the same activity id', async () => {
    const base = `${running.baseUrl}/v3/directline`;
    const { token } = (await (await fetch(`${base}/tokens/generate`, { method: 'POST' })).json()) as { token: string };
    const started = (await (await fetch(`${base}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).json()) as { conversationId: string; token: string };
    const send = async (text: string, clientActivityID: string) => {
      const res = await fetch(`${base}/conversations/${started.conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${started.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text, from: { id: 'debtor' }, channelData: { clientActivityID } }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { id: string }).id;
    };
    await send('A-1002', 'c1');
    await send('November 2 1979', 'c2');
    await send('78201', 'c3');
    const before = await disputesOf('A-1002');
    const first = await send('I dispute this debt', 'c4');
    const replay = await send('I dispute this debt', 'c4');
    expect(replay).toBe(first);
    expect(await disputesOf('A-1002')).toBe(before + 1);
    const stored = await db().directLineActivity.findMany({ where: { conversationId: started.conversationId } });
    const echoes = stored.map((row) => JSON.parse(row.json) as { from: { role: string }; text?: string }).filter((a) => a.from.role === 'user' && a.text === 'I dispute this debt');
    expect(echoes).toHaveLength(1);
  });
});
