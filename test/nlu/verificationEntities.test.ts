/**
 * Issue #11 item 4: verification input as people type it. Dates, numbers and money through
 * @microsoft/recognizers-text-suite where it reads more than the hand parser (spelled-out numbers,
 * ordinals and years, English and Spanish), keeping the ambiguity rule; names never typo-corrected,
 * read with a lead-in or with a date on the same line.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities, recognizeSync } from '../../src/nlu/deterministicRecognizer.ts';
import { extractName } from '../../src/nlu/entities/names.ts';
import type { CalendarDate } from '../../src/nlu/recognizer.ts';
import { nameInAnswer as nameFrom } from '../../dialogs/verifyDialog.ts';

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

describe('dates people type', () => {
  it.each<[string, 'en' | 'es', CalendarDate]>([
    ['the thirtieth of May, nineteen fifty eight', 'en', d(1958, 5, 30)],
    ['Sean, nineteen eighty two, march second', 'en', d(1982, 3, 2)],
    ['twelfth of april eighty five', 'en', d(1985, 4, 12)],
    ['july 21 68', 'en', d(1968, 7, 21)],
    ['Oct 31 75', 'en', d(1975, 10, 31)],
    ['3rd feb 91', 'en', d(1991, 2, 3)],
    ['nov 30th 68', 'en', d(1968, 11, 30)],
    ['born in 1985 on april 12', 'en', d(1985, 4, 12)],
    ['birthday is christmas day 1970', 'en', d(1970, 12, 25)],
    ['Dmitri Volkov 7 29 1983', 'en', d(1983, 7, 29)],
    ['my birthday is 5 30 58', 'en', d(1958, 5, 30)],
    ['veinte de julio de mil novecientos setenta y cinco', 'es', d(1975, 7, 20)],
    ['doce de abril del 85', 'es', d(1985, 4, 12)],
    ['primero de junio de 1988', 'es', d(1988, 6, 1)],
    ['dieciocho de agosto del noventa', 'es', d(1990, 8, 18)],
    ['me llamo Nuria Sáenz y nací en 1979 el 9 de marzo', 'es', d(1979, 3, 9)],
  ])('%j', (text, language, date) => {
    expect(extractEntities(text, language).dates).toEqual([date]);
  }, 20_000);

  it('keeps the ambiguity rule: both readings, month/day first, nothing in dates', () => {
    const e = extractEntities('James O\'Connor 04/12/1985 60614');
    expect(e.dates).toEqual([]);
    expect(e.ambiguousDateReadings).toEqual([d(1985, 4, 12), d(1985, 12, 4)]);
    expect(e.zip).toBe('60614');
  });

  it('a spelled-out amount is money too', () => {
    expect(extractEntities('I can pay fifty dollars a month').money).toEqual([{ amount: 5000, per: 'month' }]);
  }, 20_000);

  it('numbers that are no date stay as they were', () => {
    expect(extractEntities('no one can help me with two payments').dates).toEqual([]);
  });
});

describe('identifiers people type', () => {
  it.each<[string, Record<string, string>]>([
    ['James O\'Connor 04/12/1985 60614', { zip: '60614' }],
    ['Aaron Goldberg 92104 1/31/1966', { zip: '92104' }],
    ['soy la señora Carmen Delgado, nací el 14 de febrero de 1950, vivo en el 10032', { zip: '10032' }],
    ['ok soy Elena Castillo, cp 33012, ultimos 4 del social 9081', { zip: '33012', ssnLast4: '9081' }],
    ['xxx-xx-6120', { ssnLast4: '6120' }],
    ['ssn: ***-**-7045', { ssnLast4: '7045' }],
    ['name: Luis Peña, dob: 02/28/1972, last4: 5531', { ssnLast4: '5531' }],
    ['ssn last4 = 0056', { ssnLast4: '0056' }],
    ['mis 4 ultimos del soshal son 1190', { ssnLast4: '1190' }],
    ['ACCT#: 310-99-2284', { accountNumber: '310-99-2284' }],
  ])('%j', (text, expected) => {
    expect(extractEntities(text, 'en')).toMatchObject(expected);
  });
  it('an unlabelled five-digit number alone in a sentence is no ZIP', () => {
    expect(extractEntities('I can pay 12000 if you give me time').zip).toBeUndefined();
  });
});

describe('names', () => {
  it.each<[string, string]>([
    ['Carlos Ramírez', 'Carlos Ramírez'],
    ['me llamo Carlos Ramirez', 'Carlos Ramirez'],
    ['fine. James O\'Connor', "James O'Connor"],
    ['Aisha Bello, December 5 1995', 'Aisha Bello'],
    ['its tom becker. 1/2/1988. zip 53703', 'tom becker'],
    ['Jasmine St. Clair', 'Jasmine St. Clair'],
    ['Leo van der Berg 04/30/1969', 'Leo van der Berg'],
    ['Juan Pablo de la Cruz 05-17-1987', 'Juan Pablo de la Cruz'],
    ['last 4: 1102 zip: 84101 name: Kelsey Morgan', 'Kelsey Morgan'],
    ['soy la señora Carmen Delgado, nací el 14 de febrero de 1950', 'Carmen Delgado'],
    ['umm its Taylor Brooks? born june 1st 1994', 'Taylor Brooks'],
    ['Jon Smtih 5/5/1955', 'Jon Smtih'],
  ])('%j → %j (as typed, never corrected)', (text, name) => {
    expect(nameFrom(text)).toBe(name);
  });
  it.each(['payment plan please', 'human please', 'stop texting me', 'Identity Theft', 'i want to pay', 'buenas tardes'])('%j is no name', (text) => {
    expect(nameFrom(text)).toBeNull();
  });
  it('lower-case words are a name only when one was asked for, or beside a date', () => {
    expect(extractName('feeling suicidal tonight')).toBeUndefined();
    expect(extractName('maria lopez')).toBeUndefined();
    expect(extractName('maria lopez', { expected: true })?.name).toBe('maria lopez');
    expect(extractName('maria lopez 3/14/1985')?.name).toBe('maria lopez');
  });
  // Issue #11 item 4, blind round 03's kinds in new words: the name after the other facts, suffixes kept.
  it.each<[string, string]>([
    ['DOB 2/7/77 zip 60601 Denise Park', 'Denise Park'],
    ['the 9th of July 64, Omar Haddad, 33139', 'Omar Haddad'],
    ['b-2040 lisa m. tran', 'lisa m. tran'],
    ['ok my birthday is june 3 1981 and my zip is 10001 - Paul Ortega', 'Paul Ortega'],
    ['born 1975, aug 2nd. zip 94110. Nora Quinn', 'Nora Quinn'],
    ['nací el 5 de mayo de 1988, Lucía Fernández Soto, cp 78201', 'Lucía Fernández Soto'],
    ['Samuel Ortiz Jr 4/4/1960 30301', 'Samuel Ortiz Jr'],
    ['Robert King Jr., 12/12/1952', 'Robert King Jr.'],
    ['Henry Ford III 7/30/63 48201', 'Henry Ford III'],
    ['soy Ramón Díaz Sr., nací el 2 de marzo de 1955', 'Ramón Díaz Sr.'],
  ])('%j → %j (a name after the facts, a suffix kept)', (text, name) => {
    expect(nameFrom(text)).toBe(name);
    expect(extractName(text, { expected: true })?.name).toBe(name);
  });
  it.each(['DOB 2/7/77 zip 60601 Identity Theft', 'zip 60601, payment plan please', 'I paid 200 on 3/1, Wells said ok thanks', '3/14/85 30301 human please'])(
    '%j has no name after its facts',
    (text) => {
      expect(extractName(text)).toBeUndefined();
    },
  );
  it('a name with its facts is no intent, and the name is not typo-corrected into one', () => {
    for (const text of ['Carlos Ramírez', 'me llamo Carlos Ramirez', 'Aisha Bello, December 5 1995', 'Grace Kim dob 07/04/1983 zip 96813']) {
      const r = recognizeSync(text, { language: 'en' });
      expect(r.intent, text).toBe('unknown');
    }
    expect(recognizeSync('Carlos Ramírez', { language: 'es' }).entities.name).toBe('Carlos Ramírez');
  });
});

/**
 * Issue #11 item 4, blind round 04's kinds of verification answers, in new words: a name written
 * surname first, a name said with where it is written, a widow's "Vda. de", digits said one by one,
 * a label after its number, a short SSN mask, an account number typed without its dash, and a
 * numeric date settled by the order the writer gave or by the same day said with its month's name.
 */
