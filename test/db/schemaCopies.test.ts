import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs module shared with the scripts
import { driftBetweenCopies, DRIFT_FIX, postgresSchemaFrom } from '../../scripts/lib/postgresSchema.mjs';

describe('one source schema, a generated PostgreSQL copy, twin migrations', () => {
  it('prisma/postgres is in step with prisma/schema.prisma and prisma/migrations', () => {
    const problems = driftBetweenCopies('.') as string[];
    expect(problems, `${problems.join('\n')}\n${DRIFT_FIX}`).toEqual([]);
  });

  it('the copy differs from the source only in the datasource provider and the client output folder', () => {
    const source = readFileSync('prisma/schema.prisma', 'utf8');
    const copy = (postgresSchemaFrom(source) as string).split('\n').filter((line) => !line.startsWith('// GENERATED') && !line.startsWith('// Only the datasource'));
    const differing = copy.filter((line, i) => line !== source.split('\n')[i]);
    expect(differing.map((line) => line.trim())).toEqual(['output       = "../../src/db/postgres/generated"', 'provider = "postgresql"']);
  });

  it('notices an edited copy, a SQLite migration without its twin, and a stray twin', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'schema-copies-'));
    try {
      cpSync('prisma', path.join(root, 'prisma'), { recursive: true });
      expect(driftBetweenCopies(root)).toEqual([]);

      const copy = path.join(root, 'prisma/postgres/schema.prisma');
      writeFileSync(copy, readFileSync(copy, 'utf8').replace('model Creditor {', 'model Creditor {\n  extra Int?'));
      mkdirSync(path.join(root, 'prisma/migrations/29990101000000_from_a_branch'));
      writeFileSync(path.join(root, 'prisma/migrations/29990101000000_from_a_branch/migration.sql'), 'ALTER TABLE "Account" ADD COLUMN "x" TEXT;');
      mkdirSync(path.join(root, 'prisma/postgres/migrations/29990102000000_stray'));
      writeFileSync(path.join(root, 'prisma/postgres/migrations/29990102000000_stray/migration.sql'), 'SELECT 1;');
      expect(driftBetweenCopies(root)).toEqual([
        'prisma/postgres/schema.prisma is not the PostgreSQL copy of prisma/schema.prisma',
        'SQLite migrations without a PostgreSQL twin: 29990101000000_from_a_branch',
        'PostgreSQL migrations without a SQLite twin: 29990102000000_stray',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a PostgreSQL twin drops no table its SQLite migration keeps (a merged branch\'s twin must carry its own change only)', () => {
    const dropped = (file: string) => new Set([...readFileSync(file, 'utf8').matchAll(/DROP TABLE (?:IF EXISTS )?"([^"]+)"/g)].map((m) => m[1]!));
    const migrations = readdirSync('prisma/postgres/migrations', { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(migrations.length).toBeGreaterThan(8);
    const unexpected: string[] = [];
    for (const { name } of migrations) {
      const sqlite = dropped(`prisma/migrations/${name}/migration.sql`);
      for (const table of dropped(`prisma/postgres/migrations/${name}/migration.sql`)) if (!sqlite.has(table)) unexpected.push(`${name}: ${table}`);
    }
    expect(unexpected).toEqual([]);
  });

  it('refuses a source schema it cannot turn into the copy', () => {
    const source = readFileSync('prisma/schema.prisma', 'utf8');
    expect(() => postgresSchemaFrom(source.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/exactly one datasource with provider = "sqlite"/);
  });
});
