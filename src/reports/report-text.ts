import { STATUS_LABELS, type ActionStatus } from '../domain/actions/action';
import { RATING_LABELS, type Rating } from '../domain/assessment/framework';
import type { Movement, OrganisationRef } from '../domain/summary/compliance-summary';

/** The wording the document, the workbook and the CSV share, so the three never disagree. */

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
