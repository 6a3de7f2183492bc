import { formatDateTime } from './format';
import { escapeMarkdown } from './markdown';
import { firstLines } from './paging';
import { renderCard, type AdaptiveCardJson } from './render';

/** The channel's "N of M ... " counter for a round, replaced in place as replies arrive. */
export interface ProgressCardData {
  readonly title: string;
  readonly done: number;
  readonly total: number;
  /** "actions updated", "organisations returned". */
  readonly unit: string;
  readonly doneLine: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly waitingFor: readonly string[];
}

/** The channel card lists who it is waiting for; 60 organisations would crowd the channel. */
const MOST_WAITING = 20;

export function progressCard(data: ProgressCardData): AdaptiveCardJson {
  const share = data.total === 0 ? 1 : data.done / data.total;
  return renderCard('round-progress', {
    title: escapeMarkdown(data.title),
    countLine: `${data.done} of ${data.total} ${data.unit}`,
    doneLine: data.doneLine,
    colour: share >= 1 ? 'Good' : share >= 0.5 ? 'Warning' : 'Attention',
    requestedBy: escapeMarkdown(data.requestedBy),
    requestedAt: formatDateTime(data.requestedAt),
    // Replaced in place as replies arrive, so a page would jump back to the first: the first lines, and where to see the rest.
    waitingFor: firstLines(data.waitingFor.map(escapeMarkdown), MOST_WAITING, (hidden) => `and ${hidden} more`),
  });
}
