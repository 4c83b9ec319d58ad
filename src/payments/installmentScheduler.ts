/**
 * The installment scheduler: durable and database-backed, safe to run in several processes at once.
 *
 * Each run (runOnce):
 * 1. refunds duplicate payments (Payment.status 'refund_due', see ledger.applySucceededPayment);
 * 2. queues reminders a few days before due dates (outbox kind 'reminder', one per installment);
 * 3. claims due installments with a lease — a conditional update sets status 'processing' and
 *    lockedUntil only if nobody holds it, so two instances never both claim one — and charges each
 *    off-session with the idempotency key plan:<planId>:inst:<seq>:attempt:<n>. The attempt number
 *    only moves once an attempt's outcome is recorded, so a run that dies after charging and before
 *    recording is retried (when its lease runs out) with the same key: Stripe answers with the same
 *    PaymentIntent and nothing is charged twice.
 *
 * Outcomes: paid (receipt queued); soft decline → retry later with backoff, up to the configured
 * attempts; authentication required, hard decline or retries used up → missed, and the debtor gets a
 * link to pay that installment (the card used there replaces the saved one); after the creditor
 * policy's missedPaymentsBeforeDelinquent misses in a row the plan is 'delinquent' and queued for an
 * officer. Only active plans with a recorded authorization (DESIGN 11) and a saved card are charged,
 * and nothing is charged or sent while collection on the account is paused.
 */
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { CollectorInfo } from '../messages/catalogue.ts';
import { catalogueOn } from '../messages/smsShort.ts';
import { DEMO_CARD, DEMO_CARD_AUTHENTICATION } from './demoGateway.ts';
import type { OffSessionChargeResult, PaymentGateway } from './gateway.ts';
import {
  applyOffSessionFailure,
  applySucceededPayment,
  checkoutDescription,
  collectionPaused,
  COLLECTION_ALLOWED,
  debtorDestination,
  formatAmount,
  formatDueDate,
  markRefunded,
  recordPendingPayment,
  type LedgerContext,
} from './ledger.ts';
import { DEFAULT_PAYMENT_SETTINGS, type PaymentSettings } from './settings.ts';
import { inTransaction, retryBusy } from '../db/transactions.ts';
import { enqueueMessage } from '../outbox/outbox.ts';
import { PeriodicLoop } from '../workers/periodicLoop.ts';

export interface InstallmentSchedulerDeps {
  db: Db;
  gateway: PaymentGateway;
  logger: Logger;
  collector: CollectorInfo;
  /** Base of the pay links in failed-payment notices: PUBLIC_URL, or where the server listens. */
  publicBaseUrl: () => string;
  /** From paymentSettingsFrom(config); missing fields take the defaults. */
  settings?: Partial<PaymentSettings>;
  /** The clock for start(); runOnce(now) takes its own. */
  now?: () => Date;
}

export interface SchedulerRunResult {
  refunded: number;
  reminded: number;
  claimed: number;
  charged: number;
  pending: number;
  retryScheduled: number;
  missed: number;
  unknown: number;
  delinquent: number;
}

