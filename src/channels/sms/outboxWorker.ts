/**
 * The outbox worker: a durable, database-backed loop that delivers OutboxMessage rows through the
 * channel deliverers (SMS provider, web Direct Line). Any number of workers (in one process or
 * several, on one database) can run: each message is claimed with a lease, so two workers never
 * send the same message.
 *
 * Per pass ({@link OutboxWorker.runOnce}):
 * 1. claim up to `batchSize` due messages — status "pending" with nextAttemptAt <= now, or a
 *    "sending" message whose lease ran out (its worker died) — by a compare-and-set update that sets
 *    status "sending" and lockedUntil = now + lease; a message another worker claimed first is skipped;
 * 2. any channel: a bot-initiated message to an account with a cease request or an attorney -> "cancelled";
 *    SMS and email, before every attempt:
 *    - recipient opted out (STOP; the email opt-out link) or the address bounced -> "cancelled" (the
 *      one SMS opt-out confirmation excepted);
 *    - a campaign message (kind "outreach"): its campaign paused -> "held" until resumed; the account
 *      no longer reachable on the channel (consent, flags: src/outreach/sendGate.ts) -> "cancelled";
 *    - bot-initiated and the weekly cap of the channel reached -> held: stays "pending", nextAttemptAt
 *      moves to when the oldest counted message leaves the 7-day window (deliveryStatus "held:weekly_cap");
 *    - bot-initiated outside 08:00-21:00 in every zone the debtor may be in, or at a time the debtor
 *      said is inconvenient (the placement's or their own, DESIGN 18) -> held until the next allowed
 *      moment (deliveryStatus "held:quiet_hours" / "held:inconvenient_time");
 *    - no allowed moment at all within 8 days (e.g. the debtor may be in Guam or Hawaii), or a weekly
 *      cap of 0 -> status "held": a person decides;
 *    replies to the debtor's own message (botInitiated false) skip the cap, quiet hours and preferences;
 *    a receipt for the debtor's own payment is such a reply, and outlives a later STOP (survivesOptOut);
 * 3. deliver; success -> "sent" with sentAt and providerRef; failure -> attempts + 1 and back to
 *    "pending" after an exponential backoff (base * 2^(attempts-1), capped), or "failed" after
 *    maxAttempts or a permanent error; lastError keeps the error (never the body).
 *
 * A worker that dies (killed, crashed) is noticed at once by a worker on the same machine, which
 * takes its messages over; elsewhere its leases run out. A part the carrier may have accepted just
 * before the worker died is checked with the carrier before it is sent again (SmsDeliverer), so
 * SMS parts go out once. Logs carry the outbox id, channel, kind and status — never the body or the
 * phone number.
 */
import { hostname } from 'node:os';
import { coordinationOf } from '../../db/coordination.ts';
import type { Db } from '../../db/database.ts';
import type { OutboxMessage } from '../../db/generated/client.ts';
import type { Logger } from '../../logger.ts';
import { preferencesInForce } from '../../accounts/contactTimes.ts';
import { channelRefused, nextConvenientSend, preferenceChannel } from '../../domain/contactPreference.ts';
import { nextAllowedSend, resolveZones } from '../../domain/quietHours.ts';
import type { OutboxChannel, OutboxDeliverer } from '../../outbox/outbox.ts';
import { outreachGate } from '../../outreach/sendGate.ts';
import { isEmailStopped } from '../email/recipients.ts';
import { isSmsOptedOut, survivesOptOut } from './recipients.ts';
import { PeriodicLoop } from '../../workers/periodicLoop.ts';

/** Thrown by a deliverer when the message must not go at all (e.g. the recipient opted out meanwhile). */
export class DeliveryCancelledError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DeliveryCancelledError';
  }
}

export interface OutboxWorkerOptions {
  db: Db;
  logger: Logger;
  /** One deliverer per channel: { sms: new SmsDeliverer(…), web: webDeliverer, email: new EmailDeliverer(…) }. */
  deliverers: Partial<Record<OutboxChannel, OutboxDeliverer>>;
  /** Most bot-initiated SMS per account in any 7 days (SMS_WEEKLY_CAP). Default 7. */
  smsWeeklyCap?: number;
  /** Most emails we start per account in any 7 days (EMAIL_WEEKLY_CAP). Default 7. */
  emailWeeklyCap?: number;
  /** Runs after a message is recorded as sent (the first-contact record of outreach); a failure is logged, never undoes the send. */
  afterSend?: (message: OutboxMessage, now: Date) => Promise<void>;
  /** Pause between passes when started (OUTBOX_INTERVAL_MS). Default 1000. */
  intervalMs?: number;
  /** Messages claimed per pass. Default 25. */
  batchSize?: number;
  /** How long a claim holds before another worker may take the message over. Default 5 minutes. */
  leaseMs?: number;
  /** Attempts before a message is "failed". Default 6. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt. Default 30 s. */
  backoffBaseMs?: number;
  /** Longest retry delay. Default 1 hour. */
  backoffMaxMs?: number;
  /** Clock (tests). */
  now?: () => Date;
}

