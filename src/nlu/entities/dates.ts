/**
 * Calendar dates (a date of birth, mostly). A date needs a year. Numeric dates are read month/day
 * (US) and day/month: when only one reading is a real date it is taken; when both are and differ
 * ("4/12/1985") nothing goes in `dates`, `ambiguousDate` is set and both readings are kept, US
 * first, for a yes/no question. Two-digit years pivot at 30 (TWO_DIGIT_YEAR_PIVOT). Impossible
 * dates (Feb 30) are dropped.
 *
 * Month names may come before or after the day, with the year right after ("july 21 68", "12 de
 * abril del 85", "3rd feb 91") or anywhere else in the message when it holds one year only ("born
 * in 1985 on april 12", "1982, march second"). Spelled-out numbers are digits by now
 * (numberWords.ts); holidays ("christmas day 1970") come from lexicon/holidays.txt.
 */
import { alternationOf, lexiconMap } from '../lexicon.ts';
import type { CalendarDate, Entities } from '../recognizer.ts';
import type { Scratch } from './scratch.ts';

/**
 * Two-digit years: 00–29 → 2000–2029, 30–99 → 1930–1999 (a fixed pivot, so the result never
 * depends on today's date). "4/13/85" → 1985-04-13, "4/13/05" → 2005-04-13.
 */
export const TWO_DIGIT_YEAR_PIVOT = 30;

const MONTHS = new Map([...lexiconMap('months')].map(([name, number]) => [name, Number(number)]));
const MONTH_ALT = alternationOf('months');
const HOLIDAYS = lexiconMap('holidays');
const HOLIDAY_ALT = alternationOf('holidays').replace(/ /g, '\\W*');
const ORDINAL = '(?:st|nd|rd|th|ro|o|er|vo|mo|to)?';

