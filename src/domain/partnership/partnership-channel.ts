/**
 * The partnership channel: where agendas and progress cards are posted for everyone in the Steering
 * Group's team. It is set only by the Prevent Officer typing "use this channel" in it, so a message
 * in some other channel (or another team the bot was added to) can never redirect those posts.
 */
export interface PartnershipChannel {
  /** A serialised Bot Framework ConversationReference of the channel; opaque to the domain. */
  readonly reference: string;
  /** The Teams team the channel belongs to: the only team whose members the bot gets ready to reach. */
  readonly teamId?: string;
  readonly name?: string;
  /**
   * Who set it and when. Absent on a channel stored by versions before issue 16, which took it from
   * whatever channel last spoke to the bot; such a channel is never used until the officer sets one.
   */
  readonly pinnedBy?: { readonly aadObjectId: string; readonly name: string };
  readonly pinnedAt?: string;
}

/** What the partnership card says about the channel. */
export type ChannelStatus =
  | { readonly state: 'pinned'; readonly name?: string; readonly pinnedByName: string; readonly pinnedAt: string }
  /** Stored the old way (captured, not pinned): not used, and the officer is asked to set it. */
  | { readonly state: 'captured' }
  | { readonly state: 'not-set' };

export function isPinned(channel: PartnershipChannel | undefined): channel is PartnershipChannel & Required<Pick<PartnershipChannel, 'pinnedBy' | 'pinnedAt'>> {
  return channel?.pinnedBy !== undefined && channel.pinnedAt !== undefined;
}

export function channelStatus(channel: PartnershipChannel | undefined): ChannelStatus {
  if (isPinned(channel)) return { state: 'pinned', ...(channel.name ? { name: channel.name } : {}), pinnedByName: channel.pinnedBy.name, pinnedAt: channel.pinnedAt };
  return channel ? { state: 'captured' } : { state: 'not-set' };
}
