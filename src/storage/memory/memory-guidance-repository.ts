import { guidanceSchema, type Guidance } from '../../domain/guidance/guidance';
import type { ChangeAuthor, GuidanceRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';

export interface GuidanceVersion {
  readonly guidance: Guidance;
  readonly author: ChangeAuthor;
  readonly at: Date;
}

/** Same contract as the Table repository, for unit tests. */
export class MemoryGuidanceRepository implements GuidanceRepository {
  private readonly current = new Map<string, Guidance>();
  readonly history = new Map<string, GuidanceVersion[]>();

  async get(partnershipId: string): Promise<Guidance | undefined> {
    const guidance = this.current.get(partnershipId);
    return guidance ? structuredClone(guidance) : undefined;
  }

  async save(partnershipId: string, guidance: Guidance, author: ChangeAuthor): Promise<void> {
    const valid = parseOrThrow(guidanceSchema, guidance, 'guidance');
    this.current.set(partnershipId, structuredClone(valid));
    const versions = this.history.get(partnershipId) ?? [];
    versions.unshift({ guidance: structuredClone(valid), author, at: new Date() });
    this.history.set(partnershipId, versions);
  }
}
