import { InvalidError } from '../../domain/errors';
import { memberSchema, type Member } from '../../domain/partnership/member';
import type { ChangeAuthor, MemberRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';

/** Same cap as the Table repository (MAX_CONVERSATION_REFERENCE_CHARS there); the contract tests pin both. */
const MAX_CONVERSATION_REFERENCE_CHARS = 16 * 1024;

/** Same contract as the Table repository, for unit tests. */
export class MemoryMemberRepository implements MemberRepository {
  private readonly members = new Map<string, Map<string, Member>>();
  private readonly references = new Map<string, string>();

  async list(partnershipId: string): Promise<Member[]> {
    return [...(this.members.get(partnershipId)?.values() ?? [])]
      .sort((a, b) => a.name.localeCompare(b.name) || a.aadObjectId.localeCompare(b.aadObjectId))
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
    if (aadObjectId.length === 0) throw new InvalidError('a conversation reference needs the AAD object id of the person it reaches');
    if (reference.length === 0) throw new InvalidError('a conversation reference is empty');
    if (reference.length > MAX_CONVERSATION_REFERENCE_CHARS) {
      throw new InvalidError(`a conversation reference is too long to store (${reference.length} characters, at most ${MAX_CONVERSATION_REFERENCE_CHARS})`);
    }
    this.references.set(`${partnershipId}\u0000${aadObjectId}`, reference);
  }

  async getConversationReference(partnershipId: string, aadObjectId: string): Promise<string | undefined> {
    return this.references.get(`${partnershipId}\u0000${aadObjectId}`);
  }

  async forgetConversationReference(partnershipId: string, aadObjectId: string): Promise<boolean> {
    return this.references.delete(`${partnershipId}\u0000${aadObjectId}`);
  }
}
