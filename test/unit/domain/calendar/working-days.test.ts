import { bankHolidays, isWorkingDay, onOrBeforeWorkingDay, workingDaysAfter, workingDaysBefore } from '../../../../src/domain/calendar/working-days';

/** Days from `from` to `to` inclusive, as YYYY-MM-DD. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${from}T12:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return days;
}

const isWeekday = (isoDate: string) => ![0, 6].includes(new Date(`${isoDate}T12:00:00Z`).getUTCDay());

/** The bank holidays that close offices, as GOV.UK lists them: a Saturday or Sunday holiday appears as its substitute day. */
const weekdayBankHolidays = (year: number) => [...bankHolidays(year)].filter(isWeekday).sort();

describe('bank holidays in England and Wales', () => {
  it('are those of 2026, with Boxing Day (a Saturday) moved to Monday 28 December', () => {
    expect(weekdayBankHolidays(2026)).toEqual([
      '2026-01-01', // New Year's Day
      '2026-04-03', // Good Friday
      '2026-04-06', // Easter Monday
      '2026-05-04', // Early May
      '2026-05-25', // Spring
      '2026-08-31', // Summer
      '2026-12-25', // Christmas Day (a Friday)
      '2026-12-28', // Boxing Day, substitute day
    ]);
  });

  it('are those of 2027, with Christmas Day and Boxing Day (a weekend) moved to 27 and 28 December', () => {
    expect(weekdayBankHolidays(2027)).toEqual([
      '2027-01-01', // New Year's Day
      '2027-03-26', // Good Friday
      '2027-03-29', // Easter Monday
      '2027-05-03', // Early May
      '2027-05-31', // Spring
      '2027-08-30', // Summer
      '2027-12-27', // Christmas Day, substitute day
      '2027-12-28', // Boxing Day, substitute day
    ]);
  });

  it("include the one-off days: the Platinum Jubilee, the Queen's funeral and the Coronation", () => {
    expect(weekdayBankHolidays(2022)).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
    expect(bankHolidays(2023)).toContain('2023-05-08');
  });

  it("leave out observances that close no office (Mother's Day, Easter Sunday, Father's Day)", () => {
    expect(bankHolidays(2027)).not.toContain('2027-03-07');
    expect(bankHolidays(2027)).not.toContain('2027-03-28');
    expect(bankHolidays(2027)).not.toContain('2027-06-20');
  });

  it('are the same set when asked for twice', () => {
    expect([...bankHolidays(2027)]).toEqual([...bankHolidays(2027)]);
  });
});

describe('a working day', () => {
  it.each([
    ['2026-12-03', 'a Thursday'],
    ['2026-12-24', 'Christmas Eve'],
    ['2026-12-29', 'the Tuesday after the Boxing Day substitute'],
    ['2027-03-25', 'the Thursday before Good Friday'],
    ['2027-03-30', 'the Tuesday after Easter Monday'],
    ['2027-12-29', 'the Wednesday after the Christmas substitute days'],
  ])('is %s (%s)', (date) => {
    expect(isWorkingDay(date)).toBe(true);
  });

  it.each([
    ['2026-12-05', 'a Saturday'],
    ['2026-12-06', 'a Sunday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'the Boxing Day substitute day'],
    ['2027-01-01', "New Year's Day"],
    ['2027-03-26', 'Good Friday'],
    ['2027-03-29', 'Easter Monday'],
    ['2027-05-03', 'the Early May bank holiday'],
    ['2027-08-30', 'the Summer bank holiday'],
    ['2027-12-27', 'the Christmas Day substitute day'],
    ['2027-12-28', 'the Boxing Day substitute day'],
  ])('is not %s (%s)', (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });
});

describe('counting working days', () => {
  it.each([
    ['2027-03-12', 5, '2027-03-05'],
    ['2027-03-15', 1, '2027-03-12'],
    ['2027-03-15', 0, '2027-03-15'],
    ['2027-03-30', 1, '2027-03-25'], // over Easter Monday, the weekend and Good Friday
    ['2027-03-31', 2, '2027-03-25'],
    ['2027-01-04', 1, '2026-12-31'], // over New Year's Day, into the year before
    ['2027-01-05', 3, '2026-12-30'],
    ['2027-03-29', 1, '2027-03-25'], // from a bank holiday itself
    ['2027-12-29', 1, '2027-12-24'],
  ])('%s less %i working days is %s', (date, n, expected) => {
    expect(workingDaysBefore(date, n)).toBe(expected);
  });

  it.each([
    ['2026-12-17', 10, '2027-01-05'], // 18, 21, 22, 23, 24, 29, 30, 31 Dec, 4, 5 Jan: not 25 or 28 Dec, nor 1 Jan
    ['2026-12-24', 1, '2026-12-29'],
    ['2027-03-25', 1, '2027-03-30'],
    ['2027-03-27', 1, '2027-03-30'], // from a Saturday
    ['2026-11-22', 10, '2026-12-04'], // no holidays on the way: weekends only
    ['2027-03-15', 0, '2027-03-15'],
  ])('%s plus %i working days is %s', (date, n, expected) => {
    expect(workingDaysAfter(date, n)).toBe(expected);
  });

  it('always lands on a working day, and counting back undoes counting forward (2026 to 2027)', () => {
    for (const day of daysBetween('2026-01-01', '2027-12-20').filter(isWorkingDay)) {
      for (const n of [1, 2, 5, 7, 10]) {
        const later = workingDaysAfter(day, n);
        expect(isWorkingDay(later)).toBe(true);
        expect(workingDaysBefore(later, n)).toBe(day);
      }
    }
  });
});

describe('the working day on or before a date', () => {
  it.each([
    ['2026-12-03', '2026-12-03', 'a working day stays'],
    ['2026-12-05', '2026-12-04', 'a Saturday moves to the Friday'],
    ['2026-12-06', '2026-12-04', 'a Sunday moves to the Friday'],
    ['2026-12-28', '2026-12-24', 'the Boxing Day substitute moves to Christmas Eve'],
    ['2027-01-03', '2026-12-31', "a Sunday after New Year's Day moves back into December"],
    ['2027-03-29', '2027-03-25', 'Easter Monday moves to the Thursday before Good Friday'],
    ['2027-12-28', '2027-12-24', 'the 2027 substitute days move to Christmas Eve'],
  ])('of %s is %s (%s)', (date, expected) => {
    expect(onOrBeforeWorkingDay(date)).toBe(expected);
  });
});
