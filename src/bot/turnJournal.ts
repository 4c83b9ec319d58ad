/**
 * The database as the dialogs see it (services.db): inside a keyed turn (see turnUnit.ts) every
 * write — a model's create / update / upsert / delete…, or a `$transaction(fn)` — is made in a
 * transaction that also stores it in the TurnEffect journal, with its result. In a re-run of the
 * same turn after a crash, the writes the first attempt made are not made again: their stored
 * results are returned, in order, as long as the re-run asks for the same writes (the same model
 * and method, or the same transaction function); from the first difference on, everything runs.
 * Reads always go to the database. Outside a keyed turn this is the plain client.
 */
import { createHash } from 'node:crypto';
import { aliasDatabase, type Db, type Tx } from '../db/database.ts';
import { turnStoreFor, type JournalRow } from '../storage/turnStore.ts';
import { currentTurnUnit, type TurnUnit } from './turnUnit.ts';

const WRITE_METHODS = new Set(['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany']);

/** JSON that keeps Dates (Prisma results carry them) and undefined. */
export function encodeResult(value: unknown): string {
  if (value === undefined) return '{"$undefined":true}';
  return JSON.stringify(value, function (this: Record<string, unknown>, key, item: unknown) {
    const original = this[key];
    return original instanceof Date ? { $date: original.toISOString() } : item;
  });
}

export function decodeResult(json: string): unknown {
  const parsed = JSON.parse(json, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const keys = Object.keys(item);
      if (keys.length === 1 && keys[0] === '$date') return new Date((item as { $date: string }).$date);
    }
    return item;
  }) as unknown;
  return parsed && typeof parsed === 'object' && (parsed as { $undefined?: boolean }).$undefined === true ? undefined : parsed;
}

function transactionOp(fn: (...args: never[]) => unknown): string {
  return `tx:${createHash('sha256').update(fn.toString()).digest('hex').slice(0, 16)}`;
}

async function journal<T>(db: Db, unit: TurnUnit, op: string, run: (tx: Tx) => Promise<T>, options?: object): Promise<T> {
  const key = unit.key!;
  const seq = unit.nextSeq++;
  const fresh = unit.replay.size === 0;
  if (unit.replaying) {
    const entry = unit.replay.get(seq);
    if (entry && entry.op === op) return decodeResult(entry.resultJson) as T;
    unit.diverged = true;
  }
  const result = await db.$transaction(async (tx) => {
    const value = await run(tx);
    // Every entry carries the turn's clock and seed, so a re-run adopts them from whichever it finds.
    const resultJson = JSON.stringify({ now: unit.now.toISOString(), seed: unit.seed.toString('base64'), result: encodeResult(value) });
    const id = `${key}#${seq}`;
    // A first attempt only adds entries; a re-run that diverged overwrites the old ones.
    if (fresh) await tx.turnEffect.create({ data: { id, turnKey: key, seq, op, resultJson } });
    else await tx.turnEffect.upsert({ where: { id }, create: { id, turnKey: key, seq, op, resultJson }, update: { op, resultJson } });
    return value;
  }, options);
  unit.seeded = true;
  return result;
}

/** Adopts an earlier attempt's journal (read with the turn's opening, src/storage/turnStore.ts): its clock, seed and writes. */
export function adoptJournal(unit: TurnUnit, rows: JournalRow[]): void {
  for (const row of rows) {
    const entry = JSON.parse(row.resultJson) as { now?: unknown; seed?: unknown; result?: unknown };
    const carriesClock = typeof entry.now === 'string' && typeof entry.seed === 'string';
    if (carriesClock) {
      unit.now = new Date(entry.now as string);
      unit.seed = Buffer.from(entry.seed as string, 'base64');
      unit.seeded = true;
    }
    // seq 0: the clock-and-seed entry of journals written before each entry carried them.
    if (row.seq !== 0) unit.replay.set(row.seq, { op: row.op, resultJson: carriesClock && typeof entry.result === 'string' ? entry.result : row.resultJson });
  }
}

/**
 * Whether the turn's inbound activity was already processed; if not, loads an earlier attempt's
 * journal into `unit` (its clock, seed and writes). One statement for both.
 */
export async function openJournal(db: Db, unit: TurnUnit): Promise<{ done: boolean }> {
  const opening = await turnStoreFor(db).open({ key: unit.key });
  if (opening.done) return { done: true };
  adoptJournal(unit, opening.journal);
  return { done: false };
}

/** `db` with the writes of keyed turns journaled (see above). */
export function journaledDb(db: Db): Db {
  const delegates = new Map<string, object>();
  const delegateFor = (model: string, delegate: Record<string, unknown>): object => {
    let proxy = delegates.get(model);
    if (!proxy) {
      proxy = new Proxy(delegate, {
        get(target, method) {
          const value = Reflect.get(target, method) as unknown;
          if (typeof value !== 'function') return value;
          if (typeof method !== 'string' || !WRITE_METHODS.has(method)) return value.bind(target);
          return (args: unknown) => {
            const unit = currentTurnUnit();
            if (unit) unit.writes += 1;
            if (!unit?.key) return (value as (a: unknown) => unknown).call(target, args);
            return journal(db, unit, `${model}.${method}`, (tx) => ((tx as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[model]![method]!)(args));
          };
        },
      });
      delegates.set(model, proxy);
    }
    return proxy;
  };
  const journaled = new Proxy(db, {
    get(target, prop) {
      if (prop === '$transaction') {
        return (arg: unknown, options?: object) => {
          const unit = currentTurnUnit();
          if (unit) unit.writes += 1;
          if (!unit?.key || typeof arg !== 'function') return (target.$transaction as (a: unknown, o?: object) => unknown)(arg, options);
          return journal(target, unit, transactionOp(arg as () => unknown), (tx) => (arg as (tx: Tx) => Promise<unknown>)(tx), options);
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      if (typeof prop === 'string' && !prop.startsWith('$') && value !== null && typeof value === 'object' && typeof (value as { findFirst?: unknown }).findFirst === 'function') {
        return delegateFor(prop, value as Record<string, unknown>);
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  aliasDatabase(journaled, db);
  return journaled;
}
