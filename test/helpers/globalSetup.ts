import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../src/db/database.ts';
import { aptInstall, canInstallWithApt, ensureSystemPackages, type Availability } from './systemPackages.ts';

/**
 * Once per run: finds (or installs, or reports missing) the Debian packages some tests need, and
 * migrates one template database that each test copies (see testDatabase.ts).
 */
export default async function setup(project: TestProject) {
  const systemPackages = ensureSystemPackages(['chromium'], {
    ci: process.env.CI === 'true',
    canInstall: canInstallWithApt(),
    install: aptInstall,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  project.provide('systemPackages', systemPackages);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-template-'));
  const file = path.join(dir, 'template.db');
  await migrateDatabase(`file:${file}`);
  project.provide('templateDatabase', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    systemPackages: Availability;
  }
}
