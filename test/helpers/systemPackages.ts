/**
 * Tests that need a program from Debian (Chromium for the browser tests, PostgreSQL for the
 * second database). `npm test` must pass on a fresh machine, and CI must lose no coverage:
 *   - present: the tests run;
 *   - missing, CI=true: the run fails, naming the package (.ci/run installs them);
 *   - missing elsewhere: installed with apt-get when we are root and apt is there (progress shown),
 *     otherwise those tests are skipped and the run says so loudly, at the start and at the end.
 * vitest.config.ts decides once per run (the postgres project exists only when PostgreSQL does) and
 * hands the answer to the test files (`inject('systemPackages')`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export type SystemPackageName = 'chromium' | 'postgresql';

interface SystemPackage {
  /** Debian packages that provide it. */
  apt: string[];
  /** What needs it, for the skip notice. */
  neededBy: string;
  present(): boolean;
}

/** The PostgreSQL server binaries of Debian's `postgresql` package, newest major version first. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(`${root}/${v}/bin/postgres`) && existsSync(`${root}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? `${root}/${versions[0]}/bin` : undefined;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const SYSTEM_PACKAGES: Record<SystemPackageName, SystemPackage> = {
  chromium: { apt: ['chromium'], neededBy: 'browser tests (Web Chat, officer console)', present: () => existsSync(CHROMIUM_PATH) },
  postgresql: { apt: ['postgresql'], neededBy: 'PostgreSQL tests (second database, several instances)', present: () => postgresBinDir() !== undefined },
};

export const installCommand = (name: SystemPackageName) => `apt-get install -y --no-install-recommends ${SYSTEM_PACKAGES[name].apt.join(' ')}`;

export type Availability = Record<SystemPackageName, boolean>;

export interface EnsureOptions {
  ci: boolean;
  /** May we run apt-get? (root, apt-get on PATH, and TEST_NO_INSTALL unset.) */
  canInstall: boolean;
  install(name: SystemPackageName): boolean;
  log(line: string): void;
}

export class MissingSystemPackageError extends Error {}

/** Decides, for each package, whether its tests run. Throws in CI when one is missing. */
export function ensureSystemPackages(names: readonly SystemPackageName[], options: EnsureOptions): Availability {
  const availability = {} as Availability;
  const missing: SystemPackageName[] = [];
  for (const name of names) {
    let present = SYSTEM_PACKAGES[name].present();
    if (!present && !options.ci && options.canInstall) {
      options.log(`Installing Debian's ${SYSTEM_PACKAGES[name].apt.join(', ')} for the ${SYSTEM_PACKAGES[name].neededBy} (once; set TEST_NO_INSTALL=1 to skip)…`);
      present = options.install(name) && SYSTEM_PACKAGES[name].present();
    }
    availability[name] = present;
    if (!present) missing.push(name);
  }
  if (missing.length && options.ci) {
    throw new MissingSystemPackageError(
      `CI=true and ${missing.map((n) => `${n} (${SYSTEM_PACKAGES[n].neededBy})`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: ${missing.map(installCommand).join(' && ')}. .ci/run installs ${missing.length === 1 ? 'it' : 'them'}; in CI these tests are mandatory.`,
    );
  }
  for (const name of missing) options.log(skipNotice(name));
  return availability;
}

export const skipNotice = (name: SystemPackageName) =>
  `!!! SKIPPING the ${SYSTEM_PACKAGES[name].neededBy}: Debian's ${name} is not installed. Install it with: sudo ${installCommand(name)}`;

function aptGet(args: string[]): boolean {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

/** apt-get install, with an `apt-get update` first when the package lists are stale or absent. */
export function aptInstall(name: SystemPackageName): boolean {
  const args = ['install', '-y', '--no-install-recommends', ...SYSTEM_PACKAGES[name].apt];
  return aptGet(args) || (aptGet(['update']) && aptGet(args));
}

export function canInstallWithApt(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.TEST_NO_INSTALL) return false;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** `describe` names of tests that need a package start with this tag, so the run's summary can count them. */
export const needsTag = (name: SystemPackageName) => `[needs ${name}]`;

/** The run's decision for every package (vitest.config.ts): install, skip loudly, or fail in CI. */
export function decideSystemPackages(env: NodeJS.ProcessEnv = process.env): Availability {
  return ensureSystemPackages(Object.keys(SYSTEM_PACKAGES) as SystemPackageName[], {
    ci: env.CI === 'true',
    canInstall: canInstallWithApt(env),
    install: aptInstall,
    log: (line) => process.stdout.write(`${line}\n`),
  });
}
