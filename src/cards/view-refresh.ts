import { TEAMS_AUTOMATIC_REFRESH_LIMIT } from '../domain/partnership/refresh-audience';
import type { AdaptiveCardJson } from './render';

/** The title Teams shows for a card's manual refresh, and the button for those it does not refresh. */
export const SHOW_MY_VIEW = 'Show my view';

/**
 * Makes a card one with a view per person (Teams' user specific views): Teams asks the bot for
 * `verb` when the card is shown to one of `userIds` (Teams user ids, at most 60), and the bot answers
 * with that person's view. Everyone else sees the card as it is, with a "Show my view" button.
 */
export function withViewRefresh(card: AdaptiveCardJson, verb: string, data: Record<string, string>, userIds: readonly string[]): AdaptiveCardJson {
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', title: SHOW_MY_VIEW, verb, data: { verb, ...data } },
      userIds: [...new Set(userIds)].slice(0, TEAMS_AUTOMATIC_REFRESH_LIMIT),
    },
  };
}
