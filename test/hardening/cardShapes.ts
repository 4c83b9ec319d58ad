/**
 * The redaction corpus: card numbers as debtors actually type them (issue 10 item 3, DESIGN 12).
 * Every shape is a message (or several, for a number split over messages) and the strings that
 * must never be found in storage afterwards.
 */

/** Luhn-valid test numbers of every length and network we might meet. */
export const CARDS = {
  visa: '4265459154174437',
  mastercard: '5555555555554444',
  mastercard2: '2223003122003222',
  amex: '378282246310005',
  discover: '6011111111111117',
  diners: '30569309025904',
  diners2: '36227206271667',
  jcb: '3530111333300000',
  maestro: '6759649826438453',
  visa13: '4222222222222',
  visa19: '4000000000000000006',
  unionpay19: '6212345678900200009',
} as const;

export interface CardShape {
  name: string;
  /** The messages the debtor sends, in order. */
  messages: string[];
  /** Strings that must not be stored anywhere (digits in every spelling the debtor used). */
  forbidden: string[];
}

function groups(digits: string, sizes: number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) out.push(digits.slice(at));
  return out;
}

const fours = (digits: string) => groups(digits, Array(Math.ceil(digits.length / 4)).fill(4));
const FULL_WIDTH = (digits: string) => [...digits].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
const ARABIC_INDIC = (digits: string) => [...digits].map((d) => String.fromCharCode(0x0660 + Number(d))).join('');
const DEVANAGARI = (digits: string) => [...digits].map((d) => String.fromCharCode(0x0966 + Number(d))).join('');

/** A shape written as `text`: neither the typed form nor the bare digits may be stored. */
function typed(name: string, digits: string, text: string, around = (t: string) => t): CardShape {
  return { name, messages: [around(text)], forbidden: [text, digits] };
}

const sentence = (t: string) => `ok here is my card ${t} please charge it`;

