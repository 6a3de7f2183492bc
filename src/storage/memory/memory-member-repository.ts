import { memberSchema, type Member } from '../../domain/partnership/member';
import type { ChangeAuthor, MemberRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';

/** Same contract as the Table repository, for unit tests. */
export class MemoryMemberRepository implements MemberRepository {
  private readonly members = new Map<string, Map<string, Member>>();
  private readonly references = new Map<string, string>();

  async list(partnershipId: string): Promise<Member[]> {
    return [...(this.members.get(partnershipId)?.values() ?? [])]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((m) => structuredClone(m));
  }

  async get(partnershipId: string, aadObjectId: string): Promise<Member | undefined> {
    const found = this.members.get(partnershipId)?.get(aadObjectId);
    return found ? structuredClone(found) : undefined;
  }

  async save(partnershipId: string, member: Member, _author: ChangeAuthor): Promise<void> {
    const valid = parseOrThrow(memberSchema, member, 'member');
    const byId = this.members.get(partnershipId) ?? new Map<string, Member>();
    byId.set(valid.aadObjectId, structuredClone(valid));
    this.members.set(partnershipId, byId);
  }

  async saveConversationReference(partnershipId: string, aadObjectId: string, reference: string): Promise<void> {
    this.references.set(`${partnershipId}\u0000${aadObjectId}`, reference);
  }

  async getConversationReference(partnershipId: string, aadObjectId: string): Promise<string | undefined> {
    return this.references.get(`${partnershipId}\u0000${aadObjectId}`);
  }
}
