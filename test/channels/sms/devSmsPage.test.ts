import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSmsPageEnabled } from '../../../src/channels/sms/devSmsPage.ts';
import { loadConfig } from '../../../src/config.ts';
import { MARIA_PHONE, startSmsHarness, type SmsHarness } from './smsHarness.ts';

describe('GET /dev/sms: play the debtor\'s phone (console provider, not production)', () => {
  let harness: SmsHarness;
  beforeAll(async () => {
    harness = await startSmsHarness();
  });
  afterAll(async () => harness?.close());

  it('serves an accessible page whose script comes from our own origin', async () => {
    const res = await fetch(`${harness.baseUrl}/dev/sms`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<label for="phone">/);
    expect(html).toMatch(/<label for="text">/);
    expect(html).toMatch(/aria-live="polite"/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline script
    const script = await fetch(`${harness.baseUrl}/dev/sms/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain("fetch(base + '/inbound'");
  });

  it('lists the demo phone numbers', async () => {
    const phones = (await (await fetch(`${harness.baseUrl}/dev/sms/phones`)).json()) as Array<{ phone: string; label: string }>;
    expect(phones).toContainEqual(expect.objectContaining({ phone: MARIA_PHONE, label: expect.stringContaining('A-1001') }));
    expect(phones.length).toBe(6);
  });

  it('a text typed on the page goes through the same inbound path (no signature) and the thread shows it with the replies\' status', async () => {
    const post = await fetch(`${harness.baseUrl}/dev/sms/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: MARIA_PHONE, text: 'hi' }) });
    expect(post.status).toBe(200);
    expect(await post.json()).toMatchObject({ outcome: 'turn' });

    const thread = async () => (await (await fetch(`${harness.baseUrl}/dev/sms/thread?phone=${encodeURIComponent(MARIA_PHONE)}`)).json()) as {
      optedOut: boolean;
      messages: Array<{ direction: string; parts: string[]; status?: string }>;
    };
    let view = await thread();
    expect(view.messages[0]).toMatchObject({ direction: 'in', parts: ['hi'] });
    expect(view.messages[1]).toMatchObject({ direction: 'out', status: 'pending' });

    await harness.worker().runOnce(new Date(Date.now() + 60_000));
    view = await thread();
    expect(view.messages[1]!.status).toBe('sent');
    expect(view.messages[1]!.parts.join(' ')).toContain('date of birth');

    await fetch(`${harness.baseUrl}/dev/sms/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: MARIA_PHONE, text: 'STOP' }) });
    view = await thread();
    expect(view.optedOut).toBe(true);
    await fetch(`${harness.baseUrl}/dev/sms/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: MARIA_PHONE, text: 'START' }) });
  });

  it('rejects bad input', async () => {
    const bad = await fetch(`${harness.baseUrl}/dev/sms/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '404', text: 'hi' }) });
    expect(bad.status).toBe(400);
    expect((await fetch(`${harness.baseUrl}/dev/sms/thread?phone=abc`)).status).toBe(400);
  });
});

describe('the dev page does not exist outside console development', () => {
  it.each([
    ['production', { NODE_ENV: 'production', IDENTITY_HASH_KEY: 'a-production-secret-of-at-least-32-chars' }],
    ['the twilio provider', { SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC123', TWILIO_FROM_NUMBER: '+14045550100' }],
  ])('with %s: /dev/sms and its inject route answer 404', async (_label, env) => {
    expect(devSmsPageEnabled(loadConfig(env))).toBe(false);
    const harness = await startSmsHarness(env);
    try {
      expect((await fetch(`${harness.baseUrl}/dev/sms`)).status).toBe(404);
      const inject = await fetch(`${harness.baseUrl}/dev/sms/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: MARIA_PHONE, text: 'STOP' }) });
      expect(inject.status).toBe(404);
      expect(await harness.db.auditEvent.count({ where: { type: 'sms.opt_out' } })).toBe(0);
    } finally {
      await harness.close();
    }
  });
});

describe('POST /api/sms without TWILIO_AUTH_TOKEN', () => {
  it('refuses every request (403): there is no way to check a signature', async () => {
    const harness = await startSmsHarness({ TWILIO_AUTH_TOKEN: '' });
    try {
      const res = await harness.postSms({ From: MARIA_PHONE, Body: 'STOP' });
      expect(res.status).toBe(403);
      expect(await harness.db.processedEvent.count()).toBe(0);
    } finally {
      await harness.close();
    }
  });
});
