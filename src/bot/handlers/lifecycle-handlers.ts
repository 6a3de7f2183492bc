import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { channelLostCard } from '../../cards/channel-lost-card';
import type { ChannelLost, ChannelLossReason } from '../../domain/partnership/conversation-lifecycle';
import type { BotServices, TurnHandler } from '../bot-services';
import type { Turn } from '../turn-scope';
import { prepareTeam } from './roster-handlers';

/** The parts of Teams' lifecycle activities the bot acts on, checked before anything is done with them. */
const teamsIds = z.object({
  team: z.object({ id: z.string().min(1).max(500) }).optional(),
  channel: z.object({ id: z.string().min(1).max(500), name: z.string().max(1000).optional() }).optional(),
});
const installationSchema = z.object({ action: z.enum(['add', 'remove', 'add-upgrade', 'remove-upgrade']) });
const accountSchema = z.object({ id: z.string().min(1).max(500), aadObjectId: z.string().min(1).max(100).optional() });

function channelDataOf(context: TurnContext): z.infer<typeof teamsIds> {
  const parsed = teamsIds.safeParse(context.activity.channelData ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * Tells each Prevent Officer the bot can reach 1:1, through the outbox, that the partnership channel
 * is gone and what to do. Officers without a 1:1 chat are named in the log, which is all there is then.
 */
async function tellOfficers(partnershipId: string, lost: ChannelLost, services: BotServices): Promise<void> {
  const reachable = lost.officers.filter((officer) => officer.reference);
  services.logger.warn({ partnershipId, reason: lost.reason, officersTold: reachable.length, officers: lost.officers.length }, 'partnership channel forgotten');
  if (reachable.length === 0) return;
  const card = channelLostCard(lost);
  const batch = services.outbox.draft({ partnershipId, kind: 'channel-notice', title: 'The partnership channel needs setting again' });
  await services.outbox.enqueue(
    batch,
    reachable.map((officer) => ({
      kind: 'channel-notice' as const,
      recipient: { aadObjectId: officer.aadObjectId, name: officer.name },
      reference: officer.reference!,
      card,
    })),
  );
}

async function teamGone(turn: Turn, teamId: string | undefined, reason: Extract<ChannelLossReason, 'bot-removed' | 'team-deleted' | 'team-archived'>, services: BotServices) {
  if (!teamId) return;
  const lost = await services.conversations.teamGone(turn.partnershipId, teamId, reason);
  if (lost) await tellOfficers(turn.partnershipId, lost, services);
}

/**
 * The app installed, upgraded or removed. Removed from a 1:1 chat: that person's reference goes.
 * Removed from the partnership team: its channel goes. Added again to a team: ready the partnership
 * team's members as when first added (a 1:1 install is stored by the conversation capture already).
 */
export const installationChanged: TurnHandler = async (context, turn, services) => {
  const parsed = installationSchema.safeParse(context.activity);
  if (!parsed.success) return;
  const teamId = channelDataOf(context).team?.id;
  const removed = parsed.data.action === 'remove' || parsed.data.action === 'remove-upgrade';
  if (removed && teamId) await teamGone(turn, teamId, 'bot-removed', services);
  else if (removed && turn.conversationType === 'personal' && turn.aadObjectId) {
    const forgotten = await services.conversations.botRemovedFromPersonalChat(turn.partnershipId, turn.aadObjectId);
    services.logger.info({ partnershipId: turn.partnershipId, forgotten }, 'bot removed from a 1:1 chat');
  } else if (!removed && teamId) await prepareTeam(context, services);
};

/**
 * People left a team (or the bot was removed from one). From the partnership team, a member's 1:1
 * reference is forgotten, their membership and history are not: the Prevent Officer decides that.
 */
export const membersLeft: TurnHandler = async (context, turn, services) => {
  const botId = context.activity.recipient?.id;
  const leavers = (context.activity.membersRemoved ?? []).flatMap((member) => {
    const parsed = accountSchema.safeParse(member);
    return parsed.success ? [parsed.data] : [];
  });
  const teamId = channelDataOf(context).team?.id;
  if (leavers.some((member) => member.id === botId)) {
    if (teamId) await teamGone(turn, teamId, 'bot-removed', services);
    else if (turn.conversationType === 'personal' && turn.aadObjectId) await services.conversations.botRemovedFromPersonalChat(turn.partnershipId, turn.aadObjectId);
    return;
  }
  if (!teamId) return;
  const people = leavers.map((member) => ({ teamsUserId: member.id, ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}) }));
  const forgotten = await services.conversations.membersLeftTeam(turn.partnershipId, teamId, people);
  // Object ids only: who left is for the Prevent Officer to act on, from the team's own record.
  if (forgotten.length > 0)
    services.logger.info({ partnershipId: turn.partnershipId, aadObjectIds: forgotten }, 'registered members left the partnership team; their 1:1 chats were forgotten');
};

/** The partnership channel renamed in Teams: the same channel, with its new name on the partnership card. */
export const channelRenamed: TurnHandler = async (context, turn, services) => {
  const channel = channelDataOf(context).channel;
  if (!channel?.name) return;
  await services.conversations.channelRenamed(turn.partnershipId, channel.id, channel.name.slice(0, 200));
};

/** The partnership channel deleted in Teams: forgotten, and the Prevent Officers told to set another. */
export const channelDeleted: TurnHandler = async (context, turn, services) => {
  const channel = channelDataOf(context).channel;
  if (!channel) return;
  const lost = await services.conversations.channelDeleted(turn.partnershipId, channel.id);
  if (lost) await tellOfficers(turn.partnershipId, lost, services);
};

/** The team deleted or archived: nothing can be posted to its channels any more. */
export function teamClosed(reason: 'team-deleted' | 'team-archived'): TurnHandler {
  return async (context, turn, services) => teamGone(turn, channelDataOf(context).team?.id, reason, services);
}
