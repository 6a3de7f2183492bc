import type { MemberRepository, OrganisationRepository } from '../ports';
import type { Actor } from './member';

/** Who is asking, and what the partnership's organisations are called. */
export class PartnershipDirectory {
  constructor(
    private readonly members: MemberRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

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
