import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { DEFAULT_POLICY, parsePolicy } from '../../src/domain/policy.ts';
import { factorMatches } from '../../src/identity/factors.ts';
import { DEMO_PLACEMENTS_FILE, seedDemoDataIfEmpty } from '../../src/import/demoData.ts';
import {
  canonicalTimeZone,
  importPlacements,
  normalizeUsPhone,
  PLACEMENT_COLUMNS,
  PlacementFileError,
  type PlacementColumn,
} from '../../src/import/placements.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

const KEY = 'placement-test-identity-key-0123456789';
const NOW = new Date('2026-06-15T12:00:00Z');
const HEADER = PLACEMENT_COLUMNS.join(',');

type Row = Record<PlacementColumn, string>;

const BASE: Row = {
  account_number: 'A-1001',
  first_name: 'Maria',
  last_name: 'Johnson',
  dob: '1985-03-14',
  ssn_last4: '7391',
  zip: '30301',
  phone: '(404) 555-0101',
  email: 'maria@example.com',
  address: '12 Oak Street, Atlanta, GA 30301',
  timezone: 'America/New_York',
  language: 'en',
  creditor: 'Peachtree Medical Group',
  original_creditor: 'Peachtree Medical Group',
  itemization_date: '2025-06-30',
  itemization_amount: '1,250.00',
  interest: '10.50',
  fees: '35.00',
  payments: '200.00',
  credits: '5.25',
  currency: 'USD',
  time_barred: 'false',
};

function cell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function row(overrides: Partial<Row> = {}): string {
  const values = { ...BASE, ...overrides };
  return PLACEMENT_COLUMNS.map((name) => cell(values[name])).join(',');
}

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

const GOOD_FILE = csv(
  row(),
  row({ account_number: 'A-1002', first_name: 'Carlos', last_name: 'Ramírez', dob: '1979-11-02', ssn_last4: '5678', phone: '+12105550134', timezone: '', language: 'es', creditor: 'Meridian Capital Recovery', original_creditor: 'Horizon Bank Visa', itemization_amount: '3480.75', interest: '', fees: '', payments: '', credits: '' }),
  row({ account_number: 'A-1003', first_name: 'James', dob: '1968-07-21', ssn_last4: '4321', phone: '415-555-0188', email: '', timezone: 'US/Pacific', language: '', currency: 'usd', time_barred: 'TRUE' }),
);

let database: TestDatabase;
let db: Db;

beforeEach(async () => {
  database = await createTestDatabase();
  db = database.db;
});

afterEach(async () => {
  await database.close();
});

const importText = (text: string, now = NOW) => importPlacements(db, text, { hashKey: KEY, now });

