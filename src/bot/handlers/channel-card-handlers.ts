import { channelCardForEveryone, channelCardForThem, type ChannelCardViewSubmit } from '../../cards/channel-mention';
import type { AdaptiveCardJson } from '../../cards/render';
import { channelCardRef } from '../../delivery/delivery-target';
import type { TurnHandler } from '../bot-services';
import { showView } from '../send-card';

/** A card posted in the channel for one person: their view to answer it, or everyone else's to read it. */
export function showChannelCardView(submit: ChannelCardViewSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { message, forViewer } = await services.outbox.channelCardFor(turn.partnershipId, turn.actor, submit.batchId, submit.messageId);
    const person = { aadObjectId: message.recipient.aadObjectId ?? '', name: message.recipient.name };
    const card = message.card as AdaptiveCardJson;
    await showView(context, forViewer ? channelCardForThem(card, person, channelCardRef(message)) : channelCardForEveryone(card, person, channelCardRef(message)));
  };
}
