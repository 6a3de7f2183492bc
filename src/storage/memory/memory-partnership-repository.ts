import { partnershipSchema, type Partnership } from '../../domain/partnership/partnership';
import type { ChangeAuthor, PartnershipRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';

/** Same contract as the Table repository, for unit tests. */
export class MemoryPartnershipRepository implements PartnershipRepository {
  private readonly partnerships = new Map<string, Partnership>();

  async get(partnershipId: string): Promise<Partnership | undefined> {
    const found = this.partnerships.get(partnershipId);
    return found ? structuredClone(found) : undefined;
  }

  async listIds(): Promise<string[]> {
    return [...this.partnerships.keys()].sort();
  }

  async findByTenant(tenantId: string): Promise<Partnership | undefined> {
    for (const partnership of this.partnerships.values()) {
      if (partnership.tenantIds.includes(tenantId)) return structuredClone(partnership);
    }
    return undefined;
  }

  async save(partnership: Partnership, _author: ChangeAuthor): Promise<void> {
    const valid = parseOrThrow(partnershipSchema, partnership, 'partnership');
    this.partnerships.set(valid.id, structuredClone(valid));
  }
}