export interface OutboxRunResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  cancelled: number;
  /** Held for quiet hours or the weekly cap (still pending), or "held" for a person. */
  held: number;
}

const WEEK_MS = 7 * 86_400_000;

type Gate =
  | { action: 'send' }
  | { action: 'cancel'; reason: string }
  | { action: 'defer'; until: Date; reason: 'quiet_hours' | 'inconvenient_time' | 'weekly_cap' | 'email_notice_period' }
  | { action: 'hold'; reason: string; deliveryStatus?: string };

export class OutboxWorker {
  private readonly db: Db;
  private readonly logger: Logger;
  private readonly deliverers: Partial<Record<OutboxChannel, OutboxDeliverer>>;
  private readonly weeklyCap: number;
  private readonly emailWeeklyCap: number;
  private readonly afterSend?: (message: OutboxMessage, now: Date) => Promise<void>;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly now: () => Date;
  private readonly loop: PeriodicLoop;

  constructor(options: OutboxWorkerOptions) {
    this.db = options.db;
    this.logger = options.logger;
    this.deliverers = options.deliverers;
    this.weeklyCap = options.smsWeeklyCap ?? 7;
    this.emailWeeklyCap = options.emailWeeklyCap ?? 7;
    this.afterSend = options.afterSend;
    this.batchSize = options.batchSize ?? 25;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.backoffBaseMs = options.backoffBaseMs ?? 30_000;
    this.backoffMaxMs = options.backoffMaxMs ?? 3_600_000;
    this.now = options.now ?? (() => new Date());
    this.loop = new PeriodicLoop(() => this.runOnce(), options.intervalMs ?? 1000, (error) => this.logger.error({ err: error }, 'outbox pass failed'));
  }

  /** Runs now and then every interval after the previous run ends, until stop(). */
  start(): void {
    this.loop.start();
  }

  /** Stops the loop and waits for the run in progress to finish. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** The retry delay after `attempts` failed attempts. */
  backoffMs(attempts: number): number {
    return Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  }

  /** One pass at instant `now`: claim due messages and deliver, hold or cancel each. */
  async runOnce(now: Date = this.now()): Promise<OutboxRunResult> {
    const result: OutboxRunResult = { claimed: 0, sent: 0, retrying: 0, failed: 0, cancelled: 0, held: 0 };
    await this.releaseLeasesOfDeadWorkers(now);
    const claimable = {
      OR: [
        { status: 'pending', nextAttemptAt: { lte: now } },
        { status: 'sending', lockedUntil: { lte: now } },
      ],
    };
    const candidates = await this.db.outboxMessage.findMany({
      where: claimable,
      orderBy: [{ nextAttemptAt: 'asc' }, { createdAt: 'asc' }],
      take: this.batchSize,
      select: { id: true },
    });
    // Each lease starts when its claim is made (`now` plus the time this pass has taken so far), so
    // the last message of a long pass is not claimed with a lease that has nearly run out.
    const passStarted = Date.now();
    for (const { id } of candidates) {
      const lease = new Date(now.getTime() + (Date.now() - passStarted) + this.leaseMs);
      const claim = await this.db.outboxMessage.updateMany({ where: { id, ...claimable }, data: { status: 'sending', lockedUntil: lease, lockedBy: WORKER_ID } });
      if (claim.count !== 1) continue; // another worker has it
      result.claimed += 1;
      const message = await this.db.outboxMessage.findUnique({ where: { id } });
      if (!message) continue;
      const outcome = await this.process(message, lease, now);
      result[outcome] += 1;
    }
    return result;
  }

  private async process(message: OutboxMessage, lease: Date, now: Date): Promise<Exclude<keyof OutboxRunResult, 'claimed'>> {
    if (message.channel === 'sms' && message.botInitiated) {
      // The weekly cap counts texts already sent: one account's check and send run one at a time
      // (in every instance on the database), or two workers could both see room for one more.
      return coordinationOf(this.db).withLock(`sms-cap:${message.accountId ?? message.to}`, () => this.deliverOne(message, lease, now));
    }
    return this.deliverOne(message, lease, now);
  }

