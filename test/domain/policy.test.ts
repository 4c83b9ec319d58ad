import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, parsePolicy, PolicyError, policySchema, serializePolicy } from '../../src/domain/policy.ts';

describe('policy defaults', () => {
  it('an empty policy is the documented default', () => {
    expect(parsePolicy('{}')).toEqual({
      settlementFloorPercent: 70,
      maxInstallments: 12,
      maxPlanDays: 365,
      minInstallmentMinor: 2500,
      minDownPaymentMinor: 0,
      frequencies: ['weekly', 'biweekly', 'monthly'],
      firstPaymentWithinDays: 30,
      missedPaymentsBeforeDelinquent: 2,
      hardship: { maxInstallments: 24, maxPlanDays: 730, minInstallmentMinor: 1000, settlementFloorPercent: 50 },
    });
    expect(DEFAULT_POLICY).toEqual(parsePolicy('{}'));
  });

  it('DEFAULT_POLICY is deeply frozen and itself valid', () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.hardship)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.frequencies)).toBe(true);
    expect(policySchema.parse(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
    expect(parsePolicy(serializePolicy(DEFAULT_POLICY))).toEqual(DEFAULT_POLICY);
  });

  it('fills defaults around the given fields, including inside hardship', () => {
    const policy = parsePolicy('{"maxInstallments": 6, "frequencies": ["monthly"], "hardship": {"maxInstallments": 18}}');
    expect(policy.maxInstallments).toBe(6);
    expect(policy.frequencies).toEqual(['monthly']);
    expect(policy.hardship).toEqual({ maxInstallments: 18, maxPlanDays: 730, minInstallmentMinor: 1000, settlementFloorPercent: 50 });
  });

  it('a creditor with no settlements gets none in hardship unless it says so', () => {
    expect(parsePolicy('{"settlementFloorPercent": null}').hardship.settlementFloorPercent).toBeNull();
    expect(parsePolicy('{"settlementFloorPercent": null, "hardship": {"maxInstallments": 30}}').hardship).toEqual({
      maxInstallments: 30,
      maxPlanDays: 730,
      minInstallmentMinor: 1000,
      settlementFloorPercent: null,
    });
    expect(parsePolicy('{"settlementFloorPercent": null, "hardship": {"settlementFloorPercent": 40}}').hardship.settlementFloorPercent).toBe(40);
  });

  it('accepts edge values', () => {
    const policy = parsePolicy(
      JSON.stringify({
        settlementFloorPercent: 100,
        maxInstallments: 1,
        maxPlanDays: 1,
        minInstallmentMinor: 1,
        minDownPaymentMinor: 0,
        frequencies: ['biweekly'],
        firstPaymentWithinDays: 0,
        missedPaymentsBeforeDelinquent: 1,
        hardship: { maxInstallments: 1, maxPlanDays: 1, minInstallmentMinor: 1, settlementFloorPercent: 1 },
      }),
    );
    expect(policy.maxInstallments).toBe(1);
    expect(parsePolicy('{"firstPaymentWithinDays": 60}').firstPaymentWithinDays).toBe(60);
  });

  it('lets the most installments fit exactly at the most frequent frequency', () => {
    // 12 weekly installments: 11 intervals of 7 days = 77 days.
    expect(parsePolicy('{"maxPlanDays": 77, "hardship": {"maxInstallments": 12, "maxPlanDays": 77}}').maxPlanDays).toBe(77);
    // Monthly counts as 31 days: 12 monthly installments need 341 days.
    expect(parsePolicy('{"frequencies": ["monthly"], "maxPlanDays": 341, "hardship": {"maxPlanDays": 730, "maxInstallments": 24}}').maxPlanDays).toBe(341);
  });
});

