/** Formatters are built once per locale and options (issue 14 item 3); a policy is validated once per text. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatMoney } from '../../src/domain/money.ts';
import { DEFAULT_POLICY, parsePolicy, policySchema, serializePolicy } from '../../src/domain/policy.ts';

afterEach(() => vi.restoreAllMocks());

describe('cached Intl formatters', () => {
  it('formatting many amounts builds no formatter after the first', () => {
    expect(formatMoney(125050, 'USD', 'en-US')).toBe('$1,250.50');
    const built = vi.spyOn(Intl, 'NumberFormat');
    for (let i = 0; i < 50; i++) formatMoney(100 * i + 7, 'USD', 'en-US');
    expect(formatMoney(125050, 'USD', 'en-US')).toBe('$1,250.50');
    expect(built).not.toHaveBeenCalled();
  });

  it('another locale or currency gets its own formatter', () => {
    expect(formatMoney(1000, 'JPY', 'en-US')).toBe('¥1,000');
    expect(formatMoney(125050, 'EUR', 'es-ES')).toMatch(/1250,50|1\.250,50/);
  });
});

describe('policy parsed once per text', () => {
  it('validates a stored policy once, and hands each caller its own copy', () => {
    const json = serializePolicy({ ...DEFAULT_POLICY, maxInstallments: 7 });
    const first = parsePolicy(json);
    const validated = vi.spyOn(policySchema, 'safeParse');
    const second = parsePolicy(json);
    expect(validated).not.toHaveBeenCalled();
    expect(second).toEqual(first);
    second.maxInstallments = 99;
    expect(parsePolicy(json).maxInstallments).toBe(7);
  });

  it('a changed text is parsed again, and an invalid one still fails every time', () => {
    expect(parsePolicy(serializePolicy({ ...DEFAULT_POLICY, maxInstallments: 3 })).maxInstallments).toBe(3);
    expect(() => parsePolicy('{"maxInstallments": 0}')).toThrow(/maxInstallments/);
    expect(() => parsePolicy('{"maxInstallments": 0}')).toThrow(/maxInstallments/);
  });
});
