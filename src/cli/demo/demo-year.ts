import type { Action } from '../../domain/actions/action';
import { londonDate } from '../../domain/clock';

/** The financial year the shipped plan was written for: April 2017 to March 2018. */
export const DEMO_PLAN_FINANCIAL_YEAR = 2017;

/** The year in which the UK financial year holding `isoDate` starts (it runs 1 April to 31 March). */
export function financialYearOf(isoDate: string): number {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

/**
 * Whole years from the plan's financial year to the one holding `now` (UK date): the demo plan is
 * moved by this many years so it reads as this year's plan, whatever the day `npm start` runs.
 */
export function demoYearOffset(now: Date): number {
  return financialYearOf(londonDate(now)) - DEMO_PLAN_FINANCIAL_YEAR;
}

function isLastDayOfMonth(year: number, month: number, day: number): boolean {
  return new Date(Date.UTC(year, month, 0)).getUTCDate() === day;
}

/** A YYYY-MM-DD date `years` later; a month's last day stays its last day (28 Feb 2018 -> 29 Feb 2028). */
export function moveDate(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const movedYear = year + years;
  const lastDay = new Date(Date.UTC(movedYear, month, 0)).getUTCDate();
  const movedDay = isLastDayOfMonth(year, month, day) ? lastDay : Math.min(day, lastDay);
  return `${String(movedYear).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(movedDay).padStart(2, '0')}`;
}

/**
 * The plan with each due date moved by `years`. The timescale stays the plan's own words
 * ("March 2018"): only the due date, which red/amber/green is worked out from, moves.
 */
export function movePlanDates(plan: readonly Action[], years: number): Action[] {
  return plan.map((action) => (action.dueDate && years !== 0 ? { ...action, dueDate: moveDate(action.dueDate, years) } : action));
}
