/**
 * Bench-only preload (`node --import tsx --import ./scripts/bench/probe.ts <server>`), for both the
 * service and the echo bot: on SIGUSR2 it writes, to the file named by BENCH_PROBE_FILE, the
 * process's own CPU time (process.cpuUsage), its resident memory after a full GC (when run with
 * --expose-gc), and how many SQL statements and commits it sent to its database driver so far —
 * counted in the driver itself (better-sqlite3 statements, pg queries), whatever sent them (Prisma
 * or a prepared statement). Transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT) is not a
 * statement; COMMIT is counted as a commit. Nothing of this is in src/.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const file = process.env.BENCH_PROBE_FILE;
const counts = { statements: 0, commits: 0 };
const CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|END)\b/i;

function count(sql: unknown): void {
  const text = typeof sql === 'string' ? sql : typeof (sql as { text?: unknown })?.text === 'string' ? (sql as { text: string }).text : '';
  const control = CONTROL.exec(text);
  if (!control) counts.statements += 1;
  else if (/^(COMMIT|END)$/i.test(control[1]!)) counts.commits += 1;
}

const require = createRequire(import.meta.url);

function driverModule<T>(adapter: string, driver: string): T | undefined {
  try {
    return createRequire(require.resolve(adapter))(driver) as T;
  } catch {
    return undefined;
  }
}

type Statement = Record<string, (...args: unknown[]) => unknown>;
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
    count(args[0]);
    return query.apply(this, args);
  };
}

if (file) {
  process.on('SIGUSR2', () => {
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    writeFileSync(file, JSON.stringify({ at: Date.now(), cpuMicros: cpu.user + cpu.system, rss: memory.rss, heapUsed: memory.heapUsed, ...counts }));
  });
}
