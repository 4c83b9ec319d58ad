/**
 * A turn as one unit of work, so that a crash or a replay never loses, repeats or half-applies a
 * debtor's message (issue 10 items 5 and 10).
 *
 * - The conversation's progress — its botbuilder state, its transcript rows, what the channel
 *   stores or sends (Direct Line activities, the SMS reply in the outbox) — is written in ONE
 *   transaction at the end of the turn, together with the inbound activity's id ("done").
 * - A replayed activity (same id: Twilio retrying a MessageSid, Web Chat re-sending a
 *   clientActivityID, a channel re-posting an activity id) finds "done" and runs no turn.
 * - Writes a turn makes before its end (a dispute, a consent, a plan…) are journaled with their
 *   results (src/bot/turnJournal.ts). If the process dies before the commit, the client's retry
 *   re-runs the turn: the journaled writes are not made again, their results are replayed, and the
 *   turn's clock and random draws are the first attempt's, so the re-run makes the same decisions.
 *
 * The unit travels with the turn's async context (AsyncLocalStorage), so deep code (storage,
 * services.now(), token generation) finds it without being handed it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac, randomBytes } from 'node:crypto';
import type { Tx } from '../db/database.ts';
import type { TranscriptMessage } from '../conversations/transcript.ts';
import type { TurnOpening } from '../storage/turnStore.ts';

export class TurnUnit {
  /** Writes made at the commit, in order, in one transaction (besides the turn's own, below). */
  readonly deferred: Array<(tx: Tx) => Promise<void>> = [];
  /** What the turn read when it opened (state, conversation, verified account), if it was opened by TurnCommitMiddleware. */
  opening: TurnOpening | null = null;
  /** botbuilder's storage key of this conversation's state, and the state to save at the commit (JSON, no eTag). */
  stateKey: string | undefined;
  stateData: string | undefined;
  /** The transcript rows to store at the commit (built then, so replies sent by the error handler are in). */
  transcript: (() => TranscriptMessage[]) | undefined;
  /** The Conversation row to mark active at the commit. */
  touchConversation: { id: string; at: Date } | undefined;
  /** Run after the commit (notifications: nothing that must be atomic with it). */
  readonly afterCommit: Array<() => void> = [];
  /** Journal entries of an earlier attempt, by seq (empty for a first attempt or an unkeyed turn). */
  replay = new Map<number, { op: string; resultJson: string }>();
  /** Next journal sequence number (0 is the clock-and-seed entry). */
  nextSeq = 1;
  /** Whether the clock-and-seed entry is stored (written with the first journaled write). */
  seeded = false;
  /** Set once a re-run made a different write than the first attempt: from then on nothing is replayed. */
  diverged = false;
  /** After the commit (or an abandoned turn): writes go straight to the database again. */
  closed = false;
  /** Writes the turn made so far through services.db: what the turn read and cached is stale when this moves (turnCache.ts). */
  writes = 0;
  private draws = 0;

  constructor(
    /** The inbound activity's idempotency key ("sms:SM…", "directline:<conversation>:<clientActivityID>", …), if it has one. */
    readonly key: string | undefined,
    /** The turn's instant: services.now() inside the turn. */
    public now: Date,
    /** Seed of the turn's random draws (tokens), 32 bytes. */
    public seed: Buffer,
  ) {}

  /** True while journaled writes of an earlier attempt may still be replayed. */
  get replaying(): boolean {
    return !this.diverged && this.replay.size > 0;
  }

  /** `n` random bytes: random, but the same sequence in a re-run of the same turn. */
  randomBytes(n: number): Buffer {
    const out: Buffer[] = [];
    let length = 0;
    while (length < n) {
      const block = createHmac('sha256', this.seed).update(`draw:${this.draws++}`).digest();
      out.push(block);
      length += block.length;
    }
    return Buffer.concat(out).subarray(0, n);
  }
}

const units = new AsyncLocalStorage<TurnUnit>();

/** The unit of the turn running in this async context, if any (and not yet committed). */
export function currentTurnUnit(): TurnUnit | undefined {
  const unit = units.getStore();
  return unit && !unit.closed ? unit : undefined;
}

export function runInTurnUnit<T>(unit: TurnUnit, fn: () => Promise<T>): Promise<T> {
  return units.run(unit, fn);
}

/** Random bytes for tokens made in a turn (pay links, notice links): replayed identically in a re-run. */
export function turnRandomBytes(n: number): Buffer {
  return currentTurnUnit()?.randomBytes(n) ?? randomBytes(n);
}