  private async deliverOne(message: OutboxMessage, lease: Date, now: Date): Promise<Exclude<keyof OutboxRunResult, 'claimed'>> {
    const log = { outboxId: message.id, channel: message.channel, kind: message.kind, botInitiated: message.botInitiated };
    // Finishing updates are fenced by our lease: if it ran out and another worker took over, ours is void.
    const finish = async (data: Parameters<Db['outboxMessage']['updateMany']>[0]['data']) => {
      const { count } = await this.db.outboxMessage.updateMany({ where: { id: message.id, status: 'sending', lockedUntil: lease }, data: { ...data, lockedUntil: null, lockedBy: null } });
      if (count !== 1) this.logger.warn(log, 'outbox lease lost before the outcome was recorded');
    };

    const deliverer = this.deliverers[message.channel as OutboxChannel];
    if (!deliverer) {
      await finish({ status: 'failed', lastError: `no deliverer for channel ${message.channel}` });
      this.logger.error(log, 'outbox message on an unknown channel');
      return 'failed';
    }

    const stopped = await this.contactStopped(message);
    if (stopped) {
      await finish({ status: 'cancelled', lastError: stopped, deliveryStatus: 'cancelled' });
      this.logger.info({ ...log, reason: stopped }, 'outbox message cancelled: the debtor asked us to stop');
      return 'cancelled';
    }

    if (message.channel === 'sms' || message.channel === 'email') {
      const gate = await this.contactGate(message, now);
      if (gate.action === 'cancel') {
        await finish({ status: 'cancelled', lastError: gate.reason, deliveryStatus: 'cancelled' });
        this.logger.info({ ...log, reason: gate.reason }, 'outbox message cancelled');
        return 'cancelled';
      }
      if (gate.action === 'defer') {
        await finish({ status: 'pending', nextAttemptAt: gate.until, deliveryStatus: `held:${gate.reason}` });
        this.logger.info({ ...log, reason: gate.reason, until: gate.until.toISOString() }, 'outbox message held');
        return 'held';
      }
      if (gate.action === 'hold') {
        await finish({ status: 'held', lastError: gate.reason, deliveryStatus: gate.deliveryStatus ?? 'held' });
        this.logger.warn({ ...log, reason: gate.reason }, 'outbox message held for a person');
        return 'held';
      }
    }

    const attempts = message.attempts + 1;
    try {
      const { providerRef } = await deliverer.deliver(message);
      await finish({ status: 'sent', attempts, sentAt: now, providerRef: providerRef ?? message.providerRef, lastError: null, deliveryStatus: 'accepted' });
      this.logger.info({ ...log, attempts, providerRef }, 'outbox message sent');
      await this.afterSend?.(message, now).catch((error: unknown) => this.logger.error({ ...log, err: error }, 'after-send step failed (the validation-notice sweep catches up)'));
      return 'sent';
    } catch (error) {
      const reason = errorText(error);
      if (error instanceof DeliveryCancelledError) {
        await finish({ status: 'cancelled', attempts, lastError: reason, deliveryStatus: 'cancelled' });
        this.logger.info({ ...log, reason }, 'outbox message cancelled during delivery');
        return 'cancelled';
      }
      const permanent = (error as { permanent?: unknown }).permanent === true;
      if (permanent || attempts >= this.maxAttempts) {
        await finish({ status: 'failed', attempts, lastError: reason, deliveryStatus: 'failed' });
        this.logger.error({ ...log, attempts, permanent, code: (error as { code?: unknown }).code }, 'outbox message failed');
        return 'failed';
      }
      const nextAttemptAt = new Date(now.getTime() + this.backoffMs(attempts));
      await finish({ status: 'pending', attempts, lastError: reason, nextAttemptAt });
      this.logger.warn({ ...log, attempts, nextAttemptAt: nextAttemptAt.toISOString(), code: (error as { code?: unknown }).code }, 'outbox delivery failed; will retry');
      return 'retrying';
    }
  }

  /**
   * A worker on this machine that died holding leases (killed, crashed) would keep its messages
   * waiting out the lease (5 minutes: a reply that late after a restart). Its leases end now instead.
   * Leases of workers on other machines, or of live processes, run their course.
   */
  private async releaseLeasesOfDeadWorkers(now: Date): Promise<void> {
    const held = await this.db.outboxMessage.findMany({
      where: { status: 'sending', lockedUntil: { gt: now }, lockedBy: { startsWith: `${hostname()}/` } },
      select: { lockedBy: true },
      distinct: ['lockedBy'],
    });
    const dead = held.map((row) => row.lockedBy!).filter((worker) => !isAlive(Number(worker.slice(worker.lastIndexOf('/') + 1))));
    if (dead.length === 0) return;
    const { count } = await this.db.outboxMessage.updateMany({ where: { status: 'sending', lockedBy: { in: dead } }, data: { lockedUntil: now } });
    this.logger.warn({ messages: count, workers: dead.length }, 'outbox leases of stopped workers on this machine released');
  }

