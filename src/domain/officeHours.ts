/**
 * The hours officers work (OFFICER_HOURS, e.g. "Mon-Fri 08:00-20:00 America/New_York"): outside
 * them a debtor who asks for a person is told when the team is back instead of a wait in minutes
 * (issue #12 item 9). Pure; no I/O.
 */
import { isValidTimeZone, localTime, zonedTimeToInstant } from './quietHours.ts';
import { dateTimeFormat } from './intlFormats.ts';

export interface OfficeHours {
  /** Days officers work, 0 = Sunday … 6 = Saturday. */
  days: ReadonlySet<number>;
  /** Minutes after local midnight: opens at, closes at (exclusive). */
  opensAt: number;
  closesAt: number;
  zone: string;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const SPEC = /^\s*([a-z]{3})(?:\s*-\s*([a-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s+(\S+)\s*$/i;

/** Parses "Mon-Fri 08:00-20:00 America/New_York" (or "Sat 09:00-13:00 …"); throws with a reason. */
export function parseOfficeHours(spec: string): OfficeHours {
  const m = SPEC.exec(spec);
  if (!m) throw new Error('expected days, hours and a time zone, such as "Mon-Fri 08:00-20:00 America/New_York"');
  const from = DAY_NAMES.indexOf(m[1]!.toLowerCase());
  const to = m[2] ? DAY_NAMES.indexOf(m[2].toLowerCase()) : from;
  if (from < 0 || to < 0) throw new Error('days must be written Sun, Mon, Tue, Wed, Thu, Fri or Sat');
  const opensAt = Number(m[3]) * 60 + Number(m[4]);
  const closesAt = Number(m[5]) * 60 + Number(m[6]);
  if (Number(m[4]) > 59 || Number(m[6]) > 59 || opensAt >= closesAt || closesAt > 24 * 60) throw new Error('the hours must be a range within one day, such as 08:00-20:00');
  if (!isValidTimeZone(m[7])) throw new Error(`unknown time zone "${m[7]}"`);
  const days = new Set<number>();
  for (let d = from; ; d = (d + 1) % 7) {
    days.add(d);
    if (d === to) break;
  }
  return { days, opensAt, closesAt, zone: m[7]! };
}

function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isOfficeOpen(hours: OfficeHours, at: Date): boolean {
  const t = localTime(at.getTime(), hours.zone);
  const minute = t.hour * 60 + t.minute;
  return hours.days.has(weekday(t.year, t.month, t.day)) && minute >= hours.opensAt && minute < hours.closesAt;
}

/** When officers are next at work: `at` itself when they are, else the next opening (within a week). */
export function nextOfficeOpening(hours: OfficeHours, at: Date): Date {
  if (isOfficeOpen(hours, at)) return at;
  const t = localTime(at.getTime(), hours.zone);
  for (let i = 0; i <= 7; i++) {
    const date = new Date(Date.UTC(t.year, t.month - 1, t.day + i));
    const [y, mo, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!hours.days.has(weekday(y, mo, d))) continue;
    const opening = new Date(zonedTimeToInstant(y, mo, d, Math.floor(hours.opensAt / 60), hours.opensAt % 60, hours.zone));
    if (opening.getTime() > at.getTime()) return opening;
  }
  throw new Error('office hours with no opening in a week');
}

/** "Monday, November 30 at 8:00 AM EST" in the catalogue's locale and the office's zone. */
export function formatOpening(opening: Date, hours: OfficeHours, locale: string): string {
  return dateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: hours.zone, timeZoneName: 'short' }).format(opening);
}
