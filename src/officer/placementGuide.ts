/**
 * What the placements page tells a supervisor about the file: every column of the placement CSV
 * (src/import/placements.ts PLACEMENT_COLUMNS) with whether it is required, its format and an
 * example, plus a header-only template and a sample file of fictional accounts to download.
 */
import { readFileSync } from 'node:fs';
import { OPTIONAL_PLACEMENT_COLUMNS, PLACEMENT_COLUMNS, type OptionalPlacementColumn, type PlacementColumn } from '../import/placements.ts';

export interface ColumnGuide {
  name: PlacementColumn | OptionalPlacementColumn;
  required: boolean;
  format: string;
  example: string;
}

const GUIDE: Record<PlacementColumn | OptionalPlacementColumn, Omit<ColumnGuide, 'name'>> = {
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
  sms_consent: {
    required: false,
    format: 'Optional column. yes when the consumer gave prior express consent to texts at this phone number (TCPA); empty or no: no outreach text is ever sent.',
    example: 'yes',
  },
  sms_consent_source: { required: false, format: 'Optional column; required when sms_consent is yes: where the consent was given.', example: 'credit application' },
  sms_consent_date: { required: false, format: 'Optional column; required when sms_consent is yes: the day it was given, YYYY-MM-DD.', example: '2024-11-02' },
  email_consent: {
    required: false,
    format:
      'Optional column. Why we may email the address (Regulation F 1006.6(d)(4)): consumer (the consumer gave it to us or wrote to us from it) or creditor_notice (the creditor got it from the consumer, used it, and sent a notice that we may use it, with an opt-out; we wait 35 days after that notice). Empty: no outreach email.',
    example: 'creditor_notice',
  },
  email_consent_source: { required: false, format: 'Optional column; required when email_consent is set: how the address was obtained.', example: 'online account sign-up' },
  email_notice_date: { required: false, format: 'Optional column; required for creditor_notice: the day the creditor sent its notice, YYYY-MM-DD.', example: '2025-09-15' },
  inconvenient_times: {
    required: false,
    format:
      'Optional column. Times the consumer said are inconvenient, separated by ; — a day (sun … sat, mon-fri, weekdays, weekends), a 24-hour time range (07:00-09:00, every day) or both (mon-fri 09:00-17:00). Texts and emails are never sent then.',
    example: 'mon-fri 09:00-17:00; sun',
  },
};

export const PLACEMENT_GUIDE: ColumnGuide[] = [...PLACEMENT_COLUMNS, ...OPTIONAL_PLACEMENT_COLUMNS].map((name) => ({ name, ...GUIDE[name] }));

/** The header line alone, ready to fill in: the required columns and the optional ones after them. */
export const PLACEMENT_TEMPLATE = `${[...PLACEMENT_COLUMNS, ...OPTIONAL_PLACEMENT_COLUMNS].join(',')}\r\n`;

/** Three fictional accounts in the exact format (they import as S-9001 … S-9003). */
export const PLACEMENT_SAMPLE = readFileSync(new URL('./assets/placements-sample.csv', import.meta.url), 'utf8');
