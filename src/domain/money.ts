/**
 * Money: an integer count of minor units (cents, yen, fils…) next to an ISO 4217 currency code.
 * Pure functions, no I/O. Amounts are parsed digit by digit from their text: never through
 * floating point, so "0.29" is 29 cents and never 28.999….
 */
import { numberFormat } from './intlFormats.ts';

export interface Money {
  /** Integer count of the currency's minor units. */
  minor: number;
  /** ISO 4217 code, upper case. */
  currency: string;
}

/** Thrown when a text is not an acceptable amount. The message is safe to show to the user. */
export class AmountError extends Error {
  override name = 'AmountError';
}

let knownCurrencies: Set<string> | undefined;

/** True for an upper-case ISO 4217 code this runtime knows (Intl.supportedValuesOf('currency')). */
export function isCurrencyCode(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return /^[A-Z]{3}$/.test(code) && knownCurrencies.has(code);
}

/** How many minor-unit digits the currency has: USD 2, JPY 0, BHD 3. Throws for an unknown code. */
export function currencyMinorDigits(currency: string): number {
  if (!isCurrencyCode(currency)) {
    throw new AmountError(`unknown currency code "${currency}"; expected an ISO 4217 code such as USD`);
  }
  return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

// Digits with optional thousands separators in groups of three ("1,250,000"), then an optional
// fraction. A separator in any other place ("12,50") is rejected rather than guessed at.
const DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal amount such as "1250", "1250.00" or "1,250.50" into minor units of `currency`.
 * Rejects: negative amounts, more decimals than the currency has (USD "1.005", JPY "10.5"), signs,
 * currency symbols, exponents, misplaced separators, empty text, and amounts beyond
 * Number.MAX_SAFE_INTEGER minor units. Surrounding whitespace is ignored.
 */
export function parseDecimalAmount(text: string, currency: string): number {
  const digits = currencyMinorDigits(currency);
  const trimmed = text.trim();
  if (trimmed === '') throw new AmountError('amount is empty');
  if (/^-/.test(trimmed) || /^\(.*\)$/.test(trimmed)) throw new AmountError('amount must not be negative');
  const match = DECIMAL.exec(trimmed);
  if (!match) {
    throw new AmountError('amount must be a plain decimal number such as 1250.00 or 1,250.50');
  }
  const integerPart = (match[1] ?? '').replaceAll(',', '');
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    throw new AmountError(
      digits === 0
        ? `${currency} amounts have no decimals`
        : `${currency} amounts have at most ${digits} decimal${digits === 1 ? '' : 's'}`,
    );
  }
  const minor = BigInt(integerPart + fraction.padEnd(digits, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new AmountError('amount is too large');
  return Number(minor);
}

/** The exact decimal text of an amount in minor units: (125050, 'USD') -> "1250.50". */
export function minorToDecimalString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new AmountError('amount in minor units must be a safe integer');
  const digits = currencyMinorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/**
 * Formats minor units for display in the given locale: (125050, 'USD', 'en-US') -> "$1,250.50",
 * (125050, 'USD', 'es-US') -> "$1,250.50" (the locale's own conventions). The amount reaches
 * Intl.NumberFormat as an exact decimal string, so no precision is lost on large values.
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const format = numberFormat(locale, { style: 'currency', currency }) as Intl.NumberFormat & {
    // Intl.NumberFormat v3 (Node 20) formats decimal strings exactly; lib.es2022 only types numbers.
    format(value: number | bigint | `${number}`): string;
  };
  return format.format(minorToDecimalString(minor, currency) as `${number}`);
}
