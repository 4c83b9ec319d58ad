import { describe, expect, it } from 'vitest';
import { formatOpening, isOfficeOpen, nextOfficeOpening, parseOfficeHours } from '../../src/domain/officeHours.ts';

/** When officers are at work (OFFICER_HOURS), for what the bot says about a person's wait (#12 item 9). */
const hours = parseOfficeHours('Mon-Fri 08:00-20:00 America/New_York');

describe('office hours', () => {
  it.each([
    ['2026-11-23T15:00:00Z', true], // Monday 10:00 EST
    ['2026-11-23T12:59:59Z', false], // Monday 07:59 EST
    ['2026-11-24T00:59:00Z', true], // Monday 19:59 EST
    ['2026-11-24T01:00:00Z', false], // Monday 20:00 EST
    ['2026-11-28T15:00:00Z', false], // Saturday
    ['2026-07-06T12:30:00Z', true], // Monday 08:30 EDT
  ])('%s open: %s', (at, open) => {
    expect(isOfficeOpen(hours, new Date(at))).toBe(open);
  });

  it('the next opening: later the same day, the next weekday, across a weekend and a DST change', () => {
    expect(nextOfficeOpening(hours, new Date('2026-11-23T11:00:00Z')).toISOString()).toBe('2026-11-23T13:00:00.000Z');
    expect(nextOfficeOpening(hours, new Date('2026-11-24T02:00:00Z')).toISOString()).toBe('2026-11-24T13:00:00.000Z');
    expect(nextOfficeOpening(hours, new Date('2026-11-28T15:00:00Z')).toISOString()).toBe('2026-11-30T13:00:00.000Z');
    expect(nextOfficeOpening(hours, new Date('2026-03-07T15:00:00Z')).toISOString()).toBe('2026-03-09T12:00:00.000Z');
    const open = new Date('2026-11-23T15:00:00Z');
    expect(nextOfficeOpening(hours, open)).toBe(open);
  });

  it('is written in the office zone, in the debtor\'s language', () => {
    const opening = new Date('2026-11-30T13:00:00Z');
    expect(formatOpening(opening, hours, 'en-US')).toBe('Monday, November 30 at 8:00 AM EST');
    expect(formatOpening(opening, hours, 'es-US')).toMatch(/^lunes, 30 de noviembre, 8:00 a\.\s?m\. (EST|GMT-5|hora estándar)/);
  });

  it.each(['Mon-Fri 8-20 America/New_York', 'Mon-Fri 20:00-08:00 America/New_York', 'Mon-Fri 08:00-20:00 Mars/Olympus', 'Weekdays 08:00-20:00 America/New_York'])(
    '"%s" is refused with the reason',
    (spec) => {
      expect(() => parseOfficeHours(spec)).toThrow(/expected|range|time zone|days/);
    },
  );

  it('a single day, and a range across the weekend', () => {
    expect([...parseOfficeHours('Sat 09:00-13:00 America/Chicago').days]).toEqual([6]);
    expect([...parseOfficeHours('Fri-Mon 09:00-17:00 America/Chicago').days].sort()).toEqual([0, 1, 5, 6]);
  });
});
