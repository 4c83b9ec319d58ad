/**
 * Reads a debtor's payment offer from a message. Pure. It works from the DETERMINISTIC recognizer's
 * result (money with its period, count of payments, dates with a year) plus a little parsing of its
 * own for what those entities do not carry:
 * - which amount is a first payment: "200 now and the rest over 6 months", "100 down and 50 a month";
 * - the frequency in words: "weekly", "every two weeks", "monthly", "over 12 weeks", "cada quincena";
 * - start dates without a year: "starting the 15th", "on the 1st", "December 15", "15 de enero",
 *   "el 15", "tomorrow" — the next such date on or after today; a month alone ("starting in
 *   January", "desde enero") or "next month" is the 1st of that month, "next week" a week from today;
 * - amounts that are not offered: a payment already made ("I already paid $300 in March") or one
 *   the debtor cannot make ("can't pay $400 right now");
 * - a bare amount ("600", "$75.50") as an answer;
 * - "cancel plan" / "cancelar mi plan" / "stop my payments".
 * Words about money never come from a language model.
 */
import { normalizeText } from '../nlu/deterministicRecognizer.ts';
import type { Intent, Recognition } from '../nlu/recognizer.ts';
import { frequencyFromPer, type Offer } from '../domain/negotiation.ts';
import { addCalendarDays, daysBetween, isIsoDate } from '../domain/plans.ts';
import type { Frequency } from '../domain/policy.ts';

export interface ParseContext {
  /** YYYY-MM-DD */
  today: string;
  /** The offer being discussed: a message that only changes the date or frequency amends it. */
  previous?: Offer;
}

export interface ParsedMessage {
  offer: Offer | null;
  /** The debtor asks to cancel an agreed plan. */
  cancelPlan: boolean;
  /** The debtor asked for a start ("starting…", "from…") that names no date the parser could read. */
  startUnread?: boolean;
  /**
   * A settlement asked in parts ("1750 now and 1750 on jan 5"): a settlement is one payment. With
   * no settlement on the table yet, `offer` is the settlement asked for.
   */
  splitsSettlement?: boolean;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9,
  octubre: 10, noviembre: 11, diciembre: 12, dic: 12,
};
const MONTH_ALT = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
/** Day of the week (0 = Sunday), English and Spanish (accents stripped). */
const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6,
};
const WEEKDAY_ALT = Object.keys(WEEKDAYS).join('|');

const CANCEL_PLAN =
  /\b(cancel|cancelar|cancela|cancele|stop|end|terminate|anular|detener|parar|suspender)\b(?:\s+\w+){0,3}\s+\b(plan|payment plan|payments|installments|autopay|automatic payments|plan de pagos|pagos|cuotas|pagos automaticos)\b/;
/** "if I'm late, does the plan get cancelled?": a question about what happens, not a request to cancel (review 4, D05). */
const CONSEQUENCE_QUESTION =
  /\b(if (i|we) (miss|am late|are late|pay late|skip|can not pay|do not pay)|what happens|si me atraso|si me retraso|si no pago|si falto|si me salto|si no puedo pagar|que pasa|se cancela|se cancelaria|will (it|the plan|my plan) (be |get )?cancel\w*|does (it|the plan|my plan) (be |get )?cancel\w*|would (it|the plan|my plan) (be |get )?cancel\w*)\b/;
