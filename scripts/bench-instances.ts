/**
 * npm run bench -- --database postgres --instances 3 [--conversations 200 --turns 8]
 * (scripts/bench.ts hands over to this file when --instances is more than 1.)
 *
 * Starts the service on a temporary database, drives N concurrent simulated conversations through
 * /api/messages with deliveryMode "expectReplies", and prints turns per second, p50/p95/p99 turn
 * latency and the server's memory. Exits by itself.
 *
 * With --database postgres it runs on a throw-away PostgreSQL cluster (Debian's postgresql package;
 * as root the cluster belongs to the `postgres` OS user), once per instance count from 1 to
 * --instances, each on a fresh database behind a round-robin proxy — every turn goes to the next
 * instance, so the turns of one conversation are spread across them — and ends with a table of
 * throughput per instance count.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { adminQuery, startPostgresCluster } from '../test/helpers/postgresCluster.ts';
import { migrateDatabase } from '../src/db/database.ts';
import { startInstances, type Instance } from './lib/instances.ts';
import { RoundRobinProxy } from './lib/roundRobinProxy.ts';
import { printRecognitionTiming } from './nlu-bench.ts';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '200' },
    turns: { type: 'string', default: '8' },
    database: { type: 'string', default: 'sqlite' },
    instances: { type: 'string', default: '1' },
  },
});
const CONVERSATIONS = Number(values.conversations);
const TURNS = Number(values.turns);
const DATABASE = values.database;
const INSTANCES = Number(values.instances);
if (DATABASE !== 'sqlite' && DATABASE !== 'postgres') throw new Error('--database is sqlite or postgres');
if (!(INSTANCES >= 1) || (DATABASE === 'sqlite' && INSTANCES !== 1)) throw new Error('--instances is a whole number >= 1, and more than 1 needs --database postgres (SQLite runs one instance)');
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

interface LoadResult {
  turns: number;
  seconds: number;
  sorted: number[];
  errors: number;
  idleRss: number;
  peakRss: number;
}

/** Resident set size of all instances, in MiB. */
const totalRss = (instances: Instance[], field: 'VmRSS' | 'VmHWM') => instances.reduce((sum, i) => sum + rssMiB(i.child.pid!, field), 0);

/** One warm-up conversation, then all conversations at once through `base`. */
async function runLoad(base: string, instances: Instance[]): Promise<LoadResult> {
  const idleRss = totalRss(instances, 'VmRSS');
  // One warm-up conversation so module loading and JIT don't count as turn latency.
  await conversation(base, -1, []);
  byStep.forEach((step) => (step.length = 0));

  const latencies: number[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, totalRss(instances, 'VmRSS'));
  }, 50);
  const started = performance.now();
  const errors = (await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => conversation(base, i, latencies)))).reduce((a, b) => a + b, 0);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, totalRss(instances, 'VmHWM'));
  return { turns: latencies.length, seconds, sorted: [...latencies].sort((a, b) => a - b), errors, idleRss, peakRss };
}

const row = (label: string, value: string) => console.log(`${label.padEnd(28)} ${value}`);

function report(title: string, result: LoadResult, bootMs: number): void {
  const { sorted } = result;
  console.log(`\n${title}`);
  row('conversations x turns', `${CONVERSATIONS} x ${TURNS} = ${result.turns} turns (all conversations concurrent)`);
  row('start-up to healthy', `${bootMs.toFixed(0)} ms`);
  row('wall time', `${result.seconds.toFixed(2)} s`);
  row('turns per second', (result.turns / result.seconds).toFixed(1));
  row('turn latency p50', `${percentile(sorted, 50).toFixed(1)} ms`);
  row('turn latency p95', `${percentile(sorted, 95).toFixed(1)} ms`);
  row('turn latency p99', `${percentile(sorted, 99).toFixed(1)} ms`);
  row('turn latency max', `${sorted[sorted.length - 1]?.toFixed(1)} ms`);
  row('server RSS idle', `${result.idleRss.toFixed(1)} MiB`);
  row('server RSS peak', `${result.peakRss.toFixed(1)} MiB`);
  row('failed turns', String(result.errors));
  console.log('\np50 / p99 by step of the script:');
  script(0).forEach((utterance, step) => {
    const steps = [...byStep[step]!].sort((a, b) => a - b);
    if (steps.length) row(`  ${step + 1}. ${step === 1 ? '<account>' : step === 2 ? '<date of birth>' : step === 3 ? '<zip / ssn>' : utterance}`, `${percentile(steps, 50).toFixed(1)} / ${percentile(steps, 99).toFixed(1)} ms`);
  });
}

const SERVICE_ENV = { LOG_LEVEL: 'warn', DEMO_DATA: 'true', NODE_ENV: 'development' };

async function benchSqlite(): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-bench-'));
  let instances: Instance[] = [];
  try {
    const bootStarted = performance.now();
    instances = await startInstances(1, { ...SERVICE_ENV, DATABASE_URL: `file:${path.join(dir, 'bench.db')}` }, { inheritStderr: true });
    const result = await runLoad(instances[0]!.url, instances);
    report('Debt bot benchmark (POST /api/messages, deliveryMode expectReplies)', result, performance.now() - bootStarted);
    return result.errors;
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<number> {
  const cluster = await startPostgresCluster();
  const table: Array<{ instances: number; result: LoadResult }> = [];
  try {
    for (let count = 1; count <= INSTANCES; count++) {
      const name = `bench_${count}`;
      await adminQuery(cluster.url('postgres'), `CREATE DATABASE ${name}`);
      await migrateDatabase(cluster.url(name));
      const bootStarted = performance.now();
      const instances = await startInstances(count, { ...SERVICE_ENV, DATABASE_URL: cluster.url(name), DATABASE_LOCK_CONNECTIONS: '50' }, { inheritStderr: true });
      const bootMs = performance.now() - bootStarted;
      const proxy = RoundRobinProxy.forUrls(instances.map((i) => i.url));
      try {
        const result = await runLoad(await proxy.listen(), instances);
        report(`Debt bot benchmark on PostgreSQL, ${count} instance${count === 1 ? '' : 's'} behind a round-robin proxy (POST /api/messages, deliveryMode expectReplies)`, result, bootMs);
        table.push({ instances: count, result });
      } finally {
        await proxy.close();
        await Promise.all(instances.map((i) => i.stop()));
      }
    }
  } finally {
    cluster.stop();
  }
  console.log(`\nThroughput per instance count (PostgreSQL, ${CONVERSATIONS} conversations x ${TURNS} turns, ${os.cpus().length} CPU cores):`);
  console.log('instances  turns/s  p50 ms  p95 ms  p99 ms  failed');
  for (const { instances, result } of table) {
    const cells = [String(instances).padStart(9), (result.turns / result.seconds).toFixed(1).padStart(8), percentile(result.sorted, 50).toFixed(0).padStart(7), percentile(result.sorted, 95).toFixed(0).padStart(7), percentile(result.sorted, 99).toFixed(0).padStart(7), String(result.errors).padStart(7)];
    console.log(cells.join(' '));
  }
  return table.reduce((sum, t) => sum + t.result.errors, 0);
}

async function main(): Promise<void> {
  const errors = DATABASE === 'postgres' ? await benchPostgres() : await benchSqlite();
  if (errors > 0) process.exitCode = 1;
}

main()
  .then(printRecognitionTiming)
  .catch((error: unknown) => {
    console.error('Benchmark failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
