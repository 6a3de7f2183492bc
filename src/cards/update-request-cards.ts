import type { RoundProgress } from '../domain/actions/update-request-service';
import { escapeMarkdown } from './markdown';
import { progressCard } from './progress-card';
import { renderCard, type AdaptiveCardJson } from './render';

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

export interface UpdateRequestSummaryData {
  readonly title?: string;
  readonly sentTo: readonly string[];
  readonly organisations: number;
  /** "Name (Organisation): reason" for everyone the bot could not reach. */
  readonly unreached: readonly string[];
  readonly channelPosted: boolean;
}

/** Tells the Prevent Officer who was asked and who could not be reached, and why. */
export function updateRequestSummaryCard(data: UpdateRequestSummaryData): AdaptiveCardJson {
  return renderCard('update-request-summary', {
    title: data.title ?? 'Update requests sent',
    sentLine:
      data.sentTo.length === 0
        ? 'Nobody could be asked yet.'
        : `Sent to ${data.sentTo.length} ${data.sentTo.length === 1 ? 'person' : 'people'} in ${data.organisations} ${data.organisations === 1 ? 'organisation' : 'organisations'}: ${data.sentTo.map(escapeMarkdown).join(', ')}.`,
    unreached: data.unreached.map(escapeMarkdown),
    channelLine: data.channelPosted
      ? 'The progress card is posted in the partnership channel.'
      : 'No partnership channel is known yet, so no progress card was posted: add the bot to the Steering Group team and mention it once in the channel.',
  });
}
