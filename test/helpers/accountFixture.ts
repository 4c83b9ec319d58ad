import type { Db } from '../../src/db/database.ts';

/**
 * An account written straight to the database (no import, placeholder identity hashes) for tests of
 * notices and the like: itemized $1,250.00 + $10.50 interest + $35.00 fees − $200.00 payments −
 * $5.25 credits = $1,090.25.
 */
export async function createFixtureAccount(
  db: Db,
  { accountNumber = 'A-1001', creditorName = 'Peachtree Medical Group' }: { accountNumber?: string; creditorName?: string } = {},
): Promise<string> {
  const creditor = await db.creditor.upsert({ where: { name: creditorName }, update: {}, create: { name: creditorName, policyJson: '{}' } });
  const account = await db.account.create({
    data: {
      accountNumber,
      firstName: 'Maria',
      lastName: 'Johnson',
      address: '12 Oak Street, Atlanta, GA 30301',
      zip: '30301',
      creditorId: creditor.id,
      originalCreditor: 'Horizon Bank Visa',
      currency: 'USD',
      itemizationDate: new Date('2025-06-30T00:00:00Z'),
      itemizationAmount: 125_000,
      interestSinceItemization: 1_050,
      feesSinceItemization: 3_500,
      paymentsSinceItemization: 20_000,
      creditsSinceItemization: 525,
      balance: 109_025,
      factorSalt: 'salt',
      dobHash: 'dob-hash',
      ssnLast4Hash: 'ssn-hash',
    },
  });
  return account.id;
}

/** The audit events of one type, oldest first, with their detail parsed. */
export async function auditsOfType(db: Db, type: string) {
  const rows = await db.auditEvent.findMany({ where: { type }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detailJson) as Record<string, unknown> }));
}
