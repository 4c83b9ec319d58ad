import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { factorMatches, hashFactor, isIsoCalendarDate, newSalt, normalizeFactor } from '../../src/identity/factors.ts';

const KEY = 'test-identity-hash-key-0123456789abcdef';

describe('newSalt', () => {
  it('is 16 random bytes in hex, different every time', () => {
    const salts = new Set(Array.from({ length: 50 }, () => newSalt()));
    expect(salts.size).toBe(50);
    for (const salt of salts) expect(salt).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('hashFactor', () => {
  const salt = newSalt();

  it('is HMAC-SHA256 keyed by the server key over kind, salt and value', () => {
    const expected = createHmac('sha256', KEY).update(`dob\0${salt}\x001980-01-02`).digest('hex');
    expect(hashFactor(KEY, salt, 'dob', '1980-01-02')).toBe(expected);
    expect(hashFactor(KEY, salt, 'ssnLast4', '1234')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic for the same key, salt, kind and value', () => {
    expect(hashFactor(KEY, salt, 'ssnLast4', '1234')).toBe(hashFactor(KEY, salt, 'ssnLast4', '1234'));
  });

  it('differs by key, by salt and by kind', () => {
    const base = hashFactor(KEY, salt, 'ssnLast4', '1980');
    expect(hashFactor(`${KEY}x`, salt, 'ssnLast4', '1980')).not.toBe(base);
    expect(hashFactor(KEY, newSalt(), 'ssnLast4', '1980')).not.toBe(base);
    expect(hashFactor(KEY, salt, 'ssnLast4', '1981')).not.toBe(base);
  });

  it('never contains the value and never echoes it in errors', () => {
    expect(hashFactor(KEY, salt, 'ssnLast4', '1234')).not.toContain('1234');
    const attempts: Array<[Parameters<typeof hashFactor>, string]> = [
      [[KEY, salt, 'dob', '01/02/1980'], 'dob must be normalized to YYYY-MM-DD'],
      [[KEY, salt, 'dob', '1980-02-30'], 'dob must be normalized to YYYY-MM-DD'],
      [[KEY, salt, 'ssnLast4', '12345'], 'ssnLast4 must be exactly 4 digits'],
      [[KEY, salt, 'ssnLast4', '12a4'], 'ssnLast4 must be exactly 4 digits'],
      [['', salt, 'ssnLast4', '1234'], 'the identity hash key is empty'],
      [[KEY, '', 'ssnLast4', '1234'], 'the salt must be a non-empty hex string'],
      [[KEY, 'not-hex', 'ssnLast4', '1234'], 'the salt must be a non-empty hex string'],
    ];
    for (const [args, message] of attempts) {
      let error: Error | undefined;
      try {
        hashFactor(...args);
      } catch (caught) {
        error = caught as Error;
      }
      expect(error?.message).toContain(message);
      expect(error?.message).not.toContain(args[3]);
    }
  });
});

describe('normalizeFactor', () => {
  it.each([
    ['dob', '1980-01-02', '1980-01-02'],
    ['dob', ' 1980-1-2 ', '1980-01-02'],
    ['dob', '01/02/1980', '1980-01-02'],
    ['dob', '1/2/1980', '1980-01-02'],
    ['dob', '2000-02-29', '2000-02-29'],
    ['dob', '1900-02-29', null],
    ['dob', '1980-13-01', null],
    ['dob', '1980-02-30', null],
    ['dob', '02.01.1980', null],
    ['dob', 'January 2, 1980', null],
    ['dob', '', null],
    ['ssnLast4', '1234', '1234'],
    ['ssnLast4', ' 12 34 ', '1234'],
    ['ssnLast4', '12-34', '1234'],
    ['ssnLast4', '123', null],
    ['ssnLast4', '12345', null],
    ['ssnLast4', 'abcd', null],
  ] as const)('%s %j -> %j', (kind, value, expected) => {
    expect(normalizeFactor(kind, value)).toBe(expected);
  });

  it('recognises real calendar dates only', () => {
    expect(isIsoCalendarDate('2024-02-29')).toBe(true);
    expect(isIsoCalendarDate('2023-02-29')).toBe(false);
    expect(isIsoCalendarDate('2023-04-31')).toBe(false);
    expect(isIsoCalendarDate('2023-4-30')).toBe(false);
  });
});

describe('factorMatches', () => {
  const salt = newSalt();
  const dobHash = hashFactor(KEY, salt, 'dob', '1985-03-14');
  const ssnHash = hashFactor(KEY, salt, 'ssnLast4', '1234');

  it('matches the right value, in any accepted spelling', () => {
    expect(factorMatches(KEY, salt, 'dob', '1985-03-14', dobHash)).toBe(true);
    expect(factorMatches(KEY, salt, 'dob', '3/14/1985', dobHash)).toBe(true);
    expect(factorMatches(KEY, salt, 'ssnLast4', '1234', ssnHash)).toBe(true);
    expect(factorMatches(KEY, salt, 'ssnLast4', '12 34', ssnHash)).toBe(true);
    expect(factorMatches(KEY, salt, 'ssnLast4', '1234', ssnHash.toUpperCase())).toBe(true);
  });

  it('rejects a wrong value, key, salt or kind', () => {
    expect(factorMatches(KEY, salt, 'dob', '1985-03-15', dobHash)).toBe(false);
    expect(factorMatches(KEY, salt, 'ssnLast4', '4321', ssnHash)).toBe(false);
    expect(factorMatches(`${KEY}x`, salt, 'ssnLast4', '1234', ssnHash)).toBe(false);
    expect(factorMatches(KEY, newSalt(), 'ssnLast4', '1234', ssnHash)).toBe(false);
    // An SSN hash never verifies a DOB, even for the "same" characters.
    const lookalike = hashFactor(KEY, salt, 'ssnLast4', '1985');
    expect(factorMatches(KEY, salt, 'dob', '1985-01-01', lookalike)).toBe(false);
  });

  it('returns false, without throwing, for unusable input or a malformed stored hash', () => {
    expect(factorMatches(KEY, salt, 'dob', 'yesterday', dobHash)).toBe(false);
    expect(factorMatches(KEY, salt, 'ssnLast4', '', ssnHash)).toBe(false);
    expect(factorMatches(KEY, salt, 'ssnLast4', '1234', '')).toBe(false);
    expect(factorMatches(KEY, salt, 'ssnLast4', '1234', ssnHash.slice(0, 62))).toBe(false);
    expect(factorMatches(KEY, salt, 'ssnLast4', '1234', `${ssnHash}00`)).toBe(false);
    expect(factorMatches(KEY, salt, 'ssnLast4', '1234', 'z'.repeat(64))).toBe(false);
  });
});
