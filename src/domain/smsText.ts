/**
 * SMS text rules, pure: keyword classification (STOP/START/HELP), GSM-7 / UCS-2 segment counting,
 * and shaping a text into the message(s) it goes out as.
 */

// ---------------------------------------------------------------------------------------------
// Keywords

export type SmsKeyword = 'opt_out' | 'opt_in' | 'help';

/**
 * Opt-out words: the carrier-standard STOP, END, CANCEL, UNSUBSCRIBE, QUIT, STOPALL, plus REVOKE
 * and OPT OUT, which the FCC's 2024 TCPA revocation rule (47 CFR 64.1200(a)(12)) lists as
 * per-se valid revocations when sent as a reply to a text — and their Spanish equivalents (BAJA,
 * ALTO, PARAR, DETENER, CANCELAR): the rule accepts any reasonable means, and a Spanish speaker's
 * one-word reply is one.
 */
export const OPT_OUT_KEYWORDS: readonly string[] = ['STOP', 'END', 'CANCEL', 'UNSUBSCRIBE', 'QUIT', 'STOPALL', 'REVOKE', 'OPTOUT', 'OPT OUT', 'OPT-OUT', 'BAJA', 'ALTO', 'PARAR', 'DETENER', 'CANCELAR'];
export const OPT_IN_KEYWORDS: readonly string[] = ['START', 'UNSTOP'];
export const HELP_KEYWORDS: readonly string[] = ['HELP', 'INFO', 'AYUDA'];
const SPANISH_KEYWORDS: ReadonlySet<string> = new Set(['BAJA', 'ALTO', 'PARAR', 'DETENER', 'CANCELAR', 'AYUDA']);

function keywordOf(body: string | null | undefined): string {
  return (body ?? '')
    .trim()
    .replace(/[.!\s]+$/u, '')
    .replace(/\s+/gu, ' ')
    .toUpperCase();
}

/** A keyword said in Spanish ("BAJA"): its confirmation is in Spanish, whatever the account's language. */
export function isSpanishKeyword(body: string | null | undefined): boolean {
  return SPANISH_KEYWORDS.has(keywordOf(body));
}

/**
 * The keyword a whole message is, or null. Case-insensitive; surrounding whitespace and trailing
 * "." or "!" are ignored ("Stop." opts out), anything else is not a keyword ("stop please" goes
 * to the bot, which understands it as a request to stop contact).
 */
export function classifyKeyword(body: string | null | undefined): SmsKeyword | null {
  const word = keywordOf(body);
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

/** One SMS segment on its own: 160 GSM-7 septets or 70 UCS-2 code units. */
export const SINGLE_SEGMENT: Readonly<Record<SmsEncoding, number>> = { 'GSM-7': 160, 'UCS-2': 70 };
/** Per segment of a concatenated SMS (the 6-byte header takes the rest): 153 GSM-7, 67 UCS-2. */
export const CONCATENATED_SEGMENT: Readonly<Record<SmsEncoding, number>> = { 'GSM-7': 153, 'UCS-2': 67 };
/**
 * The most segments one outbound message may take (Twilio accepts up to 1600 characters and the
 * phone shows the segments as one message). Longer text becomes several messages.
 */
export const MAX_SEGMENTS_PER_MESSAGE = 10;

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

/** How the network carries `text`: its encoding, its length in that encoding and its segments. */
export function smsSegments(text: string): { encoding: SmsEncoding; length: number; segments: number } {
  const encoding = smsEncoding(text);
  const length = smsLength(text, encoding);
  const segments = length <= SINGLE_SEGMENT[encoding] ? 1 : Math.ceil(length / CONCATENATED_SEGMENT[encoding]);
  return { encoding, length, segments };
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
  /** Appended once (after a line break) to the message, e.g. the debt-collector + STOP footer. */
  footer?: string;
}

/**
 * The outbound messages `text` goes as. Normally one message: the carrier splits it into segments
 * (160/153 GSM-7, 70/67 UCS-2 characters) and the phone joins them again, so the reader sees one
 * message, never a sentence cut in two, and the footer once at its end. Only text longer than
 * {@link MAX_SEGMENTS_PER_MESSAGE} segments becomes several messages "(1/2) …", "(2/2) …", broken
 * at sentence boundaries (line breaks are boundaries too), else between words — a word, so a link,
 * is never broken; the footer goes once, on the last.
 */
export function splitSms(text: string, options: SplitOptions = {}): string[] {
  const body = text.replace(/[ \t]+\n/g, '\n').trim();
  const footer = options.footer?.trim() ?? '';
  const suffix = footer ? `${body ? '\n' : ''}${footer}` : '';
  const encoding = smsEncoding(body + suffix);
  const length = (s: string) => smsLength(s, encoding);
  const limit = CONCATENATED_SEGMENT[encoding] * MAX_SEGMENTS_PER_MESSAGE;
  if (length(body + suffix) <= limit) return [body + suffix];

  // The numbering prefix "(i/n) " grows with the number of messages: pack, and repack if it grew.
  const suffixLength = footer ? length(`\n${footer}`) : 0;
  let digits = 1;
  for (;;) {
    const prefixLength = `(${'9'.repeat(digits)}/${'9'.repeat(digits)}) `.length;
    const chunks = pack(body, limit - prefixLength - suffixLength, length);
    if (chunks.length <= 1) return [body + suffix];
    if (String(chunks.length).length <= digits) {
      return chunks.map((chunk, i) => `(${i + 1}/${chunks.length}) ${chunk}${i === chunks.length - 1 && footer ? `\n${footer}` : ''}`);
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
