import type { UpdateRound } from '../../domain/actions/update-round';
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
  private readonly references = new Map<string, string>();
  private readonly teams = new Map<string, string>();

  async get(partnershipId: string): Promise<string | undefined> {
    return this.references.get(partnershipId);
  }

  async getTeamId(partnershipId: string): Promise<string | undefined> {
    return this.teams.get(partnershipId);
  }

  async save(partnershipId: string, reference: string, teamId?: string): Promise<void> {
    this.references.set(partnershipId, reference);
    if (teamId) this.teams.set(partnershipId, teamId);
  }
}