describe('importPlacements: a good file', () => {
  it('imports every row with normalised fields and the computed balance', async () => {
    const report = await importText(GOOD_FILE);
    expect(report).toEqual({ imported: 3, updated: 0, unchanged: 0, rejected: [] });

    const maria = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' }, include: { creditor: true } });
    expect(maria).toMatchObject({
      firstName: 'Maria',
      lastName: 'Johnson',
      address: '12 Oak Street, Atlanta, GA 30301',
      zip: '30301',
      phone: '+14045550101',
      email: 'maria@example.com',
      timeZone: 'America/New_York',
      language: 'en',
      originalCreditor: 'Peachtree Medical Group',
      currency: 'USD',
      itemizationAmount: 125000,
      interestSinceItemization: 1050,
      feesSinceItemization: 3500,
      paymentsSinceItemization: 20000,
      creditsSinceItemization: 525,
      // 1250.00 + 10.50 + 35.00 - 200.00 - 5.25
      balance: 109025,
      timeBarred: false,
      placedAt: NOW,
    });
    expect(maria.creditor.name).toBe('Peachtree Medical Group');
    expect(maria.itemizationDate.toISOString()).toBe('2025-06-30T00:00:00.000Z');

    const carlos = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1002' } });
    expect(carlos).toMatchObject({ language: 'es', timeZone: null, phone: '+12105550134', balance: 348075, interestSinceItemization: 0, creditsSinceItemization: 0 });

    const james = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1003' } });
    expect(james).toMatchObject({ timeZone: 'America/Los_Angeles', language: 'en', email: null, currency: 'USD', timeBarred: true, phone: '+14155550188' });
  });

  it('stores identity factors only as keyed hashes with a per-account salt', async () => {
    await importText(GOOD_FILE);
    const accounts = await db.account.findMany({ orderBy: { accountNumber: 'asc' } });
    const maria = accounts[0]!;
    expect(maria.factorSalt).toMatch(/^[0-9a-f]{32}$/);
    expect(factorMatches(KEY, maria.factorSalt, 'dob', '1985-03-14', maria.dobHash)).toBe(true);
    expect(factorMatches(KEY, maria.factorSalt, 'ssnLast4', '7391', maria.ssnLast4Hash)).toBe(true);
    expect(factorMatches(KEY, maria.factorSalt, 'ssnLast4', '7392', maria.ssnLast4Hash)).toBe(false);
    expect(new Set(accounts.map((a) => a.factorSalt)).size).toBe(3);
    for (const account of accounts) {
      for (const value of Object.values(account)) {
        expect(value).not.toBe('7391');
        if (typeof value === 'string') expect(value).not.toContain('1985-03-14');
      }
    }
  });

  it('writes one placement.imported audit event per account, with the account number only', async () => {
    await importText(GOOD_FILE);
    const events = await db.auditEvent.findMany({ orderBy: { createdAt: 'asc' }, include: { account: true } });
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event.type).toBe('placement.imported');
      expect(event.actor).toBe('system');
      expect(JSON.parse(event.detailJson)).toEqual({ accountNumber: event.account?.accountNumber });
    }
  });

  it('creates new creditors with the default policy and leaves existing ones alone', async () => {
    const custom = { ...DEFAULT_POLICY, maxInstallments: 6 };
    await db.creditor.create({ data: { name: 'Meridian Capital Recovery', policyJson: JSON.stringify(custom) } });
    await importText(GOOD_FILE);
    const creditors = await db.creditor.findMany({ orderBy: { name: 'asc' } });
    expect(creditors.map((c) => c.name)).toEqual(['Meridian Capital Recovery', 'Peachtree Medical Group']);
    expect(parsePolicy(creditors[1]!.policyJson)).toEqual(DEFAULT_POLICY);
    expect(parsePolicy(creditors[0]!.policyJson).maxInstallments).toBe(6);
  });

  it('accepts a byte-order mark, CRLF line ends, blank lines, quoted multi-line values and a header-only file', async () => {
    const text = `\uFEFF${HEADER}\r\n\r\n${row({ address: '12 Oak Street\r\nApt 4' })}\r\n   \r\n${row({ account_number: 'A-2', zip: '30301-1234' })}`;
    const report = await importText(text);
    expect(report).toEqual({ imported: 2, updated: 0, unchanged: 0, rejected: [] });
    const account = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    expect(account.address).toBe('12 Oak Street\nApt 4');
    expect(await importText(`${HEADER}\n`)).toEqual({ imported: 0, updated: 0, unchanged: 0, rejected: [] });
  });
});

