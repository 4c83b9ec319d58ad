import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.ts';
import { pendingMigrations } from './migrationStatus.ts';

export type Db = PrismaClient;
/** The client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

const PRISMA_CLI = fileURLToPath(new URL('../../scripts/prisma.mjs', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `file:./data/bot.db` -> `file:/abs/.../data/bot.db`, creating the folder. */
export function resolveSqliteUrl(url: string): string {
  const file = url.replace(/^file:/, '');
  const absolute = path.resolve(file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  return `file:${absolute}`;
}

/** Applies the committed migrations (prisma/migrations) with `prisma migrate deploy`; nothing when current. */
export async function migrateDatabase(url: string): Promise<void> {
  if ((await pendingMigrations(resolveSqliteUrl(url))).length === 0) return;
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_CLI, 'migrate', 'deploy'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: resolveSqliteUrl(url) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new Error(`Database migration failed (prisma migrate deploy exited ${code}):\n${Buffer.concat(output).toString()}`);
  }
}

export async function openDatabase(url: string): Promise<Db> {
  const adapter = new PrismaBetterSQLite3({ url: resolveSqliteUrl(url), timeout: 5_000 });
  const db = new PrismaClient({ adapter });
  // WAL lets readers (reports, a second process such as the scheduler) run beside the writer.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  // Deleted and overwritten content is zeroed, not left in free space (a card number rewritten out
  // of the transcript must not stay on disk).
  await db.$queryRawUnsafe('PRAGMA secure_delete = ON');
  return db;
}

/**
 * After text was rewritten for privacy (a card number split over messages): copies the write-ahead
 * log into the database and empties it, so the old page images are gone from the WAL file too.
 * Best effort: a reader holding an old snapshot (another process) can keep part of the log.
 */
export async function scrubRemovedData(db: Db): Promise<void> {
  try {
    await db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
  } catch {
    // nothing to do: the next checkpoint overwrites it
  }
}

export async function isDatabaseReachable(db: Db): Promise<boolean> {
  try {
    await db.$queryRawUnsafe('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
