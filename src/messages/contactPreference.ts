import type { ContactChannel, ContactPreference, ContactWindow, Weekday } from '../nlu/recognizer.ts';
import { isLanguage, type Language } from './catalogue.ts';
import { contactPreferenceEn } from './contactPreference.en.ts';
import { contactPreferenceEs } from './contactPreference.es.ts';
import { dateTimeFormat } from '../domain/intlFormats.ts';

/** Words for a stated contact preference (Reg F 1006.6(b)(1)), and its confirmation. */
export interface ContactPreferenceCatalogue {
  locale: string;
  /** Recorded on the verified account. */
  recorded(summary: string): string;
  /** Not verified yet: it will be recorded once they are. */
  noted(summary: string): string;
  /** Nothing specific could be read: the words are kept for our team. */
  recordedUnclear(): string;
  notedUnclear(): string;
  channels(channels: readonly ContactChannel[]): string;
  before(time: string): string;
  after(time: string): string;
  between(from: string, to: string): string;
  days(days: readonly Weekday[]): string;
  weekdays(): string;
  weekends(): string;
  place(place: 'work' | 'home'): string;
  noChannel(channel: ContactChannel): string;
  fine(channels: readonly ContactChannel[]): string;
  timeZone(zone: string): string;
  join(parts: readonly string[]): string;
}

const catalogues: Record<Language, ContactPreferenceCatalogue> = { en: contactPreferenceEn, es: contactPreferenceEs };

export function contactPreferenceMessagesFor(language: string | undefined): ContactPreferenceCatalogue {
  return isLanguage(language) ? catalogues[language] : catalogues.en;
}

function clock(text: ContactPreferenceCatalogue, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return dateTimeFormat(text.locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 1, (h ?? 0) % 24, m ?? 0));
}

function windowPhrase(text: ContactPreferenceCatalogue, w: ContactWindow): string {
  if (w.from === '00:00') return text.before(clock(text, w.to));
  if (w.to === '24:00') return text.after(clock(text, w.from));
  return text.between(clock(text, w.from), clock(text, w.to));
}

/** "no calls before 9:00 AM; not on Sundays; not at work; texts are fine". */
export function summarizeContactPreference(text: ContactPreferenceCatalogue, p: ContactPreference): string {
  const parts: string[] = [];
  const who = text.channels(p.channels);
  for (const w of p.avoidTimes) parts.push(`${who} ${windowPhrase(text, w)}`);
  const days = [...p.avoidDays].sort((a, b) => WEEK.indexOf(a) - WEEK.indexOf(b));
  if (days.length > 0) {
    const phrase = days.join() === 'mon,tue,wed,thu,fri' ? text.weekdays() : days.join() === 'sun,sat' ? text.weekends() : text.days(days);
    parts.push(`${who} ${phrase}`);
  }
  for (const place of p.avoidPlaces) parts.push(`${who} ${text.place(place)}`);
  for (const channel of p.avoidChannels) parts.push(text.noChannel(channel));
  if (p.preferChannels.length > 0) parts.push(text.fine(p.preferChannels));
  if (p.timeZone && p.avoidTimes.length > 0) parts.push(text.timeZone(p.timeZone));
  return text.join(parts);
}

const WEEK: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