describe('importPlacements: bad rows', () => {
  it.each<[string, Partial<Row>, string]>([
    ['missing account number', { account_number: '' }, 'account_number is required'],
    ['account number with spaces', { account_number: 'A 1' }, 'account_number may contain only letters, digits and . _ / -'],
    ['missing first name', { first_name: ' ' }, 'first_name is required'],
    ['missing last name', { last_name: '' }, 'last_name is required'],
    ['dob not a date', { dob: '03/14/1985' }, 'dob is not a real date in the form YYYY-MM-DD'],
    ['dob not a calendar date', { dob: '1985-02-30' }, 'dob is not a real date in the form YYYY-MM-DD'],
    ['dob today', { dob: '2026-06-15' }, 'dob must be in the past'],
    ['dob in the future', { dob: '2027-01-01' }, 'dob must be in the past'],
    ['dob before 1900', { dob: '1899-12-31' }, 'dob is before 1900'],
    ['ssn too short', { ssn_last4: '739' }, 'ssn_last4 must be exactly 4 digits'],
    ['ssn too long', { ssn_last4: '73910' }, 'ssn_last4 must be exactly 4 digits'],
    ['ssn not digits', { ssn_last4: '73a1' }, 'ssn_last4 must be exactly 4 digits'],
    ['zip short', { zip: '3030' }, 'zip must be a 5-digit ZIP code or ZIP+4'],
    ['zip bad ZIP+4', { zip: '30301-12' }, 'zip must be a 5-digit ZIP code or ZIP+4'],
    ['phone too short', { phone: '555-0101' }, 'phone is not a US phone number'],
    ['phone foreign', { phone: '+442071234567' }, 'phone is not a US phone number'],
    ['phone bad area code', { phone: '(104) 555-0101' }, 'phone is not a US phone number'],
    ['phone letters', { phone: '404-555-CALL' }, 'phone is not a US phone number'],
    ['email invalid', { email: 'maria@' }, 'email is not a valid email address'],
    ['missing address', { address: '' }, 'address is required'],
    ['timezone unknown', { timezone: 'Mars/Base' }, 'timezone "Mars/Base" is not an IANA time zone name'],
    ['timezone abbreviation', { timezone: 'EST' }, 'timezone "EST" is not an IANA time zone name'],
    ['language unsupported', { language: 'fr' }, 'language "fr" is not supported (expected en or es)'],
    ['missing creditor', { creditor: '' }, 'creditor is required'],
    ['missing original creditor', { original_creditor: '' }, 'original_creditor is required'],
    ['itemization date invalid', { itemization_date: '2025-13-01' }, 'itemization_date is not a real date in the form YYYY-MM-DD'],
    ['itemization date in the future', { itemization_date: '2026-06-16' }, 'itemization_date must not be in the future'],
    ['missing itemization amount', { itemization_amount: '' }, 'itemization_amount is required'],
    ['amount garbage', { itemization_amount: 'twelve' }, 'itemization_amount is not a valid amount: amount must be a plain decimal number'],
    ['amount with symbol', { itemization_amount: '$1250' }, 'itemization_amount is not a valid amount'],
    ['negative interest', { interest: '-1.00' }, 'interest is not a valid amount: amount must not be negative'],
    ['too many decimals', { fees: '1.005' }, 'fees is not a valid amount: USD amounts have at most 2 decimals'],
    ['decimals in JPY', { currency: 'JPY', itemization_amount: '1250.50', interest: '0', fees: '0', payments: '0', credits: '0' }, 'itemization_amount is not a valid amount: JPY amounts have no decimals'],
    ['negative balance', { itemization_amount: '100.00', interest: '0', fees: '0', payments: '90.00', credits: '10.01' }, 'payments and credits exceed the amount owed: itemization_amount + interest + fees - payments - credits = -0.01'],
    ['currency not 3 letters', { currency: 'US' }, 'currency must be a 3-letter ISO 4217 code such as USD'],
    ['currency unknown', { currency: 'XYZ' }, 'currency "XYZ" is not an ISO 4217 currency code'],
    ['time_barred empty', { time_barred: '' }, 'time_barred must be true or false'],
    ['time_barred other', { time_barred: 'yes' }, 'time_barred must be true or false'],
  ])('%s: rejected with its line and the column, nothing written', async (_name, overrides, reason) => {
    const report = await importText(csv(row({ account_number: 'GOOD-1' }), row({ account_number: 'BAD-1', ...overrides })));
    expect(report.imported).toBe(1);
    expect(report.rejected).toHaveLength(1);
    const [rejected] = report.rejected;
    expect(rejected!.line).toBe(3);
    expect(rejected!.reason).toContain(reason);
    if (overrides.account_number === undefined) expect(rejected!.accountNumber).toBe('BAD-1');
    expect(await db.account.count()).toBe(1);
    expect(await db.account.findUnique({ where: { accountNumber: 'BAD-1' } })).toBeNull();
    expect(await db.auditEvent.count()).toBe(1);
  });

  it('lists every problem of a row at once, naming each column', async () => {
    const report = await importText(csv(row({ zip: '1', phone: '12', currency: 'usd', interest: 'x', time_barred: 'maybe' })));
    expect(report.rejected[0]!.reason.split('; ')).toEqual([
      'zip must be a 5-digit ZIP code or ZIP+4 (12345-6789)',
      'phone is not a US phone number (expected e.g. +14045550101, (404) 555-0101 or 404-555-0101)',
      'time_barred must be true or false',
      'interest is not a valid amount: amount must be a plain decimal number such as 1250.00 or 1,250.50',
    ]);
  });

  it('rejects a row with the wrong number of columns', async () => {
    const report = await importText(csv(row(), 'A-2,Short,Row', `${row({ account_number: 'A-3' })},extra`));
    expect(report.imported).toBe(1);
    expect(report.rejected).toEqual([
      { line: 3, accountNumber: 'A-2', reason: 'the row has 3 columns, expected 21 (a comma inside a value needs the value in double quotes)' },
      { line: 4, accountNumber: 'A-3', reason: 'the row has 22 columns, expected 21 (a comma inside a value needs the value in double quotes)' },
    ]);
  });

  it('reports the line a row starts on, after blank lines and multi-line values', async () => {
    const text = [HEADER, '', row({ account_number: 'A-1', address: 'line one\nline two\nline three' }), '', '', row({ account_number: 'A-2', zip: 'x' }), row({ account_number: 'A-3', zip: 'y' })].join('\n');
    const report = await importText(text);
    expect(report.rejected.map((r) => [r.line, r.accountNumber])).toEqual([
      [8, 'A-2'],
      [9, 'A-3'],
    ]);
  });

  it('rejects the second occurrence of an account number in the same file', async () => {
    const report = await importText(csv(row({ account_number: 'A-1' }), row({ account_number: 'A-2' }), row({ account_number: 'A-1', first_name: 'Other' })));
    expect(report.imported).toBe(2);
    expect(report.rejected).toEqual([{ line: 4, accountNumber: 'A-1', reason: 'account_number A-1 already appears on line 2; only the first row of an account is imported' }]);
    const account = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1' } });
    expect(account.firstName).toBe('Maria');
  });

  it('rejects the later occurrence even when the first was itself rejected', async () => {
    const report = await importText(csv(row({ account_number: 'A-1', zip: 'bad' }), row({ account_number: 'A-1' })));
    expect(report.imported).toBe(0);
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3]);
    expect(report.rejected[1]!.reason).toContain('already appears on line 2');
  });

  it('never puts the dob or ssn_last4 value in a reason, even when they land in the wrong column', async () => {
    const dob = '1985-03-14';
    const ssn = '7391';
    const rows = [
      row({ account_number: 'R-1', dob: '1985-02-30' }),
      row({ account_number: 'R-2', ssn_last4: '73912' }),
      row({ account_number: 'R-3', timezone: dob }),
      row({ account_number: 'R-4', language: ssn }),
      row({ account_number: 'R-5', currency: ssn, timezone: `${dob}/x` }),
      row({ account_number: 'R-6', dob: '2030-03-14', zip: ssn, phone: ssn }),
      row({ account_number: 'R-7', itemization_amount: ssn, payments: '99999' }),
      row({ account_number: 'R-8', dob: ssn, ssn_last4: dob }),
      `R-9,${dob},${ssn}`,
    ];
    const report = await importText(csv(...rows));
    expect(report.rejected).toHaveLength(rows.length);
    for (const rejected of report.rejected) {
      expect(rejected.reason).not.toContain(dob);
      expect(rejected.reason).not.toContain('1985-02-30');
      expect(rejected.reason).not.toContain('73912');
      expect(rejected.reason).not.toContain(ssn);
      expect(rejected.reason.length).toBeGreaterThan(10);
    }
    expect(report.rejected[2]!.reason).toBe('timezone "[redacted]" is not an IANA time zone name such as America/New_York');
  });
});

