/** The one set of outreach rules used at preview, launch and send time (DESIGN 5, 6, 7, 19; TCPA; Reg F 1006.6(d)(4)). */
import { describe, expect, it } from 'vitest';
import { emptyPreference } from '../../src/domain/contactPreference.ts';
import { emailNoticeBasis, emailUsableFrom, outreachExclusion, type OutreachFacts } from '../../src/domain/outreachRules.ts';

const reachable: OutreachFacts = {
  phone: '+14045550101',
  email: 'maria@example.com',
  balance: 100,
  smsConsent: true,
  smsOptOut: false,
  emailConsent: 'consumer',
  emailNoticeAt: null,
  emailOptOut: false,
  emailBouncedAt: null,
  ceaseCommunication: false,
  attorneyRepresented: false,
  bankruptcy: false,
  deceased: false,
  disputed: false,
  identityTheft: false,
};
const DAY = 86_400_000;

describe('outreachExclusion', () => {
  it('reaches an account with consent on both channels', () => {
    expect(outreachExclusion(reachable, 'sms')).toBeNull();
    expect(outreachExclusion(reachable, 'email')).toBeNull();
  });

  it.each([
    [{ ceaseCommunication: true }, 'cease'],
    [{ attorneyRepresented: true }, 'attorney'],
    [{ bankruptcy: true }, 'bankruptcy'],
    [{ deceased: true }, 'deceased'],
    [{ identityTheft: true }, 'identity_theft'],
    [{ disputed: true }, 'disputed'],
    [{ balance: 0 }, 'nothing_owed'],
  ] as const)('DESIGN 5-7: %o stops every channel (%s)', (change, reason) => {
    expect(outreachExclusion({ ...reachable, ...change }, 'sms')).toBe(reason);
    expect(outreachExclusion({ ...reachable, ...change }, 'email')).toBe(reason);
  });

  it('a cease outranks everything else (the first reason is the legal one)', () => {
    expect(outreachExclusion({ ...reachable, ceaseCommunication: true, attorneyRepresented: true, smsConsent: false }, 'sms')).toBe('cease');
  });

  it('DESIGN 19 / TCPA: no text without consent to that number, or after STOP', () => {
    expect(outreachExclusion({ ...reachable, smsConsent: false }, 'sms')).toBe('no_sms_consent');
    expect(outreachExclusion({ ...reachable, phone: null }, 'sms')).toBe('no_phone');
    expect(outreachExclusion({ ...reachable, smsOptOut: true }, 'sms')).toBe('sms_opted_out');
    expect(outreachExclusion({ ...reachable, smsConsent: false }, 'email')).toBeNull();
  });

  it('1006.6(d)(4): no email without a basis for the address, after an opt-out or a bounce', () => {
    expect(outreachExclusion({ ...reachable, emailConsent: null }, 'email')).toBe('no_email_consent');
    expect(outreachExclusion({ ...reachable, emailConsent: 'bought a list' }, 'email')).toBe('no_email_consent');
    expect(outreachExclusion({ ...reachable, email: null }, 'email')).toBe('no_email');
    expect(outreachExclusion({ ...reachable, emailOptOut: true }, 'email')).toBe('email_opted_out');
    expect(outreachExclusion({ ...reachable, emailBouncedAt: new Date() }, 'email')).toBe('email_bounced');
  });

  it('DESIGN 18: a channel the debtor refused is not used; the other still is', () => {
    const noTexts = { ...emptyPreference(), avoidChannels: ['text' as const] };
    expect(outreachExclusion(reachable, 'sms', [noTexts])).toBe('channel_refused');
    expect(outreachExclusion(reachable, 'email', [noTexts])).toBeNull();
  });
});

describe('the creditor-notice safe harbor', () => {
  const noticeAt = new Date('2026-10-01T00:00:00Z');
  const viaCreditor = { emailConsent: 'creditor_notice', emailNoticeAt: noticeAt };

  it('an address from the creditor’s notice is usable once the 35-day opt-out period has run', () => {
    expect(emailUsableFrom(viaCreditor)).toEqual(new Date(noticeAt.getTime() + 35 * DAY));
    expect(emailUsableFrom({ emailConsent: 'consumer', emailNoticeAt: null })).toBeNull();
  });

  it('the validation notice goes in the email with E-SIGN consent, or under the safe harbor once its period has run; otherwise by mail', () => {
    const early = new Date(noticeAt.getTime() + 34 * DAY);
    const late = new Date(noticeAt.getTime() + 36 * DAY);
    expect(emailNoticeBasis(viaCreditor, { esignConsent: false, now: early })).toBeNull();
    expect(emailNoticeBasis(viaCreditor, { esignConsent: false, now: late })).toBe('safe_harbor');
    expect(emailNoticeBasis({ emailConsent: 'consumer', emailNoticeAt: null }, { esignConsent: false, now: late })).toBeNull();
    expect(emailNoticeBasis({ emailConsent: 'consumer', emailNoticeAt: null }, { esignConsent: true, now: late })).toBe('esign');
  });
});
