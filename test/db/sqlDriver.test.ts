import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlDriverOf } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { testDatabaseKind } from '../helpers/testDatabaseKind.ts';

// The ground for hot statements that skip Prisma's per-request compiler (issue 14): the driver
// under Prisma, on either database.
let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

describe('sqlDriverOf: the driver under Prisma', () => {
  it('is the database of the URL, and sees what Prisma wrote (on SQLite through the same connection)', async () => {
    await database.db.creditor.create({ data: { name: 'Seen', policyJson: '{}' } });
    const driver = sqlDriverOf(database.db);
    expect(driver.kind).toBe(testDatabaseKind());
    if (driver.kind === 'sqlite') {
      const row = driver.connection.prepare('SELECT count(*) AS n FROM "Creditor" WHERE "name" = ?').get('Seen') as { n: bigint };
      expect(Number(row.n)).toBe(1);
    } else {
      const { rows } = await driver.pool.query<{ n: string }>('SELECT count(*) AS n FROM "Creditor" WHERE "name" = $1', ['Seen']);
      expect(Number(rows[0]!.n)).toBe(1);
    }
  });
});
