/**
 * Imports a placement file: the CSV in which a creditor hands accounts over for collection.
 * Used by `npm run import`, `npm run seed`, the demo seeding at first start, and (later) the
 * officer console — one function, one set of rules.
 *
 * - The header must start with exactly PLACEMENT_COLUMNS; any of OPTIONAL_PLACEMENT_COLUMNS may
 *   follow, in any order (files without them import as before). Otherwise the whole file is
 *   refused (PlacementFileError) and nothing is written. Malformed CSV (broken quoting) is refused
 *   the same way.
 * - An optional column absent from the file leaves what the account has; present, it is the truth
 *   (an empty sms_consent is "no").
 * - Each row is validated on its own. A bad row is reported with its line number in the file and
 *   a reason naming the column(s); nothing of it is written. Other rows still import.
 * - A repeated account_number in the same file: the later row is rejected.
 * - Good rows upsert by account_number, each in its own transaction with an audit event.
 *   Re-importing an identical row writes nothing ("unchanged"): the account keeps its factor salt,
 *   so the identity hashes come out the same.
 * - Identity factors (dob, ssn_last4) are stored only as keyed hashes, and never appear in a
 *   reason, an audit event or an exception message.
 */
import { isDatabaseBusy } from '../db/migrationStatus.ts';
import { nameKey } from '../domain/names.ts';
import { parse } from 'csv-parse/sync';
import type { Info } from 'csv-parse/sync';
import { z } from 'zod';
import { appendAudit } from '../audit.ts';
import type { Db, Tx } from '../db/database.ts';
import { AmountError, isCurrencyCode, minorToDecimalString, parseDecimalAmount } from '../domain/money.ts';
import { DEFAULT_POLICY } from '../domain/policy.ts';
import { hashFactor, isIsoCalendarDate, newSalt } from '../identity/factors.ts';
import { parseInconvenientTimes, type ContactPreference } from '../domain/contactPreference.ts';
import { EMAIL_CONSENTS, type EmailConsent } from '../domain/outreachRules.ts';

export const PLACEMENT_COLUMNS = [
  'account_number',
  'first_name',
  'last_name',
  'dob',
  'ssn_last4',
  'zip',
  'phone',
  'email',
  'address',
  'timezone',
  'language',
  'creditor',
  'original_creditor',
  'itemization_date',
  'itemization_amount',
  'interest',
  'fees',
  'payments',
  'credits',
  'currency',
  'time_barred',
] as const;

/**
 * Contactability, optional (issue #17): TCPA prior express consent for texts, why we may email the
 * address (Reg F 1006.6(d)(4)), and the times the consumer told the creditor are inconvenient.
 */
export const OPTIONAL_PLACEMENT_COLUMNS = [
  'sms_consent',
  'sms_consent_source',
  'sms_consent_date',
  'email_consent',
  'email_consent_source',
  'email_notice_date',
  'inconvenient_times',
] as const;

export type PlacementColumn = (typeof PLACEMENT_COLUMNS)[number];
export type OptionalPlacementColumn = (typeof OPTIONAL_PLACEMENT_COLUMNS)[number];

export interface RejectedRow {
  /** 1-based line number in the file where the row starts. */
  line: number;
  accountNumber?: string;
  /** Human-readable; names the column(s). Never contains an identity factor. */
  reason: string;
}

export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
}

export interface ImportOptions {
  /** config.IDENTITY_HASH_KEY */
  hashKey: string;
  /** "Today" for the date checks and placedAt of new accounts. Default: the current time. */
  now?: Date;
  /** Called after each row (done of total), for progress on large files. */
  onProgress?: (done: number, total: number) => void;
}

