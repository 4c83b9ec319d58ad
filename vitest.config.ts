import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/globalSetup.ts'],
    // The default report, then one loud line per Debian package whose tests were skipped.
    reporters: ['default', './test/helpers/skipSummaryReporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: keep worker count small so native SQLite and HTTP servers don't starve each other.
    maxWorkers: 2,
  },
});
