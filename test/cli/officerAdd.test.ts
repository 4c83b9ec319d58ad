import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyKeys, emptyLine } from '../../src/cli/passwordInput.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createFreshDatabase, type FreshDatabase } from '../helpers/testDatabase.ts';
import { itOn } from '../helpers/testDatabaseKind.ts';
import { verifyPassword } from '../../src/officer/passwords.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PASSWORD = 'violet-tractor-harbor-91';
const NEW_PASSWORD = 'Second Passphrase 2026!';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as `npm run officer:add` does, with `stdin` piped in (not a terminal). */
function runCli(args: string[], stdin: string, env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', ...env };
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/officerAdd.ts', ...args], { cwd: ROOT, env: childEnv, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

let dir: string;
let databaseUrl: string;
let database: FreshDatabase;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-officer-cli-'));
  database = await createFreshDatabase();
  databaseUrl = database.url;
});

afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database.drop();
});

async function officers() {
  const db = await openDatabase(databaseUrl);
  try {
    return await db.officer.findMany({ orderBy: { email: 'asc' } });
  } finally {
    await db.$disconnect();
  }
}

// Each test starts the CLI (a tsx process) once or twice: allow for a busy machine.
describe('npm run officer:add', { timeout: 60_000 }, () => {
  it('creates an officer from a password piped on stdin, and never prints the password', async () => {
    const run = await runCli(['--email', ' Dana.Ortiz@Agency.com', '--name', 'Dana Ortiz', '--role', 'supervisor'], `${PASSWORD}\n`, { DATABASE_URL: databaseUrl });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('Created officer dana.ortiz@agency.com (supervisor)\n');
    expect(run.code).toBe(0);
    const [officer, ...others] = await officers();
    expect(others).toEqual([]);
    expect(officer).toMatchObject({ email: 'dana.ortiz@agency.com', name: 'Dana Ortiz', role: 'supervisor' });
    expect(await verifyPassword(PASSWORD, officer?.passwordHash ?? '')).toBe(true);
  });

  it('updates an existing account (a password reset) and keeps its role when --role is not given', async () => {
    await runCli(['--email', 'dana@agency.com', '--name', 'Dana Ortiz', '--role', 'supervisor'], `${PASSWORD}\n`, { DATABASE_URL: databaseUrl });
    const run = await runCli(['--email', 'dana@agency.com'], `${NEW_PASSWORD}\r\nignored second line\n`, { DATABASE_URL: databaseUrl });
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('Updated officer dana@agency.com (supervisor)');
    expect(run.stdout).toContain('signed out of every console session');
    expect(run.code).toBe(0);
    const [officer] = await officers();
    expect(officer).toMatchObject({ name: 'Dana Ortiz', role: 'supervisor' });
    expect(await verifyPassword(NEW_PASSWORD, officer?.passwordHash ?? '')).toBe(true);
    expect(await verifyPassword(PASSWORD, officer?.passwordHash ?? '')).toBe(false);
  });

  it('refuses a weak password with exit 1, one line saying what to do, and writes nothing', async () => {
    const weak = 'zzzzzzzzzzzzzz';
    const run = await runCli(['--email', 'dana@agency.com', '--name', 'Dana Ortiz'], `${weak}\n`, { DATABASE_URL: databaseUrl });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual(['The password repeats one character: use a mix of characters, such as a few unrelated words. Nothing was changed.']);
    expect(run.stderr).not.toContain(weak);
    expect(await officers()).toEqual([]);

    const short = await runCli(['--email', 'dana@agency.com', '--name', 'Dana Ortiz'], 'secret12\n', { DATABASE_URL: databaseUrl });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
    expect(short.stdout + short.stderr).not.toContain('secret12');
    expect(await officers()).toEqual([]);
  });

  it.each([
    ['a bad email', ['--email', 'dana-at-agency', '--name', 'Dana Ortiz'], 1, 'is not an email address: give one such as --email'],
    ['a bad role', ['--email', 'dana@agency.com', '--name', 'Dana Ortiz', '--role', 'admin'], 1, 'use --role officer or --role supervisor'],
    ['no --name for a new account', ['--email', 'dana@agency.com'], 1, 'dana@agency.com has no account yet: give the officer\'s name with --name'],
    ['no --email', ['--name', 'Dana Ortiz'], 2, 'Usage: npm run officer:add -- --email <email>'],
    ['an unknown option', ['--email', 'dana@agency.com', '--password', PASSWORD], 2, 'Usage: npm run officer:add'],
  ])('refuses %s with one line saying what to do', async (_label, args, code, message) => {
    const run = await runCli(args, `${PASSWORD}\n`, { DATABASE_URL: databaseUrl });
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain(PASSWORD);
    expect(await officers()).toEqual([]);
  });

  it('refuses an empty stdin and says how to give the password', async () => {
    const run = await runCli(['--email', 'dana@agency.com', '--name', 'Dana Ortiz'], '', { DATABASE_URL: databaseUrl });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No password on stdin. Pipe it in');
    expect(await officers()).toEqual([]);
  });

  itOn('sqlite', 'migrates a database that does not exist yet (a fresh checkout)', async () => {
    const fresh = path.join(dir, 'fresh', 'bot.db');
    const run = await runCli(['--email', 'dana@agency.com', '--name', 'Dana Ortiz'], `${PASSWORD}\n`, { DATABASE_URL: `file:${fresh}` });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('Created officer dana@agency.com (officer)\n');
    expect(existsSync(fresh)).toBe(true);
  });

  itOn('postgres', 'refuses a database with pending migrations and says to run npm run db:migrate (migrations run once per deploy)', async () => {
    const empty = await createFreshDatabase({ migrated: false });
    try {
      const run = await runCli(['--email', 'dana@agency.com', '--name', 'Dana Ortiz'], `${PASSWORD}\n`, { DATABASE_URL: empty.url });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('The PostgreSQL database is not ready');
      expect(run.stderr).toContain('run `npm run db:migrate` once with this DATABASE_URL');
      expect(run.stdout).toBe('');
    } finally {
      await empty.drop();
    }
  });

  it('prints the configuration error and exits 1', async () => {
    const run = await runCli(['--email', 'dana@agency.com', '--name', 'Dana Ortiz'], `${PASSWORD}\n`, { DATABASE_URL: 'mysql://localhost/bot' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('Configuration error: DATABASE_URL is invalid — expected a SQLite URL such as file:./data/bot.db or a PostgreSQL URL such as postgres://user:password@host:5432/debtbot');
  });
});

describe('hidden password prompt keys', () => {
  const type = (...chunks: string[]) => chunks.reduce(applyKeys, emptyLine());

  it('ends the line on Enter and keeps what was typed', () => {
    expect(type('pass', 'word\r')).toMatchObject({ chars: [...'password'], done: true, aborted: false });
    expect(type('señor\n').chars.join('')).toBe('señor');
  });

  it('deletes with Backspace (DEL or ^H) and clears with Ctrl-U', () => {
    expect(type('abcd\u007f\u007fx\bz\r').chars.join('')).toBe('abz');
    expect(type('\u007f\u007fa\r').chars.join('')).toBe('a');
    expect(type('mistake\u0015right\r').chars.join('')).toBe('right');
  });

  it('aborts on Ctrl-C, and ignores arrow keys and other control characters', () => {
    expect(type('abc\u0003def\r')).toMatchObject({ aborted: true, done: false });
    expect(type('ab\u001b[Dc\u001b[3~d\u0001\te\r').chars.join('')).toBe('abcde');
    expect(type('a\u001b', '[', 'A', 'b\r').chars.join('')).toBe('ab');
  });
});
