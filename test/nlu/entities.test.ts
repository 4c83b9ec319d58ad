import { describe, expect, it } from 'vitest';
import { extractEntities, recognizeSync, TWO_DIGIT_YEAR_PIVOT } from '../../src/nlu/deterministicRecognizer.ts';
import type { CalendarDate, MoneyMention } from '../../src/nlu/recognizer.ts';

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

describe('dates', () => {
  it.each<[string, CalendarDate[]]>([
    ['April 12 1985', [d(1985, 4, 12)]],
    ['12 April 1985', [d(1985, 4, 12)]],
    ['Apr 12, 1985', [d(1985, 4, 12)]],
    ['april 12th, 1985', [d(1985, 4, 12)]],
    ['born on the 12th of April, 1985', [d(1985, 4, 12)]],
    ['12-Apr-1985', [d(1985, 4, 12)]],
    ["april 12 '85", [d(1985, 4, 12)]],
    ['1985-04-12', [d(1985, 4, 12)]],
    ['1985/4/12', [d(1985, 4, 12)]],
    ['12 de abril de 1985', [d(1985, 4, 12)]],
    ['nací el 3 de marzo del 90', [d(1990, 3, 3)]],
    ['abril 12 de 1985', [d(1985, 4, 12)]],
    ['1 de septiembre de 2001', [d(2001, 9, 1)]],
    ['15 enero 1979', [d(1979, 1, 15)]],
    // numeric: unambiguous when one of the first two numbers is > 12
    ['my dob is 4/13/1985', [d(1985, 4, 13)]],
    ['13/4/1985', [d(1985, 4, 13)]],
    ['04-13-1985', [d(1985, 4, 13)]],
    ['31.12.1999', [d(1999, 12, 31)]],
    ['5/5/1985', [d(1985, 5, 5)]], // same either way
    // two-digit years: 00–29 → 20xx, 30–99 → 19xx
    ['4/13/85', [d(1985, 4, 13)]],
    ['13/04/05', [d(2005, 4, 13)]],
    ['4/13/30', [d(1930, 4, 13)]],
    ['4/13/29', [d(2029, 4, 13)]],
    ['Feb 29 2000', [d(2000, 2, 29)]],
    ['I was born April 12 1985 and moved on 3/14/2001', [d(1985, 4, 12), d(2001, 3, 14)]],
  ])('%s', (text, dates) => {
    const e = extractEntities(text);
    expect(e.dates).toEqual(dates);
    expect(e.ambiguousDate).toBeUndefined();
  });

  it('documents the pivot', () => {
    expect(TWO_DIGIT_YEAR_PIVOT).toBe(30);
  });

  it.each(['4/12/1985', '04-12-1985', '4/12/85', '12.04.1985', 'born 1/2/1990'])('%s is ambiguous: nothing in dates, ambiguousDate set', (text) => {
    const e = extractEntities(text);
    expect(e.dates).toEqual([]);
    expect(e.ambiguousDate).toBe(true);
  });

  it('keeps both readings of an ambiguous date, month/day (US) first, for a yes/no question', () => {
    expect(extractEntities('11/03/1979').ambiguousDateReadings).toEqual([
      { year: 1979, month: 11, day: 3 },
      { year: 1979, month: 3, day: 11 },
    ]);
    expect(extractEntities('03/11/1979').ambiguousDateReadings?.[0]).toEqual({ year: 1979, month: 3, day: 11 });
    expect(extractEntities('4/13/1985').ambiguousDateReadings).toBeUndefined();
  });

  it.each(['Feb 30 1985', '2/30/1985', '30 de febrero de 1985', '31/31/1985', 'Feb 29 2001', 'April 31 1985', '13/13/1985', '0/5/1985', 'April 12 1850'])(
    '%s is impossible: no date',
    (text) => {
      const e = extractEntities(text);
      expect(e.dates).toEqual([]);
      expect(e.ambiguousDate).toBeUndefined();
    },
  );

  it.each(['the 15th', 'April 12', '4/12', '1985', 'call me at 404-555-0100', 'may I pay 12 dollars'])('%s holds no date', (text) => {
    expect(extractEntities(text).dates).toEqual([]);
  });
});

