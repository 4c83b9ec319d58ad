/**
 * Live updates for the console over server-sent events. A feed polls one loader while anybody
 * listens and pushes the result only when it changed. Polling the database (rather than an
 * in-process event) also sees changes made by other processes: the scheduler, a second server.
 */
import type restify from 'restify';

type Listener = (data: unknown) => void;

export class PollingFeed {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private last: string | undefined;
  private loading = false;

  constructor(
    private readonly load: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Sends the current data to `listener` at once, then every change. Returns the unsubscribe. */
  async subscribe(listener: Listener): Promise<() => void> {
    const data = await this.load();
    this.listeners.add(listener);
    if (!this.timer) this.timer = setInterval(() => void this.poll(), this.intervalMs);
    listener(data);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.last = undefined;
  }

  private async poll(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    try {
      const data = await this.load();
      const text = JSON.stringify(data);
      if (text === this.last) return;
      this.last = text;
      for (const listener of this.listeners) listener(data);
    } catch (error) {
      this.onError(error);
    } finally {
      this.loading = false;
    }
  }
}

/** Open server-sent-event streams, so shutdown can end them instead of waiting for them. */
export class EventStreams {
  private readonly open = new Set<() => void>();

  constructor(private readonly heartbeatMs = 15_000) {}

  /**
   * Turns the response into an event stream of `event` messages from `feed`, with a comment line
   * every heartbeat (15 s) so proxies keep it open. Ends when the client goes away, when closeAll() is called,
   * or at a heartbeat when `stillAllowed` says no (the session ended).
   */
  async stream(req: restify.Request, res: restify.Response, feed: PollingFeed, event: string, stillAllowed: () => Promise<boolean>): Promise<void> {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    let unsubscribe: (() => void) | undefined;
    const heartbeat = setInterval(() => {
      void stillAllowed().then(
        (allowed) => (allowed ? res.write(': ping\n\n') : end()),
        () => end(),
      );
    }, this.heartbeatMs);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe?.();
      this.open.delete(end);
      res.end();
    };
    this.open.add(end);
    req.once('close', end);
    try {
      unsubscribe = await feed.subscribe((data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
    } catch (error) {
      end();
      throw error;
    }
    if (!this.open.has(end)) unsubscribe();
  }

  closeAll(): void {
    for (const end of [...this.open]) end();
  }
}
