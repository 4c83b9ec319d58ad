/**
 * Opens the PostgreSQL database: one pg pool shared by Prisma (through @prisma/adapter-pg) and by
 * the coordination (NOTIFY, rate limits), plus the coordination's own lock pool and LISTEN
 * connection. The client is the one generated from prisma/postgres/schema.prisma; its model API is
 * the same as the SQLite client's, so it is handed out as `Db`. `$disconnect()` closes everything.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Db, DatabaseOptions } from '../database.ts';
import { PrismaClient as PostgresPrismaClient } from './generated/client.ts';
import { PostgresCoordination } from './coordination.ts';
import { releaseOnFailedCommit } from './releaseOnFailedCommit.ts';

export async function openPostgresDatabase(url: string, options: DatabaseOptions): Promise<{ db: Db; pool: pg.Pool; coordination: PostgresCoordination }> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'an idle PostgreSQL connection failed'));
  const coordination = new PostgresCoordination({ pool, connectionString: url, lockConnections: options.lockConnections ?? 20, logger: options.logger });
  const client = new PostgresPrismaClient({ adapter: releaseOnFailedCommit(new PrismaPg(pool)) });
  const disconnect = client.$disconnect.bind(client);
  let closing: Promise<void> | undefined;
  client.$disconnect = () =>
    (closing ??= (async () => {
      await disconnect();
      await coordination.close();
      await pool.end();
    })());
  return { db: client as unknown as Db, pool, coordination };
}
