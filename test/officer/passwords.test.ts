import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, passwordProblem, SCRYPT_N, SCRYPT_P, SCRYPT_R, verifyAgainstNothing, verifyPassword } from '../../src/officer/passwords.ts';

const PASSWORD = 'correct horse battery staple';

describe('hashPassword / verifyPassword', () => {
  it('verifies the password it hashed, and not another one', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts: two hashes of the same password differ, and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(PASSWORD, b)).toBe(true);
  });

  it('keeps the algorithm and its parameters in the stored string, and never the password', async () => {
    const stored = await hashPassword(PASSWORD);
    const [algorithm, n, r, p, salt, key, ...rest] = stored.split('$');
    expect(algorithm).toBe('scrypt');
    expect([Number(n), Number(r), Number(p)]).toEqual([SCRYPT_N, SCRYPT_R, SCRYPT_P]);
    expect(SCRYPT_N).toBe(2 ** 15);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(rest).toEqual([]);
    expect(stored).not.toContain(PASSWORD);
  });

  it('reads the parameters from the string, so older or cheaper hashes still verify', async () => {
    const stored = await hashPassword(PASSWORD);
    const [, , , , salt] = stored.split('$');
    const { scryptSync } = await import('node:crypto');
    const cheap = `scrypt$1024$8$1$${salt}$${scryptSync(PASSWORD, Buffer.from(salt ?? '', 'base64'), 32, { N: 1024, r: 8, p: 1 }).toString('base64')}`;
    expect(await verifyPassword(PASSWORD, cheap)).toBe(true);
  });

  it('treats the same text in another Unicode form as the same password', async () => {
    const stored = await hashPassword('contraseña segura 2026');
    expect(await verifyPassword('contrasen\u0303a segura 2026', stored)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['plain text', 'hunter2hunter2'],
    ['another algorithm', '$2b$10$abcdefghijklmnopqrstuv'],
    ['missing hash', 'scrypt$32768$8$1$Rs7FLh11fsqziZGEH7PnoQ=='],
    ['N not a power of two', 'scrypt$30000$8$1$Rs7FLh11fsqziZGEH7PnoQ==$uog98+qMS8Koa4BHfzB8YtW2Q5G2kGt+TuN9Jj27SnM='],
    ['N absurdly large', 'scrypt$1073741824$8$1$Rs7FLh11fsqziZGEH7PnoQ==$uog98+qMS8Koa4BHfzB8YtW2Q5G2kGt+TuN9Jj27SnM='],
    ['non-numeric r', 'scrypt$32768$x$1$Rs7FLh11fsqziZGEH7PnoQ==$uog98+qMS8Koa4BHfzB8YtW2Q5G2kGt+TuN9Jj27SnM='],
    ['not base64', 'scrypt$32768$8$1$***$uog98+qMS8Koa4BHfzB8YtW2Q5G2kGt+TuN9Jj27SnM='],
    ['extra field', `${DUMMY_HASH}$extra`],
  ])('returns false, without throwing, for a malformed stored value (%s)', async (_label, stored) => {
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(false);
  });

  it('returns false for values that are not strings at all', async () => {
    await expect(verifyPassword(PASSWORD, null as unknown as string)).resolves.toBe(false);
    await expect(verifyPassword(undefined as unknown as string, DUMMY_HASH)).resolves.toBe(false);
  });
});

describe('verifyAgainstNothing', () => {
  it('is false, and does the work of a real check (DUMMY_HASH has the current parameters)', async () => {
    expect(DUMMY_HASH.split('$').slice(0, 4)).toEqual(['scrypt', String(SCRYPT_N), String(SCRYPT_R), String(SCRYPT_P)]);
    expect(await verifyAgainstNothing(PASSWORD)).toBe(false);
  });
});

describe('passwordProblem', () => {
  it.each([
    ['correct horse battery staple'],
    ['Tr0ub4dor&3xyz'],
    ['contraseña segura'],
    ['aaaaaaaaaaab'],
  ])('accepts %j', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it.each([
    ['', 'at least 12 characters'],
    ['short pass1', 'at least 12 characters'],
    ['ñññññ', 'at least 12 characters'],
    ['aaaaaaaaaaaaaaaa', 'repeats one character'],
    ['            ', 'repeats one character'],
    ['x'.repeat(1025) + 'y', 'at most 1024 characters'],
    [' leading space pass', 'starts or ends with a space'],
  ])('refuses %j and says what to do', (password, expected) => {
    const problem = passwordProblem(password);
    expect(problem).toContain(expected);
    expect(problem).toMatch(/: use|: remove/);
  });
});
