/**
 * The email channel over real SMTP (issue #17 item 2): the service configured with
 * EMAIL_PROVIDER=smtp sends campaign emails through nodemailer to a local SMTP server
 * (test/fakes/fakeSmtp.ts). Every email names us as a debt collector, carries the chat link and a
 * one-click opt-out (in the text and as RFC 2369/8058 headers); a refused mailbox is recorded as a
 * bounce and nothing more goes to it; a busy server is retried.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createEmailProvider, emailConfigProblems } from '../../../src/channels/email/providers.ts';
import { createLogger } from '../../../src/logger.ts';
import { startFakeSmtp, type FakeSmtp } from '../../fakes/fakeSmtp.ts';
import { businessHourAfter, HOUR, startOutreachApp, type OutreachApp } from '../../outreach/outreachHarness.ts';

// Each test launches campaigns over a whole service and runs its outbox: slow on a busy two-core machine.
vi.setConfig({ testTimeout: 90_000 });

let smtp: FakeSmtp;
let app: OutreachApp | undefined;
beforeAll(async () => {
  smtp = await startFakeSmtp();
});
afterAll(async () => smtp?.close());
beforeEach(async () => {
  app = await startOutreachApp({ EMAIL_PROVIDER: 'smtp', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: FROM, EMAIL_REPLY_TO: 'help@summit.example' });
}, 60_000);
afterEach(async () => {
  await app?.running.stop();
  app = undefined;
  smtp.received.length = 0;
  smtp.refuse.clear();
});

const FROM = '"Summit Recovery Services" <notices@summit.example>';

const started = (): OutreachApp => app!;

describe('SMTP through nodemailer to a local server', () => {
  it('DESIGN 2, 19: every email is from us, says we are a debt collector, links to the chat and opts out in one click', async () => {
    const a = started();
    await a.launch({ channels: ['email'] });
    await a.deliver(businessHourAfter());
    expect(smtp.received).toHaveLength(4);
    const maria = smtp.received.find((m) => m.to.includes('maria.johnson@example.com'))!;
    expect(maria.from).toBe('notices@summit.example');
    expect(maria.headers['subject']).toBe('A message from Summit Recovery Services');
    expect(maria.headers['reply-to']).toContain('help@summit.example');
    expect(maria.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /^<(https:\/\/bot\.example\.test\/email\/unsubscribe\/[^>]+)>$/.exec(maria.headers['list-unsubscribe']!)![1]!;
    expect(maria.textParts).toHaveLength(2); // plain text and HTML
    for (const part of maria.textParts) {
      expect(part).toMatch(/Summit Recovery Services is a debt collector/);
      expect(part).toContain(unsubscribe);
      expect(part).toMatch(/https:\/\/bot\.example\.test\/\?start=/);
      expect(part).not.toMatch(/1,085|Peachtree/);
    }
    // The outbox row records the relay's Message-ID.
    const row = await a.running.database.db.outboxMessage.findFirstOrThrow({ where: { to: 'maria.johnson@example.com' } });
    expect(row).toMatchObject({ status: 'sent', deliveryStatus: 'accepted' });
    expect(row.providerRef).toMatch(/^<.+@.+>$/);
    // Carlos' email carries the validation notice in Spanish and English (safe harbor).
    const carlos = smtp.received.find((m) => m.to.includes('carlos.ramirez@example.com'))!;
    const html = carlos.textParts.find((p) => p.includes('<html'))!;
    expect(html).toContain('$3,518.15');
  });

  it('a mailbox the server refuses (550) is recorded as a bounce: no retry, and nothing more goes to it', async () => {
    const a = started();
    const db = a.running.database.db;
    smtp.refuse.set('maria.johnson@example.com', 550);
    const only = { minBalance: 108_500, maxBalance: 108_500 };
    await a.launch({ name: 'First', channels: ['email'], filter: only });
    const at = businessHourAfter();
    await a.deliver(at);
    const [row] = await db.outboxMessage.findMany({ where: { to: 'maria.johnson@example.com' } });
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.lastError).toMatch(/550/);
    const maria = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    expect(maria.emailBouncedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { type: 'email.bounced', accountId: maria.id } })).toBe(1);
    // The next campaign does not email her, and a message queued anyway is cancelled.
    const preview = (await a.supervisor.request<{ byChannel: { email: { excluded: Record<string, number> } } }>('POST', '/officer/api/campaigns/preview', { channels: ['email'], filter: { ...only, neverContacted: false } })).body;
    expect(preview.byChannel.email.excluded).toEqual({ email_bounced: 1 });
    await db.outboxMessage.create({ data: { channel: 'email', to: 'maria.johnson@example.com', accountId: maria.id, kind: 'reminder', body: JSON.stringify({ subject: 's', text: 't' }) } });
    await a.deliver(new Date(at.getTime() + HOUR));
    expect(await db.outboxMessage.count({ where: { to: 'maria.johnson@example.com', kind: 'reminder', status: 'cancelled' } })).toBe(1);
    expect(smtp.received).toHaveLength(0);
  });

  it('a busy server (451) is retried later, and the email goes when it accepts', async () => {
    const a = started();
    const db = a.running.database.db;
    smtp.refuse.set('maria.johnson@example.com', 451);
    await a.launch({ channels: ['email'], filter: { minBalance: 108_500, maxBalance: 108_500 } });
    const at = businessHourAfter();
    await a.deliver(at);
    const [row] = await db.outboxMessage.findMany({ where: { to: 'maria.johnson@example.com' } });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(at.getTime());
    smtp.refuse.clear();
    await a.deliver(new Date(at.getTime() + HOUR));
    expect((await db.outboxMessage.findFirstOrThrow({ where: { id: row!.id } })).status).toBe('sent');
    expect(smtp.received).toHaveLength(1);
    expect((await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } })).emailBouncedAt).toBeNull();
  });

  it('EMAIL_PROVIDER=smtp without a relay, a sender or a public address says what to set', () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'file:x.db', EMAIL_PROVIDER: 'smtp' });
    const problems = emailConfigProblems(config);
    expect(problems.join('\n')).toMatch(/SMTP_HOST is missing/);
    expect(problems.join('\n')).toMatch(/EMAIL_FROM is missing/);
    expect(problems.join('\n')).toMatch(/PUBLIC_URL is missing/);
    expect(() => createEmailProvider(config, createLogger('silent'))).toThrow(/SMTP_HOST/);
    expect(createEmailProvider(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'file:x.db' }), createLogger('silent')).name).toBe('console');
  });
});
