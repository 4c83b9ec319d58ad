/**
 * The portfolio report as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma,
 * quote or line break), one figure per row: `section,metric,key,value`. Amounts are exact decimal
 * strings followed by the currency ("1250.50 USD"); rates are fractions with four decimals; a
 * figure that does not exist (a rate with nothing to divide by) is an empty value.
 */
import { minorToDecimalString } from '../domain/money.ts';
import type { PortfolioReport } from './reports.ts';

type Row = [section: string, metric: string, key: string, value: string];

export function reportCsv(report: PortfolioReport): string {
  const rows: Row[] = [['section', 'metric', 'key', 'value']];
  const add = (section: string, metric: string, key: string, value: string | number | null) =>
    rows.push([section, metric, key, value === null ? '' : String(value)]);

  add('range', 'from', '', report.range.from.toISOString());
  add('range', 'to', '', report.range.to.toISOString());
  add('range', 'now', '', report.range.now.toISOString());

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
    add('plans', 'count', t.currency, t.count);
    add('plans', 'value', t.currency, money(t.total, t.currency));
  }
  for (const t of plans.byKind) {
    add('plans', 'count_by_kind', `${t.kind}/${t.currency}`, t.count);
    add('plans', 'value_by_kind', `${t.kind}/${t.currency}`, money(t.total, t.currency));
  }

  for (const t of collected.byCurrency) add('collected', 'total', t.currency, money(t.amount, t.currency));
  for (const series of collected.daily) {
    for (const day of series.days) add('collected', 'daily', `${day.date}/${series.currency}`, money(day.amount, series.currency));
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
      add('aging', 'count', `${bucket.bucket}/${t.currency}`, t.count);
      add('aging', 'balance', `${bucket.bucket}/${t.currency}`, money(t.balance, t.currency));
    }
  }

  for (const [key, sentence] of Object.entries(report.definitions)) add('definitions', key, '', sentence);

  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
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

function money(minor: number, currency: string): string {
  try {
    return `${minorToDecimalString(minor, currency)} ${currency}`;
  } catch {
    // A currency code the runtime does not know: keep the figure rather than fail the export.
    return `${minor} minor units ${currency}`;
  }
}
