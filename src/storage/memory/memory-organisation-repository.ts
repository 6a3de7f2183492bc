import { organisationSchema, type Organisation } from '../../domain/partnership/organisation';
import type { ChangeAuthor, OrganisationRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';

/** Same contract as the Table repository, for unit tests. */
export class MemoryOrganisationRepository implements OrganisationRepository {
  private readonly organisations = new Map<string, Map<string, Organisation>>();

  async list(partnershipId: string): Promise<Organisation[]> {
    return [...(this.organisations.get(partnershipId)?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)).map((o) => structuredClone(o));
  }

  async get(partnershipId: string, organisationId: string): Promise<Organisation | undefined> {
    const found = this.organisations.get(partnershipId)?.get(organisationId);
    return found ? structuredClone(found) : undefined;
  }

  async save(partnershipId: string, organisation: Organisation, _author: ChangeAuthor): Promise<void> {
    const valid = parseOrThrow(organisationSchema, organisation, 'organisation');
    const byId = this.organisations.get(partnershipId) ?? new Map<string, Organisation>();
    byId.set(valid.id, structuredClone(valid));
    this.organisations.set(partnershipId, byId);
  }
}
