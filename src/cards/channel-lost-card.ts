import type { ChannelLossReason } from '../domain/partnership/conversation-lifecycle';
import { escapeMarkdown } from './markdown';
import { renderCard, type AdaptiveCardJson } from './render';

/** Sent 1:1 to each Prevent Officer when Teams says the partnership channel can no longer be posted to. */
export const CHANNEL_LOST_TEMPLATE = 'channel-lost';

const HAPPENED: Record<ChannelLossReason, string> = {
  'channel-deleted': 'was deleted in Teams',
  'bot-removed': 'is in a team the bot has been removed from',
  'team-deleted': 'belonged to a team that was deleted',
  'team-archived': 'belongs to a team that was archived, so nothing can be posted there',
};

/** "The channel "Steering Group" was deleted in Teams." The name, from Teams, is escaped. */
export function channelLostLine(name: string | undefined, reason: ChannelLossReason): string {
  return `The channel ${name ? `"${escapeMarkdown(name)}" ` : ''}${HAPPENED[reason]}.`;
}

export function channelLostCard(lost: { readonly name?: string; readonly reason: ChannelLossReason }): AdaptiveCardJson {
  return renderCard(CHANNEL_LOST_TEMPLATE, { what: channelLostLine(lost.name, lost.reason) });
}