describe('round 04 kinds of verification answers', () => {
  it.each<[string, string]>([
    ['Okafor, Grace', 'Grace Okafor'],
    ['Villanueva Cruz, María Elena', 'María Elena Villanueva Cruz'],
    ['Park-Lee, Min Jun, 3/19/1979', 'Min Jun Park-Lee'],
    ['my friends call me Tony but its Anthony Russo on the account', 'Anthony Russo'],
    ['Elena Marisol Pardo Vda. de Luna, 9 de enero de 1948', 'Elena Marisol Pardo Vda. de Luna'],
    ["Dolores 'Lola' Fuentes, 4/4/1961", 'Dolores Fuentes'],
    ['D. Marcus Whitfield 8/8/1970', 'D. Marcus Whitfield'],
  ])('%j → %j', (text, name) => {
    expect(extractName(text, { expected: true })?.name).toBe(name);
  });
  it.each(['Thanks, John', 'Sure, whatever', 'Hola, buenas tardes', "Paul Young, nineteen sixty one, june fifth"])('%j is no surname-first name', (text) => {
    expect(extractName(text, { expected: true })?.name ?? '').not.toMatch(/,|^(John|whatever|buenas|nineteen)/i);
  });
  it.each<[string, 'en' | 'es', Record<string, string>]>([
    ['last four of my social 8 0 4 6', 'en', { ssnLast4: '8046' }],
    ['postal code 6 0 6 1 4 please', 'en', { zip: '60614' }],
    ['77001 is my zip', 'en', { zip: '77001' }],
    ['9917 are the last 4 of my ssn', 'en', { ssnLast4: '9917' }],
    ['social is xx-5150', 'en', { ssnLast4: '5150' }],
    ['my account is b2207', 'en', { accountNumber: 'B-2207' }],
    ['la cuenta es la C 3091', 'es', { accountNumber: 'C-3091' }],
    ['account number 4 4 1 0 9 8', 'en', { accountNumber: '441098' }],
  ])('%j', (text, language, expected) => {
    expect(extractEntities(text, language)).toMatchObject(expected);
  });
  it.each<[string, CalendarDate]>([
    ['nací el 07/03/1984, o sea 7 de marzo', d(1984, 3, 7)],
    ['fecha de nacimiento 02/06/1990 (día/mes)', d(1990, 6, 2)],
    ['dob 06/02/1990 mm/dd', d(1990, 6, 2)],
    ['born 10/11/1966 (october 11)', d(1966, 10, 11)],
  ])('%j is settled, not asked again', (text, date) => {
    const e = extractEntities(text, 'es');
    expect(e.dates).toEqual([date]);
    expect(e.ambiguousDate).toBeUndefined();
  });
  it('without a cue, or with a day said far from it, it stays a question', () => {
    expect(extractEntities('07/03/1984').ambiguousDate).toBe(true);
    expect(extractEntities('07/03/1984 and the last payment I sent them was on march 7').ambiguousDate).toBe(true);
  });
});
