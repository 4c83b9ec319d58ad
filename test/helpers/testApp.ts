import { createApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase, type TestDatabase } from './testDatabase.ts';

export interface RunningApp {
  app: App;
  baseUrl: string;
  config: Config;
  database: TestDatabase;
  stop(): Promise<void>;
}

/** The whole service on a fresh database, listening on a random loopback port. */
export async function startTestApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const database = await createTestDatabase();
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
