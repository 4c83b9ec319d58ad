import { describe, expect, it } from 'vitest';
import {
  US_ZONES_EVERYWHERE,
  earliestSend,
  isValidTimeZone,
  isWithinContactHours,
  nextAllowedSend,
  resolveZones,
  zonedTimeToInstant,
  zonesForPhone,
  zonesForZip,
} from '../../src/domain/quietHours.ts';

const at = (iso: string) => new Date(iso);
const next = (iso: string, zone: Parameters<typeof nextAllowedSend>[1]) => nextAllowedSend(at(iso), zone)?.toISOString();

const NY = 'America/New_York';
const LA = 'America/Los_Angeles';
const PHOENIX = 'America/Phoenix';
const HONOLULU = 'Pacific/Honolulu';

describe('DESIGN 13: bot-initiated SMS only 08:00-21:00 in the debtor\'s local time', () => {
  it('opens at 08:00:00 and closes at 21:00:00 local time (New York, summer)', () => {
    expect(isWithinContactHours(at('2026-06-15T11:59:59Z'), NY)).toBe(false); // 07:59:59 EDT
    expect(isWithinContactHours(at('2026-06-15T12:00:00Z'), NY)).toBe(true); // 08:00 EDT
    expect(isWithinContactHours(at('2026-06-16T00:59:59Z'), NY)).toBe(true); // 20:59:59 EDT
    expect(isWithinContactHours(at('2026-06-16T01:00:00Z'), NY)).toBe(false); // 21:00 EDT
    expect(next('2026-06-15T11:59:59Z', NY)).toBe('2026-06-15T12:00:00.000Z');
    expect(next('2026-06-16T01:00:00Z', NY)).toBe('2026-06-16T12:00:00.000Z');
    expect(next('2026-06-15T15:00:00Z', NY)).toBe('2026-06-15T15:00:00.000Z'); // allowed now: now
  });

  it('spring-forward day 2026-03-08, New York: the next morning opens at 08:00 EDT (12:00Z), not 13:00Z', () => {
    expect(next('2026-03-08T02:00:00Z', NY)).toBe('2026-03-08T12:00:00.000Z'); // 21:00 EST on the 7th
    expect(next('2026-03-08T06:30:00Z', NY)).toBe('2026-03-08T12:00:00.000Z'); // 01:30 EST, before the jump
    expect(next('2026-03-08T07:30:00Z', NY)).toBe('2026-03-08T12:00:00.000Z'); // 03:30 EDT, after it
    expect(isWithinContactHours(at('2026-03-08T11:59:00Z'), NY)).toBe(false); // 07:59 EDT
    expect(isWithinContactHours(at('2026-03-08T12:00:00Z'), NY)).toBe(true);
    expect(isWithinContactHours(at('2026-03-09T00:59:00Z'), NY)).toBe(true); // 20:59 EDT
    expect(isWithinContactHours(at('2026-03-09T01:00:00Z'), NY)).toBe(false); // 21:00 EDT
  });

  it('spring-forward day 2026-03-08, Los Angeles: 08:00 PDT is 15:00Z', () => {
    expect(next('2026-03-08T09:59:00Z', LA)).toBe('2026-03-08T15:00:00.000Z'); // 01:59 PST
    expect(next('2026-03-08T10:00:00Z', LA)).toBe('2026-03-08T15:00:00.000Z'); // 03:00 PDT
    expect(next('2026-03-08T05:00:00Z', LA)).toBe('2026-03-08T15:00:00.000Z'); // 21:00 PST on the 7th
  });

  it('fall-back day 2026-11-01, New York: both 01:30s wait for 08:00 EST (13:00Z); 21:00 EST is 02:00Z', () => {
    expect(next('2026-11-01T05:30:00Z', NY)).toBe('2026-11-01T13:00:00.000Z'); // 01:30 EDT
    expect(next('2026-11-01T06:30:00Z', NY)).toBe('2026-11-01T13:00:00.000Z'); // 01:30 EST
    expect(next('2026-11-01T01:00:00Z', NY)).toBe('2026-11-01T13:00:00.000Z'); // 21:00 EDT on Oct 31
    expect(isWithinContactHours(at('2026-11-02T01:59:00Z'), NY)).toBe(true); // 20:59 EST
    expect(isWithinContactHours(at('2026-11-02T02:00:00Z'), NY)).toBe(false); // 21:00 EST
  });

  it('fall-back day 2026-11-01, Los Angeles: 08:00 PST is 16:00Z', () => {
    expect(next('2026-11-01T09:30:00Z', LA)).toBe('2026-11-01T16:00:00.000Z'); // 01:30 PST (second one)
    expect(next('2026-11-01T08:30:00Z', LA)).toBe('2026-11-01T16:00:00.000Z'); // 01:30 PDT (first one)
    expect(isWithinContactHours(at('2026-11-01T15:59:00Z'), LA)).toBe(false);
  });

  it('Arizona keeps no DST: 08:00 MST is 15:00Z in March, July and November', () => {
    for (const day of ['2026-03-08', '2026-07-01', '2026-11-01']) {
      expect(next(`${day}T14:59:00Z`, PHOENIX)).toBe(`${day}T15:00:00.000Z`);
    }
    expect(isWithinContactHours(at('2026-07-02T03:59:00Z'), PHOENIX)).toBe(true); // 20:59 MST
    expect(isWithinContactHours(at('2026-07-02T04:00:00Z'), PHOENIX)).toBe(false); // 21:00 MST
  });

  it('Hawaii keeps no DST: 08:00 HST is 18:00Z all year', () => {
    expect(next('2026-03-08T10:00:00Z', HONOLULU)).toBe('2026-03-08T18:00:00.000Z');
    expect(next('2026-11-01T10:00:00Z', HONOLULU)).toBe('2026-11-01T18:00:00.000Z');
    expect(next('2026-07-02T07:00:00Z', HONOLULU)).toBe('2026-07-02T18:00:00.000Z'); // 21:00 HST on the 1st
  });

  it('unknown zone: only when 08:00-21:00 holds in every US zone (22:00Z-01:00Z: Guam opens, Puerto Rico/Eastern close)', () => {
    expect(US_ZONES_EVERYWHERE).toEqual(
      expect.arrayContaining([NY, 'America/Chicago', 'America/Denver', PHOENIX, LA, 'America/Anchorage', 'America/Adak', HONOLULU, 'America/Puerto_Rico', 'Pacific/Guam', 'Pacific/Pago_Pago']),
    );
    for (const zone of [null, undefined, []] as const) {
      expect(isWithinContactHours(at('2026-01-15T21:59:00Z'), zone)).toBe(false); // 16:59 EST, 11:59 HST, but 07:59 in Guam
      expect(isWithinContactHours(at('2026-01-15T22:00:00Z'), zone)).toBe(true);
      expect(isWithinContactHours(at('2026-01-16T00:59:00Z'), zone)).toBe(true); // 20:59 AST
      expect(isWithinContactHours(at('2026-01-16T01:00:00Z'), zone)).toBe(false); // 21:00 AST (Puerto Rico)
    }
    expect(next('2026-01-16T01:00:00Z', null)).toBe('2026-01-16T22:00:00.000Z');
    expect(next('2026-01-15T12:00:00Z', null)).toBe('2026-01-15T22:00:00.000Z');
    // DST change days change nothing: Guam and Puerto Rico have no DST and bound the window.
    expect(next('2026-03-08T03:00:00Z', null)).toBe('2026-03-08T22:00:00.000Z');
    expect(next('2026-11-01T03:00:00Z', null)).toBe('2026-11-01T22:00:00.000Z');
    expect(isWithinContactHours(at('2026-07-01T00:59:00Z'), null)).toBe(true);
    expect(isWithinContactHours(at('2026-07-01T01:00:00Z'), null)).toBe(false); // 21:00 EDT
  });

  it('a set of zones must all be open: Eastern + Central (a Florida ZIP) opens at 08:00 Central', () => {
    expect(next('2026-01-15T13:30:00Z', [NY, 'America/Chicago'])).toBe('2026-01-15T14:00:00.000Z');
    expect(isWithinContactHours(at('2026-01-16T01:59:00Z'), [NY, 'America/Chicago'])).toBe(true); // 20:59 EST, 19:59 CST
    expect(isWithinContactHours(at('2026-01-16T02:00:00Z'), [NY, 'America/Chicago'])).toBe(false); // 21:00 EST, 20:00 CST
  });

  it('zones with no common window (India, New York, Hawaii) give no instant: a person decides', () => {
    expect(nextAllowedSend(at('2026-01-15T12:00:00Z'), ['Asia/Kolkata', NY, HONOLULU])).toBeNull();
    expect(next('2026-01-15T12:00:00Z', ['Asia/Kolkata', NY])).toBe('2026-01-15T13:00:00.000Z');
  });

  it('replies to the debtor\'s own message may go at any hour', () => {
    const night = at('2026-01-15T08:00:00Z'); // 03:00 EST
    expect(earliestSend(night, NY, { botInitiated: false })?.toISOString()).toBe(night.toISOString());
    expect(earliestSend(night, NY, { botInitiated: true })?.toISOString()).toBe('2026-01-15T13:00:00.000Z');
  });

  it('zonedTimeToInstant handles the gap and the fold', () => {
    expect(new Date(zonedTimeToInstant(2026, 3, 8, 8, 0, NY)).toISOString()).toBe('2026-03-08T12:00:00.000Z');
    expect(new Date(zonedTimeToInstant(2026, 11, 1, 1, 30, NY)).toISOString()).toBe('2026-11-01T05:30:00.000Z'); // the earlier 01:30
    expect(new Date(zonedTimeToInstant(2026, 3, 8, 2, 30, NY)).toISOString()).toBe('2026-03-08T07:30:00.000Z'); // 02:30 does not exist
  });
});

