import { describe, expect, it } from 'vitest';
import { decideContact, type ContactFacts } from '../../src/domain/officerContact.ts';

const NOW = new Date('2026-12-07T15:00:00Z');
const HOUR = 3_600_000;
const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * HOUR);

const facts = (over: Partial<ContactFacts>): ContactFacts => ({
  channel: 'sms',
  smsOptedOut: false,
  smsOptedOutAt: null,
  cease: null,
  attorney: null,
  lastDebtorMessageAt: at(0.1),
  now: NOW,
  replyWindowMs: HOUR,
  ...over,
});

describe('decideContact (DESIGN 5 cease and SMS opt-out, DESIGN 6 attorney; issue #15 safety rail)', () => {
  it('allows anything when nothing stops contact', () => {
    expect(decideContact(facts({}))).toEqual({ allowed: 'any', blocks: [] });
  });

  it('an opted-out SMS number gets nothing, even right after the debtor wrote', () => {
    const decision = decideContact(facts({ smsOptedOut: true, smsOptedOutAt: at(0.2), lastDebtorMessageAt: at(0.01) }));
    expect(decision).toMatchObject({ allowed: 'none', blocks: [{ code: 'sms_opted_out' }] });
  });

  it('an SMS opt-out does not stop the web chat', () => {
    expect(decideContact(facts({ channel: 'web', smsOptedOut: true })).allowed).toBe('any');
  });

  it('after a cease request nothing goes, not even as a reply to the cease message itself', () => {
    // The debtor wrote "stop texting me" (6 minutes ago) and the cease was recorded right after it.
    const decision = decideContact(facts({ cease: { since: at(0.09) }, lastDebtorMessageAt: at(0.1) }));
    expect(decision).toMatchObject({ allowed: 'none', blocks: [{ code: 'cease' }] });
  });

  it('after a cease request, a debtor who writes again may be answered within the reply window only', () => {
    const wroteAgain = facts({ cease: { since: at(5) }, lastDebtorMessageAt: at(0.5) });
    expect(decideContact(wroteAgain)).toMatchObject({ allowed: 'reply', replyUntil: new Date(at(0.5).getTime() + HOUR) });
    expect(decideContact({ ...wroteAgain, lastDebtorMessageAt: at(2) }).allowed).toBe('none');
  });

  it('a cease of unknown date counts as not answered', () => {
    expect(decideContact(facts({ cease: { since: null } })).allowed).toBe('none');
  });

  it('attorney representation stops contact the same way, and both reasons are given', () => {
    const decision = decideContact(facts({ channel: 'web', cease: { since: at(3) }, attorney: { since: at(1) }, lastDebtorMessageAt: at(2) }));
    expect(decision).toMatchObject({ allowed: 'none', blocks: [{ code: 'cease' }, { code: 'attorney' }] });
    expect(decideContact(facts({ channel: 'web', attorney: { since: at(1) }, lastDebtorMessageAt: at(0.5) })).allowed).toBe('reply');
  });

  it('a debtor who never wrote in this conversation cannot be answered', () => {
    expect(decideContact(facts({ cease: { since: at(1) }, lastDebtorMessageAt: null })).allowed).toBe('none');
  });
});
