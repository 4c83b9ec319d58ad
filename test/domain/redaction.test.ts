import { describe, expect, it } from 'vitest';
import { CARD_PLACEHOLDER, luhnValid, maskIdentityFactors, redactCardAcrossMessages, redactCardNumbers, redactForStorage } from '../../src/domain/redaction.ts';

const X = CARD_PLACEHOLDER;

describe('luhnValid', () => {
  it.each([
    ['4242424242424242', true],
    ['4242424242424241', false],
    ['378282246310005', true],
    ['79927398713', true],
    ['79927398710', false],
    ['', false],
    ['4242 4242', false],
  ])('%s → %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });
});

describe('redactCardNumbers', () => {
  it.each<[string, string]>([
    // Visa, plain, spaced, dashed, inside a sentence
    ['4242424242424242', X],
    ['my card is 4242 4242 4242 4242 exp 12/26 cvc 123', `my card is ${X} exp [expiry removed] cvc [security code removed]`],
    ['here: 4242-4242-4242-4242, charge it', `here: ${X}, charge it`],
    ['pay with 4000056655665556 please', `pay with ${X} please`],
    // Mastercard, Discover, Amex 15 digits (4-6-5 grouping), Diners 14, a 19-digit Visa
    ['mc 5555 5555 5555 4444', `mc ${X}`],
    ['discover 6011111111111117.', `discover ${X}.`],
    ['amex 3782 822463 10005 ok', `amex ${X} ok`],
    ['amex 378282246310005', `amex ${X}`],
    ['diners 3056 9309 0259 04', `diners ${X}`],
    ['4111 1111 1111 1111 003', X],
    // glued to words and punctuation, a typo'd double space
    ['card:5105105105105100,thanks', `card:${X},thanks`],
    ['card4242424242424242', `card${X}`],
    ['4000  0566 5566 5556', X],
    // two cards; a card next to a phone number keeps the phone number
    ['4242424242424242 and 5555555555554444', `${X} and ${X}`],
    ['4242 4242 4242 4242 555 0100', `${X} 555 0100`],
  ])('%s', (input, output) => {
    expect(redactCardNumbers(input)).toEqual({ text: output, found: true });
  });

  it.each([
    '1234 5678 9012 3456', // 16 digits, not Luhn
    '4242 4242 4242 4241', // one digit off
    'call me at (404) 555-0100 or 404-555-0100',
    '+1 404 555 0100',
    'acct 55-0192, A-1001',
    'dob 4/12/1985',
    'I can pay $1,250.50 on 2024-03-14',
    'ssn 123-45-6789',
    'tracking 1Z999AA10123456784', // letters break it up
    '4242 4242 42', // too short
    '42424242424242424242424', // 23 digits in a row: not a card
    'no digits here',
  ])('leaves %s alone', (input) => {
    expect(redactCardNumbers(input)).toEqual({ text: input, found: false });
  });
});

describe('redactCardNumbers: a date with slashes beside other numbers is no card (fresh-eyes review 3, C24)', () => {
  it('"Ana Castillo, 19/08/1992, 60608" (Luhn-valid all together) keeps the birth date and ZIP', () => {
    expect(redactCardNumbers('Ana Castillo, 19/08/1992, 60608')).toEqual({ text: 'Ana Castillo, 19/08/1992, 60608', found: false });
  });
  it('a card beside such a date is still removed', () => {
    expect(redactCardNumbers('19/08/1992 and my card 4242 4242 4242 4242')).toEqual({ text: `19/08/1992 and my card ${X}`, found: true });
  });
});

describe('redactCardNumbers: the shapes that slipped through (issue 10 item 3, DESIGN 12)', () => {
  it.each<[string, string]>([
    ['dots', '4265.4591.5417.4437'],
    ['slashes', '4265/4591/5417/4437'],
    ['three spaces', '4265   4591   5417   4437'],
    ['a tab and spaces', '4265\t4591  \t5417 4437'],
    ['non-breaking spaces', '4265\u00a04591\u00a05417\u00a04437'],
    ['thin and ideographic spaces', '4265\u20094591\u30005417\u202f4437'],
    ['newlines between groups', '4265\n4591\r\n5417\n\n4437'],
    ['full-width digits', '４２６５ ４５９１ ５４１７ ４４３７'],
    ['full-width, no spaces', '４２６５４５９１５４１７４４３７'],
    ['Arabic-Indic digits', '٤٢٦٥٤٥٩١٥٤١٧٤٤٣٧'],
    ['en dashes', '4265–4591–5417–4437'],
    ['zero-width spaces', '4265\u200b4591\u200b5417\u200b4437'],
    ['spaced dashes', '4265 - 4591 - 5417 - 4437'],
  ])('removes a card written with %s', (_label, card) => {
    const result = redactCardNumbers(`my card is ${card} thanks`);
    expect(result).toEqual({ text: `my card is ${X} thanks`, found: true });
  });

  it('removes the expiry and the security code written next to a card', () => {
    expect(redactCardNumbers('4265 4591 5417 4437 exp 04/28 cvv 123').text).toBe(`${X} exp [expiry removed] cvv [security code removed]`);
    expect(redactCardNumbers('4265 4591 5417 4437 04/2028 123').text).toBe(`${X} [expiry removed] [security code removed]`);
    expect(redactCardNumbers('card 4265459154174437, 4/28, 1234').text).toBe(`card ${X}, [expiry removed], [security code removed]`);
    expect(redactCardNumbers('4265 4591 5417 4437 vence 04/28 código de seguridad 123').text).toBe(`${X} vence [expiry removed] código de seguridad [security code removed]`);
  });

  it('removes a named security code or expiry even without a card', () => {
    expect(redactCardNumbers('the cvv is 123').text).toBe('the cvv is [security code removed]');
    expect(redactCardNumbers('expires 04/28').text).toBe('expires [expiry removed]');
  });

  it('keeps dates, amounts and phone numbers next to nothing card-like', () => {
    for (const text of ['I was born 04/12/1985', 'I can pay 50 on 04/28', 'call 404 555 0100 after 5', 'my zip is 30301 and last four 1234']) {
      expect(redactCardNumbers(text)).toEqual({ text, found: false });
    }
  });
});

describe('redactCardAcrossMessages: a card number split over messages (issue 10 item 3)', () => {
  it('removes both halves: in the new message and in the earlier one', () => {
    expect(redactCardAcrossMessages(['hi', '4265 4591'], '5417 4437')).toEqual({ earlier: ['hi', X], text: X, found: true });
    expect(redactCardAcrossMessages(['my card is 4265 4591'], '5417 4437 exp 04/28')).toEqual({ earlier: [`my card is ${X}`], text: `${X} exp [expiry removed]`, found: true });
  });

  it('over three messages', () => {
    expect(redactCardAcrossMessages(['4265', '4591 5417'], '4437')).toEqual({ earlier: [X, X], text: X, found: true });
  });

  it('leaves unrelated numbers alone', () => {
    expect(redactCardAcrossMessages(['my zip is 30301'], '1234')).toEqual({ earlier: ['my zip is 30301'], text: '1234', found: false });
    expect(redactCardAcrossMessages(['A-1001'], 'March 14 1985')).toEqual({ earlier: ['A-1001'], text: 'March 14 1985', found: false });
  });
});

describe('maskIdentityFactors', () => {
  it.each<[string, string]>([
    ['my dob is April 12 1985 and last four 1234', 'my dob is ••••• •• •••• and last four ••••'],
    ['born 4/12/1985', 'born •/••/••••'],
    ['04-12-85', '••-••-••'],
    ['1985-04-12', '••••-••-••'],
    ['12.04.1985', '••.••.••••'],
    ['12 April 1985', '•• ••••• ••••'],
    ['Apr 12, 1985', '••• ••, ••••'],
    ['April 12th', '••••• ••••'],
    ['12 de abril de 1985', '•• •• ••••• •• ••••'],
    ['nací el 3 de marzo del 90', 'nací el • •• ••••• ••• ••'],
    ['4/12', '•/••'],
    ['ssn 123-45-6789', 'ssn •••-••-••••'],
    ['123 45 6789', '••• •• ••••'],
    ['123456789', '•••••••••'],
    ['1234', '••••'],
    ['12 34', '•• ••'],
    ['últimos cuatro: 9876', 'últimos cuatro: ••••'],
  ])('%s', (input, output) => {
    expect(maskIdentityFactors(input)).toBe(output);
  });

  it.each(['my zip is 30301', 'I can pay $50', 'may I pay later', 'A-1001', 'hello'])('leaves %s alone', (input) => {
    expect(maskIdentityFactors(input)).toBe(input);
  });
});

describe('redactForStorage', () => {
  const text = 'dob 4/12/1985, ssn last 4 1234, card 4242 4242 4242 4242';

  it('always removes card numbers', () => {
    expect(redactForStorage(text, { verificationStep: false })).toBe(`dob 4/12/1985, ssn last 4 1234, card ${X}`);
  });

  it('masks identity factors in a verification turn', () => {
    const stored = redactForStorage(text, { verificationStep: true });
    expect(stored).toBe(`dob •/••/••••, ssn last 4 ••••, card ${X}`);
    expect(stored).not.toMatch(/\d{2}/);
  });

  it('never lets a card through, even where masking would have touched its groups', () => {
    const stored = redactForStorage('4242 4242 4242 4242', { verificationStep: true });
    expect(stored).toBe(X);
  });
});
