import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type DatabaseOptions, type Db } from '../../src/db/database.ts';
import { adminQuery } from './postgresCluster.ts';

export interface TestDatabase {
  db: Db;
  url: string;
  close(): Promise<void>;
}

export interface FreshDatabase {
  /** DATABASE_URL of a fresh, fully migrated database of this run's kind. */
  url: string;
  /** Removes it (every client on it must be closed, or is cut off on PostgreSQL). */
  drop(): Promise<void>;
}

/**
 * A fresh, fully migrated database (or, with `migrated: false`, an empty one — a SQLite file that
 * does not exist yet): a copy of the run's template — a SQLite file in a temporary
 * folder, or a PostgreSQL database created from the template database (CREATE DATABASE … TEMPLATE).
 */
export async function createFreshDatabase(options: { migrated?: boolean } = {}): Promise<FreshDatabase> {
  const setup = inject('testDatabase');
  const migrated = options.migrated ?? true;
  if (setup.kind === 'postgres') {
    const name = `test_${randomBytes(8).toString('hex')}`;
    await adminQuery(setup.adminUrl, `CREATE DATABASE ${name} TEMPLATE ${migrated ? setup.template : 'template0'}`);
    return {
      url: setup.adminUrl.replace(/\/postgres$/, `/${name}`),
      drop: () => adminQuery(setup.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-test-'));
  const file = path.join(dir, 'test.db');
  if (migrated) copyFileSync(setup.template, file);
  return { url: `file:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh, fully migrated database of this run's kind (SQLite or PostgreSQL), opened. */
export async function createTestDatabase(options: DatabaseOptions = {}): Promise<TestDatabase> {
  const fresh = await createFreshDatabase();
  const db = await openDatabase(fresh.url, { poolSize: 5, lockConnections: 10, ...options });
  return {
    db,
    url: fresh.url,
    async close() {
      await db.$disconnect();
      await fresh.drop();
    },
  };
}
