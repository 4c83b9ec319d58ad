import type { ContactPreferenceCatalogue } from './contactPreference.ts';

const DAY = { sun: 'domingos', mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábados' } as const;
const NOUN = { call: 'llamadas', text: 'mensajes de texto', email: 'correos electrónicos' } as const;
const list = (items: readonly string[], last = 'ni') => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`);

export const contactPreferenceEs: ContactPreferenceCatalogue = {
  locale: 'es-US',
  recorded: (summary) => `Gracias, anoté cómo y cuándo podemos comunicarnos con usted: ${summary}. Lo vamos a respetar.`,
  noted: (summary) => `Gracias, anotaré cómo y cuándo podemos comunicarnos con usted (${summary}) en cuanto confirme su identidad.`,
  recordedUnclear: () => 'Gracias, anoté lo que nos dijo sobre cómo y cuándo comunicarnos con usted, y nuestro equipo lo va a respetar.',
  notedUnclear: () => 'Gracias. Anotaré lo que nos dijo sobre cómo y cuándo comunicarnos con usted en cuanto confirme su identidad.',
  channels: (channels) => `sin ${channels.length === 0 ? 'contacto' : list(channels.map((c) => NOUN[c]))}`,
  before: (time) => `antes de las ${time}`,
  after: (time) => `después de las ${time}`,
  between: (from, to) => `entre las ${from} y las ${to}`,
  days: (days) => `los ${list(days.map((d) => DAY[d]))}`,
  weekdays: () => 'entre semana',
  weekends: () => 'los fines de semana',
  place: (place) => (place === 'work' ? 'en su trabajo' : 'al teléfono de su casa'),
  noChannel: (channel) => `sin ${NOUN[channel]}`,
  fine: (channels) => `${list(channels.map((c) => NOUN[c]), 'y')} está bien`,
  timeZone: (zone) => `(hora ${zone})`,
  join: (parts) => parts.join('; '),
};
