import type { Config } from '../config.ts';

/** Installment charging and reminders (from PAYMENT_REMINDER_DAYS, INSTALLMENT_*, SCHEDULER_INTERVAL_SECONDS, WORK_LEASE_SECONDS). */
export interface PaymentSettings {
  /** Reminder this many days before a due date; 0 = none. */
  reminderDays: number;
  /** Attempts per installment before soft declines count as a miss. */
  maxAttempts: number;
  /** Wait before the first retry after a soft decline; doubles with each retry. */
  retryBaseMs: number;
  /** Scheduler period. */
  intervalMs: number;
  /** How long a claimed installment stays locked to one scheduler (must outlast a charge call with its retries). */
  leaseMs: number;
  /** Retry delay when the gateway gave no answer (same idempotency key, well inside Stripe's 24-hour key lifetime). */
  unknownRetryMs: number;
  /** Installments (and reminders, refunds) handled per run. */
  batchSize: number;
}

export const DEFAULT_PAYMENT_SETTINGS: Readonly<PaymentSettings> = {
  reminderDays: 3,
  maxAttempts: 3,
  retryBaseMs: 24 * 60 * 60_000,
  intervalMs: 60_000,
  leaseMs: 5 * 60_000,
  unknownRetryMs: 10 * 60_000,
  batchSize: 50,
};

export function paymentSettingsFrom(config: Config): PaymentSettings {
  return {
    ...DEFAULT_PAYMENT_SETTINGS,
    reminderDays: config.PAYMENT_REMINDER_DAYS,
    maxAttempts: config.INSTALLMENT_MAX_ATTEMPTS,
    retryBaseMs: config.INSTALLMENT_RETRY_HOURS * 60 * 60_000,
    intervalMs: config.SCHEDULER_INTERVAL_SECONDS * 1000,
    leaseMs: config.WORK_LEASE_SECONDS * 1000,
  };
}
