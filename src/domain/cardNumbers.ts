/**
 * Card numbers (PCI DSS) in what a debtor types, found before anything stores, logs or forwards the
 * text. Pure, no I/O.
 *
 * A card number is 13–19 digits that pass the Luhn check, written together or in groups. Digits are
 * any Unicode decimal digits (full-width "４２６５", Arabic-Indic…), valued as such. Between two groups
 * may stand up to five separator characters: spaces of any kind (non-breaking, thin, ideographic,
 * several in a row), tabs and line breaks, zero-width characters, dashes and minus signs, dots,
 * slashes, backslashes, underscores, commas and colons. A run of groups is searched for the longest
 * Luhn-valid stretch of whole groups, so a card typed next to other numbers is found and the other
 * numbers are kept. Digit runs that fail Luhn — phone numbers, account numbers, dates — stay (a
 * random 16-digit number passes Luhn one time in ten, so an unlucky one may be removed too: removing
 * is the safe side).
 *
 * With a card number gone, its expiry date and security code must go too: an expiry or a security
 * code named as such ("exp 04/28", "cvv 123", "código de seguridad 123") is always removed; in a
 * message that held a card number, so is any month/year date and a last group of 3–4 digits right
 * after the card or its expiry.
 *
 * A number split over several messages is found by {@link redactCardAcrossMessages}.
 */

export const CARD_PLACEHOLDER = '[card number removed]';
export const EXPIRY_PLACEHOLDER = '[expiry removed]';
export const SECURITY_CODE_PLACEHOLDER = '[security code removed]';

const SEPARATOR = String.raw`[\s\u00A0\u00AD\u1680\u180E\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D.\u00B7\u2022\u2027\u2219\u22C5\uFF0E/\uFF0F\\_,\uFF0C:]`;
/** A run of digit groups: digits with at most five separator characters between any two of them. */
const DIGIT_RUN = new RegExp(String.raw`(?<!\p{Nd})\p{Nd}(?:${SEPARATOR}{0,5}\p{Nd})*(?!\p{Nd})`, 'gu');
const DIGIT_GROUP = /\p{Nd}+/gu;
const IS_DIGIT = /^\p{Nd}$/u;

const digitValues = new Map<number, number>();

/** The value of a Unicode decimal digit: its place in its run of ten (Unicode keeps them in order). */
function digitValue(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 48 && code <= 57) return code - 48;
  let value = digitValues.get(code);
  if (value === undefined) {
    let start = code;
    while (start > 0 && IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    value = (code - start) % 10;
    digitValues.set(code, value);
  }
  return value;
}

/** ASCII digits for a string of Unicode decimal digits. */
export function asciiDigits(digits: string): string {
  let out = '';
  for (const char of digits) out += String(digitValue(char));
  return out;
}

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

export interface Span {
  start: number;
  end: number;
}

const SLASH_DATE = /(?<![\p{Nd}/])\p{Nd}{1,2}\/\p{Nd}{1,2}\/(?:\p{Nd}{4}|\p{Nd}{2})(?![\p{Nd}/])/gu;

/** Where the card numbers are in `text` (UTF-16 offsets, first digit to last digit). */
export function findCardNumbers(text: string): Span[] {
  const spans: Span[] = [];
  // A date written with slashes ("19/08/1992, 60608") is never part of a card: card groups are
  // never one or two digits between slashes (fresh-eyes review 3: a birth date and ZIP were removed).
  const dates = [...text.matchAll(SLASH_DATE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const inDate = (g: Span) => dates.some((d) => g.start >= d.start && g.end <= d.end);
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(DIGIT_GROUP)].map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length, digits: asciiDigits(g[0]) }));
    if (groups.reduce((n, g) => n + g.digits.length, 0) < 13) continue;
    let i = 0;
    while (i < groups.length) {
      let best = -1;
      let digits = '';
      for (let j = i; j < groups.length; j++) {
        if (inDate(groups[j]!)) break;
        digits += groups[j]!.digits;
        if (digits.length > 19) break;
        if (digits.length >= 13 && luhnValid(digits)) best = j;
      }
      if (best >= 0) {
        spans.push({ start: groups[i]!.start, end: groups[best]!.end });
        i = best + 1;
      } else {
        i++;
      }
    }
  }
  return spans;
}

