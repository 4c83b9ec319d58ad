import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Db, Tx } from '../db/database.ts';

/** Rejected write: the item's eTag no longer matches the stored one (someone else wrote first). */
export class ETagConflictError extends Error {
  readonly keys: string[];
  constructor(keys: string[]) {
    super(
      keys.length === 1
        ? `Storage: error writing "${keys[0]}" due to eTag conflict.`
        : `Storage: error writing ${keys.map((k) => `"${k}"`).join(', ')} due to eTag conflict.`,
    );
    this.name = 'ETagConflictError';
    this.keys = keys;
  }
}

/** SQLite caps bound parameters per statement; keep `IN (…)` lists well below it. */
const KEY_CHUNK = 500;

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}

export interface PrismaStorageOptions {
  /**
   * Makes botbuilder's blind writes conditional. ConversationState saves with eTag "*"
   * (botState.js), which would let a turn that read stale state undo a newer one unnoticed. With
   * this option, a "*" write of a key this storage read is conditional on the eTag it read (or on
   * the key still being absent): a change made since — by another instance, whose turn the
   * conversation's lock should have kept out — fails the write with {@link ETagConflictError}
   * instead of being overwritten. Costs nothing more than the blind write.
   */
  conditionalOnRead?: boolean;
}

/** What was read for a key that did not exist: the conditional write must create it. */
const READ_ABSENT = '(absent when read)'; // never a real eTag (those are UUIDs)
/** Keys whose read eTag is remembered (the least recently read are forgotten first). */
const REMEMBERED_READS = 10_000;

/**
 * botbuilder `Storage` over the `BotState` table, with the same semantics as botbuilder's
 * MemoryStorage (and its storage conformance tests):
 *
 * - `read(keys)` returns only the keys that exist, each item with its current `eTag`.
 * - `write(changes)` writes every key. An item with no eTag or eTag `'*'` overwrites (or creates).
 *   An item with an eTag overwrites only if it matches the stored one — an atomic compare-and-set
 *   in the database — and otherwise is rejected with an {@link ETagConflictError}; an item with an
 *   eTag for a key that does not exist yet is created (as MemoryStorage does). Like MemoryStorage,
 *   the other items of the same call are still written; the call rejects once all were tried.
 *   Every successful write assigns a fresh eTag.
 * - `delete(keys)` is idempotent.
 *
 * The item is stored as JSON text without its `eTag`, which lives in its own column.
 */
export class PrismaStorage implements Storage {
  private readonly readETags = new Map<string, string>();

  constructor(
    private readonly db: Db | Tx,
    private readonly options: PrismaStorageOptions = {},
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) {
      throw new ReferenceError('Keys are required when reading.');
    }
    const result: StoreItems = {};
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += KEY_CHUNK) {
      const rows = await this.db.botState.findMany({
        where: { key: { in: unique.slice(i, i + KEY_CHUNK) } },
        select: { key: true, eTag: true, data: true },
      });
      for (const row of rows) {
        const item = JSON.parse(row.data) as StoreItem;
        item.eTag = row.eTag;
        result[row.key] = item;
      }
    }
    if (this.options.conditionalOnRead) {
      for (const key of unique) this.rememberRead(key, result[key] ? String(result[key].eTag) : READ_ABSENT);
    }
    return result;
  }

  private rememberRead(key: string, eTag: string): void {
    this.readETags.delete(key);
    this.readETags.set(key, eTag);
    if (this.readETags.size > REMEMBERED_READS) this.readETags.delete(this.readETags.keys().next().value!);
  }

  /**
   * `changes` with each "*" eTag of a key read here replaced by the condition a write must meet (see
   * {@link PrismaStorageOptions.conditionalOnRead}): for a write made later, elsewhere (in a turn's
   * commit transaction, by a PrismaStorage on that transaction).
   */
  withReadConditions(changes: StoreItems): StoreItems {
    const out: StoreItems = {};
    for (const key of Object.keys(changes)) {
      const item = changes[key] as StoreItem;
      const eTag = item?.eTag === undefined || item?.eTag === null || item?.eTag === '' ? undefined : String(item.eTag);
      out[key] = { ...item, eTag: this.conditionFor(key, eTag) };
    }
    return out;
  }

  /** The eTag a write must match: the caller's, or for a "*" write of a key read here, the one read. */
  private conditionFor(key: string, eTag: string | undefined): string | undefined {
    if (!this.options.conditionalOnRead || eTag !== '*') return eTag;
    const read = this.readETags.get(key);
    this.readETags.delete(key);
    return read ?? eTag;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) {
      throw new ReferenceError('Changes are required when writing.');
    }
    // Validate and serialise everything first, so a bad item doesn't leave a half-applied call.
    const pending: { key: string; eTag: string | undefined; data: string }[] = [];
    for (const key of Object.keys(changes)) {
      const item: unknown = changes[key];
      if (typeof item !== 'object' || item === null) {
        throw new TypeError(`Storage: the item for "${key}" must be an object.`);
      }
      const { eTag, ...rest } = item as StoreItem;
      pending.push({
        key,
        eTag: this.conditionFor(key, eTag === undefined || eTag === null || eTag === '' ? undefined : String(eTag)),
        data: JSON.stringify(rest),
      });
    }

    const conflicts: string[] = [];
    for (const change of pending) {
      const written = await this.writeOne(change.key, change.eTag, change.data);
      if (!written) conflicts.push(change.key);
    }
    if (conflicts.length > 0) {
      throw new ETagConflictError(conflicts);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) {
      throw new ReferenceError('Keys are required when deleting.');
    }
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += KEY_CHUNK) {
      await this.db.botState.deleteMany({ where: { key: { in: unique.slice(i, i + KEY_CHUNK) } } });
    }
  }

  /** Returns false on an eTag conflict. */
  private async writeOne(key: string, eTag: string | undefined, data: string): Promise<boolean> {
    const fresh = randomUUID();

    if (eTag === undefined || eTag === '*') {
      // Unconditional overwrite. Two concurrent creators can both miss the row and race on the
      // insert; the loser retries and then finds the row to update.
      for (let attempt = 0; ; attempt++) {
        try {
          await this.db.botState.upsert({
            where: { key },
            create: { key, eTag: fresh, data },
            update: { eTag: fresh, data },
          });
          return true;
        } catch (err) {
          if (!isUniqueViolation(err) || attempt >= 2) throw err;
        }
      }
    }

    // Compare-and-set: a single UPDATE … WHERE key = ? AND eTag = ? is atomic in the database.
    const updated = await this.db.botState.updateMany({
      where: { key, eTag },
      data: { eTag: fresh, data },
    });
    if (updated.count === 1) return true;

    // No row with that eTag: either the key doesn't exist (create it, as MemoryStorage does) or it
    // holds another eTag (conflict). The insert decides atomically: if any row exists, it fails.
    try {
      await this.db.botState.create({ data: { key, eTag: fresh, data } });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}
