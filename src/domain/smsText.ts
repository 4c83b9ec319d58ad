/**
 * SMS text rules, pure: keyword classification (STOP/START/HELP) and splitting long text into
 * numbered parts that each fit one SMS segment.
 */

// ---------------------------------------------------------------------------------------------
// Keywords

export type SmsKeyword = 'opt_out' | 'opt_in' | 'help';

/**
 * Opt-out words: the carrier-standard STOP, END, CANCEL, UNSUBSCRIBE, QUIT, STOPALL, plus REVOKE
 * and OPT OUT, which the FCC's 2024 TCPA revocation rule (47 CFR 64.1200(a)(12)) lists as
 * per-se valid revocations when sent as a reply to a text.
 */
export const OPT_OUT_KEYWORDS: readonly string[] = ['STOP', 'END', 'CANCEL', 'UNSUBSCRIBE', 'QUIT', 'STOPALL', 'REVOKE', 'OPTOUT', 'OPT OUT', 'OPT-OUT'];
export const OPT_IN_KEYWORDS: readonly string[] = ['START', 'UNSTOP'];
export const HELP_KEYWORDS: readonly string[] = ['HELP', 'INFO'];

/**
 * The keyword a whole message is, or null. Case-insensitive; surrounding whitespace and trailing
 * "." or "!" are ignored ("Stop." opts out), anything else is not a keyword ("stop please" goes
 * to the bot, which understands it as a request to stop contact).
 */
export function classifyKeyword(body: string | null | undefined): SmsKeyword | null {
  const word = (body ?? '')
    .trim()
    .replace(/[.!\s]+$/u, '')
    .replace(/\s+/gu, ' ')
    .toUpperCase();
  if (OPT_OUT_KEYWORDS.includes(word)) return 'opt_out';
  if (OPT_IN_KEYWORDS.includes(word)) return 'opt_in';
  if (HELP_KEYWORDS.includes(word)) return 'help';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Encoding and length

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** GSM 03.38 default alphabet (one septet each). */
const GSM_BASIC = new Set(
  Array.from('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'),
);
/** GSM 03.38 extension table (escape + character: two septets each). */
const GSM_EXTENDED = new Set(Array.from('^{}\\[~]|€\f'));

/** A part that fits in one SMS segment: 160 GSM-7 septets or 70 UCS-2 code units. */
export const SINGLE_SEGMENT: Readonly<Record<SmsEncoding, number>> = { 'GSM-7': 160, 'UCS-2': 70 };
/** Two concatenated segments (6-byte header each): used only when a footer leaves too little room. */
export const TWO_SEGMENTS: Readonly<Record<SmsEncoding, number>> = { 'GSM-7': 306, 'UCS-2': 134 };
/** Fewer characters than this per part beside the footer, and parts grow to two segments. */
const MIN_CONTENT_PER_PART = 40;

export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) {
    if (!GSM_BASIC.has(char) && !GSM_EXTENDED.has(char)) return 'UCS-2';
  }
  return 'GSM-7';
}

/** Length as the network counts it: septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
export function smsLength(text: string, encoding: SmsEncoding = smsEncoding(text)): number {
  if (encoding === 'UCS-2') return text.length;
  let septets = 0;
  for (const char of text) septets += GSM_EXTENDED.has(char) ? 2 : 1;
  return septets;
}

/**
 * Typographic characters outside GSM-7 with a plain equivalent inside it (like carriers' "smart
 * encoding"): one curly quote or bullet would otherwise turn a whole text into UCS-2, with 70
 * instead of 160 characters per part. Letters are never changed (Spanish "á" stays "á").
 */
const GSM_LOOKALIKES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u2022\u00B7\u2219\u25CF]/g, '*'],
  [/[\u00A0\u2007\u202F\u2009\u200A\u2002\u2003]/g, ' '],
  [/[\u200B\u200C\u200D\u2060\uFEFF]/g, ''],
];

