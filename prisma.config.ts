import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { offlinePostgresAdapter, postgresCliAdapter } from './src/db/postgres/cliAdapter.ts';
import { databaseKindOf } from './src/db/databaseUrl.ts';

// The CLI (migrate deploy / diff) uses driver adapters like the app: no native engines. The
// database is chosen by DATABASE_URL's scheme: file: is SQLite (prisma/schema.prisma, the source),
// postgres:// is PostgreSQL (prisma/postgres/schema.prisma, generated from the source, with its
// own migrations). PRISMA_POSTGRES_OFFLINE=1 diffs PostgreSQL schema files with no server
// (scripts/postgres-twins.mjs).
const url = process.env.DATABASE_URL ?? 'file:./data/bot.db';
const offlinePostgres = process.env.PRISMA_POSTGRES_OFFLINE === '1';
const postgres = offlinePostgres || databaseKindOf(url) === 'postgres';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: postgres ? path.join('prisma', 'postgres', 'schema.prisma') : path.join('prisma', 'schema.prisma'),
  migrations: { path: postgres ? path.join('prisma', 'postgres', 'migrations') : path.join('prisma', 'migrations') },
  async adapter() {
    if (offlinePostgres) return offlinePostgresAdapter();
    return postgres ? postgresCliAdapter(url) : new PrismaBetterSQLite3({ url });
  },
});
