/**
 * Quiet hours for bot-initiated SMS (Reg F 12 CFR 1006.6(b)(1)(i), DESIGN 13): a debt collector
 * may not communicate before 8:00 or after 21:00 at the consumer's location. Pure; no I/O.
 *
 * The window is [08:00, 21:00) local wall-clock time: a message may go at 08:00:00 and at 20:59:59,
 * not at 21:00:00. Local time comes from the IANA time-zone database built into Node (Intl), so
 * daylight-saving changes are handled by the zone rules, not by fixed offsets.
 *
 * A debtor's location is a SET of possible zones (see {@link resolveZones}); sending is allowed
 * only when the window holds in every zone of the set. With nothing known, the set is
 * {@link US_ZONES_EVERYWHERE}. Replies to the debtor's own message are not restricted.
 */
import { US_ZONES_EVERYWHERE, zonesForPhone, zonesForZip } from './usTimeZones.ts';

export { US_ZONES_EVERYWHERE, zonesForPhone, zonesForZip } from './usTimeZones.ts';

/** Minutes after local midnight: the window opens at 08:00 and closes at 21:00 (exclusive). */
export const CONTACT_WINDOW = { opensAt: 8 * 60, closesAt: 21 * 60 } as const;

/** One IANA zone, a set of possible zones (all must allow it), or null/empty for "unknown". */
export type ZoneSpec = string | readonly string[] | null | undefined;

export type ZoneSource = 'account' | 'zip' | 'area_code' | 'zip_and_area_code' | 'unknown';

export interface ResolvedZones {
  /** Every zone the debtor may be in; the window must hold in all of them. */
  zones: string[];
  source: ZoneSource;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** nextAllowedSend gives up (returns null) when no allowed instant exists within this horizon. */
const SEARCH_HORIZON_MS = 8 * DAY_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True for a time-zone name this runtime knows (e.g. "America/New_York"); false for anything else. */
export function isValidTimeZone(zone: string | null | undefined): zone is string {
  if (!zone || !zone.trim()) return false;
  try {
    formatterFor(zone.trim());
    return true;
  } catch {
    return false;
  }
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in `zone` at instant `ms`. */
export function localTime(ms: number, zone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

/** The zone's offset from UTC at instant `ms`, in milliseconds (e.g. -5 h for EST). */
function offsetAt(ms: number, zone: string): number {
  const t = localTime(ms, zone);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `zone` shows the given local time. In a DST gap (a time
 * that does not exist) it answers the instant just after the gap; in a fold (a time that occurs
 * twice) the earlier one.
 */
export function zonedTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, zone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetAt(wall, zone);
  const second = wall - offsetAt(first, zone);
  if (first === second) return first;
  // Offsets disagree: a transition is near. Prefer a candidate that really shows the wall time.
  const shows = (ms: number) => {
    const t = localTime(ms, zone);
    return t.hour === hour && t.minute === minute;
  };
  const candidates = [first, second].sort((a, b) => a - b);
  return candidates.find(shows) ?? candidates[1]!;
}

function minutesOfDay(ms: number, zone: string): number {
  const t = localTime(ms, zone);
  return t.hour * 60 + t.minute;
}

function zoneList(zone: ZoneSpec): readonly string[] {
  if (zone === null || zone === undefined) return US_ZONES_EVERYWHERE;
  const list = typeof zone === 'string' ? [zone] : zone;
  return list.length === 0 ? US_ZONES_EVERYWHERE : list;
}

function inWindow(ms: number, zone: string): boolean {
  const minutes = minutesOfDay(ms, zone);
  return minutes >= CONTACT_WINDOW.opensAt && minutes < CONTACT_WINDOW.closesAt;
}

/** May a bot-initiated message go at `at` to a debtor in `zone` (every zone of the set; unknown = every US zone)? */
export function isWithinContactHours(at: Date, zone: ZoneSpec): boolean {
  return zoneList(zone).every((z) => inWindow(at.getTime(), z));
}

/** The next local 08:00 in `zone` strictly after `ms` (the caller knows `ms` is outside the window). */
function nextOpening(ms: number, zone: string): number {
  const t = localTime(ms, zone);
  const minutes = t.hour * 60 + t.minute;
  // Walk calendar days in UTC arithmetic on the local date (no DST involved in date maths).
  const base = Date.UTC(t.year, t.month - 1, t.day);
  for (let days = minutes < CONTACT_WINDOW.opensAt ? 0 : 1; days < 4; days++) {
    const date = new Date(base + days * DAY_MS);
    const opening = zonedTimeToInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), 8, 0, zone);
    if (opening > ms) return opening;
  }
  return ms + MINUTE_MS;
}

/**
 * The earliest instant at or after `now` at which a bot-initiated message may go: `now` itself
 * when it is allowed. For a set of zones, the earliest instant inside the window of all of them.
 * Null when no such instant exists within 8 days (a set of zones with no common window, e.g.
 * zones given explicitly on several accounts with the same phone, e.g. India, New York and
 * Hawaii; any set of US zones has one): the message needs a person's decision.
 */
export function nextAllowedSend(now: Date, zone: ZoneSpec): Date | null {
  const zones = zoneList(zone);
  const start = now.getTime();
  let t = start;
  while (t - start <= SEARCH_HORIZON_MS) {
    const closed = zones.find((z) => !inWindow(t, z));
    if (closed === undefined) return new Date(t);
    t = nextOpening(t, closed);
  }
  return null;
}

/**
 * When a message may go: a reply to the debtor's own message at once, a bot-initiated one at the
 * next allowed instant (null: never automatically — see {@link nextAllowedSend}).
 */
export function earliestSend(now: Date, zone: ZoneSpec, options: { botInitiated: boolean }): Date | null {
  return options.botInitiated ? nextAllowedSend(now, zone) : now;
}

/**
 * Where the debtor may be: the account's own IANA time zone when it has a valid one (the agency
 * knows); otherwise every zone indicated by the ZIP code and by the phone's area code together
 * (if they disagree, the window must hold in both — Reg F comment 6(b)(1)(i)-2); otherwise every
 * US zone ({@link US_ZONES_EVERYWHERE}).
 */
export function resolveZones(facts: { timeZone?: string | null; zip?: string | null; phone?: string | null }): ResolvedZones {
  if (isValidTimeZone(facts.timeZone)) return { zones: [facts.timeZone.trim()], source: 'account' };
  const fromZip = zonesForZip(facts.zip);
  const fromPhone = zonesForPhone(facts.phone);
  if (fromZip && fromPhone) return { zones: [...new Set([...fromZip, ...fromPhone])], source: 'zip_and_area_code' };
  if (fromZip) return { zones: fromZip, source: 'zip' };
  if (fromPhone) return { zones: fromPhone, source: 'area_code' };
  return { zones: [...US_ZONES_EVERYWHERE], source: 'unknown' };
}
