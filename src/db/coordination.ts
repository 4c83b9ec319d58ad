/**
 * What the instances sharing one database coordinate through it. On SQLite the service runs as one
 * instance, and everything stays in this process; on PostgreSQL any number of instances share the
 * database, and these go through it (src/db/postgres/coordination.ts):
 *
 * - `withLock(key, fn)`: `fn` runs while no other holder of `key` runs, in any instance (the turns of
 *   one conversation, the SMS weekly cap of one account). Re-entrant along one call chain: a turn
 *   holding its conversation's key may call code that takes the same key again.
 * - `publish` / `subscribe`: a small message to every instance (this one included): "conversation X
 *   has new activities". Best effort — subscribers keep a slower poll as the fallback.
 * - `rateLimiter(name, …)`: token buckets every instance draws from.
 *
 * The coordination of a database is looked up with {@link coordinationOf}(db), so the modules that
 * need it take nothing more than the database they already have.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { KeyedLock } from '../bot/turnLock.ts';
import { RateLimiter, type RateLimitDecision } from '../channels/web/rateLimit.ts';
import type { DatabaseKind } from './databaseUrl.ts';

export interface SharedRateLimiter {
  /** Takes one token for `key`: `{ ok: true }`, or how many seconds until one is available. */
  take(key: string): Promise<RateLimitDecision>;
}

export interface Coordination {
  readonly kind: DatabaseKind;
  withLock<T>(key: string, fn: () => Promise<T>, timeoutMs?: number): Promise<T>;
  publish(channel: string, message: string): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(channel: string, listener: (message: string) => void): () => void;
  /** `capacity` at once, refilled at `perSecond`; one limiter per name. */
  rateLimiter(name: string, capacity: number, perSecond: number): SharedRateLimiter;
  close(): Promise<void>;
}

/** The keys the current call chain holds (re-entrancy of withLock). */
const heldKeys = new AsyncLocalStorage<ReadonlySet<string>>();

/** Runs `acquire` unless the calling chain already holds `key`; `fn` then sees `key` as held. */
export function reentrant<T>(key: string, fn: () => Promise<T>, acquire: (inner: () => Promise<T>) => Promise<T>): Promise<T> {
  const held = heldKeys.getStore();
  if (held?.has(key)) return fn();
  const next = new Set(held ?? []).add(key);
  return acquire(() => heldKeys.run(next, fn));
}

/** In-process coordination: one instance (SQLite), or the part of PostgreSQL's that stays local. */
export class LocalCoordination implements Coordination {
  readonly kind: DatabaseKind;
  protected readonly locks = new KeyedLock();
  protected readonly events = new EventEmitter().setMaxListeners(0);
  private readonly limiters = new Map<string, SharedRateLimiter>();

  constructor(kind: DatabaseKind = 'sqlite') {
    this.kind = kind;
  }

  withLock<T>(key: string, fn: () => Promise<T>, timeoutMs?: number): Promise<T> {
    return reentrant(key, fn, (inner) => this.locks.run(key, inner, timeoutMs));
  }

  async publish(channel: string, message: string): Promise<void> {
    this.events.emit(channel, message);
  }

  subscribe(channel: string, listener: (message: string) => void): () => void {
    this.events.on(channel, listener);
    return () => this.events.off(channel, listener);
  }

  rateLimiter(name: string, capacity: number, perSecond: number): SharedRateLimiter {
    const id = `${name}|${capacity}|${perSecond}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const local = new RateLimiter(capacity, perSecond);
      limiter = { take: async (key) => local.take(key) };
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
  }
}

const registry = new WeakMap<object, Coordination>();

/** Called by openDatabase: `db`'s instances coordinate through `coordination`. */
export function registerCoordination(db: object, coordination: Coordination): void {
  registry.set(db, coordination);
}

/** How the instances on `db` coordinate (in-process for a database not opened by openDatabase). */
export function coordinationOf(db: object): Coordination {
  let coordination = registry.get(db);
  if (!coordination) {
    coordination = new LocalCoordination();
    registry.set(db, coordination);
  }
  return coordination;
}
