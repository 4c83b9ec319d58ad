import { ageAccounts } from '../../src/domain/aging.ts';
import { REPORT_DEFINITIONS, type PortfolioReport } from '../../src/officer/reports.ts';

export const NOW = new Date('2026-11-06T12:00:00.000Z');

/** A hand-built report (no database) for the chart and CSV tests. */
export function sampleReport(overrides: Partial<PortfolioReport> = {}): PortfolioReport {
  return {
    range: { from: new Date('2026-11-01T00:00:00.000Z'), to: new Date('2026-11-04T00:00:00.000Z'), now: NOW },
    conversations: { total: 4, byChannel: { web: 2, sms: 1, other: 1 } },
    verification: { attempted: 4, verified: 2, rate: 0.5 },
    withoutPerson: { count: 1, rate: 0.25 },
    plans: {
      count: 3,
      byCurrency: [
        { currency: 'EUR', count: 1, total: 30_000 },
        { currency: 'USD', count: 2, total: 170_005 },
      ],
      byKind: [
        { kind: 'full', currency: 'USD', count: 1, total: 50_000 },
        { kind: 'installments', currency: 'USD', count: 1, total: 120_005 },
        { kind: 'settlement', currency: 'EUR', count: 1, total: 30_000 },
      ],
    },
    collected: {
      byCurrency: [{ currency: 'USD', amount: 17_550 }],
      daily: [
        {
          currency: 'USD',
          days: [
            { date: '2026-11-01', amount: 12_550 },
            { date: '2026-11-02', amount: 0 },
            { date: '2026-11-03', amount: 5_000 },
          ],
        },
      ],
    },
    promiseKept: { kept: 2, notKept: 1, inFlight: 0, rate: 2 / 3 },
    escalations: {
      total: 4,
      byReason: [
        { reason: 'asked', count: 2 },
        { reason: '<script>alert("x")</script>', count: 1 },
        { reason: '=HYPERLINK("http://evil.example","click")', count: 1 },
      ],
    },
    firstResponse: { responded: 3, waiting: 1, medianSeconds: 120, p90Seconds: 300 },
    aging: ageAccounts(
      [
        { itemizationDate: new Date('2026-10-20T00:00:00Z'), balance: 109_025, currency: 'USD' },
        { itemizationDate: new Date('2026-01-01T00:00:00Z'), balance: 5_000, currency: 'JPY' },
      ],
      NOW,
    ),
    campaigns: [],
    unansweredQuestions: null,
    definitions: { ...REPORT_DEFINITIONS },
    ...overrides,
  };
}

/** The same report with nothing in it. */
export function emptyReport(): PortfolioReport {
  return sampleReport({
    conversations: { total: 0, byChannel: { web: 0, sms: 0, other: 0 } },
    verification: { attempted: 0, verified: 0, rate: null },
    withoutPerson: { count: 0, rate: null },
    plans: { count: 0, byCurrency: [], byKind: [] },
    collected: { byCurrency: [], daily: [] },
    promiseKept: { kept: 0, notKept: 0, inFlight: 0, rate: null },
    escalations: { total: 0, byReason: [] },
    firstResponse: { responded: 0, waiting: 0, medianSeconds: null, p90Seconds: null },
    aging: ageAccounts([], NOW),
  });
}
