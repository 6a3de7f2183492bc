import type { AdaptiveCardJson } from '../cards/render';
import type { MessageKind } from '../domain/outbox/outbox-message';
import type { BotServices } from './bot-services';

/**
 * Puts a card for the partnership channel in the outbox: a new post, or (with `replaceActivityId`)
 * a refresh of one posted before. False until the Prevent Officer has set the channel ("use this channel").
 */
export async function enqueueToChannel(
  partnershipId: string,
  services: BotServices,
  post: { kind: MessageKind; title: string; card: AdaptiveCardJson; subjectId?: string; replaceActivityId?: string },
): Promise<boolean> {
  const channel = await services.directory.channel(partnershipId);
  if (!channel) return false;
  await enqueueToPinnedChannel(channel, partnershipId, services, post);
  return true;
}

/** The same, to a channel the service already found, so the send step reads nothing itself. */
export async function enqueueToPinnedChannel(
  channel: string,
  partnershipId: string,
  services: BotServices,
  post: { kind: MessageKind; title: string; card: AdaptiveCardJson; subjectId?: string; replaceActivityId?: string },
): Promise<void> {
  const batch = services.outbox.draft({ partnershipId, kind: post.kind, title: post.title });
  await services.outbox.enqueue(batch, [
    {
      kind: post.kind,
      ...(post.subjectId ? { subjectId: post.subjectId } : {}),
      recipient: { name: 'the partnership channel' },
      reference: channel,
      card: post.card,
      ...(post.replaceActivityId ? { replaceActivityId: post.replaceActivityId } : {}),
    },
  ]);
}
