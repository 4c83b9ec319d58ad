import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LockTimeoutError } from '../../src/bot/turnLock.ts';
import { coordinationOf } from '../../src/db/coordination.ts';
import { openDatabase, type Db } from '../../src/db/database.ts';
import type { PostgresCoordination } from '../../src/db/postgres/coordination.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

// Two "instances" = two clients opened on one PostgreSQL database, each with its own coordination.
let database: TestDatabase;
let other: Db;
beforeEach(async () => {
  database = await createTestDatabase();
  other = await openDatabase(database.url, { poolSize: 3, lockConnections: 5 });
});
afterEach(async () => {
  await other.$disconnect();
  await database.close();
});

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('[PostgreSQL only] locks across instances (advisory locks)', () => {
  it('a key held by one instance makes the other wait; different keys run at once', async () => {
    const a = coordinationOf(database.db);
    const b = coordinationOf(other);
    const order: string[] = [];
    const entered = deferred();
    const release = deferred();
    const first = a.withLock('turn:c1', async () => {
      order.push('a start');
      entered.resolve();
      await release.promise;
      order.push('a end');
    });
    await entered.promise;
    const second = b.withLock('turn:c1', async () => {
      order.push('b');
    });
    // Another conversation is not held up.
    await b.withLock('turn:c2', async () => {
      order.push('other key');
    });
    await sleep(150);
    expect(order).toEqual(['a start', 'other key']);
    release.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['a start', 'other key', 'a end', 'b']);
  });

  it('is re-entrant along one call chain (the Direct Line route holds the key around the turn that takes it again)', async () => {
    const a = coordinationOf(database.db);
    const inner = await a.withLock('turn:c1', () => a.withLock('turn:c1', async () => 'inner ran'), 1_000);
    expect(inner).toBe('inner ran');
  });

  it('gives up waiting after the timeout with LockTimeoutError, and the waiter never runs', async () => {
    const a = coordinationOf(database.db);
    const b = coordinationOf(other);
    const entered = deferred();
    const release = deferred();
    const holder = a.withLock('turn:c1', async () => {
      entered.resolve();
      await release.promise;
    });
    await entered.promise;
    let ran = false;
    await expect(
      b.withLock('turn:c1', async () => {
        ran = true;
      }, 200),
    ).rejects.toBeInstanceOf(LockTimeoutError);
    release.resolve();
    await holder;
    expect(ran).toBe(false);
    // The key is free again for everyone.
    await expect(b.withLock('turn:c1', async () => 'free', 1_000)).resolves.toBe('free');
  });

  it('a killed instance releases its locks at once (its connection closes)', async () => {
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { openDatabase } = await import(${JSON.stringify(new URL('../../src/db/database.ts', import.meta.url).href)});
         const { coordinationOf } = await import(${JSON.stringify(new URL('../../src/db/coordination.ts', import.meta.url).href)});
         const db = await openDatabase(process.env.URL);
         await coordinationOf(db).withLock('turn:c1', async () => { console.log('holding'); await new Promise(() => {}); });`,
      ],
      { env: { ...process.env, URL: database.url }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve()));
    const b = coordinationOf(other);
    await expect(b.withLock('turn:c1', async () => 'x', 300)).rejects.toBeInstanceOf(LockTimeoutError);
    holder.kill('SIGKILL');
    await expect(b.withLock('turn:c1', async () => 'taken over', 10_000)).resolves.toBe('taken over');
  }, 30_000);
});

describe('[PostgreSQL only] notifications across instances (LISTEN/NOTIFY)', () => {
  it('a message published on one instance reaches the subscribers of every instance, once', async () => {
    const a = coordinationOf(database.db) as PostgresCoordination;
    const b = coordinationOf(other) as PostgresCoordination;
    const onA: string[] = [];
    const onB: string[] = [];
    a.subscribe('directline', (m) => onA.push(m));
    b.subscribe('directline', (m) => onB.push(m));
    await Promise.all([a.ready(), b.ready()]);
    await a.publish('directline', 'conv-1');
    await b.publish('directline', 'conv-2');
    for (let i = 0; i < 50 && (onA.length < 2 || onB.length < 2); i++) await sleep(20);
    expect(onA.sort()).toEqual(['conv-1', 'conv-2']);
    expect(onB.sort()).toEqual(['conv-1', 'conv-2']);
  });

  it('the LISTEN connection comes back by itself after it is cut', async () => {
    const b = coordinationOf(other) as PostgresCoordination;
    const received: string[] = [];
    b.subscribe('directline', (m) => received.push(m));
    await b.ready();
    await database.db.$executeRawUnsafe("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
    const a = coordinationOf(database.db);
    for (let i = 0; i < 100 && !received.includes('after'); i++) {
      await a.publish('directline', 'after');
      await sleep(100);
    }
    expect(received).toContain('after');
  }, 20_000);
});

describe('[PostgreSQL only] rate limits shared by every instance', () => {
  it('a burst of `capacity` in total across instances, then refused with a Retry-After', async () => {
    const a = coordinationOf(database.db).rateLimiter('generate', 3, 1);
    const b = coordinationOf(other).rateLimiter('generate', 3, 1);
    const results = await Promise.all([a.take('1.2.3.4'), b.take('1.2.3.4'), a.take('1.2.3.4'), b.take('1.2.3.4')]);
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, retryAfterSeconds: 1 });
    // Another key has its own bucket.
    expect(await b.take('5.6.7.8')).toEqual({ ok: true });
    await sleep(1_100);
    expect(await b.take('1.2.3.4')).toEqual({ ok: true });
  });

  it('an instance whose clock runs ahead does not shrink the burst: the time is the database clock, read once the row is locked', async () => {
    const b = coordinationOf(other).rateLimiter('generate', 3, 1);
    // Instance a's clock is 400 ms ahead (or its take read the clock, then waited for the row
    // while a later take went first). Judged by the callers' clocks, b's second take was refused.
    const realNow = Date.now;
    const ahead = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 400);
    const a = coordinationOf(database.db).rateLimiter('generate', 3, 1);
    expect(await a.take('9.9.9.9')).toEqual({ ok: true });
    ahead.mockRestore();
    const results = [await b.take('9.9.9.9'), await b.take('9.9.9.9'), await b.take('9.9.9.9')];
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});
