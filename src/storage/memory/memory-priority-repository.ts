import { ConflictError } from '../../domain/errors';
import type { ChangeAuthor, PriorityRepository } from '../../domain/ports';
import { priorityRegisterSchema, type PriorityRegister, type PriorityRegisterRecord } from '../../domain/priorities/priority';
import { parseOrThrow } from '../../domain/validation';

interface Stored {
  register: PriorityRegister;
  version: number;
  history: PriorityRegister[];
}

/** Same contract as the Table repository (ETags, nonce idempotency, history), for unit tests. */
export class MemoryPriorityRepository implements PriorityRepository {
  private readonly years = new Map<string, Map<string, Stored>>();
  private readonly nonces = new Map<string, Set<string>>();

  async get(partnershipId: string, financialYear: string): Promise<PriorityRegisterRecord | undefined> {
    const stored = this.years.get(partnershipId)?.get(financialYear);
    return stored ? record(stored) : undefined;
  }

  async list(partnershipId: string): Promise<PriorityRegisterRecord[]> {
    return [...(this.years.get(partnershipId)?.values() ?? [])].map(record).sort((a, b) => b.register.financialYear.localeCompare(a.register.financialYear));
  }

  async save(partnershipId: string, register: PriorityRegister, etag: string | undefined, _author: ChangeAuthor): Promise<{ record: PriorityRegisterRecord; duplicate: boolean }> {
    const valid = parseOrThrow(priorityRegisterSchema, register, 'priorities register');
    const years = this.years.get(partnershipId) ?? new Map<string, Stored>();
    const nonces = this.nonces.get(partnershipId) ?? new Set<string>();
    const stored = years.get(valid.financialYear);
    if (nonces.has(valid.nonce) && stored) return { record: record(stored), duplicate: true };
    if ((stored ? `W/"${stored.version}"` : undefined) !== etag) {
      throw new ConflictError(`the priorities of ${valid.financialYear} were changed by someone else since they were read`);
    }
    const next: Stored = { register: structuredClone(valid), version: (stored?.version ?? 0) + 1, history: [structuredClone(valid), ...(stored?.history ?? [])] };
    years.set(valid.financialYear, next);
    nonces.add(valid.nonce);
    this.years.set(partnershipId, years);
    this.nonces.set(partnershipId, nonces);
    return { record: record(next), duplicate: false };
  }

  async history(partnershipId: string, financialYear: string): Promise<PriorityRegister[]> {
    return structuredClone(this.years.get(partnershipId)?.get(financialYear)?.history ?? []);
  }
}

function record(stored: Stored): PriorityRegisterRecord {
  return { register: structuredClone(stored.register), etag: `W/"${stored.version}"` };
}
