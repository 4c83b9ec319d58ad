import { describe, expect, it } from 'vitest';
import { csvCell, reportCsv } from '../../src/officer/reportCsv.ts';
import { emptyReport, sampleReport } from './reportFixture.ts';

/** A minimal RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  expect(field === '' && row.length === 0, 'ends with CRLF').toBe(true);
  return rows;
}

const find = (rows: string[][], section: string, metric: string, key = '', currency = '') =>
  rows.filter((r) => r[0] === section && r[1] === metric && r[2] === key && r[3] === currency).map((r) => r[4]);

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('quotes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tstart', "'\tstart"],
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['-12.50 USD', "'-12.50 USD"],
  ])('defuses a formula: %j -> %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each(['-5', '-12.50', '-0.0001'])('leaves the plain negative number %s alone', (value) => {
    expect(csvCell(value)).toBe(value);
  });
});

describe('reportCsv', () => {
  it('has the header and six fields on every row', () => {
    const rows = parseCsv(reportCsv(sampleReport()));
    expect(rows[0]).toEqual(['section', 'metric', 'key', 'currency', 'value', 'definition']);
    for (const row of rows) expect(row).toHaveLength(6);
  });

  it('holds every figure; amounts are plain decimals with the currency in its own column (issue #15)', () => {
    const rows = parseCsv(reportCsv(sampleReport()));
    expect(rows.filter((r) => r[0] === 'range' && r[1] === 'from').map((r) => r[2])).toEqual(['2026-11-01T00:00:00.000Z']);
    expect(find(rows, 'conversations', 'total')).toEqual(['4']);
    expect(find(rows, 'conversations', 'by_channel', 'sms')).toEqual(['1']);
    expect(find(rows, 'verification', 'attempted')).toEqual(['4']);
    expect(find(rows, 'verification', 'rate')).toEqual(['0.5000']);
    expect(find(rows, 'without_person', 'rate')).toEqual(['0.2500']);
    expect(find(rows, 'plans', 'count')).toEqual(['3']);
    expect(find(rows, 'plans', 'value', '', 'USD')).toEqual(['1700.05']);
    expect(find(rows, 'plans', 'value_by_kind', 'settlement', 'EUR')).toEqual(['300.00']);
    expect(find(rows, 'collected', 'total', '', 'USD')).toEqual(['175.50']);
    expect(find(rows, 'collected', 'daily', '2026-11-02', 'USD')).toEqual(['0.00']);
    expect(find(rows, 'promise_kept', 'rate')).toEqual(['0.6667']);
    expect(find(rows, 'escalations', 'count', 'asked')).toEqual(['2']);
    expect(find(rows, 'first_response', 'median_seconds')).toEqual(['120']);
    expect(find(rows, 'first_response', 'p90_seconds')).toEqual(['300']);
    expect(find(rows, 'first_response', 'waiting')).toEqual(['1']);
    expect(find(rows, 'aging', 'count', '0-30')).toEqual(['1']);
    expect(find(rows, 'aging', 'balance', '0-30', 'USD')).toEqual(['1090.25']);
    expect(find(rows, 'aging', 'balance', '180+', 'JPY')).toEqual(['5000']);
    expect(rows.find((r) => r[0] === 'aging' && r[1] === 'definition')?.[5]).toMatch(/itemization date/);
  });

  it('every value is a number or empty, so a spreadsheet can sum the column', () => {
    const rows = parseCsv(reportCsv(sampleReport())).slice(1);
    for (const row of rows) expect(row[4], row.join(',')).toMatch(/^(-?\d+(\.\d+)?)?$/);
    // The daily amounts add up to the total, per currency.
    const daily = rows.filter((r) => r[0] === 'collected' && r[1] === 'daily' && r[3] === 'USD').reduce((sum, r) => sum + Math.round(Number(r[4]) * 100), 0);
    expect(daily / 100).toBe(Number(find(rows, 'collected', 'total', '', 'USD')[0]));
    // The channels add up to the total of conversations (the console card shows the same three).
    const channels = ['web', 'sms', 'other'].reduce((sum, c) => sum + Number(find(rows, 'conversations', 'by_channel', c)[0]), 0);
    expect(channels).toBe(Number(find(rows, 'conversations', 'total')[0]));
  });

  it('guards the reasons against formula injection and keeps markup as text', () => {
    const csv = reportCsv(sampleReport());
    const rows = parseCsv(csv);
    expect(find(rows, 'escalations', 'count', `'=HYPERLINK("http://evil.example","click")`)).toEqual(['1']);
    expect(find(rows, 'escalations', 'count', '<script>alert("x")</script>')).toEqual(['1']);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@]/);
  });

  it('writes empty values for rates and times that do not exist, never NaN', () => {
    const csv = reportCsv(emptyReport());
    const rows = parseCsv(csv);
    expect(csv).not.toContain('NaN');
    expect(csv).not.toContain('null');
    expect(find(rows, 'verification', 'rate')).toEqual(['']);
    expect(find(rows, 'promise_kept', 'rate')).toEqual(['']);
    expect(find(rows, 'first_response', 'median_seconds')).toEqual(['']);
    expect(find(rows, 'conversations', 'total')).toEqual(['0']);
    expect(find(rows, 'aging', 'count', '180+')).toEqual(['0']);
  });
});
