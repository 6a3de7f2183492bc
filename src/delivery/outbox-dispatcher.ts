import type { OutboxRepository } from '../domain/ports';
import { RateLimiter } from '../domain/outbox/rate-limiter';
import { DEFAULT_DISPATCHER_OPTIONS, type DispatcherClock, type DispatcherHooks, type DispatcherOptions, type OutboxLog } from './dispatcher-options';
import { rateTargetOf, rowKey } from './outbox-keys';
import { readOutbox, type OutboxReaderParts } from './outbox-reader';
import type { OutboxTransport } from './outbox-transport';
import { OutcomeRecorder } from './outcome-recorder';
import { SendAttempt } from './send-attempt';
import { SendQueue, type Work } from './send-queue';
import { dueAt, SenderLeases } from './sender-leases';
import { Signal } from './signal';
import { StatusCardRefresh } from './status-card-refresh';

/**
 * Drains the outbox: claims due rows with an ETag-guarded lease, sends each through the transport
 * once the rate limiter allows it (many conversations at once, one message at a time per
 * conversation, oldest first), records the outcome and refreshes the status card of its batch.
 *
 * Restart-safe: the rows are the only state. A row is claimed before it is sent and its outcome is
 * written after, so a crash in between leaves it claimed; when the lease runs out another instance
 * (or this one restarted) sends it again. That is the only way a message can go twice.
 *
 * This is the worker loop and its timers; the parts it drives are the send queue, the sender
 * leases, the send attempt (claim, permit, send, record) and the status card refresh.
 */