const REST_WORDS = /\b(the rest|rest of it|remaining|remainder|what is left|the balance|el resto|lo que queda|lo demas|el saldo|lo restante)\b/;
const BIWEEKLY = /\b(biweekly|bi weekly|every (two|2|other) weeks?|each (two|2|other) weeks?|fortnightly|every fortnight|quincenal|quincenales|quincenalmente|cada quincena|a la quincena|por quincena|cada (dos|2) semanas|cada quince dias)\b/;
const WEEKLY = /\b(weekly|every week|each week|a week|per week|semanal|semanales|semanalmente|cada semana|por semana|a la semana)\b/;
const MONTHLY = /\b(monthly|every month|each month|a month|per month|mensual|mensuales|mensualmente|cada mes|al mes|por mes)\b/;
const COUNT_IN_WEEKS = /\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce) (weeks|semanas)\b/;
/** Intents that talk about paying. */
export const PAYMENT_INTENTS: readonly Intent[] = ['pay', 'pay_full', 'settle', 'plan'];
type InstallmentsOffer = Extract<Offer, { kind: 'installments' }>;
/** The first payment is made now: a date in the same message is the regular payments' ("200 now and the rest on the 1st"). */
const NOW_WORDS = /\b(now|today|right now|right away|ahora|ahorita|hoy)\b/;
/** A date said of the regular payments, or of the first one ("the first of the month" is a day, not the first payment). */
const REGULAR_PAYMENTS = /\b(the rest|the others?|other (?:payments|ones)|monthly ones|weekly ones|payments|installments|each month|every month|monthly|cuotas|mensualidades|los demas|las demas|los otros|las otras|el resto|cada mes)\b/;
const FIRST_PAYMENT = /\b(?:first|primer|primera)\b(?! (?:of|de)\b)|\b(down payment|down|initial|upfront|up front|enganche|inicial)\b/;
const SPLIT_WORDS = /\b(split|in (?:2|two|3|three) (?:parts|payments|pieces|halves)|(?:2|two) payments|half now|halves|en (?:2|dos|3|tres) (?:partes|pagos)|dividir|dividirlo|(?:2|dos) pagos|la mitad)\b/;
const START_WORDS = /\b(start|starts|starting|begin|beginning|from|first payment|empezar|empezando|comenzar|comenzando|a partir|desde|primer pago)\b/;
/** "I already paid $300", "paid 300 in March", "can't (even) pay $400", "there's no way I can do 200", "no puedo (ni) pagar 400", "no puedo ni 10": amounts that are not offered. */
const NOT_OFFERED =
  /\b(?:already (?:paid|sent|made)|i paid|paid|have paid|ya (?:pague|pagamos|di|envie)|pague|can not (?:even |really |possibly )*(?:pay|afford|do)|no way (?:that )?(?:i|we) (?:can|could) (?:ever |even |possibly )*(?:pay|afford|do)|de ninguna manera (?:puedo|podemos) (?:pagar|dar)|could not (?:even )?(?:pay|afford|do)|unable to (?:pay|afford)|no puedo(?: ni)?(?: pagar| dar)(?: ni)?|no puedo ni|no alcanzo a pagar|ya no (?:ofrezco|ofrezo|doy|pago)|no longer (?:offering|offer)|not offering)\s+(?:you\s+|them\s+|a payment of\s+|un pago de\s+)?(?:us\s*)?\$?\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g;
/**
 * The one number of a short message ("and with 2500?", "¿y con 2500?"): 2 to 4 digits, or more
 * with a $ or thousands commas (a bare five-digit number is a ZIP code, not an amount).
 */
const LONE_AMOUNT = /^[^\d$]{0,30}?(?:\$\s?(\d{1,3}(?:,\d{3})+|\d{2,6})|(\d{1,3}(?:,\d{3})+|\d{2,4}))(?:\.(\d{1,2}))?[^\d]{0,20}$/;
/** An amount after a word that names it ("los 670", "pay 840", "con 2500") — not a day ("el 15") nor a day of a month. */
const NAMED_AMOUNT = new RegExp(`\\b(?:los|las|the|pago|pagar|pay|do|take|con|with|of|de|por)\\s+(?:\\$\\s?)?(?:(\\d{1,3}(?:,\\d{3})+|\\d{2,6}))()(?:\\.(\\d{2}))?\\b(?!\\s*(?:st|nd|rd|th|de (?:${MONTH_ALT})|(?:${MONTH_ALT})|pagos|payments|meses|months|semanas|weeks|dias|days)\\b)`);
const PAST_PAYMENT_CLAUSE = /\b(?:already paid|i paid|we paid|paid|ya pagu[eé]|pagu[eé])(?!\p{L})[^,.;?!¿]*/giu;
const BARE_AMOUNT = /^\s*(?:\$|us\$|usd)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*(?:dollars?|bucks|usd|dolares|dolar)?\s*[.!]?\s*$/i;

const PAYMENT_OPTIONS =
  /\b(payment|paying|pay|pago|pagos) (options?|choices|plans|opciones|alternativas)\b|\b(options?|choices|opciones|alternativas|ways) (to|for|of|de|para) (pay|paying|pagar|pago|settle|settling|resolve|resolver)\b|\bhow (can|could|do|would) (i|we) (pay|settle|resolve|take care of) (this|it|the debt|the balance|my debt|my balance)\b|\bcomo (puedo|podemos) (pagar|hacer un pago|resolver (esto|la deuda|mi deuda))\b/;

