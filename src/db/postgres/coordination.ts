/**
 * Coordination of several instances on one PostgreSQL database (see src/db/coordination.ts):
 *
 * - locks: a transaction-scoped advisory lock, `pg_advisory_xact_lock`, held on a connection of a
 *   small dedicated pool for as long as `fn` runs. Turns queue in-process first (one connection per
 *   key per instance), then in PostgreSQL (FIFO across instances). If an instance dies, its
 *   connections close and PostgreSQL releases its locks at once. `lock_timeout` bounds the wait.
 * - publish / subscribe: NOTIFY on the main pool, LISTEN on one dedicated connection that reconnects
 *   by itself; a message reaches this instance's subscribers at once and the others' through
 *   PostgreSQL. Notifications are best effort: subscribers keep a slow poll as the fallback.
 * - rate limits: one row per key in "RateLimit", updated by one atomic statement (GCRA).
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { LockTimeoutError } from '../../bot/turnLock.ts';
import type { Logger } from '../../logger.ts';
import { LocalCoordination, reentrant, type SharedRateLimiter } from '../coordination.ts';
import { PostgresRateLimiter } from './rateLimits.ts';

/** The 64-bit advisory lock number of a key (a SQL literal: no parameters in a multi-statement query). */
export function advisoryLockNumber(key: string): string {
  return createHash('sha256').update(key).digest().readBigInt64BE(0).toString();
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;
const LOCK_NOT_AVAILABLE = '55P03';

export interface PostgresCoordinationOptions {
  /** The service's pool (the one Prisma uses): NOTIFY and rate limits. */
  pool: pg.Pool;
  connectionString: string;
  /** Most lock connections this instance holds at once (turns in progress on distinct keys). */
  lockConnections: number;
  logger?: Logger;
}

export class PostgresCoordination extends LocalCoordination {
  /** Tells this instance's own notifications from the others'. */
  readonly instanceId = randomBytes(6).toString('hex');
  private readonly pool: pg.Pool;
  private readonly lockPool: pg.Pool;
  private readonly connectionString: string;
  private readonly logger: Logger | undefined;
  private readonly channels = new Set<string>();
  private readonly sharedLimiters = new Map<string, SharedRateLimiter>();
  private listener: pg.Client | undefined;
  private listening: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelayMs = 500;
  private closed = false;

  constructor(options: PostgresCoordinationOptions) {
    super('postgres');
    this.pool = options.pool;
    this.connectionString = options.connectionString;
    this.logger = options.logger;
    this.lockPool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.lockConnections,
      // A lock connection is idle in a transaction while its turn runs; a hung turn must not hold
      // its conversation forever.
      options: '-c idle_in_transaction_session_timeout=300000',
    });
    this.lockPool.on('error', (error) => this.logger?.warn({ err: error }, 'a PostgreSQL lock connection failed'));
  }

  override withLock<T>(key: string, fn: () => Promise<T>, timeoutMs?: number): Promise<T> {
    return reentrant(key, fn, (inner) => {
      const started = Date.now();
      return this.locks.run(key, () => this.holdAdvisoryLock(key, inner, timeoutMs === undefined ? undefined : timeoutMs - (Date.now() - started)), timeoutMs);
    });
  }

  private async holdAdvisoryLock<T>(key: string, fn: () => Promise<T>, timeoutMs: number | undefined): Promise<T> {
    const client = await this.lockPool.connect();
    try {
      // One round trip: the transaction, its wait limit (0 = none) and the lock.
      await client.query(`BEGIN; SET LOCAL lock_timeout = ${timeoutMs === undefined ? 0 : Math.max(1, Math.ceil(timeoutMs))}; SELECT pg_advisory_xact_lock(${advisoryLockNumber(key)})`);
    } catch (error) {
      client.release(error as Error);
      if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) throw new LockTimeoutError(key, timeoutMs ?? 0);
      throw error;
    }
    try {
      return await fn();
    } finally {
      try {
        await client.query('COMMIT');
        client.release();
      } catch (error) {
        client.release(error as Error);
        this.logger?.warn({ err: error }, 'releasing a PostgreSQL advisory lock failed (its connection is closed, which releases it)');
      }
    }
  }

  override async publish(channel: string, message: string): Promise<void> {
    if (!CHANNEL.test(channel)) throw new Error(`not a notification channel name: ${channel}`);
    this.events.emit(channel, message);
    try {
      await this.pool.query('SELECT pg_notify($1, $2)', [channel, `${this.instanceId} ${message}`]);
    } catch (error) {
      this.logger?.warn({ err: error, channel }, 'NOTIFY failed; other instances will catch up by polling');
    }
  }

  override subscribe(channel: string, listener: (message: string) => void): () => void {
    if (!CHANNEL.test(channel)) throw new Error(`not a notification channel name: ${channel}`);
    const unsubscribe = super.subscribe(channel, listener);
    if (!this.channels.has(channel)) {
      this.channels.add(channel);
      if (this.listener) this.listener.query(`LISTEN ${channel}`).catch((error: unknown) => this.listenerFailed(error));
      else void this.listen();
    }
    return unsubscribe;
  }

  /** Resolves once this instance listens on every subscribed channel (tests; start-up). */
  async ready(): Promise<void> {
    await this.listening;
  }

  override rateLimiter(name: string, capacity: number, perSecond: number): SharedRateLimiter {
    const id = `${name}|${capacity}|${perSecond}`;
    let limiter = this.sharedLimiters.get(id);
    if (!limiter) {
      limiter = new PostgresRateLimiter(this.pool, name, capacity, perSecond);
      this.sharedLimiters.set(id, limiter);
    }
    return limiter;
  }

  override async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await super.close();
    const listener = this.listener;
    this.listener = undefined;
    await Promise.allSettled([listener?.end(), this.lockPool.end()]);
  }

  private listen(): Promise<void> {
    if (this.listening) return this.listening;
    this.listening = (async () => {
      const client = new pg.Client({ connectionString: this.connectionString });
      client.on('notification', (notification) => {
        const payload = notification.payload ?? '';
        const space = payload.indexOf(' ');
        if (space < 0 || payload.slice(0, space) === this.instanceId) return;
        this.events.emit(notification.channel, payload.slice(space + 1));
      });
      client.on('error', (error) => this.listenerFailed(error));
      client.on('end', () => {
        if (this.listener === client) this.listenerFailed(new Error('the LISTEN connection closed'));
      });
      try {
        await client.connect();
        for (const channel of this.channels) await client.query(`LISTEN ${channel}`);
      } catch (error) {
        client.end().catch(() => {});
        throw error;
      }
      if (this.closed) {
        await client.end();
        return;
      }
      this.listener = client;
      this.reconnectDelayMs = 500;
    })().catch((error: unknown) => this.listenerFailed(error));
    return this.listening;
  }

  private listenerFailed(error: unknown): void {
    const failed = this.listener;
    this.listener = undefined;
    this.listening = undefined;
    failed?.removeAllListeners('end');
    failed?.end().catch(() => {});
    if (this.closed || this.reconnectTimer) return;
    this.logger?.warn({ err: error, retryInMs: this.reconnectDelayMs }, 'PostgreSQL LISTEN connection lost; polling covers the gap until it is back');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.listen();
    }, this.reconnectDelayMs);
    this.reconnectTimer.unref();
    this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 30_000);
  }
}
