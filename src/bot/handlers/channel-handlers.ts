import { TeamsInfo, TurnContext } from 'botbuilder';
import type { TurnHandler } from '../bot-services';
import { prepareTeam } from './roster-handlers';

/** The confirmation in the channel: one line, nothing about the partnership in it. */
export const CHANNEL_PINNED = 'This is now the partnership channel: agendas and progress cards will be posted here.';

interface TeamsChannelData {
  readonly team?: { id?: string };
  readonly channel?: { id?: string; name?: string };
}

/**
 * Teams sends a channel message without the channel's name, so it is looked up in the team's list
 * (where the General channel has none). Only for the partnership card: without it the card says "set".
 */
async function channelName(context: TurnContext, channelData: TeamsChannelData): Promise<string | undefined> {
  const named = channelData.channel?.name ?? context.activity.conversation?.name;
  if (named) return named;
  const teamId = channelData.team?.id;
  const channelId = channelData.channel?.id;
  if (!teamId || !channelId) return undefined;
  try {
    const channels = await TeamsInfo.getTeamChannels(context, teamId);
    const found = channels.find((channel) => channel.id === channelId);
    return found ? (found.name ?? 'General') : undefined;
  } catch {
    return undefined;
  }
}

async function channelOf(context: TurnContext) {
  const reference = TurnContext.getConversationReference(context.activity);
  delete reference.activityId;
  const channelData = (context.activity.channelData ?? {}) as TeamsChannelData;
  // Typed as a reply, the conversation is that thread ("<channel>;messageid=<post>"): posts go to the channel itself.
  if (reference.conversation?.id) reference.conversation = { ...reference.conversation, id: reference.conversation.id.split(';')[0]! };
  const teamId = channelData.team?.id;
  const name = await channelName(context, channelData);
  return { reference: JSON.stringify(reference), ...(teamId ? { teamId } : {}), ...(name ? { name: name.slice(0, 200) } : {}) };
}

/**
 * "use this channel", typed by the Prevent Officer in a channel of the Steering Group's team: the
 * partnership's posts go there from now on, and the bot gets ready to reach that team's registered
 * members in 1:1 chat. Nothing else ever sets the channel.
 */
export const useThisChannel: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  await services.directory.pinChannel(partnershipId, actor, turn.conversationType === 'channel' ? () => channelOf(context) : undefined, services.now());
  await context.sendActivity(CHANNEL_PINNED);
  // Members who were in the team before it was pinned: the bot could not get ready for them then.
  await prepareTeam(context, services).catch((error: unknown) => services.logger.warn({ err: error }, 'could not read the partnership team roster'));
};
