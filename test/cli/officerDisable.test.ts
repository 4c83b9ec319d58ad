import { afterEach, beforeEach, expect, it } from 'vitest';
import { runOfficerDisable } from '../../src/cli/officerDisable.ts';
import { openDatabase } from '../../src/db/database.ts';
import { findActiveOfficerByEmail, upsertOfficer } from '../../src/officer/officers.ts';
import { createSession, findSession } from '../../src/officer/sessions.ts';
import { createFreshDatabase, type FreshDatabase } from '../helpers/testDatabase.ts';

let database: FreshDatabase;
let env: NodeJS.ProcessEnv;
const lines: { out: string[]; err: string[] } = { out: [], err: [] };
const output = { out: (line: string) => lines.out.push(line), err: (line: string) => lines.err.push(line) };

beforeEach(async () => {
  database = await createFreshDatabase();
  env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url };
  lines.out.length = 0;
  lines.err.length = 0;
});
afterEach(() => database.drop());

/** Opens the CLI's database only while the CLI is not running (one client per file at a time). */
async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(String(env.DATABASE_URL));
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

// scrypt password hashing and three CLI runs: allow for a busy machine.
it('disables an account (no sign-in, sessions ended) and enables it again', { timeout: 60_000 }, async () => {
  const token = await withDb(async (db) => {
    const { id } = await upsertOfficer(db, { email: 'dana@agency.test', name: 'Dana Ortiz', password: 'a long enough passphrase' });
    return (await createSession(db, id, new Date())).token;
  });

  expect(await runOfficerDisable(['--email', 'DANA@agency.test'], env, output)).toBe(0);
  expect(lines.out).toEqual(['Disabled dana@agency.test: it cannot sign in, and its sessions have ended.']);
  await withDb(async (db) => {
    expect(await findActiveOfficerByEmail(db, 'dana@agency.test')).toBeNull();
    expect(await findSession(db, token, new Date())).toBeNull();
  });

  expect(await runOfficerDisable(['--email', 'dana@agency.test'], env, output)).toBe(0);
  expect(lines.out[1]).toMatch(/already disabled/);

  expect(await runOfficerDisable(['--email', 'dana@agency.test', '--enable'], env, output)).toBe(0);
  expect(lines.out[2]).toBe('Enabled dana@agency.test: it can sign in again with its password.');
  await withDb(async (db) => expect(await findActiveOfficerByEmail(db, 'dana@agency.test')).not.toBeNull());
});

it('says what to do for an unknown email, a bad email and a missing --email', async () => {
  expect(await runOfficerDisable(['--email', 'nobody@agency.test'], env, output)).toBe(1);
  expect(lines.err[0]).toMatch(/No console account has the email nobody@agency.test/);
  expect(await runOfficerDisable(['--email', 'not-an-email'], env, output)).toBe(1);
  expect(lines.err[1]).toMatch(/is not an email address/);
  expect(await runOfficerDisable([], env, output)).toBe(2);
  expect(lines.err[2]).toMatch(/--email is missing/);
  expect(await runOfficerDisable(['--email', 'a@b.test', '--force'], env, output)).toBe(2);
});
