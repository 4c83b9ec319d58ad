/**
 * The portfolio report as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma,
 * quote or line break), one figure per row: `section,metric,key,currency,value,definition`.
 *
 * `value` is always a plain number a spreadsheet can sum — a count, an amount as an exact decimal
 * ("3548.38", its currency in the `currency` column), a rate as a fraction with four decimals, or
 * seconds — or empty when the figure does not exist (a rate with nothing to divide by). Dates (the
 * period) are in `key`; each section's definition is in `definition` on its `definition` row.
 * The console's report cards show exactly these figures (the parts of each card add up to its total).
 */
import { minorToDecimalString } from '../domain/money.ts';
import type { PortfolioReport } from './reports.ts';

export const REPORT_CSV_HEADER = ['section', 'metric', 'key', 'currency', 'value', 'definition'] as const;

type Row = [section: string, metric: string, key: string, currency: string, value: string, definition: string];

export function reportCsv(report: PortfolioReport): string {
  const rows: Row[] = [[...REPORT_CSV_HEADER]];
  const add = (section: string, metric: string, key: string, value: number | string | null) => rows.push([section, metric, key, '', value === null ? '' : String(value), '']);
  const amount = (section: string, metric: string, key: string, minor: number, currency: string) => rows.push([section, metric, key, currency, decimal(minor, currency), '']);

  add('range', 'from', report.range.from.toISOString(), null);
  add('range', 'to', report.range.to.toISOString(), null);
  add('range', 'now', report.range.now.toISOString(), null);

  const { conversations, verification, withoutPerson, plans, collected, promiseKept, escalations, firstResponse, aging } = report;
  add('conversations', 'total', '', conversations.total);
  for (const channel of ['web', 'sms', 'other'] as const) add('conversations', 'by_channel', channel, conversations.byChannel[channel]);

  add('verification', 'attempted', '', verification.attempted);
  add('verification', 'verified', '', verification.verified);
  add('verification', 'rate', '', formatRate(verification.rate));

  add('without_person', 'count', '', withoutPerson.count);
  add('without_person', 'rate', '', formatRate(withoutPerson.rate));

  add('plans', 'count', '', plans.count);
  for (const t of plans.byCurrency) {
    rows.push(['plans', 'count', '', t.currency, String(t.count), '']);
    amount('plans', 'value', '', t.total, t.currency);
  }
  for (const t of plans.byKind) {
    rows.push(['plans', 'count_by_kind', t.kind, t.currency, String(t.count), '']);
    amount('plans', 'value_by_kind', t.kind, t.total, t.currency);
  }

  for (const t of collected.byCurrency) amount('collected', 'total', '', t.amount, t.currency);
  for (const series of collected.daily) {
    for (const day of series.days) amount('collected', 'daily', day.date, day.amount, series.currency);
  }

  add('promise_kept', 'kept', '', promiseKept.kept);
  add('promise_kept', 'not_kept', '', promiseKept.notKept);
  add('promise_kept', 'in_flight', '', promiseKept.inFlight);
  add('promise_kept', 'rate', '', formatRate(promiseKept.rate));

  add('escalations', 'total', '', escalations.total);
  for (const r of escalations.byReason) add('escalations', 'count', r.reason, r.count);

  add('first_response', 'responded', '', firstResponse.responded);
  add('first_response', 'waiting', '', firstResponse.waiting);
  add('first_response', 'median_seconds', '', firstResponse.medianSeconds);
  add('first_response', 'p90_seconds', '', firstResponse.p90Seconds);

  for (const bucket of aging.buckets) {
    add('aging', 'count', bucket.bucket, bucket.count);
    for (const t of bucket.byCurrency) {
      rows.push(['aging', 'count', bucket.bucket, t.currency, String(t.count), '']);
      amount('aging', 'balance', bucket.bucket, t.balance, t.currency);
    }
  }

  // One row per figure of each campaign; `key` is the campaign id (its name is on the 'name' row's definition cell).
  for (const c of report.campaigns) {
    rows.push(['campaigns', 'name', c.id, '', '', c.name]);
    for (const metric of ['recipients', 'queued', 'sent', 'delivered', 'stopped', 'replied', 'verified', 'resolved', 'optedOut'] as const) add('campaigns', sectionOf(metric), c.id, c[metric]);
    for (const [name, value] of Object.entries(c.rates)) add('campaigns', `${sectionOf(name)}_rate`, c.id, formatRate(value));
    for (const t of c.collected) amount('campaigns', 'collected', c.id, t.amount, t.currency);
  }

  for (const [key, sentence] of Object.entries(report.definitions)) rows.push([sectionOf(key), 'definition', '', '', '', sentence]);

  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The CSV section a report definition belongs to (camelCase key → snake_case section). */
function sectionOf(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * One CSV field. A text a spreadsheet would run as a formula (leading = + - @, tab or carriage
 * return) gets a leading apostrophe; a plain negative number stays a number.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function formatRate(rate: number | null): string | null {
  return rate === null ? null : rate.toFixed(4);
}

/** An exact decimal in the currency's own minor digits; a code the runtime does not know keeps minor units. */
function decimal(minor: number, currency: string): string {
  try {
    return minorToDecimalString(minor, currency);
  } catch {
    return String(minor);
  }
}
