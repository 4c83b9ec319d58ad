/**
 * Runs a job now and then `intervalMs` after each run ends, until stopped; runs never overlap and
 * a failed run is reported and does not stop the loop. The timer does not keep the process alive.
 */
export class PeriodicLoop {
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    const tick = () => {
      this.pass = this.run()
        .catch(this.onError)
        .finally(() => {
          if (this.running) {
            this.timer = setTimeout(tick, this.intervalMs);
            this.timer.unref();
          }
        });
    };
    tick();
  }

  /** Stops the loop and waits for the run in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.pass;
  }
}
