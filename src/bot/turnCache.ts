/**
 * Reads a turn would otherwise repeat (the verified account, its creditor and plans are asked for
 * by several dialogs in one turn): made once per turn, and made again only after the turn wrote
 * something through services.db (TurnUnit.writes), so nothing read here is older than the turn's
 * own last write. Outside a turn unit nothing is cached.
 */
import type { TurnContext } from 'botbuilder';
import { currentTurnUnit } from './turnUnit.ts';

const CACHE = Symbol('turnCache');

interface Entry {
  writes: number;
  value: Promise<unknown>;
}

export function turnCached<T>(context: TurnContext, key: string, load: () => Promise<T>): Promise<T> {
  const unit = currentTurnUnit();
  if (!unit) return load();
  let cache = context.turnState.get(CACHE) as Map<string, Entry> | undefined;
  if (!cache) {
    cache = new Map();
    context.turnState.set(CACHE, cache);
  }
  const entry = cache.get(key);
  if (entry && entry.writes === unit.writes) return entry.value as Promise<T>;
  const value = load();
  cache.set(key, { writes: unit.writes, value });
  // A failed read is not kept: the next caller tries again.
  value.catch(() => cache.get(key)?.value === value && cache.delete(key));
  return value;
}

/** Puts what the turn already read (with its opening, src/storage/turnStore.ts) in the cache, as of no writes yet. */
export function seedTurnCache<T>(context: TurnContext, key: string, value: T): void {
  const unit = currentTurnUnit();
  if (!unit) return;
  let cache = context.turnState.get(CACHE) as Map<string, Entry> | undefined;
  if (!cache) {
    cache = new Map();
    context.turnState.set(CACHE, cache);
  }
  cache.set(key, { writes: unit.writes, value: Promise.resolve(value) });
}
