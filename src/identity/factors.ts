/**
 * Identity factors (date of birth, last 4 of the SSN) are never stored: only keyed hashes.
 *
 *   hash = hex(HMAC-SHA256(serverKey, "<kind>\0<salt>\0<normalized value>"))
 *
 * The server key (config.IDENTITY_HASH_KEY) lives outside the database, so a copy of the database
 * alone cannot be brute-forced (a DOB or 4 digits are tiny search spaces); the per-account salt
 * makes equal values hash differently on different accounts; the kind keeps a DOB hash from ever
 * matching an SSN hash. Values are normalized before hashing so "1980-01-02" entered either as
 * 01/02/1980 or 1980-01-02 compares equal.
 *
 * No function here puts a factor value into an error message or a log.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type FactorKind = 'dob' | 'ssnLast4';

/** A new random per-account salt: 16 bytes as 32 hex characters. */
export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** True for an ISO calendar date (YYYY-MM-DD) that exists (no 1980-02-30). */
export function isIsoCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when `value` is already in the form hashFactor expects for `kind`. */
export function isNormalizedFactor(kind: FactorKind, value: string): boolean {
  return kind === 'dob' ? isIsoCalendarDate(value) : /^\d{4}$/.test(value);
}

/**
 * Normalizes what a person typed, or null when it cannot be a value of that kind.
 * dob: "1980-01-02", "1980-1-2", "01/02/1980" or "1/2/1980" (US month/day/year) -> "1980-01-02".
 * ssnLast4: "1234", " 12 34 ", "12-34" -> "1234".
 */
export function normalizeFactor(kind: FactorKind, value: string): string | null {
  const text = value.trim();
  if (kind === 'ssnLast4') {
    const digits = text.replace(/[\s-]/g, '');
    return /^\d{4}$/.test(digits) ? digits : null;
  }
  let year: string | undefined;
  let month: string | undefined;
  let day: string | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (iso) [, year, month, day] = iso;
  else if (us) [, month, day, year] = us;
  if (year === undefined || month === undefined || day === undefined) return null;
  const normalized = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoCalendarDate(normalized) ? normalized : null;
}

/**
 * The keyed hash of one normalized factor, as 64 hex characters. Throws (without echoing the
 * value) when the key or salt is empty or the value is not normalized — hashing "01/02/1980"
 * would store a hash no later check could match.
 */
export function hashFactor(key: string, salt: string, kind: FactorKind, normalizedValue: string): string {
  if (key.length === 0) throw new Error('hashFactor: the identity hash key is empty');
  if (!/^[0-9a-f]+$/i.test(salt)) throw new Error('hashFactor: the salt must be a non-empty hex string');
  if (kind !== 'dob' && kind !== 'ssnLast4') throw new Error('hashFactor: unknown factor kind');
  if (!isNormalizedFactor(kind, normalizedValue)) {
    throw new Error(kind === 'dob' ? 'hashFactor: dob must be normalized to YYYY-MM-DD' : 'hashFactor: ssnLast4 must be exactly 4 digits');
  }
  return createHmac('sha256', key).update(`${kind}\0${salt.toLowerCase()}\0${normalizedValue}`).digest('hex');
}

/**
 * Whether `value` (as typed; normalized here) matches the stored hash. Constant-time comparison.
 * Returns false — never throws — for a value that cannot be normalized or a malformed stored hash.
 */
export function factorMatches(key: string, salt: string, kind: FactorKind, value: string, storedHash: string): boolean {
  const normalized = normalizeFactor(kind, value);
  if (normalized === null) return false;
  if (!/^[0-9a-f]{64}$/i.test(storedHash)) return false;
  const actual = Buffer.from(hashFactor(key, salt, kind, normalized), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
