import { describe, expect, it } from 'vitest';
import { AmountError, currencyMinorDigits, formatMoney, isCurrencyCode, minorToDecimalString, parseDecimalAmount } from '../../src/domain/money.ts';

describe('currencyMinorDigits', () => {
  it('reads the minor-unit digits from Intl', () => {
    expect(currencyMinorDigits('USD')).toBe(2);
    expect(currencyMinorDigits('EUR')).toBe(2);
    expect(currencyMinorDigits('JPY')).toBe(0);
    expect(currencyMinorDigits('BHD')).toBe(3);
  });

  it('rejects codes that are not ISO 4217', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(() => currencyMinorDigits('XYZ')).toThrow(AmountError);
    expect(() => currencyMinorDigits('DOLLARS')).toThrow('unknown currency code');
  });
});

describe('parseDecimalAmount', () => {
  it.each([
    ['1250.00', 'USD', 125000],
    ['1250', 'USD', 125000],
    ['1,250.50', 'USD', 125050],
    ['1,250,000.5', 'USD', 125000050],
    ['0.01', 'USD', 1],
    ['0', 'USD', 0],
    ['  42.10 ', 'USD', 4210],
    ['007.50', 'USD', 750],
    ['1250', 'JPY', 1250],
    ['1,250', 'JPY', 1250],
    ['1.005', 'BHD', 1005],
  ])('parses %s %s as %i minor units', (text, currency, minor) => {
    expect(parseDecimalAmount(text, currency)).toBe(minor);
  });

  it('is exact where float multiplication is not', () => {
    // 0.29 * 100 = 28.999999999999996, 1.005 * 100 = 100.49999999999999, 4.35 * 100 = 434.99999999999994
    expect(parseDecimalAmount('0.29', 'USD')).toBe(29);
    expect(parseDecimalAmount('4.35', 'USD')).toBe(435);
    expect(parseDecimalAmount('1.10', 'USD')).toBe(110);
    expect(parseDecimalAmount('90071992547409.91', 'USD')).toBe(9007199254740991);
  });

  it.each([
    ['-5.00', 'USD', 'must not be negative'],
    ['-0', 'USD', 'must not be negative'],
    ['(5.00)', 'USD', 'must not be negative'],
    ['1.005', 'USD', 'USD amounts have at most 2 decimals'],
    ['10.5', 'JPY', 'JPY amounts have no decimals'],
    ['10.0', 'JPY', 'JPY amounts have no decimals'],
    ['', 'USD', 'amount is empty'],
    ['   ', 'USD', 'amount is empty'],
    ['abc', 'USD', 'plain decimal number'],
    ['$12.00', 'USD', 'plain decimal number'],
    ['+12', 'USD', 'plain decimal number'],
    ['1e3', 'USD', 'plain decimal number'],
    ['12,50', 'USD', 'plain decimal number'],
    ['1,2500.00', 'USD', 'plain decimal number'],
    ['1 250', 'USD', 'plain decimal number'],
    ['12.', 'USD', 'plain decimal number'],
    ['.50', 'USD', 'plain decimal number'],
    ['1.2.3', 'USD', 'plain decimal number'],
    ['NaN', 'USD', 'plain decimal number'],
    ['Infinity', 'USD', 'plain decimal number'],
    ['90071992547409.92', 'USD', 'too large'],
    ['12', 'XYZ', 'unknown currency code'],
  ])('rejects %j %s (%s)', (text, currency, message) => {
    expect(() => parseDecimalAmount(text, currency)).toThrow(AmountError);
    expect(() => parseDecimalAmount(text, currency)).toThrow(message);
  });
});

describe('minorToDecimalString', () => {
  it('renders the exact decimal', () => {
    expect(minorToDecimalString(125050, 'USD')).toBe('1250.50');
    expect(minorToDecimalString(5, 'USD')).toBe('0.05');
    expect(minorToDecimalString(-5, 'USD')).toBe('-0.05');
    expect(minorToDecimalString(1250, 'JPY')).toBe('1250');
    expect(() => minorToDecimalString(1.5, 'USD')).toThrow('safe integer');
  });
});

describe('formatMoney', () => {
  it('formats minor units in the locale', () => {
    expect(formatMoney(125050, 'USD', 'en-US')).toBe('$1,250.50');
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00');
    expect(formatMoney(1250, 'JPY', 'en-US')).toBe('¥1,250');
    expect(formatMoney(125050, 'EUR', 'de-DE')).toBe('1.250,50\u00a0€');
    expect(formatMoney(125050, 'USD', 'es-US')).toBe('$1,250.50');
    expect(formatMoney(-2500, 'USD', 'en-US')).toBe('-$25.00');
  });

  it('loses no precision on large amounts', () => {
    expect(formatMoney(9007199254740991, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });

  it('refuses fractional minor units and unknown currencies', () => {
    expect(() => formatMoney(10.5, 'USD', 'en-US')).toThrow(AmountError);
    expect(() => formatMoney(100, 'XYZ', 'en-US')).toThrow(AmountError);
  });
});
