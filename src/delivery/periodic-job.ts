/** A timer that can be cancelled. */
export interface Cancellable {
  cancel(): void;
}

/** How a job is woken; Node's timers in the bot, a hand-driven fake in tests. */
export interface JobTimers {
  every(ms: number, tick: () => void): Cancellable;
  after(ms: number, tick: () => void): Cancellable;
}

/** Node's timers, unref'd: a job never keeps the process alive on its own. */
export const NODE_TIMERS: JobTimers = {
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref();
    return { cancel: () => clearInterval(timer) };
  },
  after(ms, tick) {
    const timer = setTimeout(tick, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

export interface PeriodicJobOptions {
  /** One run; what it resolves to is the caller's. */
  readonly run: () => Promise<unknown>;
  readonly intervalMs: number;
  /** The first run this long after start (default: one interval), so start-up is not slowed by it. */
  readonly firstRunAfterMs?: number;
  /** A run threw: the next tick tries again. */
  readonly onError: (error: unknown) => void;
  readonly timers?: JobTimers;
}

/**
 * Runs a job on a timer while started. A tick that comes while the last run is still going is skipped
 * rather than starting a second run beside it (a slow Table read must not pile runs up), and a run
 * that fails is reported and left to the next tick.
 */
export class PeriodicJob {
  private readonly timers: JobTimers;
  private readonly pending: Cancellable[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly options: PeriodicJobOptions) {
    this.timers = options.timers ?? NODE_TIMERS;
  }

  get started(): boolean {
    return this.pending.length > 0;
  }

  start(): void {
    if (this.started) return;
    const { intervalMs, firstRunAfterMs } = this.options;
    if (firstRunAfterMs !== undefined) this.pending.push(this.timers.after(firstRunAfterMs, () => void this.runNow()));
    this.pending.push(this.timers.every(intervalMs, () => void this.runNow()));
  }

  /** No further runs start; one under way finishes. */
  stop(): void {
    for (const timer of this.pending.splice(0)) timer.cancel();
  }

  /** One run now, unless one is under way (then that one); never rejects. */
  runNow(): Promise<void> {
    this.running ??= new Promise<unknown>((resolve) => resolve(this.options.run()))
      .then(
        () => undefined,
        (error: unknown) => {
          this.options.onError(error);
        },
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
