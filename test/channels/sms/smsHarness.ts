/**
 * The SMS channel on a fresh database with the demo accounts: the bot from buildBot (same wiring
 * as the server), an InProcessAdapter for SMS turns, the HTTP server with the SMS routes and the
 * dev page, listening on a random loopback port, plus helpers to post (signed) Twilio webhooks and
 * to build outbox workers.
 */
import { CloudAdapter } from 'botbuilder';
import twilio from 'twilio';
import { buildBot, type BotParts } from '../../../src/app.ts';
import { InProcessAdapter } from '../../../src/bot/inProcessAdapter.ts';
import { registerDevSmsPage } from '../../../src/channels/sms/devSmsPage.ts';
import { OutboxWorker, type OutboxWorkerOptions } from '../../../src/channels/sms/outboxWorker.ts';
import { ConsoleSmsProvider, smsFromNumber, type SmsProvider } from '../../../src/channels/sms/providers.ts';
import { SmsDeliverer } from '../../../src/channels/sms/smsDeliverer.ts';
import { registerSmsRoutes, smsSenderFrom, type SmsRouteDeps } from '../../../src/channels/sms/smsWebhook.ts';
import { loadConfig, type Config } from '../../../src/config.ts';
import type { OutboxMessage } from '../../../src/db/generated/client.ts';
import { createHttpServer, type HttpServer } from '../../../src/http/server.ts';
import { seedDemoDataIfEmpty } from '../../../src/import/demoData.ts';
import { createLogger } from '../../../src/logger.ts';
import type { OutboxDeliverer } from '../../../src/outbox/outbox.ts';
import { TestClock } from '../../helpers/conversation.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testDatabase.ts';

export const PUBLIC_URL = 'https://bot.example.test';
export const AUTH_TOKEN = 'test-twilio-auth-token-0123456789abcdef';
export const OUR_NUMBER = '+14045550100';
export const MARIA_PHONE = '+14045550101';

/** A web deliverer that records what it was asked to deliver (the web engineer provides the real one). */
export class RecordingWebDeliverer implements OutboxDeliverer {
  readonly channel = 'web' as const;
  readonly delivered: OutboxMessage[] = [];
  async deliver(message: OutboxMessage) {
    this.delivered.push(message);
    return { providerRef: `web-${message.id}` };
  }
}

export interface SmsHarness {
  config: Config;
  database: TestDatabase;
  db: TestDatabase['db'];
  parts: BotParts;
  adapter: InProcessAdapter;
  http: HttpServer;
  baseUrl: string;
  clock: TestClock;
  provider: SmsProvider;
  web: RecordingWebDeliverer;
  deliverer: SmsDeliverer;
  /** An outbox worker on this database (options override the defaults). */
  worker(options?: Partial<OutboxWorkerOptions>): OutboxWorker;
  /** POSTs a Twilio-style inbound text; signed correctly unless `signature` says otherwise. */
  postSms(fields: { From: string; Body: string; MessageSid?: string; To?: string }, signature?: 'valid' | 'none' | 'wrong' | string): Promise<Response>;
  close(): Promise<void>;
}

let sidCounter = 0;
export function newMessageSid(): string {
  sidCounter += 1;
  return `SM${Date.now().toString(16)}${sidCounter.toString(16).padStart(8, '0')}`.padEnd(34, '0');
}

export async function startSmsHarness(env: Record<string, string> = {}, options: { provider?: SmsProvider } = {}): Promise<SmsHarness> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    PUBLIC_URL,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM_NUMBER: OUR_NUMBER,
    ...env,
  });
  await seedDemoDataIfEmpty(database.db, config.IDENTITY_HASH_KEY);
  const logger = createLogger('silent');
  const clock = new TestClock(new Date());
  const parts = buildBot({ config, db: database.db, logger, now: clock.now });
  const adapter = new InProcessAdapter(parts.middleware, (context) => parts.bot.run(context));
  const deps: SmsRouteDeps = { config, db: database.db, logger, adapter };
  const http = createHttpServer({
    db: database.db,
    logger,
    adapter: new CloudAdapter(),
    bot: parts.bot,
    routes: [(server) => registerSmsRoutes(server, deps), (server) => registerDevSmsPage(server, deps)],
  });
  const baseUrl = await http.listen(0, '127.0.0.1');
  const provider = options.provider ?? new ConsoleSmsProvider();
  const web = new RecordingWebDeliverer();
  const deliverer = new SmsDeliverer({ db: database.db, provider, from: smsFromNumber(config), sender: smsSenderFrom(config) });

  return {
    config,
    database,
    db: database.db,
    parts,
    adapter,
    http,
    baseUrl,
    clock,
    provider,
    web,
    deliverer,
    worker(overrides = {}) {
      return new OutboxWorker({
        db: database.db,
        logger,
        deliverers: { sms: deliverer, web },
        smsWeeklyCap: config.SMS_WEEKLY_CAP,
        backoffBaseMs: 1000,
        ...overrides,
      });
    },
    async postSms(fields, signature = 'valid') {
      const params: Record<string, string> = {
        ToCountry: 'US',
        SmsMessageSid: fields.MessageSid ?? '',
        NumMedia: '0',
        MessageSid: fields.MessageSid ?? newMessageSid(),
        AccountSid: 'AC00000000000000000000000000000000',
        From: fields.From,
        To: fields.To ?? OUR_NUMBER,
        Body: fields.Body,
        NumSegments: '1',
        ApiVersion: '2010-04-01',
      };
      params.SmsMessageSid = params.MessageSid!;
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (signature === 'valid') headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/api/sms`, params);
      else if (signature === 'wrong') headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature('some-other-token', `${PUBLIC_URL}/api/sms`, params);
      else if (signature !== 'none') headers['x-twilio-signature'] = signature;
      return fetch(`${baseUrl}/api/sms`, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
    },
    async close() {
      await http.drain(2_000);
      await database.close();
    },
  };
}

/** Every outbox row to a phone, oldest first. */
export async function outboxTo(harness: SmsHarness, phone: string) {
  return harness.db.outboxMessage.findMany({ where: { to: phone }, orderBy: { createdAt: 'asc' } });
}
