import { auditsOfType, createFixtureAccount } from '../helpers/accountFixture.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { validationPeriodEnd } from '../../src/domain/validationPeriod.ts';
import {
  consentAndDeliverNotice,
  deliverValidationNotice,
  EsignConsentRequiredError,
  findNoticeByToken,
  hasEsignConsent,
  hashNoticeToken,
  noticeUrl,
  recordEsignConsent,
  requestMailedNotice,
} from '../../src/notices/notices.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

const WORDING = 'Do you agree to receive notices about this account electronically? You can withdraw consent at any time.';
const MONDAY = new Date('2021-11-08T16:00:00Z'); // validation period ends December 16, 2021
const LATER = new Date('2021-11-20T16:00:00Z');

let database: TestDatabase;
let db: Db;
let accountId: string;

function createAccount(db: Db, accountNumber = 'A-1001'): Promise<string> {
  return createFixtureAccount(db, { accountNumber });
}

const audits = (type: string) => auditsOfType(db, type);

beforeEach(async () => {
  database = await createTestDatabase();
  db = database.db;
  accountId = await createAccount(db);
});

afterEach(async () => {
  await database.close();
});

describe('DESIGN 3: E-SIGN consent (1006.42) before electronic delivery', () => {
  it('records the consent with its wording and channel, and an audit event', async () => {
    expect(await hasEsignConsent(db, accountId)).toBe(false);
    const { consentId } = await recordEsignConsent(db, { accountId, channel: 'web', wording: WORDING, conversationId: 'conv-1' });
    expect(await hasEsignConsent(db, accountId)).toBe(true);

    const consent = await db.consent.findUniqueOrThrow({ where: { id: consentId } });
    expect(consent).toMatchObject({ accountId, kind: 'esign', channel: 'web', wording: WORDING, withdrawnAt: null });
    const [event, ...more] = await audits('esign.consent');
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({ accountId, conversationId: 'conv-1', actor: 'debtor', detail: { channel: 'web', consentId } });
  });

  it('a withdrawn consent does not count', async () => {
    const { consentId } = await recordEsignConsent(db, { accountId, channel: 'sms', wording: WORDING });
    await db.consent.update({ where: { id: consentId }, data: { withdrawnAt: new Date() } });
    expect(await hasEsignConsent(db, accountId)).toBe(false);
  });

  it('refuses to deliver electronically without consent, and changes nothing', async () => {
    await expect(deliverValidationNotice(db, { accountId, channel: 'web', language: 'en', now: MONDAY })).rejects.toThrow(
      EsignConsentRequiredError,
    );
    await expect(deliverValidationNotice(db, { accountId, channel: 'web', language: 'en', now: MONDAY })).rejects.toThrow(/E-SIGN consent is required/);
    expect(await db.notice.count()).toBe(0);
    expect((await db.account.findUniqueOrThrow({ where: { id: accountId } })).validationPeriodEndsAt).toBeNull();
    expect(await audits('validation.notice.delivered')).toHaveLength(0);
  });

  it('the yes and the notice it allows are written together: consent, notice, period and both audit events', async () => {
    const { consentId, token, validationPeriodEndsAt, firstDelivery } = await consentAndDeliverNotice(db, {
      accountId,
      channel: 'web',
      wording: WORDING,
      language: 'en',
      now: MONDAY,
      conversationId: 'conv-1',
    });
    expect(firstDelivery).toBe(true);
    expect(validationPeriodEndsAt).toEqual(validationPeriodEnd(MONDAY));
    expect(await db.consent.findUniqueOrThrow({ where: { id: consentId } })).toMatchObject({ accountId, kind: 'esign', wording: WORDING });
    expect(await db.notice.findUniqueOrThrow({ where: { token: hashNoticeToken(token) } })).toMatchObject({ accountId, channel: 'web', language: 'en' });
    expect(await audits('esign.consent')).toHaveLength(1);
    expect(await audits('validation.notice.delivered')).toHaveLength(1);
  });

  it('a yes whose notice cannot be delivered records no consent either (one transaction)', async () => {
    await expect(
      consentAndDeliverNotice(db, { accountId: 'no-such-account', channel: 'web', wording: WORDING, language: 'en', now: MONDAY }),
    ).rejects.toThrow();
    expect(await db.consent.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { type: 'esign.consent' } })).toBe(0);
    await expect(consentAndDeliverNotice(db, { accountId, channel: 'web', wording: ' ', language: 'en', now: MONDAY })).rejects.toThrow(/wording/);
    expect(await db.notice.count()).toBe(0);
  });

  it('consent on one account does not allow delivery on another', async () => {
    const other = await createAccount(db, 'A-2002');
    await recordEsignConsent(db, { accountId: other, channel: 'web', wording: WORDING });
    await expect(deliverValidationNotice(db, { accountId, channel: 'web', language: 'en', now: MONDAY })).rejects.toThrow(
      EsignConsentRequiredError,
    );
  });
});

