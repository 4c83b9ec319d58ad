import { describe, expect, it } from 'vitest';
import { AGING_BUCKETS, ageAccounts, ageInDays, agingBucketOf, agingWindows, type AgingAccount } from '../../src/domain/aging.ts';
import { median, percentile, rate } from '../../src/domain/reportMath.ts';
import { mulberry32, propertySeed, randomInt } from './random.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-11-23T15:30:00Z');
const daysAgo = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * DAY - extraMs);

describe('agingBucketOf', () => {
  it.each([
    [-3, '0-30'],
    [0, '0-30'],
    [30, '0-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '91-180'],
    [180, '91-180'],
    [181, '180+'],
    [5000, '180+'],
  ])('day %i is in %s', (days, bucket) => {
    expect(agingBucketOf(days)).toBe(bucket);
  });
});

describe('ageInDays', () => {
  it('counts whole elapsed days', () => {
    expect(ageInDays(daysAgo(30), NOW)).toBe(30);
    expect(ageInDays(daysAgo(30, DAY - 1), NOW)).toBe(30);
    expect(ageInDays(daysAgo(31), NOW)).toBe(31);
    expect(ageInDays(new Date('2026-11-23T00:00:00Z'), NOW)).toBe(0);
    expect(ageInDays(new Date('2026-11-25T00:00:00Z'), NOW)).toBe(-2);
  });
});

describe('ageAccounts', () => {
  it('counts and sums balances per bucket and currency, leaving out accounts with nothing owed', () => {
    const accounts: AgingAccount[] = [
      { itemizationDate: daysAgo(30), balance: 100_00, currency: 'USD' },
      { itemizationDate: daysAgo(31), balance: 200_00, currency: 'USD' },
      { itemizationDate: daysAgo(31), balance: 50_00, currency: 'EUR' },
      { itemizationDate: daysAgo(180), balance: 1, currency: 'USD' },
      { itemizationDate: daysAgo(181), balance: 9_999, currency: 'JPY' },
      { itemizationDate: daysAgo(181), balance: 0, currency: 'USD' },
      { itemizationDate: daysAgo(5), balance: -10_00, currency: 'USD' },
      { itemizationDate: new Date(NOW.getTime() + DAY), balance: 7_00, currency: 'USD' },
    ];
    const report = ageAccounts(accounts, NOW);
    expect(report.asOf).toEqual(NOW);
    expect(report.buckets).toEqual([
      { bucket: '0-30', count: 2, byCurrency: [{ currency: 'USD', count: 2, balance: 107_00 }] },
      { bucket: '31-60', count: 2, byCurrency: [{ currency: 'EUR', count: 1, balance: 50_00 }, { currency: 'USD', count: 1, balance: 200_00 }] },
      { bucket: '61-90', count: 0, byCurrency: [] },
      { bucket: '91-180', count: 1, byCurrency: [{ currency: 'USD', count: 1, balance: 1 }] },
      { bucket: '180+', count: 1, byCurrency: [{ currency: 'JPY', count: 1, balance: 9_999 }] },
    ]);
  });

  it('always lists the five buckets, also for no accounts', () => {
    expect(ageAccounts([], NOW).buckets.map((b) => [b.bucket, b.count])).toEqual(AGING_BUCKETS.map((b) => [b, 0]));
  });
});

describe('agingWindows', () => {
  it('puts every itemization date in exactly the window of its bucket', () => {
    const rng = mulberry32(propertySeed(611));
    const windows = agingWindows(NOW);
    const boundaries = [0, 30, 31, 60, 61, 90, 91, 180, 181].flatMap((d) => [daysAgo(d), daysAgo(d, 1), daysAgo(d, -1), daysAgo(d, DAY - 1)]);
    const randoms = Array.from({ length: 500 }, () => new Date(NOW.getTime() - randomInt(rng, -10 * DAY, 400 * DAY)));
    for (const date of [...boundaries, ...randoms]) {
      const containing = windows.filter(
        (w) => (w.itemizedAfter === null || date > w.itemizedAfter) && (w.itemizedOnOrBefore === null || date <= w.itemizedOnOrBefore),
      );
      expect(containing.map((w) => w.bucket), date.toISOString()).toEqual([agingBucketOf(ageInDays(date, NOW))]);
    }
  });
});

describe('report maths', () => {
  it('gives null, never NaN, when there is nothing to divide by', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 0)).toBeNull();
    expect(rate(Number.NaN, 2)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
    expect(median([])).toBeNull();
    expect(percentile([], 90)).toBeNull();
  });

  it('takes the median and the nearest-rank percentile', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([10, 1], 90)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([3, 1, 2], 100)).toBe(3);
    expect(() => percentile([1], 0)).toThrow(RangeError);
  });
});
