import type { Capability } from '../domain/intents/capabilities';
import { escapeMarkdown, truncate } from './markdown';
import { renderCard, type AdaptiveCardJson } from './render';

/** What the bot can do, with a button per capability; echoes what it did not understand. */
export const HELP_TEMPLATE = 'help';

export interface HelpCardData {
  readonly capabilities: readonly Capability[];
  /** The message the bot did not understand, if that is why the card is shown. */
  readonly heard?: string;
}

export function helpCard(data: HelpCardData): AdaptiveCardJson {
  const heard = data.heard ? escapeMarkdown(truncate(data.heard.trim(), 80)) : '';
  return renderCard(HELP_TEMPLATE, { capabilities: data.capabilities, buttons: data.capabilities.filter((c) => c.button), heard });
}