describe('importPlacements: re-import and updates', () => {
  it('importing the same file twice changes nothing', async () => {
    await importText(GOOD_FILE);
    const before = await db.account.findMany({ orderBy: { accountNumber: 'asc' } });
    const auditBefore = await db.auditEvent.count();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const report = await importText(GOOD_FILE, new Date(NOW.getTime() + 86_400_000));
    expect(report).toEqual({ imported: 0, updated: 0, unchanged: 3, rejected: [] });

    const after = await db.account.findMany({ orderBy: { accountNumber: 'asc' } });
    expect(after).toEqual(before);
    for (const [index, account] of after.entries()) {
      expect(account.updatedAt.getTime()).toBe(before[index]!.updatedAt.getTime());
      expect(account.dobHash).toBe(before[index]!.dobHash);
      expect(account.ssnLast4Hash).toBe(before[index]!.ssnLast4Hash);
      expect(account.factorSalt).toBe(before[index]!.factorSalt);
    }
    expect(await db.auditEvent.count()).toBe(auditBefore);
    expect(await db.creditor.count()).toBe(2);
  });

  it('updates a changed amount, recomputes the balance, keeps the salt and audits it', async () => {
    await importText(GOOD_FILE);
    const before = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    await new Promise((resolve) => setTimeout(resolve, 20));

    const changed = GOOD_FILE.replace(row(), row({ payments: '300.00' }));
    expect(changed).not.toBe(GOOD_FILE);
    const report = await importText(changed);
    expect(report).toEqual({ imported: 0, updated: 1, unchanged: 2, rejected: [] });

    const after = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    expect(after.paymentsSinceItemization).toBe(30000);
    expect(after.balance).toBe(before.balance - 10000);
    expect(after.factorSalt).toBe(before.factorSalt);
    expect(after.dobHash).toBe(before.dobHash);
    expect(after.placedAt).toEqual(before.placedAt);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());

    const updates = await db.auditEvent.findMany({ where: { type: 'placement.updated' } });
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ accountId: after.id, actor: 'system' });
    expect(JSON.parse(updates[0]!.detailJson)).toEqual({ accountNumber: 'A-1001' });
  });

  it('rehashes a corrected date of birth with the same salt and keeps account flags', async () => {
    await importText(GOOD_FILE);
    const before = await db.account.update({ where: { accountNumber: 'A-1001' }, data: { disputed: true, failedVerifications: 2 } });
    const report = await importText(csv(row({ dob: '1985-03-15' })));
    expect(report.updated).toBe(1);
    const after = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' } });
    expect(after.factorSalt).toBe(before.factorSalt);
    expect(after.dobHash).not.toBe(before.dobHash);
    expect(after.ssnLast4Hash).toBe(before.ssnLast4Hash);
    expect(factorMatches(KEY, after.factorSalt, 'dob', '1985-03-15', after.dobHash)).toBe(true);
    expect(after).toMatchObject({ disputed: true, failedVerifications: 2 });
  });

  it('moves an account to the creditor named in the file, creating it', async () => {
    await importText(GOOD_FILE);
    const report = await importText(csv(row({ creditor: 'New Creditor LLC' })));
    expect(report.updated).toBe(1);
    const account = await db.account.findUniqueOrThrow({ where: { accountNumber: 'A-1001' }, include: { creditor: true } });
    expect(account.creditor.name).toBe('New Creditor LLC');
    expect(parsePolicy(account.creditor.policyJson)).toEqual(DEFAULT_POLICY);
  });
});

