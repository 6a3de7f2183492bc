import type { RoundProgress } from '../domain/actions/update-request-service';
import { progressCard } from './progress-card';
import type { AdaptiveCardJson } from './render';

/** The channel's "N of M actions updated" card, replaced in place as updates arrive. */
export function roundProgressCard(progress: RoundProgress): AdaptiveCardJson {
  return progressCard({
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
