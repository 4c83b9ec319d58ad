import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../src/db/database.ts';
import { adminQuery, startPostgresCluster } from './postgresCluster.ts';
import type { Availability } from './systemPackages.ts';
import { TEMPLATE_DATABASE, testDatabaseKind, type TestDatabaseSetup } from './testDatabaseKind.ts';

/**
 * Once per project and run: migrates one template database that each test copies (see
 * testDatabase.ts) — a SQLite file, or, for the postgres project, a database on a throw-away
 * PostgreSQL cluster started here and stopped at the end. (Which Debian packages are there was
 * decided in vitest.config.ts, before the projects were chosen.)
 */
export default async function setup(project: TestProject) {
  if (testDatabaseKind(project.config.env) === 'postgres') {
    const cluster = await startPostgresCluster();
    try {
      await adminQuery(cluster.url('postgres'), `CREATE DATABASE ${TEMPLATE_DATABASE}`);
      await migrateDatabase(cluster.url(TEMPLATE_DATABASE));
    } catch (error) {
      cluster.stop();
      throw error;
    }
    project.provide('testDatabase', { kind: 'postgres', adminUrl: cluster.url('postgres'), template: TEMPLATE_DATABASE, port: cluster.port } satisfies TestDatabaseSetup);
    return () => cluster.stop();
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bot-template-'));
  const file = path.join(dir, 'template.db');
  await migrateDatabase(`file:${file}`);
  project.provide('testDatabase', { kind: 'sqlite', template: file } satisfies TestDatabaseSetup);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSetup;
    systemPackages: Availability;
  }
}