describe('DESIGN 13: where the debtor is — account zone, else ZIP and area code, else every US zone', () => {
  it('the account\'s own IANA zone wins', () => {
    expect(resolveZones({ timeZone: LA, zip: '30301', phone: '+14045550101' })).toEqual({ zones: [LA], source: 'account' });
  });

  it('an invalid zone name falls through to the ZIP code', () => {
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(resolveZones({ timeZone: 'Mars/Olympus_Mons', zip: '30301' })).toEqual({ zones: [NY], source: 'zip' });
  });

  it('ZIP codes resolve by state; states split between zones answer every zone', () => {
    expect(zonesForZip('30301')).toEqual([NY]); // Atlanta
    expect(zonesForZip('60614')).toEqual(['America/Chicago']);
    expect(zonesForZip('94110-1234')).toEqual([LA]);
    expect(zonesForZip('85004')).toEqual([PHOENIX, 'America/Denver']); // Arizona (Navajo Nation has DST)
    expect(zonesForZip('96813')).toEqual([HONOLULU]);
    expect(zonesForZip('99501')).toEqual(['America/Anchorage', 'America/Adak']);
    expect(zonesForZip('00901')).toEqual(['America/Puerto_Rico']);
    expect(zonesForZip('78201')).toEqual(['America/Chicago', 'America/Denver']); // Texas
    expect(zonesForZip('32501')).toEqual([NY, 'America/Chicago']); // Florida
    expect(zonesForZip('96799')).toEqual(['Pacific/Pago_Pago']);
    expect(zonesForZip('09012')).toBeNull(); // APO/FPO
    expect(zonesForZip('abc')).toBeNull();
    expect(zonesForZip(null)).toBeNull();
  });

  it('area codes resolve to one zone where the whole code is in one zone, else the state\'s zones', () => {
    expect(zonesForPhone('+14155550188')).toEqual([LA]);
    expect(zonesForPhone('(312) 555-0199')).toEqual(['America/Chicago']);
    expect(zonesForPhone('+13055550147')).toEqual([NY]); // Miami
    expect(zonesForPhone('+18505550100')).toEqual([NY, 'America/Chicago']); // Florida panhandle spans both
    expect(zonesForPhone('+16025550100')).toEqual([PHOENIX]);
    expect(zonesForPhone('+18085550100')).toEqual([HONOLULU]);
    expect(zonesForPhone('+15555550100')).toBeNull(); // not a geographic area code
    expect(zonesForPhone('+447700900123')).toBeNull(); // not North American
  });

  it('with no zone on file: ZIP and area code together (both must allow it when they disagree)', () => {
    expect(resolveZones({ zip: '60614', phone: '+13125550199' })).toEqual({ zones: ['America/Chicago'], source: 'zip_and_area_code' });
    expect(resolveZones({ zip: '30301', phone: '+14155550188' })).toEqual({ zones: [NY, LA], source: 'zip_and_area_code' });
    expect(resolveZones({ phone: '+14155550188' })).toEqual({ zones: [LA], source: 'area_code' });
    expect(resolveZones({ zip: '94110' })).toEqual({ zones: [LA], source: 'zip' });
  });

  it('nothing known: every US zone', () => {
    expect(resolveZones({ zip: '09012', phone: '+15555550100' })).toEqual({ zones: [...US_ZONES_EVERYWHERE], source: 'unknown' });
  });
});
