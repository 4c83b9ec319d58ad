#!/usr/bin/env node
// npm run db:new-migration -- <name>
// Writes the migration for BOTH databases:
// - prisma/migrations/<timestamp>_<name>/migration.sql (SQLite) from the difference between the
//   schema as last committed (git HEAD) and the working prisma/schema.prisma (with a driver adapter,
//   Prisma 6.19 cannot diff against a live database or a shadow database, so we diff two files);
// - its PostgreSQL twin in prisma/postgres/migrations, with prisma/postgres/schema.prisma and both
//   clients regenerated (scripts/postgres-twins.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:new-migration -- <name>   (lower-case letters, digits and _ only)');
  process.exit(2);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), 'migration-'));
const previous = path.join(tmp, 'previous.prisma');
writeFileSync(previous, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma']));
// An in-memory SQLite database: diffing two schema files reads no database.
const env = { ...process.env, DATABASE_URL: 'file::memory:' };
const diff = spawnSync(
  process.execPath,
  ['scripts/prisma.mjs', 'migrate', 'diff', '--from-schema-datamodel', previous, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  { encoding: 'utf8', env },
);
rmSync(tmp, { recursive: true, force: true });
if (diff.status !== 0) {
  console.error(diff.stderr || diff.stdout);
  process.exit(1);
}
const sql = diff.stdout.replace(/^Loaded Prisma config.*\n/m, '');
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.log('The schema has not changed since HEAD: no migration written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const folder = path.join('prisma', 'migrations', `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, 'migration.sql'), sql);
console.log(`Wrote ${folder}/migration.sql`);

for (const step of [['scripts/postgres-twins.mjs'], ['scripts/prisma.mjs', 'generate', '--schema', 'prisma/schema.prisma']]) {
  const run = spawnSync(process.execPath, step, { stdio: 'inherit', env });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
console.log('Review both migrations, then commit them with the schema.');
