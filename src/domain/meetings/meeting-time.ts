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

/** The UK calendar date of an instant, YYYY-MM-DD. */
export function londonDateOf(instant: Date): string {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}
