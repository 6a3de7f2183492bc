import { STATUS_LABELS, type ActionStatus } from '../domain/actions/action';
import { RATING_LABELS, type Rating } from '../domain/assessment/framework';
import type { Movement, OrganisationRef } from '../domain/summary/compliance-summary';

/** The wording the document, the workbook and the CSV share, so the three never disagree. */

const UK_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const UK_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "31 Mar 2018" for a YYYY-MM-DD calendar date. */
export function reportDate(isoDate: string): string {
  return UK_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

/** "22 Nov 2026, 10:00" in UK time. */
export function reportDateTime(iso: string): string {
  return UK_DATE_TIME.format(new Date(iso));
}

export function scoreText(score: number | undefined): string {
  return score === undefined ? 'no returns' : `${score}%`;
}

export const MOVEMENT_LABELS: Readonly<Record<Movement, string>> = { up: 'Up', down: 'Down', same: 'No change', new: 'New' };

/** "Up from 55%", "No change", "New": how a score moved against the previous round. */
export function movementText(movement: Movement, previousScore: number | undefined): string {
  if ((movement === 'up' || movement === 'down') && previousScore !== undefined) return `${MOVEMENT_LABELS[movement]} from ${previousScore}%`;
  return MOVEMENT_LABELS[movement];
}

export function ratingText(rating: Rating | undefined): string {
  return rating ? RATING_LABELS[rating] : '';
}

export function statusText(status: ActionStatus | undefined): string {
  return status ? STATUS_LABELS[status] : 'No update yet';
}

export function namesOf(organisations: readonly Pick<OrganisationRef, 'name'>[]): string {
  return organisations.map((o) => o.name).join(', ');
}

export function benchmarkLabel(benchmark: { readonly number: number; readonly title: string }): string {
  return `${benchmark.number}. ${benchmark.title}`;
}

/** What a rating cell says for an organisation whose return is not submitted. */
export const NOT_RETURNED = 'Not returned';