describe('invalid policies', () => {
  it.each([
    ['{"settlementFloorPercent": 0}', 'policy.settlementFloorPercent: must be at least 1 (percent of the balance), or null for no settlements'],
    ['{"settlementFloorPercent": 101}', 'policy.settlementFloorPercent: must be at most 100'],
    ['{"settlementFloorPercent": "70"}', 'policy.settlementFloorPercent: expected a percentage from 1 to 100, or null for no settlements'],
    ['{"maxInstallments": 0}', 'policy.maxInstallments: must be at least 1'],
    ['{"maxInstallments": 1.5}', 'policy.maxInstallments: expected a whole number'],
    ['{"maxInstallments": "12"}', 'policy.maxInstallments: expected a whole number'],
    ['{"maxPlanDays": 0}', 'policy.maxPlanDays: must be at least 1'],
    ['{"minInstallmentMinor": 0}', 'policy.minInstallmentMinor: must be at least 1'],
    ['{"minDownPaymentMinor": -1}', 'policy.minDownPaymentMinor: must be at least 0'],
    ['{"frequencies": []}', 'policy.frequencies: must allow at least one frequency'],
    ['{"frequencies": ["weekly", "weekly"]}', 'policy.frequencies: must not list a frequency twice'],
    ['{"frequencies": ["daily"]}', 'policy.frequencies.0: expected one of weekly, biweekly, monthly'],
    ['{"frequencies": "weekly"}', 'policy.frequencies: expected a list such as ["weekly", "monthly"]'],
    ['{"firstPaymentWithinDays": -1}', 'policy.firstPaymentWithinDays: must be at least 0'],
    ['{"firstPaymentWithinDays": 61}', 'policy.firstPaymentWithinDays: must be at most 60'],
    ['{"missedPaymentsBeforeDelinquent": 0}', 'policy.missedPaymentsBeforeDelinquent: must be at least 1'],
    ['{"hardship": null}', 'policy.hardship: expected an object such as {"maxInstallments": 24}'],
    ['{"hardship": {"maxPlanDays": 0}}', 'policy.hardship.maxPlanDays: must be at least 1'],
    ['{"maxInstalments": 12}', 'policy: unknown setting "maxInstalments"'],
    ['{"hardship": {"floor": 50}}', 'policy.hardship: unknown setting "floor"'],
    // Cross-field: hardship at least as generous as normal terms.
    ['{"hardship": {"maxInstallments": 6}}', 'policy.hardship.maxInstallments: must be at least maxInstallments (12): hardship terms must be at least as generous as the normal ones'],
    ['{"hardship": {"maxPlanDays": 180}}', 'policy.hardship.maxPlanDays: must be at least maxPlanDays (365)'],
    ['{"hardship": {"minInstallmentMinor": 5000}}', 'policy.hardship.minInstallmentMinor: must be at most minInstallmentMinor (2500)'],
    ['{"settlementFloorPercent": 40}', 'policy.hardship.settlementFloorPercent: must be at most settlementFloorPercent (40)'],
    ['{"hardship": {"settlementFloorPercent": null}}', 'policy.hardship.settlementFloorPercent: must not be null (no settlements) while settlementFloorPercent allows settlements at 70%'],
    // Cross-field: the most installments fit in the longest plan.
    ['{"frequencies": ["monthly"], "maxPlanDays": 340}', 'policy.maxInstallments: 12 monthly installments need 341 days, more than the 340 allowed; lower the installments or raise the plan days'],
    ['{"maxPlanDays": 76, "hardship": {"maxPlanDays": 76}}', 'policy.maxInstallments: 12 weekly installments need 77 days, more than the 76 allowed'],
    ['{"frequencies": ["monthly"], "maxInstallments": 6, "maxPlanDays": 180, "hardship": {"maxInstallments": 30, "maxPlanDays": 800}}', 'policy.hardship.maxInstallments: 30 monthly installments need 899 days, more than the 800 allowed'],
  ])('%s -> %s', (json, message) => {
    expect(() => parsePolicy(json)).toThrow(PolicyError);
    expect(() => parsePolicy(json)).toThrow(message);
  });

  it('names every problem, one per line, and skips cross-field checks until the fields are valid', () => {
    let error: unknown;
    try {
      parsePolicy('{"maxInstallments": 0, "frequencies": [], "extra": true}');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PolicyError);
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toBe('Invalid negotiation policy:');
    expect(lines.slice(1).sort()).toEqual([
      'policy.frequencies: must allow at least one frequency',
      'policy.maxInstallments: must be at least 1',
      'policy: unknown setting "extra"',
    ]);
  });

  it.each([
    ['not json', 'Invalid negotiation policy: not valid JSON'],
    ['', 'Invalid negotiation policy: not valid JSON'],
    ['[]', 'Invalid negotiation policy: expected a JSON object'],
    ['null', 'Invalid negotiation policy: expected a JSON object'],
    ['12', 'Invalid negotiation policy: expected a JSON object'],
  ])('rejects %j as not a policy object', (json, message) => {
    expect(() => parsePolicy(json)).toThrow(PolicyError);
    expect(() => parsePolicy(json)).toThrow(message);
  });

  it('serializePolicy refuses to store an invalid policy', () => {
    expect(() => serializePolicy({ maxInstallments: -1 })).toThrow('policy.maxInstallments: must be at least 1');
    expect(JSON.parse(serializePolicy({ maxInstallments: 6 })).maxInstallments).toBe(6);
  });
});
