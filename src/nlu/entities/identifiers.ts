/**
 * Verification identifiers in a message: ZIP code, SSN last four, account number.
 *
 * - a ZIP needs a label ("zip", "código postal", "cp"), or to be the whole message, or to stand
 *   alone beside other verification facts ("James O'Connor 04/12/1985 60614");
 * - an SSN last-4 needs a label ("ssn", "social", "last four", "last4", "últimos 4", "seguro"), a
 *   masked SSN ("xxx-xx-6120", "***-**-7045"), or to be the whole message. A full SSN is never read
 *   as a last-4;
 *   Beside other facts a lone four-digit number is read too (extractUnlabelledSsnLast4);
 * - an account number is letters-then-digits anywhere ("A-1001"), or anything with a digit after
 *   "account"/"acct"/"cuenta"/"#", or a code-like whole message — never a date, an unlabelled
 *   ZIP/4-digit number, or an unlabelled SSN shape.
 */
import type { Entities } from '../recognizer.ts';
import type { Scratch } from './scratch.ts';

const ZIP_LABEL = '(?:zip|zipcode|zip code|postal code|postcode|codigo postal|cod postal|c\\.?p\\.?)';

export function extractZip(s: Scratch, entities: Entities): void {
  const labelled = new RegExp(`\\b${ZIP_LABEL}\\b\\D{0,20}?(?<![\\d$])(\\d{5}|\\d(?: \\d){4})(?:-\\d{4})?(?!\\d|[.,]\\d| \\d)`).exec(s.text);
  // The label after the number: "30308 zip".
  const labelAfter = new RegExp(`(?<![\\d$.,-])(\\d{5})(?:-\\d{4})?\\s*(?:is my |is the |es mi |es el )?${ZIP_LABEL}\\b`).exec(s.text);
  const whole = /^\s*(\d{5})(?:-\d{4})?\s*[.!]?\s*$/.exec(s.text);
  const m = labelled ?? labelAfter ?? whole;
  if (!m || m[1] === undefined) return;
  // "9 4 1 1 0": digits said one by one.
  entities.zip = m[1].replace(/ /g, '');
  const start = m.index + m[0].indexOf(m[1]);
  s.consume(start, labelAfter && m === labelAfter ? start + m[1].length : m.index + m[0].length);
}

/**
 * A lone five-digit number beside other verification facts (a date, a name, an SSN) is the ZIP:
 * "Aaron Goldberg 92104 1/31/1966", "soy Carmen, nací el 14 de febrero de 1950, vivo en el 10032".
 * Run after everything else has taken its digits.
 */
export function extractUnlabelledZip(s: Scratch, entities: Entities, besideFacts: boolean): void {
  if (entities.zip !== undefined || !besideFacts) return;
  const lone = [...s.text.matchAll(/(?<![\w$.,/-])(\d{5})(?:-\d{4})?(?![\w$/-]|[.,]\d)/g)].filter(
    (m) => !/\b(?:pay|paid|owe|debt|balance|dollars?|\$|pagar|pago|debo)\W*$/.test(s.text.slice(Math.max(0, m.index - 20), m.index)),
  );
  if (lone.length !== 1) return;
  const m = lone[0]!;
  entities.zip = m[1];
  s.consume(m.index, m.index + m[0].length);
}

const SSN_LABEL =
  '(?:ssn|ss#|ss|s\\.s\\.|social(?: security)?(?: number| no| #)?|soshal|soc sec|seguro(?: social)?|last ?(?:four|4)(?: digits)?|ultimos ?(?:cuatro|4)(?: digitos)?|(?:cuatro|4) ultimos(?: digitos)?)';

