import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConsoleSmsProvider,
  SmsSendError,
  TwilioSmsProvider,
  createSmsProvider,
  smsConfigProblems,
} from '../../../src/channels/sms/providers.ts';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/logger.ts';
import { startFakeTwilio, type FakeTwilio } from '../../fakes/fakeTwilio.ts';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(async () => fake?.close());

const twilioProvider = (overrides: Partial<{ authToken: string }> = {}) =>
  new TwilioSmsProvider({ accountSid: fake.accountSid, authToken: overrides.authToken ?? fake.authToken, apiBaseUrl: fake.baseUrl });

describe('TwilioSmsProvider: the real twilio client against the fake Twilio API', () => {
  it('POSTs To/From/Body form-encoded to /2010-04-01/Accounts/<sid>/Messages.json with Basic auth, and returns the message sid', async () => {
    const { providerRef } = await twilioProvider().send({ to: '+14045550101', from: '+14045550100', body: 'Hello & welcome: 100% ok?' });
    const request = fake.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/2010-04-01/Accounts/${fake.accountSid}/Messages.json`);
    expect(request.authorized).toBe(true);
    expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request.headers['user-agent']).toMatch(/^twilio-node\//);
    expect(request.form).toEqual({ To: '+14045550101', From: '+14045550100', Body: 'Hello & welcome: 100% ok?' });
    expect(providerRef).toBe(request.sid);
    expect(providerRef).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('a server error is retryable', async () => {
    fake.failNext(1, { status: 500 });
    const error = await twilioProvider().send({ to: '+14045550101', from: '+14045550100', body: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect(error).toMatchObject({ permanent: false, status: 500 });
  });

  it('an invalid number (400, 21211) or an unsubscribed recipient (21610) is permanent', async () => {
    fake.failNext(1, { status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    await expect(twilioProvider().send({ to: '+1555', from: '+14045550100', body: 'x' })).rejects.toMatchObject({ permanent: true, status: 400, code: '21211' });
    fake.failNext(1, { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    await expect(twilioProvider().send({ to: '+14045550101', from: '+14045550100', body: 'x' })).rejects.toMatchObject({ permanent: true, code: '21610' });
  });

  it('rate limits (429) and bad credentials (401) are retried, not permanent', async () => {
    fake.failNext(1, { status: 429, code: 20429, message: 'Too Many Requests' });
    await expect(twilioProvider().send({ to: '+14045550101', from: '+14045550100', body: 'x' })).rejects.toMatchObject({ permanent: false, status: 429 });
    await expect(twilioProvider({ authToken: 'wrong' }).send({ to: '+14045550101', from: '+14045550100', body: 'x' })).rejects.toMatchObject({ permanent: false, status: 401 });
  });

  it('an unreachable API is a retryable error', async () => {
    const provider = new TwilioSmsProvider({ accountSid: fake.accountSid, authToken: fake.authToken, apiBaseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    await expect(provider.send({ to: '+14045550101', from: '+14045550100', body: 'x' })).rejects.toMatchObject({ permanent: false });
  });
});

describe('ConsoleSmsProvider', () => {
  it('keeps what it "sent" and logs only a reference — never the body or the number', async () => {
    const lines: string[] = [];
    const provider = new ConsoleSmsProvider(createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) })));
    const { providerRef } = await provider.send({ to: '+14045550101', from: '+14045550100', body: 'Your secret body 9876' });
    expect(provider.sent).toEqual([expect.objectContaining({ to: '+14045550101', body: 'Your secret body 9876', providerRef })]);
    const output = lines.join('');
    expect(output).toContain(providerRef);
    expect(output).not.toContain('9876');
    expect(output).not.toContain('5550101');
  });
});

describe('SMS configuration', () => {
  it('defaults: console provider, cap 7, 1 s interval, help phone from COLLECTOR_PHONE', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ SMS_PROVIDER: 'console', SMS_WEEKLY_CAP: 7, OUTBOX_INTERVAL_MS: 1000 });
    expect(config.SMS_HELP_PHONE).toBeUndefined();
    expect(createSmsProvider(config, createLogger('silent'))).toBeInstanceOf(ConsoleSmsProvider);
  });

  it.each([
    [{ SMS_PROVIDER: 'carrier-pigeon' }, 'Configuration error: SMS_PROVIDER is invalid — expected console or twilio'],
    [{ TWILIO_FROM_NUMBER: '404-555-0100' }, 'Configuration error: TWILIO_FROM_NUMBER is invalid — expected an E.164 phone number'],
    [{ TWILIO_API_BASE_URL: 'not a url' }, 'Configuration error: TWILIO_API_BASE_URL is invalid — expected an absolute URL'],
    [{ SMS_WEEKLY_CAP: '-1' }, 'Configuration error: SMS_WEEKLY_CAP is invalid'],
    [{ OUTBOX_INTERVAL_MS: '0' }, 'Configuration error: OUTBOX_INTERVAL_MS is invalid'],
  ])('rejects %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('SMS_PROVIDER=twilio requires the account, token, number and PUBLIC_URL: one clear line each', () => {
    const config = loadConfig({ SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC123' });
    expect(smsConfigProblems(config)).toEqual([
      'Configuration error: TWILIO_AUTH_TOKEN is missing — expected the Twilio auth token (it also checks inbound webhook signatures) (required when SMS_PROVIDER=twilio)',
      'Configuration error: TWILIO_FROM_NUMBER is missing — expected the E.164 number texts come from, such as +14045550100 (required when SMS_PROVIDER=twilio)',
      'Configuration error: PUBLIC_URL is missing — expected the public address Twilio calls, such as https://chat.example.com (webhook signatures are checked against it) (required when SMS_PROVIDER=twilio)',
    ]);
    expect(() => createSmsProvider(config, createLogger('silent'))).toThrow(ConfigError);
  });

  it('a complete twilio configuration gives the twilio provider, aimed at TWILIO_API_BASE_URL', async () => {
    const config = loadConfig({
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: fake.accountSid,
      TWILIO_AUTH_TOKEN: fake.authToken,
      TWILIO_FROM_NUMBER: '+14045550100',
      TWILIO_API_BASE_URL: `${fake.baseUrl}/`,
      PUBLIC_URL: 'https://bot.example.test',
    });
    const provider = createSmsProvider(config, createLogger('silent'));
    expect(provider).toBeInstanceOf(TwilioSmsProvider);
    const before = fake.messages.length;
    await provider.send({ to: '+14045550101', from: config.TWILIO_FROM_NUMBER!, body: 'configured' });
    expect(fake.messages.length).toBe(before + 1);
  });
});
