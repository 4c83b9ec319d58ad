/**
 * When a message we start may reach a debtor: the 08:00–21:00 window in every zone they may be in
 * (DESIGN 13, Reg F 1006.6(b)(1)(i)) together with the times, days and channels the consumer said
 * are inconvenient (DESIGN 18, 1006.6(b)(1); 1006.14(h) for a channel). Pure; no I/O.
 *
 * One structured shape for a stated preference, whoever heard it: the debtor in a chat (the nlu
 * branch stores it in Account.contactPreferenceJson — this is its ContactPreference, field for
 * field) or the creditor (the placement file's inconvenient_times column, Account.
 * placedContactPreferenceJson). The only addition is a window's optional `days`, so "weekdays
 * 9 to 5" is one window; a window without days holds every day, as before.
 *
 * Several preferences can be in force at once (the placement's and the debtor's own): every one of
 * them is honoured — contact is allowed only when none of them rules the moment out. Being stricter
 * than the debtor asked never breaks the law; being looser would.
 */
import { z } from 'zod';
import { CONTACT_WINDOW, localTime, zonedTimeToInstant, type ZoneSpec } from './quietHours.ts';
import { US_ZONES_EVERYWHERE } from './usTimeZones.ts';

export type ContactChannel = 'call' | 'text' | 'email';
export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A stretch of the day, local to the debtor, "HH:MM" to "HH:MM" ("24:00" is the end of the day). */
export interface ContactWindow {
  from: string;
  to: string;
  /** Only on these days; absent or empty: every day. */
  days?: Weekday[];
}

export interface ContactPreference {
  avoidTimes: ContactWindow[];
  preferTimes: ContactWindow[];
  avoidDays: Weekday[];
  preferDays: Weekday[];
  avoidPlaces: Array<'work' | 'home'>;
  avoidChannels: ContactChannel[];
  preferChannels: ContactChannel[];
  /** The channels the times and days are about ("don't call before 9" → ['call']); empty: every channel. */
  channels: ContactChannel[];
  /** A time zone said with the times ("pacific", "my time"), as said. */
  timeZone?: string;
}

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const weekday = z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
const channel = z.enum(['call', 'text', 'email']);
const window = z.object({ from: z.string().regex(HHMM), to: z.string().regex(HHMM), days: z.array(weekday).optional() });

/** A stored preference (JSON from the database): unknown fields ignored, missing lists empty. */
export const contactPreferenceSchema = z.object({
  avoidTimes: z.array(window).default([]),
  preferTimes: z.array(window).default([]),
  avoidDays: z.array(weekday).default([]),
  preferDays: z.array(weekday).default([]),
  avoidPlaces: z.array(z.enum(['work', 'home'])).default([]),
  avoidChannels: z.array(channel).default([]),
  preferChannels: z.array(channel).default([]),
  channels: z.array(channel).default([]),
  timeZone: z.string().max(64).optional(),
});

/**
 * The preference stored as JSON, or null for none. A value that does not parse is treated as the
 * strictest reading there is — every time inconvenient — so a damaged record holds messages for a
 * person instead of letting them through.
 */
