import type { PartnershipRepository } from '../ports';

/**
 * Which partnership a Teams conversation belongs to: the one registered for the user's tenant, or
 * the deployment's default (a single-partnership deployment never needs to register tenants).
 */
export class PartnershipResolver {
  constructor(
    private readonly partnerships: PartnershipRepository,
    private readonly defaultPartnershipId: string,
  ) {}

  async resolveId(tenantId: string | undefined): Promise<string> {
    if (tenantId) {
      const match = await this.partnerships.findByTenant(tenantId);
      if (match) return match.id;
    }
    return this.defaultPartnershipId;
  }

  /** Every partnership served, with the default one even before it is registered. */
  async allIds(): Promise<string[]> {
    const ids = new Set(await this.partnerships.listIds());
    ids.add(this.defaultPartnershipId);
    return [...ids].sort();
  }

  /** The self-assessment framework the partnership uses by default. */
  async frameworkId(partnershipId: string): Promise<string> {
    return (await this.partnerships.get(partnershipId))?.frameworkId ?? 'home-office-2018';
  }

  async displayName(partnershipId: string): Promise<string> {
    return (await this.partnerships.get(partnershipId))?.name ?? 'your Prevent partnership';
  }
}