/** Installments ready to charge: due, or due for a retry, or claimed by a run whose lease ran out. */
function dueFilter(now: Date, gateway: PaymentGateway) {
  return {
    plan: {
      status: 'active',
      // DESIGN 11: never without the debtor's recorded yes.
      authorizedAt: { not: null },
      authorizationText: { not: null },
      gatewayCustomerId: { not: null },
      // Only cards saved through the gateway in use (demo cards are never sent to Stripe, nor the reverse).
      gatewayPaymentMethodId: gateway.provider === 'demo' ? { in: [DEMO_CARD, DEMO_CARD_AUTHENTICATION] } : { not: null, notIn: [DEMO_CARD, DEMO_CARD_AUTHENTICATION] },
      account: COLLECTION_ALLOWED,
    },
    OR: [
      { status: 'scheduled', dueDate: { lte: now }, OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
      { status: 'failed', nextAttemptAt: { lte: now } },
      { status: 'processing', lockedUntil: { lt: now } },
    ],
  };
}

const DAY_MS = 24 * 60 * 60_000;

export class InstallmentScheduler {
  private readonly db: Db;
  private readonly gateway: PaymentGateway;
  private readonly logger: Logger;
  private readonly settings: PaymentSettings;
  private readonly ledger: LedgerContext;
  private readonly clock: () => Date;
  private readonly loop: PeriodicLoop;

  constructor(deps: InstallmentSchedulerDeps) {
    this.db = deps.db;
    this.gateway = deps.gateway;
    this.logger = deps.logger.child({ component: 'installment-scheduler' });
    this.settings = { ...DEFAULT_PAYMENT_SETTINGS, ...deps.settings };
    this.ledger = { collectorName: deps.collector.name, publicBaseUrl: deps.publicBaseUrl };
    this.clock = deps.now ?? (() => new Date());
    this.loop = new PeriodicLoop(() => this.runOnce(this.clock()), this.settings.intervalMs, (error) => this.logger.error({ err: error }, 'scheduler run failed'));
  }

  /** Runs every settings.intervalMs (first run right away) until stop(); runs never overlap. */
  start(): void {
    this.loop.start();
  }

  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  async runOnce(now: Date = this.clock()): Promise<SchedulerRunResult> {
    const result: SchedulerRunResult = { refunded: 0, reminded: 0, claimed: 0, charged: 0, pending: 0, retryScheduled: 0, missed: 0, unknown: 0, delinquent: 0 };
    result.refunded = await this.refundDuplicates(now);
    result.reminded = await this.sendReminders(now);
    // One at a time: claim, charge, record — so each lease covers one charge, and several instances
    // share the work. Each lease starts when its claim is made: `now` plus the time the run has taken.
    const runStarted = Date.now();
    for (let i = 0; i < this.settings.batchSize; i++) {
      const installmentId = await this.claimNext(now, Date.now() - runStarted);
      if (!installmentId) break;
      result.claimed += 1;
      try {
        await this.charge(installmentId, now, result);
      } catch (error) {
        // The lease runs out and a later run retries with the same idempotency key.
        this.logger.error({ err: error, installmentId }, 'could not process a claimed installment');
      }
    }
    if (result.claimed || result.reminded || result.refunded) this.logger.info({ ...result }, 'scheduler run');
    return result;
  }

  /** Claims the next due installment (status 'processing', lockedUntil = now + elapsed + lease), or null. */
  async claimNext(now: Date, elapsedMs = 0): Promise<string | null> {
    const where = dueFilter(now, this.gateway);
    const lockedUntil = new Date(now.getTime() + elapsedMs + this.settings.leaseMs);
    for (;;) {
      const candidates = await this.db.installment.findMany({ where, orderBy: [{ dueDate: 'asc' }, { seq: 'asc' }], take: 5, select: { id: true } });
      if (candidates.length === 0) return null;
      for (const { id } of candidates) {
        // Conditional: only one instance's update matches while the installment is claimable.
        const { count } = await retryBusy(() => this.db.installment.updateMany({ where: { id, ...where }, data: { status: 'processing', lockedUntil } }));
        if (count === 1) return id;
      }
      // Every candidate was taken by another instance meanwhile: look again.
    }
  }

  private async charge(installmentId: string, now: Date, result: SchedulerRunResult): Promise<void> {
    const installment = await this.db.installment.findUnique({ where: { id: installmentId }, include: { plan: { include: { account: true } } } });
    if (!installment) return;
    const { plan } = installment;
    const { account } = plan;
    const customerId = plan.gatewayCustomerId;
    const paymentMethodId = plan.gatewayPaymentMethodId;
    if (plan.status !== 'active' || !plan.authorizedAt || !plan.authorizationText || !customerId || !paymentMethodId || collectionPaused(account)) {
      // Changed since the claim: give it back untouched.
      await this.db.installment.updateMany({
        where: { id: installment.id, status: 'processing' },
        data: { status: installment.attempts > 0 ? 'failed' : 'scheduled', lockedUntil: null },
      });
      return;
    }
    const attempt = installment.attempts + 1;
    const idempotencyKey = `plan:${plan.id}:inst:${installment.seq}:attempt:${attempt}`;
    const charge: OffSessionChargeResult = await this.gateway.chargeOffSession({
      amount: installment.amount,
      currency: plan.currency,
      customerId,
      paymentMethodId,
      idempotencyKey,
      description: checkoutDescription(account, 'installment', this.ledger.collectorName),
      metadata: { source: 'installment_scheduler', accountId: account.id, planId: plan.id, installmentId: installment.id, attempt: String(attempt) },
    });
    const log = this.logger.child({ planId: plan.id, installmentId: installment.id, seq: installment.seq, attempt });

    switch (charge.outcome) {
      case 'succeeded': {
        const applied = await inTransaction(this.db, (tx) =>
          applySucceededPayment(
            tx,
            {
              provider: this.gateway.provider,
              providerRef: charge.paymentIntentId,
              amount: charge.amount,
              currency: charge.currency,
              metadata: { source: 'installment_scheduler', accountId: account.id, planId: plan.id, installmentId: installment.id },
              customerId: null,
              paymentMethodId: null,
              now,
            },
            this.ledger,
          ),
        );
        if (applied.status === 'ignored') log.error({ reason: applied.reason }, 'charged installment could not be recorded');
        result.charged += 1;
        return;
      }
      case 'processing': {
        await inTransaction(this.db, async (tx) => {
          await recordPendingPayment(tx, {
            provider: this.gateway.provider,
            providerRef: charge.paymentIntentId,
            amount: installment.amount,
            currency: plan.currency,
            metadata: { source: 'installment_scheduler', accountId: account.id, planId: plan.id, installmentId: installment.id },
          });
          // Stays 'processing' without a lease: the webhook reports the end; no scheduler reclaims it.
          await tx.installment.updateMany({ where: { id: installment.id, status: 'processing' }, data: { lockedUntil: null } });
        });
        result.pending += 1;
        return;
      }
      case 'unknown': {
        // Not known whether money moved: try again soon with the same attempt number, hence the same key.
        await retryBusy(() =>
          this.db.installment.updateMany({
            where: { id: installment.id, status: 'processing', attempts: installment.attempts },
            data: { status: 'failed', nextAttemptAt: new Date(now.getTime() + this.settings.unknownRetryMs), lockedUntil: null },
          }),
        );
        result.unknown += 1;
        return;
      }
      case 'authentication_required':
      case 'declined': {
        const kind = charge.outcome === 'authentication_required' ? 'authentication_required' : charge.retryable ? 'soft' : 'hard';
        const applied = await inTransaction(this.db, (tx) =>
          applyOffSessionFailure(
            tx,
            {
              provider: this.gateway.provider,
              providerRef: charge.paymentIntentId,
              installmentId: installment.id,
              attempt,
              kind,
              code: charge.code,
              now,
              maxAttempts: this.settings.maxAttempts,
              retryBaseMs: this.settings.retryBaseMs,
            },
            this.ledger,
            log,
          ),
        );
        if (applied.outcome === 'retry_scheduled') result.retryScheduled += 1;
        if (applied.outcome === 'missed') result.missed += 1;
        if (applied.delinquent) result.delinquent += 1;
        if (!applied.applied) {
          // Another path (the webhook) recorded this attempt first; just make sure the lease is gone.
          await this.db.installment.updateMany({ where: { id: installment.id, status: 'processing', attempts: { gte: attempt } }, data: { lockedUntil: null } });
        }
        return;
      }
    }
  }

  private async sendReminders(now: Date): Promise<number> {
    if (this.settings.reminderDays <= 0) return 0;
    const horizon = new Date(now.getTime() + this.settings.reminderDays * DAY_MS);
    const due = await this.db.installment.findMany({
      where: {
        status: 'scheduled',
        remindedAt: null,
        dueDate: { gt: now, lte: horizon },
        plan: { ...dueFilter(now, this.gateway).plan, account: { ...COLLECTION_ALLOWED, ceaseCommunication: false } },
      },
      include: { plan: { include: { account: true } } },
      orderBy: { dueDate: 'asc' },
      take: this.settings.batchSize,
    });
    let sent = 0;
    for (const installment of due) {
      const { plan } = installment;
      const { account } = plan;
      const queued = await inTransaction(this.db, async (tx) => {
        const claimed = await tx.installment.updateMany({ where: { id: installment.id, remindedAt: null }, data: { remindedAt: now } });
        if (claimed.count !== 1) return false;
        const destination = await debtorDestination(tx, account, plan.conversationId);
        if (!destination) return false;
        const text = catalogueOn(destination.channel, 'payments', account.language);
        const body = text.reminder({ amount: formatAmount(installment.amount, plan.currency, text), date: formatDueDate(installment.dueDate, text) });
        await enqueueMessage(tx, {
          channel: destination.channel,
          to: destination.to,
          conversationId: destination.conversationId,
          accountId: account.id,
          kind: 'reminder',
          body: destination.channel === 'web' ? `${body}\n\n${text.webSignature(this.ledger.collectorName)}` : body,
          botInitiated: true,
          notBefore: now,
          dedupeKey: `reminder:${installment.id}`,
        });
        return true;
      });
      if (queued) sent += 1;
    }
    return sent;
  }

  private async refundDuplicates(now: Date): Promise<number> {
    const due = await this.db.payment.findMany({
      where: { status: 'refund_due', provider: this.gateway.provider, providerRef: { not: null } },
      take: this.settings.batchSize,
      orderBy: { createdAt: 'asc' },
    });
    let refunded = 0;
    for (const payment of due) {
      const providerRef = payment.providerRef as string;
      try {
        await this.gateway.refund(providerRef, `refund:${providerRef}`);
      } catch (error) {
        this.logger.error({ err: error, paymentId: payment.id }, 'refund of a duplicate payment failed; will retry');
        continue;
      }
      if (await inTransaction(this.db, (tx) => markRefunded(tx, payment.id, now, this.ledger))) refunded += 1;
    }
    return refunded;
  }
}