/** "what are my payment options", "ways to pay", "opciones de pago": the options, not a specific offer. */
export function asksForPaymentOptions(text: string): boolean {
  return PAYMENT_OPTIONS.test(normalizeText(text));
}

/** "cancel plan", "cancelar mi plan", "stop my payments". */
export function asksToCancelPlan(text: string): boolean {
  const normalized = normalizeText(text);
  return CANCEL_PLAN.test(normalized) && !CONSEQUENCE_QUESTION.test(normalized);
}

/** The offer a message makes, if any, and whether it asks to cancel a plan. */
export function parseOfferMessage(text: string, recognition: Recognition, context: ParseContext): ParsedMessage {
  const normalized = normalizeText(text);
  const cancelPlan = CANCEL_PLAN.test(normalized) && !CONSEQUENCE_QUESTION.test(normalized);
  if (cancelPlan) return { offer: null, cancelPlan };
  const parsed = parseOffer(text, normalized, recognition, context);
  const dated = parsed.offer && (parsed.offer.kind === 'installments' ? (parsed.offer.firstDate ?? parsed.offer.installmentsFrom) : parsed.offer.date);
  return parsed.offer && !dated && START_WORDS.test(normalized) ? { ...parsed, startUnread: true } : parsed;
}

/** Amounts (minor units) the message names as paid already or as impossible, not as offers. */
function notOffered(text: string): number[] {
  const folded = text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’']/g, '').replace(/\bcant\b|\bcannot\b/g, 'can not').replace(/\bcouldnt\b/g, 'could not');
  return [...folded.matchAll(NOT_OFFERED)].map((m) => Number(`${(m[1] ?? '').replaceAll(',', '')}${(m[2] ?? '').padEnd(2, '0')}`));
}

