import Holidays from 'date-holidays';

/**
 * Working days in England and Wales: Monday to Friday, less the bank holidays (substitute days
 * included). Deadlines, chasers and automatic agenda posts all count in these, so nothing falls due
 * or goes out on New Year's Day or Easter Monday. The holiday rules ship with date-holidays, so no
 * calendar is fetched at run time.
 */
const ENGLAND_AND_WALES = new Holidays('GB', 'ENG');

/** date-holidays also lists observances (Mother's Day); only these close offices. */
const CLOSED_TYPES = new Set(['public', 'bank']);

const holidaysByYear = new Map<number, ReadonlySet<string>>();

/** The bank holidays of a year as YYYY-MM-DD. */
export function bankHolidays(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Set(
      ENGLAND_AND_WALES.getHolidays(year)
        .filter((h) => CLOSED_TYPES.has(h.type))
        .map((h) => h.date.slice(0, 10)),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

function noonOf(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

export function isWorkingDay(isoDate: string): boolean {
  const day = noonOf(isoDate).getUTCDay();
  return day !== 0 && day !== 6 && !bankHolidays(Number(isoDate.slice(0, 4))).has(isoDate);
}

function step(isoDate: string, by: number): string {
  const date = noonOf(isoDate);
  date.setUTCDate(date.getUTCDate() + by);
  return date.toISOString().slice(0, 10);
}

function moveWorkingDays(isoDate: string, n: number, direction: 1 | -1): string {
  let date = isoDate;
  let left = n;
  while (left > 0) {
    date = step(date, direction);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/** The date `n` working days before a YYYY-MM-DD date. */
export function workingDaysBefore(isoDate: string, n: number): string {
  return moveWorkingDays(isoDate, n, -1);
}

/** The date `n` working days after a YYYY-MM-DD date. */
export function workingDaysAfter(isoDate: string, n: number): string {
  return moveWorkingDays(isoDate, n, 1);
}

/** The date itself when it is a working day, or else the working day before it. */
export function onOrBeforeWorkingDay(isoDate: string): string {
  return isWorkingDay(isoDate) ? isoDate : workingDaysBefore(isoDate, 1);
}
