import type { ChannelRepository, MemberRepository } from '../ports';
import type { PartnershipDirectory } from './directory';
import type { ReachableLead } from './lead-chats';
import { isPinned } from './partnership-channel';

/** What the domain needs to read from a stored conversation reference, which is otherwise opaque to it. */
export interface ReferenceReader {
  /** The conversation it reaches (a channel's id for the partnership channel). */
  conversationId(reference: string): string | undefined;
  /** The Teams user id (29:...) of the person a 1:1 reference reaches, when the reference says. */
  userId(reference: string): string | undefined;
}

/** Why the partnership channel can no longer be posted to. */
export type ChannelLossReason = 'channel-deleted' | 'bot-removed' | 'team-deleted' | 'team-archived';

/** The partnership channel was forgotten: the Prevent Officers to tell, where the bot can reach them. */
export interface ChannelLost {
  readonly name?: string;
  readonly reason: ChannelLossReason;
  readonly officers: readonly ReachableLead[];
}

/** Someone who left the partnership team, as Teams names them (the object id is not always given). */
export interface TeamLeaver {
  readonly teamsUserId: string;
  readonly aadObjectId?: string;
}

/**
 * Keeps the stored conversation references true to what Teams says happened, so a proactive send
 * never finds out with a 403 that a chat or channel is gone. These are Teams' events, not anyone's
 * request, so no permission applies; every change is audited (as the bot's) by the repositories.
 * Memberships and history are never touched: whether someone leaves the partnership is the Prevent
 * Officer's decision.
 */
export class ConversationLifecycle {
  constructor(
    private readonly members: MemberRepository,
    private readonly channels: ChannelRepository,
    private readonly directory: PartnershipDirectory,
    private readonly references: ReferenceReader,
  ) {}

  /** The person removed the bot from their 1:1 chat (uninstalled it): true when a reference was forgotten. */
  botRemovedFromPersonalChat(partnershipId: string, aadObjectId: string): Promise<boolean> {
    return this.directory.forgetPersonalChat(partnershipId, aadObjectId);
  }

  /** The bot was removed from a team: if it was the partnership team, its channel is forgotten. */
  async botRemovedFromTeam(partnershipId: string, teamId: string): Promise<ChannelLost | undefined> {
    return this.teamGone(partnershipId, teamId, 'bot-removed');
  }

  /** The team was deleted or archived (the bot can post to none of its channels). */
  async teamGone(partnershipId: string, teamId: string, reason: Extract<ChannelLossReason, 'bot-removed' | 'team-deleted' | 'team-archived'>): Promise<ChannelLost | undefined> {
    const channel = await this.channels.get(partnershipId);
    if (!isPinned(channel) || channel.teamId !== teamId) return undefined;
    return this.forgetChannel(partnershipId, channel.name, reason);
  }

  /** A channel was deleted: if it was the partnership channel, it is forgotten. */
  async channelDeleted(partnershipId: string, channelId: string): Promise<ChannelLost | undefined> {
    const channel = await this.channels.get(partnershipId);
    if (!isPinned(channel) || this.references.conversationId(channel.reference) !== channelId) return undefined;
    return this.forgetChannel(partnershipId, channel.name, 'channel-deleted');
  }

  /** A channel was renamed: the partnership channel keeps its reference (ids do not change) and takes the new name. */
  async channelRenamed(partnershipId: string, channelId: string, name: string): Promise<boolean> {
    const channel = await this.channels.get(partnershipId);
    if (!isPinned(channel) || this.references.conversationId(channel.reference) !== channelId || channel.name === name) return false;
    await this.channels.rename(partnershipId, name);
    return true;
  }

  /**
   * People left the partnership team: their 1:1 references are forgotten (the bot reached them through
   * the team). Returns the object ids of those forgotten; people in any other team are left alone.
   */
  async membersLeftTeam(partnershipId: string, teamId: string, leavers: readonly TeamLeaver[]): Promise<string[]> {
    if (leavers.length === 0 || !(await this.directory.isPartnershipTeam(partnershipId, teamId))) return [];
    const byTeamsId = leavers.some((leaver) => !leaver.aadObjectId) ? await this.membersByTeamsUserId(partnershipId) : new Map<string, string>();
    const forgotten: string[] = [];
    for (const leaver of leavers) {
      const aadObjectId = leaver.aadObjectId ?? byTeamsId.get(leaver.teamsUserId);
      if (!aadObjectId || !(await this.directory.isMember(partnershipId, aadObjectId))) continue;
      if (await this.directory.forgetPersonalChat(partnershipId, aadObjectId)) forgotten.push(aadObjectId);
    }
    return forgotten;
  }

  /** Registered members by the Teams user id their 1:1 reference names: Teams' removal events may give only that. */
  private async membersByTeamsUserId(partnershipId: string): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const member of await this.members.list(partnershipId)) {
      const reference = await this.members.getConversationReference(partnershipId, member.aadObjectId);
      const userId = reference ? this.references.userId(reference) : undefined;
      if (userId) found.set(userId, member.aadObjectId);
    }
    return found;
  }

  private async forgetChannel(partnershipId: string, name: string | undefined, reason: ChannelLossReason): Promise<ChannelLost> {
    await this.channels.forget(partnershipId);
    const officers = (await this.members.list(partnershipId)).filter((member) => member.role === 'prevent-officer');
    const reachable = await Promise.all(
      officers.map(async (officer) => {
        const reference = await this.members.getConversationReference(partnershipId, officer.aadObjectId);
        return reference ? { ...officer, reference } : officer;
      }),
    );
    return { ...(name ? { name } : {}), reason, officers: reachable };
  }
}