/** The whole file was refused (bad header, broken CSV); nothing was written. */
export class PlacementFileError extends Error {
  override name = 'PlacementFileError';
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** The import stopped: the database stayed locked by another process longer than its busy timeout. */
export class DatabaseBusyError extends PlacementFileError {
  override name = 'DatabaseBusyError';
  constructor(line: number) {
    super(
      `The database stayed busy (another process, such as the running service, kept it locked for more than 5 seconds) at line ${line}. ` +
        'The rows before that line were imported; import the same file again in a moment (rows already imported stay unchanged).',
      line,
    );
  }
}

const EXPECTED_HEADER = PLACEMENT_COLUMNS.join(',');
const OPTIONAL_NOTE = `(optional columns may follow it, in any order: ${OPTIONAL_PLACEMENT_COLUMNS.join(', ')})`;

// ---------------------------------------------------------------------------------------------
// Field rules

/** A US (NANP) phone number in E.164 ("+14045550101"), or null when it is not one. */
export function normalizeUsPhone(text: string): string | null {
  const trimmed = text.trim();
  if (!/^(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.length === 11) digits = digits.slice(1);
  // Area code and exchange cannot start with 0 or 1.
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return null;
  return `+1${digits}`;
}

/** The canonical IANA name of a time zone ("US/Pacific" -> "America/Los_Angeles"), or null. */
export function canonicalTimeZone(name: string): string | null {
  // Area/Location names only: abbreviations such as EST or PST8PDT are ambiguous (EST has no
  // daylight saving time) and would put quiet hours an hour off for half the year.
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

class Invalid {
  constructor(readonly message: string) {}
}

/** A string column: trimmed, then checked/converted by `rule`, whose Invalid message follows the column name. */
function column<T>(rule: (value: string) => T | Invalid) {
  return z.string().transform((raw, ctx): T => {
    const result = rule(raw.trim());
    if (result instanceof Invalid) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    return result;
  });
}

/** A row value quoted in a reason: double quotes only around it (see scrub), at most 40 characters. */
const shown = (value: string) => `"${value.replace(/["\p{Cc}]/gu, '?').slice(0, 40)}${value.length > 40 ? '…' : ''}"`;

const required = (max: number) =>
  column((value) => {
    if (value === '') return new Invalid('is required');
    if (value.length > max) return new Invalid(`is longer than ${max} characters`);
    return value;
  });

const optional = <T>(rule: (value: string) => T | Invalid) => column((value) => (value === '' ? null : rule(value)));

const emailSchema = z.email();

/** An optional column: undefined when the file has no such column, else `rule` of the trimmed text. */
const ifPresent = <T>(rule: (value: string) => T | Invalid) =>
  z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      if (raw === undefined) return undefined;
      const result = rule(raw.trim());
      if (result instanceof Invalid) {
        ctx.addIssue({ code: 'custom', message: result.message });
        return z.NEVER;
      }
      return result;
    });

const yesNo = (value: string): boolean | Invalid => {
  const flag = value.toLowerCase();
  if (['yes', 'y', 'true'].includes(flag)) return true;
  if (['', 'no', 'n', 'false'].includes(flag)) return false;
  return new Invalid('must be yes or no (empty: no)');
};

const sourceText = (value: string): string | null | Invalid => (value === '' ? null : value.length > 200 ? new Invalid('is longer than 200 characters') : value);

const AMOUNT_COLUMNS = ['itemization_amount', 'interest', 'fees', 'payments', 'credits'] as const;
type AmountColumn = (typeof AMOUNT_COLUMNS)[number];

function isoDate(today: string, rule: 'past' | 'not-future') {
  return column((value) => {
    if (!isIsoCalendarDate(value)) return new Invalid('is not a real date in the form YYYY-MM-DD');
    if (value < '1900-01-01') return new Invalid('is before 1900');
    if (rule === 'past' && value >= today) return new Invalid('must be in the past');
    if (rule === 'not-future' && value > today) return new Invalid('must not be in the future');
    return value;
  });
}

/**
 * Parses the amount columns with the row's currency. Empty interest/fees/payments/credits count
 * as 0; itemization_amount is required. Returns the minor units, or the problems by column.
 */
function parseAmounts(row: Record<AmountColumn, string>, currency: string): { amounts: Record<AmountColumn, number>; problems: Array<[AmountColumn, string]> } {
  const amounts = { itemization_amount: 0, interest: 0, fees: 0, payments: 0, credits: 0 };
  const problems: Array<[AmountColumn, string]> = [];
  for (const name of AMOUNT_COLUMNS) {
    const text = row[name].trim();
    if (text === '' && name !== 'itemization_amount') continue;
    if (text === '') {
      problems.push([name, 'is required']);
      continue;
    }
    try {
      amounts[name] = parseDecimalAmount(text, currency);
    } catch (error) {
      if (!(error instanceof AmountError)) throw error;
      problems.push([name, `is not a valid amount: ${error.message}`]);
    }
  }
  return { amounts, problems };
}

/** The zod schema of one CSV row (an object keyed by PLACEMENT_COLUMNS), for a given "today". */
export function placementRowSchema(now: Date) {
  const today = now.toISOString().slice(0, 10);
  return z
    .object({
      account_number: column((value) => {
        if (value === '') return new Invalid('is required');
        if (value.length > 64) return new Invalid('is longer than 64 characters');
        if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value)) return new Invalid('may contain only letters, digits and . _ / -');
        return value;
      }),
      first_name: required(100),
      last_name: required(100),
      dob: isoDate(today, 'past'),
      ssn_last4: column((value) => (/^\d{4}$/.test(value) ? value : new Invalid('must be exactly 4 digits'))),
      zip: column((value) => (/^\d{5}(?:-\d{4})?$/.test(value) ? value : new Invalid('must be a 5-digit ZIP code or ZIP+4 (12345-6789)'))),
      phone: optional((value) => normalizeUsPhone(value) ?? new Invalid('is not a US phone number (expected e.g. +14045550101, (404) 555-0101 or 404-555-0101)')),
      email: optional((value) => (value.length <= 254 && emailSchema.safeParse(value).success ? value : new Invalid('is not a valid email address'))),
      address: required(300),
      timezone: optional((value) => canonicalTimeZone(value) ?? new Invalid(`${shown(value)} is not an IANA time zone name such as America/New_York`)),
      language: column((value) => {
        const language = value.toLowerCase() || 'en';
        return language === 'en' || language === 'es' ? language : new Invalid(`${shown(value)} is not supported (expected en or es)`);
      }),
      creditor: required(200),
      original_creditor: required(200),
      itemization_date: isoDate(today, 'not-future'),
      itemization_amount: z.string(),
      interest: z.string(),
      fees: z.string(),
      payments: z.string(),
      credits: z.string(),
      currency: column((value) => {
        const code = value.toUpperCase();
        if (!/^[A-Z]{3}$/.test(code)) return new Invalid('must be a 3-letter ISO 4217 code such as USD');
        return isCurrencyCode(code) ? code : new Invalid(`${shown(code)} is not an ISO 4217 currency code`);
      }),
      time_barred: column((value) => {
        const flag = value.toLowerCase();
        return flag === 'true' ? true : flag === 'false' ? false : new Invalid('must be true or false');
      }),
      sms_consent: ifPresent(yesNo),
      sms_consent_source: ifPresent(sourceText),
      sms_consent_date: ifPresent((value) => (value === '' ? null : optionalDate(value, today))),
      email_consent: ifPresent((value): EmailConsent | null | Invalid => {
        const basis = value.toLowerCase();
        if (basis === '' || basis === 'no') return null;
        return (EMAIL_CONSENTS as readonly string[]).includes(basis)
          ? (basis as EmailConsent)
          : new Invalid(`${shown(value)} is not one of ${EMAIL_CONSENTS.join(', ')} (empty or no: we do not email this address)`);
      }),
      email_consent_source: ifPresent(sourceText),
      email_notice_date: ifPresent((value) => (value === '' ? null : optionalDate(value, today))),
      inconvenient_times: ifPresent((value) => {
        const parsed = parseInconvenientTimes(value);
        return 'problem' in parsed ? new Invalid(parsed.problem) : parsed.preference;
      }),
    })
    .superRefine(
      (row, ctx) => {
        // Runs even when other columns failed, so every problem of the row is reported at once.
        if (typeof row.currency !== 'string' || !isCurrencyCode(row.currency)) return;
        const { amounts, problems } = parseAmounts(row, row.currency);
        for (const [name, message] of problems) ctx.addIssue({ code: 'custom', path: [name], message });
        if (problems.length > 0) return;
        const balance = amounts.itemization_amount + amounts.interest + amounts.fees - amounts.payments - amounts.credits;
        if (balance < 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['payments'],
            message: `and credits exceed the amount owed: itemization_amount + interest + fees - payments - credits = ${minorToDecimalString(balance, row.currency)}`,
          });
        }
      },
      { when: () => true },
    )
    .superRefine(
      (row, ctx) => {
        // Consent is only worth what its record says: where and when it was given (TCPA), and why
        // the address may be used (1006.6(d)(4)).
        const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
        if (row.sms_consent === true) {
          if (row.phone === null) problem('sms_consent', 'is yes but the row has no phone');
          if (!row.sms_consent_source) problem('sms_consent_source', 'is required when sms_consent is yes (where the consumer gave it, e.g. "credit application")');
          if (!row.sms_consent_date) problem('sms_consent_date', 'is required when sms_consent is yes (YYYY-MM-DD)');
        }
        if (row.email_consent) {
          if (row.email === null) problem('email_consent', 'is set but the row has no email');
          if (!row.email_consent_source) problem('email_consent_source', 'is required when email_consent is set (how the address was obtained)');
          if (row.email_consent === 'creditor_notice' && !row.email_notice_date) problem('email_notice_date', 'is required when email_consent is creditor_notice (the day the creditor sent its notice)');
        }
      },
      { when: () => true },
    )
    .transform((row) => {
      const { amounts } = parseAmounts(row, row.currency);
      return {
        accountNumber: row.account_number,
        firstName: row.first_name,
        lastName: row.last_name,
        dob: row.dob,
        ssnLast4: row.ssn_last4,
        zip: row.zip,
        phone: row.phone,
        email: row.email,
        address: row.address,
        timeZone: row.timezone,
        language: row.language,
        creditorName: row.creditor,
        originalCreditor: row.original_creditor,
        itemizationDate: new Date(`${row.itemization_date}T00:00:00.000Z`),
        itemizationAmount: amounts.itemization_amount,
        interestSinceItemization: amounts.interest,
        feesSinceItemization: amounts.fees,
        paymentsSinceItemization: amounts.payments,
        creditsSinceItemization: amounts.credits,
        balance: amounts.itemization_amount + amounts.interest + amounts.fees - amounts.payments - amounts.credits,
        currency: row.currency,
        timeBarred: row.time_barred,
        contactability: contactabilityOf(row),
      };
    });
}

