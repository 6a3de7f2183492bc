import { readDeadline } from '../calendar/date-phrases';
import { onOrBeforeWorkingDay, workingDaysAfter, workingDaysBefore } from '../calendar/working-days';
import { londonDate, ukDate } from '../clock';
import { InvalidError } from '../errors';

/**
 * The deadline in "request updates by 12 December" (also "by the end of the month", "a week on
 * Friday", "12/12/2026"). A date that is not a working day moves to the working day before, and
 * the card says so. Undefined when the text names no date; an InvalidError when the date does not
 * exist or is not after today.
 */
export function requestedDeadline(text: string, now: Date): UpdateDeadline | undefined {
  const named = readDeadline(text, now);
  if (!named) return undefined;
  const dueOn = onOrBeforeWorkingDay(named);
  if (dueOn === named) return { dueOn, basis: 'as requested' };
  if (dueOn <= londonDate(now))
    throw new InvalidError(`${ukDate(named)} is not a working day, and the working day before it is not after today; choose a later date.`, [
      'deadline: choose a later working day',
    ]);
  return { dueOn, basis: `the working day before ${ukDate(named)}, which is ${isWeekend(named) ? 'a weekend' : 'a bank holiday'}` };
}

function isWeekend(isoDate: string): boolean {
  const day = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

export interface UpdateDeadline {
  readonly dueOn: string;
  /** Why this date, in words for the Prevent Officer's card. */
  readonly basis: string;
}

/** How long partners get when no meeting is scheduled and no date was given. */
export const DEFAULT_UPDATE_WORKING_DAYS = 10;

/**
 * When updates are due when the Prevent Officer did not say: the working day before the next
 * meeting's agenda is posted automatically (so the agenda shows who has not returned), or, with no
 * meeting scheduled or that day already past, 10 working days from today.
 */
export function defaultUpdateDeadline(today: string, nextMeetingDate: string | undefined, agendaPostWorkingDays: number): UpdateDeadline {
  if (nextMeetingDate) {
    const postedOn = workingDaysBefore(nextMeetingDate, agendaPostWorkingDays);
    const dueOn = workingDaysBefore(postedOn, 1);
    if (dueOn > today) return { dueOn, basis: `the working day before the agenda for the meeting on ${ukDate(nextMeetingDate)} is posted` };
  }
  return { dueOn: workingDaysAfter(today, DEFAULT_UPDATE_WORKING_DAYS), basis: `${DEFAULT_UPDATE_WORKING_DAYS} working days from today` };
}
