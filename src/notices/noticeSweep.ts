/**
 * The validation-notice sweep (DESIGN 3, 19, Reg F 1006.34(a)): the validation information is due in
 * the initial communication or within five days after it. A debtor who was shown the debt-collector
 * disclosure and left before answering the E-SIGN question has neither an electronic notice nor a
 * mailed one; nor has an account whose first outreach text or email left just before a crash (the
 * outbox's after-send step requests it at once otherwise). Once the latest disclosure is older than a grace period (so a debtor still answering
 * is not pre-empted), each run requests the notice by mail for them (actor 'system'), which the
 * mailing process picks up.
 *
 * Idempotent and safe in several processes: a request fixes Account.validationPeriodEndsAt, so the
 * account is no longer a candidate, and ensureValidationNoticeOnTheWay re-checks inside its
 * transaction.
 */
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { ensureValidationNoticeOnTheWay } from './notices.ts';
import { PeriodicLoop } from '../workers/periodicLoop.ts';

export interface NoticeSweepOptions {
  db: Db;
  logger: Logger;
  /** How long after the disclosure a debtor may still be answering. Default 30 minutes. */
  graceMs?: number;
  /** Pause between runs when started. Default 5 minutes. */
  intervalMs?: number;
  /** Accounts per run. Default 100. */
  batchSize?: number;
  /** The clock for start(); runOnce(now) takes its own. */
  now?: () => Date;
}

export class NoticeSweep {
  private readonly db: Db;
  private readonly logger: Logger;
  private readonly graceMs: number;
  private readonly batchSize: number;
  private readonly now: () => Date;
  private readonly loop: PeriodicLoop;

  constructor(options: NoticeSweepOptions) {
    this.db = options.db;
    this.logger = options.logger.child({ component: 'notice-sweep' });
    this.graceMs = options.graceMs ?? 30 * 60_000;
    this.batchSize = options.batchSize ?? 100;
    this.now = options.now ?? (() => new Date());
    this.loop = new PeriodicLoop(() => this.runOnce(), options.intervalMs ?? 5 * 60_000, (error) => this.logger.error({ err: error }, 'notice sweep failed'));
  }

  /** Runs now and then every interval after the previous run ends, until stop(). */
  start(): void {
    this.loop.start();
  }

  /** Stops the loop and waits for the run in progress to finish. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One run at instant `now`: a mailed-notice request for each account past the grace period. */
  async runOnce(now: Date = this.now()): Promise<{ requested: number }> {
    const cutoff = new Date(now.getTime() - this.graceMs);
    const candidates = await this.db.account.findMany({
      where: {
        validationPeriodEndsAt: null,
        OR: [
          {
            // A disclosure shown again (the debtor verified again) restarts the wait.
            auditEvents: {
              some: { type: 'disclosure.shown', createdAt: { lte: cutoff } },
              none: { type: 'disclosure.shown', createdAt: { gt: cutoff } },
            },
          },
          // A first text or email we started (outreach) whose after-send step did not run.
          { firstContactAt: { lte: cutoff } },
        ],
      },
      select: {
        id: true,
        auditEvents: { where: { type: 'disclosure.shown' }, orderBy: { createdAt: 'desc' }, take: 1, select: { conversationId: true, detailJson: true } },
      },
      take: this.batchSize,
    });
    let requested = 0;
    for (const account of candidates) {
      const disclosure = account.auditEvents[0];
      const { channel } = JSON.parse(disclosure?.detailJson ?? '{"channel":"outreach"}') as { channel?: unknown };
      const made = await ensureValidationNoticeOnTheWay(this.db, {
        accountId: account.id,
        channel: typeof channel === 'string' ? channel : 'unknown',
        conversationId: disclosure?.conversationId,
        now,
      });
      if (made) requested += 1;
    }
    if (requested > 0) this.logger.info({ requested }, 'validation notices requested by mail for debtors who left before answering');
    return { requested };
  }
}
