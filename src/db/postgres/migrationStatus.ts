/**
 * Instances on PostgreSQL never migrate at boot (several starting together would race on Prisma's
 * migration lock): `npm run db:migrate` runs once per deploy, and an instance refuses to start while
 * a committed migration is not applied — or one failed half-way.
 */
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/postgres/migrations', import.meta.url));

export interface MigrationStatus {
  /** Committed migrations not applied to the database, in order. */
  pending: string[];
  /** Migrations that started and neither finished nor were rolled back (`prisma migrate resolve`). */
  failed: string[];
}

export class DatabaseNotMigratedError extends Error {
  constructor(readonly status: MigrationStatus) {
    const parts: string[] = [];
    if (status.failed.length) {
      parts.push(`migration ${status.failed.join(', ')} failed half-way: fix the database, then mark it with \`npx prisma migrate resolve --rolled-back <name>\` (or --applied) and run \`npm run db:migrate\``);
    }
    if (status.pending.length) {
      parts.push(`${status.pending.length} migration${status.pending.length === 1 ? ' is' : 's are'} not applied (${status.pending.join(', ')}): run \`npm run db:migrate\` once with this DATABASE_URL, then start the instances`);
    }
    super(`The PostgreSQL database is not ready: ${parts.join('; ')}. Instances on PostgreSQL do not migrate at start-up.`);
    this.name = 'DatabaseNotMigratedError';
  }
}

export function committedMigrations(dir = POSTGRES_MIGRATIONS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

export async function migrationStatus(pool: pg.Pool, dir = POSTGRES_MIGRATIONS_DIR): Promise<MigrationStatus> {
  const table = await pool.query<{ exists: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists");
  const rows = table.rows[0]?.exists
    ? (await pool.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>('SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations')).rows
    : [];
  const applied = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name);
  return { pending: committedMigrations(dir).filter((name) => !applied.has(name) && !failed.includes(name)), failed };
}

/** Throws {@link DatabaseNotMigratedError} unless every committed migration is applied. */
export async function assertMigrated(pool: pg.Pool, dir?: string): Promise<void> {
  const status = await migrationStatus(pool, dir);
  if (status.pending.length || status.failed.length) throw new DatabaseNotMigratedError(status);
}
