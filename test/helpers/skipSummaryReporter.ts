/**
 * Ends the run with one loud line per missing Debian package: how many tests did not run and the
 * command that installs it (the default reporter only says "skipped").
 */
import type { Reporter, TestModule } from 'vitest/node';
import { needsTag, skipNotice, SYSTEM_PACKAGES, type SystemPackageName } from './systemPackages.ts';

export function countSkippedByPackage(modules: ReadonlyArray<TestModule>): Map<SystemPackageName, number> {
  const counts = new Map<SystemPackageName, number>();
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      if (test.result().state !== 'skipped') continue;
      for (const name of Object.keys(SYSTEM_PACKAGES) as SystemPackageName[]) {
        if (test.fullName.includes(needsTag(name))) counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  return counts;
}

export default class SkipSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    for (const [name, count] of countSkippedByPackage(modules)) {
      // Skipped for another reason (a `-t` filter, an `.only`) while the package is there: nothing to say.
      if (SYSTEM_PACKAGES[name].present()) continue;
      process.stdout.write(`\n${skipNotice(name)}\n    (${count} test${count === 1 ? '' : 's'} skipped)\n`);
    }
    // Without PostgreSQL vitest.config.ts leaves the whole postgres project out: say so at the end too.
    if (!SYSTEM_PACKAGES.postgresql.present()) {
      process.stdout.write(`\n${skipNotice('postgresql')}\n    (the whole suite did not run on PostgreSQL: the postgres project was left out)\n`);
    }
  }
}