describe('DESIGN 3: delivering the validation notice (1006.34(b)(5): the period never restarts)', () => {
  beforeEach(async () => {
    await recordEsignConsent(db, { accountId, channel: 'web', wording: WORDING });
  });

  it('the first delivery fixes the validation period end; a later one keeps it', async () => {
    const first = await deliverValidationNotice(db, { accountId, channel: 'web', language: 'en', now: MONDAY, conversationId: 'conv-1' });
    expect(first.firstDelivery).toBe(true);
    expect(first.validationPeriodEndsAt.toISOString()).toBe(validationPeriodEnd(MONDAY).toISOString());
    expect(first.validationPeriodEndsAt.toISOString()).toBe('2021-12-17T04:59:59.999Z'); // end of Dec 16 in New York

    const second = await deliverValidationNotice(db, { accountId, channel: 'sms', language: 'es', now: LATER });
    expect(second.firstDelivery).toBe(false);
    expect(second.validationPeriodEndsAt.toISOString()).toBe(first.validationPeriodEndsAt.toISOString());

    const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.validationPeriodEndsAt?.toISOString()).toBe(first.validationPeriodEndsAt.toISOString());
    const notices = await db.notice.findMany({ where: { accountId }, orderBy: { deliveredAt: 'asc' } });
    expect(notices).toHaveLength(2);
    expect(notices.map((n) => [n.kind, n.channel, n.language, n.deliveredAt.toISOString(), n.validationPeriodEndsAt.toISOString()])).toEqual([
      ['validation', 'web', 'en', MONDAY.toISOString(), '2021-12-17T04:59:59.999Z'],
      ['validation', 'sms', 'es', LATER.toISOString(), '2021-12-17T04:59:59.999Z'],
    ]);
  });

  it('issues unguessable, unique tokens (32 random bytes, base64url) and stores only their digest', async () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      const { token } = await deliverValidationNotice(db, { accountId, channel: 'web', language: 'en', now: MONDAY });
      expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      tokens.add(token);
    }
    expect(tokens.size).toBe(20);
    const stored = await db.notice.findMany({ select: { token: true } });
    expect(stored.map((n) => n.token).sort()).toEqual([...tokens].map(hashNoticeToken).sort());
    for (const token of tokens) expect(stored.some((n) => n.token === token)).toBe(false);
  });

  it('writes an audit event per delivery with the channel and notice id, never identity data or the token', async () => {
    const { token } = await deliverValidationNotice(db, { accountId, channel: 'web', language: 'en', now: MONDAY, conversationId: 'conv-1' });
    await deliverValidationNotice(db, { accountId, channel: 'sms', language: 'en', now: LATER });
    const events = await audits('validation.notice.delivered');
    expect(events).toHaveLength(2);
    const notices = await db.notice.findMany({ orderBy: { deliveredAt: 'asc' } });
    expect(events[0]).toMatchObject({ accountId, conversationId: 'conv-1', actor: 'bot', detail: { channel: 'web', noticeId: notices[0]?.id, firstDelivery: true } });
    expect(events[1]).toMatchObject({ accountId, conversationId: null, detail: { channel: 'sms', noticeId: notices[1]?.id, firstDelivery: false } });
    for (const event of events) {
      expect(event.detailJson).not.toMatch(/Maria|Johnson|Oak Street|30301|A-1001|1090|109025/);
      expect(event.detailJson).not.toContain(token);
      expect(event.detailJson).not.toContain(hashNoticeToken(token));
    }
  });

  it('finds the notice by its token with account and creditor, and records the first view only once', async () => {
    const { token } = await deliverValidationNotice(db, { accountId, channel: 'web', language: 'es', now: MONDAY });
    const firstView = new Date('2021-11-09T10:00:00Z');
    const found = await findNoticeByToken(db, token, firstView);
    expect(found).not.toBeNull();
    expect(found?.language).toBe('es');
    expect(found?.account.firstName).toBe('Maria');
    expect(found?.account.creditor.name).toBe('Peachtree Medical Group');
    expect(found?.firstViewedAt?.toISOString()).toBe(firstView.toISOString());

    const again = await findNoticeByToken(db, token, new Date('2021-11-10T10:00:00Z'));
    expect(again?.firstViewedAt?.toISOString()).toBe(firstView.toISOString());
    const stored = await db.notice.findFirstOrThrow();
    expect(stored.firstViewedAt?.toISOString()).toBe(firstView.toISOString());
  });

  it('finds nothing for unknown or malformed tokens, nor for the stored digest itself', async () => {
    const { token } = await deliverValidationNotice(db, { accountId, channel: 'web', language: 'en', now: MONDAY });
    const flipped = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    for (const bad of [flipped, '', 'abc', `${token}x`, token.slice(0, 42), `${token.slice(0, 42)}!`, 'x'.repeat(10_000), hashNoticeToken(token)]) {
      expect(await findNoticeByToken(db, bad)).toBeNull();
    }
    expect((await db.notice.findFirstOrThrow()).firstViewedAt).toBeNull();
  });

  it('rejects an unknown account', async () => {
    await expect(deliverValidationNotice(db, { accountId: 'nope', channel: 'web', language: 'en', now: MONDAY })).rejects.toThrow(/no account/);
  });
});

