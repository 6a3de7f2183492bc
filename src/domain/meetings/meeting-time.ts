const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function londonWallClock(instant: Date): number {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']));
}

/** The instant at which UK clocks show this date and time (GMT in winter, BST in summer). */
export function londonTimeToInstant(year: number, month: number, day: number, hour: number, minute: number): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  const guess = new Date(wanted);
  const offset = londonWallClock(guess) - guess.getTime();
  return new Date(wanted - offset);
}

/** "2027-03-12-1000": a meeting's id is its start in UK time. */
export function meetingIdFor(startsAt: Date): string {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(startsAt).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}-${parts['hour']}${parts['minute']}`;
}

/**
 * Reads the date and time out of "schedule meeting 12 March 2027 10:00" (also "12/03/2027 at
 * 10am", "2027-03-12 14:30"). The time is UK time. Undefined when no complete date is given.
 */
export function parseMeetingTime(text: string): Date | undefined {
  const lower = text.toLowerCase();
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  const named = lower.match(/\b(\d{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+(\d{4})\b/);
  const numeric = lower.match(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/);
  const iso = lower.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
  if (named) {
    day = Number(named[1]);
    month = MONTHS.findIndex((m) => m.startsWith(named[2]!.slice(0, 3))) + 1;
    year = Number(named[3]);
  } else if (numeric) {
    day = Number(numeric[1]);
    month = Number(numeric[2]);
    year = Number(numeric[3]);
  } else if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  }
  if (!year || !month || !day || month > 12 || day > 31) return undefined;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return undefined;

  // Without a time, meetings start at 10:00 (UK time), as the Steering Group's usually do.
  let hour = 10;
  let minute = 0;
  const rest = lower.replace(named?.[0] ?? numeric?.[0] ?? iso?.[0] ?? '', ' ');
  const withMinutes = rest.match(/\b(\d{1,2})[:.](\d{2})\s*(am|pm)?\b/);
  const hourOnly = withMinutes ? undefined : rest.match(/\b(\d{1,2})\s*(am|pm)\b/);
  const meridiem = withMinutes?.[3] ?? hourOnly?.[2];
  if (withMinutes || hourOnly) {
    hour = Number((withMinutes ?? hourOnly)![1]);
    minute = withMinutes ? Number(withMinutes[2]) : 0;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    if (hour > 23 || minute > 59) return undefined;
  }
  return londonTimeToInstant(year, month, day, hour, minute);
}

/** The UK calendar date of an instant, YYYY-MM-DD. */
export function londonDateOf(instant: Date): string {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/**
 * The date `n` working days (Monday to Friday) before a YYYY-MM-DD date. Bank holidays are not
 * counted out: an agenda then goes out a day early, never late.
 */
export function workingDaysBefore(isoDate: string, n: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  let left = n;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() - 1);
    const day = date.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

/** The date `n` working days (Monday to Friday) after a YYYY-MM-DD date; bank holidays count as working days. */
export function workingDaysAfter(isoDate: string, n: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  let left = n;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}
