/**
 * Payments, wired in by the composition root:
 *
 *   const gateway = createPaymentGateway(config, { logger, publicBaseUrl: () => services.publicBaseUrl });
 *   registerPaymentRoutes(server, { db, logger, gateway, collector, publicBaseUrl, settings: paymentSettingsFrom(config) });
 *   const scheduler = new InstallmentScheduler({ db, gateway, logger, collector, publicBaseUrl, settings: paymentSettingsFrom(config) });
 *   scheduler.start();   // and `await scheduler.stop()` on shutdown
 */
import { ConfigError, type Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { DemoGateway } from './demoGateway.ts';
import type { PaymentGateway } from './gateway.ts';
import { StripeGateway } from './stripeGateway.ts';

export { DemoGateway } from './demoGateway.ts';
export { StripeGateway } from './stripeGateway.ts';
export type { PaymentGateway } from './gateway.ts';
export { registerPaymentRoutes, type PaymentRouteDeps } from './payRoutes.ts';
export { InstallmentScheduler, type InstallmentSchedulerDeps, type SchedulerRunResult } from './installmentScheduler.ts';
export { paymentSettingsFrom, DEFAULT_PAYMENT_SETTINGS, type PaymentSettings } from './settings.ts';

export interface GatewayDeps {
  /** The demo checkout keeps its sessions there (shared by every instance). */
  db: Db;
  logger: Logger;
  /** The address debtors' browsers reach us at (PUBLIC_URL, or where the server listens). */
  publicBaseUrl: () => string;
}

/**
 * STRIPE_SECRET_KEY set: the real Stripe (test or live keys), which needs STRIPE_WEBHOOK_SECRET.
 * Unset: the demo checkout — refused when NODE_ENV=production, because it takes no real money.
 * Throws a ConfigError whose message is one line naming the variable.
 */
export function createPaymentGateway(config: Config, deps: GatewayDeps): PaymentGateway {
  if (config.STRIPE_SECRET_KEY) {
    if (!config.STRIPE_WEBHOOK_SECRET) {
      throw new ConfigError(
        'Configuration error: STRIPE_WEBHOOK_SECRET is missing — expected the signing secret (whsec_…) of the Stripe webhook endpoint for /webhooks/stripe (required with STRIPE_SECRET_KEY)',
      );
    }
    return new StripeGateway({
      secretKey: config.STRIPE_SECRET_KEY,
      webhookSecret: config.STRIPE_WEBHOOK_SECRET,
      host: config.STRIPE_HOST,
      port: config.STRIPE_PORT,
      protocol: config.STRIPE_PROTOCOL,
      logger: deps.logger,
    });
  }
  if (config.NODE_ENV === 'production') {
    throw new ConfigError(
      'Configuration error: STRIPE_SECRET_KEY is missing — expected a Stripe secret key (required when NODE_ENV=production: the demo checkout takes no real money)',
    );
  }
  return new DemoGateway({ db: deps.db, webhookSecret: config.STRIPE_WEBHOOK_SECRET, publicBaseUrl: deps.publicBaseUrl });
}
