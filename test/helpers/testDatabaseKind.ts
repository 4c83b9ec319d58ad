/**
 * The suite runs twice, once per database: vitest projects "sqlite" and "postgres" (vitest.config.ts)
 * set TEST_DATABASE. Test files named *.sqlite.test.ts / *.postgres.test.ts run on that database only.
 */
import { it } from 'vitest';
import type { DatabaseKind } from '../../src/db/database.ts';

export const TEMPLATE_DATABASE = 'debt_bot_template';

export type TestDatabaseSetup =
  | { kind: 'sqlite'; /** the migrated template file */ template: string }
  | { kind: 'postgres'; /** the cluster's maintenance database */ adminUrl: string; /** the migrated template database */ template: string; port: number };

export function testDatabaseKind(env: Record<string, string | undefined> = process.env): DatabaseKind {
  return env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
}

const LABEL: Record<DatabaseKind, string> = { sqlite: '[SQLite only]', postgres: '[PostgreSQL only]' };

/**
 * A test of behaviour that exists on one database only (SQLite migrating itself at start, say); it
 * says so in its name, and has a twin for the other database. Skipped in the other project.
 */
export function itOn(kind: DatabaseKind, name: string, fn: () => Promise<void> | void, timeout?: number): void {
  it.runIf(testDatabaseKind() === kind)(`${LABEL[kind]} ${name}`, fn, timeout);
}
