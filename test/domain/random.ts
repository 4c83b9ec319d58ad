/**
 * Seeded randomness for property-style tests: the same seed gives the same cases on every run, so
 * a failure can be replayed. mulberry32 is a small, well-known 32-bit generator.
 */
import { addCalendarDays, daysBetween } from '../../src/domain/plans.ts';
import { FREQUENCIES, FREQUENCY_INTERVAL_DAYS, policySchema, type Frequency, type NegotiationPolicy } from '../../src/domain/policy.ts';

export type Rng = () => number;

/** The seed of a property test: fixed, unless PROPERTY_SEED is set to explore other cases (the failure message prints the case). */
export function propertySeed(fixed: number): number {
  const override = process.env.PROPERTY_SEED;
  return override ? Number(override) + fixed : fixed;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max]. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function randomDate(rng: Rng, from: string, to: string): string {
  return addCalendarDays(from, randomInt(rng, 0, daysBetween(from, to)));
}

/** A random valid policy: every field varied, the cross-field rules respected (then checked by the schema). */
export function randomPolicy(rng: Rng): NegotiationPolicy {
  const frequencies = FREQUENCIES.filter(() => rng() < 0.6);
  if (frequencies.length === 0) frequencies.push(FREQUENCIES[randomInt(rng, 0, 2)]!);
  const shortest = Math.min(...frequencies.map((f: Frequency) => FREQUENCY_INTERVAL_DAYS[f]));
  const maxInstallments = randomInt(rng, 1, 36);
  const maxPlanDays = Math.max((maxInstallments - 1) * shortest, randomInt(rng, 1, 800));
  const minInstallmentMinor = randomInt(rng, 100, 10_000);
  const floor = rng() < 0.25 ? null : rng() < 0.5 ? randomInt(rng, 1, 100) : Math.round(rng() * 9900 + 100) / 100;
  const hardshipMax = maxInstallments + randomInt(rng, 0, 24);
  const hardship = {
    maxInstallments: hardshipMax,
    maxPlanDays: Math.max(maxPlanDays, (hardshipMax - 1) * shortest, randomInt(rng, 1, 1000)),
    minInstallmentMinor: randomInt(rng, 1, minInstallmentMinor),
    settlementFloorPercent: floor === null ? (rng() < 0.5 ? null : randomInt(rng, 1, 100)) : randomInt(rng, 1, Math.floor(floor)) || 1,
  };
  return policySchema.parse({
    settlementFloorPercent: floor,
    maxInstallments,
    maxPlanDays,
    minInstallmentMinor,
    minDownPaymentMinor: rng() < 0.6 ? 0 : randomInt(rng, 1, 50_000),
    frequencies,
    firstPaymentWithinDays: randomInt(rng, 0, 60),
    missedPaymentsBeforeDelinquent: randomInt(rng, 1, 4),
    hardship,
  });
}
