/**
 * Small, pure statistics for the supervisor reports. No NaN ever leaves this module: an empty
 * input or a zero denominator gives null, which the console shows as "—".
 */

/** numerator / denominator, or null when the denominator is 0 (or either is not a finite number). */
export function rate(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return null;
  return numerator / denominator;
}

/** The median (mean of the two middle values for an even count), or null for no values. */
export function median(values: readonly number[]): number | null {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The p-th percentile (0 < p <= 100) by the nearest-rank method: the smallest value with at least
 * p% of the values at or below it. Always one of the values, never an interpolation; null for none.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return null;
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

function sortedFinite(values: readonly number[]): number[] {
  return values.filter(Number.isFinite).sort((a, b) => a - b);
}
