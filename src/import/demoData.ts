import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/database.ts';
import { importPlacements, type ImportReport } from './placements.ts';

/** The demo placement file (six fictional debtors; verification details in prisma/DEMO_ACCOUNTS.md). */
export const DEMO_PLACEMENTS_FILE = fileURLToPath(new URL('../../prisma/demo-placements.csv', import.meta.url));

/** The part of the pino logger used here (a pino Logger fits). */
export interface DemoDataLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/**
 * Imports the demo placement file when the Account table is empty — the server calls this at
 * first start when DEMO_DATA is on. Returns the import report, or null when accounts already
 * existed and nothing was done. Logs counts only, never row contents.
 */
export async function seedDemoDataIfEmpty(db: Db, hashKey: string, logger?: DemoDataLogger): Promise<ImportReport | null> {
  const accounts = await db.account.count();
  if (accounts > 0) {
    logger?.info({ accounts }, 'Demo data not imported: the database already has accounts');
    return null;
  }
  const report = await importPlacements(db, await readFile(DEMO_PLACEMENTS_FILE, 'utf8'), { hashKey });
  const counts = { imported: report.imported, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length };
  if (report.rejected.length > 0) {
    logger?.warn({ ...counts, lines: report.rejected.map((row) => row.line) }, 'Demo data imported with rejected rows');
  } else {
    logger?.info(counts, 'Demo data imported (see prisma/DEMO_ACCOUNTS.md for the demo debtors)');
  }
  return report;
}
