/**
 * Every table of a test database and its rows, on either database (SQLite's catalogue is
 * sqlite_master; PostgreSQL's is information_schema). For suites that check "nothing changed" or
 * "no stored byte holds X" across the whole database.
 */
import { sqlDriverOf, type Db } from '../../src/db/database.ts';

/** The application's tables (not the engine's own, not Prisma's migration table unless asked), sorted. */
export async function tableNames(db: Db, options: { withMigrations?: boolean } = {}): Promise<string[]> {
  const rows =
    sqlDriverOf(db).kind === 'postgres'
      ? await db.$queryRawUnsafe<Array<{ name: string }>>("SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
      : await db.$queryRawUnsafe<Array<{ name: string }>>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  return rows
    .map((row) => row.name)
    .filter((name) => options.withMigrations || name !== '_prisma_migrations')
    .sort();
}

/** A table's rows, in a stable order (by their JSON text: PostgreSQL has no rowid). */
export async function tableRows(db: Db, table: string): Promise<Array<Record<string, unknown>>> {
  const rows = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "${table}"`);
  const json = (row: Record<string, unknown>) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  return rows.map((row) => ({ row, text: json(row) })).sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)).map((r) => r.row);
}
