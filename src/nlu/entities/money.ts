/**
 * Money and counts.
 *
 * - money needs a sign that it is money: "$", "dollars"/"dólares", a period ("a month", "al mes",
 *   "every two weeks"), "now"/"today", "then" ("ok 840 then"), or a paying verb right before it
 *   ("I can do 50", "would you take 500"). Amounts
 *   become integer cents by joining digit strings, never by float arithmetic;
 * - count: "over/in/en N months|payments|meses|pagos", "N payments"; N ≥ 2.
 */
import { alternationOf, lexiconMap } from '../lexicon.ts';
import type { Entities, MoneyMention } from '../recognizer.ts';
import type { Scratch } from './scratch.ts';

const COUNT_WORDS = new Map([...lexiconMap('count-words')].map(([word, n]) => [word, Number(n)]));
const NUMBER_WORD_ALT = alternationOf('count-words');

/** Digits → minor units by string arithmetic only: "1,250.50" → 125050. */
function toMinorUnits(integer: string, fraction: string | undefined, thousands: boolean): number {
  const whole = integer.replace(/,/g, '');
  if (thousands) {
    const frac = (fraction ?? '').padEnd(3, '0').slice(0, 3);
    return Number(`${whole}${frac}00`);
  }
  return Number(`${whole}${(fraction ?? '').padEnd(2, '0')}`);
}

const PER_AFTER: Array<[RegExp, NonNullable<MoneyMention['per']>]> = [
  [/^\s*(?:every|each|cada)\s+(?:two|2|other|dos|otra)\s+(?:weeks?|semanas?)\b|^\s*(?:bi-?weekly|fortnightly|every fortnight|a fortnight|quincenal(?:es|mente)?|cada quincena|a la quincena|por quincena|cada quince dias)\b/, 'two_weeks'],
  [/^\s*(?:a|per|each|every|\/|al|por|cada)\s*(?:month|mo|mnth|mth|mes)\b|^\s*(?:monthly|a month|mensual(?:es|mente)?)\b/, 'month'],
  [/^\s*(?:a|per|each|every|\/|por|cada|a la)\s*(?:week|wk|semana)\b|^\s*(?:weekly|semanal(?:es|mente)?)\b/, 'week'],
];

const MONEY_VERB =
  /\b(?:pay|paying|do|offer|offering|give|send|afford|manage|handle|put down|put|spare|make|take|accept|settle for|payments? of|dar|pagar|pago|ofrezco|ofrecer|abonar|puedo dar|puedo|dare|pagaria|mandar|enviar|aceptan|aceptarian|acepta|aceptaria|toman|tomarian|pagos de|(?:un|solo|unico) pago de|un abono de|cuotas de|liquidar(?:la|lo)? con|saldar(?:la|lo)? con|pagando|(?:acepto|aceptamos|i accept|accept|i ll take|ill take|i will take|tomo)(?:\s+(?:los|las|el|the))?|settle(?: it| this| the debt| the account)? (?:with|at))\s+(?:you\s+|u\s+|like\s+|about\s+|around\s+|maybe\s+|only\s+|just\s+|up to\s+|at least\s+|at most\s+|hasta\s+|como\s+|unos\s+|solo\s+|nomas\s+|al menos\s+)*$/;

/** "100 is the max", "150 tops", "2000 is what i have", "200 es lo máximo": an amount said as the debtor's limit. */
const MONTH_BEFORE = new RegExp(`\\b(?:${alternationOf('months')})\\.?\\s*$`);
const LIMIT_AFTER = /^\s*(?:(?:is|es|would be|seria) (?:the|my|mi|el|lo) (?:max|maximum|most|limit|maximo|limite|tope|mas que puedo)\b|(?:max|tops|maximum|maximo|a lo mucho|como maximo)\b|is all i (?:can|have|got)\b|is what i (?:have|got|can do|can pay|can afford)\b|es todo lo que (?:puedo|tengo)\b|es lo que (?:tengo|puedo)\b)/;

