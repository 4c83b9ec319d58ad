/**
 * The check run on an officer's draft reply before it is sent to the debtor. Pure, no I/O.
 *
 * It looks for, in English and Spanish (case and accents ignored):
 * - no_disclosure: the officer's first message in a conversation about a verified account does not
 *   say it is from a debt collector (12 CFR 1006.18(e)). Not asked for when `account` is null: to
 *   someone not verified, "debt collector" already says that a debt exists (1006.6(d)).
 * - legal_threat: suit, court, judgment, garnishment, liens, arrest, police, referral to our
 *   attorneys or "our lawyers will…". Negated wording ("we will not sue you", "no puede ser arrestado") is not a threat,
 *   and neither is the debtor's own attorney ("please have your attorney call us"). Blocking on a
 *   time-barred account (1006.26(b): never threaten suit there); elsewhere a warning, because a
 *   threat is lawful only when the action is intended and allowed (1692e(5), 1006.18(c)(5)).
 * - amount_mismatch: a money amount that is none of `knownAmounts` and that the creditor's policy
 *   (`policy`) does not allow for this balance: an installment amount inside the plan limits, a
 *   settlement at or above the floor — under the hardship limits when the account has hardship
 *   recorded (an amount that only hardship allows says so). A number counts as money when
 *   it has a currency sign or word ("$20", "US$ 20", "20 dollars"), a decimal part ("1085.50") or
 *   thousands separators ("1,085", "1.085,00"); plain integers, dates, times, phone and account
 *   numbers, percentages and counts ("30 days") are not amounts. Zero is always allowed.
 * - card_number: a card number (the same Luhn-based detector that redacts debtors' messages).
 *   BLOCKING: an officer must never send a card number, so the draft has to be edited. Its
 *   excerpt is left out so the number is not copied anywhere; every other check reads the text
 *   with card numbers already removed.
 * - pressure: words that are always pressure ("last chance", "final notice", "act now",
 *   "última oportunidad", "aviso final", an offer that "expires" — not a payment that "vence" on a
 *   date) are flagged at any time: false urgency is deceptive (FDCPA 1692e(10), 1692f). While the
 *   validation period is open (or not started), deadlines that overshadow the debtor's rights are
 *   flagged too (1006.38(b)): time words that are often innocent ("today", "right now", "by
 *   Friday", "hoy") count only in a sentence about paying or an offer, so "How can I help you
 *   today?" passes and "Pay today" does not. Reassurance ("you don't have to pay today", "no hay
 *   prisa") is not pressure. Not blocking.
 *
 * Warnings come in the order of REPLY_WARNING_CODES, at most one per code, with the first excerpt
 * (taken from the officer's own text, so the console can highlight it).
 */
import { parseDecimalAmount } from './money.ts';
import { evaluateOffer } from './negotiation.ts';
import type { Frequency, NegotiationPolicy } from './policy.ts';
import { redactCardNumbers } from './redaction.ts';
import { isValidationPeriodOpen } from './validationPeriod.ts';

export type ReplyWarningCode = 'no_disclosure' | 'legal_threat' | 'amount_mismatch' | 'card_number' | 'pressure';

/** The order warnings are returned in. */
export const REPLY_WARNING_CODES: readonly ReplyWarningCode[] = ['no_disclosure', 'legal_threat', 'amount_mismatch', 'card_number', 'pressure'];

export interface ReplyWarning {
  code: ReplyWarningCode;
  message: string;
  blocking: boolean;
  /** the words that triggered it */
  excerpt?: string;
}

export interface ReplyCheckContext {
  isFirstOfficerMessage: boolean;
  account: { currency: string; timeBarred: boolean; validationPeriodEndsAt: Date | null } | null; // null: debtor not verified / no account
  /** Amounts in minor units the officer may mention (balance, itemization figures, plan/installment/settlement amounts, payments) */
  knownAmounts: number[];
  /** The creditor's policy for this account: amounts inside it pass. Absent: only knownAmounts pass. */
  policy?: PolicyContext | null;
  now: Date;
}

