/**
 * The validation period of Regulation F (12 CFR 1006.34(b)(5)). Pure functions, no I/O.
 *
 * A debt collector may assume that the consumer receives the validation information on any date up
 * to five days — excluding legal public holidays (5 U.S.C. 6103(a)), Saturdays and Sundays — after
 * the collector provides it. The validation period ends 30 days after that receipt date. We always
 * assume the LATEST permitted receipt date, which gives the consumer the longest period.
 *
 * Convention (used everywhere the end of the period is stored or shown):
 * - Calendar dates are worked out in one time zone, the collector's: `DEFAULT_TIME_ZONE`
 *   (America/New_York) unless a caller passes another.
 * - The stored end (`Account.validationPeriodEndsAt`, `Notice.validationPeriodEndsAt`) is the last
 *   millisecond of the end date in that zone (23:59:59.999 local), so "still open?" is a plain
 *   instant comparison: `now <= endsAt`.
 * - To SHOW the date, format the instant in the same zone (`formatValidationPeriodEnd`, or
 *   `calendarDateInZone`). Formatting it in UTC would show the following day.
 *
 * Holidays: the eleven legal public holidays, each also excluded on its observed weekday when it
 * falls on a weekend (Saturday -> Friday before, Sunday -> Monday after), which can only lengthen
 * the period. Inauguration Day (a holiday only around Washington, DC) is not excluded.
 */
import { dateTimeFormat } from './intlFormats.ts';

export const DEFAULT_TIME_ZONE = 'America/New_York';

/** Business days (no weekend, no legal public holiday) after the notice is provided. */
export const ASSUMED_RECEIPT_BUSINESS_DAYS = 5;
/** Calendar days after the (assumed) receipt date. */
export const VALIDATION_PERIOD_DAYS = 30;

export interface FederalHoliday {
  name: string;
  /** The holiday's own date, YYYY-MM-DD. */
  date: string;
  /** The weekday it is observed on (Saturday -> Friday, Sunday -> Monday), YYYY-MM-DD. */
  observed: string;
}

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of a UTC-midnight timestamp. */
function iso(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

function utcMidnight(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`expected a YYYY-MM-DD date, got "${isoDate}"`);
  const [, y, m, d] = match;
  const t = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (iso(t) !== isoDate) throw new RangeError(`not a calendar date: "${isoDate}"`);
  return t;
}