function optionalDate(value: string, today: string): Date | Invalid {
  if (!isIsoCalendarDate(value)) return new Invalid('is not a real date in the form YYYY-MM-DD');
  if (value > today) return new Invalid('must not be in the future');
  return new Date(`${value}T00:00:00.000Z`);
}

/** The optional columns' account fields: only for the columns the file has. */
function contactabilityOf(row: {
  sms_consent?: boolean;
  sms_consent_source?: string | null;
  sms_consent_date?: Date | null;
  email_consent?: EmailConsent | null;
  email_consent_source?: string | null;
  email_notice_date?: Date | null;
  inconvenient_times?: ContactPreference | null;
}): Contactability {
  const fields: Contactability = {};
  if (row.sms_consent !== undefined) {
    fields.smsConsent = row.sms_consent;
    fields.smsConsentSource = row.sms_consent ? (row.sms_consent_source ?? null) : null;
    fields.smsConsentAt = row.sms_consent ? (row.sms_consent_date ?? null) : null;
  }
  if (row.email_consent !== undefined) {
    fields.emailConsent = row.email_consent;
    fields.emailConsentSource = row.email_consent ? (row.email_consent_source ?? null) : null;
    fields.emailNoticeAt = row.email_consent === 'creditor_notice' ? (row.email_notice_date ?? null) : null;
  }
  if (row.inconvenient_times !== undefined) {
    fields.placedContactPreferenceJson = row.inconvenient_times ? JSON.stringify(row.inconvenient_times) : null;
  }
  return fields;
}

