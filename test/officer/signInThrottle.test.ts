/**
 * Issue 10 item 14: someone guessing an officer's password from one address must not lock the real
 * officer, signing in from another address, out of the console. Sign-in attempts are throttled per
 * address and email together (and per address), and a refused attempt says when to try again.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleAccounts, OFFICER } from '../helpers/consoleClient.ts';
import { startTestApp, type RunningApp } from '../helpers/testApp.ts';

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp();
  await createConsoleAccounts(running.database.db);
});
afterAll(async () => running?.stop());

/** POST /officer/api/session from a chosen loopback source address (Linux accepts all of 127/8). */
function signInFrom(localAddress: string, email: string, password: string): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | undefined }> {
  const url = new URL('/officer/api/session', running.baseUrl);
  const payload = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), origin: running.baseUrl } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, retryAfter: res.headers['retry-after'] as string | undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('officer sign-in throttle (item 14)', () => {
  it('a stranger guessing from another address does not lock the officer out', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await signInFrom('127.0.0.2', OFFICER.email, `a wrong guess ${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);

    const officer = await signInFrom('127.0.0.3', OFFICER.email, OFFICER.password);
    expect(officer.status).toBe(200);
  });

  it('the guesser is told when to try again, in the header and in words', async () => {
    const refused = await signInFrom('127.0.0.2', OFFICER.email, 'yet another guess');
    expect(refused.status).toBe(429);
    const seconds = Number(refused.retryAfter);
    expect(seconds).toBeGreaterThan(0);
    expect(refused.body.retryAfterSeconds).toBe(seconds);
    expect(Date.parse(String(refused.body.retryAt))).toBeGreaterThan(Date.now());
    expect(String(refused.body.error)).toMatch(/Too many sign-in attempts for this email from this address\. Try again in \d+ (minutes?|seconds?)/);
  });

  it('one address cannot try email after email without limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await signInFrom('127.0.0.4', `person${i}@agency.test`, 'a wrong guess')).status);
    expect(statuses.filter((s) => s === 401).length).toBe(20);
    expect(statuses.at(-1)).toBe(429);
  }, 90_000);
});
