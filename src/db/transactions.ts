import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, Tx } from './database.ts';

/**
 * The codes an error carries: Prisma's (P2034…), the driver's original one (SQLITE_BUSY, 40001…) —
 * on the error, in Prisma's meta, or on a driver adapter error that reached us unwrapped — and its
 * message.
 */
function describe(error: unknown): { codes: string[]; message: string } {
  type Cause = { originalCode?: unknown; code?: unknown };
  const e = error as { code?: unknown; message?: unknown; cause?: Cause; meta?: { driverAdapterError?: { cause?: Cause } } };
  const candidates = [e?.meta?.driverAdapterError?.cause?.originalCode, e?.cause?.originalCode, e?.cause?.code, e?.code];
  return {
    codes: candidates.filter((code): code is string => typeof code === 'string'),
    message: typeof e?.message === 'string' ? e.message : String(error),
  };
}

/** PostgreSQL: a serialization failure or a deadlock — the transaction was rolled back and may simply be run again. */
const RETRYABLE_POSTGRES = new Set(['40001', '40P01']);

/**
 * Worth running again: another connection held the database (SQLite answers SQLITE_BUSY instead of
 * waiting when a read transaction must upgrade to a write; a second instance on the same file), or
 * PostgreSQL rolled the transaction back as a serialization failure (40001, Prisma's P2034) or a
 * deadlock victim (40P01).
 */
export function isBusyError(error: unknown): boolean {
  const { codes, message } = describe(error);
  return (
    codes.some((code) => code.startsWith('SQLITE_BUSY') || code === 'P1008' || code === 'P2034' || RETRYABLE_POSTGRES.has(code)) ||
    /database is locked|SQLITE_BUSY|SocketTimeout|deadlock detected|could not serialize access/i.test(message)
  );
}

export function isUniqueViolation(error: unknown): boolean {
  const { codes, message } = describe(error);
  return codes.some((code) => code === 'P2002' || code === '23505' || code.startsWith('SQLITE_CONSTRAINT_UNIQUE') || code.startsWith('SQLITE_CONSTRAINT_PRIMARYKEY')) || /Unique constraint failed/i.test(message);
}

export interface TransactionOptions {
  /** Runs before giving up on busy / serialization / deadlock errors (default 6). */
  attempts?: number;
  /** PostgreSQL's default is Read Committed; Serializable turns races into retried serialization failures. */
  isolationLevel?: 'Serializable';
}

/**
 * An interactive transaction, run again (all of `fn`) when it failed for a reason that a second run
 * does not have: the database busy, a serialization failure, a deadlock ({@link isBusyError}).
 * Never call the payment gateway inside `fn`: keep transactions short and local — and free of
 * effects outside the database, since `fn` may run more than once.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, { timeout: 15_000, maxWait: 10_000, ...(options.isolationLevel ? { isolationLevel: options.isolationLevel } : {}) });
    } catch (error) {
      if (attempt >= attempts || !isBusyError(error)) throw error;
      await sleep(20 * attempt + Math.floor(Math.random() * 30));
    }
  }
}

/** A single statement, run again a few times when it failed for a reason a second run does not have ({@link isBusyError}). */
export async function retryBusy<T>(fn: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isBusyError(error)) throw error;
      await sleep(20 * attempt + Math.floor(Math.random() * 30));
    }
  }
}

/**
 * Applies an event's effect exactly once: the ProcessedEvent row is inserted first, in the same
 * transaction as the effect, so a replay or a concurrent duplicate finds it and changes nothing.
 */
export async function onceInTransaction<T>(
  db: Db,
  eventId: string,
  source: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<{ duplicate: true } | { duplicate: false; value: T }> {
  if (await db.processedEvent.findUnique({ where: { id: eventId }, select: { id: true } })) return { duplicate: true };
  try {
    return await inTransaction(db, async (tx) => {
      await tx.processedEvent.create({ data: { id: eventId, source } });
      return { duplicate: false as const, value: await fn(tx) };
    });
  } catch (error) {
    if (isUniqueViolation(error) && (await db.processedEvent.findUnique({ where: { id: eventId }, select: { id: true } }))) {
      return { duplicate: true };
    }
    throw error;
  }
}
