import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findActiveOfficerByEmail, normalizeOfficerEmail, OfficerInputError, upsertOfficer, type OfficerRole } from '../../src/officer/officers.ts';
import { verifyPassword } from '../../src/officer/passwords.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

const FIRST_PASSWORD = 'first password for dana';
const SECOND_PASSWORD = 'second password for dana';

let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase();
});

afterEach(async () => {
  await t.close();
});

async function addSession(officerId: string, id: string) {
  await t.db.officerSession.create({ data: { id, officerId, csrfToken: `csrf-${id}`, expiresAt: new Date(Date.now() + 3_600_000) } });
}

describe('upsertOfficer', () => {
  it('creates an account with a normalised email, the role and a verifiable password hash', async () => {
    const result = await upsertOfficer(t.db, { email: '  Dana.Ortiz@Agency.COM ', name: ' Dana Ortiz ', role: 'supervisor', password: FIRST_PASSWORD });
    expect(result).toMatchObject({ created: true, role: 'supervisor', disabled: false });
    const officer = await t.db.officer.findUniqueOrThrow({ where: { id: result.id } });
    expect(officer).toMatchObject({ email: 'dana.ortiz@agency.com', name: 'Dana Ortiz', role: 'supervisor', disabledAt: null });
    expect(officer.passwordHash).not.toContain(FIRST_PASSWORD);
    expect(await verifyPassword(FIRST_PASSWORD, officer.passwordHash)).toBe(true);
  });

  it('makes a new account an officer when no role is given', async () => {
    const result = await upsertOfficer(t.db, { email: 'sam@agency.com', name: 'Sam Lee', password: FIRST_PASSWORD });
    expect(result.role).toBe('officer');
  });

  it('updates an existing email: new name, role and password, and signs out every session (a password reset)', async () => {
    const created = await upsertOfficer(t.db, { email: 'dana@agency.com', name: 'Dana Ortiz', role: 'officer', password: FIRST_PASSWORD });
    const other = await upsertOfficer(t.db, { email: 'sam@agency.com', name: 'Sam Lee', password: FIRST_PASSWORD });
    await addSession(created.id, 'session-a');
    await addSession(created.id, 'session-b');
    await addSession(other.id, 'session-other');

    const updated = await upsertOfficer(t.db, { email: 'DANA@agency.com', name: 'Dana Ortiz-Reyes', role: 'supervisor', password: SECOND_PASSWORD });
    expect(updated).toMatchObject({ id: created.id, created: false, role: 'supervisor' });
    expect(await t.db.officer.count()).toBe(2);
    const officer = await t.db.officer.findUniqueOrThrow({ where: { id: created.id } });
    expect(officer).toMatchObject({ name: 'Dana Ortiz-Reyes', role: 'supervisor' });
    expect(await verifyPassword(SECOND_PASSWORD, officer.passwordHash)).toBe(true);
    expect(await verifyPassword(FIRST_PASSWORD, officer.passwordHash)).toBe(false);
    expect(await t.db.officerSession.findMany({ select: { id: true } })).toEqual([{ id: 'session-other' }]);
  });

  it('keeps the name and role of an existing account when they are not given', async () => {
    await upsertOfficer(t.db, { email: 'dana@agency.com', name: 'Dana Ortiz', role: 'supervisor', password: FIRST_PASSWORD });
    const updated = await upsertOfficer(t.db, { email: 'dana@agency.com', password: SECOND_PASSWORD });
    expect(updated).toMatchObject({ created: false, role: 'supervisor' });
    expect(await t.db.officer.findUniqueOrThrow({ where: { email: 'dana@agency.com' } })).toMatchObject({ name: 'Dana Ortiz', role: 'supervisor' });
  });

  it('resets the password of a disabled account without enabling it, and says it is disabled', async () => {
    const created = await upsertOfficer(t.db, { email: 'dana@agency.com', name: 'Dana Ortiz', password: FIRST_PASSWORD });
    await t.db.officer.update({ where: { id: created.id }, data: { disabledAt: new Date() } });
    const updated = await upsertOfficer(t.db, { email: 'dana@agency.com', password: SECOND_PASSWORD });
    expect(updated.disabled).toBe(true);
    expect(await findActiveOfficerByEmail(t.db, 'dana@agency.com')).toBeNull();
  });

  it.each([
    ['a bad role', { email: 'dana@agency.com', name: 'Dana Ortiz', role: 'admin' as OfficerRole, password: FIRST_PASSWORD }, /role: use officer or supervisor/],
    ['a bad email', { email: 'dana at agency', name: 'Dana Ortiz', password: FIRST_PASSWORD }, /email: give a valid email address/],
    ['an empty name', { email: 'dana@agency.com', name: '   ', password: FIRST_PASSWORD }, /name: give the officer's name/],
    ['a weak password', { email: 'dana@agency.com', name: 'Dana Ortiz', password: 'short' }, /at least 12 characters/],
    ['no name for a new account', { email: 'dana@agency.com', password: FIRST_PASSWORD }, /has no account yet/],
  ])('refuses %s with an OfficerInputError and writes nothing', async (_label, input, message) => {
    const attempt = upsertOfficer(t.db, input);
    await expect(attempt).rejects.toBeInstanceOf(OfficerInputError);
    await expect(attempt).rejects.toThrow(message);
    expect(await t.db.officer.count()).toBe(0);
  });
});

describe('findActiveOfficerByEmail', () => {
  it('finds the account by any spelling of its email, and not a disabled or unknown one', async () => {
    const created = await upsertOfficer(t.db, { email: 'dana@agency.com', name: 'Dana Ortiz', password: FIRST_PASSWORD });
    expect((await findActiveOfficerByEmail(t.db, ' Dana@Agency.com'))?.id).toBe(created.id);
    expect(await findActiveOfficerByEmail(t.db, 'nobody@agency.com')).toBeNull();
    expect(await findActiveOfficerByEmail(t.db, 'not an email')).toBeNull();
    await t.db.officer.update({ where: { id: created.id }, data: { disabledAt: new Date() } });
    expect(await findActiveOfficerByEmail(t.db, 'dana@agency.com')).toBeNull();
  });
});

describe('normalizeOfficerEmail', () => {
  it('trims and lower-cases, and rejects what is not an email', () => {
    expect(normalizeOfficerEmail('  A@B.com ')).toBe('a@b.com');
    expect(normalizeOfficerEmail('a@b')).toBeNull();
    expect(normalizeOfficerEmail('')).toBeNull();
  });
});
