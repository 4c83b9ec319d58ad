import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, Tx } from '../db/database.ts';

function describe(error: unknown): { code: string; message: string } {
  const e = error as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const original = e?.meta?.driverAdapterError?.cause?.originalCode;
  return {
    code: typeof original === 'string' ? original : typeof e?.code === 'string' ? e.code : '',
    message: typeof e?.message === 'string' ? e.message : String(error),
  };
}

/** Another connection (a second instance on the same database) holds the write lock. */
export function isBusyError(error: unknown): boolean {
  const { code, message } = describe(error);
  return code.startsWith('SQLITE_BUSY') || code === 'P1008' || code === 'P2034' || /database is locked|SQLITE_BUSY|SocketTimeout/i.test(message);
}

export function isUniqueViolation(error: unknown): boolean {
  const { code, message } = describe(error);
  return code === 'P2002' || code.startsWith('SQLITE_CONSTRAINT_UNIQUE') || code.startsWith('SQLITE_CONSTRAINT_PRIMARYKEY') || /Unique constraint failed/i.test(message);
}

/**
 * An interactive transaction, retried a few times when another process holds the database (SQLite
 * answers SQLITE_BUSY instead of waiting when a read transaction must upgrade to a write).
 * Never call the payment gateway inside `fn`: keep transactions short and local.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, { timeout: 15_000, maxWait: 10_000 });
    } catch (error) {
      if (attempt >= attempts || !isBusyError(error)) throw error;
      await sleep(20 * attempt + Math.floor(Math.random() * 30));
    }
  }
}

/** A single statement, retried a few times when another process holds the database. */
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
