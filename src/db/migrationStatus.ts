/**
 * Whether a SQLite database already has every committed migration (prisma/migrations), read
 * straight from Prisma's `_prisma_migrations` table. `prisma migrate deploy` takes a write lock
 * even when there is nothing to apply, and times out beside a running service; checking first lets
 * a second process (npm run import, a restart) skip it when the database is current.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));

/** The committed migrations, oldest first, with the checksum Prisma records (sha256 of migration.sql). */
export function committedMigrations(dir = MIGRATIONS_DIR): Array<{ name: string; checksum: string }> {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, checksum: createHash('sha256').update(readFileSync(path.join(dir, name, 'migration.sql'))).digest('hex') }));
}

/**
 * The committed migrations not (or not identically) applied to the database at `url`
 * (`file:/absolute/path`). A missing file or a database without the table has them all pending.
 */
export async function pendingMigrations(url: string): Promise<string[]> {
  const committed = committedMigrations();
  if (!existsSync(url.replace(/^file:/, ''))) return committed.map((m) => m.name);
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5_000 }) });
  try {
    const tables = await db.$queryRawUnsafe<Array<{ name: string }>>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'");
    if (tables.length === 0) return committed.map((m) => m.name);
    const applied = await db.$queryRawUnsafe<Array<{ migration_name: string; checksum: string }>>(
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const done = new Set(applied.map((row) => `${row.migration_name}\n${row.checksum}`));
    return committed.filter((m) => !done.has(`${m.name}\n${m.checksum}`)).map((m) => m.name);
  } finally {
    await db.$disconnect();
  }
}

/**
 * SQLite could not get its lock within the busy timeout: another process (the running service) is
 * writing. Prisma reports SQLITE_BUSY as P1008 ("SocketTimeout" from the driver adapter).
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'P1008' || code === 'SQLITE_BUSY') return true;
  return /SQLITE_BUSY|database is locked|SocketTimeout/i.test(error instanceof Error ? error.message : String(error));
}
