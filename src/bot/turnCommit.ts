/**
 * The end of a turn as one transaction (see turnUnit.ts): the turn middleware that opens a
 * TurnUnit, runs the turn in it and commits; and the botbuilder Storage whose writes wait for that
 * commit.
 */
import { createHash } from 'node:crypto';
import type { Middleware, Storage, StoreItems, TurnContext } from 'botbuilder';
import type { Db, Tx } from '../db/database.ts';
import { PrismaStorage } from '../storage/prismaStorage.ts';
import { loadJournal } from './turnJournal.ts';
import { currentTurnUnit, runInTurnUnit, TurnUnit } from './turnUnit.ts';
import { randomBytes } from 'node:crypto';

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
  constructor(
    private readonly db: Db,
    private readonly onError: (context: TurnContext, error: Error) => Promise<void>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = keyOf(context);
    if (key && (await this.db.processedEvent.findUnique({ where: { id: key }, select: { id: true } }))) {
      context.turnState.set(TURN_DUPLICATE, true);
      return;
    }
    const unit = new TurnUnit(key, this.clock(), randomBytes(32));
    await loadJournal(this.db, unit);
    try {
      await runInTurnUnit(unit, async () => {
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
    const onCommit = context.turnState.get(TURN_ON_COMMIT) as OnCommit | undefined;
    await this.db.$transaction(async (tx) => {
      if (key) await tx.processedEvent.create({ data: { id: key, source: sourceOf(key) } });
      for (const write of unit.deferred) await write(tx);
      if (onCommit) await onCommit(tx, context);
      if (key && unit.seeded) await tx.turnEffect.deleteMany({ where: { turnKey: key } });
    });
    context.turnState.set(TURN_COMMITTED, true);
    for (const done of unit.afterCommit) done();
  }
}

/**
 * botbuilder Storage over the BotState table whose writes, inside a turn, wait for the turn's
 * commit (so state never advances without the transcript and the channel's output, and a re-run
 * after a crash starts from the state before the turn). Outside a turn it writes at once.
 */
export class TurnDeferredStorage implements Storage {
  private readonly direct: PrismaStorage;

  constructor(db: Db) {
    this.direct = new PrismaStorage(db);
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.direct.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    const unit = currentTurnUnit();
    if (!unit) return this.direct.write(changes);
    const snapshot = JSON.parse(JSON.stringify(changes)) as StoreItems;
    unit.deferred.push((tx) => new PrismaStorage(tx).write(snapshot));
  }

  async delete(keys: string[]): Promise<void> {
    const unit = currentTurnUnit();
    if (!unit) return this.direct.delete(keys);
    unit.deferred.push((tx) => new PrismaStorage(tx).delete([...keys]));
  }
}
