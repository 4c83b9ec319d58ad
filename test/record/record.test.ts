/**
 * Issue #16 item 5: the debtor's record behind a signed, expiring link — offered after an
 * agreement, showing the transcript, the plan with its authorization (time, channel, the exact
 * words), payments, disputes, the consent and the notice; no identity factor; tampered and expired
 * links refused with a page that says what to do. DESIGN 3, 11, 14.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRecordToken, recordToken } from '../../src/record/recordLinks.ts';
import { DirectLineDebtor } from '../helpers/directLineClient.ts';
import type { RunningApp } from '../helpers/testApp.ts';
import { startWebTestApp } from '../helpers/webTestApp.ts';

describe('record links', () => {
  const key = 'k'.repeat(32);
  const now = new Date('2026-12-07T12:00:00Z');
  it('a signed link opens until it expires; a changed character or another key is refused', () => {
    const token = recordToken('acc_1', new Date(now.getTime() + 60_000), key);
    expect(checkRecordToken(token, key, now)).toMatchObject({ ok: true, accountId: 'acc_1' });
    expect(checkRecordToken(token, key, new Date(now.getTime() + 61_000))).toEqual({ ok: false, reason: 'expired' });
    expect(checkRecordToken(token, 'another key', now)).toEqual({ ok: false, reason: 'invalid' });
    const forged = recordToken('acc_2', new Date(now.getTime() + 60_000), key).split('.')[0] + '.' + token.split('.')[1];
    expect(checkRecordToken(forged, key, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkRecordToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, key, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkRecordToken('nonsense', key, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});

let running: RunningApp;
beforeAll(async () => {
  running = await startWebTestApp();
}, 60_000);
afterAll(async () => running?.stop());

describe('the record page', () => {
  it('offered after the E-SIGN consent and the agreement; shows the terms word for word, the consent, the notice and the transcript, with no identity factor', async () => {
    const debtor = await DirectLineDebtor.start(running.baseUrl);
    await debtor.say('A-1001');
    await debtor.say('March 14 1985');
    await debtor.say('30301');
    const consented = await debtor.say('yes');
    const link = /https?:\/\/\S+\/record\/[A-Za-z0-9_.-]+/.exec(consented)?.[0];
    expect(link).toBeDefined();
    await debtor.say('pay in full');
    const agreed = await debtor.say('yes');
    expect(agreed).toMatch(/\/record\//);

    const path = new URL(link!).pathname;
    const res = await fetch(`${running.baseUrl}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const plan = await running.database.db.plan.findFirstOrThrow({ where: { account: { accountNumber: 'A-1001' }, authorizedAt: { not: null } } });
    for (const line of plan.authorizationText!.split('\n')) expect(html).toContain(line.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    expect(html).toMatch(/You agreed on .* by website chat, to these exact words/);
    expect(html).toContain('Consent to electronic notices');
    expect(html).toMatch(/Delivered on .*Your validation period ends/);
    expect(html).toContain('<strong>You</strong>');
    expect(html).toContain('Virtual assistant');
    // No identity factor: not the date of birth, the ZIP, the full account number or the address.
    expect(html).not.toMatch(/March 14|3\/14\/1985|30301|A-1001|Peachtree St/);

    const spanish = await (await fetch(`${running.baseUrl}${path}?lang=es`)).text();
    expect(spanish).toContain('<html lang="es"');
    expect(spanish).toContain('Su registro');
  }, 60_000);

  it('a tampered link and an unknown one are refused with a page that says what to do', async () => {
    const res = await fetch(`${running.baseUrl}/record/abcd.${'x'.repeat(43)}`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('This link is not valid');
    expect(html).toContain('ask in the chat for a new link');
    const expired = recordToken('whatever', new Date(Date.now() - 1000), running.config.IDENTITY_HASH_KEY);
    const gone = await fetch(`${running.baseUrl}/record/${expired}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('This link has expired');
  });
});
