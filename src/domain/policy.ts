/**
 * A creditor's negotiation policy: the limits inside which the bot may agree a settlement or an
 * installment plan without a person. Stored as JSON in Creditor.policyJson and validated by this
 * schema on every read and write. Pure: no I/O.
 *
 * Every field has a default, so `{}` is a complete, valid policy (see DEFAULT_POLICY). Unknown
 * keys are rejected, so a misspelt limit ("maxInstalments") fails loudly instead of being ignored.
 */
import { z } from 'zod';

export const FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * Days between two installments, for the plan-length check below. A month counts as 31 days (the
 * longest month), so a plan that passes the check fits whatever day of the year it starts on.
 */
export const FREQUENCY_INTERVAL_DAYS: Readonly<Record<Frequency, number>> = { weekly: 7, biweekly: 14, monthly: 31 };

const int = (min: number, max?: number) => {
  const base = z.number({ error: 'expected a whole number' }).int({ error: 'expected a whole number' });
  const bounded = base.min(min, { error: `must be at least ${min}` });
  return max === undefined ? bounded : bounded.max(max, { error: `must be at most ${max}` });
};

const floorPercent = z
  .number({ error: 'expected a percentage from 1 to 100, or null for no settlements' })
  .min(1, { error: 'must be at least 1 (percent of the balance), or null for no settlements' })
  .max(100, { error: 'must be at most 100 (percent of the balance)' })
  .nullable();

const hardshipSchema = z.strictObject(
  {
    /** Most installments a hardship plan may have. Default 24. */
    maxInstallments: int(1).default(24),
    /** Most days from the first to the last installment of a hardship plan. Default 730. */
    maxPlanDays: int(1).default(730),
    /** Smallest installment of a hardship plan, in minor units. Default 1000 ($10.00). */
    minInstallmentMinor: int(1).default(1000),
    /**
     * Lowest settlement in hardship, as a percent of the balance; null = no settlements in hardship.
     * Default 50 — but when the top-level settlementFloorPercent is null and this field is not
     * given, it defaults to null too: a creditor who allows no settlements gets none in hardship
     * unless it says so here explicitly.
     */
    settlementFloorPercent: floorPercent.default(50),
  },
  { error: 'expected an object such as {"maxInstallments": 24}' },
);

const baseSchema = z.strictObject({
  /**
   * Lowest lump-sum settlement the bot may accept, as a percent of the current balance (70 means
   * the debtor may settle for 70% of what is owed). null = this creditor accepts no settlements.
   * Default 70.
   */
  settlementFloorPercent: floorPercent.default(70),
  /** Most installments in a plan (down payment not counted). Default 12. */
  maxInstallments: int(1).default(12),
  /** Most days from the first to the last installment of a plan. Default 365. */
  maxPlanDays: int(1).default(365),
  /** Smallest installment, in minor units of the account's currency. Default 2500 ($25.00). */
  minInstallmentMinor: int(1).default(2500),
  /** Smallest down payment a plan must start with, in minor units; 0 = none required. Default 0. */
  minDownPaymentMinor: int(0).default(0),
  /** Installment frequencies the debtor may choose from. Non-empty, no repeats. Default all three. */
  frequencies: z
    .array(z.enum(FREQUENCIES, { error: `expected one of ${FREQUENCIES.join(', ')}` }), { error: 'expected a list such as ["weekly", "monthly"]' })
    .min(1, { error: 'must allow at least one frequency' })
    .refine((list) => new Set(list).size === list.length, { error: 'must not list a frequency twice' })
    .default(['weekly', 'biweekly', 'monthly']),
  /** The first payment (or down payment) is due at most this many days after agreement. 0-60. Default 30. */
  firstPaymentWithinDays: int(0, 60).default(30),
  /** Consecutive missed installments after which a plan is delinquent and goes to an officer. Default 2. */
  missedPaymentsBeforeDelinquent: int(1).default(2),
  /** Limits that apply instead when the debtor reports hardship; each at least as generous as the normal one. */
  hardship: hardshipSchema.default({ maxInstallments: 24, maxPlanDays: 730, minInstallmentMinor: 1000, settlementFloorPercent: 50 }),
});

type Policy = z.output<typeof baseSchema>;

/**
 * The cross-field rules:
 * - hardship limits are at least as generous as the normal ones: hardship.maxInstallments ≥
 *   maxInstallments, hardship.maxPlanDays ≥ maxPlanDays, hardship.minInstallmentMinor ≤
 *   minInstallmentMinor, and hardship.settlementFloorPercent ≤ settlementFloorPercent when both
 *   are set (a null hardship floor while the normal floor allows settlements is rejected too);
 * - the most installments must fit in the longest plan at the most frequent allowed frequency:
 *   (maxInstallments − 1) × interval ≤ maxPlanDays, with the intervals of FREQUENCY_INTERVAL_DAYS
 *   (weekly 7, biweekly 14, monthly 31). The same for the hardship limits.
 */
