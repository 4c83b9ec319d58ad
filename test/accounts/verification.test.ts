import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyClaim, type VerificationClaim } from '../../src/accounts/verification.ts';
import { DEV_IDENTITY_HASH_KEY } from '../../src/config.ts';
import { DEMO_PLACEMENTS_FILE, seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import { importPlacements, PLACEMENT_COLUMNS } from '../../src/import/placements.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
  await seedDemoDataIfEmpty(database.db, DEV_IDENTITY_HASH_KEY);
});
afterEach(async () => database.close());

const now = new Date('2026-11-23T12:00:00Z');
const options = { hashKey: DEV_IDENTITY_HASH_KEY, now, channel: 'test' };
const maria: VerificationClaim = { accountNumber: 'A-1001', dob: '1985-03-14', zip: '30301' };

describe('verifyClaim', () => {
  it.each<[string, VerificationClaim]>([
    ['account number + DOB + ZIP', maria],
    ['account number in lower case + DOB + SSN last 4', { accountNumber: 'a-1001', dob: '1985-03-14', ssnLast4: '1234' }],
    // Round 04: account numbers typed without their dash ("a1001") or in digit groups.
    ['account number typed without its dash', { accountNumber: 'A1001', dob: '1985-03-14', zip: '30301' }],
    ['full name + DOB + ZIP+4', { fullName: 'maria  JOHNSON', dob: '1985-03-14', zip: '30301-1234' }],
    ['accented name typed without accents', { fullName: 'Carlos Ramirez', dob: '1979-11-02', zip: '78201' }],
    ['phone on file (SMS)', { phone: '+14045550101', dob: '1985-03-14', ssnLast4: '1234' }],
  ])('verifies with %s', async (_label, claim) => {
    const result = await verifyClaim(database.db, claim, options);
    expect(result.ok).toBe(true);
  });

  it.each<[string, VerificationClaim]>([
    ['a wrong DOB', { ...maria, dob: '1985-03-15' }],
    ['a wrong ZIP', { ...maria, zip: '30302' }],
    ['a wrong SSN last 4', { accountNumber: 'A-1001', dob: '1985-03-14', ssnLast4: '4321' }],
    ['no second factor', { accountNumber: 'A-1001', dob: '1985-03-14' }],
    ['an unknown account', { ...maria, accountNumber: 'A-9999' }],
    ['a first name only', { fullName: 'Maria', dob: '1985-03-14', zip: '30301' }],
    ["another debtor's phone", { phone: '+12105550134', dob: '1985-03-14', zip: '30301' }],
  ])('refuses %s with the same answer', async (_label, claim) => {
    expect(await verifyClaim(database.db, claim, options)).toEqual({ ok: false });
  });

  it('locks after 3 failures across conversations; the right details then fail too, until the lock ends', async () => {
    for (let i = 0; i < 2; i++) expect((await verifyClaim(database.db, { ...maria, zip: '00000' }, { ...options, conversationId: `c${i}` })).ok).toBe(false);
    expect(await verifyClaim(database.db, { ...maria, zip: '00000' }, options)).toEqual({ ok: false });
    expect((await verifyClaim(database.db, maria, options)).ok).toBe(false);
    expect((await verifyClaim(database.db, maria, { ...options, now: new Date('2026-11-23T12:31:00Z') })).ok).toBe(true);
    const audit = await database.db.auditEvent.findMany({ where: { type: { startsWith: 'verification.' } }, orderBy: { createdAt: 'asc' } });
    // The attempt on the locked account is recorded as a failure too (marked locked, for officers).
    expect(audit.map((a) => a.type)).toEqual(['verification.failed', 'verification.failed', 'verification.locked', 'verification.failed', 'verification.succeeded']);
    expect(JSON.parse(audit[3]!.detailJson)).toMatchObject({ locked: true });
    for (const event of audit) expect(event.detailJson).not.toMatch(/1985|30301|0000/);
  });

  it('a success resets the failure count', async () => {
    await verifyClaim(database.db, { ...maria, zip: '00000' }, options);
    await verifyClaim(database.db, maria, options);
    const account = await database.db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    expect(account.failedVerifications).toBe(0);
  });

  it('#12 item 16: one person on two placements (same name, DOB and ZIP) is verified for both — before, never at all', async () => {
    const header = PLACEMENT_COLUMNS.join(',');
    const row = 'A-2001,Maria,Johnson,1985-03-14,1234,30301,(404) 555-0101,,"12 Oak Street, Atlanta, GA 30301",America/New_York,en,Southside Dental,Southside Dental,2025-05-01,300.00,0.00,0.00,0.00,0.00,USD,false';
    await importPlacements(database.db, `${header}\n${row}\n`, { hashKey: DEV_IDENTITY_HASH_KEY });
    for (const claim of [{ fullName: 'Maria Johnson', dob: '1985-03-14', zip: '30301' }, { phone: '+14045550101', dob: '1985-03-14', ssnLast4: '1234' }]) {
      const result = await verifyClaim(database.db, claim, options);
      if (!result.ok) throw new Error('expected both placements to verify');
      expect(result.accounts.map((a) => a.accountNumber).sort()).toEqual(['A-1001', 'A-2001']);
    }
    // A wrong factor still fails for both, and counts against both.
    expect(await verifyClaim(database.db, { fullName: 'Maria Johnson', dob: '1985-03-14', zip: '99999' }, options)).toEqual({ ok: false });
    const failed = await database.db.account.findMany({ where: { firstName: 'Maria' }, select: { failedVerifications: true } });
    expect(failed.map((a) => a.failedVerifications)).toEqual([1, 1]);
  });
});
