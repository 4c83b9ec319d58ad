/** Tests that need a Debian package: run, install, fail in CI, or skip loudly (fresh-machine promise). */
import { describe, expect, it } from 'vitest';
import { ensureSystemPackages, MissingSystemPackageError, SYSTEM_PACKAGES, type EnsureOptions } from '../helpers/systemPackages.ts';

function withPresence(present: boolean, body: () => void) {
  const original = SYSTEM_PACKAGES.chromium.present;
  SYSTEM_PACKAGES.chromium.present = () => present;
  try {
    body();
  } finally {
    SYSTEM_PACKAGES.chromium.present = original;
  }
}

function options(overrides: Partial<EnsureOptions>): EnsureOptions & { lines: string[]; installs: string[] } {
  const lines: string[] = [];
  const installs: string[] = [];
  return { ci: false, canInstall: false, install: (n) => (installs.push(n), false), log: (l) => lines.push(l), lines, installs, ...overrides };
}

describe('system packages for tests', () => {
  it('runs the tests when the package is there, without installing or warning', () => {
    withPresence(true, () => {
      const o = options({ canInstall: true });
      expect(ensureSystemPackages(['chromium'], o)).toEqual({ chromium: true });
      expect(o.installs).toEqual([]);
      expect(o.lines).toEqual([]);
    });
  });

  it('with CI=true a missing package fails the run and names the package and the command', () => {
    withPresence(false, () => {
      const o = options({ ci: true, canInstall: true });
      expect(() => ensureSystemPackages(['chromium'], o)).toThrow(MissingSystemPackageError);
      expect(() => ensureSystemPackages(['chromium'], o)).toThrow(/chromium.*apt-get install -y --no-install-recommends chromium/);
      expect(o.installs).toEqual([]); // CI installs in .ci/run, never from a test
    });
  });

  it('outside CI, as root with apt, installs once and runs the tests', () => {
    let installed = false;
    const original = SYSTEM_PACKAGES.chromium.present;
    SYSTEM_PACKAGES.chromium.present = () => installed;
    try {
      const o = options({ canInstall: true, install: (n) => ((installed = true), o.installs.push(n), true) });
      expect(ensureSystemPackages(['chromium'], o)).toEqual({ chromium: true });
      expect(o.installs).toEqual(['chromium']);
      expect(o.lines.join('\n')).toMatch(/Installing Debian's chromium/);
    } finally {
      SYSTEM_PACKAGES.chromium.present = original;
    }
  });

  it('outside CI without a way to install, skips with one loud line naming the package and the command', () => {
    withPresence(false, () => {
      const o = options({ canInstall: false });
      expect(ensureSystemPackages(['chromium'], o)).toEqual({ chromium: false });
      expect(o.lines).toHaveLength(1);
      expect(o.lines[0]).toMatch(/^!!! SKIPPING the browser tests.*chromium.*apt-get install/);
    });
  });

  it('skips when the install itself fails (no network), with the same notice', () => {
    withPresence(false, () => {
      const o = options({ canInstall: true, install: () => false });
      expect(ensureSystemPackages(['chromium'], o)).toEqual({ chromium: false });
      expect(o.lines.at(-1)).toMatch(/SKIPPING/);
    });
  });
});
