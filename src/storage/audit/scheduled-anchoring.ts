import type { AuditAnchoring } from '../../domain/audit/audit-anchoring';
import type { Logger } from '../../logger';

/** How often chain heads are anchored: a rewrite can hide at most this long before an anchor pins the head. */
export const ANCHOR_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Anchors every partnership's chain head at start-up and then hourly. A chain that has lost an
 * anchor, or an anchor that cannot be written, goes to the error log; the next round tries again.
 */
export class ScheduledAnchoring {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly anchoring: AuditAnchoring,
    private readonly partnerships: () => Promise<readonly string[]>,
    private readonly logger: Pick<Logger, 'info' | 'error'>,
    private readonly intervalMs = ANCHOR_INTERVAL_MS,
  ) {}

  start(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<void> {
    let ids: readonly string[];
    try {
      ids = await this.partnerships();
    } catch (error) {
      this.logger.error({ err: error }, 'audit anchoring could not list the partnerships; it will be tried again');
      return;
    }
    for (const partnershipId of ids) {
      try {
        const result = await this.anchoring.anchor(partnershipId);
        if (result.outcome === 'refused')
          this.logger.error({ partnershipId, detail: result.detail }, 'audit chain no longer matches its anchor: not anchored; run npm run audit -- --verify');
        if (result.outcome === 'anchored') this.logger.info({ partnershipId, sequence: result.anchor.sequence }, 'audit chain head anchored');
      } catch (error) {
        this.logger.error({ err: error, partnershipId }, 'audit chain head could not be anchored; it will be tried again');
      }
    }
  }
}
