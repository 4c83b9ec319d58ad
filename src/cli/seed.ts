/**
 * npm run seed
 *
 * Imports the demo placement file (prisma/demo-placements.csv) into the database at
 * DATABASE_URL, whether or not it already has accounts. Safe to repeat: an unchanged file
 * changes nothing. The demo debtors' verification details are in prisma/DEMO_ACCOUNTS.md.
 */
import { DEMO_PLACEMENTS_FILE } from '../import/demoData.ts';
import { runImport } from './import.ts';

try {
  const code = await runImport(DEMO_PLACEMENTS_FILE);
  if (code === 0) process.stdout.write('Demo debtors and their verification details: prisma/DEMO_ACCOUNTS.md\n');
  process.exitCode = code;
} catch (error) {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
