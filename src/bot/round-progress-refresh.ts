/** How long updates gather before the channel's progress card is refreshed once for all of them. */
export const ROUND_PROGRESS_REFRESH_MS = 3_000;

/**
 * Refreshes each partnership's channel progress card at most once per window, after the updates
 * that fell in it: twenty partners answering in the same minute cost a handful of refreshes, not
 * twenty, and none of them is part of a partner's own turn.
 */
export class RoundProgressRefresh {
  private readonly due = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly refresh: (partnershipId: string) => Promise<void>,
    private readonly windowMs = ROUND_PROGRESS_REFRESH_MS,
  ) {}

  /** An update landed: the card is refreshed when the current window closes. */
  soon(partnershipId: string): void {
    if (this.due.has(partnershipId)) return;
    const timer = setTimeout(() => this.run(partnershipId), this.windowMs);
    timer.unref();
    this.due.set(partnershipId, timer);
  }

  /** Refreshes every card now due at once, and waits for those under way (tests, shutdown). */
  async flush(): Promise<void> {
    for (const partnershipId of [...this.due.keys()]) this.run(partnershipId);
    await Promise.all([...this.running]);
  }

  private run(partnershipId: string): void {
    clearTimeout(this.due.get(partnershipId));
    this.due.delete(partnershipId);
    // The refresh logs its own failures: the updates are saved whatever happens to the card.
    const refreshing = this.refresh(partnershipId).catch(() => undefined);
    this.running.add(refreshing);
    void refreshing.finally(() => this.running.delete(refreshing));
  }
}
