/**
 * npm run bench [-- --rounds 2 --levels 20,200 --turns 8 --sockets 64 --database sqlite|postgres]
 * npm run bench -- --database postgres --instances 3   (throughput per instance count: scripts/bench-instances.ts)
 *
 * The service against a bare botbuilder echo bot (scripts/bench/echoBot.ts: the same CloudAdapter,
 * restify and body parser), in the same run, on the same load: simulated first contacts
 * (greeting, verification, E-SIGN consent, balance questions, rights, thanks) posted to
 * /api/messages with deliveryMode "expectReplies". For each load level (conversations at once)
 * and each server it prints turns per second, p50/p95/p99 latency and the server's CPU per turn
 * (process.cpuUsage of the server process over the phase, divided by its turns), with the ratio
 * service / echo; then the service's SQL statements and commits per turn (counted in the database
 * driver) and its resident memory per idle conversation. Rounds alternate which server goes first,
 * so a drift in the machine's speed hits both.
 *
 * BENCH_PROF=<dir> writes the service's CPU profile there (node --cpu-prof; start-up included) for
 * a look at where a turn's time goes.
 *
 * With --database postgres the service runs on a throw-away PostgreSQL cluster (Debian's postgresql
 * package), on a fresh database.
 *
 * The client keeps a bounded pool of keep-alive connections (--sockets); a turn's latency runs from
 * the moment its request has a connection to the end of the response, so waiting for a free
 * connection in the client is not counted as the server's time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printRecognitionTiming } from './nlu-bench.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '2' },
    levels: { type: 'string', default: '20,200' },
    turns: { type: 'string', default: '8' },
    sockets: { type: 'string', default: '64' },
    /** Conversations per phase at a level below this many: the level's concurrency is kept, more conversations run one after another. */
    'min-conversations': { type: 'string', default: '60' },
    warmup: { type: 'string', default: '20' },
    nlu: { type: 'boolean', default: false },
    database: { type: 'string', default: 'sqlite' },
    instances: { type: 'string', default: '1' },
    conversations: { type: 'string' },
  },
});
if (values.database !== 'sqlite' && values.database !== 'postgres') throw new Error('--database is sqlite or postgres');
const ROUNDS = Number(values.rounds);
const LEVELS = values.levels.split(',').map(Number);
const TURNS = Number(values.turns);
const SOCKETS = Number(values.sockets);
const MIN_CONVERSATIONS = Number(values['min-conversations']);
const WARMUP = Number(values.warmup);
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Demo debtors (prisma/demo-placements.csv): each simulated conversation verifies as one of them. */
const DEBTORS = [
  ['A-1001', 'March 14 1985', '30301'],
  ['A-1003', '7/21/1968', 'last four 4321'],
  ['A-1004', '1990-01-09', 'zip 60614'],
  ['A-1006', 'December 5 1995', '10025'],
];
function script(index: number): string[] {
  const [account, dob, factor] = DEBTORS[index % DEBTORS.length]!;
  return ['hi', account!, dob!, factor!, 'yes', 'why is it so high?', 'what are my rights', 'thanks'];
}
const STEP_NAMES = ['hi', '<account>', '<date of birth>', '<zip / ssn>', 'yes', 'why is it so high?', 'what are my rights', 'thanks'];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
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

interface ProbeReading {
  at: number;
  cpuMicros: number;
  rss: number;
  heapUsed: number;
  statements: number;
  commits: number;
}

interface Server {
  name: 'echo' | 'service';
  child: ChildProcess;
  port: number;
  agent: http.Agent;
  read(): Promise<ProbeReading>;
  stop(): Promise<void>;
}

