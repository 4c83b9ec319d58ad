/**
 * Prisma 6.19's transaction manager sends COMMIT through the transaction and only then calls the
 * adapter's `commit()`, which is what hands the pg client back to the pool. When COMMIT itself
 * fails — a Serializable transaction's serialization failure (40001) or a deferred constraint is
 * reported at commit — neither `commit()` nor `rollback()` is called and the connection stays
 * checked out for good: after `poolSize` such failures every query waits, and the pool never ends
 * (seen as a test's afterEach hanging 60 s in CI). Written by hand because it is a fix inside the
 * adapter's contract: when COMMIT fails, PostgreSQL has already ended the transaction, so the
 * client is handed back (the adapter's `rollback()` only releases it) and the error goes on.
 */
import type { PrismaPg } from '@prisma/adapter-pg';

type Factory = PrismaPg;
type Adapter = Awaited<ReturnType<Factory['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

function releasing(tx: Transaction): Transaction {
  const executeRaw = tx.executeRaw.bind(tx);
  tx.executeRaw = async (query) => {
    if (!/^\s*COMMIT\s*$/i.test(query.sql)) return executeRaw(query);
    try {
      return await executeRaw(query);
    } catch (error) {
      await tx.rollback();
      throw error;
    }
  };
  return tx;
}

export function releaseOnFailedCommit(factory: Factory): Factory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releasing(await startTransaction(isolationLevel));
    return adapter;
  };
  return factory;
}