/** `isoDate` plus `days` calendar days. */
export function addDays(isoDate: string, days: number): string {
  return iso(utcMidnight(isoDate) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(isoDate: string): number {
  return new Date(utcMidnight(isoDate)).getUTCDay();
}

/** The n-th (1-based) `day` of the week in a month (month 1-12). */
function nthWeekday(year: number, month: number, day: number, n: number): string {
  const first = Date.UTC(year, month - 1, 1);
  const offset = (day - new Date(first).getUTCDay() + 7) % 7;
  return iso(first + (offset + (n - 1) * 7) * DAY_MS);
}

/** The last `day` of the week in a month (month 1-12). */
function lastWeekday(year: number, month: number, day: number): string {
  const last = Date.UTC(year, month, 0);
  const offset = (new Date(last).getUTCDay() - day + 7) % 7;
  return iso(last - offset * DAY_MS);
}

function fixed(year: number, month: number, day: number): string {
  return iso(Date.UTC(year, month - 1, day));
}

function observedDate(isoDate: string): string {
  const day = weekday(isoDate);
  if (day === 6) return addDays(isoDate, -1);
  if (day === 0) return addDays(isoDate, 1);
  return isoDate;
}

const MON = 1;
const THU = 4;

/**
 * The legal public holidays of 5 U.S.C. 6103(a) in `year`, with their observed dates. New Year's
 * Day on a Saturday is observed on December 31 of the year before. Juneteenth counts from 2021.
 */
export function usFederalHolidays(year: number): FederalHoliday[] {
  if (!Number.isInteger(year) || year < 1971 || year > 9998) throw new RangeError(`unsupported year ${year}`);
  const holidays: Array<[string, string]> = [
    ["New Year's Day", fixed(year, 1, 1)],
    ['Birthday of Martin Luther King, Jr.', nthWeekday(year, 1, MON, 3)],
    ["Washington's Birthday", nthWeekday(year, 2, MON, 3)],
    ['Memorial Day', lastWeekday(year, 5, MON)],
    ...(year >= 2021 ? [['Juneteenth National Independence Day', fixed(year, 6, 19)] as [string, string]] : []),
    ['Independence Day', fixed(year, 7, 4)],
    ['Labor Day', nthWeekday(year, 9, MON, 1)],
    ['Columbus Day', nthWeekday(year, 10, MON, 2)],
    ['Veterans Day', fixed(year, 11, 11)],
    ['Thanksgiving Day', nthWeekday(year, 11, THU, 4)],
    ['Christmas Day', fixed(year, 12, 25)],
  ];
  return holidays.map(([name, date]) => ({ name, date, observed: observedDate(date) }));
}

const holidayCache = new Map<number, Set<string>>();

/** Every date (actual and observed) excluded as a holiday that falls within `year`. */
function holidayDatesIn(year: number): Set<string> {
  let dates = holidayCache.get(year);
  if (!dates) {
    dates = new Set<string>();
    // Next year's New Year's Day can be observed on December 31 of this year.
    for (const h of [...usFederalHolidays(year), ...usFederalHolidays(year + 1)]) {
      for (const d of [h.date, h.observed]) if (d.startsWith(`${year}-`)) dates.add(d);
    }
    holidayCache.set(year, dates);
  }
  return dates;
}

/** True for a legal public holiday, on its own date or on its observed date. */
export function isUsFederalHoliday(isoDate: string): boolean {
  return holidayDatesIn(Number(isoDate.slice(0, 4))).has(isoDate);
}

/** Monday to Friday and not a legal public holiday. */
export function isBusinessDay(isoDate: string): boolean {
  const day = weekday(isoDate);
  return day !== 0 && day !== 6 && !isUsFederalHoliday(isoDate);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format) return format;
  format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  formatters.set(timeZone, format);
  return format;
}

function zonedParts(instant: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at `instant`, in ms (New York in winter: -5 h). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function calendarDateInZone(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid date');
  const p = zonedParts(instant.getTime(), timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The first instant of a calendar date in a time zone (local midnight). */
export function startOfDayInZone(isoDate: string, timeZone = DEFAULT_TIME_ZONE): Date {
  const wallMidnight = utcMidnight(isoDate);
  const first = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  const second = zoneOffsetMs(first, timeZone);
  return new Date(wallMidnight - second);
}

/** The last millisecond of a calendar date in a time zone (23:59:59.999 local). */
export function endOfDayInZone(isoDate: string, timeZone = DEFAULT_TIME_ZONE): Date {
  return new Date(startOfDayInZone(addDays(isoDate, 1), timeZone).getTime() - 1);
}

/** The latest date the consumer may be assumed to receive information provided at `providedAt`. */
export function assumedReceiptDate(providedAt: Date, timeZone = DEFAULT_TIME_ZONE): string {
  let date = calendarDateInZone(providedAt, timeZone);
  let counted = 0;
  while (counted < ASSUMED_RECEIPT_BUSINESS_DAYS) {
    date = addDays(date, 1);
    if (isBusinessDay(date)) counted += 1;
  }
  return date;
}

/** The calendar date (YYYY-MM-DD, in `timeZone`) on which the validation period ends. */
export function validationPeriodEndDate(providedAt: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return addDays(assumedReceiptDate(providedAt, timeZone), VALIDATION_PERIOD_DAYS);
}

/**
 * When the validation period of information provided at `providedAt` ends: the last millisecond
 * (23:59:59.999 in `timeZone`) of the 30th day after the assumed receipt date.
 */
export function validationPeriodEnd(providedAt: Date, timeZone = DEFAULT_TIME_ZONE): Date {
  return endOfDayInZone(validationPeriodEndDate(providedAt, timeZone), timeZone);
}

/**
 * True while the validation period runs, and also before it has started (`endsAt` null: the
 * validation information has not been delivered yet). Negotiation uses it to avoid any pressure.
 */
export function isValidationPeriodOpen(endsAt: Date | null | undefined, now: Date): boolean {
  if (endsAt == null) return true;
  return now.getTime() <= endsAt.getTime();
}

/** The end date in words for `locale` ("December 16, 2021", "16 de diciembre de 2021"), in `timeZone`. */
export function formatValidationPeriodEnd(endsAt: Date, locale: string, timeZone = DEFAULT_TIME_ZONE): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(endsAt);
}
