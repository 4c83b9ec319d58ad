import { describe, expect, it } from 'vitest';
import { collectedSincePlacement, itemize, maskAccountNumber } from '../../src/domain/itemization.ts';
import { nameKey } from '../../src/domain/names.ts';

describe('itemization', () => {
  const account = {
    itemizationDate: new Date('2025-06-30T00:00:00Z'),
    itemizationAmount: 125_000,
    interestSinceItemization: 0,
    feesSinceItemization: 3_500,
    paymentsSinceItemization: 20_000,
    creditsSinceItemization: 0,
    balance: 108_500,
    currency: 'USD',
  };

  it('itemizes an account and nothing has been collected since placement when the sum matches', () => {
    const item = itemize(account);
    expect(item).toMatchObject({ itemizationAmount: 125_000, fees: 3_500, payments: 20_000, current: 108_500 });
    expect(collectedSincePlacement(item)).toBe(0);
  });

  it('what we collected is the difference between the itemized total and the balance', () => {
    expect(collectedSincePlacement(itemize({ ...account, balance: 100_000 }))).toBe(8_500);
  });
});

describe('maskAccountNumber', () => {
  it.each([
    ['A-1001', '••1001'],
    ['55-019283', '•••••9283'],
    ['1234567890123', '••••••0123'],
  ])('%s -> %s', (input, masked) => {
    expect(maskAccountNumber(input)).toBe(masked);
  });
});

describe('nameKey', () => {
  it.each([
    ['Carlos Ramírez', 'carlos ramirez'],
    ['  MARIA   johnson ', 'maria johnson'],
    ["James O’Connor", "james o'connor"],
    ['Anne-Marie Smith!', 'anne-marie smith'],
  ])('%s -> %s', (input, key) => {
    expect(nameKey(input)).toBe(key);
  });
});
