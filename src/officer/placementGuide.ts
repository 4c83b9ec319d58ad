/**
 * What the placements page tells a supervisor about the file: every column of the placement CSV
 * (src/import/placements.ts PLACEMENT_COLUMNS) with whether it is required, its format and an
 * example, plus a header-only template and a sample file of fictional accounts to download.
 */
import { readFileSync } from 'node:fs';
import { PLACEMENT_COLUMNS, type PlacementColumn } from '../import/placements.ts';

export interface ColumnGuide {
  name: PlacementColumn;
  required: boolean;
  format: string;
  example: string;
}

const GUIDE: Record<PlacementColumn, Omit<ColumnGuide, 'name'>> = {
  account_number: { required: true, format: 'Letters, digits and . _ / - (at most 64). Rows are matched by it: uploading it again updates the account.', example: 'A-1001' },
  first_name: { required: true, format: 'The debtor’s first name.', example: 'Maria' },
  last_name: { required: true, format: 'The debtor’s last name.', example: 'Johnson' },
  dob: { required: true, format: 'Date of birth, YYYY-MM-DD. Stored only as a keyed hash (used to verify the debtor).', example: '1985-03-14' },
  ssn_last4: { required: true, format: 'Last 4 digits of the SSN. Stored only as a keyed hash.', example: '1234' },
  zip: { required: true, format: '5-digit ZIP code, or ZIP+4.', example: '30301' },
  phone: { required: false, format: 'US phone number in any usual form (stored as +1 and ten digits).', example: '(404) 555-0101' },
  email: { required: false, format: 'Email address.', example: 'maria.johnson@example.com' },
  address: { required: true, format: 'Mailing address (quote it when it has commas).', example: '"12 Oak Street, Atlanta, GA 30301"' },
  timezone: { required: false, format: 'IANA time zone name; empty: worked out from the ZIP and area code (SMS quiet hours).', example: 'America/New_York' },
  language: { required: false, format: 'en or es (empty: en).', example: 'en' },
  creditor: { required: true, format: 'Current creditor; a new name is created with the default negotiation policy.', example: 'Peachtree Medical Group' },
  original_creditor: { required: true, format: 'The original creditor.', example: 'Peachtree Medical Group' },
  itemization_date: { required: true, format: 'YYYY-MM-DD, not in the future (Regulation F itemization date).', example: '2025-06-30' },
  itemization_amount: { required: true, format: 'Amount owed on the itemization date, decimal (1250.00 or "1,250.00").', example: '1250.00' },
  interest: { required: false, format: 'Interest since the itemization date (empty: 0).', example: '0.00' },
  fees: { required: false, format: 'Fees since the itemization date (empty: 0).', example: '35.00' },
  payments: { required: false, format: 'Payments since the itemization date (empty: 0).', example: '200.00' },
  credits: { required: false, format: 'Credits since the itemization date (empty: 0).', example: '0.00' },
  currency: { required: true, format: 'ISO 4217 code.', example: 'USD' },
  time_barred: { required: true, format: 'true or false: a time-barred debt can never be threatened with suit.', example: 'false' },
};

export const PLACEMENT_GUIDE: ColumnGuide[] = PLACEMENT_COLUMNS.map((name) => ({ name, ...GUIDE[name] }));

/** The header line alone, ready to fill in. */
export const PLACEMENT_TEMPLATE = `${PLACEMENT_COLUMNS.join(',')}\r\n`;

/** Three fictional accounts in the exact format (they import as S-9001 … S-9003). */
export const PLACEMENT_SAMPLE = readFileSync(new URL('./assets/placements-sample.csv', import.meta.url), 'utf8');
