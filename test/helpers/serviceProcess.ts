/**
 * The real service (`src/index.ts` via tsx) as a child process on a free loopback port, for tests
 * that need the whole process: crashes, hostile requests that could kill it, start-up checks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

export interface ServiceProcess {
  child: ChildProcess;
  baseUrl: string;
  port: number;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
  /** True while the process has not exited. */
  alive(): boolean;
}

export interface StartOptions {
  env: Record<string, string>;
  port?: number;
  /** Extra `node` arguments before the entry point (e.g. `--import` of a test-only module). */
  nodeArgs?: string[];
  /** How long to wait for /healthz (default 90 s: start-up is slow on a busy 2-core machine). */
  readyTimeoutMs?: number;
}

/** Starts the service and resolves once /healthz answers 200. */
export async function startService(options: StartOptions): Promise<ServiceProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', ...(options.nodeArgs ?? []), 'src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let running = true;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running = false;
      resolve(code);
    }),
  );
  const service: ServiceProcess = { child, port, baseUrl: `http://127.0.0.1:${port}`, exited, output: () => ({ stdout, stderr }), alive: () => running };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  for (;;) {
    if (!running) throw new Error(`the service exited during start-up:\n${stderr || stdout}`);
    try {
      const res = await fetch(`${service.baseUrl}/healthz`);
      if (res.status === 200) return service;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the service did not answer /healthz in time:\n${stderr || stdout}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** SIGKILL, and wait until the process is gone. */
export async function killService(service: ServiceProcess): Promise<void> {
  if (service.alive()) service.child.kill('SIGKILL');
  await service.exited;
}

/** Whether the service still answers /healthz within `timeoutMs`. */
export async function answersHealth(baseUrl: string, timeoutMs = 5_000): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    return res.status === 200;
  } catch {
    return false;
  }
}
