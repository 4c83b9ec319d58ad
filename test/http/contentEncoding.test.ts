/**
 * Issue 10 item 1: a request body the server cannot decode (a broken gzip stream, an encoding we do
 * not speak) is refused with a 4xx, and the process keeps answering — in development and production.
 * Runs the real service as a child process: the bug it guards against killed the whole process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../helpers/testDatabase.ts';
import { answersHealth, killService, startService, type ServiceProcess } from '../helpers/serviceProcess.ts';

/** Every route that reads a request body, from src (server.post in src/**). */
const BODY_ROUTES = [
  '/api/messages',
  '/v3/directline/tokens/generate',
  '/v3/directline/tokens/refresh',
  '/v3/directline/conversations',
  '/v3/directline/conversations/abc/activities',
  '/api/sms',
  '/dev/sms/inbound',
  '/webhooks/stripe',
  '/demo-checkout/abc',
  '/officer/api/session',
  '/officer/api/handoffs/abc/messages',
  '/officer/api/placements',
];

const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  IDENTITY_HASH_KEY: 'test-identity-hash-key-0123456789abcdef',
  DIRECTLINE_SECRET: 'test-directline-secret-0123456789abcdef',
  STRIPE_SECRET_KEY: 'sk_test_content_encoding',
  STRIPE_WEBHOOK_SECRET: 'whsec_content_encoding',
  STRIPE_HOST: '127.0.0.1',
  STRIPE_PORT: '9',
  STRIPE_PROTOCOL: 'http',
  MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000000',
  MICROSOFT_APP_PASSWORD: 'not-a-real-password',
};

describe.each([
  ['development', {}],
  ['production', PRODUCTION_ENV],
])('undecodable request bodies in %s', (_mode, env: Record<string, string>) => {
  let database: FreshDatabase;
  let service: ServiceProcess;
  beforeAll(async () => {
    database = await createFreshDatabase();
    service = await startService({ env: { DATABASE_URL: database.url, DEMO_DATA: 'false', ...env } });
  }, 120_000);
  afterAll(async () => {
    if (service) await killService(service);
    await database?.drop();
  });

  it.each(BODY_ROUTES)('POST %s with a broken gzip body is refused and the server keeps answering (item 1)', async (route) => {
    for (const [encoding, body] of [
      ['gzip', 'x'],
      ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02])],
      ['deflate', 'not deflate'],
      ['br', 'x'],
      ['gzip, gzip', 'x'],
    ] as const) {
      const res = await fetch(`${service.baseUrl}${route}`, {
        method: 'POST',
        headers: { 'content-type': route === '/api/sms' ? 'application/x-www-form-urlencoded' : 'application/json', 'content-encoding': encoding },
        body,
      });
      expect(res.status, `${encoding} on ${route}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${encoding} on ${route}`).toBeLessThan(500);
      await res.arrayBuffer();
    }
    expect(await answersHealth(service.baseUrl)).toBe(true);
    expect(service.alive()).toBe(true);
  });
});
