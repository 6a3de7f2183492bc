import type { AuditLog } from '../ports';
import { describeAnchor, needsAnchor, type AuditAnchor, type AuditAnchorStore } from './audit-anchor';
import { entryHash } from './audit-chain';

export type AnchorOutcome =
  | { readonly partnershipId: string; readonly outcome: 'anchored'; readonly anchor: AuditAnchor }
  | { readonly partnershipId: string; readonly outcome: 'unchanged' }
  | { readonly partnershipId: string; readonly outcome: 'refused'; readonly detail: string };

/**
 * Writes each partnership's chain head to the anchor store when it has moved on since the last
 * anchor. The entries since that anchor are checked first (they must start at the anchored hash and
 * link up): a chain that has lost its last anchor is reported, never anchored, so a rewrite is not
 * made to look legitimate by the next anchor. Two instances anchoring the same head at once write
 * the same line twice, which verification reads as one.
 */
export class AuditAnchoring {
  private readonly last = new Map<string, AuditAnchor>();

  constructor(
    private readonly log: AuditLog,
    private readonly store: AuditAnchorStore,
    private readonly now: () => Date,
  ) {}

  async anchor(partnershipId: string): Promise<AnchorOutcome> {
    const last = this.last.get(partnershipId) ?? (await this.store.list(partnershipId)).at(-1);
    const head = await this.log.head(partnershipId);
    if (!needsAnchor(head, last)) {
      if (last && head && head.sequence < last.sequence)
        return { partnershipId, outcome: 'refused', detail: `${describeAnchor(last)} missing: the head is back at #${head.sequence}` };
      if (last && !head) return { partnershipId, outcome: 'refused', detail: `${describeAnchor(last)} missing: the log is empty` };
      return { partnershipId, outcome: 'unchanged' };
    }
    const problem = await this.brokenSince(partnershipId, last);
    if (problem) return { partnershipId, outcome: 'refused', detail: problem };
    const anchor: AuditAnchor = { partnershipId, sequence: head!.sequence, hash: head!.hash, at: this.now().toISOString() };
    await this.store.append(anchor);
    this.last.set(partnershipId, anchor);
    return { partnershipId, outcome: 'anchored', anchor };
  }

  /** What is wrong with the entries from the last anchor to the head, if anything. */
  private async brokenSince(partnershipId: string, last: AuditAnchor | undefined): Promise<string | undefined> {
    const entries = await this.log.list(partnershipId, last?.sequence ?? 1);
    let expected = last?.sequence ?? 1;
    let previousHash: string | undefined;
    for (const entry of entries) {
      const { hash, ...rest } = entry;
      if (entry.sequence !== expected) return `entry #${expected} is missing`;
      if (entryHash(rest) !== hash) return `entry #${entry.sequence} does not match its hash`;
      if (last && entry.sequence === last.sequence && hash !== last.hash) return `${describeAnchor(last)} missing: entry #${last.sequence} no longer has the anchored hash`;
      if (previousHash !== undefined && entry.previousHash !== previousHash) return `entry #${entry.sequence} does not follow entry #${entry.sequence - 1}`;
      previousHash = hash;
      expected++;
    }
    if (last && entries[0]?.sequence !== last.sequence) return `${describeAnchor(last)} missing`;
    return undefined;
  }
}