const SSN_LABELLED = new RegExp(`(?<![a-z])${SSN_LABEL}(?![a-z])[^\\d]{0,30}?(?<![\\d-])(\\d{4}|\\d{2}[ -]\\d{2}|\\d(?: \\d){3})(?![\\d-]| \\d)`);
/** The label after the digits: "2468 is my last four", "7314 ssn". */
const SSN_LABEL_AFTER = new RegExp(`(?<![\\d$.,/-])(\\d{4})(?![\\d/.-])\\s*(?:is|are|=|es|son)?\\s*(?:my|the|mis|los|el)?\\s*${SSN_LABEL}(?![a-z])`);
/** A shorter mask ("xx-7314") is read only when the message names the SSN. */
const SHORT_MASK = /(?<![a-z0-9])(?:x{2,5}|\*{2,5})[- ]?(\d{4})(?!\d)/;
const SSN_WORD = new RegExp(`(?<![a-z])${SSN_LABEL}(?![a-z])`);

export function extractSsnLast4(s: Scratch, entities: Entities): void {
  const masked = /(?:x{3}|\*{3}|#{3})[- ]?(?:x{2}|\*{2}|#{2})[- ]?(\d{4})(?!\d)/.exec(s.text) ?? (SSN_WORD.test(s.text) ? SHORT_MASK.exec(s.text) : null);
  const labelled = SSN_LABELLED.exec(s.text) ?? SSN_LABEL_AFTER.exec(s.text);
  const whole = /^\s*(\d{4}|\d{2}[ -]\d{2})\s*[.!]?\s*$/.exec(s.text);
  const m = masked ?? labelled ?? whole;
  if (!m || m[1] === undefined) return;
  entities.ssnLast4 = m[1].replace(/[ -]/g, '');
  const start = m.index + m[0].lastIndexOf(m[1]);
  s.consume(masked ? m.index : start, start + m[1].length);
}

/**
 * A lone four-digit number beside other verification facts is the SSN's last four: "3/14/1985 and
 * 1234", "Kim Tran 95112 4410", "15 de agosto de 1972, 4321". Run once the date, the ZIP and the
 * account have taken their digits. A year-like number is read only when a date is already read (a
 * date of birth is asked for with its year); a sum of money never.
 */
export function extractUnlabelledSsnLast4(s: Scratch, entities: Entities, besideFacts: boolean): void {
  if (entities.ssnLast4 !== undefined || !besideFacts) return;
  const lone = [...s.text.matchAll(/(?<![\w$.,/:-])(\d{4})(?![\w$/:%-]|[.,]\d)/g)].filter(
    (m) =>
      !/(?:\b(?:pay|paid|owe|debt|balance|dollars?|bucks|do|offer|send|give|take|settle|for|about|around|only|pagar|pago|debo|dar|doy|ofrezco|mando)|\$)\W*$/.test(s.text.slice(Math.max(0, m.index - 20), m.index)) &&
      !/^\s*(?:dollars?|bucks|usd|dolares|pesos|a month|al mes|per month|am|pm)\b/.test(s.text.slice(m.index + 4)) &&
      // "why is it 5000?", "how is it 4800 now", "the 5000": an amount asked about, not the SSN (review 4, end of session).
      !/\b(?:is it|it is|was it|is that|why|how|what|the|of|than|to|por que|porque|cuanto|es de|el|la|los)\W*$/i.test(s.text.slice(Math.max(0, m.index - 12), m.index)) &&
      !/^\s*\?/.test(s.text.slice(m.index + 4)) &&
      (entities.dates.length > 0 || !/^(?:19|20)\d\d$/.test(m[1]!)) &&
      // "an old account from like 2015", "desde 2015": a year said as a year (review 4, D21).
      !(/^(?:19|20)\d\d$/.test(m[1]!) && /\b(?:from|in|since|back in|like|around|about|circa|year|en|desde|del|de|año|ano)\W*$/i.test(s.text.slice(Math.max(0, m.index - 12), m.index))),
  );
  if (lone.length !== 1) return;
  const m = lone[0]!;
  // Digits in groups — the end of a phone number ("mi telefono es 602 555 0174") or two numbers
  // ("Rosa Vega 4410 7702") — are left for the dialog to ask.
  if (/\d[ .-]\d{4}(?!\d)/.test(s.text)) return;
  entities.ssnLast4 = m[1];
  s.consume(m.index, m.index + m[0].length);
}

const SSN_SHAPE = /^\d{3}-?\d{2}-?\d{4}$/;

export function extractAccountNumber(s: Scratch, entities: Entities): void {
  const candidates: Array<{ value: string; start: number; labelled?: boolean; length?: number }> = [];
  const labelled =
    /\b(?:account|acct|acc|accnt|cuenta|ref|reference|referencia)\.?(?:\s*(?:number|no\.?|num|nbr|#|numero|id))?\s*(?:is|es|:|#|=)?\s*#?\s*(?:(?:es )?la |el )?((?:[a-z] (?=\d{3}))?[a-z0-9][a-z0-9-]*\d[a-z0-9-]*|\d(?= \d \d \d \d))/g;
  for (const m of s.text.matchAll(labelled)) {
    if (m[1] === undefined) continue;
    const start = m.index + m[0].lastIndexOf(m[1]);
    // Digits said in groups after the label: "9 9 4 0 2 1 7 3" is one number, "5520 1198 3377" is kept as typed.
    const spaced = /^(?:\d(?: \d){4,}|\d{3,4}(?: \d{3,4}){1,3})(?![\d-])/.exec(s.text.slice(start));
    const value = spaced ? (/^\d /.test(spaced[0]) ? spaced[0].replace(/ /g, '') : spaced[0]) : m[1];
    candidates.push({ value, start, labelled: true, ...(spaced ? { length: spaced[0].length } : {}) });
  }
  const hash = /#\s?([a-z0-9][a-z0-9-]*\d[a-z0-9-]*)/g;
  for (const m of s.text.matchAll(hash)) {
    if (m[1] !== undefined) candidates.push({ value: m[1], start: m.index + m[0].lastIndexOf(m[1]) });
  }
  // Letters then digits, anywhere: "A-1001", "AB123456", "ACC-55-0192".
  const shaped = /(?<![\w$-])([a-z]{1,4}-?\d{3,}(?:-[a-z0-9]+)*)(?![\w-])/g;
  for (const m of s.text.matchAll(shaped)) {
    if (m[1] !== undefined) candidates.push({ value: m[1], start: m.index });
  }
  // The whole message is one code-like token ("55-0192", "100234").
  // One letter typed apart from its digits, as the whole answer: "A 1044".
  const whole = /^\s*([a-z]{0,4}-?\d[\d-]{3,}[a-z0-9]*|[a-z] \d{3,})\s*[.!]?\s*$/.exec(s.text);
  if (whole?.[1] !== undefined) candidates.push({ value: whole[1], start: whole.index + whole[0].indexOf(whole[1]) });

  candidates.sort((a, b) => a.start - b.start);
  for (const c of candidates) {
    const value = c.value.replace(/-+$/, '');
    if (!/\d/.test(value)) continue;
    // Unlabelled ZIP-, SSN-4- or SSN-shaped digits are not taken for an account number.
    if (!c.labelled && (/^\d{5}(-\d{4})?$/.test(value) || /^\d{4}$/.test(value) || SSN_SHAPE.test(value))) continue;
    entities.accountNumber = tidyAccountNumber(value);
    s.consume(c.start, c.start + (c.length ?? c.value.length));
    return;
  }
}

/**
 * The account number in its tidy form: upper case, and one letter typed against its digits joined
 * to them by a dash ("a1044", "A 1066" → "A-1044", "A-1066"); longer prefixes stay as typed
 * ("ACC20918"). Account lookup tries the number with and without that dash (accounts/verification.ts).
 */
export function tidyAccountNumber(value: string): string {
  return value.toUpperCase().replace(/^([A-Z]) ?(\d{3,})$/, '$1-$2');
}