async function startServer(name: Server['name'], entry: string, env: Record<string, string>, dir: string): Promise<Server> {
  const port = await freePort();
  const probeFile = path.join(dir, `${name}.probe.json`);
  const child = spawn(process.execPath, [...(name === 'service' && process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : []), '--expose-gc', '--import', 'tsx', '--import', './scripts/bench/probe.ts', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', BENCH_PROBE_FILE: probeFile },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${name} server exited during start-up`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the ${name} server did not become healthy within 300 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: SOCKETS });
  return {
    name,
    child,
    port,
    agent,
    async read() {
      rmSync(probeFile, { force: true });
      child.kill('SIGUSR2');
      for (let i = 0; i < 500; i++) {
        await new Promise((r) => setTimeout(r, 10));
        if (existsSync(probeFile)) {
          try {
            return JSON.parse(readFileSync(probeFile, 'utf8')) as ProbeReading;
          } catch {
            // being written
          }
        }
      }
      throw new Error(`the ${name} server did not answer the probe`);
    },
    async stop() {
      agent.destroy();
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** POSTs one activity; the latency counts from the moment the request has a connection. */
function post(server: Server, body: string): Promise<{ ok: boolean; ms: number }> {
  return new Promise((resolve) => {
    let started = 0;
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: '/api/messages', method: 'POST', agent: server.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - started;
          let ok = res.statusCode === 200;
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString()) as { activities?: unknown[] };
            ok &&= Array.isArray(parsed.activities) && parsed.activities.length > 0;
          } catch {
            ok = false;
          }
          resolve({ ok, ms });
        });
      },
    );
    req.on('socket', () => (started = performance.now()));
    req.on('error', () => resolve({ ok: false, ms: performance.now() - started }));
    req.end(body);
  });
}

let conversationSerial = 0;

async function conversation(server: Server, index: number, latencies: number[], byStep: number[][]): Promise<number> {
  const conversationId = `bench-${server.name}-${conversationSerial++}-${Date.now()}`;
  const lines = script(index);
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
      text: lines[turn % lines.length],
    };
    const { ok, ms } = await post(server, JSON.stringify(activity));
    if (!ok) errors += 1;
    latencies.push(ms);
    byStep[turn % lines.length]!.push(ms);
  }
  return errors;
}

interface Phase {
  turns: number;
  seconds: number;
  latencies: number[];
  byStep: number[][];
  errors: number;
  cpuMs: number;
  statements: number;
  commits: number;
}

/** `concurrency` conversations at a time until `total` have run; the server's probe read before and after. */
async function phase(server: Server, concurrency: number, total: number): Promise<Phase> {
  const latencies: number[] = [];
  const byStep: number[][] = Array.from({ length: 8 }, () => []);
  let next = 0;
  let errors = 0;
  const before = await server.read();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) errors += await conversation(server, next++, latencies, byStep);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await server.read();
  return {
    turns: latencies.length,
    seconds,
    latencies,
    byStep,
    errors,
    cpuMs: (after.cpuMicros - before.cpuMicros) / 1000,
    statements: after.statements - before.statements,
    commits: after.commits - before.commits,
  };
}

function merge(phases: Phase[]): Phase {
  return {
    turns: phases.reduce((s, p) => s + p.turns, 0),
    seconds: phases.reduce((s, p) => s + p.seconds, 0),
    latencies: phases.flatMap((p) => p.latencies).sort((a, b) => a - b),
    byStep: Array.from({ length: 8 }, (_, i) => phases.flatMap((p) => p.byStep[i]!).sort((a, b) => a - b)),
    errors: phases.reduce((s, p) => s + p.errors, 0),
    cpuMs: phases.reduce((s, p) => s + p.cpuMs, 0),
    statements: phases.reduce((s, p) => s + p.statements, 0),
    commits: phases.reduce((s, p) => s + p.commits, 0),
  };
}