function parseOffer(text: string, normalized: string, recognition: Recognition, context: ParseContext): ParsedMessage {
  const cancelPlan = false;
  const intents = new Set(recognition.intents);
  // "how does the 5000 add up": a question about the amount names it, never offers it (review 4, D22).
  if (intents.has('itemization') && !PAYMENT_INTENTS.some((i) => intents.has(i))) return { offer: null, cancelPlan };
  const entities = recognition.entities;
  const excluded = notOffered(text);
  // An amount named as paid or impossible takes out a lump sum of that amount first ("I paid 300, could
  // I do 300 a month?"), else the same amount per period ("there's no way I can do 200 a month").
  const drop = (periodic: boolean) => (m: (typeof entities.money)[number]) => {
    const i = (m.per !== undefined) === periodic ? excluded.indexOf(m.amount) : -1;
    if (i < 0) return true;
    excluded.splice(i, 1);
    return false;
  };
  const money = entities.money.filter(drop(false)).filter(drop(true));
  // "I already paid $300 in March": the month of a payment made is not a start date.
  const asked = startDate(normalizeText(text.replace(PAST_PAYMENT_CLAUSE, ' ')), recognition, context.today);
  // "make it the 4th of each month" with a plan starting in January: the 4th of January, not of this month (review 10, 10).
  const startOnTable = context.previous && (context.previous.kind === 'installments' ? context.previous.firstDate : context.previous.date);
  const saidDay = afterCorrection(normalized);
  const dayOnly = /\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:el|del) (?:dia )?\d{1,2}\b/.test(saidDay) && !new RegExp(`\\b(?:${MONTH_ALT}|next|proximo|siguiente|que viene|tomorrow|manana|week|semana)\\b|\\d{1,2}/\\d{1,2}`).test(saidDay);
  const date = asked && startOnTable && asked < startOnTable && dayOnly ? sameDayInMonthOf(startOnTable, asked) : asked;
  if (money.length === 0) {
    // "600" as an answer; "and with 2500?" while terms are being discussed (a number that is no date);
    // "esta bien los 2327.50 pero el 15": an amount named beside a date (review 4, D16).
    const lone = context.previous ? (!date ? LONE_AMOUNT.exec(text.replace(/¿/g, ' ')) : NAMED_AMOUNT.exec(text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, ''))) : null;
    const bare = BARE_AMOUNT.exec(text) ?? (lone ? [lone[0], lone[1] ?? lone[2], lone[3]] : null);
    if (bare) {
      const amount = Number(`${(bare[1] ?? '').replaceAll(',', '')}${(bare[2] ?? '').padEnd(2, '0')}`);
      if (Number.isSafeInteger(amount) && amount > 0) money.push({ amount });
    }
  }
  const frequency = frequencyOf(normalized, money);
  const count = entities.count;
  const periodic = money.find((m) => m.per !== undefined);
  const lumps = money.filter((m) => m.per === undefined);
  const mentionsRest = REST_WORDS.test(normalized);

  // "can i settle it in 2 payments, 1750 now and 1750 next month", "¿me hacen un descuento si lo pago en
  // dos partes?" with no settlement on the table yet: the settlement asked for (what the parts add up
  // to, when that is clear), to be told it is one payment — never a plan for the whole balance.
  // "1750 now and 1750 next month": the same amount said twice as two payments (not "i got 500 cash, would u take 500").
  const sameAmountTwice =
    lumps.length === 1 &&
    new RegExp(`(?<![\\d.,])${lumps[0]!.amount / 100}(?![\\d]|[.,]\\d)[^\\d]{0,25}\\b(and|then|y|luego|plus|mas)\\b (another |otros? )?${lumps[0]!.amount / 100}(?![\\d]|[.,]\\d) ?(next|in|on|at|the|el|en|la|later|after|despues|al|a fin|by|this|el proximo|on the)\\b`).test(normalized);
  if (intents.has('settle') && !context.previous && !periodic && (lumps.length > 1 || sameAmountTwice || (count !== undefined && count <= 3) || SPLIT_WORDS.test(normalized))) {
    const each = lumps.length === 1 && (sameAmountTwice || (count !== undefined && /\b(payments|installments|pagos|cuotas) (of|de) \d/.test(normalized)));
    const total = lumps.length > 1 ? lumps.reduce((sum, m) => sum + m.amount, 0) : each ? lumps[0]!.amount * (count ?? 2) : undefined;
    return { offer: withDate({ kind: 'settlement', ...(total !== undefined ? { amount: total } : {}) }, date), cancelPlan, splitsSettlement: true };
  }

  // An installment offer: an amount per period, a count, or a first payment and "the rest".
  if (periodic || count !== undefined || (lumps.length > 0 && mentionsRest)) {
    const offer: Extract<Offer, { kind: 'installments' }> = { kind: 'installments' };
    if (periodic) offer.amount = periodic.amount;
    const down = lumps[0];
    if (down && (periodic || count !== undefined || mentionsRest)) offer.downPayment = down.amount;
    if (!periodic && lumps.length > 1 && count === undefined) offer.amount = lumps[1]!.amount;
    const eachPayment = /\b(payments|installments|pagos|cuotas) (of|de) \d/.test(normalized);
    if (!periodic && count !== undefined && lumps.length === 1 && !mentionsRest && (eachPayment || !/\b(now|today|down|upfront|up front|first|ahora|hoy|de enganche|primero)\b/.test(normalized))) {
      // "6 payments of 200": the amount is each payment, not a first payment.
      delete offer.downPayment;
      offer.amount = down!.amount;
    }
    if (count !== undefined) offer.count = count;
    if (frequency) offer.frequency = frequency;
    if (context.previous?.kind === 'settlement' && !periodic && (lumps.length > 0 || (count !== undefined && count <= 3) || SPLIT_WORDS.test(normalized))) {
      // "1750 now and 1750 on jan 5" for the settlement just offered: never a plan for the whole balance.
      return { offer: null, cancelPlan, splitsSettlement: true };
    }
    const previous = context.previous?.kind === 'installments' ? context.previous : undefined;
    // "make it 150 a month": other regular payments keep the first payment already asked for.
    if (lumps.length === 0 && previous?.downPayment !== undefined) offer.downPayment = previous.downPayment;
    // "300 on dec 20 and then 150 a month on the 25th": a first payment and a day for each (review 4, D04).
    const sequence = periodic ? firstThenRegular(normalized, context.today) : undefined;
    if (sequence && (offer.downPayment !== undefined || sequence.downPayment !== undefined)) {
      offer.downPayment ??= sequence.downPayment;
      [offer.firstDate, offer.installmentsFrom] = sequence.days;
      return { offer, cancelPlan };
    }
    placeDate(offer, date, normalized, previous);
    return { offer, cancelPlan };
  }

  const amount = lumps[0]?.amount;
  if (amount !== undefined) {
    // "Settle for 1300", "pay it off with one payment of 1300": a one-off amount is judged as a
    // settlement (the whole balance or more is paying in full), never a full-balance recap.
    if (intents.has('settle') || intents.has('pay_full')) return { offer: withDate({ kind: 'settlement', amount }, date), cancelPlan };
    const previous = context.previous;
    if (previous?.kind === 'settlement' && SPLIT_WORDS.test(normalized)) return { offer: null, cancelPlan, splitsSettlement: true };
    if (previous?.kind === 'installments' || intents.has('plan') || frequency) {
      // A bare amount while a plan is being discussed is the amount of each payment; the first
      // payment and the days already asked for stay.
      const offer: Extract<Offer, { kind: 'installments' }> = { kind: 'installments', amount };
      const before = previous?.kind === 'installments' ? previous : undefined;
      const freq = frequency ?? before?.frequency;
      if (freq) offer.frequency = freq;
      if (before?.downPayment !== undefined && before.downPayment !== amount) offer.downPayment = before.downPayment;
      placeDate(offer, date, normalized, before);
      return { offer, cancelPlan };
    }
    // A one-off amount: a settlement offer (the whole balance or more is paying in full).
    return { offer: withDate({ kind: 'settlement', amount }, date), cancelPlan };
  }

  // "Can I settle it for less if I pay in one go?": a settlement, even with words of paying in full.
  if (context.previous?.kind === 'settlement' && SPLIT_WORDS.test(normalized)) return { offer: null, cancelPlan, splitsSettlement: true };
  if (intents.has('settle')) return { offer: withDate({ kind: 'settlement' }, date), cancelPlan };
  if (intents.has('pay_full')) return { offer: withDate({ kind: 'full' }, date), cancelPlan };
  const previous = context.previous;
  if ((date || frequency) && previous) return { offer: amend(previous, date, frequency, normalized), cancelPlan };
  if (intents.has('plan') || frequency) {
    const offer: Extract<Offer, { kind: 'installments' }> = { kind: 'installments' };
    if (frequency) offer.frequency = frequency;
    if (date) offer.firstDate = date;
    return { offer, cancelPlan };
  }
  return { offer: null, cancelPlan };
}

