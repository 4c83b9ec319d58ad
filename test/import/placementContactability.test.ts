/**
 * Issue #17 item 1: the placement file's optional contactability columns — consent to texts
 * (TCPA), the basis to email an address (Reg F 1006.6(d)(4)), the consumer's inconvenient times
 * (DESIGN 18). Documented, backwards compatible, checked row by row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { readContactPreference } from '../../src/domain/contactPreference.ts';
import { importPlacements, OPTIONAL_PLACEMENT_COLUMNS, PLACEMENT_COLUMNS } from '../../src/import/placements.ts';
import { PLACEMENT_GUIDE, PLACEMENT_SAMPLE } from '../../src/officer/placementGuide.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

const KEY = 'placement-test-identity-key-0123456789';
const BASE = 'A-2001,Pat,Sample,1982-04-17,4821,30303,(404) 555-0190,pat@example.com,"40 Sample Street, Atlanta, GA 30303",America/New_York,en,Peachtree Medical Group,Peachtree Medical Group,2025-05-31,980.00,0.00,25.00,100.00,0.00,USD,false';
const OPTIONAL = OPTIONAL_PLACEMENT_COLUMNS.join(',');
const withOptional = (...cells: string[][]) => [`${PLACEMENT_COLUMNS.join(',')},${OPTIONAL}`, ...cells.map((c) => `${BASE.replace('A-2001', c[0]!)},${c.slice(1).join(',')}`)].join('\n') + '\n';

let database: TestDatabase;
let db: Db;
beforeEach(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterEach(async () => database.close());

const account = (accountNumber: string) => db.account.findUniqueOrThrow({ where: { accountNumber } });

describe('optional contactability columns', () => {
  it('stores consent to texts with its source and date, the email basis, and the inconvenient times; records them in the audit trail', async () => {
    const report = await importPlacements(db, withOptional(['A-2001', 'yes', 'credit application', '2024-03-02', 'creditor_notice', 'card statements', '2025-06-20', 'mon-fri 09:00-17:00; sun']), { hashKey: KEY });
    expect(report).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: [] });
    const a = await account('A-2001');
    expect(a).toMatchObject({ smsConsent: true, smsConsentSource: 'credit application', emailConsent: 'creditor_notice', emailConsentSource: 'card statements' });
    expect(a.smsConsentAt).toEqual(new Date('2024-03-02T00:00:00Z'));
    expect(a.emailNoticeAt).toEqual(new Date('2025-06-20T00:00:00Z'));
    expect(readContactPreference(a.placedContactPreferenceJson)).toMatchObject({ avoidDays: ['sun'], avoidTimes: [{ from: '09:00', to: '17:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] }] });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { type: 'contactability.recorded', accountId: a.id } });
    expect(JSON.parse(audit.detailJson)).toMatchObject({ sms: { consent: true, source: 'credit application', date: '2024-03-02' } });
    // Importing the same file again changes nothing.
    expect(await importPlacements(db, withOptional(['A-2001', 'yes', 'credit application', '2024-03-02', 'creditor_notice', 'card statements', '2025-06-20', 'mon-fri 09:00-17:00; sun']), { hashKey: KEY })).toMatchObject({ unchanged: 1 });
  });

  it('backwards compatible: a file without the columns imports as before, with no consent — and a later file without them keeps what is on file', async () => {
    const plain = `${PLACEMENT_COLUMNS.join(',')}\n${BASE}\n`;
    expect(await importPlacements(db, plain, { hashKey: KEY })).toMatchObject({ imported: 1, rejected: [] });
    expect(await account('A-2001')).toMatchObject({ smsConsent: false, emailConsent: null, placedContactPreferenceJson: null });
    await importPlacements(db, withOptional(['A-2001', 'yes', 'credit application', '2024-03-02', '', '', '', '']), { hashKey: KEY });
    expect((await account('A-2001')).smsConsent).toBe(true);
    expect(await importPlacements(db, plain, { hashKey: KEY })).toMatchObject({ unchanged: 1 });
    expect((await account('A-2001')).smsConsent).toBe(true);
  });

  it.each([
    ['consent to texts without its source', ['A-2001', 'yes', '', '2024-03-02', '', '', '', ''], 'sms_consent_source'],
    ['consent to texts without its date', ['A-2001', 'yes', 'form', '', '', '', '', ''], 'sms_consent_date'],
    ['an unknown email basis', ['A-2001', '', '', '', 'bought a list', 'x', '', ''], 'email_consent'],
    ['a creditor notice without its date', ['A-2001', '', '', '', 'creditor_notice', 'statements', '', ''], 'email_notice_date'],
    ['inconvenient times it cannot read', ['A-2001', '', '', '', '', '', '', 'after lunch'], 'inconvenient_times'],
    ['a yes/no that is neither', ['A-2001', 'maybe', '', '', '', '', '', ''], 'sms_consent'],
  ])('%s: the row is rejected with its line and the column, nothing written', async (_name, cells, column) => {
    const report = await importPlacements(db, withOptional(cells), { hashKey: KEY });
    expect(report.imported).toBe(0);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]!.line).toBe(2);
    expect(report.rejected[0]!.reason).toContain(column);
    expect(await db.account.count()).toBe(0);
  });

  it('the guide documents every optional column, and the sample file uses them and imports cleanly', async () => {
    for (const name of OPTIONAL.split(',')) expect(PLACEMENT_GUIDE.find((c) => c.name === name), name).toMatchObject({ required: false });
    expect(PLACEMENT_SAMPLE.split('\n')[0]).toContain(OPTIONAL);
    expect(await importPlacements(db, PLACEMENT_SAMPLE, { hashKey: KEY })).toMatchObject({ imported: 3, rejected: [] });
  });
});
