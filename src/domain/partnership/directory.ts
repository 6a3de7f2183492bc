import { authorise } from '../authorisation';
import { londonDate } from '../clock';
import { InvalidError } from '../errors';
import type { ChannelRepository, MemberRepository, OrganisationRepository } from '../ports';
import type { Actor } from './member';
import { refreshAudience } from './refresh-audience';
import { channelStatus, isPinned, type ChannelStatus, type PartnershipChannel } from './partnership-channel';

/** What the bot knows of a channel when "use this channel" is typed in it. */
export type ChannelDetails = Pick<PartnershipChannel, 'reference' | 'teamId' | 'name'>;

/** Who is asking, what the organisations are called, and how to reach people and the channel. */
export class PartnershipDirectory {
  /** References already stored by this process: most turns need no write at all. */
  private readonly remembered = new Map<string, string>();

  constructor(
    private readonly members: MemberRepository,
    private readonly organisations: OrganisationRepository,
    private readonly channels: ChannelRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Stores how to reach this person in 1:1 chat, unless this process already stored it unchanged
   * today. Only for registered members: the bot keeps no way of reaching anyone else in the tenant.
   * Writing it again once a day keeps the row's last write close to the person's last message, which
   * is what the retention purge counts from. False when the person is not a member, so nothing was
   * stored.
   */
  async rememberPersonalChat(partnershipId: string, aadObjectId: string, reference: string): Promise<boolean> {
    const key = `person\u0000${partnershipId}\u0000${aadObjectId}`;
    const value = `${londonDate(this.now())}\u0000${reference}`;
    if (this.remembered.get(key) === value) return true;
    if (!(await this.isMember(partnershipId, aadObjectId))) return false;
    await this.members.saveConversationReference(partnershipId, aadObjectId, reference);
    this.remembered.set(key, value);
    return true;
  }

  /**
   * Forgets how to reach this person in 1:1 chat (Teams said the bot can no longer reach them there).
   * This process's note that it stored the reference goes too, so their next message stores it again.
   */
  async forgetPersonalChat(partnershipId: string, aadObjectId: string): Promise<boolean> {
    this.remembered.delete(`person\u0000${partnershipId}\u0000${aadObjectId}`);
    return this.members.forgetConversationReference(partnershipId, aadObjectId);
  }

  async personalChat(partnershipId: string, aadObjectId: string): Promise<string | undefined> {
    return this.members.getConversationReference(partnershipId, aadObjectId);
  }

  /** Registered in the partnership's member directory (with any role). */
  async isMember(partnershipId: string, aadObjectId: string): Promise<boolean> {
    return (await this.members.get(partnershipId, aadObjectId)) !== undefined;
  }

  /**
   * "use this channel", typed by the Prevent Officer in the channel: partnership posts go there from
   * now on. `channel` is undefined when it was typed anywhere but a channel, and may be a function
   * when finding the channel's details costs a call to Teams: made only once the person may pin it.
   */
  async pinChannel(partnershipId: string, actor: Actor, channel: ChannelDetails | (() => Promise<ChannelDetails>) | undefined, now: Date): Promise<PartnershipChannel> {
    authorise(actor, 'pin-channel');
    if (!channel) {
      throw new InvalidError('Type "use this channel" in the Teams channel where the partnership should see agendas and progress cards.', [
        'open the Steering Group team, go to its channel and type it there',
      ]);
    }
    const details = typeof channel === 'function' ? await channel() : channel;
    const pinned: PartnershipChannel = { ...details, pinnedBy: { aadObjectId: actor.aadObjectId, name: actor.name }, pinnedAt: now.toISOString() };
    await this.channels.save(partnershipId, pinned);
    return pinned;
  }

  /** The team of the pinned channel; undefined until the Prevent Officer has set one. */
  async teamId(partnershipId: string): Promise<string | undefined> {
    const channel = await this.channels.get(partnershipId);
    return isPinned(channel) ? channel.teamId : undefined;
  }

  /** Whether this is the team of the pinned channel: the only team whose members the bot gets ready to reach. */
  async isPartnershipTeam(partnershipId: string, teamId: string | undefined): Promise<boolean> {
    return teamId !== undefined && (await this.teamId(partnershipId)) === teamId;
  }

  /** Where partnership posts go: the pinned channel only, never one stored the old way. */
  async channel(partnershipId: string): Promise<string | undefined> {
    const channel = await this.channels.get(partnershipId);
    return isPinned(channel) ? channel.reference : undefined;
  }

  async channelStatus(partnershipId: string): Promise<ChannelStatus> {
    return channelStatus(await this.channels.get(partnershipId));
  }

  /** A registered member as stored; anyone else in the tenant is staff. */
  async actorFor(partnershipId: string, aadObjectId: string | undefined, displayName: string | undefined): Promise<Actor> {
    const member = aadObjectId ? await this.members.get(partnershipId, aadObjectId) : undefined;
    if (member) return member;
    return { aadObjectId: aadObjectId ?? 'unknown', name: displayName?.trim() || 'Someone', role: 'staff' };
  }

  /** Whom a channel card with views per person refreshes for by itself (at most Teams' 60), by AAD object id. */
  async refreshAudience(partnershipId: string): Promise<string[]> {
    return refreshAudience(await this.members.list(partnershipId));
  }

  async organisationNames(partnershipId: string): Promise<Map<string, string>> {
    return new Map((await this.organisations.list(partnershipId)).map((o) => [o.id, o.name]));
  }
}