  /**
   * A message we start (not a reply to the debtor's own message) never goes to a debtor who asked
   * us to stop contacting them or who is represented by an attorney (DESIGN 5, 6; 1006.6(b)(2),
   * 1006.6(c)), on any channel — even when it was queued before the request (a reminder, say).
   */
  private async contactStopped(message: OutboxMessage): Promise<string | null> {
    if (!message.botInitiated || !message.accountId) return null;
    const account = await this.db.account.findUnique({ where: { id: message.accountId }, select: { ceaseCommunication: true, attorneyRepresented: true } });
    if (account?.ceaseCommunication) return 'the debtor asked us to stop contacting them';
    if (account?.attorneyRepresented) return 'the debtor is represented by an attorney';
    return null;
  }

  /** Opt-out, campaign rules, weekly cap, quiet hours and stated inconvenient times for one SMS or email (DESIGN 5, 13, 18, 19). */
  private async contactGate(message: OutboxMessage, now: Date): Promise<Gate> {
    if (message.channel === 'sms') {
      if (!survivesOptOut(message) && (await isSmsOptedOut(this.db, message.to))) return { action: 'cancel', reason: 'recipient opted out of SMS' };
    } else {
      const stopped = await isEmailStopped(this.db, message.to);
      if (stopped) return { action: 'cancel', reason: stopped === 'email_opted_out' ? 'recipient unsubscribed from email' : 'the address bounced' };
    }
    if (!message.botInitiated) return { action: 'send' };

    const outreach = await outreachGate(this.db, message, now);
    if (outreach) return outreach;

    const cap = message.channel === 'sms' ? this.weeklyCap : this.emailWeeklyCap;
    if (cap <= 0) return { action: 'hold', reason: `bot-initiated ${message.channel === 'sms' ? 'SMS are off (SMS_WEEKLY_CAP=0)' : 'emails are off (EMAIL_WEEKLY_CAP=0)'}` };
    const recent = await this.db.outboxMessage.findMany({
      where: {
        channel: message.channel,
        botInitiated: true,
        status: 'sent',
        sentAt: { gt: new Date(now.getTime() - WEEK_MS), lte: now },
        id: { not: message.id },
        ...(message.accountId ? { accountId: message.accountId } : { to: message.to }),
      },
      orderBy: { sentAt: 'desc' },
      take: cap,
      select: { sentAt: true },
    });
    // With `cap` sends in the window, the next may go when the oldest of the latest `cap` leaves it.
    const capFreesAt = recent.length >= cap ? new Date(recent[recent.length - 1]!.sentAt!.getTime() + WEEK_MS) : now;

    const zones = await this.zonesFor(message);
    const on = preferenceChannel(message.channel)!;
    const preferences = await preferencesInForce(this.db, message.accountId);
    if (channelRefused(preferences, on)) return { action: 'cancel', reason: 'the debtor asked us not to use this channel' };
    const allowedAt = nextConvenientSend(capFreesAt, zones, preferences, on);
    if (!allowedAt) return { action: 'hold', reason: 'no moment in the next 8 days is 08:00-21:00 in every time zone the debtor may be in and outside the times they said are inconvenient' };
    if (allowedAt.getTime() > now.getTime()) {
      const quietOnly = nextAllowedSend(capFreesAt, zones);
      const reason = capFreesAt.getTime() > now.getTime() ? 'weekly_cap' : quietOnly && quietOnly.getTime() === allowedAt.getTime() ? 'quiet_hours' : 'inconvenient_time';
      return { action: 'defer', until: allowedAt, reason };
    }
    return { action: 'send' };
  }

  /** Every zone the recipient may be in: from the message's account, else every account with that phone, else the area code. */
  private async zonesFor(message: OutboxMessage): Promise<string[]> {
    const select = { timeZone: true, zip: true, phone: true } as const;
    const account = message.accountId ? await this.db.account.findUnique({ where: { id: message.accountId }, select }) : null;
    const accounts = account ? [account] : await this.db.account.findMany({ where: { phone: message.to }, select });
    if (accounts.length === 0) return resolveZones({ phone: message.to }).zones;
    return [...new Set(accounts.flatMap((a) => resolveZones({ timeZone: a.timeZone, zip: a.zip, phone: a.phone ?? message.to }).zones))];
  }
}

/** This process's worker identity in outbox leases: "<host>/<pid>". */
const WORKER_ID = `${hostname()}/${process.pid}`;

/** Whether a process with this id runs on this machine (signal 0 only checks). */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}
