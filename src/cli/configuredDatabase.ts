import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openDatabaseForService, type Db } from '../db/database.ts';

/**
 * The configuration and the database at DATABASE_URL, for a command-line tool: SQLite is migrated
 * first; PostgreSQL must have been migrated (`npm run db:migrate`). Throws ConfigError (one line per
 * bad variable) before touching the database.
 */
export async function openConfiguredDatabase(env: NodeJS.ProcessEnv): Promise<{ config: Config; db: Db }> {
  const config = loadConfig(env);
  return { config, db: await openDatabaseForService(config.DATABASE_URL, { poolSize: 2, lockConnections: 2 }) };
}

/** openConfiguredDatabase for a command: a bad configuration is written to `err` (one line per variable) and gives null. */
export async function openDatabaseForCommand(env: NodeJS.ProcessEnv, err: (line: string) => void): Promise<Db | null> {
  try {
    return (await openConfiguredDatabase(env)).db;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err(error.message);
    return null;
  }
}