export function extractMoney(s: Scratch, entities: Entities): void {
  // "1,250.50" (US thousands), "12.50", and "12,50" (a decimal comma, as Spanish writers use it).
  const number = /(?<![\w.,])(\$\s?|us\$\s?|usd\s?)?(\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:[.,](\d{1,2}))?(?!\d)(?![.,]\d)/g;
  for (const m of s.text.matchAll(number)) {
    const [full, symbol, integer = '', fraction] = m;
    let after = s.text.slice(m.index + full.length);
    const before = s.text.slice(0, m.index);
    let thousands = false;
    const k = /^k\b/.exec(after);
    if (k) {
      thousands = true;
      after = after.slice(1);
    }
    if (/^[a-z]/.test(after) || /^\s*(?:%|percent|por ciento)/.test(after)) continue; // 15th, 4pm, 30%
    if (/^\s*(?:(?:monthly|weekly|biweekly|equal|more|mensuales|semanales|iguales)\s+)?(?:months?|weeks?|payments?|installments?|instalments?|days?|years?|yrs?|meses|mes|semanas?|pagos?|cuotas?|dias?|anos?|plazos|mensualidades|am|pm|hours?|horas?|of (?:them|those))\b/.test(after)) continue;
    if (/\b(?:chapter|capitulo|ch|over|in|en|durante)\s*$/.test(before) && !symbol) continue;
    // "first payment jan 4 then": a day of a month, not an amount (review 10, 10).
    if (!symbol && MONTH_BEFORE.test(before)) continue;
    const currencyWord = /^\s*(?:dollars?|bucks|usd|dls|dolares|dolar|pesos?)\b/.exec(after);
    let tail = currencyWord ? after.slice(currencyWord[0].length) : after;
    let per: MoneyMention['per'];
    for (const [re, value] of PER_AFTER) {
      const p = re.exec(tail);
      if (p) {
        per = value;
        tail = tail.slice(p[0].length);
        break;
      }
    }
    const nowWord =
      /^\s*(?:now|today|upfront|up front|down|right now|ahora|hoy|de enganche|al contado|de contado|first|to start)\b/.test(after) ||
      // "ok 840 then", "bueno, 900 entonces": an amount agreed to in a haggle.
      /^\s*(?:then|entonces)\b/.test(after) ||
      // "900 de un jalón", "2000 in one go": one payment of that amount.
      /^\s*(?:de un jalon|de una vez|de un solo golpe|de golpe|en un (?:solo )?pago|in one (?:go|payment|shot|lump)|all at once|as a lump sum|lump sum)\b/.test(after) ||
      /^\s*(?:per|every|each|a|cada|por)\s+(?:paycheck|payday|pay period|pay check|pago|dia de pago)\b/.test(tail);
    const verb = MONEY_VERB.test(before) || LIMIT_AFTER.test(after);
    if (!(symbol || currencyWord || per || nowWord || verb || thousands)) continue;
    const amount = toMinorUnits(integer, fraction, thousands);
    if (!Number.isSafeInteger(amount)) continue;
    entities.money.push(per ? { amount, per } : { amount });
  }
}

const UNIT = '(?:months?|payments?|installments?|instalments?|weeks?|meses|pagos|cuotas|plazos|mensualidades|semanas|parcialidades|abonos)';
const MONTHLY = '(?:monthly |equal |weekly |biweekly |mensuales |semanales )?';
const COUNT = `(\\d{1,3}|${NUMBER_WORD_ALT})`;
const COUNT_PATTERNS = [
  new RegExp(`\\b(?:over|in|en|across|within|split into|into|a)\\s+(?:the next\\s+)?${COUNT}\\s+${MONTHLY}${UNIT}\\b`),
  new RegExp(`\\b${COUNT}\\s+${MONTHLY}(?:payments|installments|instalments|pagos|cuotas|mensualidades|plazos|parcialidades|abonos)\\b`),
];

export function extractCount(normalizedRaw: string, entities: Entities): void {
  for (const re of COUNT_PATTERNS) {
    const m = re.exec(normalizedRaw);
    if (m?.[1] !== undefined) {
      const value = /^\d+$/.test(m[1]) ? Number(m[1]) : COUNT_WORDS.get(m[1]);
      if (value !== undefined && value >= 2) {
        entities.count = value;
        return;
      }
    }
  }
}
