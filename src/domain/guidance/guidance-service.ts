import { NotFoundError } from '../errors';
import type { GuidanceRepository } from '../ports';
import type { ReferralPathway, TrainingCatalogue } from './guidance';

export class GuidanceNotConfiguredError extends NotFoundError {
  constructor(readonly partnershipId: string) {
    super(`partnership "${partnershipId}" has not loaded its guidance`);
  }
}

export class GuidanceService {
  constructor(private readonly guidance: GuidanceRepository) {}

  async referralPathway(partnershipId: string): Promise<{ partnershipName: string; pathway: ReferralPathway }> {
    const guidance = await this.require(partnershipId);
    return { partnershipName: guidance.partnershipName, pathway: guidance.referralPathway };
  }

  async training(partnershipId: string): Promise<{ partnershipName: string; training: TrainingCatalogue }> {
    const guidance = await this.require(partnershipId);
    return { partnershipName: guidance.partnershipName, training: guidance.training };
  }

  private async require(partnershipId: string) {
    const guidance = await this.guidance.get(partnershipId);
    if (!guidance) throw new GuidanceNotConfiguredError(partnershipId);
    return guidance;
  }
}
