import { z } from 'zod';
import type { AuditHead, StoredAuditEntry } from './audit-entry';

/**
 * A chain head written down outside the audit table, where whoever can rewrite the table cannot
 * rewrite it (an append-only, immutable blob). The chain alone cannot show rows cut from its end
 * with the head row moved back, or every hash recomputed after an edit: an anchor can.
 */
export const auditAnchorSchema = z.object({
  partnershipId: z.string().min(1),
  sequence: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().datetime(),
});
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

/** Where anchors are kept: appended, never changed or removed. */
export interface AuditAnchorStore {
  append(anchor: AuditAnchor): Promise<void>;
  /** Every anchor of the partnership, oldest first. */
  list(partnershipId: string): Promise<AuditAnchor[]>;
}

export type AnchorVerdict = { readonly intact: true; readonly anchors: number } | { readonly intact: false; readonly anchor: AuditAnchor; readonly detail: string };

export const describeAnchor = (anchor: AuditAnchor): string => `anchored head #${anchor.sequence} at ${anchor.at}`;

/**
 * Checks the stored chain against every anchor: each anchored (sequence, hash) must still be in it.
 * Reports the first anchor the chain has lost, by sequence (rows cut off) or hash (rows rewritten).
 */
export function checkAnchors(entries: readonly StoredAuditEntry[], anchors: readonly AuditAnchor[]): AnchorVerdict {
  const bySequence = new Map(entries.map((e) => [e.sequence, e]));
  for (const anchor of anchors) {
    const entry = bySequence.get(anchor.sequence);
    if (!entry) {
      return { intact: false, anchor, detail: `${describeAnchor(anchor)} missing: the log holds ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}` };
    }
    if (entry.hash !== anchor.hash) return { intact: false, anchor, detail: `${describeAnchor(anchor)} missing: entry #${anchor.sequence} no longer has the anchored hash` };
  }
  return { intact: true, anchors: anchors.length };
}

/** Whether a head needs anchoring after the last anchor: only a head that moved on does. */
export function needsAnchor(head: AuditHead | undefined, last: AuditAnchor | undefined): boolean {
  return head !== undefined && (last === undefined || head.sequence > last.sequence);
}
