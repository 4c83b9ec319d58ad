/**
 * What a time preference says, as data: "don't call me before 9am, texts are fine" → calls avoided
 * 00:00–09:00, texts preferred; "only after 6pm" → preferred 18:00–24:00, so 00:00–18:00 avoided;
 * "not at work please" → work avoided; "can you only reach out on weekends" → Monday–Friday avoided.
 *
 * Read clause by clause over the normalised text (times kept: "5:30" → "5h30"). A clause is
 * negative ("don't", "no", "can't", "… are bad", "I'm in class until 3") or positive ("only",
 * "call me after", "… is fine", "… works"); an hour without am/pm is read the way people mean it
 * (before 9 → 9 am, after 6 → 6 pm, until 3 → 3 pm). Best effort: what cannot be read is left out,
 * and the debtor's words stay in the transcript for the officer.
 */
import { alternationOf, lexiconMap } from './lexicon.ts';
import type { ContactChannel, ContactPreference, ContactWindow, Weekday } from './recognizer.ts';
import { normalizeSegments } from './text/normalize.ts';

const DAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Day words (English, Spanish; plural and singular) → weekday, or "weekdays"/"weekends". */
const DAY_WORDS = lexiconMap('time/days');
const PERIODS = lexiconMap('time/periods');
const DAY_ALT = alternationOf('time/days');
const PERIOD_ALT = alternationOf('time/periods');

const HOUR = '(\\d{1,2})(?:h(\\d{2}))? ?(am|pm|a m|p m)?';
const TIME = `(?:(?:las|la|the) )?(?:${HOUR}|([01]\\d|2[0-3])([0-5]\\d)|(noon|midday|mediodia|midnight|medianoche))(?: (?:de la|in the|en la|por la) (manana|morning|tarde|afternoon|noche|night|evening))?`;

const BETWEEN = new RegExp(`\\b(?:between|entre|from|de) ${TIME} (?:and|y|to|a|till|until|hasta) ${TIME}`);
const EDGES = [
  [new RegExp(`\\b(?:before|antes de|antes de las|earlier than) ${TIME}`), 'before'],
  [new RegExp(`\\b(?:after|despues de|despues de las|a partir de|a partir de las|past|later than) ${TIME}`), 'after'],
  [new RegExp(`\\b(?:until|till|til|hasta|hasta las) ${TIME}`), 'until'],
] as const;
const PERIOD = new RegExp(`\\b(${PERIOD_ALT})\\b`, 'g');
const DAY = new RegExp(`\\b(${DAY_ALT})\\b`, 'g');
const NEGATIVE = /\b(not|no|never|nunca|nothing|nada|can not|unable|stop|quit|knock off|cut out|enough with|lay off|remove|take (?:me|this number|my number|this phone|my phone|my cell)(?: off)?|cancel|cancelar|unsubscribe|opt out|de baja|quit(?:en|e|a)me|saquenme|borrenme|dej(?:en|e|a) de|bad|worse|busy|asleep|sleep|sleeping|dormid[oa]|in class|at work|working|trabajo|driving|manejando|rough|do not work|does not work|no puedo|no me|wakes me)\b/;
const POSITIVE_ONLY = /\b(only|just|solo|solamente|nomas|nada mas|unicamente)\b/;
const CHANNEL_WORDS: Array<[RegExp, ContactChannel]> = [
  [/\b(call|calls|calling|called|phone|ring|llamen|llamenme|llamame|llame|llamar|llamadas|llamada|marquen|marque|marcar)\b/, 'call'],
  [/\b(text|texts|texting|txt|txts|txting|message|messages|messaging|msg|sms|mensaje|mensajes|escriban|escribir|escribirme|whatsapp|textos|texto|textees|texteen|textee|textear|textearme)\b/, 'text'],
  [/\b(email|emails|emailing|correo|correos|e mail|gmail|yahoo|hotmail|outlook)\b/, 'email'],
];
const FINE = /\b(fine|ok|okay|better|best|good|great|prefer|preferred|works|work for me|instead|you can|you may|feel free|bien|mejor|prefiero|sirve|en vez|en lugar|pueden|puede)\b/;
/** The phone itself named as the thing texted ("quit texting this phone"). */
const DEVICE = /\b(?:this|that|my|the|your|mi|este|ese) (?:work |office |personal |home |cell )?(?:phone|cell|number|telefono|celular|numero)\b/g;
/** "You can call but don't text": the two halves of a clause joined by "but" say opposite things. */
const BUT = / (?=\b(?:but|pero|though|aunque)\b)/;
/** "Mándenme correo en vez de mensajes": what comes after "instead of" is the channel refused. */
const INSTEAD_OF = /\b(?:en vez de|en lugar de|instead of|rather than) /g;
/** "by text not mail": a channel, then the one refused. */
const CHANNEL_NOT = /(?<=\b(?:text|texts|texting|sms|call|calls|phone|email|e mail|mensajes?|llamadas?|correo electronico)) (?:not|no) (?=(?:by |por )?(?:mail|letters?|post|paper|text|texts|calls?|phone|email|correo|cartas?|papel|mensajes?|llamadas?)\b)/g;
/** A channel asked for in so many words, in a clause that refuses nothing: "use my email", "escríbeme al correo". */
const ASKED_FOR = /\b(want|quiero|use|usa|usen|send|mandenme|envienme|mandame|enviame|escribeme|escribanme|email me|mail me|call me|text me|message me|write me|llamame|llamenme)\b/;

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes after midnight of a matched time, am/pm guessed from how it was used. */
function minutesOf(m: RegExpMatchArray, offset: number, use: 'before' | 'after' | 'until' | 'range-start' | 'range-end'): number | undefined {
  const [hour, minute, meridiem, milHour, milMinute, word, part] = m.slice(offset, offset + 7);
  if (word) return /midnight|medianoche/.test(word) ? 24 * 60 : 12 * 60;
  if (milHour !== undefined) return Number(milHour) * 60 + Number(milMinute);
  if (hour === undefined) return undefined;
  let h = Number(hour);
  if (h > 23) return undefined;
  const mins = Number(minute ?? 0);
  const pm = meridiem ? /p/.test(meridiem) : part ? /tarde|afternoon|noche|night|evening/.test(part) : undefined;
  if (pm === true && h < 12) h += 12;
  else if (pm === false && h === 12) h = 0;
  else if (pm === undefined && h < 12) {
    // before 9 → 9 am, before 3 → 3 pm; after 6 → 6 pm, after 11 → 11 am; until 3 → 3 pm; 8 to 5 → 8 am to 5 pm.
    const lastAfternoonHour = { after: 10, until: 7, 'range-end': 7, before: 5, 'range-start': 5 }[use];
    if (h <= lastAfternoonHour) h += 12;
  }
  return h * 60 + mins;
}

