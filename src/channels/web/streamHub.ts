/**
 * Open Direct Line WebSocket streams, per database. Each stream remembers the watermark it has
 * delivered; after anything is stored it is told to catch up, and it reads what follows its
 * watermark from the database. So a stream never skips or repeats an activity, whoever stored it
 * (a turn, the outbox deliverer) and in whatever order the notifications arrive.
 *
 * Whoever stores activities announces it with {@link announceActivities}: through the database's
 * coordination every instance hears it (LISTEN/NOTIFY on PostgreSQL), so a reply produced on one
 * instance reaches a socket held by another at once. A slow timer also catches up every open stream,
 * the fallback for a missed notification (a LISTEN connection being re-established, another process
 * writing to SQLite).
 */
import type { WebSocket } from 'ws';
import { coordinationOf } from '../../db/coordination.ts';
import type { Db } from '../../db/database.ts';
import { activitiesAfter, latestSeqs } from './activityStore.ts';

export interface StreamLogger {
  warn(details: object, message: string): void;
  debug(details: object, message: string): void;
}

interface Stream {
  socket: WebSocket;
  conversationId: string;
  watermark: number;
  flushing: boolean;
  again: boolean;
  alive: boolean;
}

/** At most this many open streams per conversation (tabs of one session). */
export const MAX_STREAMS_PER_CONVERSATION = 10;

export class StreamHub {
  private readonly streams = new Map<string, Set<Stream>>();
  private catchUpTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: { catchUpMs?: number; heartbeatMs?: number; logger?: StreamLogger } = {},
  ) {}

  /** Number of open streams (all conversations, or one). */
  count(conversationId?: string): number {
    if (conversationId !== undefined) return this.streams.get(conversationId)?.size ?? 0;
    let total = 0;
    for (const set of this.streams.values()) total += set.size;
    return total;
  }

  /**
   * Adds an open socket to a conversation's streams and sends it what follows `watermark`.
   * Returns false (and closes the socket) when the conversation already has too many streams.
   */
  add(socket: WebSocket, conversationId: string, watermark: number): boolean {
    let set = this.streams.get(conversationId);
    if (!set) {
      set = new Set();
      this.streams.set(conversationId, set);
    }
    if (set.size >= MAX_STREAMS_PER_CONVERSATION) {
      socket.close(1008, 'Too many open streams for this conversation');
      return false;
    }
    const stream: Stream = { socket, conversationId, watermark, flushing: false, again: false, alive: true };
    set.add(stream);
    socket.on('pong', () => {
      stream.alive = true;
    });
    // Web Chat sends empty messages as keep-alives; nothing a client sends is used.
    socket.on('message', () => {
      stream.alive = true;
    });
    socket.on('close', () => this.remove(stream));
    socket.on('error', () => this.remove(stream));
    this.startTimers();
    void this.flush(stream);
    return true;
  }

  /** Something was stored in this conversation: every stream on it catches up. */
  notify(conversationId: string): void {
    const set = this.streams.get(conversationId);
    if (!set) return;
    for (const stream of set) void this.flush(stream);
  }

  /** Closes every stream (server shutting down: Web Chat reconnects elsewhere). */
  closeAll(code = 1001, reason = 'Server shutting down'): void {
    for (const set of this.streams.values()) {
      for (const stream of set) stream.socket.close(code, reason);
    }
    this.streams.clear();
    this.stopTimers();
  }

  /** Checks every conversation with open streams against the database once. */
  async catchUp(): Promise<void> {
    const ids = [...this.streams.keys()];
    if (ids.length === 0) return;
    const latest = await latestSeqs(this.db, ids);
    for (const id of ids) {
      const last = latest.get(id) ?? 0;
      for (const stream of this.streams.get(id) ?? []) {
        if (last > stream.watermark) void this.flush(stream);
      }
    }
  }

  private remove(stream: Stream): void {
    const set = this.streams.get(stream.conversationId);
    if (!set) return;
    set.delete(stream);
    if (set.size === 0) this.streams.delete(stream.conversationId);
    if (this.streams.size === 0) this.stopTimers();
  }

  private async flush(stream: Stream): Promise<void> {
    if (stream.flushing) {
      stream.again = true;
      return;
    }
    stream.flushing = true;
    try {
      let more = true;
      while (more && stream.socket.readyState === stream.socket.OPEN) {
        stream.again = false;
        const batch = await activitiesAfter(this.db, stream.conversationId, stream.watermark, 100);
        if (batch.length > 0 && stream.socket.readyState === stream.socket.OPEN) {
          const watermark = batch[batch.length - 1]!.seq;
          stream.socket.send(JSON.stringify({ activities: batch.map((b) => b.activity), watermark: String(watermark) }));
          stream.watermark = watermark;
        }
        more = stream.again || batch.length === 100;
      }
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'Direct Line stream could not catch up');
    } finally {
      stream.flushing = false;
    }
  }

  private startTimers(): void {
    if (!this.catchUpTimer) {
      this.catchUpTimer = setInterval(() => {
        this.catchUp().catch((error: unknown) => this.options.logger?.warn({ err: error }, 'Direct Line stream catch-up failed'));
      }, this.options.catchUpMs ?? 3_000);
      this.catchUpTimer.unref();
    }
    if (!this.heartbeatTimer) {
      // Pings keep proxies from closing idle streams and find dead ones (no pong since the last ping).
      this.heartbeatTimer = setInterval(() => {
        for (const set of this.streams.values()) {
          for (const stream of set) {
            if (!stream.alive) {
              stream.socket.terminate();
              continue;
            }
            stream.alive = false;
            stream.socket.ping();
          }
        }
      }, this.options.heartbeatMs ?? 30_000);
      this.heartbeatTimer.unref();
    }
  }

  private stopTimers(): void {
    if (this.catchUpTimer) clearInterval(this.catchUpTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.catchUpTimer = undefined;
    this.heartbeatTimer = undefined;
  }
}

const hubs = new WeakMap<Db, StreamHub>();

/** The coordination channel on which stored Direct Line activities are announced (the conversation id). */
export const DIRECT_LINE_CHANNEL = 'directline';

/** The one hub for a database, told of activities any instance stores. The first caller's options hold. */
export function streamHubFor(db: Db, options: { logger?: StreamLogger; catchUpMs?: number } = {}): StreamHub {
  let hub = hubs.get(db);
  if (!hub) {
    const created = new StreamHub(db, options);
    coordinationOf(db).subscribe(DIRECT_LINE_CHANNEL, (conversationId) => created.notify(conversationId));
    hubs.set(db, created);
    hub = created;
  }
  return hub;
}

/** Activities were stored in this conversation: the streams on it catch up, on every instance. */
export function announceActivities(db: Db, conversationId: string): Promise<void> {
  return coordinationOf(db).publish(DIRECT_LINE_CHANNEL, conversationId);
}
