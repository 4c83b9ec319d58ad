import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationState, TestAdapter, type StoreItems } from 'botbuilder';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { TurnCommitMiddleware, TurnDeferredStorage } from '../../src/bot/turnCommit.ts';
import { ETagConflictError, PrismaStorage } from '../../src/storage/prismaStorage.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { testDatabaseKind } from '../helpers/testDatabaseKind.ts';

let testDb: TestDatabase;
let storage: PrismaStorage;
const extraClients: Db[] = [];

beforeEach(async () => {
  testDb = await createTestDatabase();
  storage = new PrismaStorage(testDb.db);
});

afterEach(async () => {
  for (const client of extraClients.splice(0)) await client.$disconnect();
  await testDb.close();
});

interface WorkerResult {
  ok: boolean;
  name?: string;
  message?: string;
}

/**
 * Each worker thread opens its own database connection (as a second process would), waits at a
 * shared barrier, then calls `storage.write(changes[i])` at the same moment as the others.
 * (Two connections in one thread cannot race: better-sqlite3 busy-waits synchronously.)
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
(async () => {
  const { register } = await import(workerData.tsx);
  register();
  const { openDatabase } = await import(workerData.databaseModule);
  const { PrismaStorage } = await import(workerData.storageModule);
  const db = await openDatabase(workerData.url);
  const storage = new PrismaStorage(db);
  await storage.read(['warm-up']);
  parentPort.postMessage({ type: 'ready' });
  Atomics.wait(new Int32Array(workerData.barrier), 0, 0);
  let result;
  try {
    await storage.write(workerData.changes);
    result = { type: 'done', ok: true };
  } catch (e) {
    result = { type: 'done', ok: false, name: e.name, message: String(e.message) };
  }
  await db.$disconnect();
  parentPort.postMessage(result);
})().catch((e) => parentPort.postMessage({ type: 'crash', message: String(e && e.stack) }));
`;

async function raceInWorkers(url: string, changes: StoreItems[]): Promise<WorkerResult[]> {
  const barrier = new SharedArrayBuffer(4);
  const workers = changes.map(
    (change) =>
      new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          tsx: import.meta.resolve('tsx/esm/api'),
          databaseModule: new URL('../../src/db/database.ts', import.meta.url).href,
          storageModule: new URL('../../src/storage/prismaStorage.ts', import.meta.url).href,
          url,
          barrier,
          changes: change,
        },
      }),
  );
  try {
    const ready = workers.map((w) => new Promise<void>((resolve) => w.on('message', (m) => m.type === 'ready' && resolve())));
    const done = workers.map(
      (w) =>
        new Promise<WorkerResult>((resolve, reject) => {
          w.on('message', (m: { type: string } & WorkerResult) => {
            if (m.type === 'done') resolve({ ok: m.ok, name: m.name, message: m.message });
            if (m.type === 'crash') reject(new Error(`storage worker crashed: ${m.message}`));
          });
          w.on('error', reject);
        }),
    );
    await Promise.race([Promise.all(ready), Promise.all(done)]);
    const flag = new Int32Array(barrier);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    return await Promise.all(done);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

// Ported from botbuilder-js libraries/botbuilder-core/tests/storageBaseTests.js
describe('PrismaStorage — botbuilder storage conformance', () => {
  it('returns an empty object when reading an unknown key', async () => {
    const result = await storage.read(['unknown']);
    expect(result).not.toBeNull();
    expect(Object.keys(result)).toHaveLength(0);
  });

  it('rejects missing keys / changes with a ReferenceError, like MemoryStorage', async () => {
    await expect(storage.read(null as unknown as string[])).rejects.toThrow(
      new ReferenceError('Keys are required when reading.'),
    );
    await expect(storage.read(undefined as unknown as string[])).rejects.toBeInstanceOf(ReferenceError);
    await expect(storage.write(null as unknown as StoreItems)).rejects.toThrow(
      new ReferenceError('Changes are required when writing.'),
    );
    await expect(storage.delete(undefined as unknown as string[])).rejects.toBeInstanceOf(ReferenceError);
  });

  it('does not throw when writing no items', async () => {
    await expect(storage.write([] as unknown as StoreItems)).resolves.toBeUndefined();
    await expect(storage.write({})).resolves.toBeUndefined();
    await expect(storage.read([])).resolves.toEqual({});
    await expect(storage.delete([])).resolves.toBeUndefined();
  });

  it('creates objects and reads them back with an eTag', async () => {
    const storeItems = { createPoco: { id: 1 }, createPocoStoreItem: { id: 2 } };
    await storage.write(storeItems);

    const read = await storage.read(Object.keys(storeItems));
    expect(read.createPoco.id).toBe(1);
    expect(read.createPocoStoreItem.id).toBe(2);
    expect(typeof read.createPoco.eTag).toBe('string');
    expect(typeof read.createPocoStoreItem.eTag).toBe('string');
    expect(read.createPoco.eTag).not.toBe(read.createPocoStoreItem.eTag);
  });

  it('creates an object written with an eTag for a key that does not exist yet (as MemoryStorage)', async () => {
    await storage.write({ fresh: { id: 1, eTag: 'made-up' } });
    const read = await storage.read(['fresh']);
    expect(read.fresh.id).toBe(1);
    expect(read.fresh.eTag).toEqual(expect.any(String));
    expect(read.fresh.eTag).not.toBe('made-up');
  });

  it('creates an object written with eTag "*"', async () => {
    await storage.write({ star: { id: 7, eTag: '*' } });
    const read = await storage.read(['star']);
    expect(read.star.id).toBe(7);
    expect(read.star.eTag).not.toBe('*');
  });

  it('handles crazy keys', async () => {
    const keys = [
      '!@#$%^&*()~/\\><,.?\';"`~',
      'msteams/conversations/a:b|c/',
      'sms/conversations/+15551234567/',
      'ключ/日本語/🙂',
      "'; DROP TABLE BotState; --",
      '%_ LIKE wildcards _%',
      ' ',
    ];
    await storage.write(Object.fromEntries(keys.map((key, i) => [key, { id: i }])));
    const read = await storage.read(keys);
    expect(Object.keys(read).sort()).toEqual([...keys].sort());
    keys.forEach((key, i) => expect(read[key]?.id).toBe(i));
    // A wildcard-looking key must not match anything else.
    expect(await storage.read(['%'])).toEqual({});
  });

  it('updates objects: no eTag wins, stale eTag is rejected, "*" wins', async () => {
    await storage.write({ pocoItem: { id: 1, count: 1 }, pocoStoreItem: { id: 1, count: 1 } });

    const loaded = await storage.read(['pocoItem', 'pocoStoreItem']);
    const updatePocoItem = loaded.pocoItem;
    delete updatePocoItem.eTag; // pocoItems don't have an eTag
    const updatePocoStoreItem = loaded.pocoStoreItem;
    expect(updatePocoStoreItem.eTag).toEqual(expect.any(String));

    // 2nd write works: one without eTag, one with the current eTag.
    updatePocoItem.count++;
    updatePocoStoreItem.count++;
    await storage.write(loaded);

    const reloaded = await storage.read(Object.keys(loaded));
    expect(reloaded.pocoItem.eTag).toEqual(expect.any(String));
    expect(reloaded.pocoStoreItem.eTag).not.toBe(updatePocoStoreItem.eTag);
    expect(reloaded.pocoItem.count).toBe(2);
    expect(reloaded.pocoStoreItem.count).toBe(2);

    // Write without eTag succeeds (last writer wins).
    updatePocoItem.count = 123;
    await expect(storage.write({ pocoItem: updatePocoItem })).resolves.toBeUndefined();

    // Write with the old eTag fails, and nothing of it is written.
    updatePocoStoreItem.count = 123;
    const stale = storage.write({ pocoStoreItem: updatePocoStoreItem });
    await expect(stale).rejects.toBeInstanceOf(ETagConflictError);
    await expect(storage.write({ pocoStoreItem: updatePocoStoreItem })).rejects.toThrow(/eTag conflict/);

    const reloaded2 = await storage.read(['pocoItem', 'pocoStoreItem']);
    const reloadedPocoItem2 = reloaded2.pocoItem;
    delete reloadedPocoItem2.eTag;
    const reloadedPocoStoreItem2 = reloaded2.pocoStoreItem;
    expect(reloadedPocoItem2.count).toBe(123);
    expect(reloadedPocoStoreItem2.count).toBe(2);
    expect(reloadedPocoStoreItem2.eTag).toBe(reloaded.pocoStoreItem.eTag);

    // Write with the wildcard eTag works.
    reloadedPocoItem2.count = 100;
    reloadedPocoStoreItem2.count = 100;
    reloadedPocoStoreItem2.eTag = '*';
    await storage.write({ pocoItem: reloadedPocoItem2, pocoStoreItem: reloadedPocoStoreItem2 });

    const reloaded3 = await storage.read(['pocoItem', 'pocoStoreItem']);
    expect(reloaded3.pocoItem.count).toBe(100);
    expect(reloaded3.pocoStoreItem.count).toBe(100);
  });

  it('writes the other items of a call when one of them conflicts, then rejects (as MemoryStorage)', async () => {
    await storage.write({ a: { v: 1 }, b: { v: 1 } });
    const { a, b } = await storage.read(['a', 'b']);
    await storage.write({ a: { ...a!, v: 2 } }); // a's eTag is now stale

    const error = await storage
      .write({ a: { ...a!, v: 3 }, b: { ...b!, v: 3 }, c: { v: 3 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ETagConflictError);
    expect((error as ETagConflictError).keys).toEqual(['a']);

    const after = await storage.read(['a', 'b', 'c']);
    expect(after.a.v).toBe(2);
    expect(after.b.v).toBe(3);
    expect(after.c.v).toBe(3);
  });

  it('assigns a fresh eTag on every successful write', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      await storage.write({ counter: { i } });
      seen.add((await storage.read(['counter'])).counter.eTag);
    }
    expect(seen.size).toBe(5);
  });

  it('deletes an object', async () => {
    await storage.write({ delete1: { id: 1, count: 1 } });
    const read = await storage.read(['delete1']);
    expect(read.delete1.eTag).toEqual(expect.any(String));
    expect(read.delete1.count).toBe(1);

    await storage.delete(['delete1']);
    const reloaded = await storage.read(['delete1']);
    expect(reloaded.delete1).toBeUndefined();
  });

  it('deleting an unknown object is fine, and deleting twice too', async () => {
    await expect(storage.delete(['unknown_key'])).resolves.toBeUndefined();
    await storage.write({ twice: { x: 1 } });
    await storage.delete(['twice']);
    await expect(storage.delete(['twice'])).resolves.toBeUndefined();
  });

  it('performs batch operations', async () => {
    await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });

    let result = await storage.read(['batch1', 'batch2', 'batch3']);
    expect(result.batch1.count).toBe(10);
    expect(result.batch2.count).toBe(20);
    expect(result.batch3.count).toBe(30);
    for (const key of ['batch1', 'batch2', 'batch3']) expect(result[key]?.eTag).toEqual(expect.any(String));

    await storage.delete(['batch1', 'batch2', 'batch3']);
    result = await storage.read(['batch1', 'batch2', 'batch3']);
    expect(result).toEqual({});
  });
});

describe('PrismaStorage — data and persistence', () => {
  it('round-trips nested objects, arrays and unicode, without storing the eTag in the JSON', async () => {
    const item = {
      name: 'Zoë Ångström — 日本語 🙂',
      nested: { deep: { deeper: { list: [1, 'two', { three: 3 }, null, [true, false]] } } },
      empty: {},
      emptyList: [],
      amount: 123456,
      ok: false,
    };
    await storage.write({ 'emulator/conversations/x/': { ...item, eTag: '*' } });
    const read = await storage.read(['emulator/conversations/x/']);
    const { eTag, ...rest } = read['emulator/conversations/x/']!;
    expect(rest).toEqual(item);
    expect(eTag).toEqual(expect.any(String));

    const row = await testDb.db.botState.findUniqueOrThrow({ where: { key: 'emulator/conversations/x/' } });
    expect(row.eTag).toBe(eTag);
    expect(JSON.parse(row.data)).toEqual(item);
    expect(row.data).not.toContain('eTag');
  });

  it('does not mutate the caller\'s items', async () => {
    const item = { v: 1, eTag: '*' };
    await storage.write({ k: item });
    expect(item).toEqual({ v: 1, eTag: '*' });
  });

  it('stores a large item (~1 MB)', async () => {
    const big = { blob: 'x'.repeat(1024 * 1024), list: Array.from({ length: 1000 }, (_, i) => ({ i, s: 'é' })) };
    await storage.write({ big });
    const read = await storage.read(['big']);
    expect(read.big.blob).toHaveLength(1024 * 1024);
    expect(read.big.list).toHaveLength(1000);
    expect(read.big.list[999]).toEqual({ i: 999, s: 'é' });
  });

  it('reads many keys at once, leaving out unknown ones', async () => {
    const changes: StoreItems = {};
    for (let i = 0; i < 1200; i++) changes[`k${i}`] = { i };
    // Written in one statement: this test is about reading (in chunks below SQLite's parameter cap).
    await testDb.db.botState.createMany({ data: Object.entries(changes).map(([key, item]) => ({ key, eTag: `e${key}`, data: JSON.stringify(item) })) });
    const keys = [...Object.keys(changes), 'nope-1', 'nope-2', 'k5'];
    const read = await storage.read(keys);
    expect(Object.keys(read)).toHaveLength(1200);
    expect(read.k1199.i).toBe(1199);
    await storage.delete(Object.keys(changes));
    expect(await testDb.db.botState.count()).toBe(0);
  });

  it('concurrent writers with the same eTag: exactly one wins (same client)', async () => {
    await storage.write({ race: { n: 0 } });
    const { race } = await storage.read(['race']);

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) => storage.write({ race: { ...race!, n: n + 1 } })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const r of lost) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ETagConflictError);
    expect((await storage.read(['race'])).race.n).toBeGreaterThan(0);
  });

  // Worker threads each load the database client: allow for a busy machine.
  it('concurrent writers with the same eTag on separate connections (worker threads): exactly one wins', { timeout: 60_000 }, async () => {
    await storage.write({ race: { who: 'nobody' } });
    for (let round = 0; round < 2; round++) {
      const { race } = await storage.read(['race']);
      const results = await raceInWorkers(
        testDb.url,
        [0, 1, 2, 3].map((who) => ({ race: { ...race!, who, round } })),
      );
      const winners = results.flatMap((r, who) => (r.ok ? [who] : []));
      expect(winners).toHaveLength(1);
      for (const r of results.filter((r) => !r.ok)) expect(r.name).toBe('ETagConflictError');
      const stored = (await storage.read(['race'])).race;
      expect(stored.who).toBe(winners[0]);
      expect(stored.round).toBe(round);
    }
  });

  it('concurrent creators of a new key with the same made-up eTag (worker threads): exactly one wins', { timeout: 60_000 }, async () => {
    const results = await raceInWorkers(
      testDb.url,
      [0, 1, 2].map((who) => ({ brandNew: { who, eTag: 'guess' } })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results.findIndex((r) => r.ok);
    expect((await storage.read(['brandNew'])).brandNew.who).toBe(winner);
  });

  it('concurrent unconditional creators of a new key (worker threads) all succeed, last writer wins', { timeout: 60_000 }, async () => {
    const results = await raceInWorkers(testDb.url, [
      { blind: { who: 0 } },
      { blind: { who: 1, eTag: '*' } },
      { blind: { who: 2 } },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect([0, 1, 2]).toContain((await storage.read(['blind'])).blind.who);
  });

  it('data survives closing and reopening the database', async () => {
    await storage.write({ 'sms/conversations/+15550001111/': { step: 'verify', tries: [1, 2] } });
    const before = (await storage.read(['sms/conversations/+15550001111/']))['sms/conversations/+15550001111/'];
    await testDb.db.$disconnect();

    const reopened = await openDatabase(testDb.url);
    extraClients.push(reopened);
    const after = (await new PrismaStorage(reopened).read(['sms/conversations/+15550001111/']))[
      'sms/conversations/+15550001111/'
    ];
    expect(after).toEqual(before);
    expect(after.step).toBe('verify');
  });
});

describe('PrismaStorage — with botbuilder ConversationState', () => {
  it('state saved in one turn is read back in the next', async () => {
    const conversationState = new ConversationState(storage);
    const counter = conversationState.createProperty<{ turns: number; texts: string[] }>('counter');

    const adapter = new TestAdapter(async (context) => {
      const value = await counter.get(context, { turns: 0, texts: [] });
      value.turns += 1;
      value.texts.push(context.activity.text ?? '');
      await counter.set(context, value);
      await context.sendActivity(`turn ${value.turns}: ${value.texts.join(',')}`);
      await conversationState.saveChanges(context);
    });

    await adapter
      .send('héllo')
      .assertReply('turn 1: héllo')
      .send('again')
      .assertReply('turn 2: héllo,again')
      .send('third')
      .assertReply('turn 3: héllo,again,third')
      .startTest();

    const rows = await testDb.db.botState.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key).toBe('test/conversations/Convo1/');
    expect(JSON.parse(rows[0]!.data).counter).toEqual({ turns: 3, texts: ['héllo', 'again', 'third'] });

    // A fresh ConversationState over a new storage instance (no cache) sees the same state.
    const reloaded = await new PrismaStorage(testDb.db).read(['test/conversations/Convo1/']);
    expect(reloaded['test/conversations/Convo1/']?.counter.turns).toBe(3);
  });

  it('ConversationState saves with eTag "*": a stale concurrent turn overwrites (why TurnLockMiddleware exists)', async () => {
    const conversationState = new ConversationState(storage);
    const prop = conversationState.createProperty<number>('value');
    const adapter = new TestAdapter(async () => undefined);
    const key = 'test/conversations/Convo1/';

    await adapter.processActivity('one', async (ctx) => {
      await prop.set(ctx, 1);
      await conversationState.saveChanges(ctx);
    });
    // Turn A loads the state, turn B runs to completion in between, then A saves.
    await adapter.processActivity('A', async (ctxA) => {
      await prop.get(ctxA);
      await adapter.processActivity('B', async (ctxB) => {
        await prop.set(ctxB, 2);
        await conversationState.saveChanges(ctxB);
      });
      await prop.set(ctxA, 3);
      await conversationState.saveChanges(ctxA); // botbuilder's BotState always writes eTag '*'
    });
    expect((await storage.read([key]))[key]?.value).toBe(3);
  });

  it('with conditionalOnRead (the service\'s wiring), a stale turn\'s save fails instead of undoing a newer one — on another instance too', async () => {
    const key = 'test/conversations/Convo1/';
    // Two instances: each its own storage (and, on PostgreSQL, its own client).
    const other = testDatabaseKind() === 'postgres' ? await openDatabase(testDb.url, { poolSize: 2 }) : testDb.db;
    if (other !== testDb.db) extraClients.push(other);
    const stateA = new ConversationState(new PrismaStorage(testDb.db, { conditionalOnRead: true }));
    const stateB = new ConversationState(new PrismaStorage(other, { conditionalOnRead: true }));
    const propA = stateA.createProperty<number>('value');
    const propB = stateB.createProperty<number>('value');
    const adapter = new TestAdapter(async () => undefined);

    await adapter.processActivity('one', async (ctx) => {
      await propA.set(ctx, 1);
      await stateA.saveChanges(ctx); // creates the key (it was read as absent)
    });
    let stale: unknown;
    await adapter.processActivity('A', async (ctxA) => {
      await propA.get(ctxA);
      await adapter.processActivity('B', async (ctxB) => {
        await propB.set(ctxB, 2);
        await stateB.saveChanges(ctxB);
      });
      await propA.set(ctxA, 3);
      stale = await stateA.saveChanges(ctxA).catch((error: unknown) => error);
    });
    expect(stale).toBeInstanceOf(ETagConflictError);
    expect((await storage.read([key]))[key]?.value).toBe(2);
    // The next turn reads afresh and saves normally.
    await adapter.processActivity('C', async (ctx) => {
      await propA.set(ctx, 4);
      await stateA.saveChanges(ctx);
    });
    expect((await storage.read([key]))[key]?.value).toBe(4);
  });

  it("the service's storage (TurnDeferredStorage): a turn that read state before another instance's turn committed fails at its commit, and nothing of it is saved", async () => {
    const key = 'test/conversations/Convo1/';
    const other = testDatabaseKind() === 'postgres' ? await openDatabase(testDb.url, { poolSize: 2 }) : testDb.db;
    if (other !== testDb.db) extraClients.push(other);
    const rethrow = async (_context: unknown, error: Error) => {
      throw error;
    };
    const stateA = new ConversationState(new TurnDeferredStorage(testDb.db));
    const stateB = new ConversationState(new TurnDeferredStorage(other));
    const propA = stateA.createProperty<number>('value');
    const propB = stateB.createProperty<number>('value');
    const adapterA = new TestAdapter(async () => undefined).use(new TurnCommitMiddleware(testDb.db, rethrow));
    const adapterB = new TestAdapter(async () => undefined).use(new TurnCommitMiddleware(other, rethrow));

    // Activity ids of their own: the two adapters would both number theirs from 0 (a replay to the commit).
    const message = (id: string) => ({ type: 'message', text: id, id });
    await adapterA.processActivity(message('one'), async (ctx) => {
      await propA.set(ctx, 1);
      await stateA.saveChanges(ctx);
    });
    expect((await storage.read([key]))[key]?.value).toBe(1);
    const stale = await adapterA
      .processActivity(message('A'), async (ctxA) => {
        await propA.get(ctxA);
        // Another instance's turn of the same conversation commits meanwhile (the turn lock should have kept it out).
        await adapterB.processActivity(message('B'), async (ctxB) => {
          await propB.set(ctxB, 2);
          await stateB.saveChanges(ctxB);
        });
        await propA.set(ctxA, 3);
        await stateA.saveChanges(ctxA);
      })
      .catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(ETagConflictError);
    expect((await storage.read([key]))[key]?.value).toBe(2);
    // The next turn reads afresh and commits normally.
    await adapterA.processActivity(message('C'), async (ctx) => {
      await propA.set(ctx, 4);
      await stateA.saveChanges(ctx);
    });
    expect((await storage.read([key]))[key]?.value).toBe(4);
  });

  it('with conditionalOnRead, two first turns that both found no state cannot both create it', async () => {
    const key = 'test/conversations/Convo1/';
    const stateA = new ConversationState(new PrismaStorage(testDb.db, { conditionalOnRead: true }));
    const stateB = new ConversationState(new PrismaStorage(testDb.db, { conditionalOnRead: true }));
    const adapter = new TestAdapter(async () => undefined);
    let second: unknown;
    await adapter.processActivity('A', async (ctxA) => {
      await stateA.createProperty<string>('who').get(ctxA);
      await adapter.processActivity('B', async (ctxB) => {
        await stateB.createProperty<string>('who').set(ctxB, 'B');
        await stateB.saveChanges(ctxB);
      });
      await stateA.createProperty<string>('who').set(ctxA, 'A');
      second = await stateA.saveChanges(ctxA).catch((error: unknown) => error);
    });
    expect(second).toBeInstanceOf(ETagConflictError);
    expect((await storage.read([key]))[key]?.who).toBe('B');
  });
});
