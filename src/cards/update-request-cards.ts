import { z } from 'zod';
import type { OrganisationProgress, RoundProgress } from '../domain/actions/update-request-service';
import { progressCard } from './progress-card';
import type { AdaptiveCardJson } from './render';

/** One person's view of the channel's action-update progress card: its refresh, and "Show my view". */
export const ROUND_PROGRESS_VIEW_VERB = 'round-progress-view';

export const roundProgressViewSubmitSchema = z.object({
  verb: z.literal(ROUND_PROGRESS_VIEW_VERB),
  /** The round's start (an ISO instant): the card is for that round only. */
  roundId: z.string().datetime(),
});
export type RoundProgressViewSubmit = z.infer<typeof roundProgressViewSubmitSchema>;

function ownLine(own: OrganisationProgress): string {
  if (own.total === 0) return `Your organisation, ${own.organisationName}, owns no actions in this round.`;
  if (own.updated >= own.total) return `Your organisation, ${own.organisationName}: all ${own.total} of its actions updated.`;
  return `Your organisation, ${own.organisationName}: ${own.updated} of ${own.total} of its actions updated.`;
}

/**
 * The channel's "N of M actions updated" card, replaced in place as updates arrive. With
 * `refreshFor` it is the card for everyone, refreshing to each listed person's view; with `viewer`
 * it is one person's view (their own organisation's line, when they answer for one).
 */
export function roundProgressCard(progress: RoundProgress, options: { refreshFor?: readonly string[]; viewer?: { own?: OrganisationProgress } } = {}): AdaptiveCardJson {
  const { refreshFor, viewer } = options;
  return progressCard({
    ...(viewer ? { ownLine: viewer.own ? ownLine(viewer.own) : '' } : {}),
    ...(refreshFor ? { view: { verb: ROUND_PROGRESS_VIEW_VERB, roundId: progress.round.startedAt, refreshFor } } : {}),
    title: 'Action plan updates',
    done: progress.updated,
    total: progress.total,
    unit: 'actions updated',
    doneLine: 'Every organisation has returned its updates.',
    requestedBy: progress.round.requestedByName,
    requestedAt: progress.round.startedAt,
    waitingFor: progress.waitingFor,
  });
}
