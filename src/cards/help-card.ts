import type { Capability } from '../domain/language/capabilities';
import { renderCard, type AdaptiveCardJson } from './render';

/** What the bot can do, with a button per capability. It never repeats the message back: that may hold personal data. */
export const HELP_TEMPLATE = 'help';

export interface HelpCardData {
  readonly capabilities: readonly Capability[];
}

export function helpCard(data: HelpCardData): AdaptiveCardJson {
  return renderCard(HELP_TEMPLATE, { capabilities: data.capabilities, buttons: data.capabilities.filter((c) => c.button) });
}
