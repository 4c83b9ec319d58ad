/**
 * Issue 13, item 4: on PostgreSQL a transaction can be rolled back as a deadlock victim (40P01) or a
 * serialization failure (40001, Prisma's P2034); inTransaction runs it again instead of failing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { inTransaction, isBusyError, isUniqueViolation } from '../../src/db/transactions.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

let database: TestDatabase;
let other: Db;
beforeEach(async () => {
  database = await createTestDatabase();
  other = await openDatabase(database.url, { poolSize: 3 });
});
afterEach(async () => {
  // A hang here (60 s, seen in CI) was a pg client kept checked out by a transaction whose COMMIT
  // failed; src/db/postgres/releaseOnFailedCommit.ts hands it back (test below).
  await database.close();
  await other.$disconnect();
});

describe('[PostgreSQL only] transactions run again after a deadlock or a serialization failure', () => {
  it('two transactions that lock the same rows in opposite orders both commit (the deadlock victim is run again)', async () => {
    const [x, y] = await Promise.all(['x', 'y'].map((name) => database.db.creditor.create({ data: { name, policyJson: '0' } })));
    const runs = { a: 0, b: 0 };
    const transfer = (db: Db, who: 'a' | 'b', first: string, second: string) =>
      inTransaction(db, async (tx) => {
        runs[who] += 1;
        await tx.creditor.update({ where: { id: first }, data: { policyJson: `${who}1` } });
        if (runs[who] === 1) await sleep(300); // both hold their first row when they ask for the second
        await tx.creditor.update({ where: { id: second }, data: { policyJson: `${who}2` } });
      });
    await Promise.all([transfer(database.db, 'a', x!.id, y!.id), transfer(other, 'b', y!.id, x!.id)]);
    expect(runs.a + runs.b).toBe(3); // one of them was the deadlock victim and ran twice
  });

  it('Serializable transactions that read what the other writes both commit, one after running again', async () => {
    let runs = 0;
    const countThenInsert = (db: Db, name: string) =>
      inTransaction(
        db,
        async (tx) => {
          runs += 1;
          const count = await tx.creditor.count();
          await sleep(200);
          await tx.creditor.create({ data: { name, policyJson: String(count) } });
        },
        { isolationLevel: 'Serializable' },
      );
    await Promise.all([countThenInsert(database.db, 'first'), countThenInsert(other, 'second')]);
    const counts = (await database.db.creditor.findMany({ orderBy: { policyJson: 'asc' } })).map((c) => c.policyJson);
    expect(counts).toEqual(['0', '1']); // as if one ran after the other
    expect(runs).toBe(3);
  });

  it('a transaction whose COMMIT fails hands its connection back to the pool (Prisma 6.19 kept it checked out for good)', async () => {
    // A deferred constraint is checked at COMMIT, as a Serializable transaction's serialization failure can be.
    await database.db.$executeRawUnsafe('CREATE TABLE deferred_check (x int UNIQUE DEFERRABLE INITIALLY DEFERRED)');
    const single = await openDatabase(database.url, { poolSize: 1 });
    try {
      const failed = await single
        .$transaction(async (tx) => {
          await tx.$executeRawUnsafe('INSERT INTO deferred_check VALUES (1)');
          await tx.$executeRawUnsafe('INSERT INTO deferred_check VALUES (1)');
        })
        .then(() => 'committed', (error: unknown) => error);
      expect(isUniqueViolation(failed), String(failed)).toBe(true);
      // The pool's one connection: a query waits forever if the failed commit kept it.
      expect(await Promise.race([single.creditor.count(), sleep(5000).then(() => 'still waiting for a connection')])).toBe(0);
    } finally {
      await Promise.race([single.$disconnect(), sleep(5000)]);
    }
  });

  it('tells the retryable failures from the others', async () => {
    const deadlock = await database.db.$executeRawUnsafe("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40P01', MESSAGE = 'deadlock detected'; END $$").catch((e: unknown) => e);
    const serialization = await database.db.$executeRawUnsafe("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40001', MESSAGE = 'could not serialize access'; END $$").catch((e: unknown) => e);
    const other = await database.db.$executeRawUnsafe("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '22012', MESSAGE = 'division by zero'; END $$").catch((e: unknown) => e);
    expect(isBusyError(deadlock)).toBe(true);
    expect(isBusyError(serialization)).toBe(true);
    expect(isBusyError(other)).toBe(false);
  });
});
