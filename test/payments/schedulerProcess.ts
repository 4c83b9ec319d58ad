/**
 * One installment-scheduler run in its own process — a second instance of the service sharing the
 * database — for the concurrency test. Usage:
 *   node --import tsx test/payments/schedulerProcess.ts <database url> <fake stripe port> <secret key> <now ISO> [start at, epoch ms]
 * Waits until the start time (so two processes start together), runs once, prints the result as JSON.
 */
import { openDatabase } from '../../src/db/database.ts';
import { createLogger } from '../../src/logger.ts';
import { InstallmentScheduler } from '../../src/payments/installmentScheduler.ts';
import { StripeGateway } from '../../src/payments/stripeGateway.ts';

const [url, port, secretKey, now, startAt] = process.argv.slice(2);
if (!url || !port || !secretKey || !now) throw new Error('usage: schedulerProcess.ts <database url> <port> <secret key> <now>');
const logger = createLogger('silent');
const db = await openDatabase(url);
const gateway = new StripeGateway({ secretKey, webhookSecret: 'unused', host: '127.0.0.1', port: Number(port), protocol: 'http', logger });
const scheduler = new InstallmentScheduler({
  db,
  gateway,
  logger,
  collector: { name: 'Summit Recovery Services', address: '', phone: '', hours: '' },
  publicBaseUrl: () => 'https://chat.example.test',
});
const wait = Number(startAt ?? 0) - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
const result = await scheduler.runOnce(new Date(now));
await db.$disconnect();
process.stdout.write(JSON.stringify(result));
