/**
 * The end of a turn as one transaction (see turnUnit.ts): the turn middleware that opens a
 * TurnUnit, runs the turn in it and commits; and the botbuilder Storage whose writes wait for that
 * commit.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Middleware, Storage, StoreItem, StoreItems, TurnContext } from 'botbuilder';
import type { Db, Tx } from '../db/database.ts';
import { PrismaStorage } from '../storage/prismaStorage.ts';
import { turnStoreFor, type TurnStore, type TurnWrites } from '../storage/turnStore.ts';
import { seedTurnCache } from './turnCache.ts';
import { adoptJournal } from './turnJournal.ts';
import { currentTurnUnit, runInTurnUnit, TurnUnit } from './turnUnit.ts';

/** turnState: the inbound activity's idempotency key, set by our channels (null: none). */
export const TURN_KEY = Symbol('turnKey');
/** turnState: the channel's own writes, made in the commit transaction: `(tx, context) => …`. */
export const TURN_ON_COMMIT = Symbol('turnOnCommit');
/** turnState: set when the activity was already processed; the turn did not run. */
export const TURN_DUPLICATE = Symbol('turnDuplicate');
/** turnState: set once the turn's commit transaction succeeded. */
export const TURN_COMMITTED = Symbol('turnCommitted');

export type OnCommit = (tx: Tx, context: TurnContext) => Promise<void>;

/** Keys longer than this are hashed (conversation and activity ids come from outside). */
const MAX_KEY_LENGTH = 200;