describe('money (minor units, with per)', () => {
  it.each<[string, MoneyMention[]]>([
    ['$50', [{ amount: 5000 }]],
    ['50 dollars', [{ amount: 5000 }]],
    ['50 bucks', [{ amount: 5000 }]],
    ['$1,250.50', [{ amount: 125050 }]],
    ['$0.29', [{ amount: 29 }]],
    ['$19.99', [{ amount: 1999 }]],
    ['$50.5', [{ amount: 5050 }]],
    ['$12,50', [{ amount: 1250 }]], // a decimal comma
    ['I can do 50 a month', [{ amount: 5000, per: 'month' }]],
    ['$100 every two weeks starting the 15th', [{ amount: 10000, per: 'two_weeks' }]],
    ['100 every other week', [{ amount: 10000, per: 'two_weeks' }]],
    ['75 biweekly', [{ amount: 7500, per: 'two_weeks' }]],
    ['i can do like 25 a week', [{ amount: 2500, per: 'week' }]],
    ['$40/wk', [{ amount: 4000, per: 'week' }]],
    ['$300/mo', [{ amount: 30000, per: 'month' }]],
    ['150 dollars per month', [{ amount: 15000, per: 'month' }]],
    ['50 monthly', [{ amount: 5000, per: 'month' }]],
    ['200 now and the rest over 6 months', [{ amount: 20000 }]],
    ['I can pay 300', [{ amount: 30000 }]],
    ['I could do a lump sum of 1500', []], // no $, no unit, no pay verb right before: not taken as money
    ['I can do 1.5k', [{ amount: 150000 }]],
    ['2k', [{ amount: 200000 }]],
    ['40 per paycheck', [{ amount: 4000 }]],
    ['50 al mes', [{ amount: 5000, per: 'month' }]],
    ['100 cada dos semanas', [{ amount: 10000, per: 'two_weeks' }]],
    ['puedo dar 30 dólares por semana', [{ amount: 3000, per: 'week' }]],
    ['200 quincenales', [{ amount: 20000, per: 'two_weeks' }]],
    ['$50 now and $100 a month after', [{ amount: 5000 }, { amount: 10000, per: 'month' }]],
  ])('%s', (text, money) => {
    expect(extractEntities(text).money).toEqual(money);
  });

  it.each(['over 6 months', 'in 4 payments', 'chapter 7', 'the 15th', '30% off', 'my zip is 30301', 'last four 1234', 'call 404-555-0100', '12 monthly payments', 'A-1001', '4/13/1985'])(
    '%s holds no money',
    (text) => {
      expect(extractEntities(text).money).toEqual([]);
    },
  );

  it('amounts are integers (never float arithmetic)', () => {
    for (const text of ['$0.29', '$1.10', '$4.35', '$1,000,000.07']) {
      const [m] = extractEntities(text).money;
      expect(Number.isInteger(m?.amount)).toBe(true);
    }
    expect(extractEntities('$1,000,000.07').money).toEqual([{ amount: 100000007 }]);
    expect(extractEntities('$4.35').money).toEqual([{ amount: 435 }]);
  });
});

describe('zip', () => {
  it.each<[string, string | undefined]>([
    ['my zip is 30301', '30301'],
    ['30301', '30301'],
    ['zip 30301-1234', '30301'],
    ['zip code: 02134', '02134'],
    ['código postal 06700', '06700'],
    ['I live at 123 Main St 30301', undefined], // no label, not the whole message
    ['$30301', undefined],
    ['303011', undefined],
    ['acct 30301', undefined],
    ['cp 10453, pago el dia 30', '10453'], // a comma after the ZIP (blind round 07)
    ['its 8812 for the ssn, zip 33012, and i want to settle for 600', '33012'],
  ])('%s', (text, zip) => {
    expect(extractEntities(text).zip).toBe(zip);
  });
});