export interface PolicyContext {
  policy: NegotiationPolicy;
  /** Current balance, minor units. */
  balance: number;
  currency: string;
  /** Hardship is recorded on the account: the hardship limits apply. */
  hardship: boolean;
  /** YYYY-MM-DD in the debtor's zone. */
  today: string;
}

/** What an amount is offered as, read from its sentence: a settlement, a plan's payment (maybe at a frequency), or either. */
export interface AmountUse {
  kinds: Array<'settlement' | 'installments'>;
  frequency?: Frequency;
}

const EITHER: AmountUse = { kinds: ['settlement', 'installments'] };

/**
 * True when the policy lets the creditor offer `minor` for this balance: the balance itself, an
 * installment amount of a plan inside the limits (at the frequency named, or any allowed one), or
 * a settlement at or above the floor.
 */
export function policyAllowsAmount(minor: number, ctx: PolicyContext, use: AmountUse = EITHER, hardship = ctx.hardship): boolean {
  if (!Number.isSafeInteger(minor) || minor <= 0 || ctx.balance <= 0 || minor > ctx.balance) return false;
  if (minor === ctx.balance) return true;
  const negotiation = { policy: ctx.policy, hardship, balance: ctx.balance, currency: ctx.currency, today: ctx.today };
  if (use.kinds.includes('settlement') && evaluateOffer({ kind: 'settlement', amount: minor }, negotiation).outcome === 'accept') return true;
  if (!use.kinds.includes('installments')) return false;
  const frequencies = use.frequency ? [use.frequency] : ctx.policy.frequencies;
  return frequencies.some((frequency) => evaluateOffer({ kind: 'installments', amount: minor, frequency }, negotiation).outcome === 'accept');
}

const SETTLEMENT_CUES = /\b(?:settle\w*|lump[\s-]+sum|one[\s-]+(?:time|off)\s+payment|liquid\w*|pago\s+unico|un\s+solo\s+pago)\b/;
const INSTALLMENT_CUES =
  /\b(?:(?:a|per|each|every|al|por|cada)\s+(?:month|week|two\s+weeks|other\s+week|mes|semana|dos\s+semanas|quincena)|monthly|weekly|biweekly|fortnightly|mensual\w*|semanal\w*|quincenal\w*|installments?|cuotas?|plan(?:es)?|plazos?)\b/;

/** How `sentence` (folded) uses its amounts. */
function amountUse(sentence: string): AmountUse {
  const settlement = SETTLEMENT_CUES.test(sentence);
  const installments = INSTALLMENT_CUES.test(sentence);
  if (settlement === installments) return EITHER;
  if (settlement) return { kinds: ['settlement'] };
  const frequency: Frequency | undefined = /\b(?:two\s+weeks|other\s+week|biweekly|fortnightly|dos\s+semanas|quincen\w*)\b/.test(sentence)
    ? 'biweekly'
    : /\b(?:week|weekly|semana\w*|semanal\w*)\b/.test(sentence)
      ? 'weekly'
      : /\b(?:month|monthly|mes|mensual\w*)\b/.test(sentence)
        ? 'monthly'
        : undefined;
  return { kinds: ['installments'], ...(frequency ? { frequency } : {}) };
}

// ─── Folding: lower case, no accents, plain quotes and dashes, with a map back to the original ───

interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`: the start and end of the original character it came from. */
  from: number[];
  to: number[];
}

function fold(original: string): Folded {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const ch of original) {
    const folded = ch
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[\u2018\u2019\u201B\u2032`´]/g, "'")
      .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/\s/g, ' ');
    for (let k = 0; k < folded.length; k++) {
      from.push(offset);
      to.push(offset + ch.length);
    }
    text += folded;
    offset += ch.length;
  }
  return { text, from, to };
}

/** The original characters behind folded text [start, end). */
function excerptOf(original: string, folded: Folded, start: number, end: number): string {
  return original.slice(folded.from[start] ?? 0, folded.to[end - 1] ?? original.length).trim();
}

interface Hit {
  start: number;
  end: number;
}

