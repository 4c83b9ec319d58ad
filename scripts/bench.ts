/**
 * npm run bench [-- --conversations 200 --turns 6]
 *
 * Starts the service on a temporary database, drives N concurrent simulated conversations through
 * /api/messages with deliveryMode "expectReplies", and prints turns per second, p50/p95/p99 turn
 * latency and the server's peak memory. Exits by itself.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { printRecognitionTiming } from './nlu-bench.ts';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '200' },
    turns: { type: 'string', default: '8' },
  },
});
const CONVERSATIONS = Number(values.conversations);
const TURNS = Number(values.turns);
/** Demo debtors (prisma/demo-placements.csv): each simulated conversation verifies as one of them. */
const DEBTORS = [
  ['A-1001', 'March 14 1985', '30301'],
  ['A-1003', '7/21/1968', 'last four 4321'],
  ['A-1004', '1990-01-09', 'zip 60614'],
  ['A-1006', 'December 5 1995', '10025'],
];
/** A first contact: greeting, verification, E-SIGN consent, balance questions, rights, thanks. */
function script(index: number): string[] {
  const [account, dob, factor] = DEBTORS[index % DEBTORS.length]!;
  return ['hi', account!, dob!, factor!, 'yes', 'why is it so high?', 'what are my rights', 'thanks'];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Resident set size of a process in MiB, from /proc (Linux). */
function rssMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? NaN);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

async function waitForHealth(base: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the service did not become healthy within ${timeoutMs} ms`);
}

/** Latencies per step of the script, to see which kind of turn is slow. */
const byStep: number[][] = Array.from({ length: 8 }, () => []);

async function conversation(base: string, index: number, latencies: number[]): Promise<number> {
  index = Math.abs(index);
  const conversationId = `bench-${index}-${Date.now()}`;
  let errors = 0;
  for (let turn = 0; turn < TURNS; turn++) {
    const activity = {
      type: 'message',
      id: `${conversationId}-${turn}`,
      channelId: 'bench',
      serviceUrl: 'http://127.0.0.1:9/unused',
      deliveryMode: 'expectReplies',
      conversation: { id: conversationId },
      from: { id: `user-${index}`, role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      locale: 'en-US',
      text: script(index)[turn % 8],
    };
    const started = performance.now();
    try {
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const body = (await res.json()) as { activities?: unknown[] };
      if (!res.ok || !Array.isArray(body.activities) || body.activities.length === 0) errors += 1;
    } catch {
      errors += 1;
    }
    const elapsed = performance.now() - started;
    latencies.push(elapsed);
    byStep[turn % 8]!.push(elapsed);
  }
  return errors;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${path.join(dir, 'bench.db')}`, LOG_LEVEL: 'warn', DEMO_DATA: 'true', NODE_ENV: 'development' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    server.kill('SIGTERM');
  };
  process.on('exit', stop);

  try {
    const bootStarted = performance.now();
    await waitForHealth(base, 60_000);
    const bootMs = performance.now() - bootStarted;
    const idleRss = rssMiB(server.pid!, 'VmRSS');

    // One warm-up conversation so module loading and JIT don't count as turn latency.
    await conversation(base, -1, []);
    byStep.forEach((step) => (step.length = 0));

    const latencies: number[] = [];
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMiB(server.pid!, 'VmRSS'));
    }, 50);
    const started = performance.now();
    const errors = (await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => conversation(base, i, latencies)))).reduce((a, b) => a + b, 0);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, rssMiB(server.pid!, 'VmHWM'));

    const sorted = [...latencies].sort((a, b) => a - b);
    const row = (label: string, value: string) => console.log(`${label.padEnd(28)} ${value}`);
    console.log('\nDebt bot benchmark (POST /api/messages, deliveryMode expectReplies)');
    row('conversations x turns', `${CONVERSATIONS} x ${TURNS} = ${latencies.length} turns (all conversations concurrent)`);
    row('start-up to healthy', `${bootMs.toFixed(0)} ms`);
    row('wall time', `${seconds.toFixed(2)} s`);
    row('turns per second', (latencies.length / seconds).toFixed(1));
    row('turn latency p50', `${percentile(sorted, 50).toFixed(1)} ms`);
    row('turn latency p95', `${percentile(sorted, 95).toFixed(1)} ms`);
    row('turn latency p99', `${percentile(sorted, 99).toFixed(1)} ms`);
    row('turn latency max', `${sorted[sorted.length - 1]?.toFixed(1)} ms`);
    row('server RSS idle', `${idleRss.toFixed(1)} MiB`);
    row('server RSS peak', `${peakRss.toFixed(1)} MiB`);
    row('failed turns', String(errors));
    console.log('\np50 / p99 by step of the script:');
    script(0).forEach((utterance, step) => {
      const steps = [...byStep[step]!].sort((a, b) => a - b);
      if (steps.length) row(`  ${step + 1}. ${step === 1 ? '<account>' : step === 2 ? '<date of birth>' : step === 3 ? '<zip / ssn>' : utterance}`, `${percentile(steps, 50).toFixed(1)} / ${percentile(steps, 99).toFixed(1)} ms`);
    });
    if (errors > 0) process.exitCode = 1;
  } finally {
    stop();
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .then(printRecognitionTiming)
  .catch((error: unknown) => {
    console.error('Benchmark failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