function withDate<T extends Offer>(offer: T, date: string | undefined): T {
  if (!date) return offer;
  return offer.kind === 'installments' ? { ...offer, firstDate: date } : { ...offer, date };
}

/**
 * The previous offer with a new start date and/or frequency (a new frequency drops the old amount).
 * After a first payment, a date said of the regular payments ("can the monthly ones be on the 1st"),
 * or any date when the first payment is today, moves the regular payments only.
 */
function amend(previous: Offer, date: string | undefined, frequency: Frequency | undefined, normalized: string): Offer {
  if (previous.kind !== 'installments') return withDate({ ...previous }, date);
  const next: Extract<Offer, { kind: 'installments' }> = { ...previous };
  if (frequency && frequency !== previous.frequency) {
    next.frequency = frequency;
    delete next.amount;
  }
  if (date) placeDate(next, date, normalized, previous);
  return next;
}

/**
 * Where a date said with installment terms goes. After a first payment made now ("300 down today
 * and 150 a month on the 20th"), or a date said of the regular payments ("los de 150 mejor el dia
 * 3"), it is the regular payments' day and the first payment stays; otherwise it is the first
 * payment's. With no date, the days already asked for stay ("mejor 200 cada 2 semanas entonces").
 */
function placeDate(offer: InstallmentsOffer, date: string | undefined, normalized: string, before?: InstallmentsOffer): void {
  if (!date) {
    if (before?.firstDate) offer.firstDate = before.firstDate;
    if (offer.downPayment !== undefined && before?.installmentsFrom) offer.installmentsFrom = before.installmentsFrom;
    return;
  }
  const firstIsNow = NOW_WORDS.test(normalized) || (before?.downPayment !== undefined && before.firstDate === undefined && !FIRST_PAYMENT.test(normalized));
  const ofRegular = offer.downPayment !== undefined && (firstIsNow || (!FIRST_PAYMENT.test(normalized) && REGULAR_PAYMENTS.test(normalized) && before?.downPayment !== undefined));
  if (!ofRegular) {
    offer.firstDate = date;
    return;
  }
  offer.installmentsFrom = date;
  if (before?.firstDate && !NOW_WORDS.test(normalized)) offer.firstDate = before.firstDate;
  else delete offer.firstDate;
}