function checkCrossFields(policy: Policy, ctx: z.RefinementCtx<Policy>): void {
  const { hardship } = policy;
  if (hardship.maxInstallments < policy.maxInstallments) {
    ctx.addIssue({
      code: 'custom',
      path: ['hardship', 'maxInstallments'],
      message: `must be at least maxInstallments (${policy.maxInstallments}): hardship terms must be at least as generous as the normal ones`,
    });
  }
  if (hardship.maxPlanDays < policy.maxPlanDays) {
    ctx.addIssue({
      code: 'custom',
      path: ['hardship', 'maxPlanDays'],
      message: `must be at least maxPlanDays (${policy.maxPlanDays}): hardship terms must be at least as generous as the normal ones`,
    });
  }
  if (hardship.minInstallmentMinor > policy.minInstallmentMinor) {
    ctx.addIssue({
      code: 'custom',
      path: ['hardship', 'minInstallmentMinor'],
      message: `must be at most minInstallmentMinor (${policy.minInstallmentMinor}): hardship terms must be at least as generous as the normal ones`,
    });
  }
  if (policy.settlementFloorPercent !== null) {
    if (hardship.settlementFloorPercent === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['hardship', 'settlementFloorPercent'],
        message: `must not be null (no settlements) while settlementFloorPercent allows settlements at ${policy.settlementFloorPercent}%: hardship terms must be at least as generous as the normal ones`,
      });
    } else if (hardship.settlementFloorPercent > policy.settlementFloorPercent) {
      ctx.addIssue({
        code: 'custom',
        path: ['hardship', 'settlementFloorPercent'],
        message: `must be at most settlementFloorPercent (${policy.settlementFloorPercent}): hardship terms must be at least as generous as the normal ones`,
      });
    }
  }
  const shortest = Math.min(...policy.frequencies.map((f) => FREQUENCY_INTERVAL_DAYS[f]));
  const fastest = policy.frequencies.find((f) => FREQUENCY_INTERVAL_DAYS[f] === shortest) ?? 'weekly';
  const check = (installments: number, days: number, path: Array<string>) => {
    const needed = (installments - 1) * shortest;
    if (needed > days) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `${installments} ${fastest} installments need ${needed} days, more than the ${days} allowed; lower the installments or raise the plan days`,
      });
    }
  };
  check(policy.maxInstallments, policy.maxPlanDays, ['maxInstallments']);
  check(hardship.maxInstallments, hardship.maxPlanDays, ['hardship', 'maxInstallments']);
}

/** See the module comment. Parse with `policySchema.parse(value)` or `parsePolicy(json)`. */
export const policySchema = z.preprocess((input) => {
  // A creditor with no settlements gets none in hardship either, unless it says so explicitly.
  if (isRecord(input) && input.settlementFloorPercent === null) {
    const hardship = input.hardship === undefined ? {} : input.hardship;
    if (isRecord(hardship) && !('settlementFloorPercent' in hardship)) {
      return { ...input, hardship: { ...hardship, settlementFloorPercent: null } };
    }
  }
  return input;
}, baseSchema.superRefine(checkCrossFields, { when: (payload) => payload.issues.length === 0 }));

export type NegotiationPolicy = z.output<typeof policySchema>;

/** The policy a creditor gets when none is configured: every default above. */
export const DEFAULT_POLICY: NegotiationPolicy = deepFreeze(baseSchema.parse({}));

export class PolicyError extends Error {
  override name = 'PolicyError';
}

/** Formats zod issues one per line: "policy.hardship.maxInstallments: must be at least 12 …". */
export function describePolicyIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = ['policy', ...issue.path.map(String)].join('.');
      if (issue.code === 'unrecognized_keys') {
        return `${where}: unknown setting${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      }
      return `${where}: ${issue.message}`;
    })
    .join('\n');
}

/**
 * Parses and validates a stored policy. Throws a PolicyError whose message says what is wrong,
 * one line per problem, e.g. "Invalid negotiation policy:\npolicy.maxInstallments: must be at least 1".
 */
export function parsePolicy(json: string): NegotiationPolicy {
  let parsed = parsedPolicies.get(json);
  if (!parsed) {
    parsed = parsePolicyText(json);
    if (parsedPolicies.size >= MAX_PARSED_POLICIES) parsedPolicies.clear();
    parsedPolicies.set(json, parsed);
  }
  // A copy: callers may adjust what they were given without touching the next caller's.
  return structuredClone(parsed);
}

/**
 * Policies already parsed, by their stored JSON: a creditor's policy is validated once per change
 * of its text, not on every turn that negotiates. Invalid text is not kept (it throws each time).
 */
const parsedPolicies = new Map<string, NegotiationPolicy>();
const MAX_PARSED_POLICIES = 1000;

function parsePolicyText(json: string): NegotiationPolicy {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new PolicyError(`Invalid negotiation policy: not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(value)) {
    throw new PolicyError('Invalid negotiation policy: expected a JSON object such as {"maxInstallments": 12}');
  }
  const result = policySchema.safeParse(value);
  if (!result.success) {
    throw new PolicyError(`Invalid negotiation policy:\n${describePolicyIssues(result.error)}`);
  }
  return result.data;
}

/** The JSON stored in Creditor.policyJson. Validates first, so an invalid policy is never stored. */
export function serializePolicy(policy: unknown): string {
  const result = policySchema.safeParse(policy);
  if (!result.success) {
    throw new PolicyError(`Invalid negotiation policy:\n${describePolicyIssues(result.error)}`);
  }
  return JSON.stringify(result.data);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