export function toGsmLookalikes(text: string): string {
  return GSM_LOOKALIKES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

// ---------------------------------------------------------------------------------------------
// Splitting

export interface SplitOptions {
  /** Appended (after a line break) to every part, e.g. the debt-collector + STOP footer. */
  footer?: string;
}

/**
 * Splits `text` into SMS parts. Text that fits one segment (with the footer) is one part, unnumbered.
 * Longer text becomes parts "(1/3) …", "(2/3) …", each within one segment (160 GSM-7 / 70 UCS-2,
 * detected from the whole text), broken at sentence boundaries where possible (line breaks are
 * boundaries too), else between words; a word is never broken, so links stay whole (a link longer
 * than a part goes alone in an oversize part, which the carrier delivers as a concatenated SMS).
 * When a footer leaves fewer than 40 characters per part, parts may use two concatenated segments.
 * Every part carries the footer.
 */
export function splitSms(text: string, options: SplitOptions = {}): string[] {
  const body = text.replace(/[ \t]+\n/g, '\n').trim();
  const suffix = options.footer ? `${body ? '\n' : ''}${options.footer.trim()}` : '';
  const encoding = smsEncoding(body + suffix);
  const length = (s: string) => smsLength(s, encoding);
  if (length(body + suffix) <= SINGLE_SEGMENT[encoding]) return [body + suffix];

  const suffixLength = length(options.footer ? `\n${options.footer.trim()}` : '');
  let partLimit = SINGLE_SEGMENT[encoding];
  if (partLimit - suffixLength - '(99/99) '.length < MIN_CONTENT_PER_PART) partLimit = TWO_SEGMENTS[encoding];

  // The numbering prefix "(i/n) " grows with the number of parts: pack, and repack if it grew.
  let digits = 1;
  for (;;) {
    const prefixLength = `(${'9'.repeat(digits)}/${'9'.repeat(digits)}) `.length;
    const chunks = pack(body, partLimit - prefixLength - suffixLength, length);
    if (chunks.length <= 1) return [body + suffix];
    if (String(chunks.length).length <= digits) {
      const withFooter = options.footer ? `\n${options.footer.trim()}` : '';
      return chunks.map((chunk, i) => `(${i + 1}/${chunks.length}) ${chunk}${withFooter}`);
    }
    digits = String(chunks.length).length;
  }
}

interface Piece {
  text: string;
  /** The piece starts a new paragraph (joined with a line break, not a space). */
  paragraph: boolean;
}

/** Sentences (ending in . ! ? or …, before whitespace) of each paragraph. */
function sentences(body: string): Piece[] {
  const pieces: Piece[] = [];
  for (const paragraph of body.split(/\n+/)) {
    const trimmed = paragraph.trim();
    if (!trimmed) continue;
    // A sentence ends at . ! ? or … (maybe closed by a quote or bracket) before whitespace and the
    // start of a new sentence: a capital, a digit, an opening quote, ¿ or ¡ — not "(for example…".
    const parts = trimmed.split(/(?<=[.!?…]["')\]]?)\s+(?=[\p{Lu}\p{N}"'¿¡])/u).filter(Boolean);
    parts.forEach((sentence, i) => pieces.push({ text: sentence, paragraph: i === 0 && pieces.length > 0 }));
  }
  return pieces;
}

function pack(body: string, budget: number, length: (s: string) => number): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current) chunks.push(current);
    current = '';
  };
  const add = (text: string, joiner: string) => {
    if (!current) current = text;
    else if (length(current + joiner + text) <= budget) current += joiner + text;
    else {
      flush();
      current = text;
    }
  };
  for (const piece of sentences(body)) {
    const joiner = piece.paragraph ? '\n' : ' ';
    if (length(piece.text) <= budget) {
      add(piece.text, joiner);
      continue;
    }
    // A sentence longer than a part: start it on a fresh part and break it between words.
    flush();
    for (const word of piece.text.split(/\s+/).filter(Boolean)) {
      if (length(word) > budget) {
        flush();
        chunks.push(word); // never broken: a link stays whole
      } else {
        add(word, ' ');
      }
    }
    flush();
  }
  flush();
  return chunks;
}
