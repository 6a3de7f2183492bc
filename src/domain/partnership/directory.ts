import { londonDate } from '../clock';
import type { ChannelRepository, MemberRepository, OrganisationRepository } from '../ports';
import type { Actor } from './member';

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
   * today. Writing it again once a day keeps the row's last write close to the person's last message,
   * which is what the retention purge of non-members' references counts from; and a reference the
   * purge removed is stored again the next day they write.
   */
  async rememberPersonalChat(partnershipId: string, aadObjectId: string, reference: string): Promise<void> {
    const key = `person\u0000${partnershipId}\u0000${aadObjectId}`;
    const value = `${londonDate(this.now())}\u0000${reference}`;
    if (this.remembered.get(key) === value) return;
    await this.members.saveConversationReference(partnershipId, aadObjectId, reference);
    this.remembered.set(key, value);
  }

  async personalChat(partnershipId: string, aadObjectId: string): Promise<string | undefined> {
    return this.members.getConversationReference(partnershipId, aadObjectId);
  }

  /** Stores the partnership channel (where the bot was installed or last spoken to in a channel). */
  async rememberChannel(partnershipId: string, reference: string, teamId?: string): Promise<void> {
    const key = `channel\u0000${partnershipId}`;
    const value = `${reference}\u0000${teamId ?? ''}`;
    if (this.remembered.get(key) === value) return;
    await this.channels.save(partnershipId, reference, teamId);
    this.remembered.set(key, value);
  }

  async teamId(partnershipId: string): Promise<string | undefined> {
    return this.channels.getTeamId(partnershipId);
  }

  async channel(partnershipId: string): Promise<string | undefined> {
    return this.channels.get(partnershipId);
  }

  /** A registered member as stored; anyone else in the tenant is staff. */
  async actorFor(partnershipId: string, aadObjectId: string | undefined, displayName: string | undefined): Promise<Actor> {
    const member = aadObjectId ? await this.members.get(partnershipId, aadObjectId) : undefined;
    if (member) return member;
    return { aadObjectId: aadObjectId ?? 'unknown', name: displayName?.trim() || 'Someone', role: 'staff' };
  }

  async organisationNames(partnershipId: string): Promise<Map<string, string>> {
    return new Map((await this.organisations.list(partnershipId)).map((o) => [o.id, o.name]));
  }
}
