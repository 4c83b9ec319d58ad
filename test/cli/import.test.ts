import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { createFreshDatabase, type FreshDatabase } from '../helpers/testDatabase.ts';
import { factorMatches } from '../../src/identity/factors.ts';
import { PLACEMENT_COLUMNS } from '../../src/import/placements.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KEY = 'cli-test-identity-hash-key-0123456789abcdef';
const HEADER = PLACEMENT_COLUMNS.join(',');
const ROW_1 = 'A-1001,Maria,Johnson,1985-03-14,7391,30301,(404) 555-0101,maria@example.com,"12 Oak Street, Atlanta, GA",America/New_York,en,Peachtree Medical Group,Peachtree Medical Group,2025-06-30,1250.00,0,35.00,200.00,0,USD,false';
const ROW_2 = 'A-1002,Carlos,Ramirez,1979-11-02,5678,78201,210-555-0134,,"455 Calle Real, San Antonio, TX",,es,Meridian Capital Recovery,Horizon Bank Visa,2025-04-15,3480.75,0,0,0,0,USD,true';
const BAD_ROW = 'A-1003,James,OConnor,1968-07-21,4321,9411,415-555-0188,,"78 Valencia Street",America/Los_Angeles,en,Meridian Capital Recovery,Horizon Bank Visa,2025-09-01,820.00,0,0,0,0,USD,false';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', IDENTITY_HASH_KEY: KEY, ...env };
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], { cwd: ROOT, env: childEnv, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

let dir: string;
let databaseUrl: string;
let database: FreshDatabase;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-cli-'));
  database = await createFreshDatabase();
  databaseUrl = database.url;
});

afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database.drop();
});

function writeCsv(name: string, ...rows: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, [HEADER, ...rows].join('\n') + '\n');
  return file;
}

// Each test starts the CLI (a tsx process) once or twice: allow for a busy machine.
describe('npm run import', { timeout: 60_000 }, () => {
  it('imports a good file, exits 0, and a second run changes nothing', async () => {
    const file = writeCsv('good.csv', ROW_1, ROW_2);
    const first = await runCli([file], { DATABASE_URL: databaseUrl });
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('Imported 2, updated 0, unchanged 0, rejected 0\n');
    expect(first.code).toBe(0);

    const second = await runCli([file], { DATABASE_URL: databaseUrl });
    expect(second.stdout).toBe('Imported 0, updated 0, unchanged 2, rejected 0\n');
    expect(second.code).toBe(0);

    const db = await openDatabase(databaseUrl);
    try {
      const account = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
      expect(account.balance).toBe(108500);
      expect(factorMatches(KEY, account.factorSalt, 'ssnLast4', '7391', account.ssnLast4Hash)).toBe(true);
      expect(await db.creditor.count()).toBe(2);
    } finally {
      await db.$disconnect();
    }
  });

  it('imports the good rows of a bad file, lists each rejected row and exits 1', async () => {
    const file = writeCsv('bad.csv', ROW_1, BAD_ROW, ROW_1.replace('A-1001', 'A-1004').replace('USD', 'DOLLARS'));
    const run = await runCli([file], { DATABASE_URL: databaseUrl });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      'Imported 1, updated 0, unchanged 0, rejected 2',
      'line 3 (account A-1003): zip must be a 5-digit ZIP code or ZIP+4 (12345-6789)',
      'line 4 (account A-1004): currency must be a 3-letter ISO 4217 code such as USD',
      '',
    ]);
    expect(run.stderr).toContain('2 rows were rejected and not imported. Fix them and import the file again');
    expect(run.stdout + run.stderr).not.toContain('1968-07-21');
    expect(run.stdout + run.stderr).not.toContain('4321');
  });

  it('refuses a file with the wrong header, exits 1 and writes nothing', async () => {
    const file = path.join(dir, 'header.csv');
    writeFileSync(file, `${HEADER.replace(',time_barred', '')}\n${ROW_1}\n`);
    const run = await runCli([file], { DATABASE_URL: databaseUrl });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('is not the placement header (missing column: time_barred). Nothing was imported.');
    const db = await openDatabase(databaseUrl);
    try {
      expect(await db.account.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it('says what to do when the file is missing, without creating a database', async () => {
    const missingDb = path.join(dir, 'never.db');
    const run = await runCli([path.join(dir, 'nope.csv')], { DATABASE_URL: `file:${missingDb}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Cannot read ${path.join(dir, 'nope.csv')}: no such file. Check the path`);
    expect(run.stderr).toContain('npm run import -- <placements.csv>');
    expect(existsSync(missingDb)).toBe(false);
  });

  it('says so when the path is a folder', async () => {
    const run = await runCli([dir], { DATABASE_URL: databaseUrl });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('it is a folder, not a file');
  });

  it('prints usage and exits 2 without a file argument', async () => {
    const run = await runCli([], { DATABASE_URL: databaseUrl });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run import -- <placements.csv>');
  });

  it('prints the configuration error and exits 1', async () => {
    const file = writeCsv('good.csv', ROW_1);
    const run = await runCli([file], { DATABASE_URL: 'mysql://localhost/bot' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('Configuration error: DATABASE_URL is invalid — expected a SQLite URL such as file:./data/bot.db or a PostgreSQL URL such as postgres://user:password@host:5432/debtbot');

    const production = await runCli([file], { DATABASE_URL: databaseUrl, NODE_ENV: 'production', IDENTITY_HASH_KEY: undefined });
    expect(production.code).toBe(1);
    expect(production.stderr).toContain('Configuration error: IDENTITY_HASH_KEY is missing');
  });
});