export class OutboxDispatcher {
  private readonly options: DispatcherOptions;
  private readonly limiter: RateLimiter;
  private readonly queue = new SendQueue();
  private readonly leases: SenderLeases;
  private readonly recorder: OutcomeRecorder;
  private readonly statusCards: StatusCardRefresh;
  private readonly sendAttempt: SendAttempt;
  private readonly reader: OutboxReaderParts;
  private readonly work = new Set<Promise<void>>();
  private readonly signal = new Signal();
  private reloading: Promise<void> | undefined;
  private needsReload = true;
  private nextPollAt = 0;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    repository: OutboxRepository,
    transport: OutboxTransport,
    partnerships: () => Promise<string[]>,
    private readonly clock: DispatcherClock,
    options: Partial<DispatcherOptions> & { owner: string },
    hooks: DispatcherHooks = {},
    private readonly log: OutboxLog = { warn: () => undefined },
    limiter?: RateLimiter,
  ) {
    this.options = { ...DEFAULT_DISPATCHER_OPTIONS, ...options };
    this.limiter = limiter ?? new RateLimiter();
    const readAgain = () => {
      this.needsReload = true;
    };
    this.leases = new SenderLeases(repository, this.options.owner, this.options.leaseMs, log);
    this.recorder = new OutcomeRecorder(repository, () => clock.monotonic(), log, readAgain);
    this.statusCards = new StatusCardRefresh({
      repository,
      transport,
      limiter: this.limiter,
      clock,
      log,
      render: hooks.statusCard?.bind(hooks),
      options: this.options,
      track: (promise) => this.track(promise),
      readAgain,
      onClosed: (state) => {
        for (const id of state.summaries.keys()) this.recorder.forget(rowKey({ partnershipId: state.batch.partnershipId, batchId: state.batch.id, id }));
      },
    });
    this.sendAttempt = new SendAttempt({
      repository,
      transport,
      limiter: this.limiter,
      clock,
      log,
      options: this.options,
      leases: this.leases,
      recorder: this.recorder,
      queue: this.queue,
      statusCards: this.statusCards,
      onSent: hooks.onSent?.bind(hooks),
      readAgain,
    });
    this.reader = { repository, partnerships, leases: this.leases, queue: this.queue, statusCards: this.statusCards, recorder: this.recorder, now: () => clock.now().getTime() };
  }

  /** Runs until stopped: woken by {@link wake}, by finished sends and by timers, polling otherwise. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  /** Something was enqueued: read the outbox now. */
  wake(): void {
    this.needsReload = true;
    this.signal.notify();
  }

  /**
   * Stops starting sends, lets those in flight finish for up to `graceMs` (so a deploy does not
   * leave rows claimed), then gives up the sender leases if nothing is still in flight.
   */
  async stop(graceMs = 0): Promise<void> {
    this.running = false;
    this.signal.notify();
    await this.loop;
    if (this.work.size > 0 && graceMs > 0) {
      await Promise.race([Promise.allSettled([...this.work]), new Promise((resolve) => setTimeout(resolve, graceMs).unref?.())]);
    }
    if (this.work.size > 0) return;
    await this.leases.releaseAll();
  }

  /**
   * Sends everything due now, waiting on the rate limits as needed, and returns when nothing due
   * is left; rows waiting for a retry time stay queued. Status cards are refreshed before it returns.
   */
  async drain(): Promise<void> {
    await this.reload();
    for (;;) {
      const next = this.step(true);
      if (this.work.size > 0) {
        await Promise.allSettled([...this.work]);
        continue;
      }
      if (this.needsReload) {
        await this.reload();
        continue;
      }
      if (next.limiterAt !== undefined) {
        await this.clock.sleep(Math.max(1, next.limiterAt - this.clock.monotonic()));
        continue;
      }
      if (next.refreshPending) {
        await this.clock.sleep(Math.max(1, (next.refreshAt ?? this.clock.monotonic() + 1) - this.clock.monotonic()));
        continue;
      }
      return;
    }
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      try {
        if (this.needsReload || this.clock.monotonic() >= this.nextPollAt) await this.reload();
      } catch (error) {
        this.log.warn({ err: error }, 'outbox could not be read; will try again');
        this.nextPollAt = this.clock.monotonic() + Math.min(this.options.pollMs, 5_000);
      }
      if (!this.running) break;
      const next = this.step(false);
      const now = this.clock.monotonic();
      const wakeAt = Math.min(this.nextPollAt, next.limiterAt ?? Infinity, next.timeAt ?? Infinity, next.refreshAt ?? Infinity);
      await this.signal.wait(wakeAt - now);
    }
  }

  /** One read of the outbox at a time; a wake during it is answered by the read after. */
  private reload(): Promise<void> {
    if (!this.reloading) {
      this.needsReload = false;
      this.reloading = readOutbox(this.reader, this.clock.monotonic()).finally(() => {
        this.reloading = undefined;
        this.nextPollAt = this.clock.monotonic() + this.options.pollMs;
      });
    }
    return this.reloading;
  }

  /**
   * Starts every send the limits allow now and the status refreshes that are due. Says when to look
   * again: when the limiter allows more, when a back-off ends, when a refresh is due.
   */
  private step(force: boolean): { limiterAt?: number; timeAt?: number; refreshAt?: number; refreshPending: boolean } {
    const wallNow = this.clock.now().getTime();
    const monoNow = this.clock.monotonic();
    let limiterAt: number | undefined;
    let timeAt: number | undefined;
    const blockedTenants = new Set<string>();
    for (const head of this.queue.heads()) {
      if (this.work.size >= this.options.concurrency) break;
      if (!this.running && !force) break;
      const message = head.message;
      if (this.queue.isBusy(message.conversationId)) continue;
      if (!this.leases.allowsSend(message.partnershipId, wallNow)) continue;
      const due = dueAt(message, this.options.owner);
      if (due > wallNow) {
        const at = monoNow + (due - wallNow);
        timeAt = timeAt === undefined ? at : Math.min(timeAt, at);
        continue;
      }
      if (blockedTenants.has(message.tenantId)) continue;
      // Only a look: the slot is taken after the claim, just before the send (see SendAttempt).
      const checked = this.limiter.check(rateTargetOf(message), monoNow);
      if (!('allowed' in checked)) {
        if (checked.retryAt !== undefined) limiterAt = limiterAt === undefined ? checked.retryAt : Math.min(limiterAt, checked.retryAt);
        if (checked.tenantBlocked) blockedTenants.add(message.tenantId);
        continue;
      }
      this.begin(head);
    }
    const refresh = this.statusCards.step(monoNow, force);
    return {
      ...(limiterAt !== undefined ? { limiterAt } : {}),
      ...(timeAt !== undefined ? { timeAt } : {}),
      ...refresh,
    };
  }

  private track(promise: Promise<void>): void {
    const tracked = promise.finally(() => {
      this.work.delete(tracked);
      this.signal.notify();
    });
    this.work.add(tracked);
  }

  private begin(work: Work): void {
    const { message } = work;
    this.queue.take(work);
    const state = this.statusCards.of(message);
    if (state) state.inFlight += 1;
    this.track(
      this.sendAttempt
        .run(work)
        .catch((error: unknown) => this.log.warn({ err: error, messageId: message.id }, 'outbox message could not be processed'))
        .finally(() => {
          this.queue.release(work);
          if (state) state.inFlight -= 1;
        }),
    );
  }
}