describe('ssnLast4', () => {
  it.each<[string, string | undefined]>([
    ['last four 1234', '1234'],
    ['ssn 1234', '1234'],
    ['SSN: 1234', '1234'],
    ['last 4 of my social is 5678', '5678'],
    ['my social security number ends in 4321', '4321'],
    ['últimos cuatro 1234', '1234'],
    ['los últimos 4 del seguro social son 9876', '9876'],
    ['1234', '1234'], // the whole message is exactly four digits
    [' 12-34 ', '1234'],
    ['I was born in 1985', undefined], // a bare 4-digit number in a sentence is not an SSN
    ['I can pay 1234', undefined],
    ['my social is 123-45-6789', undefined], // a full SSN is never read as "last 4"
    ['12345', undefined],
    ['jane doe 3/14/85 4321', '4321'], // beside other facts, a lone four-digit number is the last four
    // An amount asked about beside verification facts is never the SSN (found replaying review 4).
    ['hi its aisha bello dob 12/5/95 zip 10025. why is it 5000? i never had that much', undefined],
    ['jane doe 3/14/85, how is it 4800 now', undefined],
    ['soy ana ruiz 14/02/1950 cp 10032, por que 4800?', undefined],
    ['cp 85009, mi telefono es 602 555 0174', undefined], // a phone number's last digits (blind round 07)
  ])('%s', (text, ssn) => {
    expect(extractEntities(text).ssnLast4).toBe(ssn);
  });
});

describe('accountNumber', () => {
  it.each<[string, string | undefined]>([
    ['A-1001', 'A-1001'],
    ['my account is A-1001', 'A-1001'],
    ['acct 55-0192', '55-0192'],
    ['acct# 55-0192', '55-0192'],
    ['account number 77812', '77812'],
    ['my account is #A-5521', 'A-5521'],
    ['ref AB123456', 'AB123456'],
    ['número de cuenta: MX-88231', 'MX-88231'],
    ['55-0192', '55-0192'],
    ['abc', undefined], // needs a digit
    ['account holder', undefined],
    ['4/12/1985', undefined], // a date
    ['04-12-1985', undefined],
    ['30301-1234', undefined], // a ZIP+4
    ['123-45-6789', undefined], // SSN-shaped
    ['$1,250.50', undefined], // money
    ['I can do 50 a month', undefined],
    ['chapter 7', undefined],
  ])('%s', (text, account) => {
    expect(extractEntities(text).accountNumber).toBe(account);
  });
});

describe('language', () => {
  it.each<[string, 'en' | 'es' | undefined]>([
    ['español', 'es'],
    ['en español por favor', 'es'],
    ['spanish please', 'es'],
    ['spansh', 'es'], // typo
    ['english', 'en'],
    ['inglés', 'en'],
    ['I speak english but prefer español', 'es'], // the last one named
    ['hola', undefined],
  ])('%s', (text, language) => {
    expect(extractEntities(text).language).toBe(language);
    if (language) expect(recognizeSync(text, { language: 'en' }).intents).toContain('language');
  });
});

describe('count', () => {
  it.each<[string, number | undefined]>([
    ['over 6 months', 6],
    ['in 4 payments', 4],
    ['en 6 meses', 6],
    ['12 monthly payments', 12],
    ['in six payments', 6],
    ['en doce pagos', 12],
    ['split it into 3 payments', 3],
    ['200 now and the rest over 6 months', 6],
    ['a 12 meses', 12],
    ['I lost my job 6 months ago', undefined],
    ['I have been unemployed for 3 months', undefined],
    ['in 1 payment', undefined], // one payment is not a plan
  ])('%s', (text, count) => {
    expect(extractEntities(text).count).toBe(count);
  });

  it('a count or a periodic amount makes the message a plan', () => {
    expect(recognizeSync('over 6 months', { language: 'en' }).intent).toBe('plan');
    expect(recognizeSync('50 a month', { language: 'en' }).intent).toBe('plan');
  });
});

describe('recognition carries the entities', () => {
  it('dispute + money + date in one message', () => {
    const r = recognizeSync('I already paid $250 on 3/14/2024, acct A-1001', { language: 'en' });
    expect(r.intent).toBe('dispute');
    expect(r.entities).toMatchObject({ dates: [d(2024, 3, 14)], money: [{ amount: 25000 }], accountNumber: 'A-1001' });
  });
});
