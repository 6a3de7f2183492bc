const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in the UK as YYYY-MM-DD: "overdue" must turn over at UK midnight, not UTC's. */
export function londonDate(now: Date): string {
  return LONDON_DAY.format(now);
}

const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });

/** The hour (0-23) UK clocks show at an instant. */
export function londonHour(instant: Date): number {
  return Number(LONDON_HOUR.format(instant));
}

const UK_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** "31 Mar 2018" for a YYYY-MM-DD calendar date, as people in the partnership write dates. */
export function ukDate(isoDate: string): string {
  return UK_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}
