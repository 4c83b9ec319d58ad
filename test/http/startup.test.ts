import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../src/db/database.ts';
import { createFreshDatabase } from '../helpers/testDatabase.ts';
import { itOn } from '../helpers/testDatabaseKind.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  children.splice(0).forEach((child) => child.kill('SIGKILL'));
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function startService(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitFor(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** A first web message through /api/messages gets an answer. */
async function answersAMessage(port: number): Promise<void> {
  const reply = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', text: 'hi', channelId: 'test', deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:9',
      conversation: { id: 'startup' }, from: { id: 'debtor' }, recipient: { id: 'bot' },
    }),
  });
  expect(reply.status).toBe(200);
  expect(((await reply.json()) as { activities: unknown[] }).activities.length).toBeGreaterThan(0);
}

describe('npm start on a fresh machine', () => {
  itOn('sqlite', 'creates and migrates the database, loads the demo accounts, answers within 30 s, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-start-'));
    dirs.push(dir);
    const port = await freePort();
    const databaseUrl = `file:${path.join(dir, 'nested', 'bot.db')}`;
    const service = startService({ PORT: String(port), DATABASE_URL: databaseUrl });
    const started = Date.now();

    const health = await waitFor(`http://127.0.0.1:${port}/healthz`, 30_000);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(health.status).toBe(200);

    await answersAMessage(port);
    expect(service.output().stdout).toContain(`http://127.0.0.1:${port}`);

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    // Logs are JSON lines and never contain a message body.
    const logLines = service.output().stdout.split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(JSON.parse(line)).not.toHaveProperty('text');
    expect(service.output().stdout).toContain('"msg":"stopped"');

    const db = await openDatabase(databaseUrl);
    try {
      expect(await db.account.count()).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }
  }, 60_000);

  itOn('postgres', 'does not migrate at start: refuses, in one clear line, while migrations are pending; after npm run db:migrate it loads the demo accounts, answers and stops cleanly', async () => {
    const database = await createFreshDatabase({ migrated: false });
    try {
      const refused = startService({ PORT: String(await freePort()), DATABASE_URL: database.url });
      expect(await refused.exited).toBe(1);
      // Node's own deprecation notices (restify's http-deceiver) aside.
      const lines = refused.output().stderr.trim().split('\n').filter((line) => !/^\(node:\d+\)|^\(Use `node --trace/.test(line));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Start-up failed: The PostgreSQL database is not ready: \d+ migrations are not applied \(20261123000000_init, .*\): run `npm run db:migrate` once with this DATABASE_URL/);

      await migrateDatabase(database.url);
      const port = await freePort();
      const service = startService({ PORT: String(port), DATABASE_URL: database.url });
      const health = await waitFor(`http://127.0.0.1:${port}/healthz`, 45_000).catch((error: unknown) => {
        throw new Error(`the service did not answer: ${String(error)}\n${service.output().stderr}\n${service.output().stdout}`);
      });
      expect(health.status).toBe(200);
      await answersAMessage(port);
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expect(service.output().stdout).toContain('"database":"postgres"');
      const db = await openDatabase(database.url);
      try {
        expect(await db.account.count()).toBeGreaterThan(0);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await database.drop();
    }
  }, 90_000);

  it.each([
    [{ PORT: 'eighty' }, /PORT is invalid — expected a port number/],
    [{ DATABASE_URL: 'mysql://localhost/bot' }, /DATABASE_URL is invalid — expected a SQLite URL such as file:\.\/data\/bot\.db or a PostgreSQL URL/],
    [{ NODE_ENV: 'production', IDENTITY_HASH_KEY: '' }, /IDENTITY_HASH_KEY/],
  ])('stops at once with one clear line for a bad configuration %o', async (env, message) => {
    const service = startService(env as Record<string, string>);
    expect(await service.exited).toBe(1);
    const { stderr } = service.output();
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