/** The account fields of the optional columns; a field is present only when its column is in the file. */
interface Contactability {
  smsConsent?: boolean;
  smsConsentSource?: string | null;
  smsConsentAt?: Date | null;
  emailConsent?: string | null;
  emailConsentSource?: string | null;
  emailNoticeAt?: Date | null;
  placedContactPreferenceJson?: string | null;
}

const CONTACTABILITY_FIELDS = ['smsConsent', 'smsConsentSource', 'smsConsentAt', 'emailConsent', 'emailConsentSource', 'emailNoticeAt', 'placedContactPreferenceJson'] as const satisfies ReadonlyArray<keyof Contactability>;
type ContactabilityField = (typeof CONTACTABILITY_FIELDS)[number];

export type PlacementRow = z.output<ReturnType<typeof placementRowSchema>>;

// ---------------------------------------------------------------------------------------------
// CSV

interface CsvRecord {
  record: string[];
  raw: string;
  info: Info;
}

interface FileRow {
  line: number;
  cells: string[];
}

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (look for an unbalanced double quote on or before this line)',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by other characters instead of a comma',
  INVALID_OPENING_QUOTE: 'a quote appears inside an unquoted field (quote the whole field and double the inner quotes)',
  CSV_INVALID_OPENING_QUOTE: 'a quote appears inside an unquoted field (quote the whole field and double the inner quotes)',
};

