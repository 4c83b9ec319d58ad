import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '../../src/db/database.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Tables, columns (name, type, not null, default, pk) and indexes, in a comparable form. */
async function shape(db: Db) {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name",
  );
  const result: Record<string, unknown> = {};
  for (const { name } of tables) {
    const columns = await db.$queryRawUnsafe<unknown[]>(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info('${name}') ORDER BY name`);
    const indexes = await db.$queryRawUnsafe<unknown[]>(`SELECT name, "unique" FROM pragma_index_list('${name}') WHERE origin != 'pk' ORDER BY name`);
    const foreignKeys = await db.$queryRawUnsafe<unknown[]>(`SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list('${name}') ORDER BY "from"`);
    result[name] = { columns, indexes, foreignKeys };
  }
  return JSON.parse(JSON.stringify(result, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
}

/**
 * `prisma db push` of the schema alone. Under vitest the 6.19 CLI sometimes prints its success line
 * and then never exits, so we wait for that line (or the exit) and stop the process ourselves.
 */
function dbPush(schema: string, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/prisma.mjs', 'db', 'push', '--skip-generate', '--schema', schema], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`prisma db push did not finish:\n${output}`));
    }, 45_000);
    const finish = () => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve(output);
    };
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('in sync with your Prisma schema')) finish();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', finish);
  });
}

describe('database migrations', () => {
  it('the committed migrations produce exactly the schema in prisma/schema.prisma', async () => {
    const migratedUrl = `file:${path.join(dir, 'migrated.db')}`;
    const pushedUrl = `file:${path.join(dir, 'pushed.db')}`;
    await migrateDatabase(migratedUrl);
    const schemaCopy = path.join(dir, 'schema.prisma');
    writeFileSync(schemaCopy, readFileSync('prisma/schema.prisma', 'utf8').replace(/output\s*=\s*"[^"]*"/, `output = "${path.join(dir, 'generated')}"`));
    const output = await dbPush(schemaCopy, pushedUrl);
    expect(output).toContain('in sync with your Prisma schema');

    const migrated = await openDatabase(migratedUrl);
    const pushed = await openDatabase(pushedUrl);
    try {
      const expected = await shape(pushed);
      expect(Object.keys(expected).length).toBeGreaterThan(5);
      expect(await shape(migrated)).toEqual(expected);
    } finally {
      await migrated.$disconnect();
      await pushed.$disconnect();
    }
  }, 60_000);

  it('migrating an up-to-date database again is a no-op', async () => {
    const url = `file:${path.join(dir, 'twice.db')}`;
    await migrateDatabase(url);
    const db = await openDatabase(url);
    await db.creditor.create({ data: { name: 'Kept', policyJson: '{}' } });
    await db.$disconnect();
    await migrateDatabase(url);
    const reopened = await openDatabase(url);
    try {
      expect(await reopened.creditor.count()).toBe(1);
    } finally {
      await reopened.$disconnect();
    }
  }, 60_000);
});