describe('importPlacements: whole-file errors', () => {
  async function expectRefused(text: string, message: string | RegExp) {
    await expect(importText(text)).rejects.toThrow(PlacementFileError);
    await expect(importText(text)).rejects.toThrow(message);
    expect(await db.account.count()).toBe(0);
    expect(await db.creditor.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  }

  it('refuses an empty file', async () => {
    await expectRefused('', 'The file is empty. Its first line must be the header:\naccount_number,first_name,');
    await expectRefused('\n\n', 'The file is empty');
  });

  it('refuses a header with a missing column', async () => {
    const header = PLACEMENT_COLUMNS.filter((name) => name !== 'ssn_last4').join(',');
    await expectRefused(`${header}\n${row()}\n`, /^The header on line 1 is not the placement header \(missing column: ssn_last4\)\. Nothing was imported\. The first line must be exactly:\naccount_number,/);
  });

  it('refuses a header with an unexpected or repeated column', async () => {
    await expectRefused(`${HEADER},notes\n${row()},x\n`, 'unexpected column: notes');
    await expectRefused(`${HEADER.replace('zip', 'postcode')}\n${row()}\n`, 'missing column: zip; unexpected column: postcode');
    await expectRefused(`${HEADER.replace('phone', 'zip')}\n${row()}\n`, 'missing column: phone; repeated column: zip');
  });

  it('refuses columns in the wrong order', async () => {
    const swapped = HEADER.replace('first_name,last_name', 'last_name,first_name');
    await expectRefused(`${swapped}\n${row()}\n`, 'the columns are in the wrong order');
  });

  it('refuses a file whose first line is data, not the header', async () => {
    await expectRefused(`${row()}\n${row({ account_number: 'A-2' })}\n`, 'missing columns: account_number, first_name');
  });

  it('accepts header names with surrounding spaces or capitals', async () => {
    const header = PLACEMENT_COLUMNS.map((name) => ` ${name.toUpperCase()} `).join(',');
    expect((await importText(`${header}\n${row()}\n`)).imported).toBe(1);
  });

  it('refuses broken CSV quoting with the line and writes nothing, even for the rows before it', async () => {
    const broken = row({ account_number: 'A-2' }).replace('Johnson', '"Johnson"x');
    await expectRefused(csv(row(), broken), 'The file is not valid CSV near line 3: a closing quote is followed by other characters instead of a comma. Nothing was imported.');
    await expectRefused(csv(row(), row({ account_number: 'A-2' }).replace('Johnson', 'John"son')), 'The file is not valid CSV near line 3: a quote appears inside an unquoted field');
    await expectRefused(`${csv(row())}A-2,"unterminated\n`, 'The file is not valid CSV near line 3: a quoted field is never closed (look for an unbalanced double quote on or before this line)');
  });

  it('never quotes file contents in a whole-file error', async () => {
    const text = csv(row(), row({ account_number: 'A-2' }).replace('1985-03-14', 'x"1985-03-14'));
    await expect(importText(text)).rejects.toThrow(PlacementFileError);
    await importText(text).catch((error: Error) => expect(error.message).not.toContain('1985'));
  });

  it('refuses to run without a hash key', async () => {
    await expect(importPlacements(db, GOOD_FILE, { hashKey: '' })).rejects.toThrow('hashKey is empty');
  });
});

describe('field helpers', () => {
  it.each([
    ['+14045550101', '+14045550101'],
    ['(404) 555-0101', '+14045550101'],
    ['404-555-0101', '+14045550101'],
    ['404.555.0101', '+14045550101'],
    ['4045550101', '+14045550101'],
    ['1-404-555-0101', '+14045550101'],
    ['+1 (404) 555-0101', '+14045550101'],
    ['555-0101', null],
    ['+442071234567', null],
    ['+1404555010', null],
    ['(404) 155-0101', null],
    ['04045550101', null],
    ['404-555-01011', null],
    ['phone', null],
    ['', null],
  ])('normalizeUsPhone(%j) = %j', (input, expected) => {
    expect(normalizeUsPhone(input)).toBe(expected);
  });

  it.each([
    ['America/New_York', 'America/New_York'],
    ['america/los_angeles', 'America/Los_Angeles'],
    ['US/Pacific', 'America/Los_Angeles'],
    ['Pacific/Honolulu', 'Pacific/Honolulu'],
    ['EST', null],
    ['UTC', null],
    ['+01:00', null],
    ['Mars/Base', null],
    ['America/New York', null],
  ])('canonicalTimeZone(%j) = %j', (input, expected) => {
    expect(canonicalTimeZone(input)).toBe(expected);
  });
});

describe('demo data', () => {
  it('the demo file imports cleanly with the documented variety', async () => {
    const report = await importPlacements(db, readFileSync(DEMO_PLACEMENTS_FILE, 'utf8'), { hashKey: KEY });
    expect(report).toEqual({ imported: 6, updated: 0, unchanged: 0, rejected: [] });
    const accounts = await db.account.findMany({ include: { creditor: true } });
    expect(new Set(accounts.map((a) => a.creditor.name)).size).toBe(2);
    expect(accounts.filter((a) => a.language === 'es')).toHaveLength(1);
    expect(accounts.filter((a) => a.timeBarred)).toHaveLength(1);
    expect(accounts.filter((a) => a.timeZone === 'America/Los_Angeles' && a.phone)).toHaveLength(1);
    expect(accounts.filter((a) => a.timeZone === null)).toHaveLength(1);
  });

  it('DEMO_ACCOUNTS.md lists the details that verify each demo account', async () => {
    await importPlacements(db, readFileSync(DEMO_PLACEMENTS_FILE, 'utf8'), { hashKey: KEY });
    const markdown = readFileSync(new URL('../../prisma/DEMO_ACCOUNTS.md', import.meta.url), 'utf8');
    const rows = markdown.split('\n').filter((line) => /^\| A-\d+/.test(line));
    expect(rows).toHaveLength(6);
    for (const line of rows) {
      const [accountNumber, name, dob, zip, ssn, phone] = line.split('|').slice(1).map((c) => c.trim());
      const account = await db.account.findUniqueOrThrow({ where: { accountNumber: accountNumber! } });
      expect(`${account.firstName} ${account.lastName}`).toBe(name);
      expect(account.zip).toBe(zip);
      expect(account.phone).toBe(phone!.replaceAll(' ', ''));
      expect(factorMatches(KEY, account.factorSalt, 'dob', dob!, account.dobHash)).toBe(true);
      expect(factorMatches(KEY, account.factorSalt, 'ssnLast4', ssn!, account.ssnLast4Hash)).toBe(true);
    }
  });

  it('seedDemoDataIfEmpty imports only into an empty database', async () => {
    const logged: string[] = [];
    const logger = { info: (_obj: object, msg: string) => logged.push(msg), warn: (_obj: object, msg: string) => logged.push(`WARN ${msg}`) };
    const first = await seedDemoDataIfEmpty(db, KEY, logger);
    expect(first).toMatchObject({ imported: 6, rejected: [] });
    expect(await seedDemoDataIfEmpty(db, KEY, logger)).toBeNull();
    expect(await db.account.count()).toBe(6);
    expect(logged).toEqual([
      'Demo data imported (see prisma/DEMO_ACCOUNTS.md for the demo debtors)',
      'Demo data not imported: the database already has accounts',
    ]);
  });
});
