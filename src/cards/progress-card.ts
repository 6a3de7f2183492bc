import { formatDateTime } from './format';
import { escapeMarkdown } from './markdown';
import { firstLines } from './paging';
import { renderCard, type AdaptiveCardJson } from './render';
import { withViewRefresh } from './view-refresh';

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
  /** One person's view: their own organisation's line. */
  readonly ownLine?: string;
  /**
   * A card with a view per person: Teams asks for `verb` (with `roundId`) for each of `refreshFor`
   * (Teams user ids); a card for everyone (no `ownLine`) also offers "Show my view".
   */
  readonly view?: { readonly verb: string; readonly roundId: string; readonly refreshFor: readonly string[] };
}

/** The channel card lists who it is waiting for; 60 organisations would crowd the channel. */
const MOST_WAITING = 20;

export function progressCard(data: ProgressCardData): AdaptiveCardJson {
  const share = data.total === 0 ? 1 : data.done / data.total;
  const { view } = data;
  const card = renderCard('round-progress', {
    title: escapeMarkdown(data.title),
    ownLine: escapeMarkdown(data.ownLine ?? ''),
    showMyView: Boolean(view && data.ownLine === undefined),
    viewVerb: view?.verb ?? '',
    viewRoundId: view?.roundId ?? '',
    countLine: `${data.done} of ${data.total} ${data.unit}`,
    doneLine: data.doneLine,
    colour: share >= 1 ? 'Good' : share >= 0.5 ? 'Warning' : 'Attention',
    requestedBy: escapeMarkdown(data.requestedBy),
    requestedAt: formatDateTime(data.requestedAt),
    // Replaced in place as replies arrive, so a page would jump back to the first: the first lines, and where to see the rest.
    waitingFor: firstLines(data.waitingFor.map(escapeMarkdown), MOST_WAITING, (hidden) => `and ${hidden} more`),
  });
  return view ? withViewRefresh(card, view.verb, { roundId: view.roundId }, view.refreshFor) : card;
}
