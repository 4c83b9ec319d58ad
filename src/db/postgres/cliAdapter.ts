/**
 * The driver adapters the Prisma CLI (prisma.config.ts) uses for PostgreSQL. Never used at runtime.
 *
 * - {@link postgresCliAdapter}: `migrate deploy`, `db push` and `migrate status` on a real server.
 *   Prisma 6.19's schema engine reads catalog columns of type `name` (oid 19) and `"char"` (oid 18),
 *   which @prisma/adapter-pg 6.19.x cannot deserialize ("Column type 'name' could not be
 *   deserialized", prisma/orm#27403, no 6.x fix). Both are plain text on the wire, so the pool's
 *   client reports them as `text` (oid 25). One connection: the engine's session advisory lock and
 *   its statements share a session, as with its native driver. The idle connection does not keep
 *   the CLI alive (allowExitOnIdle): the CLI never disposes its adapter.
 * - {@link offlinePostgresAdapter}: `migrate diff` between two schema files needs no database, but the
 *   engine still asks the server's version once; this answers that question and refuses any other,
 *   so new PostgreSQL migrations are written on machines with no PostgreSQL running.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const TEXT_OID = 25;
const NAME_OID = 19;
const CHAR_OID = 18;

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> } | undefined;

function namesAsText<T extends QueryResultLike>(result: T): T {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

/** A pg client whose results call `name` and `"char"` columns text (see the module comment). */
class CatalogTextClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      // Callback style (how pg.Pool#query calls its client).
      args[args.length - 1] = (error: Error | null, result: QueryResultLike) => (last as (e: Error | null, r: QueryResultLike) => void)(error, error ? result : namesAsText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return (pending instanceof Promise ? pending.then((result: QueryResultLike) => namesAsText(result)) : pending) as never;
  }
}

/**
 * The schema engine arms a 10 s timer around its advisory lock and never clears it, so the CLI
 * would sit idle for 10 s after its work is done. Timers the engine (WebAssembly) creates are
 * made not to keep the process alive; they still fire while the CLI waits on the database.
 */
function letEngineTimersNotHoldTheProcess(): void {
  const marker = Symbol.for('debt-bot.engineTimersUnref');
  const globals = globalThis as typeof globalThis & { [key: symbol]: boolean };
  if (globals[marker]) return;
  globals[marker] = true;
  const original = globalThis.setTimeout;
  globalThis.setTimeout = ((callback: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
    const timer = original(callback, ms, ...rest);
    if ((ms ?? 0) >= 5_000 && new Error().stack?.includes('wasm://')) timer.unref();
    return timer;
  }) as typeof globalThis.setTimeout;
}

export function postgresCliAdapter(connectionString: string): PrismaPg {
  letEngineTimersNotHoldTheProcess();
  const pool = new pg.Pool({ connectionString, max: 1, allowExitOnIdle: true, Client: CatalogTextClient as unknown as typeof pg.Client });
  return new PrismaPg(pool, { disposeExternalPool: true });
}

/** The one question `migrate diff` asks of a PostgreSQL server when diffing two schema files. */
const VERSION_QUESTION = /^SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\), current_setting\('server_version_num'\)::integer/;

class OfflinePool extends pg.Pool {
  override query(config: unknown): never {
    const text = typeof config === 'string' ? config : ((config as { text?: string })?.text ?? '');
    if (VERSION_QUESTION.test(text)) {
      return Promise.resolve({
        fields: [
          { name: 'exists', dataTypeID: 16 },
          { name: 'version', dataTypeID: TEXT_OID },
          { name: 'numeric_version', dataTypeID: 23 },
        ],
        rows: [[true, 'PostgreSQL 15 (offline: schema files only)', 150000]],
        rowCount: 1,
      }) as never;
    }
    return Promise.reject(new Error(`The offline PostgreSQL adapter only diffs schema files; this command needs a database (set DATABASE_URL to a postgres:// URL). Query: ${text.slice(0, 80)}`)) as never;
  }

  override connect(): never {
    return Promise.reject(new Error('The offline PostgreSQL adapter only diffs schema files; this command needs a database (set DATABASE_URL to a postgres:// URL).')) as never;
  }
}

export function offlinePostgresAdapter(): PrismaPg {
  return new PrismaPg(new OfflinePool());
}
