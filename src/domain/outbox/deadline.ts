import { ukDate } from '../clock';
import { InvalidError } from '../errors';
import { workingDaysAfter, workingDaysBefore } from '../meetings/meeting-time';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function isoOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * The deadline in "request updates by 12 December" (also "12 Dec 2026", "12/12/2026",
 * "2026-12-12"). Without a year it is the next 12 December from `today`. Undefined when the text
 * names no date; an InvalidError when the date does not exist or is not after today.
 */
export function parseDeadline(text: string, today: string): string | undefined {
  const lower = text.toLowerCase();
  const named = lower.match(/\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+(\d{4}))?\b/);
  const numeric = lower.match(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/);
  const iso = lower.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
  let date: string | undefined;
  if (named) {
    const day = Number(named[1]);
    const month = MONTHS.findIndex((m) => m.startsWith(named[2]!)) + 1;
    const thisYear = Number(today.slice(0, 4));
    if (named[3]) date = isoOf(Number(named[3]), month, day);
    else {
      date = isoOf(thisYear, month, day);
      if (date !== undefined && date <= today) date = isoOf(thisYear + 1, month, day);
    }
  } else if (numeric) {
    date = isoOf(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  } else if (iso) {
    date = isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  } else {
    return undefined;
  }
  if (date === undefined) throw new InvalidError('That deadline is not a date in the calendar.', ['deadline: write it as, for example, "request updates by 12 December"']);
  if (date <= today) throw new InvalidError(`The deadline ${ukDate(date)} is not after today; choose a later date.`, ['deadline: choose a date after today']);
  return date;
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
