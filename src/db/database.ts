/**
 * The database: SQLite (`file:…`, the embedded default, one instance) or PostgreSQL
 * (`postgres://…`, any number of instances), chosen by DATABASE_URL's scheme. Both go through a
 * Prisma client generated from one schema (prisma/schema.prisma; prisma/postgres/schema.prisma is
 * its generated copy) and have the same model API, so the code is written once against `Db`.
 *
 * What differs between one instance and several lives beside the client: the coordination
 * (locks, notifications, shared rate limits: coordinationOf(db)) and the driver under Prisma
 * (sqlDriverOf(db)), for the few hot statements worth running without Prisma's per-request compiler.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type pg from 'pg';
import type { Logger } from '../logger.ts';
import { coordinationOf, registerCoordination } from './coordination.ts';
import { databaseKindOf } from './databaseUrl.ts';
import { PrismaClient } from './generated/client.ts';
import { pendingMigrations } from './migrationStatus.ts';

export { databaseKindOf, type DatabaseKind } from './databaseUrl.ts';

export type Db = PrismaClient;
/** The client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** The connection better-sqlite3 gives the SQLite adapter (the parts hot statements use). */
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  readonly inTransaction: boolean;
}
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  safeIntegers(on?: boolean): SqliteStatement;
}

export type SqlDriver = { kind: 'sqlite'; connection: SqliteConnection } | { kind: 'postgres'; pool: pg.Pool };

export interface DatabaseOptions {
  /** Where coordination problems are reported (a lost LISTEN connection, say). */
  logger?: Logger;
  /** PostgreSQL: connections in the service's pool (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** PostgreSQL: connections for advisory locks, one per turn in progress (DATABASE_LOCK_CONNECTIONS). */
  lockConnections?: number;
}

const PRISMA_CLI = fileURLToPath(new URL('../../scripts/prisma.mjs', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const drivers = new WeakMap<object, SqlDriver>();

/** `file:./data/bot.db` -> `file:/abs/.../data/bot.db`, creating the folder. */
export function resolveSqliteUrl(url: string): string {
  const file = url.replace(/^file:/, '');
  const absolute = path.resolve(file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  return `file:${absolute}`;
}

/**
 * Applies the committed migrations of the URL's database with `prisma migrate deploy` (npm run
 * db:migrate). SQLite: nothing when current (deploy would take a write lock beside a running service).
 */
export async function migrateDatabase(url: string): Promise<void> {
  if (databaseKindOf(url) === 'sqlite' && (await pendingMigrations(resolveSqliteUrl(url))).length === 0) return;
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_CLI, 'migrate', 'deploy'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseKindOf(url) === 'sqlite' ? resolveSqliteUrl(url) : url },
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

export async function openDatabase(url: string, options: DatabaseOptions = {}): Promise<Db> {
  if (databaseKindOf(url) === 'postgres') {
    const { openPostgresDatabase } = await import('./postgres/database.ts');
    const { db, pool, coordination } = await openPostgresDatabase(url, options);
    drivers.set(db, { kind: 'postgres', pool });
    registerCoordination(db, coordination);
    return db;
  }
  let connection: SqliteConnection | undefined;
  const adapter = capturing(new PrismaBetterSQLite3({ url: resolveSqliteUrl(url), timeout: 5_000 }), (connected) => {
    connection = (connected as unknown as { client: SqliteConnection }).client;
  });
  const db = new PrismaClient({ adapter });
  // WAL lets readers (reports, a second process such as the scheduler) run beside the writer.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  // Deleted and overwritten content is zeroed, not left in free space (a card number rewritten out
  // of the transcript must not stay on disk).
  await db.$queryRawUnsafe('PRAGMA secure_delete = ON');
  drivers.set(db, { kind: 'sqlite', connection: connection! });
  coordinationOf(db);
  return db;
}

/**
 * The database for a service (or command-line tool) about to start. SQLite is migrated here: one
 * instance, `npm start` sets itself up. PostgreSQL is migrated once per deploy (`npm run db:migrate`):
 * this refuses, with DatabaseNotMigratedError, while a committed migration is not applied.
 */
export async function openDatabaseForService(url: string, options: DatabaseOptions = {}): Promise<Db> {
  if (databaseKindOf(url) === 'sqlite') {
    await migrateDatabase(url);
    return openDatabase(url, options);
  }
  const db = await openDatabase(url, options);
  try {
    const { assertMigrated } = await import('./postgres/migrationStatus.ts');
    await assertMigrated((sqlDriverOf(db) as { pool: pg.Pool }).pool);
  } catch (error) {
    await db.$disconnect();
    throw error;
  }
  return db;
}

/**
 * `alias` (a wrapper of `db`, such as the turn journal's proxy) is the same database: the same driver
 * and the same coordination — a lock taken through one is held for the other.
 */
export function aliasDatabase(alias: object, db: Db): void {
  const driver = drivers.get(db);
  if (driver) drivers.set(alias, driver);
  registerCoordination(alias, coordinationOf(db));
}

/** The driver under `db` (hot statements; see the module comment). */
export function sqlDriverOf(db: Db): SqlDriver {
  const driver = drivers.get(db);
  if (!driver) throw new Error('sqlDriverOf: this client was not opened by openDatabase');
  return driver;
}

/**
 * After text was rewritten for privacy (a card number split over messages): copies the write-ahead
 * log into the database and empties it, so the old page images are gone from the WAL file too.
 * Best effort: a reader holding an old snapshot (another process) can keep part of the log.
 */
export async function scrubRemovedData(db: Db): Promise<void> {
  // PostgreSQL has no such switch: an old row version stays in the table file until VACUUM reuses
  // its space (autovacuum), and PRAGMA is SQLite's. Nothing to run there.
  if (drivers.get(db)?.kind === 'postgres') return;
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

/** The adapter factory, telling `onConnect` the adapter it connects (to reach its driver). */
type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;

function capturing(factory: PrismaBetterSQLite3, onConnect: (adapter: SqliteAdapter) => void): PrismaBetterSQLite3 {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      onConnect(adapter);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  } as PrismaBetterSQLite3;
}
