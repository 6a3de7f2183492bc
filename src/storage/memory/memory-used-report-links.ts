import type { ReportLinkUse, UsedReportLinks } from '../../reports/used-report-links';

export class MemoryUsedReportLinks implements UsedReportLinks {
  private readonly uses = new Map<string, ReportLinkUse>();

  async markUsed(use: ReportLinkUse): Promise<'first-use' | 'already-used'> {
    if (this.uses.has(use.linkId)) return 'already-used';
    this.uses.set(use.linkId, use);
    return 'first-use';
  }

  async release(linkId: string): Promise<void> {
    this.uses.delete(linkId);
  }

  async purgeExpired(before: Date): Promise<number> {
    let purged = 0;
    for (const [linkId, use] of this.uses) {
      if (use.expiresAt.getTime() < before.getTime()) {
        this.uses.delete(linkId);
        purged += 1;
      }
    }
    return purged;
  }
}