export function readContactPreference(json: string | null | undefined): ContactPreference | null {
  if (!json) return null;
  try {
    const parsed = contactPreferenceSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  return { ...emptyPreference(), avoidTimes: [{ from: '00:00', to: '24:00' }] };
}

export function emptyPreference(): ContactPreference {
  return { avoidTimes: [], preferTimes: [], avoidDays: [], preferDays: [], avoidPlaces: [], avoidChannels: [], preferChannels: [], channels: [] };
}

/** The channel of an outbox message, in the words a preference uses. */
export function preferenceChannel(outboxChannel: string): ContactChannel | null {
  return outboxChannel === 'sms' ? 'text' : outboxChannel === 'email' ? 'email' : null;
}

/** True when a preference says this channel must not be used at all ("no texts, please"). */
export function channelRefused(preferences: readonly ContactPreference[], on: ContactChannel): boolean {
  return preferences.some((p) => p.avoidChannels.includes(on));
}

// -------------------------------------------------------------------------------------------------
// The placement file's inconvenient_times column

const DAY_WORDS: Record<string, Weekday[]> = {
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  weekends: ['sat', 'sun'],
};

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

function dayList(text: string): Weekday[] | string {
  if (DAY_WORDS[text]) return DAY_WORDS[text]!;
  // "mon+wed+fri": what formatInconvenientTimes writes for a window on several days.
  if (text.includes('+')) {
    const days: Weekday[] = [];
    for (const part of text.split('+')) {
      const one = dayList(part);
      if (typeof one === 'string') return one;
      for (const day of one) if (!days.includes(day)) days.push(day);
    }
    return days;
  }
  const range = /^([a-z]{3})-([a-z]{3})$/.exec(text);
  if (range) {
    const [from, to] = [WEEKDAYS.indexOf(range[1] as Weekday), WEEKDAYS.indexOf(range[2] as Weekday)];
    if (from < 0 || to < 0) return `"${text}" is not a day range such as mon-fri`;
    const days: Weekday[] = [];
    for (let d = from; ; d = (d + 1) % 7) {
      days.push(WEEKDAYS[d]!);
      if (d === to) return days;
    }
  }
  return (WEEKDAYS as readonly string[]).includes(text) ? [text as Weekday] : `"${text}" is not a day (sun, mon, … sat, a range such as mon-fri, weekdays or weekends)`;
}

function timeWindow(text: string): { from: string; to: string } | string {
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return `"${text}" is not a time range such as 09:00-17:00`;
  const [from, to] = [`${match[1]!.padStart(2, '0')}:${match[2]}`, `${match[3]!.padStart(2, '0')}:${match[4]}`];
  if (!HHMM.test(from) || from === '24:00' || !HHMM.test(to)) return `"${text}" is not a time range on a 24-hour clock (00:00 to 24:00)`;
  if (minutesOf(to) <= minutesOf(from)) return `"${text}" ends before it starts (split a range across midnight in two: 22:00-24:00; 00:00-07:00)`;
  return { from, to };
}

/**
 * The placement column `inconvenient_times`: items separated by ";", each a day or days ("sun",
 * "mon-fri", "weekdays", "weekends"), a 24-hour time range ("07:00-09:00", every day), or both
 * ("mon-fri 09:00-17:00"). Empty: null (nothing stated). Returns the preference, or a sentence
 * saying what is wrong.
 */
export function parseInconvenientTimes(text: string): { preference: ContactPreference | null } | { problem: string } {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return { preference: null };
  if (trimmed.length > 300) return { problem: 'is longer than 300 characters' };
  const preference = emptyPreference();
  for (const item of trimmed.split(';').map((part) => part.trim()).filter(Boolean)) {
    const words = item.split(/\s+/);
    if (words.length > 2) return { problem: `"${item}" has more than a day and a time range (separate items with ;)` };
    let days: Weekday[] | undefined;
    let times: { from: string; to: string } | undefined;
    for (const word of words) {
      if (/\d/.test(word)) {
        if (times) return { problem: `"${item}" has two time ranges (separate items with ;)` };
        const parsed = timeWindow(word);
        if (typeof parsed === 'string') return { problem: parsed };
        times = parsed;
      } else {
        if (days) return { problem: `"${item}" has two day parts (separate items with ;)` };
        const parsed = dayList(word);
        if (typeof parsed === 'string') return { problem: parsed };
        days = parsed;
      }
    }
    if (times) preference.avoidTimes.push(days ? { ...times, days } : times);
    else for (const day of days ?? []) if (!preference.avoidDays.includes(day)) preference.avoidDays.push(day);
  }
  return { preference };
}

/** The column's text for a preference it produced (the console shows it; a re-import compares it). */
export function formatInconvenientTimes(preference: ContactPreference | null): string {
  if (!preference) return '';
  const days = (list: readonly Weekday[]) => [...list].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b)).join('+');
  return [...preference.avoidDays.map((d) => d), ...preference.avoidTimes.map((w) => (w.days && w.days.length > 0 ? `${days(w.days)} ${w.from}-${w.to}` : `${w.from}-${w.to}`))].join('; ');
}

// -------------------------------------------------------------------------------------------------
// When contact is allowed

/** Spoken zone names a debtor may give with times ("after 6 pacific"). Anything else: the debtor's own zones. */
const SPOKEN_ZONES: Record<string, string> = {
  eastern: 'America/New_York',
  central: 'America/Chicago',
  mountain: 'America/Denver',
  arizona: 'America/Phoenix',
  pacific: 'America/Los_Angeles',
  alaska: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
};

type Interval = readonly [number, number];
const DAY_MINUTES = 24 * 60;
const DAY_MS = 86_400_000;

/** Allowed minutes of one local day under one rule, sorted and disjoint. */
type Rule = { zones: readonly string[]; intervals(day: number): Interval[] };

function appliesOn(window: ContactWindow, day: number): boolean {
  return !window.days || window.days.length === 0 || window.days.includes(WEEKDAYS[day]!);
}

