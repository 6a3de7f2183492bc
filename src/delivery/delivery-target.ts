import { channelCardForEveryone } from '../cards/channel-mention';
import type { AdaptiveCardJson } from '../cards/render';
import type { ChannelCardRef } from '../cards/channel-mention';
import { currentTarget, type OutboxMessage } from '../domain/outbox/outbox-message';
import { referenceReader } from './messenger-transport';
import type { Delivery } from './outbox-transport';

/** Where the card is in the outbox, and the person's Teams user id if their 1:1 reference names it. */
export function channelCardRef(message: OutboxMessage): ChannelCardRef {
  // Without a fallback the reference is the channel's itself (the person never had a 1:1 chat): it names no one.
  const oneToOne = message.channelFallback && message.reference !== message.channelFallback.reference ? referenceReader.userId(message.reference) : undefined;
  return { batchId: message.batchId, messageId: message.id, ...(oneToOne ? { teamsUserId: oneToOne } : {}) };
}

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
    card: channelCardForEveryone(message.card as AdaptiveCardJson, { aadObjectId, name: message.recipient.name }, channelCardRef(message)),
    ...(message.replaceActivityId ? { replaceActivityId: message.replaceActivityId } : {}),
  };
}
