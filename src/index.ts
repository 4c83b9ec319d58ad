import { existsSync } from 'node:fs';
import { createApp } from './app.ts';
import { ConfigError, DEV_IDENTITY_HASH_KEY, loadConfig } from './config.ts';
import { coordinationOf } from './db/coordination.ts';
import { databaseKindOf, openDatabaseForService } from './db/database.ts';
import { seedDemoDataIfEmpty } from './import/demoData.ts';
import { seedDemoOfficersIfNone } from './officer/demoOfficers.ts';
import { createLogger } from './logger.ts';
import { botEndpointMode } from './http/botEndpoint.ts';

/** Composition root: config -> database -> services -> adapters -> HTTP server. */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  if (config.IDENTITY_HASH_KEY === DEV_IDENTITY_HASH_KEY) {
    logger.warn('IDENTITY_HASH_KEY is not set: using the development key. Set it before importing real accounts.');
  }

  // SQLite migrates itself here; PostgreSQL refuses to start while migrations are pending.
  const db = await openDatabaseForService(config.DATABASE_URL, { logger, poolSize: config.DATABASE_POOL_SIZE, lockConnections: config.DATABASE_LOCK_CONNECTIONS });
  if (config.DEMO_DATA) {
    // Instances starting together on an empty database: one imports, the others find it done.
    await coordinationOf(db).withLock('demo-data', async () => {
      await seedDemoDataIfEmpty(db, config.IDENTITY_HASH_KEY, logger);
      if (config.NODE_ENV !== 'production' && (await seedDemoOfficersIfNone(db))) {
        logger.info('Demo console accounts created (see the README); create real ones with npm run officer:add');
      }
    });
  }

  const app = createApp({ config, db, logger });
  const url = await app.listen(config.PORT, config.HOST);
  app.scheduler.start();
  app.outboxWorker.start();
  app.noticeSweep.start();
  logger.info({ url, database: databaseKindOf(config.DATABASE_URL) }, 'debt bot listening');
  const botEndpointOn = botEndpointMode(config) !== 'off';
  if (!botEndpointOn) logger.info('POST /api/messages is off: set MICROSOFT_APP_ID (and its password) to serve Bot Framework channels');
  console.log(`Debt bot is running: open ${url} to chat (health: ${url}/healthz${botEndpointOn ? `, bot endpoint: ${url}/api/messages` : ''}${config.SMS_PROVIDER === 'console' && config.NODE_ENV !== 'production' ? `, SMS playground: ${url}/dev/sms` : ''}, officer console: ${url}/officer)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight turns');
    app.console.closeStreams();
    await app.http.drain(10_000);
    await app.scheduler.stop();
    await app.outboxWorker.stop();
    await app.noticeSweep.stop();
    await db.$disconnect();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // A configuration problem is one clear line per variable; anything else says start-up failed.
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Start-up failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
