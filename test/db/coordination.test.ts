import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockTimeoutError } from '../../src/bot/turnLock.ts';
import { coordinationOf, LocalCoordination } from '../../src/db/coordination.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { testDatabaseKind } from '../helpers/testDatabaseKind.ts';

// The coordination of one instance, on either database (PostgreSQL's across instances: coordination.postgres.test.ts).
let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

describe('coordination of the instances on a database', () => {
  it('is in-process on SQLite, through the database on PostgreSQL', () => {
    const coordination = coordinationOf(database.db);
    expect(coordination.kind).toBe(testDatabaseKind());
    expect(coordination instanceof LocalCoordination).toBe(true);
    expect(coordinationOf(database.db)).toBe(coordination);
  });

  it('runs the holders of one key one at a time, in arrival order; other keys run beside them', async () => {
    const coordination = coordinationOf(database.db);
    const events: string[] = [];
    let otherEnded!: () => void;
    const otherDone = new Promise<void>((resolve) => (otherEnded = resolve));
    // "first" holds its key until the other key's holder has run (or 5 s): no timing guesses, so a
    // busy machine cannot reorder them — only a lock that wrongly blocked the other key can.
    const work = (key: string, name: string, until: Promise<unknown>) =>
      coordination.withLock(key, async () => {
        events.push(`${name} start`);
        await until;
        events.push(`${name} end`);
        if (name === 'other') otherEnded();
      });
    await Promise.all([work('k', 'first', Promise.race([otherDone, sleep(5_000)])), work('k', 'second', sleep(10)), work('other', 'other', sleep(10))]);
    expect(events.indexOf('first end')).toBeLessThan(events.indexOf('second start'));
    expect(events.indexOf('other end')).toBeLessThan(events.indexOf('first end'));
  });

  it('re-enters a key the call chain holds, and times out waiting for one held elsewhere', async () => {
    const coordination = coordinationOf(database.db);
    await expect(coordination.withLock('k', () => coordination.withLock('k', async () => 'nested'), 500)).resolves.toBe('nested');
    let release!: () => void;
    const holder = coordination.withLock('k', () => new Promise<void>((resolve) => (release = resolve)));
    await sleep(20);
    await expect(coordination.withLock('k', async () => 'never', 100)).rejects.toBeInstanceOf(LockTimeoutError);
    release();
    await holder;
  });

  it('delivers a published message to this instance\'s subscribers', async () => {
    const coordination = coordinationOf(database.db);
    const received: string[] = [];
    const unsubscribe = coordination.subscribe('directline', (m) => received.push(m));
    await coordination.publish('directline', 'conv-1');
    unsubscribe();
    await coordination.publish('directline', 'conv-2');
    expect(received).toEqual(['conv-1']);
  });

  it('rate limits: a burst of `capacity`, then refused until a token is back', async () => {
    const limiter = coordinationOf(database.db).rateLimiter('test', 2, 1);
    expect(await limiter.take('x')).toEqual({ ok: true });
    expect(await limiter.take('x')).toEqual({ ok: true });
    expect(await limiter.take('x')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await limiter.take('y')).toEqual({ ok: true });
  });
});
