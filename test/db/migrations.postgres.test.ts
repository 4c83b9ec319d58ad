import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migrateDatabase, openDatabase } from '../../src/db/database.ts';
import { createFreshDatabase, type FreshDatabase } from '../helpers/testDatabase.ts';

// The PostgreSQL twin of migrations.sqlite.test.ts.
const databases: FreshDatabase[] = [];
afterAll(() => Promise.all(databases.splice(0).map((d) => d.drop())));

async function emptyDatabase(): Promise<string> {
  const database = await createFreshDatabase({ migrated: false });
  databases.push(database);
  return database.url;
}

/** Tables, columns, indexes and constraints of the public schema, in a comparable form. */
async function shape(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
    );
    const indexes = await client.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`);
    const constraints = await client.query(
      `SELECT c.conname, c.contype, c.conrelid::regclass::text AS "table", pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations' ORDER BY c.conname`,
    );
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
  } finally {
    await client.end();
  }
}

/** `prisma db push` of the PostgreSQL schema alone (through the CLI's PostgreSQL adapter). */
function dbPush(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/prisma.mjs', 'db', 'push', '--skip-generate'], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(output));
  });
}

describe('[PostgreSQL only] database migrations', () => {
  it('the committed PostgreSQL migrations produce exactly the schema in prisma/postgres/schema.prisma', async () => {
    const migrated = await emptyDatabase();
    const pushed = await emptyDatabase();
    await migrateDatabase(migrated);
    const output = await dbPush(pushed);
    expect(output).toContain('in sync with your Prisma schema');
    const expected = await shape(pushed);
    expect(new Set(expected.columns.map((c) => c.table_name)).size).toBeGreaterThan(5);
    expect(await shape(migrated)).toEqual(expected);
  }, 90_000);

  it('migrating an up-to-date database again is a no-op', async () => {
    const url = await emptyDatabase();
    await migrateDatabase(url);
    const db = await openDatabase(url);
    try {
      await db.creditor.create({ data: { name: 'Kept', policyJson: '{}' } });
    } finally {
      await db.$disconnect();
    }
    await migrateDatabase(url);
    const reopened = await openDatabase(url);
    try {
      expect(await reopened.creditor.count()).toBe(1);
    } finally {
      await reopened.$disconnect();
    }
  }, 90_000);
});
