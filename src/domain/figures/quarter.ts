import { z } from 'zod';
import { financialQuarterOf, QUARTER_MONTHS, type FinancialQuarter } from '../meetings/annual-items';

/**
 * A quarter of the UK financial year, written as the partnership writes it: "2026-27 Q3" is October
 * to December 2026. Figures are returned per quarter (SOP 000 §4.4-4.6: reviewed at each quarterly
 * meeting), so the quarter is the key of every return.
 */
export type QuarterId = string;

const QUARTER = /^(\d{4})-(\d{2}) Q([1-4])$/;

export const quarterIdSchema = z
  .string()
  .regex(QUARTER, 'a quarter is written like "2026-27 Q3"')
  .refine((id) => {
    const [, start, end] = QUARTER.exec(id) ?? [];
    return (Number(start) + 1) % 100 === Number(end);
  }, 'the two years of a quarter follow one another, like "2026-27 Q3"');

function parts(id: QuarterId): { startYear: number; quarter: FinancialQuarter } {
  const match = QUARTER.exec(id);
  if (!match) throw new Error(`not a quarter: ${id}`);
  return { startYear: Number(match[1]), quarter: Number(match[3]) as FinancialQuarter };
}

function quarterId(startYear: number, quarter: FinancialQuarter): QuarterId {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')} Q${quarter}`;
}

/** The quarter holding a UK date (YYYY-MM-DD). */
export function quarterOf(date: string): QuarterId {
  const { quarter, year } = financialQuarterOf(date);
  return `${year} Q${quarter}`;
}

/** The quarter before: figures are asked for once a quarter has ended. */
export function previousQuarter(id: QuarterId): QuarterId {
  const { startYear, quarter } = parts(id);
  return quarter === 1 ? quarterId(startYear - 1, 4) : quarterId(startYear, (quarter - 1) as FinancialQuarter);
}

/** The last complete quarter before the UK date: the one a meeting on that date reviews. */
export function lastCompleteQuarter(date: string): QuarterId {
  return previousQuarter(quarterOf(date));
}

/** `count` quarters ending with `last`, oldest first (a trend reads left to right). */
export function quartersEnding(last: QuarterId, count: number): QuarterId[] {
  const quarters = [last];
  while (quarters.length < count) quarters.unshift(previousQuarter(quarters[0]!));
  return quarters;
}

/** Sorts quarter ids in time order (the ids themselves sort that way). */
export function compareQuarters(a: QuarterId, b: QuarterId): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "2026-27 Q3 (October to December 2026)". */
export function quarterLabel(id: QuarterId): string {
  const { startYear, quarter } = parts(id);
  const calendarYear = quarter === 4 ? startYear + 1 : startYear;
  return `${id} (${QUARTER_MONTHS[quarter]} ${calendarYear})`;
}

/** The first UK date after the quarter ends: returns are due from then. */
export function dayAfterQuarter(id: QuarterId): string {
  const { startYear, quarter } = parts(id);
  const month = quarter === 4 ? 4 : 4 + quarter * 3;
  const year = quarter === 4 ? startYear + 1 : startYear;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}