/** True when year-month-day is a real calendar day (no February 30th) in 1900–2099. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1900 || year > 2099) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function expandYear(text: string): number {
  const digits = text.replace(/^'/, '');
  const value = Number(digits);
  if (digits.length === 4) return value;
  return value < TWO_DIGIT_YEAR_PIVOT ? 2000 + value : 1900 + value;
}

/** A year right after a day and month: ", 1985", " 85", " de 1985", " del 85", " '85". Not an amount ("12 april 50 dollars"). */
const YEAR_AFTER = /^\s*[,.]?\s*(?:(?:de|del|of|in|en)\s+)?(\d{4}|'?\d{2})(?!\d)(?!\s*(?:\$|dollars?|bucks|dolares|pesos|%|am\b|pm\b|a month|al mes))/;
/** A birthday cue: space-separated numbers ("7 29 1983", "5 30 58") are read as a date only after one, or with a 4-digit year. */
const BIRTH_CUE = /\b(?:born|birth|birthday|birthdate|bday|dob|d o b|date of birth|nac\w*|cumple\w*)\b/;

/** 4/12/1985, 04-12-1985, 12.04.85 — and "7 29 1983" (a 4-digit year), or after a birthday cue "5 30 58". */
const numericDate = (spacedYear: string) =>
  new RegExp(`(?<![\\d/.$-])(\\d{1,2})(?:([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})|( )(\\d{1,2}) ${spacedYear})(?![\\d/.,-]*\\d)`, 'g');
const NUMERIC = numericDate('((?:19|20)\\d{2})');
const NUMERIC_AFTER_CUE = numericDate('(\\d{4}|\\d{2})');
/** "april 12", "april the 12th", "12 april", "12th of april", "12 de abril", "12-apr". */
const NAMED = new RegExp(
  `\\b(?:(${MONTH_ALT})\\.?\\s+(?:the\\s+)?(\\d{1,2})${ORDINAL}\\b|(?:the\\s+|el\\s+)?(?<![\\d$.,])(\\d{1,2})${ORDINAL}(?:\\s+|\\s*[-/.]\\s*)(?:(?:of|de)\\s+)?(${MONTH_ALT})\\b\\.?)`,
  'g',
);
const HOLIDAY = new RegExp(`\\b(${HOLIDAY_ALT})\\b`, 'g');

/** Both readings of a numeric date, or the one that is real. */
function readNumeric(entities: Entities, push: (year: number, month: number, day: number) => void, a: number, b: number, year: number): void {
  const monthFirst = isRealDate(year, a, b);
  const dayFirst = isRealDate(year, b, a);
  if (monthFirst && dayFirst && a !== b) {
    entities.ambiguousDate = true;
    entities.ambiguousDateReadings ??= [
      { year, month: a, day: b },
      { year, month: b, day: a },
    ];
  } else if (monthFirst) push(year, a, b);
  else if (dayFirst) push(year, b, a);
}

export function extractDates(s: Scratch, entities: Entities): void {
  const found: Array<{ at: number; date: CalendarDate }> = [];
  const at = { index: 0 };
  const push = (year: number, month: number, day: number) => {
    if (isRealDate(year, month, day)) found.push({ at: at.index, date: { year, month, day } });
  };
  const consume = (start: number, end: number) => s.consume(start, end);

  // 1985-04-12, 1985/4/12
  for (const m of s.text.matchAll(/(?<![\d/.-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.-]*\d)/g)) {
    at.index = m.index;
    push(Number(m[1]), Number(m[3]), Number(m[4]));
    consume(m.index, m.index + m[0].length);
  }
  // 4/12/1985, 04-12-1985, 12.04.85 — and, after a birthday cue or with a 4-digit year, "7 29 1983".
  const numeric = BIRTH_CUE.test(s.text) ? NUMERIC_AFTER_CUE : NUMERIC;
  let ambiguousEnd = -1;
  for (const m of s.text.matchAll(numeric)) {
    at.index = m.index;
    const second = m[3] ?? m[6];
    const year = m[4] ?? m[7];
    if (second === undefined || year === undefined) continue;
    const wasAmbiguous = entities.ambiguousDate === true;
    readNumeric(entities, push, Number(m[1]), Number(second), expandYear(year));
    if (!wasAmbiguous && entities.ambiguousDate) ambiguousEnd = m.index + m[0].length;
    // Consumed even when impossible or ambiguous: its digits are no account, ZIP or money.
    consume(m.index, m.index + m[0].length);
  }

  // Month names: "april 12", "april the 12th", "12 april", "12th of april", "12 de abril", "12-apr".
  const pairs: Array<{ start: number; end: number; month: number; day: number }> = [];
  for (const m of s.text.matchAll(NAMED)) {
    const month = MONTHS.get(m[1] ?? m[4] ?? '') ?? 0;
    const day = Number(m[2] ?? m[3]);
    pairs.push({ start: m.index, end: m.index + m[0].length, month, day });
  }
  for (const m of s.text.matchAll(HOLIDAY)) {
    const [month, day] = (HOLIDAYS.get(m[1]!.replace(/\W+/g, ' ')) ?? '0-0').split('-').map(Number);
    pairs.push({ start: m.index, end: m.index + m[0].length, month: month ?? 0, day: day ?? 0 });
  }
  pairs.sort((a, b) => a.start - b.start);
  const pending: typeof pairs = [];
  for (const pair of pairs) {
    const year = YEAR_AFTER.exec(s.text.slice(pair.end));
    at.index = pair.start;
    if (year) {
      push(expandYear(year[1]!), pair.month, pair.day);
      consume(pair.start, pair.end + year[0].length);
    } else pending.push(pair);
  }
  // "born in 1985 on april 12": the message's one remaining year.
  if (pending.length > 0) {
    const years = [...s.text.matchAll(/(?<![\d$.,])((?:19|20)\d{2})(?!\d|[.,]\d|\s*(?:\$|dollars?|dolares|pesos))/g)];
    if (years.length === 1) {
      const year = years[0]!;
      const pair = pending[0]!;
      at.index = pair.start;
      push(Number(year[1]), pair.month, pair.day);
      consume(pair.start, pair.end);
      consume(year.index, year.index + year[0].length);
    }
  }
  resolveAmbiguity(s.text, entities, pending.filter((p) => p.start >= ambiguousEnd && p.start - ambiguousEnd <= 25), found);
  found.sort((x, y) => x.at - y.at);
  entities.dates = found.map((f) => f.date);
}

/** "dia/mes", "día y mes", "dd/mm", "day/month": the numeric date is written day first. */
const DAY_FIRST_CUE = /\b(?:dia ?(?:\/|y|,) ?mes|dd ?\/ ?mm|day ?(?:\/|and|then) ?month|dia primero|el dia (?:va )?primero|primero el dia|day first)\b/;
/** "mes/día", "mm/dd", "month/day": month first. */
const MONTH_FIRST_CUE = /\b(?:mes ?(?:\/|y|,) ?dia|mm ?\/ ?dd|month ?(?:\/|and|then) ?day|month first|el mes (?:va )?primero|primero el mes)\b/;

/**
 * A numeric date that reads two ways, settled by what the writer added: a cue for the order
 * ("3/4/1991 día y mes", "1/12/1986 dd/mm") or the same day said with its month's name right after
 * it ("12/09/1988 (12 de septiembre)", "5-11-1983, 5 de noviembre"). Without one it stays ambiguous.
 */
function resolveAmbiguity(text: string, entities: Entities, named: ReadonlyArray<{ start: number; month: number; day: number }>, found: Array<{ at: number; date: CalendarDate }>): void {
  const readings = entities.ambiguousDateReadings;
  if (!entities.ambiguousDate || !readings) return;
  const [monthFirst, dayFirst] = readings;
  const sameDay = named.filter((p) => [monthFirst, dayFirst].some((r) => r.month === p.month && r.day === p.day));
  let chosen: CalendarDate | undefined;
  if (sameDay.length === 1) chosen = sameDay[0]!.month === monthFirst.month && sameDay[0]!.day === monthFirst.day ? monthFirst : dayFirst;
  else if (DAY_FIRST_CUE.test(text) && !MONTH_FIRST_CUE.test(text)) chosen = dayFirst;
  else if (MONTH_FIRST_CUE.test(text) && !DAY_FIRST_CUE.test(text)) chosen = monthFirst;
  if (!chosen) return;
  found.push({ at: 0, date: chosen });
  delete entities.ambiguousDate;
  delete entities.ambiguousDateReadings;
}