/** An idempotency key from its parts: "<source>:<part>:<part>…", hashed when long. */
export function turnKey(source: string, ...parts: string[]): string {
  const key = `${source}:${parts.join(':')}`;
  return key.length <= MAX_KEY_LENGTH ? key : `${source}:#${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * The key of a turn: what the channel set, or, for an activity that came through /api/messages with
 * an id, its channel, conversation and activity ids (a channel re-posting it is not run twice).
 */
function keyOf(context: TurnContext): string | undefined {
  if (context.turnState.has(TURN_KEY)) return (context.turnState.get(TURN_KEY) as string | null) ?? undefined;
  const { id, channelId, conversation } = context.activity;
  return id && conversation?.id ? turnKey('api', channelId ?? '', conversation.id, id) : undefined;
}

function sourceOf(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

/** botbuilder ConversationState's storage key (conversationState.js getStorageKey, no namespace). */
export function conversationStateKey(context: TurnContext): string | undefined {
  const { channelId, conversation } = context.activity;
  return channelId && conversation?.id ? `${channelId}/conversations/${conversation.id}/` : undefined;
}

/**
 * Runs each turn as a unit: a replayed activity is skipped; the turn's deferred writes, the
 * channel's writes and the "done" mark are one transaction at its end. Register it right after
 * the turn lock (the commit must happen before the next turn of the conversation starts).
 *
 * A turn that throws is answered by `onError` (the "technical problem" message) inside the unit,
 * so that answer is stored and sent like any other; the turn still commits (its message is
 * answered, so a replay of it is not run again).
 */
export class TurnCommitMiddleware implements Middleware {
  private readonly store: TurnStore;

  constructor(
    db: Db,
    private readonly onError: (context: TurnContext, error: Error) => Promise<void>,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.store = turnStoreFor(db);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = keyOf(context);
    const stateKey = conversationStateKey(context);
    // One statement: replay check, an earlier attempt's journal, state, conversation, verified account.
    const opening = await this.store.open({ key, stateKey, conversationExternalId: context.activity.conversation?.id });
    if (key && opening.done) {
      context.turnState.set(TURN_DUPLICATE, true);
      return;
    }
    const unit = new TurnUnit(key, this.clock(), randomBytes(32));
    if (key) adoptJournal(unit, opening.journal);
    unit.opening = opening;
    unit.stateKey = stateKey;
    try {
      await runInTurnUnit(unit, async () => {
        if (opening.account) seedTurnCache(context, `account:${opening.account.account.id}`, opening.account);
        try {
          await next();
        } catch (error) {
          await this.onError(context, error instanceof Error ? error : new Error(String(error)));
        }
      });
    } finally {
      // From here on (and for anything the turn left running) writes go straight to the database.
      unit.closed = true;
    }
    const at = new Date();
    const writes: TurnWrites = {
      ...(key ? { processed: { id: key, source: sourceOf(key), at } } : {}),
      ...(unit.stateKey && unit.stateData !== undefined
        ? { state: { key: unit.stateKey, data: unit.stateData, readETag: opening.state?.eTag ?? null, eTag: randomUUID(), at } }
        : {}),
      messages: unit.transcript?.() ?? [],
      ...(unit.touchConversation ? { touchConversation: unit.touchConversation } : {}),
      ...(key && unit.seeded ? { clearJournalOf: key } : {}),
    };
    const onCommit = context.turnState.get(TURN_ON_COMMIT) as OnCommit | undefined;
    const more =
      unit.deferred.length > 0 || onCommit
        ? async (tx: Tx) => {
            for (const write of unit.deferred) await write(tx);
            if (onCommit) await onCommit(tx, context);
          }
        : undefined;
    // The store runs it again whole on a busy database, a serialization failure or a deadlock
    // (PostgreSQL): every write here is a snapshot, so a second run writes the same.
    await this.store.commit(writes, more);
    context.turnState.set(TURN_COMMITTED, true);
    for (const done of unit.afterCommit) done();
  }
}

/**
 * botbuilder Storage over the BotState table whose writes, inside a turn, wait for the turn's
 * commit (so state never advances without the transcript and the channel's output, and a re-run
 * after a crash starts from the state before the turn). Outside a turn it writes at once.
 *
 * The one conversation-state storage of the service, on both databases. Its writes are conditional
 * on the eTag the turn read (PrismaStorage's conditionalOnRead, carried into the commit): the turn
 * lock serializes a conversation's turns across instances, and should a turn ever save state read
 * before a newer turn's commit, its commit fails with ETagConflictError instead of undoing that turn.
 */
export class TurnDeferredStorage implements Storage {
  private readonly direct: PrismaStorage;

  constructor(db: Db) {
    this.direct = new PrismaStorage(db, { conditionalOnRead: true });
  }

  async read(keys: string[]): Promise<StoreItems> {
    const unit = currentTurnUnit();
    const opened = unit?.opening;
    // The conversation's state was read with the turn's opening: not read again.
    if (opened && unit.stateKey && keys.length === 1 && keys[0] === unit.stateKey) {
      if (!opened.state) return {};
      const item = JSON.parse(opened.state.data) as StoreItem;
      item.eTag = opened.state.eTag;
      return { [unit.stateKey]: item };
    }
    return this.direct.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    const unit = currentTurnUnit();
    if (!unit) return this.direct.write(changes);
    const others: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      if (unit.opening && key === unit.stateKey && typeof item === 'object' && item !== null) {
        // Saved with the commit, on the condition that nobody saved it since the turn read it.
        const { eTag: _eTag, ...rest } = item as StoreItem;
        unit.stateData = JSON.stringify(rest);
      } else {
        others[key] = item;
      }
    }
    if (Object.keys(others).length === 0) return;
    const snapshot = JSON.parse(JSON.stringify(this.direct.withReadConditions(others))) as StoreItems;
    unit.deferred.push((tx) => new PrismaStorage(tx).write(snapshot));
  }

  async delete(keys: string[]): Promise<void> {
    const unit = currentTurnUnit();
    if (!unit) return this.direct.delete(keys);
    if (unit.stateKey && keys.includes(unit.stateKey)) unit.stateData = undefined;
    unit.deferred.push((tx) => new PrismaStorage(tx).delete([...keys]));
  }
}
