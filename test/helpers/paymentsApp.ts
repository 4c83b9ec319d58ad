import { collectorFrom, createApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import { createLogger } from '../../src/logger.ts';
import { InstallmentScheduler, paymentSettingsFrom, type PaymentGateway, type PaymentSettings } from '../../src/payments/index.ts';
import { createTestDatabase, type TestDatabase } from './testDatabase.ts';

export interface PaymentsTestApp {
  app: App;
  baseUrl: string;
  config: Config;
  database: TestDatabase;
  db: Db;
  gateway: PaymentGateway;
  /** A scheduler on this app's database and gateway (override either for multi-instance tests). */
  scheduler(options?: { gateway?: PaymentGateway; db?: Db; settings?: Partial<PaymentSettings> }): InstallmentScheduler;
  stop(): Promise<void>;
}

/**
 * The whole service on a fresh database with the payment routes registered (pay links, webhook,
 * demo checkout) — the wiring the composition root does — listening on a random loopback port.
 * With `fakeStripe.env` in `env` the real StripeGateway talks to the fake; without, the demo gateway.
 */
export async function startPaymentsTestApp(env: Record<string, string> = {}): Promise<PaymentsTestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url, ...env });
  const logger = createLogger(config.LOG_LEVEL);
  const app = createApp({ config, db: database.db, logger });
  // createApp registers the payment routes with its own gateway (the demo gateway keeps its
  // sessions in memory, so tests must use that same instance).
  const publicBaseUrl = () => app.services.publicBaseUrl;
  const gateway = app.gateway;
  const settings = paymentSettingsFrom(config);
  const collector = collectorFrom(config);
  const baseUrl = await app.listen(0, '127.0.0.1');
  return {
    app,
    baseUrl,
    config,
    database,
    db: database.db,
    gateway,
    scheduler(options = {}) {
      return new InstallmentScheduler({
        db: options.db ?? database.db,
        gateway: options.gateway ?? gateway,
        logger,
        collector,
        publicBaseUrl,
        settings: { ...settings, ...options.settings },
      });
    },
    async stop() {
      await app.http.drain(2_000);
      await database.close();
    },
  };
}
