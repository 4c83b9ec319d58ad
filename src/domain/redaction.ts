/**
 * Redaction of what a debtor types, before anything stores, logs or forwards it. Pure, no I/O.
 *
 * - Card numbers (PCI DSS): 13–19 digits, written together or in groups separated by spaces or
 *   dashes (one, or two as a typo allows), that pass the Luhn check, become "[card number removed]".
 *   Always applied.
 *   Digit runs that fail Luhn — phone numbers, account numbers, dates — are left alone (a random
 *   16-digit number passes Luhn one time in ten, so an unlucky account number may be removed too:
 *   removing is the safe side).
 * - Identity factors (verification turns only): anything shaped like a date of birth, an SSN
 *   (123-45-6789, 123 45 6789, 9 digits), or a run of exactly four digits is masked with "•",
 *   keeping separators so the transcript still shows the shape of what was typed.
 */

export const CARD_PLACEHOLDER = '[card number removed]';
const MASK = '•';

/** True when the digit string passes the Luhn (mod 10) check. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = digits.charCodeAt(i) - 48;
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Replaces card numbers with "[card number removed]". A run of digit groups ("4242 4242 4242 4242
 * 555 0100") is searched for the longest Luhn-valid stretch of whole groups with 13–19 digits, so
 * a card typed next to other numbers is still found and the other numbers are kept.
 */
export function redactCardNumbers(text: string): { text: string; found: boolean } {
  let found = false;
  // Digits with up to two spaces or dashes between any two of them. Only digits bound a run, so a
  // number glued to a word ("card4242…") is still checked.
  const run = /(?<!\d)\d(?:[ -]{0,2}\d)*(?!\d)/g;
  const out = text.replace(run, (match) => {
    const groups: Array<{ start: number; end: number; digits: string }> = [];
    for (const g of match.matchAll(/\d+/g)) groups.push({ start: g.index, end: g.index + g[0].length, digits: g[0] });
    const total = groups.reduce((n, g) => n + g.digits.length, 0);
    if (total < 13) return match;
    let result = '';
    let cursor = 0; // index into match
    let i = 0;
    while (i < groups.length) {
      let best = -1;
      let digits = '';
      for (let j = i; j < groups.length; j++) {
        digits += groups[j]?.digits ?? '';
        if (digits.length > 19) break;
        if (digits.length >= 13 && luhnValid(digits)) best = j;
      }
      const first = groups[i];
      const last = best >= 0 ? groups[best] : undefined;
      if (first && last) {
        result += match.slice(cursor, first.start) + CARD_PLACEHOLDER;
        cursor = last.end;
        found = true;
        i = best + 1;
      } else {
        i++;
      }
    }
    return result + match.slice(cursor);
  });
  return { text: out, found };
}

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
