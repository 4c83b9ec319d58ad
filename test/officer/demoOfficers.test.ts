import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEMO_OFFICERS, seedDemoOfficersIfNone } from '../../src/officer/demoOfficers.ts';
import { findActiveOfficerByEmail, upsertOfficer } from '../../src/officer/officers.ts';
import { verifyPassword } from '../../src/officer/passwords.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.close());

it('creates the documented demo sign-ins on an empty database, once', async () => {
  expect(await seedDemoOfficersIfNone(database.db)).toBe(true);
  for (const demo of DEMO_OFFICERS) {
    const officer = await findActiveOfficerByEmail(database.db, demo.email);
    expect(officer).toMatchObject({ name: demo.name, role: demo.role });
    expect(await verifyPassword(demo.password, officer!.passwordHash)).toBe(true);
  }
  expect(await seedDemoOfficersIfNone(database.db)).toBe(false);
  expect(await database.db.officer.count()).toBe(DEMO_OFFICERS.length);
});

it('creates none once a real console account exists', async () => {
  await upsertOfficer(database.db, { email: 'real@agency.test', name: 'Real Person', role: 'supervisor', password: 'a real long passphrase' });
  expect(await seedDemoOfficersIfNone(database.db)).toBe(false);
  expect(await database.db.officer.count()).toBe(1);
});