function frequencyOf(normalized: string, money: Recognition['entities']['money']): Frequency | undefined {
  const per = money.find((m) => m.per !== undefined)?.per;
  if (per) return frequencyFromPer(per);
  if (BIWEEKLY.test(normalized)) return 'biweekly';
  if (WEEKLY.test(normalized) || COUNT_IN_WEEKS.test(normalized)) return 'weekly';
  if (MONTHLY.test(normalized) || /\b(\d{1,3}|[a-z]+) (months|meses)\b/.test(normalized)) return 'monthly';
  return undefined;
}

/** The first payment date the message asks for: the next such date on or after `today`. */
export function startDate(normalized: string, recognition: Recognition, today: string): string | undefined {
  // "on the 15th, no wait the 20th": the date after a correction is the one meant.
  const tail = afterCorrection(normalized);
  if (tail !== normalized) {
    const later = recognition.entities.dates.length > 1 ? recognition.entities.dates[recognition.entities.dates.length - 1] : undefined;
    const laterIso = later && `${String(later.year).padStart(4, '0')}-${String(later.month).padStart(2, '0')}-${String(later.day).padStart(2, '0')}`;
    const fromTail = startWithoutYear(tail, today) ?? (laterIso && isIsoDate(laterIso) && daysBetween(today, laterIso) >= 0 ? laterIso : undefined);
    if (fromTail) return fromTail;
  }
  const full = recognition.entities.dates[0];
  const fullIso = full && `${String(full.year).padStart(4, '0')}-${String(full.month).padStart(2, '0')}-${String(full.day).padStart(2, '0')}`;
  // A start date is never in the past: "dec 20" read as December 2020 is the coming December 20.
  if (fullIso && isIsoDate(fullIso) && daysBetween(today, fullIso) >= 0) return fullIso;
  return startWithoutYear(normalized, today) ?? (fullIso && isIsoDate(fullIso) ? fullIso : undefined);
}

/** What follows the last correction in the message ("…, no wait the 20th"), or all of it. */
function afterCorrection(normalized: string): string {
  const corrected = [...normalized.matchAll(CORRECTION)].pop();
  return corrected ? normalized.slice(corrected.index + corrected[0].length) : normalized;
}

/** The day of month of `day` in the month of the start `start` (`day` itself when that is no later date). */
function sameDayInMonthOf(start: string, day: string): string {
  const candidate = `${start.slice(0, 8)}${day.slice(8, 10)}`;
  return isIsoDate(candidate) && candidate >= start ? candidate : day;
}

/** Words that take back what was just said ("no wait", "mejor dicho"): a date after them replaces the one before. */
const CORRECTION = /\b(?:no wait|wait no|no no|actually|i mean|i meant|make (?:it|that)|or rather|no sorry|sorry i mean|scratch that|mejor dicho|quiero decir|digo|no espera|espera no|no mejor|perdon mejor|perdon no)\b/g;

