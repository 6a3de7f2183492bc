/** Wakes a waiting loop early; a notice given while nobody waits is kept for the next wait. */
export class Signal {
  private waiter: (() => void) | undefined;
  private notified = false;

  notify(): void {
    this.notified = true;
    this.waiter?.();
  }

  wait(ms: number): Promise<void> {
    if (this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      // setTimeout takes at most a signed 32-bit delay; "wait for ever" (Infinity) becomes about 25 days.
      const timer = setTimeout(done, Math.max(0, Math.min(ms, 2_147_000_000)));
      const self = this;
      function done() {
        clearTimeout(timer);
        self.waiter = undefined;
        self.notified = false;
        resolve();
      }
      this.waiter = done;
    });
  }
}
