import { renderCard, type AdaptiveCardJson } from './render';

/** The answer to "thanks", "ok", a thumbs-up: nothing to do, and a way back to the menu. */
export const ACKNOWLEDGEMENT_TEMPLATE = 'acknowledgement';

export function acknowledgementCard(): AdaptiveCardJson {
  return renderCard(ACKNOWLEDGEMENT_TEMPLATE, {});
}
