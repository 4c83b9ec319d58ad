/**
 * Officer console passwords: scrypt (node:crypto) with a random 16-byte salt per password.
 *
 * Stored form: `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`, so the cost can be raised later
 * without invalidating existing hashes (verify reads the parameters from the string).
 * Passwords are NFC-normalised first, so "é" typed as one or two code points is the same password.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const SCRYPT_N = 2 ** 15;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Longest password accepted; bounds the work an attacker can ask the sign-in route to do. */
export const MAX_PASSWORD_LENGTH = 1024;
export const MIN_PASSWORD_LENGTH = 12;

// Refuse parameters no hash of ours would have, so a tampered row cannot make verify burn memory.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is exactly that for N=2^15, r=8 and refuses it.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A new stored hash of `password` (different every call: the salt is random). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_BYTES);
  return ['scrypt', SCRYPT_N, SCRYPT_R, SCRYPT_P, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parseStored(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, nText = '', rText = '', pText = '', saltText = '', keyText = ''] = parts;
  if (![nText, rText, pText].every((t) => /^[1-9]\d{0,7}$/.test(t))) return null;
  const N = Number(nText);
  const r = Number(rText);
  const p = Number(pText);
  if (N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || r > MAX_R || p > MAX_P) return null;
  if (!BASE64.test(saltText) || !BASE64.test(keyText)) return null;
  const salt = Buffer.from(saltText, 'base64');
  const key = Buffer.from(keyText, 'base64');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return null;
  return { N, r, p, salt, key };
}

/** True when `password` matches `stored`. False, never an exception, for a malformed `stored`. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (typeof password !== 'string' || typeof stored !== 'string' || password.length > MAX_PASSWORD_LENGTH) return false;
  const parsed = parseStored(stored);
  if (!parsed) return false;
  try {
    const key = await derive(password, parsed.salt, parsed.N, parsed.r, parsed.p, parsed.key.length);
    return timingSafeEqual(key, parsed.key);
  } catch {
    return false;
  }
}

/**
 * A well-formed hash with the current parameters that no password is expected to match (random
 * salt and key, not derived from anything). Checking a password against it costs what checking a
 * real one costs.
 */
export const DUMMY_HASH = 'scrypt$32768$8$1$Rs7FLh11fsqziZGEH7PnoQ==$uog98+qMS8Koa4BHfzB8YtW2Q5G2kGt+TuN9Jj27SnM=';

/**
 * Spends the same time as checking a wrong password, and returns false. Sign-in calls it when no
 * active officer has the email, so the response time does not tell which emails have accounts.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), DUMMY_HASH);
  return false;
}

/**
 * What is wrong with a new password, as one sentence that says what to do, or null when it is
 * acceptable: at least 12 characters, not one character repeated, at most 1,024 characters.
 */
export function passwordProblem(password: string): string | null {
  const characters = [...password.normalize('NFC')];
  if (characters.length < MIN_PASSWORD_LENGTH) {
    return `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters (a few unrelated words make a good one).`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `The password is too long: use at most ${MAX_PASSWORD_LENGTH} characters.`;
  }
  if (new Set(characters).size === 1) {
    return 'The password repeats one character: use a mix of characters, such as a few unrelated words.';
  }
  if (password.trim() !== password) {
    return 'The password starts or ends with a space: remove it, or put the space between words.';
  }
  return null;
}
