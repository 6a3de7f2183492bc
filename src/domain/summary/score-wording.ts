import type { ComplianceSummary, GoodPracticeCount } from './compliance-summary';

/**
 * The words every headline (cards, board report) puts beside a score, so the chair's card, the
 * drill-down and the report never disagree about what a figure rests on.
 */

/** "provisional: from 1 of 15 organisations; 8 needed", or undefined once the quorum has returned. */
export function provisionalNote(returns: ComplianceSummary['returns']): string | undefined {
  if (!returns.provisional) return undefined;
  return `provisional: from ${returns.returned} of ${returns.total} ${returns.total === 1 ? 'organisation' : 'organisations'}; ${returns.quorum} needed`;
}

/** "90%", "90% (provisional: from 1 of 15 organisations; 8 needed)", or `none` when there is no score. */
export function scoreWithQuorum(score: number | undefined, returns: ComplianceSummary['returns'], none: string): string {
  if (score === undefined) return none;
  const note = provisionalNote(returns);
  return note ? `${score}% (${note})` : `${score}%`;
}

/** "good practice: 3 of 9 in place"; "good practice: none rated yet" before any rating. */
export function goodPracticeText(goodPractice: GoodPracticeCount): string {
  return goodPractice.rated === 0 ? 'good practice: none rated yet' : `good practice: ${goodPractice.inPlace} of ${goodPractice.rated} in place`;
}

/**
 * What a movement is measured against: " in 2026/27 Q1, when 12 organisations had returned, not the
 * same ones" when different organisations' returns count in the two rounds; empty when they are the same.
 */
export function comparisonCaveat(summary: Pick<ComplianceSummary, 'previousRound'>): string {
  const previous = summary.previousRound;
  if (!previous || previous.sameOrganisations) return '';
  return ` in ${previous.name}, when ${previous.returned} ${previous.returned === 1 ? 'organisation had' : 'organisations had'} returned, not the same ones`;
}
