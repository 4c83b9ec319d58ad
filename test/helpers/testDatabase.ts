import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Db } from '../../src/db/database.ts';

export interface TestDatabase {
  db: Db;
  url: string;
  close(): Promise<void>;
}

/** A fresh, fully migrated SQLite database in a temporary folder. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-test-'));
  const file = path.join(dir, 'test.db');
  copyFileSync(inject('templateDatabase'), file);
  const url = `file:${file}`;
  const db = await openDatabase(url);
  return {
    db,
    url,
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
