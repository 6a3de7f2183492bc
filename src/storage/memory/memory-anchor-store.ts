import type { AuditAnchor, AuditAnchorStore } from '../../domain/audit/audit-anchor';

/** Anchors in memory, for unit tests: appended, never changed. */
export class MemoryAnchorStore implements AuditAnchorStore {
  private readonly anchors: AuditAnchor[] = [];

  async append(anchor: AuditAnchor): Promise<void> {
    this.anchors.push({ ...anchor });
  }

  async list(partnershipId: string): Promise<AuditAnchor[]> {
    return this.anchors.filter((a) => a.partnershipId === partnershipId).map((a) => ({ ...a }));
  }
}
