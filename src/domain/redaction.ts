/**
 * Redaction of what a debtor types, before anything stores, logs or forwards it. Pure, no I/O.
 *
 * - Card numbers, their expiry dates and security codes (PCI DSS): src/domain/cardNumbers.ts.
 *   Always applied.
 * - Identity factors (verification turns only): anything shaped like a date of birth, an SSN
 *   (123-45-6789, 123 45 6789, 9 digits), or a run of exactly four digits is masked with "•",
 *   keeping separators so the transcript still shows the shape of what was typed.
 */
import { redactCardNumbers } from './cardNumbers.ts';

export { CARD_PLACEHOLDER, luhnValid, redactCardAcrossMessages, redactCardNumbers } from './cardNumbers.ts';

const MASK = '•';

const MONTH_NAMES =
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|' +
  'ene|abr|ago|dic';
const M = `(?:${MONTH_NAMES})\\.?`;

/** Shapes masked in a verification turn, most specific first. */
const IDENTITY_PATTERNS: RegExp[] = [
  // SSN: 123-45-6789, 123 45 6789, 123456789
  /(?<![\d-])\d{3}[- ]?\d{2}[- ]?\d{4}(?![\d-])/g,
  // numeric dates with a year: 1985-04-12, 4/12/1985, 04-12-85, 12.04.1985
  /(?<![\d/.-])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d/.-]*\d)/g,
  /(?<![\d/.-])\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})(?![\d/.-]*\d)/g,
  // month-name dates, with or without a year: April 12 1985, Apr 12th, 12 April 1985, 12 de abril de 1985
  new RegExp(`\\b${M}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+(?:(?:de|del|of)\\s+)?(?:\\d{4}|'\\d{2}))?(?!\\d)`, 'giu'),
  new RegExp(`(?<!\\d)\\d{1,2}(?:st|nd|rd|th)?(?:\\s+|\\s*[-/.]\\s*)(?:(?:of|de)\\s+)?${M}(?:(?:,?\\s+|\\s*[-/.]\\s*)(?:(?:de|del|of)\\s+)?(?:\\d{4}|'?\\d{2}))?(?![\\p{L}\\d])`, 'giu'),
  // numeric day and month without a year: 4/12, 12-04
  /(?<![\d/.-])\d{1,2}[/-]\d{1,2}(?![\d/.-]*\d)/g,
  // four digits, alone or as 12 34 / 12-34 (SSN last 4, a birth year)
  /(?<![\d-])\d{2}[ -]?\d{2}(?![\d-])/g,
];

/** Masks dates of birth, SSNs and 4-digit runs with "•", keeping separators. */
export function maskIdentityFactors(text: string): string {
  let out = text;
  for (const re of IDENTITY_PATTERNS) {
    out = out.replace(re, (match) => match.replace(/[\p{L}\p{N}]/gu, MASK));
  }
  return out;
}

/**
 * What may be stored for a debtor's message: card numbers always removed; in a verification turn,
 * identity factors masked as well.
 */
export function redactForStorage(text: string, options: { verificationStep: boolean }): string {
  const { text: withoutCards } = redactCardNumbers(text);
  return options.verificationStep ? maskIdentityFactors(withoutCards) : withoutCards;
}
