import { ConfigError, loadConfig, type Config } from '../config.ts';
import { migrateDatabase, openDatabase, type Db } from '../db/database.ts';

/**
 * The configuration and the database at DATABASE_URL, migrated first, for a command-line tool.
 * Throws ConfigError (one line per bad variable) before touching the database.
 */
export async function openConfiguredDatabase(env: NodeJS.ProcessEnv): Promise<{ config: Config; db: Db }> {
  const config = loadConfig(env);
  await migrateDatabase(config.DATABASE_URL);
  return { config, db: await openDatabase(config.DATABASE_URL) };
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
