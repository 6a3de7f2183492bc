import { chainEntry } from '../../domain/audit/audit-chain';
import { auditEventSchema, type AuditEntry, type AuditEvent, type AuditHead, type StoredAuditEntry } from '../../domain/audit/audit-entry';
import type { AuditLog } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';

/** Same contract as the Table audit log, for unit tests. Appends are synchronous after validation, so they never interleave. */
export class MemoryAuditLog implements AuditLog {
  private readonly chains = new Map<string, AuditEntry[]>();

  async append(partnershipId: string, event: AuditEvent): Promise<AuditEntry> {
    const valid = parseOrThrow(auditEventSchema, event, 'audit event');
    const chain = this.chains.get(partnershipId) ?? [];
    const last = chain[chain.length - 1];
    const entry = chainEntry(partnershipId, last ? { sequence: last.sequence, hash: last.hash } : undefined, valid);
    chain.push(entry);
    this.chains.set(partnershipId, chain);
    return structuredClone(entry);
  }

  async list(partnershipId: string, fromSequence = 1): Promise<StoredAuditEntry[]> {
    return (this.chains.get(partnershipId) ?? []).filter((e) => e.sequence >= fromSequence).map((e) => structuredClone(e));
  }

  async head(partnershipId: string): Promise<AuditHead | undefined> {
    const last = this.chains.get(partnershipId)?.at(-1);
    return last ? { sequence: last.sequence, hash: last.hash } : undefined;
  }
}
