import { withChannelMention } from '../cards/channel-mention';
import type { AdaptiveCardJson } from '../cards/render';
import { currentTarget, type OutboxMessage } from '../domain/outbox/outbox-message';
import type { Delivery } from './outbox-transport';

/**
 * What one attempt at a row sends, and where: the row as written, or, once it goes to the partnership
 * channel instead of 1:1, its card opening with an @mention of the person, to the channel.
 */
export function deliveryOf(message: OutboxMessage): Delivery {
  const aadObjectId = message.recipient.aadObjectId;
  if (message.via !== 'channel' || !aadObjectId) return message;
  return {
    operation: message.operation,
    reference: currentTarget(message).reference,
    card: withChannelMention(message.card as AdaptiveCardJson, { aadObjectId, name: message.recipient.name }),
    ...(message.replaceActivityId ? { replaceActivityId: message.replaceActivityId } : {}),
  };
}
