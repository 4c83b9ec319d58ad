import { createApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from './testDatabase.ts';

export interface RunningApp {
  app: App;
  baseUrl: string;
  config: Config;
  database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * The whole service on a fresh database, listening on a random loopback port — or, with
 * `sharing`, another instance on that app's database (its own client; stopping it keeps the database).
 */
export async function startTestApp(env: Record<string, string> = {}, options: { sharing?: RunningApp } = {}): Promise<RunningApp> {
  const database = options.sharing ? await secondClient(options.sharing.database) : await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url, ...env });
  const app = createApp({ config, db: database.db, logger: createLogger(config.LOG_LEVEL) });
  const baseUrl = await app.listen(0, '127.0.0.1');
  return {
    app,
    baseUrl,
    config,
    database,
    async stop() {
      app.console.closeStreams();
      await app.http.drain(2_000);
      await database.close();
    },
  };
}

/** Another client of `database` (another instance's), closed without dropping the database. */
async function secondClient(database: TestDatabase): Promise<TestDatabase> {
  const db = await openDatabase(database.url, { poolSize: 5, lockConnections: 10 });
  return { db, url: database.url, close: () => db.$disconnect() };
}