describe('DESIGN 3: the debtor declines E-SIGN: the notice goes by mail', () => {
  it('fixes the validation period by the same rule and writes an audit event', async () => {
    const result = await requestMailedNotice(db, { accountId, channel: 'web', now: MONDAY, conversationId: 'conv-9' });
    expect(result).toEqual({ validationPeriodEndsAt: validationPeriodEnd(MONDAY), firstDelivery: true });
    const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.validationPeriodEndsAt?.toISOString()).toBe('2021-12-17T04:59:59.999Z');
    const [event] = await audits('validation.notice.mail_requested');
    expect(event).toMatchObject({ accountId, conversationId: 'conv-9', actor: 'debtor', detail: { channel: 'web', firstDelivery: true } });
    expect(event?.detailJson).not.toMatch(/Oak Street|Maria/);
    expect(await db.notice.count()).toBe(0);
  });

  it('does not restart a period already running, and a later electronic delivery keeps it too', async () => {
    await requestMailedNotice(db, { accountId, channel: 'web', now: MONDAY });
    const again = await requestMailedNotice(db, { accountId, channel: 'sms', now: LATER });
    expect(again).toEqual({ validationPeriodEndsAt: validationPeriodEnd(MONDAY), firstDelivery: false });

    await recordEsignConsent(db, { accountId, channel: 'web', wording: WORDING });
    const delivered = await deliverValidationNotice(db, { accountId, channel: 'web', language: 'en', now: LATER });
    expect(delivered.firstDelivery).toBe(false);
    expect(delivered.validationPeriodEndsAt.toISOString()).toBe(validationPeriodEnd(MONDAY).toISOString());
  });
});

describe('noticeUrl', () => {
  it('joins the base URL and the token', () => {
    expect(noticeUrl('https://chat.example.com', 'abc_-123')).toBe('https://chat.example.com/notices/abc_-123');
    expect(noticeUrl('https://chat.example.com/', 'abc')).toBe('https://chat.example.com/notices/abc');
  });
});