function subtract(from: Interval[], cut: Interval): Interval[] {
  const out: Interval[] = [];
  for (const [a, b] of from) {
    if (cut[1] <= a || cut[0] >= b) out.push([a, b]);
    else {
      if (cut[0] > a) out.push([a, cut[0]]);
      if (cut[1] < b) out.push([cut[1], b]);
    }
  }
  return out;
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [x1, x2] of a) for (const [y1, y2] of b) if (Math.max(x1, y1) < Math.min(x2, y2)) out.push([Math.max(x1, y1), Math.min(x2, y2)]);
  return out.sort((p, q) => p[0] - q[0]);
}

/** The allowed minutes of a local day (0 = Sunday) under one preference, for one channel. */
export function allowedMinutes(preference: ContactPreference, day: number, on: ContactChannel): Interval[] {
  if (preference.avoidChannels.includes(on)) return [];
  if (preference.channels.length > 0 && !preference.channels.includes(on)) return [[0, DAY_MINUTES]];
  const name = WEEKDAYS[day]!;
  if (preference.avoidDays.includes(name)) return [];
  if (preference.preferDays.length > 0 && !preference.preferDays.includes(name)) return [];
  let allowed: Interval[] = [[0, DAY_MINUTES]];
  const preferred = preference.preferTimes.filter((w) => appliesOn(w, day)).map((w): Interval => [minutesOf(w.from), minutesOf(w.to)]);
  if (preferred.length > 0) allowed = intersect(allowed, preferred);
  for (const w of preference.avoidTimes) if (appliesOn(w, day)) allowed = subtract(allowed, [minutesOf(w.from), minutesOf(w.to)]);
  return allowed;
}

function zonesOf(zone: ZoneSpec): readonly string[] {
  if (zone === null || zone === undefined) return US_ZONES_EVERYWHERE;
  const list = typeof zone === 'string' ? [zone] : zone;
  return list.length === 0 ? US_ZONES_EVERYWHERE : list;
}

function rulesFor(zones: readonly string[], preferences: readonly ContactPreference[], on: ContactChannel): Rule[] {
  const quiet: Interval[] = [[CONTACT_WINDOW.opensAt, CONTACT_WINDOW.closesAt]];
  const rules: Rule[] = [{ zones, intervals: () => quiet }];
  for (const preference of preferences) {
    const spoken = preference.timeZone ? SPOKEN_ZONES[preference.timeZone.trim().toLowerCase()] : undefined;
    rules.push({ zones: spoken ? [spoken] : zones, intervals: (day) => allowedMinutes(preference, day, on) });
  }
  return rules;
}

function localDay(ms: number, zone: string): { day: number; minute: number; date: number } {
  const t = localTime(ms, zone);
  const date = Date.UTC(t.year, t.month - 1, t.day);
  return { day: new Date(date).getUTCDay(), minute: t.hour * 60 + t.minute, date };
}

/** The next instant after `ms` at which `rule` allows contact in `zone`, within 8 days; null when none. */
function nextOpening(rule: Rule, zone: string, ms: number): number | null {
  const { day, minute, date } = localDay(ms, zone);
  for (let offset = 0; offset <= 8; offset++) {
    const intervals = rule.intervals((day + offset) % 7);
    for (const [start] of intervals) {
      if (offset === 0 && start <= minute) continue;
      const d = new Date(date + offset * DAY_MS);
      const at = zonedTimeToInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), Math.floor(start / 60), start % 60, zone);
      if (at > ms) return at;
    }
  }
  return null;
}

function allows(rule: Rule, zone: string, ms: number): boolean {
  const { day, minute } = localDay(ms, zone);
  return rule.intervals(day).some(([a, b]) => minute >= a && minute < b);
}

/**
 * The earliest instant at or after `now` at which a message we start may go on `on`: inside
 * 08:00–21:00 in every zone of `zone` and allowed by every preference. Null when there is none
 * within 8 days (no common window, or a preference that rules out every time): a person decides.
 */
export function nextConvenientSend(now: Date, zone: ZoneSpec, preferences: readonly ContactPreference[], on: ContactChannel): Date | null {
  const rules = rulesFor(zonesOf(zone), preferences, on);
  const start = now.getTime();
  let t = start;
  while (t - start <= 8 * DAY_MS) {
    let blocked: { rule: Rule; zone: string } | undefined;
    for (const rule of rules) {
      const z = rule.zones.find((candidate) => !allows(rule, candidate, t));
      if (z) {
        blocked = { rule, zone: z };
        break;
      }
    }
    if (!blocked) return new Date(t);
    const next = nextOpening(blocked.rule, blocked.zone, t);
    if (next === null) return null;
    t = next;
  }
  return null;
}
