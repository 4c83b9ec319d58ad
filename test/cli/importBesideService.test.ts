/**
 * Issue 10 item 13: `npm run import` beside the running service. The database is current, so the
 * import skips `prisma migrate deploy` (which times out on the service's lock) and imports; when
 * another process keeps the database locked, it stops with one clear sentence instead of failing
 * row after row or with a Prisma stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { PLACEMENT_COLUMNS } from '../../src/import/placements.ts';
import { killService, startService, type ServiceProcess } from '../helpers/serviceProcess.ts';
import { createFreshDatabase, type FreshDatabase } from '../helpers/testDatabase.ts';
import { itOn } from '../helpers/testDatabaseKind.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROW = 'B-2001,Nia,Okafor,1988-02-03,2468,30303,(404) 555-0177,,"9 Elm Street, Atlanta, GA",America/New_York,en,Peachtree Medical Group,Peachtree Medical Group,2025-06-30,500.00,0,0,0,0,USD,false';

let dir: string;
let databaseUrl: string;
let database: FreshDatabase;
let service: ServiceProcess;
let csv: string;

function runImport(): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', csv], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr, ms: Date.now() - started });
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-import-beside-'));
  database = await createFreshDatabase();
  databaseUrl = database.url;
  csv = path.join(dir, 'placements.csv');
  writeFileSync(csv, `${PLACEMENT_COLUMNS.join(',')}\n${ROW}\n`);
  service = await startService({ env: { DATABASE_URL: databaseUrl, OUTBOX_INTERVAL_MS: '100' } });
}, 120_000);
afterAll(async () => {
  if (service) await killService(service);
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run import beside the running service (item 13)', () => {
  it('imports: migrations are skipped because the database is current', async () => {
    const run = await runImport();
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('Imported 1, updated 0, unchanged 0, rejected 0\n');
    expect(run.code).toBe(0);
    expect(service.alive()).toBe(true);
  }, 120_000);

  // PostgreSQL has no database-wide write lock to be kept out by (MVCC; the import's rows are locked one by one).
  itOn('sqlite', 'says the database is busy, in one sentence, when another process keeps it locked', async () => {
    writeFileSync(csv, `${PLACEMENT_COLUMNS.join(',')}\n${ROW.replace('B-2001', 'B-2002')}\n`);
    const holder: Db = await openDatabase(databaseUrl);
    await holder.$executeRawUnsafe('BEGIN IMMEDIATE');
    try {
      const run = await runImport();
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^The database stayed busy \(another process, such as the running service, kept it locked for more than 5 seconds\) at line 2\..*import the same file again in a moment/);
      expect(run.stderr).not.toMatch(/at .*\.ts:\d+|prisma|wasm/i);
    } finally {
      await holder.$executeRawUnsafe('COMMIT');
      await holder.$disconnect();
    }
    // Once the lock is gone the same file imports.
    const again = await runImport();
    expect(again.stdout).toBe('Imported 1, updated 0, unchanged 0, rejected 0\n');
  }, 120_000);
});
