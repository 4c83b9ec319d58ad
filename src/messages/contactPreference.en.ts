import type { ContactPreferenceCatalogue } from './contactPreference.ts';

const DAY = { sun: 'Sundays', mon: 'Mondays', tue: 'Tuesdays', wed: 'Wednesdays', thu: 'Thursdays', fri: 'Fridays', sat: 'Saturdays' } as const;
const NOUN = { call: 'calls', text: 'texts', email: 'emails' } as const;
const list = (items: readonly string[], last = 'or') => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`);

export const contactPreferenceEn: ContactPreferenceCatalogue = {
  locale: 'en-US',
  recorded: (summary) => `Thank you, I have noted how and when we may contact you: ${summary}. We will keep to it.`,
  noted: (summary) => `Thank you, I will note how and when we may contact you (${summary}) as soon as I have confirmed who you are.`,
  recordedUnclear: () => 'Thank you, I have noted what you said about how and when to contact you, and our team will keep to it.',
  notedUnclear: () => 'Thank you. I will note what you said about how and when to contact you as soon as I have confirmed who you are.',
  channels: (channels) => `no ${channels.length === 0 ? 'contact' : list(channels.map((c) => NOUN[c]))}`,
  before: (time) => `before ${time}`,
  after: (time) => `after ${time}`,
  between: (from, to) => `between ${from} and ${to}`,
  days: (days) => `on ${list(days.map((d) => DAY[d]))}`,
  weekdays: () => 'on weekdays',
  weekends: () => 'on weekends',
  place: (place) => (place === 'work' ? 'at your work' : 'at your home number'),
  noChannel: (channel) => `no ${NOUN[channel]}`,
  fine: (channels) => `${list(channels.map((c) => NOUN[c]), 'and')} are fine`,
  timeZone: (zone) => `(${zone} time)`,
  join: (parts) => parts.join('; '),
};
