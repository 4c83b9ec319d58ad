import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../src/db/database.ts';

/** Migrates one template database per run; each test copies it (see testDatabase.ts). */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-template-'));
  const file = path.join(dir, 'template.db');
  await migrateDatabase(`file:${file}`);
  project.provide('templateDatabase', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