export const CARD_SHAPES: CardShape[] = [
  // Every network, together, with spaces and with dashes
  ...Object.entries(CARDS).flatMap(([network, digits]) => [
    typed(`${network} plain`, digits, digits),
    typed(`${network} in groups of four`, digits, fours(digits).join(' '), sentence),
    typed(`${network} dashed`, digits, fours(digits).join('-')),
  ]),
  typed('amex 4-6-5', CARDS.amex, groups(CARDS.amex, [4, 6, 5]).join(' '), sentence),
  typed('diners 4-6-4', CARDS.diners, groups(CARDS.diners, [4, 6, 4]).join(' ')),
  // Separators that slipped through
  typed('dots', CARDS.visa, fours(CARDS.visa).join('.'), sentence),
  typed('slashes', CARDS.visa, fours(CARDS.visa).join('/'), sentence),
  typed('backslashes', CARDS.mastercard, fours(CARDS.mastercard).join('\\')),
  typed('underscores', CARDS.discover, fours(CARDS.discover).join('_')),
  typed('commas', CARDS.jcb, fours(CARDS.jcb).join(',')),
  typed('three spaces', CARDS.visa, fours(CARDS.visa).join('   '), sentence),
  typed('five spaces', CARDS.mastercard, fours(CARDS.mastercard).join('     ')),
  typed('tabs', CARDS.visa, fours(CARDS.visa).join('\t')),
  typed('non-breaking spaces', CARDS.visa, fours(CARDS.visa).join('\u00a0'), sentence),
  typed('narrow no-break spaces', CARDS.amex, groups(CARDS.amex, [4, 6, 5]).join('\u202f')),
  typed('thin spaces', CARDS.discover, fours(CARDS.discover).join('\u2009')),
  typed('ideographic spaces', CARDS.jcb, fours(CARDS.jcb).join('\u3000')),
  typed('zero-width spaces', CARDS.visa, fours(CARDS.visa).join('\u200b')),
  typed('soft hyphens', CARDS.maestro, fours(CARDS.maestro).join('\u00ad')),
  typed('newlines', CARDS.visa, fours(CARDS.visa).join('\n')),
  typed('CRLF', CARDS.mastercard, fours(CARDS.mastercard).join('\r\n')),
  typed('blank lines', CARDS.visa13, groups(CARDS.visa13, [4, 4, 5]).join('\n\n')),
  typed('en dashes', CARDS.visa, fours(CARDS.visa).join('–')),
  typed('em dashes', CARDS.mastercard2, fours(CARDS.mastercard2).join('—')),
  typed('minus signs', CARDS.diners2, groups(CARDS.diners2, [4, 6, 4]).join('\u2212')),
  typed('spaced dashes', CARDS.visa, fours(CARDS.visa).join(' - ')),
  typed('spaced slashes', CARDS.jcb, fours(CARDS.jcb).join(' / ')),
  typed('mixed separators', CARDS.visa, `${fours(CARDS.visa)[0]}.${fours(CARDS.visa)[1]} ${fours(CARDS.visa)[2]}-${fours(CARDS.visa)[3]}`),
  typed('pairs of digits', CARDS.discover, groups(CARDS.discover, [2, 2, 2, 2, 2, 2, 2, 2]).join(' ')),
  // Other digit scripts
  typed('full-width digits', FULL_WIDTH(CARDS.visa), FULL_WIDTH(CARDS.visa), sentence),
  typed('full-width in groups', FULL_WIDTH(CARDS.visa), fours(CARDS.visa).map(FULL_WIDTH).join(' ')),
  typed('full-width with full-width dashes', FULL_WIDTH(CARDS.mastercard), fours(CARDS.mastercard).map(FULL_WIDTH).join('－')),
  typed('Arabic-Indic digits', ARABIC_INDIC(CARDS.visa), ARABIC_INDIC(CARDS.visa)),
  typed('Devanagari digits', DEVANAGARI(CARDS.amex), DEVANAGARI(CARDS.amex)),
  typed('half full-width', CARDS.visa, `${fours(CARDS.visa).slice(0, 2).join(' ')} ${fours(CARDS.visa).slice(2).map(FULL_WIDTH).join(' ')}`),
  // Glued to words and punctuation, with other numbers around
  typed('glued to a word', CARDS.visa, `card${CARDS.visa}`),
  typed('after a colon', CARDS.mastercard, `card:${CARDS.mastercard},thanks`),
  typed('in parentheses', CARDS.amex, `(${CARDS.amex})`),
  typed('followed by a phone number', CARDS.discover, `${fours(CARDS.discover).join(' ')} call 404 555 0100`),
  typed('after an amount', CARDS.visa, `pay $1,085.00 with ${fours(CARDS.visa).join(' ')}`),
  // Expiry and security code next to the card
  { name: 'expiry and cvv', messages: [`${fours(CARDS.visa).join(' ')} exp 07/31 cvv 913`], forbidden: [CARDS.visa, '07/31', 'cvv 913'] },
  { name: 'bare expiry and code', messages: [`${CARDS.mastercard} 07/2031 9137`], forbidden: [CARDS.mastercard, '07/2031', ' 9137'] }, // the code as typed (after a space): a bare 4-digit needle also turns up by chance in ids and timestamps
  { name: 'Spanish expiry and code', messages: [`mi tarjeta ${fours(CARDS.visa).join(' ')} vence 07/31 código de seguridad 913`], forbidden: [CARDS.visa, '07/31', 'seguridad 913'] },
  { name: 'two cards in one message', messages: [`${CARDS.visa} or ${fours(CARDS.mastercard).join('-')}`], forbidden: [CARDS.visa, CARDS.mastercard] },
  // Split over messages
  { name: 'split over two messages', messages: ['4265 4591', '5417 4437'], forbidden: [CARDS.visa, '4265 4591', '5417 4437'] },
  { name: 'split with words before', messages: ['my card is 4265.4591', '5417.4437'], forbidden: [CARDS.visa, '4265.4591', '5417.4437'] },
  { name: 'split over three messages', messages: ['5555', '5555 5555', '4444'], forbidden: [CARDS.mastercard, '5555 5555'] },
  { name: 'split amex', messages: ['3782 822463', '10005'], forbidden: [CARDS.amex, '3782 822463'] },
];
