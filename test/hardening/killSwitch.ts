/**
 * Test-only preload for the crash suite (`node --import tsx --import ./test/hardening/killSwitch.ts
 * src/index.ts`): kills the process with SIGKILL right after its N-th database write from the
 * moment it is armed — a kill at an exact point between two writes, anywhere in a turn, a webhook
 * or a delivery. Armed by writing N into the file named by KILL_SWITCH_FILE; the file is consumed.
 * Writes are the statements that change something (INSERT, UPDATE, DELETE, COMMIT), counted in
 * the driver the Prisma adapter uses: better-sqlite3 on SQLite, pg's Client on PostgreSQL (counted
 * once the server answered). Nothing of this is in src/.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const control = process.env.KILL_SWITCH_FILE;
if (control) {
  // better-sqlite3 is the driver adapter's own dependency: load the very copy it loads.
  const require = createRequire(import.meta.url);
  const adapterRequire = createRequire(require.resolve('@prisma/adapter-better-sqlite3'));
  const Database = adapterRequire('better-sqlite3') as { prototype: { prepare(this: unknown, sql: string, ...rest: unknown[]): Record<string, (...args: unknown[]) => unknown> } };
  const WRITE = /^\s*(?:INSERT|UPDATE|DELETE|REPLACE|COMMIT)\b/i;
  let remaining = 0;

  const tick = () => {
    if (remaining === 0 && existsSync(control)) {
      remaining = Number(readFileSync(control, 'utf8')) || 0;
      rmSync(control, { force: true });
    }
    if (remaining > 0 && --remaining === 0) process.kill(process.pid, 'SIGKILL');
  };

  // PostgreSQL: pg is the adapter's own dependency too; every pool query goes through Client#query.
  const pg = createRequire(require.resolve('@prisma/adapter-pg'))('pg') as { Client: { prototype: { query(this: unknown, ...args: unknown[]): unknown } } };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { text?: string } | undefined;
    const sql = typeof config === 'string' ? config : (config?.text ?? '');
    const result = query.apply(this, args);
    if (WRITE.test(sql) && result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<unknown>).then((value) => {
        tick();
        return value;
      });
    }
    return result;
  };

  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: unknown, sql: string, ...rest: unknown[]) {
    const statement = prepare.call(this, sql, ...rest);
    if (WRITE.test(sql)) {
      for (const method of ['run', 'all', 'get'] as const) {
        const original = statement[method]!;
        statement[method] = function (this: unknown, ...args: unknown[]) {
          const result = original.apply(this, args);
          tick();
          return result;
        };
      }
    }
    return statement;
  };
}