/** "the 15th", "December 15", "15 de enero", "tomorrow", "next month", "in January": the next such date. */
function startWithoutYear(normalized: string, today: string): string | undefined {
  if (/\b(tomorrow|manana)\b/.test(normalized)) return addCalendarDays(today, 1);

  const monthDay = new RegExp(`\\b(${MONTH_ALT}) (\\d{1,2})(?:st|nd|rd|th)?\\b(?! (?:payments|months|weeks|pagos|meses))`).exec(normalized);
  if (monthDay) return nextMonthDay(today, MONTHS[monthDay[1]!]!, Number(monthDay[2]));
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of |de )?(${MONTH_ALT})\\b`).exec(normalized);
  if (dayMonth) return nextMonthDay(today, MONTHS[dayMonth[2]!]!, Number(dayMonth[1]));

  // "friday the 11th", "el viernes 11": the day of the month; "next friday", "el viernes": the coming one.
  const weekday = new RegExp(`\\b(${WEEKDAY_ALT})\\b(?: (?:the )?(\\d{1,2})(?:st|nd|rd|th)?\\b)?`).exec(normalized);
  if (weekday?.[2]) return nextDayOfMonth(today, Number(weekday[2]));

  const ordinal = /\b(?:the )?(\d{1,2})(?:st|nd|rd|th)\b/.exec(normalized) ?? /\b(?:el|del) (?:dia )?(\d{1,2})\b(?! (?:pagos|meses|semanas|dolares|por ciento))/.exec(normalized);
  // "el 19 que es viernes": the day of the month, the weekday only says which day it falls on.
  if (ordinal) return nextDayOfMonth(today, Number(ordinal[1]));
  if (weekday) return nextWeekday(today, WEEKDAYS[weekday[1]!]!);

  // "200 now and the rest starting in march": a month said as a start.
  const monthStart = new RegExp(`\\b(?:starting|start|beginning|begin|from|desde|a partir de|empezando en|empezando) (?:in )?(${MONTH_ALT})\\b`).exec(normalized);
  if (monthStart) return nextMonthDay(today, MONTHS[monthStart[1]!]!, 1);
  // "one now, one next month": "next month" is the second payment's, the first is today.
  if (/\b(now|today|right now|ahora|hoy)\b/.test(normalized)) return undefined;
  if (/\b(next month|the month after|(?:el|del) (?:proximo|siguiente) mes|(?:el|del) mes que viene|mes proximo)\b/.test(normalized)) return firstOfMonthAfter(today, 1);
  if (/\b(next week|la (?:proxima|siguiente) semana|la semana que viene)\b/.test(normalized)) return addCalendarDays(today, 7);
  const monthAlone = new RegExp(`\\b(?:in|from|starting|start|beginning|begin|after|en|desde|a partir de|empezando en|empezando|para) (${MONTH_ALT})\\b`).exec(normalized);
  // "i got laid off in oct": a month in the story of what happened, not a start (review 9, F4).
  if (monthAlone && !PAST_EVENT.test(normalized.slice(Math.max(0, monthAlone.index - 40), monthAlone.index))) return nextMonthDay(today, MONTHS[monthAlone[1]!]!, 1);
  return undefined;
}

/** Words of something that happened, right before "in <month>": the month is when it happened. */
const PAST_EVENT =
  /\b(laid off|got laid off|was laid off|fired|let go|lost (?:my|the|our) (?:job|work|house)|got sick|was sick|was in the hospital|had surgery|moved|happened|started|since|back|ago|born|died|passed away|paid|me corrieron|me despidieron|perdi (?:mi|el) (?:trabajo|empleo)|me enferme|pague|me quede sin trabajo)\b(?:(?! (?:can|could|would|will|puedo|podria)\b)[^|])*$/;

/**
 * "X on D1, then Y a month on D2": the first payment's day and the regular payments' day, when each
 * part names one, and the first part's amount (the money reader takes only "Y a month" there).
 */
function firstThenRegular(normalized: string, today: string): { days: [string, string]; downPayment?: number } | undefined {
  const at = /\b(?:and then|then|y luego|luego|y despues|despues)\b/.exec(normalized);
  if (!at) return undefined;
  const head = normalized.slice(0, at.index);
  const first = startWithoutYear(head, today);
  const rest = normalized.slice(at.index + at[0].length);
  const regular = first && startWithoutYear(rest, today);
  if (!first || !regular) return undefined;
  // "the 25th" after a first payment on Dec 20 is the 25th after it.
  const days: [string, string] = [first, daysBetween(first, regular) > 0 ? regular : (startWithoutYear(rest, addCalendarDays(first, 1)) ?? regular)];
  // The first number of the first part, unless it is a day ("dec 20", "el 1 de diciembre").
  const amount = new RegExp(`(?<!\\b(?:${MONTH_ALT}) )\\b(\\d{2,6})\\b(?! (?:de |of )?(?:${MONTH_ALT})\\b|st|nd|rd|th)`).exec(head);
  return amount ? { days, downPayment: Number(amount[1]) * 100 } : { days };
}

/** The next such day of the week after today ("friday" said on a Friday is next week's). */
function nextWeekday(today: string, day: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const current = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return addCalendarDays(today, ((day - current + 7) % 7) || 7);
}

/** The 1st of the month `months` after today's. */
function firstOfMonthAfter(today: string, months: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The next `day` of a month on or after today (a month without that day is skipped). */
function nextDayOfMonth(today: string, day: number): string | undefined {
  if (day < 1 || day > 31) return undefined;
  const [y, m] = today.split('-').map(Number) as [number, number];
  for (let i = 0; i < 13; i++) {
    const index = y * 12 + (m - 1) + i;
    const iso = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (isIsoDate(iso) && daysBetween(today, iso) >= 0) return iso;
  }
  return undefined;
}

/** The next `month`/`day` on or after today. */
function nextMonthDay(today: string, month: number, day: number): string | undefined {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1, year + 2]) {
    const iso = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (isIsoDate(iso) && daysBetween(today, iso) >= 0) return iso;
  }
  return undefined;
}
