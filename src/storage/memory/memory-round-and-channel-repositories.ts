import type { UpdateRound } from '../../domain/actions/update-round';
import type { PartnershipChannel } from '../../domain/partnership/partnership-channel';
import type { ChannelRepository, UpdateRoundRepository } from '../../domain/ports';

/** Same contracts as the Table repositories, for unit tests. */
export class MemoryUpdateRoundRepository implements UpdateRoundRepository {
  private readonly rounds = new Map<string, UpdateRound>();

  async current(partnershipId: string): Promise<UpdateRound | undefined> {
    const round = this.rounds.get(partnershipId);
    return round ? { ...round } : undefined;
  }

  async save(partnershipId: string, round: UpdateRound): Promise<void> {
    this.rounds.set(partnershipId, { ...round });
  }
}

export class MemoryChannelRepository implements ChannelRepository {
  private readonly channels = new Map<string, PartnershipChannel>();

  async get(partnershipId: string): Promise<PartnershipChannel | undefined> {
    const channel = this.channels.get(partnershipId);
    return channel ? { ...channel } : undefined;
  }

  async save(partnershipId: string, channel: PartnershipChannel): Promise<void> {
    this.channels.set(partnershipId, { ...channel });
  }

  async rename(partnershipId: string, name: string): Promise<void> {
    const channel = this.channels.get(partnershipId);
    if (channel) this.channels.set(partnershipId, { ...channel, name });
  }

  async forget(partnershipId: string): Promise<void> {
    this.channels.delete(partnershipId);
  }
}
