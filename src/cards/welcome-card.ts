import type { Capability } from '../domain/language/capabilities';
import { renderCard, type AdaptiveCardJson } from './render';

/** Sent once when the bot is added to a personal chat or a team. */
export const WELCOME_TEMPLATE = 'welcome';

export interface WelcomeCardData {
  readonly partnershipName: string;
  readonly capabilities: readonly Capability[];
}

export function welcomeCard(data: WelcomeCardData): AdaptiveCardJson {
  return renderCard(WELCOME_TEMPLATE, { ...data, buttons: data.capabilities.filter((c) => c.button) });
}