const D = String.raw`\p{Nd}`;
const MONTH_YEAR = String.raw`${D}{1,2}\s*[/\-.]\s*(?:${D}{4}|${D}{2})`;
const NOT_AFTER_DIGIT = String.raw`(?<![\p{Nd}/.\-])`;
const NOT_BEFORE_DIGIT = String.raw`(?![\p{Nd}]|[/.\-]\p{Nd})`;
/** An expiry named as such: "exp 04/28", "expires: 4-2028", "valid thru 04/28", "vence 04/28". */
const NAMED_EXPIRY = new RegExp(
  String.raw`(\b(?:exp(?:iry|iration|ires|\.)?(?:\s+date)?|valid\s+(?:thru|through|until)|good\s+thru|vence|vencimiento|fecha\s+de\s+vencimiento|vto\.?)\s*(?:date|is|es|:|-|=)?\s*)${NOT_AFTER_DIGIT}${MONTH_YEAR}${NOT_BEFORE_DIGIT}`,
  'giu',
);
/** A security code named as such: "cvv 123", "CVC: 1234", "security code is 123", "código de seguridad 123". */
const NAMED_SECURITY_CODE = new RegExp(
  String.raw`(\b(?:cvv2?|cvc2?|cv2|cid|csc|security\s+code|sec\.?\s+code|c[óo]digo\s+de\s+seguridad)\s*(?:is|es|:|#|=|-)?\s*)(?<!\p{Nd})${D}{3,4}(?!\p{Nd})`,
  'giu',
);
/** In a message that held a card number: any month/year. */
const BARE_EXPIRY = new RegExp(String.raw`${NOT_AFTER_DIGIT}${MONTH_YEAR}${NOT_BEFORE_DIGIT}`, 'gu');
const escape = (s: string) => s.replace(/[[\]]/g, '\\$&');
/** In a message that held a card number: a last group of 3–4 digits right after the card or its expiry. */
const TRAILING_CODE = new RegExp(
  String.raw`((?:${escape(CARD_PLACEHOLDER)}|${escape(EXPIRY_PLACEHOLDER)})[\s,;:/\-]*)${D}{3,4}(?!${SEPARATOR}{0,5}\p{Nd})(?!\p{Nd})`,
  'gu',
);

/** Removes named expiries and security codes always; with `cardFound`, bare ones next to the card too. */
function redactCardDetails(text: string, cardFound: boolean): { text: string; found: boolean } {
  let out = text.replace(NAMED_SECURITY_CODE, `$1${SECURITY_CODE_PLACEHOLDER}`).replace(NAMED_EXPIRY, `$1${EXPIRY_PLACEHOLDER}`);
  if (cardFound) out = out.replace(BARE_EXPIRY, EXPIRY_PLACEHOLDER).replace(TRAILING_CODE, `$1${SECURITY_CODE_PLACEHOLDER}`);
  return { text: out, found: out !== text };
}

function replaceSpans(text: string, spans: Span[]): string {
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    out += text.slice(cursor, span.start) + CARD_PLACEHOLDER;
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

/**
 * Replaces card numbers with "[card number removed]", and expiry dates and security codes as the
 * module comment says. `found` is true when anything was removed.
 */
export function redactCardNumbers(text: string): { text: string; found: boolean } {
  const spans = findCardNumbers(text);
  const details = redactCardDetails(replaceSpans(text, spans), spans.length > 0);
  return { text: details.text, found: spans.length > 0 || details.found };
}

/**
 * A card number typed over several messages ("4265 4591", then "5417 4437"). `earlier` are the
 * debtor's previous messages in this conversation, oldest first, as stored (already redacted);
 * `text` is the new one, already redacted on its own. When digit groups at the end of earlier
 * messages and at the start of the new one make a card number together, each piece is replaced by
 * the placeholder — in the new text and in the earlier ones (their stored copies must be rewritten).
 */
export function redactCardAcrossMessages(earlier: string[], text: string): { earlier: string[]; text: string; found: boolean } {
  const all = [...earlier, text];
  const starts: number[] = [];
  let joined = '';
  for (const message of all) {
    starts.push(joined.length);
    joined += `${message}\n`;
  }
  const last = starts[starts.length - 1]!;
  const crossing = findCardNumbers(joined).filter((span) => span.start < last && span.end > last);
  if (crossing.length === 0) return { earlier, text, found: false };
  const rewritten = all.map((message, index) => {
    const from = starts[index]!;
    const to = from + message.length;
    const own = crossing.filter((span) => span.start < to && span.end > from).map((span) => ({ start: Math.max(span.start, from) - from, end: Math.min(span.end, to) - from }));
    return own.length > 0 ? replaceSpans(message, own) : message;
  });
  const newText = redactCardDetails(rewritten[rewritten.length - 1]!, true).text;
  return { earlier: rewritten.slice(0, -1), text: newText, found: true };
}
