/**
 * Counts the SQL statements and commits this process sends to its database driver (better-sqlite3
 * statements run, pg queries), whoever sends them: Prisma or a prepared statement. Transaction
 * control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT) is not a statement; COMMIT counts as a commit.
 * Install once per process (a test file, or the bench probe scripts/bench/probe.ts); read with
 * `takeSqlCount()` (what was counted since the last take).
 */
import { createRequire } from 'node:module';

export interface SqlCount {
  statements: number;
  commits: number;
  /** Commits of PostgreSQL's advisory-lock transactions (src/db/postgres/coordination.ts): the turn lock, not the turn's writing. */
  lockCommits: number;
  /** The statements' SQL, in order (for a failing assertion's message). */
  sql: string[];
}

const CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|END)\b/i;
const ADVISORY_LOCK = /pg_advisory_xact_lock|pg_try_advisory_xact_lock/i;
let current: SqlCount = { statements: 0, commits: 0, lockCommits: 0, sql: [] };
/** Connections whose open transaction holds an advisory lock: their COMMIT ends a lock, counted apart. */
const lockTransactions = new WeakSet<object>();
let installed = false;
/** Keep each statement's SQL (tests, for a failing assertion's message); the bench only counts, so its memory stays its own. */
let keepSql = true;

function count(sql: unknown, connection?: object): void {
  const text = typeof sql === 'string' ? sql : typeof (sql as { text?: unknown })?.text === 'string' ? (sql as { text: string }).text : '';
  const control = CONTROL.exec(text);
  if (connection && ADVISORY_LOCK.test(text)) lockTransactions.add(connection);
  if (!control) {
    current.statements += 1;
    if (keepSql) current.sql.push(text.replace(/\s+/g, ' ').slice(0, 160));
  } else if (/^(COMMIT|END|ROLLBACK)$/i.test(control[1]!) && connection && lockTransactions.has(connection)) {
    lockTransactions.delete(connection);
    if (!/^ROLLBACK$/i.test(control[1]!)) current.lockCommits += 1;
  } else if (/^(COMMIT|END)$/i.test(control[1]!)) current.commits += 1;
}

function driverModule<T>(adapter: string, driver: string): T | undefined {
  const require = createRequire(import.meta.url);
  try {
    return createRequire(require.resolve(adapter))(driver) as T;
  } catch {
    return undefined;
  }
}

type Statement = Record<string, (...args: unknown[]) => unknown>;

export function installSqlCounter(options: { keepSql?: boolean } = {}): void {
  keepSql = options.keepSql ?? true;
  if (installed) return;
  installed = true;
  const Sqlite = driverModule<{ prototype: { prepare(this: unknown, sql: string, ...rest: unknown[]): Statement; exec(this: unknown, sql: string): unknown } }>('@prisma/adapter-better-sqlite3', 'better-sqlite3');
  if (Sqlite) {
    const prepare = Sqlite.prototype.prepare;
    Sqlite.prototype.prepare = function (this: unknown, sql: string, ...rest: unknown[]) {
      const statement = prepare.call(this, sql, ...rest);
      for (const method of ['run', 'all', 'get', 'iterate'] as const) {
        const original = statement[method]!;
        statement[method] = function (this: unknown, ...args: unknown[]) {
          count(sql);
          return original.apply(this, args);
        };
      }
      return statement;
    };
    const exec = Sqlite.prototype.exec;
    Sqlite.prototype.exec = function (this: unknown, sql: string) {
      count(sql);
      return exec.call(this, sql);
    };
  }
  const pg = driverModule<{ Client: { prototype: { query(this: unknown, ...args: unknown[]): unknown } } }>('@prisma/adapter-pg', 'pg');
  if (pg) {
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
      count(args[0], this as object);
      return query.apply(this, args);
    };
  }
}

/** What was counted since the last call. */
export function takeSqlCount(): SqlCount {
  const taken = current;
  current = { statements: 0, commits: 0, lockCommits: 0, sql: [] };
  return taken;
}
