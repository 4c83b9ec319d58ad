/**
 * One outbox worker pass in its own process (for the two-processes lease test): the real twilio
 * client against the fake Twilio server. Env: DATABASE_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,
 * TWILIO_API_BASE_URL, NOW (ISO instant of the pass), START_AT (epoch ms to wait for, so that
 * several processes run their passes at the same time). Prints the pass result as JSON.
 */
import { OutboxWorker } from '../../../src/channels/sms/outboxWorker.ts';
import { TwilioSmsProvider } from '../../../src/channels/sms/providers.ts';
import { SmsDeliverer } from '../../../src/channels/sms/smsDeliverer.ts';
import { openDatabase } from '../../../src/db/database.ts';
import { createLogger } from '../../../src/logger.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const db = await openDatabase(env('DATABASE_URL'));
const provider = new TwilioSmsProvider({ accountSid: env('TWILIO_ACCOUNT_SID'), authToken: env('TWILIO_AUTH_TOKEN'), apiBaseUrl: env('TWILIO_API_BASE_URL') });
const worker = new OutboxWorker({
  db,
  logger: createLogger('silent'),
  deliverers: {
    sms: new SmsDeliverer({ db, provider, from: '+14045550100', sender: { name: 'Summit Recovery Services', helpPhone: '+1 (800) 555-0100', weeklyCap: 7 } }),
    web: {
      channel: 'web',
      deliver: async () => {
        throw new Error('no web deliverer in this process');
      },
    },
  },
  batchSize: 100,
});
const wait = Number(env('START_AT')) - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
const result = await worker.runOnce(new Date(env('NOW')));
await db.$disconnect();
process.stdout.write(JSON.stringify(result));