const cell = (value: string) => value.padStart(14);
const line = (label: string, ...cells: string[]) => console.log(`${label.padEnd(30)}${cells.map(cell).join('')}`);
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-bench-'));
  const servers: Server[] = [];
  let stopCluster = () => {};
  try {
    const echo = await startServer('echo', 'scripts/bench/echoBot.ts', {}, dir);
    servers.push(echo);
    let databaseUrl = `file:${path.join(dir, 'bench.db')}`;
    if (values.database === 'postgres') {
      const { adminQuery, startPostgresCluster } = await import('../test/helpers/postgresCluster.ts');
      const { migrateDatabase } = await import('../src/db/database.ts');
      const cluster = await startPostgresCluster();
      stopCluster = () => cluster.stop();
      await adminQuery(cluster.url('postgres'), 'CREATE DATABASE bench');
      databaseUrl = cluster.url('bench');
      await migrateDatabase(databaseUrl);
    }
    const service = await startServer('service', 'src/index.ts', { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', DEMO_DATA: 'true', NODE_ENV: 'development' }, dir);
    servers.push(service);

    // Warm-up (module loading, JIT, the recognizer's number models): not counted.
    for (const server of servers) await phase(server, Math.min(WARMUP, 20), WARMUP);
    const idle = await service.read();
    const idleWindow = await new Promise<ProbeReading>((resolve) => setTimeout(() => resolve(service.read()), 2000));
    const backgroundPerSecond = ((idleWindow.statements - idle.statements) * 1000) / (idleWindow.at - idle.at);
    let serviceConversations = 0;

    const results = new Map<string, Phase[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const level of LEVELS) {
        const order = round % 2 === 0 ? [echo, service] : [service, echo];
        for (const server of order) {
          const total = Math.max(level, MIN_CONVERSATIONS);
          const result = await phase(server, level, total);
          if (server === service) serviceConversations += total;
          const key = `${server.name}@${level}`;
          results.set(key, [...(results.get(key) ?? []), result]);
          process.stderr.write(`round ${round + 1} level ${level} ${server.name}: ${result.turns} turns, ${f1(result.turns / result.seconds)} turns/s, ${f2(result.cpuMs / result.turns)} ms CPU/turn\n`);
        }
      }
    }
    const end = await service.read();

    console.log(`\nService (${values.database}) vs bare echo bot, POST /api/messages (expectReplies), ${TURNS}-turn first contacts, ${ROUNDS} round(s), ${SOCKETS} keep-alive connections at most`);
    line('', 'echo', 'service', 'service/echo');
    let allEcho: Phase[] = [];
    let allService: Phase[] = [];
    for (const level of LEVELS) {
      const e = merge(results.get(`echo@${level}`)!);
      const s = merge(results.get(`service@${level}`)!);
      allEcho = allEcho.concat(results.get(`echo@${level}`)!);
      allService = allService.concat(results.get(`service@${level}`)!);
      console.log(`${level} conversations at once (${s.turns} service turns, ${e.turns} echo turns)`);
      line('  turns per second', f1(e.turns / e.seconds), f1(s.turns / s.seconds), ratio(s.turns / s.seconds, e.turns / e.seconds));
      for (const p of [50, 95, 99]) line(`  latency p${p} (ms)`, f1(percentile(e.latencies, p)), f1(percentile(s.latencies, p)), ratio(percentile(s.latencies, p), percentile(e.latencies, p)));
      line('  server CPU per turn (ms)', f2(e.cpuMs / e.turns), f2(s.cpuMs / s.turns), ratio(s.cpuMs / s.turns, e.cpuMs / e.turns));
      line('  failed turns', String(e.errors), String(s.errors));
    }
    const e = merge(allEcho);
    const s = merge(allService);
    console.log('all levels');
    line('  server CPU per turn (ms)', f2(e.cpuMs / e.turns), f2(s.cpuMs / s.turns), ratio(s.cpuMs / s.turns, e.cpuMs / e.turns));
    line('  CPU ratio per phase', '', '', allService.map((p, i) => ratio(p.cpuMs / p.turns, allEcho[i]!.cpuMs / allEcho[i]!.turns)).join(' '));
    line('  SQL statements per turn', '', f2(s.statements / s.turns));
    line('  commits per turn', '', f2(s.commits / s.turns));
    line('  background statements/s idle', '', f2(backgroundPerSecond));
    line('  RSS per idle conversation', '', `${f1((end.rss - idle.rss) / 1024 / serviceConversations)} KiB`);
    line('  heap per idle conversation', '', `${f1((end.heapUsed - idle.heapUsed) / 1024 / serviceConversations)} KiB`);
    line('  server RSS after the run', `${f1((await echo.read()).rss / 1048576)} MiB`, `${f1(end.rss / 1048576)} MiB`);
    console.log('service p50 / p99 by step of the script (all levels, ms):');
    STEP_NAMES.forEach((name, step) => {
      const steps = s.byStep[step]!;
      if (steps.length) line(`  ${step + 1}. ${name}`, '', `${f1(percentile(steps, 50))} / ${f1(percentile(steps, 99))}`);
    });
    if (e.errors + s.errors > 0) process.exitCode = 1;
  } finally {
    for (const server of servers) await server.stop();
    stopCluster();
    rmSync(dir, { recursive: true, force: true });
  }
}

(Number(values.instances) > 1 ? import('./bench-instances.ts').then(() => undefined) : main())
  .then(() => (values.nlu ? printRecognitionTiming() : undefined))
  .catch((error: unknown) => {
    console.error('Benchmark failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