/** Splits the file into rows with the line each starts on. The first row is the header. */
function readCsv(text: string): FileRow[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let records: CsvRecord[];
  try {
    records = parse(normalized, { info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as CsvRecord[];
  } catch (error) {
    // csv-parse messages can quote field contents; build our own from the code and line only.
    const { code, lines } = error as { code?: string; lines?: number };
    const what = (code && CSV_ERRORS[code]) ?? `the CSV could not be parsed${code ? ` (${code})` : ''}`;
    throw new PlacementFileError(`The file is not valid CSV near line ${lines ?? '?'}: ${what}. Nothing was imported.`, lines);
  }
  const rows: FileRow[] = [];
  for (const { record, raw, info } of records) {
    // raw starts with any skipped blank lines and ends with the record's own line break.
    const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
    if (body.trim() === '') continue; // a line of spaces
    const extraLines = body.split('\n').length - 1;
    rows.push({ line: info.lines - extraLines, cells: record });
  }
  return rows;
}

/** Checks the header and returns its column names, in file order. */
function checkHeader(header: FileRow | undefined): Array<PlacementColumn | OptionalPlacementColumn> {
  if (!header) {
    throw new PlacementFileError(`The file is empty. Its first line must be the header:\n${EXPECTED_HEADER}\n${OPTIONAL_NOTE}`);
  }
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const optional = new Set<string>(OPTIONAL_PLACEMENT_COLUMNS);
  const extras = names.slice(PLACEMENT_COLUMNS.length);
  if (names.slice(0, PLACEMENT_COLUMNS.length).join(',') === EXPECTED_HEADER && extras.every((name) => optional.has(name)) && new Set(extras).size === extras.length) {
    return names as Array<PlacementColumn | OptionalPlacementColumn>;
  }
  const expected = new Set<string>([...PLACEMENT_COLUMNS, ...OPTIONAL_PLACEMENT_COLUMNS]);
  const seen = new Set<string>();
  const problems: string[] = [];
  const missing = PLACEMENT_COLUMNS.filter((name) => !names.includes(name));
  const unexpected = names.filter((name) => !expected.has(name));
  const duplicated = names.filter((name) => (seen.has(name) ? true : (seen.add(name), false)));
  if (missing.length > 0) problems.push(`missing column${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`);
  if (unexpected.length > 0) problems.push(`unexpected column${unexpected.length === 1 ? '' : 's'}: ${unexpected.map((n) => (n === '' ? '(empty)' : n)).join(', ')}`);
  if (duplicated.length > 0) problems.push(`repeated column${duplicated.length === 1 ? '' : 's'}: ${duplicated.join(', ')}`);
  if (problems.length === 0) problems.push('the columns are in the wrong order');
  throw new PlacementFileError(
    `The header on line ${header.line} is not the placement header (${problems.join('; ')}). Nothing was imported. The first line must be exactly:\n${EXPECTED_HEADER}\n${OPTIONAL_NOTE}`,
    header.line,
  );
}

/**
 * Second line of defence: the only row values a reason ever quotes are in double quotes
 * (timezone, language, currency); any quoted value containing the row's dob or ssn_last4 text is
 * replaced, in case a factor was typed into the wrong column.
 */
function scrub(reason: string, secrets: string[]): string {
  const present = secrets.filter((secret) => secret.length >= 2);
  return reason.replace(/"[^"]*"/g, (quoted) => (present.some((secret) => quoted.includes(secret)) ? '"[redacted]"' : quoted));
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  const messages = issues.map((issue) => {
    const name = issue.path.map(String).join('.');
    return name ? `${name} ${issue.message}` : issue.message;
  });
  return [...new Set(messages)].join('; ');
}

// ---------------------------------------------------------------------------------------------
// Import

type Outcome = 'imported' | 'updated' | 'unchanged';

const COMPARED_FIELDS = [
  'firstName',
  'lastName',
  'nameKey',
  'address',
  'zip',
  'phone',
  'email',
  'timeZone',
  'language',
  'creditorId',
  'originalCreditor',
  'currency',
  'itemizationDate',
  'itemizationAmount',
  'interestSinceItemization',
  'feesSinceItemization',
  'paymentsSinceItemization',
  'creditsSinceItemization',
  'balance',
  'dobHash',
  'ssnLast4Hash',
  'timeBarred',
] as const;

type ComparedField = (typeof COMPARED_FIELDS)[number];
type AccountFields = { [K in ComparedField]: string | number | boolean | Date | null };

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

async function writeRow(tx: Tx, row: PlacementRow, hashKey: string, now: Date): Promise<Outcome> {
  let creditor = await tx.creditor.findUnique({ where: { name: row.creditorName } });
  creditor ??= await tx.creditor.create({ data: { name: row.creditorName, policyJson: JSON.stringify(DEFAULT_POLICY) } });

  const existing = await tx.account.findUnique({ where: { accountNumber: row.accountNumber } });
  const salt = existing?.factorSalt ?? newSalt();
  const fields = {
    firstName: row.firstName,
    lastName: row.lastName,
    nameKey: nameKey(`${row.firstName} ${row.lastName}`),
    address: row.address,
    zip: row.zip,
    phone: row.phone,
    email: row.email,
    timeZone: row.timeZone,
    language: row.language,
    creditorId: creditor.id,
    originalCreditor: row.originalCreditor,
    currency: row.currency,
    itemizationDate: row.itemizationDate,
    itemizationAmount: row.itemizationAmount,
    interestSinceItemization: row.interestSinceItemization,
    feesSinceItemization: row.feesSinceItemization,
    paymentsSinceItemization: row.paymentsSinceItemization,
    creditsSinceItemization: row.creditsSinceItemization,
    balance: row.balance,
    dobHash: hashFactor(hashKey, salt, 'dob', row.dob),
    ssnLast4Hash: hashFactor(hashKey, salt, 'ssnLast4', row.ssnLast4),
    timeBarred: row.timeBarred,
  } satisfies AccountFields;

  if (!existing) {
    const account = await tx.account.create({
      data: { ...fields, ...row.contactability, accountNumber: row.accountNumber, factorSalt: salt, placedAt: now, lastActivityAt: now },
    });
    await appendAudit(tx, { type: 'placement.imported', actor: 'system', accountId: account.id, detail: { accountNumber: row.accountNumber } });
    if (Object.keys(row.contactability).length > 0) await auditContactability(tx, account.id, row.contactability);
    return 'imported';
  }

  const optional = row.contactability;
  const changed = COMPARED_FIELDS.filter((name) => !sameValue(existing[name], fields[name]));
  const changedOptional = CONTACTABILITY_FIELDS.filter((name) => name in optional && !sameValue(existing[name], optional[name]));
  if (changed.length === 0 && changedOptional.length === 0) return 'unchanged';
  await tx.account.update({
    where: { id: existing.id },
    data: { ...Object.fromEntries(changed.map((name) => [name, fields[name]])), ...Object.fromEntries(changedOptional.map((name) => [name, optional[name]])) },
  });
  await appendAudit(tx, { type: 'placement.updated', actor: 'system', accountId: existing.id, detail: { accountNumber: row.accountNumber } });
  if (changedOptional.length > 0) await auditContactability(tx, existing.id, { ...existing, ...optional });
  return 'updated';
}

/** Consent as the placement states it now (a record of what we were told, DESIGN 14). */
async function auditContactability(tx: Tx, accountId: string, account: Partial<Record<ContactabilityField, unknown>>): Promise<void> {
  const date = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : null);
  await appendAudit(tx, {
    type: 'contactability.recorded',
    actor: 'system',
    accountId,
    detail: {
      sms: { consent: account.smsConsent === true, source: account.smsConsentSource ?? null, date: date(account.smsConsentAt) },
      email: { consent: account.emailConsent ?? null, source: account.emailConsentSource ?? null, noticeDate: date(account.emailNoticeAt) },
      inconvenientTimes: account.placedContactPreferenceJson ? JSON.parse(String(account.placedContactPreferenceJson)) : null,
    },
  });
}

/**
 * Validates and imports a placement CSV. Throws PlacementFileError when the whole file is refused
 * (empty, wrong header, broken CSV) — nothing is written then. Otherwise returns the counts and
 * every rejected row; rows are written one transaction each, in file order.
 */
export async function importPlacements(db: Db, csvText: string, options: ImportOptions): Promise<ImportReport> {
  const now = options.now ?? new Date();
  if (options.hashKey.length === 0) throw new Error('importPlacements: hashKey is empty');
  const [header, ...rows] = readCsv(csvText);
  const columns = checkHeader(header);

  const schema = placementRowSchema(now);
  const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, rejected: [] };
  const firstLineOf = new Map<string, number>();

  for (const [index, { line, cells }] of rows.entries()) {
    if (index > 0) options.onProgress?.(index, rows.length);
    const candidate = (cells[0] ?? '').trim();
    const accountNumber = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/.test(candidate) ? candidate : undefined;
    const reject = (reason: string) => {
      const secrets = [cells[3], cells[4]].map((cell) => (cell ?? '').trim());
      report.rejected.push({ line, ...(accountNumber ? { accountNumber } : {}), reason: scrub(reason, secrets) });
    };

    if (accountNumber) {
      const first = firstLineOf.get(accountNumber);
      if (first !== undefined) {
        reject(`account_number ${accountNumber} already appears on line ${first}; only the first row of an account is imported`);
        continue;
      }
      firstLineOf.set(accountNumber, line);
    }
    if (cells.length !== columns.length) {
      reject(`the row has ${cells.length} column${cells.length === 1 ? '' : 's'}, expected ${columns.length} (a comma inside a value needs the value in double quotes)`);
      continue;
    }

    const record = Object.fromEntries(columns.map((name, index) => [name, cells[index] ?? '']));
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      reject(describeIssues(parsed.error.issues));
      continue;
    }

    try {
      const outcome = await db.$transaction((tx) => writeRow(tx, parsed.data, options.hashKey, now));
      report[outcome] += 1;
    } catch (error) {
      // Every further row would wait out the same lock: stop and say so (issue 10 item 13).
      if (isDatabaseBusy(error)) throw new DatabaseBusyError(line);
      // Database messages are not shown: they could carry values. The code is enough to look up.
      const code = (error as { code?: unknown }).code;
      reject(`could not be saved (${typeof code === 'string' ? `database error ${code}` : error instanceof Error ? error.name : 'unknown error'})`);
    }
  }
  options.onProgress?.(rows.length, rows.length);
  return report;
}
