/** Stated inconvenient times (DESIGN 18) with quiet hours (DESIGN 13): parsing the placement column and finding the next allowed moment. */
import { describe, expect, it } from 'vitest';
import { emptyPreference, formatInconvenientTimes, nextConvenientSend, parseInconvenientTimes, readContactPreference, type ContactPreference } from '../../src/domain/contactPreference.ts';

const NY = 'America/New_York';
const parsed = (text: string): ContactPreference => {
  const result = parseInconvenientTimes(text);
  if (!('preference' in result) || !result.preference) throw new Error(`not parsed: ${text}`);
  return result.preference;
};

describe('the placement column inconvenient_times', () => {
  it('reads days, time ranges and both, and writes them back the same way', () => {
    const p = parsed('mon-fri 09:00-17:00; sun');
    expect(p.avoidDays).toEqual(['sun']);
    expect(p.avoidTimes).toEqual([{ from: '09:00', to: '17:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] }]);
    expect(parseInconvenientTimes(formatInconvenientTimes(p))).toEqual({ preference: p });
    expect(parseInconvenientTimes('')).toEqual({ preference: null });
    expect(parsed('mon+wed 07:00-09:00').avoidTimes).toEqual([{ from: '07:00', to: '09:00', days: ['mon', 'wed'] }]);
  });

  it('refuses what it cannot read, with a sentence', () => {
    const result = parseInconvenientTimes('after lunch');
    expect('problem' in result && result.problem.length > 0).toBe(true);
    expect('problem' in parseInconvenientTimes('25:00-26:00')).toBe(true);
  });

  it('a damaged stored preference is read as the strictest one (every time inconvenient), never as none', () => {
    expect(readContactPreference('{not json')!.avoidTimes).toEqual([{ from: '00:00', to: '24:00' }]);
    expect(readContactPreference(null)).toBeNull();
  });
});

describe('nextConvenientSend', () => {
  // Tuesday 2026-12-08 15:00 UTC = 10:00 in New York.
  const tuesdayTen = new Date('2026-12-08T15:00:00Z');

  it('DESIGN 13: with nothing stated, the quiet-hours window alone', () => {
    expect(nextConvenientSend(tuesdayTen, NY, [], 'text')).toEqual(tuesdayTen);
    // 22:00 in New York: the next 08:00.
    expect(nextConvenientSend(new Date('2026-12-09T03:00:00Z'), NY, [], 'text')).toEqual(new Date('2026-12-09T13:00:00Z'));
  });

  it('DESIGN 18: "weekdays 09:00-17:00" moves a Tuesday 10:00 text to 17:00', () => {
    expect(nextConvenientSend(tuesdayTen, NY, [parsed('weekdays 09:00-17:00')], 'text')).toEqual(new Date('2026-12-08T22:00:00Z'));
  });

  it('DESIGN 18: a whole day avoided moves to the next day’s 08:00', () => {
    expect(nextConvenientSend(tuesdayTen, NY, [parsed('tue')], 'email')).toEqual(new Date('2026-12-09T13:00:00Z'));
  });

  it('DESIGN 18: times said about calls only do not hold a text', () => {
    const callsOnly = { ...parsed('09:00-17:00'), channels: ['call' as const] };
    expect(nextConvenientSend(tuesdayTen, NY, [callsOnly], 'text')).toEqual(tuesdayTen);
    expect(nextConvenientSend(tuesdayTen, NY, [callsOnly], 'call')).toEqual(new Date('2026-12-08T22:00:00Z'));
  });

  it('two preferences in force at once are both honoured', () => {
    const both = [parsed('08:00-12:00'), { ...emptyPreference(), avoidTimes: [{ from: '12:00', to: '18:00' }] }];
    expect(nextConvenientSend(tuesdayTen, NY, both, 'text')).toEqual(new Date('2026-12-08T23:00:00Z'));
  });

  it('no allowed moment at all (every hour avoided) -> null: a person decides', () => {
    expect(nextConvenientSend(tuesdayTen, NY, [parsed('00:00-24:00')], 'text')).toBeNull();
  });
});
