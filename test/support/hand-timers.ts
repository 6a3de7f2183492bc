import type { JobTimers } from '../../src/delivery/periodic-job';

/** Timers driven by hand: a test fires them, so nothing waits on real time. */
export class HandTimers implements JobTimers {
  readonly armed: { kind: 'every' | 'after'; ms: number; tick: () => void; cancelled: boolean }[] = [];

  every(ms: number, tick: () => void) {
    return this.arm('every', ms, tick);
  }

  after(ms: number, tick: () => void) {
    return this.arm('after', ms, tick);
  }

  fire(kind: 'every' | 'after'): void {
    for (const timer of this.armed) if (timer.kind === kind && !timer.cancelled) timer.tick();
  }

  live(): string[] {
    return this.armed.filter((t) => !t.cancelled).map((t) => `${t.kind} ${t.ms}`);
  }

  private arm(kind: 'every' | 'after', ms: number, tick: () => void) {
    const timer = { kind, ms, tick, cancelled: false };
    this.armed.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }
}
