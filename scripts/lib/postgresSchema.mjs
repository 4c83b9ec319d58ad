// The PostgreSQL copy of the Prisma schema, and the migration folders of both databases.
// prisma/schema.prisma (SQLite) is the only schema anyone edits; prisma/postgres/schema.prisma is
// generated from it (only the datasource provider and the client's output folder differ) and has
// its own migrations in prisma/postgres/migrations, one twin per SQLite migration, same name.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SOURCE_SCHEMA = path.join('prisma', 'schema.prisma');
export const SQLITE_MIGRATIONS = path.join('prisma', 'migrations');
export const POSTGRES_SCHEMA = path.join('prisma', 'postgres', 'schema.prisma');
export const POSTGRES_MIGRATIONS = path.join('prisma', 'postgres', 'migrations');

const HEADER =
  '// GENERATED from prisma/schema.prisma by `npm run db:postgres-twins` (or db:new-migration): do not edit.\n' +
  '// Only the datasource provider and the client output folder differ from the source.\n';

function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? [];
  if (matches.length !== 1) {
    throw new Error(`prisma/schema.prisma: expected exactly one ${what}, found ${matches.length}. The PostgreSQL copy cannot be generated.`);
  }
  return text.replace(pattern, replacement);
}

/** The PostgreSQL schema text for a SQLite source schema text. */
export function postgresSchemaFrom(source) {
  let text = replaceOnce(source, /(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'datasource with provider = "sqlite"');
  text = replaceOnce(text, /(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/src\/db\/generated"/, '$1"../../src/db/postgres/generated"', 'generator output = "../src/db/generated"');
  return HEADER + text;
}

/** Migration folder names (those holding a migration.sql), in the order Prisma applies them. */
export function migrationNames(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

/** What differs between the two schemas and the two migration folders (empty when in step). */
export function driftBetweenCopies(root = '.') {
  const problems = [];
  const source = readFileSync(path.join(root, SOURCE_SCHEMA), 'utf8');
  const copyPath = path.join(root, POSTGRES_SCHEMA);
  if (!existsSync(copyPath)) problems.push(`${POSTGRES_SCHEMA} is missing`);
  else if (readFileSync(copyPath, 'utf8') !== postgresSchemaFrom(source)) problems.push(`${POSTGRES_SCHEMA} is not the PostgreSQL copy of ${SOURCE_SCHEMA}`);
  const sqlite = migrationNames(path.join(root, SQLITE_MIGRATIONS));
  const postgres = migrationNames(path.join(root, POSTGRES_MIGRATIONS));
  const missing = sqlite.filter((name) => !postgres.includes(name));
  const extra = postgres.filter((name) => !sqlite.includes(name));
  if (missing.length) problems.push(`SQLite migrations without a PostgreSQL twin: ${missing.join(', ')}`);
  if (extra.length) problems.push(`PostgreSQL migrations without a SQLite twin: ${extra.join(', ')}`);
  return problems;
}

export const DRIFT_FIX = 'Run `npm run db:postgres-twins` (it regenerates prisma/postgres/schema.prisma and writes the missing PostgreSQL migrations), review and commit the result.';