function addUnique<T>(list: T[], ...items: T[]): void {
  for (const item of items) if (!list.includes(item)) list.push(item);
}

function addWindow(list: ContactWindow[], from: number, to: number): void {
  if (to <= from) return;
  const w = { from: hhmm(from), to: hhmm(to) };
  if (!list.some((x) => x.from === w.from && x.to === w.to)) list.push(w);
}

function complement(list: ContactWindow[], from: number, to: number): void {
  addWindow(list, 0, from);
  addWindow(list, to, 24 * 60);
}

/** The contact preference a message states, or undefined when it states none. */
export function readContactPreference(text: string): ContactPreference | undefined {
  const pref: ContactPreference = { avoidTimes: [], preferTimes: [], avoidDays: [], preferDays: [], avoidPlaces: [], avoidChannels: [], preferChannels: [], channels: [] };
  const protectedTimes = text.replace(/(\d{1,2}):(\d{2})/g, '$1h$2');
  const { normalized, segments } = normalizeSegments(protectedTimes);
  const tz = /\b(pacific|eastern|central|mountain|hawaii|alaska|my time|local time|hora del (pacifico|este|centro)|mi hora)\b/.exec(normalized);
  if (tz) pref.timeZone = tz[1];

  // Each half of "texting is fine but only after 6pm" is a clause; a half that names no channel
  // is about the channel of the half before it (the limit is on texts, not on calls said earlier).
  const clauses = segments.flatMap(({ start, end }) => normalized.slice(start, end).replace(INSTEAD_OF, 'but not ').replace(CHANNEL_NOT, ' but not ').split(BUT));
  let before: ContactChannel[] = [];
  for (const clause of clauses) {
    const continues = /^\s*(but|pero|though|aunque)\b/.test(clause);
    const negative = NEGATIVE.test(clause) && !/\b(is|are|es|son|esta|estan) (fine|ok|okay|better|best|good|bien|mejor)\b/.test(clause);
    const only = POSITIVE_ONLY.test(clause);
    // "this phone", "my work cell": the device the words are about, not a call.
    const channelClause = clause.replace(DEVICE, ' ');
    const named = CHANNEL_WORDS.filter(([re]) => re.test(channelClause)).map(([, c]) => c);
    // "by text but not mail": a half about mail or paper is not about the channel before it.
    const aboutPaper = /\b(mail|letters?|post|paper|cartas?|papel|correo postal)\b/.test(channelClause);
    const channels = named.length === 0 && continues && !aboutPaper ? before : named;
    before = channels;
    const times: ContactWindow[] = negative ? pref.avoidTimes : pref.preferTimes;
    let sawTime = false;

    const between = BETWEEN.exec(clause);
    if (between) {
      const a = minutesOf(between, 1, 'range-start');
      const b = minutesOf(between, 8, 'range-end');
      if (a !== undefined && b !== undefined) {
        sawTime = true;
        if (!negative && only) complement(pref.avoidTimes, a, b);
        addWindow(times, a, b);
      }
    }
    for (const [re, use] of EDGES) {
      if (between) break;
      const m = re.exec(clause);
      if (!m) continue;
      const t = minutesOf(m, 1, use);
      if (t === undefined) continue;
      sawTime = true;
      if (use === 'after') {
        if (negative) addWindow(pref.avoidTimes, t, 24 * 60);
        else {
          addWindow(pref.preferTimes, t, 24 * 60);
          addWindow(pref.avoidTimes, 0, t);
        }
      } else if (use === 'before' && !negative && only) {
        addWindow(pref.preferTimes, 0, t);
        addWindow(pref.avoidTimes, t, 24 * 60);
      } else addWindow(negative || use === 'until' ? pref.avoidTimes : pref.preferTimes, 0, t);
    }
    // "I work nights", "trabajo de noche": when they are busy, not when to call.
    const periodClause = clause.replace(/\b(i work|work|working|trabajo|trabajo de|trabajo en la|shift|turno|on the|on|en el) (the )?(nights|night|noche|noches|days|day|dia|dias|mornings|evenings)( shift)?\b/g, ' ');
    for (const m of periodClause.matchAll(PERIOD)) {
      if (sawTime) break;
      const [from, to] = (PERIODS.get(m[1]!) ?? '').split('-').map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
      if (from === undefined || to === undefined || Number.isNaN(from)) continue;
      sawTime = true;
      if (!negative && only) complement(pref.avoidTimes, from, to);
      addWindow(negative ? pref.avoidTimes : pref.preferTimes, from, to);
    }
    const dayWords = [...clause.matchAll(DAY)].map((m) => DAY_WORDS.get(m[1]!) ?? '');
    const days = dayWords.flatMap((d) => (d === 'weekdays' ? DAYS.slice(1, 6) : d === 'weekends' ? ['sat', 'sun'] : [d])).filter((d): d is Weekday => DAYS.includes(d as Weekday));
    if (days.length > 0) {
      sawTime = true;
      if (negative) addUnique(pref.avoidDays, ...days);
      else {
        addUnique(pref.preferDays, ...days);
        if (only) addUnique(pref.avoidDays, ...DAYS.filter((d) => !days.includes(d)));
      }
    }
    let sawPlace = false;
    if (negative && /\b(work|job|office|workplace|employer|trabajo|oficina|chamba)\b/.test(clause) && !/\b(i work|after work|for work|trabajo de|work nights|at work 9)\b/.test(clause)) {
      addUnique(pref.avoidPlaces, 'work');
      sawPlace = true;
    }
    if (negative && /\b(home phone|landline|house phone|home number|casa)\b/.test(clause)) {
      addUnique(pref.avoidPlaces, 'home');
      sawPlace = true;
    }
    // Channels: "no calls", "texts are fine", "just text"; with a time or a place they say which contact it is about.
    if (channels.length > 0) {
      if (sawTime || sawPlace) addUnique(pref.channels, ...channels);
      else if (FINE.test(clause) || only) addUnique(pref.preferChannels, ...channels);
      else if (negative) addUnique(pref.avoidChannels, ...channels);
      else if (ASKED_FOR.test(clause)) addUnique(pref.preferChannels, ...channels);
    }
  }
  // "Only text" / "just text me": the other channels are to be avoided.
  if (pref.preferChannels.length > 0 && /\b(only|just|solo|nomas)\b/.test(normalized) && pref.channels.length === 0) {
    addUnique(pref.avoidChannels, ...(['call', 'text', 'email'] as const).filter((c) => !pref.preferChannels.includes(c) && c !== 'email'));
  }
  const said =
    pref.avoidTimes.length + pref.preferTimes.length + pref.avoidDays.length + pref.preferDays.length + pref.avoidPlaces.length + pref.avoidChannels.length + pref.preferChannels.length;
  return said > 0 ? pref : undefined;
}
