/** Which database a DATABASE_URL names: SQLite (`file:…`) or PostgreSQL (`postgres://` / `postgresql://`). */
export type DatabaseKind = 'sqlite' | 'postgres';

export const POSTGRES_URL = /^postgres(?:ql)?:\/\/.+/i;
export const SQLITE_URL = /^file:.+/;

export function databaseKindOf(url: string): DatabaseKind {
  if (POSTGRES_URL.test(url)) return 'postgres';
  if (SQLITE_URL.test(url)) return 'sqlite';
  throw new Error('DATABASE_URL must be a SQLite URL such as file:./data/bot.db or a PostgreSQL URL such as postgres://user:password@host:5432/debtbot');
}
