/**
 * The crash suite's service: the real `src/index.ts` as a child process on a fixed port, with the
 * kill switch preloaded (killSwitch.ts). When the process dies it is started again at once, on the
 * same database and port, as a supervisor (systemd, a container runtime) would. Clients wrap their
 * requests in `retry`, which waits for the restarted service and sends the same request again — what
 * Web Chat, Twilio and Stripe do when a request gets no answer.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, killService, startService, type ServiceProcess } from '../helpers/serviceProcess.ts';

const KILL_SWITCH = fileURLToPath(new URL('./killSwitch.ts', import.meta.url));

export class CrashableService {
  kills = 0;
  private current!: ServiceProcess;
  private ready!: Promise<ServiceProcess>;
  private stopping = false;

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly controlFile: string,
  ) {}

  static async start(env: Record<string, string>, controlFile: string, port?: number): Promise<CrashableService> {
    const service = new CrashableService(port ?? (await freePort()), env, controlFile);
    service.ready = service.launch();
    await service.ready;
    return service;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Arms the kill switch: SIGKILL after `writes` more database writes (unless already armed). */
  arm(writes: number): void {
    if (!existsSync(this.controlFile)) writeFileSync(this.controlFile, String(writes));
  }

  /** Kills the service now (SIGKILL), as the kill switch would. */
  async killNow(): Promise<void> {
    const victim = this.current;
    victim.child.kill('SIGKILL');
    await victim.exited;
    await this.ready;
  }

  /** The running service, once it answers /healthz (after a restart if it just died). */
  async up(): Promise<ServiceProcess> {
    for (;;) {
      const service = await this.ready;
      if (service.alive()) return service;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Runs `request` until it gets an answer: a request the dead service never answered (connection
   * refused or reset) is sent again once the service is back.
   */
  async retry<T>(request: (baseUrl: string) => Promise<T>): Promise<T> {
    for (;;) {
      await this.up();
      try {
        return await request(this.baseUrl);
      } catch (error) {
        if (!isNetworkError(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    rmSync(this.controlFile, { force: true });
    await killService(await this.ready);
  }

  private async launch(): Promise<ServiceProcess> {
    const service = await startService({ env: { ...this.env, KILL_SWITCH_FILE: this.controlFile }, port: this.port, nodeArgs: ['--import', KILL_SWITCH], readyTimeoutMs: 180_000 });
    this.current = service;
    void service.exited.then(() => {
      if (this.stopping) return;
      this.kills += 1;
      // One arming, one kill: a file not consumed yet must not kill the next process at start.
      rmSync(this.controlFile, { force: true });
      this.ready = this.launch();
    });
    return service;
  }
}

function isNetworkError(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  return error instanceof TypeError || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(code ?? '');
}
