import type { Middleware, TurnContext } from 'botbuilder';

/** A turn waited longer than its timeout for the previous turn of the same key to finish. */
export class LockTimeoutError extends Error {
  /** The lock key (a conversation id — may be a phone number: keep it out of logs). */
  readonly key: string;
  readonly timeoutMs: number;
  constructor(key: string, timeoutMs: number) {
    // The key is deliberately not in the message: for SMS it is the debtor's phone number.
    super(`Timed out after ${timeoutMs} ms waiting for the previous turn of this conversation to finish.`);
    this.name = 'LockTimeoutError';
    this.key = key;
    this.timeoutMs = timeoutMs;
  }
}

interface Waiter {
  grant(): void;
  timer: NodeJS.Timeout | undefined;
}

interface KeyQueue {
  /** Callers waiting for the key, in arrival order. The holder is not in this list. */
  waiters: Waiter[];
}

/**
 * Keyed async mutex: `run` calls with the same key run one at a time, in arrival order (FIFO);
 * calls with different keys run concurrently. A key's entry is removed as soon as nobody holds or
 * waits for it. The lock is not re-entrant: calling `run` for a key from inside a `run` of the
 * same key waits for itself (use a timeout to turn such a bug into an error, not a hang).
 */
export class KeyedLock {
  /** A key is present while some call holds it; its queue lists the calls waiting behind. */
  private readonly queues = new Map<string, KeyQueue>();

  /** Number of keys currently held (for tests and metrics). */
  get size(): number {
    return this.queues.size;
  }

  isLocked(key: string): boolean {
    return this.queues.has(key);
  }

  /** {@link run}, under the name the database coordination uses (TurnLocks). */
  withLock<T>(key: string, fn: () => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.run(key, fn, timeoutMs);
  }

  /**
   * Runs `fn` once every earlier call for `key` has settled. With `timeoutMs`, gives up waiting
   * after that long: the returned promise rejects with {@link LockTimeoutError} and `fn` never runs.
   * The timeout only bounds the wait, not `fn` itself.
   */
  async run<T>(key: string, fn: () => Promise<T>, timeoutMs?: number): Promise<T> {
    if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs >= 0)) {
      throw new RangeError(`timeoutMs must be a finite number >= 0, got ${timeoutMs}`);
    }
    await this.acquire(key, timeoutMs);
    try {
      return await fn();
    } finally {
      this.release(key);
    }
  }

  private acquire(key: string, timeoutMs: number | undefined): Promise<void> {
    const queue = this.queues.get(key);
    if (!queue) {
      this.queues.set(key, { waiters: [] });
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          if (waiter.timer) clearTimeout(waiter.timer);
          resolve();
        },
        timer: undefined,
      };
      if (timeoutMs !== undefined) {
        waiter.timer = setTimeout(() => {
          // Still queued (a granted waiter has its timer cleared): leave the queue for good.
          const index = queue.waiters.indexOf(waiter);
          if (index !== -1) queue.waiters.splice(index, 1);
          reject(new LockTimeoutError(key, timeoutMs));
        }, timeoutMs);
      }
      queue.waiters.push(waiter);
    });
  }

  private release(key: string): void {
    const queue = this.queues.get(key);
    if (!queue) return;
    const next = queue.waiters.shift();
    if (next) {
      // Hand the lock straight to the next caller; the key stays held.
      next.grant();
    } else {
      this.queues.delete(key);
    }
  }
}

/** Runs `fn` holding `key`: a KeyedLock (this process), or a database's coordination (every instance on it). */
export interface TurnLocks {
  withLock<T>(key: string, fn: () => Promise<T>, timeoutMs?: number): Promise<T>;
}

/** The lock key of a conversation's turns (the Direct Line routes hold it around a turn and its storing). */
export const turnLockKey = (conversationId: string) => `turn:${conversationId}`;

/**
 * Runs the turns of one conversation one at a time (SMS replies arrive in bursts), keyed by
 * `activity.conversation.id`; different conversations run concurrently. Register it before
 * middleware that loads or saves conversation state, so each turn sees the previous turn's state.
 * With the database's coordination as the lock (the service's wiring), that holds across every
 * instance on a PostgreSQL database (an advisory lock), not just this process.
 * Activities without a conversation id pass through unlocked.
 */
export class TurnLockMiddleware<L extends TurnLocks = KeyedLock> implements Middleware {
  /**
   * @param lock shared with anything else that must not run beside a turn of the conversation.
   * @param timeoutMs how long a turn may wait for the previous turn of its conversation before it
   *   fails with {@link LockTimeoutError} (and never runs); unlimited if unset.
   */
  constructor(
    readonly lock: L = new KeyedLock() as unknown as L,
    readonly timeoutMs?: number,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationId = context.activity?.conversation?.id;
    if (!conversationId) {
      await next();
      return;
    }
    await this.lock.withLock(turnLockKey(conversationId), () => next(), this.timeoutMs);
  }
}
