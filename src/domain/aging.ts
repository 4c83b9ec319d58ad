/**
 * Accounts-receivable aging: open accounts bucketed by how long the debt has been outstanding.
 *
 * Age is the number of whole elapsed days (24 hours each, on the UTC timeline) from the account's
 * itemization date to `now`. We do not store the date of default or first delinquency; the
 * itemization date (Reg F 1006.34(b)(3): last statement, charge-off, last payment…) is the closest
 * date we hold, so aging from it is a slight under-statement, never an over-statement. Itemization
 * dates are stored at UTC midnight, so for them this equals counting calendar days in UTC.
 * An itemization date in the future counts as age 0. Accounts with a balance of 0 or less are not
 * receivables and are left out. Pure functions, no I/O.
 */

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '91-180', '180+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

const DAY_MS = 86_400_000;
/** The oldest age (in days) of each bucket but the last, which is open-ended. */
const BUCKET_MAX_DAYS = [30, 60, 90, 180] as const;

export interface AgingAccount {
  itemizationDate: Date;
  /** Current balance in minor units of `currency`. */
  balance: number;
  currency: string;
}

export interface AgingCurrencyTotal {
  currency: string;
  count: number;
  /** Sum of balances, minor units. */
  balance: number;
}

export interface AgingBucketTotal {
  bucket: AgingBucket;
  /** Accounts in the bucket, all currencies. */
  count: number;
  /** One entry per currency present, sorted by currency code. */
  byCurrency: AgingCurrencyTotal[];
}

export interface AgingReport {
  asOf: Date;
  /** Always the five buckets, youngest first, empty ones included. */
  buckets: AgingBucketTotal[];
}

/** Whole elapsed days from the itemization date to now; negative when the date is in the future. */
export function ageInDays(itemizationDate: Date, now: Date): number {
  return Math.floor((now.getTime() - itemizationDate.getTime()) / DAY_MS);
}

/** Day 30 -> '0-30', 31 -> '31-60', 180 -> '91-180', 181 -> '180+'; negative ages -> '0-30'. */
export function agingBucketOf(days: number): AgingBucket {
  const index = BUCKET_MAX_DAYS.findIndex((max) => days <= max);
  return AGING_BUCKETS[index === -1 ? AGING_BUCKETS.length - 1 : index]!;
}

export interface AgingWindow {
  bucket: AgingBucket;
  /** Itemization date strictly after this instant (null: no lower limit). */
  itemizedAfter: Date | null;
  /** Itemization date at or before this instant (null: no upper limit). */
  itemizedOnOrBefore: Date | null;
}

/**
 * The same buckets as itemization-date windows, for a database query: an account is in a window
 * exactly when agingBucketOf(ageInDays(itemizationDate, now)) names that window's bucket.
 */
export function agingWindows(now: Date): AgingWindow[] {
  const t = now.getTime();
  const minDays = [0, ...BUCKET_MAX_DAYS.map((max) => max + 1)];
  return AGING_BUCKETS.map((bucket, i) => {
    const max = BUCKET_MAX_DAYS[i];
    const min = minDays[i]!;
    return {
      bucket,
      // age <= max  <=>  now - date < (max + 1) days
      itemizedAfter: max === undefined ? null : new Date(t - (max + 1) * DAY_MS),
      // age >= min  <=>  now - date >= min days (the youngest bucket also takes future dates)
      itemizedOnOrBefore: min === 0 ? null : new Date(t - min * DAY_MS),
    };
  });
}

/** Buckets a list of accounts in memory. */
export function ageAccounts(accounts: Iterable<AgingAccount>, now: Date): AgingReport {
  const rows: AgingRow[] = [];
  for (const account of accounts) {
    if (account.balance <= 0) continue;
    rows.push({ bucket: agingBucketOf(ageInDays(account.itemizationDate, now)), currency: account.currency, count: 1, balance: account.balance });
  }
  return agingReportFromRows(rows, now);
}

export interface AgingRow {
  bucket: AgingBucket;
  currency: string;
  count: number;
  balance: number;
}

/** Assembles a report from partial totals (e.g. one database aggregate per window and currency). */
export function agingReportFromRows(rows: Iterable<AgingRow>, now: Date): AgingReport {
  const totals = new Map<AgingBucket, Map<string, AgingCurrencyTotal>>(AGING_BUCKETS.map((b) => [b, new Map()]));
  for (const row of rows) {
    const byCurrency = totals.get(row.bucket)!;
    const total = byCurrency.get(row.currency) ?? { currency: row.currency, count: 0, balance: 0 };
    total.count += row.count;
    total.balance += row.balance;
    byCurrency.set(row.currency, total);
  }
  return {
    asOf: now,
    buckets: AGING_BUCKETS.map((bucket) => {
      const byCurrency = [...totals.get(bucket)!.values()].sort((a, b) => compareText(a.currency, b.currency));
      return { bucket, count: byCurrency.reduce((sum, t) => sum + t.count, 0), byCurrency };
    }),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
