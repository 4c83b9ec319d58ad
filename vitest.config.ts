import { defineConfig } from 'vitest/config';
import { decideSystemPackages } from './test/helpers/systemPackages.ts';

// The whole suite runs twice, once per database (TEST_DATABASE; see test/helpers/testDatabaseKind.ts).
// Files named *.sqlite.test.ts or *.postgres.test.ts run on that database only. Without PostgreSQL
// (and outside CI, where it is mandatory) the postgres project is left out, loudly.
const systemPackages = decideSystemPackages();

const project = (database: 'sqlite' | 'postgres', otherDatabase: string) => ({
  extends: true as const,
  test: {
    name: database,
    include: ['test/**/*.test.ts'],
    exclude: [`test/**/*.${otherDatabase}.test.ts`],
    env: { TEST_DATABASE: database },
  },
});

export default defineConfig({
  test: {
    projects: [project('sqlite', 'postgres'), ...(systemPackages.postgresql ? [project('postgres', 'sqlite')] : [])],
    globalSetup: ['test/helpers/globalSetup.ts'],
    provide: { systemPackages },
    // The default report, then one loud line per Debian package whose tests were skipped.
    reporters: ['default', './test/helpers/skipSummaryReporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: keep worker count small so native SQLite and HTTP servers don't starve each other.
    maxWorkers: 2,
  },
});