// ─── Negation and sentences ─────────────────────────────────────────────────────────────────────

const NEGATIONS = new Set([
  'not', 'never', 'no', "won't", "can't", 'cannot', "don't", "doesn't", "didn't", "isn't", "aren't", "wouldn't", "shouldn't", "couldn't",
  "wont", "cant", "dont", "doesnt", "wouldnt", 'nunca', 'jamas', 'tampoco', 'ni', 'nor',
]);
/** After a negation these make it part of the threat: "we won't hesitate to sue", "don't make us take legal action". */
const NEGATION_BREAKERS = new Set(['hesitate', 'dudaremos', 'dudar', 'make', 'force', 'let', 'obligue', 'obliguen', 'haga', 'hagas', 'wait']);
/** A new subject after the negation starts another clause: "if you don't pay we will sue". */
const SUBJECTS = new Set(['we', 'they', 'i', "we'll", "they'll", "i'll", 'nosotros', 'ellos']);
const CONDITIONS = new Set(['if', 'unless', 'si', 'when', 'cuando', 'until', 'hasta']);

/** True when the words just before `start`, in the same clause, negate what follows. */
function isNegated(text: string, start: number): boolean {
  const clause = text.slice(Math.max(0, start - 80), start).split(/[,.;:!?\n()]|\b(?:but|pero|and|so|then|entonces|or|otherwise|sino)\b/).pop() ?? '';
  const words = clause.match(/[a-z']+/g) ?? [];
  const window = words.slice(-4);
  let at = window.length - 1;
  while (at >= 0 && !NEGATIONS.has(window[at] ?? '')) at--;
  if (at < 0) return false;
  const after = window.slice(at + 1);
  if (after.some((w) => NEGATION_BREAKERS.has(w) || SUBJECTS.has(w))) return false;
  const before = words.slice(0, words.length - window.length + at).slice(-3);
  return !before.some((w) => CONDITIONS.has(w));
}

/** [start, end) of each sentence of the folded text. Dots between digits ("$1,085.00") do not end one. */
function sentences(text: string): Hit[] {
  const out: Hit[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?;]+(?=\s|$)|\n+/g)) {
    out.push({ start, end: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function firstHit(text: string, patterns: RegExp[], accept: (hit: Hit) => boolean = () => true): Hit | undefined {
  let best: Hit | undefined;
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      // The matched words proper may follow a lookbehind-free lead-in captured as group "lead".
      const lead = m.groups?.lead?.length ?? 0;
      const hit = { start: m.index + lead, end: m.index + m[0].length };
      if (!accept(hit)) continue;
      if (!best || hit.start < best.start || (hit.start === best.start && hit.end > best.end)) best = hit;
      break;
    }
  }
  return best;
}

// ─── Disclosure ─────────────────────────────────────────────────────────────────────────────────

const DISCLOSURE = [
  /\bdebt[\s-]+collector/,
  /\bcollect(?:ing)?\s+(?:a|the|this|your|on\s+a)\s+debt\b/,
  /\bcobrador(?:a|es|as)?\s+de\s+deudas?\b/,
  /\bcobrar\s+(?:una|la|esta|su)\s+deuda\b/,
];

// ─── Legal threats ──────────────────────────────────────────────────────────────────────────────

const ATTORNEY = "(?:attorneys?|lawyers?|law\\s+firm|legal\\s+(?:department|team|counsel))";
const LEGAL_THREATS = [
  // English
  /(?<lead>(?:\b(?:will|to|may|might|could|can|would|shall|must|we|they)|'ll)\s+)(?:sue|suing)\b/g,
  /\b(?:sue|suing)\s+(?:you|u|your|for|him|her|them)\b/g,
  /\bsued\b/g,
  /\b(?:law\s*suits?|litigation|legal\s+(?:action|actions|proceedings?|steps|measures))\b/g,
  /\b(?:file|filing|bring|bringing)\s+(?:a\s+)?suit\b/g,
  /\bcourts?\b/g,
  /\b(?:a|the|default|court|money)\s+judge?ments?\b/g,
  /\bgarnish\w*/g,
  /\b(?:liens?|levy|levies|warrants?|arrest\w*|jail|prison|incarcerat\w*|sheriff|prosecut\w*|criminal\s+charges|press\s+charges)\b/g,
  /\bpolice\b(?!\s+report)/g,
  /\b(?:seize|seizing|seizure|repossess\w*)\b/g,
  new RegExp(`\\b(?:refer|send|forward|turn|hand|pass|assign|place|transfer)(?:s|ed|ing|red|ring)?\\s+(?:\\w+\\s+){0,3}(?:to|with)\\s+(?:our|an?|the|their|its)\\s+(?:collection\\s+)?${ATTORNEY}`, 'g'),
  new RegExp(`\\bour\\s+${ATTORNEY}\\s+(?:will|would|may|might|could|can|shall|are\\s+going\\s+to|is\\s+going\\s+to)\\b`, 'g'),
  new RegExp(`(?:\\bwe\\s+(?:will|would|may|might|could|can|shall|are\\s+going\\s+to)|\\bwe'll)\\s+(?:\\w+\\s+){0,4}(?<!your\\s|you\\s|su\\s)${ATTORNEY}`, 'g'),
  // Spanish
  /\bdemand(?:a|as|ar|are|aremos|ara|aran|arlo|arla|arle|arte|arlos|arles|ado|ada|amos|en|e)\b/g,
  /\bembarg\w*/g,
  /\b(?:tribunal(?:es)?|juzgados?|juicio|carcel|prision|policia|arrest\w*)\b/g,
  /(?<!\bfecha\s+de\s)\bcortes?\b/g,
  /\b(?:acci(?:on|ones)|medidas?|procesos?|procedimientos?|vias?)\s+(?:legal(?:es)?|judicial(?:es)?)\b/g,
  /\bnuestros?\s+(?:abogados?|despacho|departamento\s+(?:legal|juridico))\s+(?:\w+\s+)?(?:va|van|podria|podrian|puede|pueden|\w+(?:ara|aran|era|eran|ira|iran))\b/g,
  /\b(?:pasar|enviar|mandar|remitir|turnar|referir|transferir)\w*\s+(?:\w+\s+){0,3}(?:a|al)\s+(?:nuestros?|los|un|el)\s+(?:abogados?|despacho|departamento\s+(?:legal|juridico))\b/g,
  /\b(?:quitar|retener|embargar)\w*\s+(?:su\s+|el\s+|la\s+|tu\s+)?(?:casa|carro|auto|coche|propiedad|propiedades|sueldo|salario|bienes)\b/g,
];

// ─── Pressure ───────────────────────────────────────────────────────────────────────────────────

const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|noon|midnight)';
const DIA = '(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|mediodia|medianoche)';
/** Pressure wherever it appears. */
const PRESSURE_ALWAYS = [
  /\b(?:last|final)\s+(?:chance|opportunity|notice|offer|warning|demand)\b/g,
  /\blimited[\s-]+time\b/g,
  /\b(?:before\s+it(?:'s|\s+is)\s+too\s+late|too\s+late)\b/g,
  /\bact\s+(?:now|fast|quickly|today|immediately)\b/g,
  /\burgent(?:ly)?\b/g,
  /\bhurry\b/g,
  /\bnow\s+or\s+never\b/g,
  /\b(?:offer|deal|discount)\s+(?:ends|is\s+only\s+(?:valid|good|available))\b/g,
  /\bimmediate\s+action\b/g,
  /\btime\s+is\s+running\s+out\b/g,
  /\b(?:ultima|unica)\s+oportunidad\b/g,
  /\b(?:aviso|oferta|advertencia)\s+final\b/g,
  /\b(?:ultimo\s+aviso|ultima\s+(?:advertencia|notificacion))\b/g,
  /\bahora\s+o\s+nunca\b/g,
  /\bse\s+(?:le\s+)?(?:acaba|agota)\s+el\s+tiempo\b/g,
  /\b(?:por\s+)?tiempo\s+limitado\b/g,
  /\bantes\s+de\s+que\s+sea\s+(?:demasiado\s+)?tarde\b/g,
  /\bactue\s+(?:ya|ahora|hoy)\b/g,
  /\burgente(?:mente)?\b/g,
  // An offer that expires is pressure; a payment that falls due or a pay link that lapses is a fact.
  /(?<!\b(?:payments?|installments?|links?|cards?|pagos?|cuotas?|enlaces?|tarjetas?)\s+(?:\S+\s+){0,3})\b(?:expir(?:e|es|ed|ing|ation)|vence|vencera|vencen|expira|expirara|caduca|caducara)\b/g,
];
/** Pressure only in a sentence about paying or an offer. */
const PRESSURE_IN_PAYMENT_CONTEXT = [
  /\b(?:today|tonight|right\s+(?:now|away)|immediately|asap|as\s+soon\s+as\s+possible|deadline)\b/g,
  /\b(?:pay|settle)\s+(?:it\s+|this\s+|that\s+|up\s+)?now\b|\bpague\s+(?:ya|ahora)\b/g,
  new RegExp(`\\b(?:by|before|until)\\s+(?:this\\s+|next\\s+)?(?:${DAY}|the\\s+end\\s+of\\s+(?:the\\s+)?(?:day|week|month)|end\\s+of\\s+(?:the\\s+)?(?:day|week|month)|eod|\\d{1,2}(?::\\d{2})?\\s*(?:am|pm))\\b`, 'g'),
  /\b(?:within|in\s+the\s+next)\s+(?:\d+|one|two|three|24|48|72)\s+(?:hours?|days?)\b/g,
  /\b(?:hoy(?:\s+mismo)?|ahora\s+mismo|inmediatamente|de\s+inmediato|cuanto\s+antes|lo\s+antes\s+posible)\b/g,
  new RegExp(`\\b(?:para|antes\\s+del?|hasta\\s+el)\\s+(?:este\\s+|el\\s+)?${DIA}\\b`, 'g'),
  /\b(?:dentro\s+de|en\s+las\s+proximas)\s+\d+\s+(?:horas|dias)\b/g,
];
const PAYMENT_WORDS =
  /\$|\b(?:pay|pays|paying|payment|payments|paid|payoff|offer|offers|offered|settle\w*|discount\w*|deal|due|pag(?:o|os|ar|ue|ues|a|as|ando|ado|arlo|arla|ara|aria)|oferta\w*|descuento\w*|liquid(?:ar|acion|e)\w*)\b/;
const REASSURANCE =
  /\b(?:no\s+(?:rush|pressure|hurry|need)|(?:do\s+not|don't|dont|does\s+not|doesn't)\s+(?:have|need)\s+to|take\s+your\s+time|no\s+(?:tiene|necesita)\s+que|no\s+hay\s+(?:prisa|apuro)|sin\s+(?:prisa|presion)|tomese\s+(?:su\s+)?tiempo|tome\s+su\s+tiempo)\b/;

// ─── Amounts ────────────────────────────────────────────────────────────────────────────────────

// Groups: prefix (currency sign/code), number, k (thousands), word (currency word after).
const MONEY =
  /(?<prefix>(?:\bus\s?\$|\$|€|£|\b(?:usd|eur|mxn)(?=[\s\d]))\s?)?(?<number>\d{1,3}(?:(?<sep>[.,])\d{3})(?:\k<sep>\d{3})*(?:(?!\k<sep>)[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?![\d]|[.,]\d)(?<k>k\b)?(?<word>\s*(?:dollars?|dolares|dolar|usd|bucks|euros?|pesos|cents|centavos)\b)?/g;
const NOT_MONEY_AFTER =
  /^(?:[a-z]|\s*(?:%|percent|por\s*ciento|am\b|pm\b|a\.m\.|p\.m\.|hrs?\b|h\b|horas?\b|hours?\b|minutes?\b|minutos?\b|days?\b|dias?\b|weeks?\b|semanas?\b|months?\b|meses\b|mes\b|years?\b|anos?\b|payments?\b|pagos?\b|cuotas?\b|installments?\b|miles?\b|km\b|times\b|veces\b))/;
const ACCOUNT_LABEL_BEFORE = /(?:account|acct|cuenta|number|numero|ref|reference|referencia|id|no\.?|#)\s*(?:number|no\.?|#|numero)?\s*(?:is|es|:)?\s*#?\s*$/;

interface AmountMention {
  minor: number;
  start: number;
  end: number;
}

/** "1,085.00" / "1.085,00" / "1085.5" -> "1085.00" / "1085.00" / "1085.5" (a plain decimal). */
function plainDecimal(number: string, thousandsSeparator: string | undefined): string {
  if (thousandsSeparator) {
    const decimalSeparator = thousandsSeparator === ',' ? '.' : ',';
    const [integer = '', fraction] = number.split(decimalSeparator);
    return integer.split(thousandsSeparator).join('') + (fraction !== undefined ? `.${fraction}` : '');
  }
  return number.replace(',', '.');
}

function toMinor(decimal: string, currency: string): number | null {
  for (const code of [currency, 'USD']) {
    try {
      return parseDecimalAmount(decimal, code);
    } catch {
      // Unknown currency code: read it as a two-decimal currency; too many decimals: not an amount.
    }
  }
  return null;
}

function moneyMentions(text: string, currency: string): AmountMention[] {
  const out: AmountMention[] = [];
  for (const m of text.matchAll(MONEY)) {
    const { prefix, number = '', sep, k, word } = m.groups ?? {};
    const start = m.index;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(start + m[0].length);
    const marked = prefix !== undefined || word !== undefined;
    if (/[\p{L}\p{N}_]$/u.test(before) && !(prefix && /^\$/.test(prefix))) continue; // "A1001", "x2.50"
    if (!marked) {
      if (/[.,#]$|[\p{L}\p{N}]-$/u.test(before)) continue; // "A-1001", "404-555", "v1.2.3"
      if (!sep && !/[.,]/.test(number)) continue; // a plain integer is not taken for money
      if (ACCOUNT_LABEL_BEFORE.test(before)) continue;
      if (!k && NOT_MONEY_AFTER.test(after)) continue;
    }
    let minor: number | null;
    if (word !== undefined && /cent/.test(word)) {
      minor = /^\d+$/.test(number) ? Number(number) : null;
    } else {
      minor = toMinor(plainDecimal(number, sep), currency);
      if (minor !== null && k) minor *= 1000;
    }
    if (minor === null || !Number.isSafeInteger(minor)) continue;
    out.push({ minor, start, end: start + m[0].length });
  }
  return out;
}

// ─── The check ──────────────────────────────────────────────────────────────────────────────────

function quoteList(items: string[]): string {
  const quoted = items.map((s) => `"${s}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** The warnings for an officer's draft `text`, in REPLY_WARNING_CODES order, one per code. */
export function checkReply(text: string, ctx: ReplyCheckContext): ReplyWarning[] {
  const warnings = new Map<ReplyWarningCode, ReplyWarning>();
  const cards = redactCardNumbers(text);
  // Everything below reads the text without card numbers, so no excerpt can contain one.
  const original = cards.text;
  const folded = fold(original);
  const f = folded.text;
  const excerpt = (hit: Hit) => excerptOf(original, folded, hit.start, hit.end);

  if (ctx.isFirstOfficerMessage && ctx.account !== null && !DISCLOSURE.some((re) => re.test(f))) {
    warnings.set('no_disclosure', {
      code: 'no_disclosure',
      blocking: false,
      message:
        'Your first message must say that it is from a debt collector, e.g. "This is Dana with Summit Recovery Services, a debt collector." ' +
        '(in Spanish: "…, un cobrador de deudas."). Add it before sending.',
    });
  }

  const threat = firstHit(f, LEGAL_THREATS, (hit) => !isNegated(f, hit.start));
  if (threat) {
    const words = excerpt(threat);
    const timeBarred = ctx.account?.timeBarred === true;
    warnings.set('legal_threat', {
      code: 'legal_threat',
      blocking: timeBarred,
      excerpt: words,
      message: timeBarred
        ? `"${words}" threatens or suggests legal action, and this account is time-barred: it can never be sued on (12 CFR 1006.26(b)). Remove it; this message cannot be sent as written.`
        : `"${words}" threatens or suggests legal action. Say it only if the creditor has decided on that action and it is lawful (FDCPA 1692e(5)); otherwise remove it.`,
    });
  }

  const currency = ctx.account?.currency ?? 'USD';
  const known = new Set(ctx.knownAmounts);
  const policy = ctx.account === null ? null : (ctx.policy ?? null);
  const sentenceSpans = sentences(f);
  const useOf = (a: AmountMention) => {
    const span = sentenceSpans.find((s) => a.start >= s.start && a.start < s.end);
    return span ? amountUse(f.slice(span.start, span.end)) : EITHER;
  };
  const unknown = moneyMentions(f, currency).filter((a) => a.minor !== 0 && !known.has(a.minor) && !(policy && policyAllowsAmount(a.minor, policy, useOf(a))));
  if (unknown.length > 0) {
    const amounts = [...new Set(unknown.map((a) => excerpt(a)))];
    const one = amounts.length === 1;
    // Amounts the hardship terms would allow, on an account without hardship recorded.
    const hardshipOnly = policy !== null && !policy.hardship && unknown.every((a) => policyAllowsAmount(a.minor, policy, useOf(a), true));
    warnings.set('amount_mismatch', {
      code: 'amount_mismatch',
      blocking: false,
      excerpt: amounts[0],
      message:
        ctx.account === null
          ? `${quoteList(amounts)}: there is no verified account here to check ${one ? 'this amount' : 'these amounts'} against. Do not discuss amounts before the debtor is verified.`
          : hardshipOnly
            ? `${quoteList(amounts)} ${one ? 'fits' : 'fit'} the creditor's hardship terms only, and no hardship is recorded on this account. If the debtor told you of hardship, record it first; otherwise check the figure.`
            : `${quoteList(amounts)} ${one ? 'is not an amount' : 'are not amounts'} on this account (balance, itemization, plans, payments) or inside the creditor's policy for this balance. Check the figure before sending.`,
    });
  }

  if (cards.found) {
    warnings.set('card_number', {
      code: 'card_number',
      blocking: true,
      message: 'This message contains a card number. Never send card numbers: remove it. To take a payment, send the debtor a secure payment link.',
    });
  }

  const rightsOpen = isValidationPeriodOpen(ctx.account?.validationPeriodEndsAt ?? null, ctx.now);
  const always = firstHit(f, PRESSURE_ALWAYS, (hit) => !isNegated(f, hit.start));
  let inContext: Hit | undefined;
  if (rightsOpen) {
    for (const sentence of sentenceSpans) {
      const s = f.slice(sentence.start, sentence.end);
      if (!PAYMENT_WORDS.test(s) || REASSURANCE.test(s)) continue;
      const hit = firstHit(s, PRESSURE_IN_PAYMENT_CONTEXT, (h) => !isNegated(s, h.start));
      if (hit) {
        inContext = { start: sentence.start + hit.start, end: sentence.start + hit.end };
        break;
      }
    }
  }
  const pressure = [always, inContext].filter((h): h is Hit => h !== undefined).sort((a, b) => a.start - b.start)[0];
  if (pressure) {
    const words = excerpt(pressure);
    warnings.set('pressure', {
      code: 'pressure',
      blocking: false,
      excerpt: words,
      message: rightsOpen
        ? `"${words}" pressures the debtor while the validation period is still open: no deadlines, expiring offers or urgency until it ends (12 CFR 1006.38(b)). Remove it.`
        : `"${words}" pressures the debtor: false urgency, a "final" notice or an expiring offer the creditor has not set is deceptive (FDCPA 1692e(10), 1692f). Remove it.`,
    });
  }

  return REPLY_WARNING_CODES.flatMap((code) => {
    const warning = warnings.get(code);
    return warning ? [warning] : [];
  });
}
