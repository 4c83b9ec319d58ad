/** `describe` for tests that need a Debian package: skipped (and counted at the end) when globalSetup found it missing outside CI. */
import { describe, inject } from 'vitest';
import { needsTag, type SystemPackageName } from './systemPackages.ts';

export function describeNeeding(name: SystemPackageName, title: string, body: () => void): void {
  describe.skipIf(!inject('systemPackages')[name])(`${needsTag(name)} ${title}`, body);
}
