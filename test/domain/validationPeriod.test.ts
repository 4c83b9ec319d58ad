import { describe, expect, it } from 'vitest';
import {
  addDays,
  assumedReceiptDate,
  calendarDateInZone,
  endOfDayInZone,
  formatValidationPeriodEnd,
  isBusinessDay,
  isUsFederalHoliday,
  isValidationPeriodOpen,
  startOfDayInZone,
  usFederalHolidays,
  validationPeriodEnd,
  validationPeriodEndDate,
} from '../../src/domain/validationPeriod.ts';

/** Noon in New York on a calendar date (EST/EDT both keep it on the same day). */
const providedOn = (isoDate: string) => new Date(`${isoDate}T16:00:00Z`);

describe('DESIGN 3: usFederalHolidays — the legal public holidays of 5 U.S.C. 6103(a)', () => {
  it('lists the eleven holidays of 2026 with their dates and observed dates', () => {
    expect(usFederalHolidays(2026).map((h) => [h.date, h.observed])).toEqual([
      ['2026-01-01', '2026-01-01'], // New Year's Day, Thursday
      ['2026-01-19', '2026-01-19'], // MLK, 3rd Monday of January
      ['2026-02-16', '2026-02-16'], // Washington's Birthday, 3rd Monday of February
      ['2026-05-25', '2026-05-25'], // Memorial Day, last Monday of May
      ['2026-06-19', '2026-06-19'], // Juneteenth, Friday
      ['2026-07-04', '2026-07-03'], // Independence Day, Saturday -> Friday
      ['2026-09-07', '2026-09-07'], // Labor Day, 1st Monday of September
      ['2026-10-12', '2026-10-12'], // Columbus Day, 2nd Monday of October
      ['2026-11-11', '2026-11-11'], // Veterans Day, Wednesday
      ['2026-11-26', '2026-11-26'], // Thanksgiving, 4th Thursday of November
      ['2026-12-25', '2026-12-25'], // Christmas, Friday
    ]);
    expect(usFederalHolidays(2026)).toHaveLength(11);
  });

  it('moves a Sunday holiday to Monday and a Saturday holiday to Friday (Juneteenth 2022 and 2027)', () => {
    const juneteenth = (year: number) => usFederalHolidays(year).find((h) => h.name.startsWith('Juneteenth'));
    expect(juneteenth(2022)).toMatchObject({ date: '2022-06-19', observed: '2022-06-20' });
    expect(juneteenth(2027)).toMatchObject({ date: '2027-06-19', observed: '2027-06-18' });
    expect(juneteenth(2020)).toBeUndefined();
  });

  it("observes a Saturday New Year's Day on December 31 of the year before", () => {
    expect(usFederalHolidays(2022)[0]).toMatchObject({ date: '2022-01-01', observed: '2021-12-31' });
    expect(isUsFederalHoliday('2021-12-31')).toBe(true);
    expect(isBusinessDay('2021-12-31')).toBe(false);
    expect(isBusinessDay('2021-12-30')).toBe(true);
  });

  it('knows the floating holidays in other years (Thanksgiving, Memorial Day, MLK)', () => {
    const byName = (year: number, prefix: string) => usFederalHolidays(year).find((h) => h.name.startsWith(prefix))?.date;
    expect(byName(2024, 'Thanksgiving')).toBe('2024-11-28');
    expect(byName(2025, 'Thanksgiving')).toBe('2025-11-27');
    expect(byName(2027, 'Memorial')).toBe('2027-05-31');
    expect(byName(2028, 'Birthday of Martin')).toBe('2028-01-17');
    expect(byName(2029, 'Labor')).toBe('2029-09-03');
  });

  it('treats weekends and holidays as non-business days, and the day after Thanksgiving as a business day', () => {
    expect(isBusinessDay('2026-11-28')).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-29')).toBe(false); // Sunday
    expect(isBusinessDay('2026-11-26')).toBe(false); // Thanksgiving
    expect(isBusinessDay('2026-11-27')).toBe(true); // Friday after: not a legal public holiday
    expect(isBusinessDay('2026-07-03')).toBe(false); // observed Independence Day
  });
});

