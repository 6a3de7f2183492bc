import type * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import { londonDate, ukDate } from '../clock';
import { InvalidError } from '../errors';
import { londonTimeToInstant } from '../meetings/meeting-time';

/**
 * Dates and times as people in the partnership type them ("12 March 10:00", "next Thursday at 2",
 * "a week on Friday", "by the end of the month"), read day-first with chrono's British parser and
 * always on UK clocks.
 */

const WEEKDAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)';
const WEEKDAY_INDEX: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/**
 * "A week on Friday" and "Friday week" are British for the Friday after the coming one; chrono
 * reads them as two separate phrases, so they get a parser of their own.
 */
const britishWeekOn: chrono.Parser = {
  pattern: () => new RegExp(`\\b(?:a\\s+week\\s+on\\s+${WEEKDAY}|${WEEKDAY}\\s+week)\\b`, 'i'),
  extract: (context, match) => {
    const name = (match[1] ?? match[2] ?? '').toLowerCase().slice(0, 3);
    const wanted = WEEKDAY_INDEX[name]!;
    const ref = context.reference.getDateWithAdjustedTimezone();
    const daysAhead = ((wanted - ref.getDay() + 7) % 7 || 7) + 7;
    const date = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() + daysAhead);
    return { day: date.getDate(), month: date.getMonth() + 1, year: date.getFullYear(), weekday: wanted };
  },
};

/**
 * Only the English locale (the module the package's index re-exports as `chrono.en`): the index loads
 * every language chrono reads, over 200 modules, and the bot reads British English alone. Required
 * rather than imported because TypeScript's node resolution cannot see a package's subpath exports.
 */
const english = require('chrono-node/en') as typeof chrono.en;
const BRITISH = english.GB.clone();
BRITISH.parsers.unshift(britishWeekOn);

/** Minutes east of UTC on UK clocks at this instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: Date): number {
  const wall = new Date(`${instant.toLocaleString('en-US', { timeZone: 'Europe/London' })} UTC`);
  // The wall clock is read to the second, so the instant is too: rounding to the minute would add one.
  return Math.round((wall.getTime() - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

function parse(text: string, now: Date): ParsedResult[] {
  // Messages can be long; dates are said early and chrono's cost grows with the text.
  return BRITISH.parse(text.slice(0, 500), { instant: now, timezone: londonOffsetMinutes(now) }, { forwardDate: true });
}

/** A calendar day was named, not only a period ("next week", "next month" leave the day open). */
function namesADay(result: ParsedResult): boolean {
  // "Request updates now" or "today" is about when to send, not when they are due.
  if (/^(now|today|tonight|right now)$/i.test(result.text.trim())) return false;
  if (result.start.isCertain('weekday')) return true;
  // "By the end of the month" names a day; "next month" does not.
  return result.start.isCertain('day') && (/\bend of\b/i.test(result.text) || !/\b(week|weeks|fortnight|month|months|year|years)\b/i.test(result.text));
}

function isoDateOf(result: ParsedResult): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${result.start.get('year')}-${pad(result.start.get('month')!)}-${pad(result.start.get('day')!)}`;
}

/** Something shaped like a date or a time that chrono could not read as one (31/02/2027, 25:00). */
const DATE_SHAPE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
const TIME_SHAPE = /\b\d{1,2}[:.]\d{2}\b/;

/** The first result that names a day, and whether the text also holds a date or time it could not read. */
function firstDay(text: string, now: Date): { result?: ParsedResult; unreadable: boolean } {
  const results = parse(text, now);
  const result = results.find(namesADay);
  const rest = result ? text.replace(result.text, ' ') : text;
  const unreadable = DATE_SHAPE.test(rest) || (result !== undefined && !result.start.isCertain('hour') && TIME_SHAPE.test(rest));
  return { result, unreadable };
}

/**
 * The start of a meeting named in a message, on UK clocks. A bare "at 2" means 2pm (Steering Groups
 * do not meet at 2am); without a time, 10:00. Undefined when no day is named, or when a date or time
 * in the message cannot be read (the form then asks for it).
 */
export function readMeetingStart(text: string, now: Date): Date | undefined {
  const { result, unreadable } = firstDay(text, now);
  if (!result || unreadable) return undefined;
  let hour = result.start.isCertain('hour') ? result.start.get('hour')! : 10;
  const minute = result.start.isCertain('hour') ? (result.start.get('minute') ?? 0) : 0;
  if (result.start.isCertain('hour') && !result.start.isCertain('meridiem') && hour >= 1 && hour <= 7) hour += 12;
  return londonTimeToInstant(result.start.get('year')!, result.start.get('month')!, result.start.get('day')!, hour, minute);
}

/**
 * The deadline named in a message ("by 12 December", "by the end of the month", "a week on
 * Friday"), as YYYY-MM-DD. Undefined when none is named; an InvalidError when the date does not
 * exist or is not after today.
 */
export function readDeadline(text: string, now: Date): string | undefined {
  const { result, unreadable } = firstDay(text, now);
  if (unreadable) throw new InvalidError('That deadline is not a date in the calendar.', ['deadline: write it as, for example, "request updates by 12 December"']);
  if (!result) return undefined;
  const date = isoDateOf(result);
  if (date <= londonDate(now)) throw new InvalidError(`The deadline ${ukDate(date)} is not after today; choose a later date.`, ['deadline: choose a date after today']);
  return date;
}
