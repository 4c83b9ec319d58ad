import { createFixtureAccount } from '../helpers/accountFixture.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { deliverValidationNotice, newNoticeToken, noticeUrl, recordEsignConsent } from '../../src/notices/notices.ts';
import { startTestApp, type RunningApp } from '../helpers/testApp.ts';

let running: RunningApp;
let db: Db;
let accountId: string;

const MONDAY = new Date('2021-11-08T16:00:00Z'); // validation period ends December 16, 2021

function createAccount(db: Db): Promise<string> {
  return createFixtureAccount(db, { accountNumber: 'R-7001', creditorName: 'Peachtree & <Medical> Group' });
}

async function deliver(language: 'en' | 'es'): Promise<string> {
  const { token } = await deliverValidationNotice(db, { accountId, channel: 'web', language, now: MONDAY });
  return token;
}

function expectSecurityHeaders(res: Response): void {
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-robots-tag')).toContain('noindex');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/^default-src 'none'; style-src 'unsafe-inline'(;|$)/);
  expect(csp).not.toMatch(/script-src|unsafe-eval|\*/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
}

beforeAll(async () => {
  running = await startTestApp();
  db = running.database.db;
  accountId = await createAccount(db);
  await recordEsignConsent(db, { accountId, channel: 'web', wording: 'Do you agree to receive notices electronically?' });
});

afterAll(async () => {
  await running?.stop();
});

describe('DESIGN 3: GET /notices/:token serves the validation notice the debtor can keep (1006.42)', () => {
  it('200: the English notice with security headers, and firstViewedAt set on the first view', async () => {
    const token = await deliver('en');
    const before = await db.notice.findFirstOrThrow({ where: { accountId }, orderBy: { deliveredAt: 'desc' } });
    expect(before.firstViewedAt).toBeNull();

    const res = await fetch(noticeUrl(running.baseUrl, token));
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    const html = await res.text();
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('Summit Recovery Services is a debt collector.');
    expect(html).toContain('Peachtree &amp; &lt;Medical&gt; Group');
    expect(html).toContain('Maria Johnson');
    expect(html).toContain('Horizon Bank Visa');
    expect(html).toContain('$1,090.25');
    expect(html).toContain('<strong>December 16, 2021</strong>');
    expect(html).toContain('www.cfpb.gov/debt-collection');
    expect(html).not.toContain('R-7001');
    expect(html).not.toContain('<script');

    const after = await db.notice.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.firstViewedAt).toBeInstanceOf(Date);
    const again = await fetch(noticeUrl(running.baseUrl, token));
    expect(again.status).toBe(200);
    await again.text();
    expect((await db.notice.findUniqueOrThrow({ where: { id: before.id } })).firstViewedAt?.toISOString()).toBe(after.firstViewedAt?.toISOString());
  });

  it('200: a notice delivered in Spanish is rendered in Spanish (with the English version after it)', async () => {
    const token = await deliver('es');
    const res = await fetch(noticeUrl(running.baseUrl, token));
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    const html = await res.text();
    expect(html.startsWith('<!doctype html>\n<html lang="es">')).toBe(true);
    expect(html).toContain('Summit Recovery Services es un cobrador de deudas.');
    expect(html).toContain('<strong>16 de diciembre de 2021</strong>');
    expect(html).toContain('<article class="notice" lang="en"');
  });

  it('404: the same small HTML page for unknown and malformed tokens, saying how to get a new link', async () => {
    const real = await deliver('en');
    const unknown = newNoticeToken();
    const flipped = (real[0] === 'A' ? 'B' : 'A') + real.slice(1);
    const paths = [
      `/notices/${unknown}`,
      `/notices/${flipped}`,
      '/notices/abc',
      '/notices/',
      `/notices/${real}x`,
      `/notices/${real}/extra`,
      `/notices/${'a'.repeat(500)}`,
      '/notices/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      "/notices/' OR 1=1 --",
    ];
    const bodies = new Set<string>();
    for (const path of paths) {
      const res = await fetch(`${running.baseUrl}${path.replaceAll(' ', '%20')}`);
      expect(res.status, path).toBe(404);
      expectSecurityHeaders(res);
      const body = await res.text();
      bodies.add(body);
      expect(body).toContain('This notice link is not valid.');
      expect(body).toContain('go back to the chat and ask for your validation notice');
      expect(body).not.toMatch(/Maria|Peachtree|debt collector|<script/);
    }
    expect(bodies.size).toBe(1);
  });
});