describe('DESIGN 3: validation period end (Reg F 1006.34(b)(5)): receipt assumed 5 business days later, then 30 days', () => {
  it("matches the CFPB's own example: provided Monday Nov 8 2021, Veterans Day skipped, receipt Tue Nov 16, ends Dec 16", () => {
    expect(assumedReceiptDate(providedOn('2021-11-08'))).toBe('2021-11-16');
    expect(validationPeriodEndDate(providedOn('2021-11-08'))).toBe('2021-12-16');
  });

  it('skips a weekend: provided Friday -> receipt next Friday; Saturday and Sunday give the same end', () => {
    expect(assumedReceiptDate(providedOn('2026-06-05'))).toBe('2026-06-12');
    expect(validationPeriodEndDate(providedOn('2026-06-05'))).toBe('2026-07-12');
    expect(validationPeriodEndDate(providedOn('2026-06-06'))).toBe('2026-07-12');
    expect(validationPeriodEndDate(providedOn('2026-06-07'))).toBe('2026-07-12');
    // Monday -> following Monday.
    expect(assumedReceiptDate(providedOn('2026-06-08'))).toBe('2026-06-15');
  });

  it('skips Thanksgiving but not the Friday after it', () => {
    // Mon Nov 23 2026: Tue 24, Wed 25, (Thu 26 Thanksgiving), Fri 27, Mon 30, Tue Dec 1.
    expect(assumedReceiptDate(providedOn('2026-11-23'))).toBe('2026-12-01');
    expect(validationPeriodEndDate(providedOn('2026-11-23'))).toBe('2026-12-31');
  });

  it('crosses the year end past Christmas and New Year', () => {
    // Wed Dec 23 2026: Thu 24, (Fri 25), Mon 28, Tue 29, Wed 30, Thu 31.
    expect(assumedReceiptDate(providedOn('2026-12-23'))).toBe('2026-12-31');
    expect(validationPeriodEndDate(providedOn('2026-12-23'))).toBe('2027-01-30');
    // Tue Dec 29 2026: Wed 30, Thu 31, (Fri Jan 1), Mon 4, Tue 5, Wed 6.
    expect(assumedReceiptDate(providedOn('2026-12-29'))).toBe('2027-01-06');
    expect(validationPeriodEndDate(providedOn('2026-12-29'))).toBe('2027-02-05');
    // New Year's Day 2022 was a Saturday, observed Friday Dec 31 2021.
    expect(assumedReceiptDate(providedOn('2021-12-29'))).toBe('2022-01-06');
    expect(validationPeriodEndDate(providedOn('2021-12-29'))).toBe('2022-02-05');
  });

  it('skips Juneteenth observed on the Monday (2022) or the Friday (2027) when it falls on a weekend', () => {
    // Thu Jun 16 2022: Fri 17, (weekend), (Mon 20 observed), Tue 21, Wed 22, Thu 23, Fri 24.
    expect(assumedReceiptDate(providedOn('2022-06-16'))).toBe('2022-06-24');
    expect(validationPeriodEndDate(providedOn('2022-06-16'))).toBe('2022-07-24');
    // Wed Jun 16 2027: Thu 17, (Fri 18 observed), (weekend), Mon 21, Tue 22, Wed 23, Thu 24.
    expect(assumedReceiptDate(providedOn('2027-06-16'))).toBe('2027-06-24');
  });

  it('counts from the calendar date in the collector zone, not in UTC', () => {
    // 23:00 on Thursday Jun 4 in New York is already Friday Jun 5 in UTC.
    const lateThursday = new Date('2026-06-05T03:00:00Z');
    expect(calendarDateInZone(lateThursday)).toBe('2026-06-04');
    expect(validationPeriodEndDate(lateThursday)).toBe('2026-07-11');
    expect(validationPeriodEndDate(lateThursday, 'UTC')).toBe('2026-07-12');
  });

  it('ends at 23:59:59.999 of the end date in the zone (EST and EDT)', () => {
    expect(validationPeriodEnd(providedOn('2021-11-08')).toISOString()).toBe('2021-12-17T04:59:59.999Z');
    expect(validationPeriodEnd(providedOn('2026-06-05')).toISOString()).toBe('2026-07-13T03:59:59.999Z');
    expect(validationPeriodEnd(providedOn('2026-06-05'), 'America/Los_Angeles').toISOString()).toBe('2026-07-13T06:59:59.999Z');
    expect(validationPeriodEnd(providedOn('2026-06-05'), 'UTC').toISOString()).toBe('2026-07-12T23:59:59.999Z');
  });

  it('handles days on which daylight saving time starts or ends', () => {
    expect(startOfDayInZone('2026-03-08').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(endOfDayInZone('2026-03-08').toISOString()).toBe('2026-03-09T03:59:59.999Z');
    expect(startOfDayInZone('2026-11-01').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(endOfDayInZone('2026-11-01').toISOString()).toBe('2026-11-02T04:59:59.999Z');
  });

  it('always lands exactly 5 business days then 30 calendar days later, for every day of 2025-2028', () => {
    for (let date = '2025-01-01'; date < '2029-01-01'; date = addDays(date, 1)) {
      const receipt = assumedReceiptDate(providedOn(date));
      let businessDays = 0;
      for (let d = addDays(date, 1); d <= receipt; d = addDays(d, 1)) if (isBusinessDay(d)) businessDays += 1;
      expect(businessDays, date).toBe(5);
      expect(isBusinessDay(receipt), date).toBe(true);
      expect(validationPeriodEndDate(providedOn(date))).toBe(addDays(receipt, 30));
      const end = validationPeriodEnd(providedOn(date));
      expect(calendarDateInZone(end)).toBe(addDays(receipt, 30));
      expect(calendarDateInZone(new Date(end.getTime() + 1))).toBe(addDays(receipt, 31));
    }
  });

  it('formats the end date in the same zone, in English and Spanish', () => {
    const end = validationPeriodEnd(providedOn('2021-11-08'));
    expect(formatValidationPeriodEnd(end, 'en-US')).toBe('December 16, 2021');
    expect(formatValidationPeriodEnd(end, 'es-US')).toBe('16 de diciembre de 2021');
  });
});

describe('DESIGN 9: isValidationPeriodOpen — no pressure before the period ends', () => {
  const end = validationPeriodEnd(providedOn('2021-11-08'));

  it('is open before the notice is delivered (no end date yet)', () => {
    expect(isValidationPeriodOpen(null, new Date('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('is open up to and including the last millisecond of the end date, closed after', () => {
    expect(isValidationPeriodOpen(end, new Date('2021-11-08T17:00:00Z'))).toBe(true);
    expect(isValidationPeriodOpen(end, new Date('2021-12-16T23:00:00-05:00'))).toBe(true);
    expect(isValidationPeriodOpen(end, end)).toBe(true);
    expect(isValidationPeriodOpen(end, new Date(end.getTime() + 1))).toBe(false);
    expect(isValidationPeriodOpen(end, new Date('2021-12-17T00:00:00-05:00'))).toBe(false);
  });
});
