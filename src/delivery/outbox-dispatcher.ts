import { ConflictError } from '../domain/errors';
import type { OutboxRepository } from '../domain/ports';
import { deliveryView, type DeliveryView, type MessageSummary } from '../domain/outbox/delivery-batch';
import { deliveryBatchSchema, type DeliveryBatch, type OutboxMessage } from '../domain/outbox/outbox-message';
import { RateLimiter, type Permit, type RateTarget } from '../domain/outbox/rate-limiter';
import { DEFAULT_RETRY, decideRetry, type DeliveryFailure, type RetryOptions } from '../domain/outbox/retry-policy';

/** One send or replace, as the transport makes it. */
export interface Delivery {
  readonly operation: 'send' | 'replace';
  readonly reference: string;
  readonly card: Readonly<Record<string, unknown>>;
  readonly replaceActivityId?: string;
}

export type DeliveryResult = { readonly ok: true; readonly activityId?: string } | { readonly ok: false; readonly failure: DeliveryFailure };

/** Talks to Teams. Makes exactly one request per call and never throws: a failure is a result. */
export interface OutboxTransport {
  deliver(delivery: Delivery): Promise<DeliveryResult>;
}

export interface DispatcherHooks {
  /** After a message is recorded as sent, e.g. to remember the agenda card's activity id. */
  onSent?(message: OutboxMessage): Promise<void>;
  /** The Prevent Officer's status card for a batch as it stands. */
  statusCard?(view: DeliveryView): Readonly<Record<string, unknown>>;
}

export interface DispatcherClock {
  /** Wall-clock time, stored in rows (leases, back-off). */
  now(): Date;
  /** Milliseconds on a clock that never goes back, for the rate windows. */
  monotonic(): number;
  /** Waits (drain only: while the rate limits hold every due message back). */
  sleep(ms: number): Promise<void>;
}

export interface OutboxLog {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface DispatcherOptions {
  /** This instance, in leases. */
  readonly owner: string;
  /** How long a claim on a row, or on a partnership's outbox, lasts before another instance may take it over. */
  readonly leaseMs: number;
  /** How often the outbox is read when nobody wakes the sender. */
  readonly pollMs: number;
  /** The status card is refreshed at most this often per batch while sending, and always at the end. */
  readonly statusRefreshMs: number;
  /** Requests in flight at once, across conversations (the limiter paces them). */
  readonly concurrency: number;
  readonly retry: RetryOptions;
  readonly random: () => number;
}

export const DEFAULT_DISPATCHER_OPTIONS: Omit<DispatcherOptions, 'owner'> = {
  leaseMs: 60_000,
  pollMs: 15_000,
  statusRefreshMs: 2_000,
  concurrency: 64,
  retry: DEFAULT_RETRY,
  random: Math.random,
};

interface Work {
  readonly key: string;
  message: OutboxMessage;
  etag: string;
}

interface BatchState {
  readonly key: string;
  batch: DeliveryBatch;
  etag: string;
  readonly summaries: Map<string, MessageSummary>;
  inFlight: number;
  /** Something changed since the status card was last refreshed. */
  dirty: boolean;
  lastRefreshAt: number;
  refreshing: boolean;
  /** Not before this (monotonic) after a failed refresh. */
  refreshRetryAt: number;
  refreshFailures: number;
}

/** Wakes a waiting loop early. */
class Signal {
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

/** How long before its sender lease runs out an instance stops starting sends (the tenant window). */
const LEASE_SAFETY_MS = 1_000;
/** How soon a claimed message looks again for a slot that waits on answers still in flight. */
const PERMIT_POLL_MS = 5;
/** Attempts at recording an outcome before giving up on it (storage unavailable). */
const RECORD_ATTEMPTS = 3;
/** Attempts at a status card refresh that keeps failing before the batch is closed without it. */
const REFRESH_ATTEMPTS = 5;

const conflict = (error: unknown) => error instanceof ConflictError;

/**
 * Drains the outbox: claims due rows with an ETag-guarded lease, sends each through the transport
 * once the rate limiter allows it (many conversations at once, one message at a time per
 * conversation, oldest first), records the outcome and refreshes the status card of its batch.
 *
 * Restart-safe: the rows are the only state. A row is claimed before it is sent and its outcome is
 * written after, so a crash in between leaves it claimed; when the lease runs out another instance
 * (or this one restarted) sends it again. That is the only way a message can go twice.
 */
export class OutboxDispatcher {
  private readonly options: DispatcherOptions;
  private readonly limiter: RateLimiter;
  private readonly queues = new Map<string, Work[]>();
  private readonly pending = new Map<string, Work>();
  private readonly busyConversations = new Set<string>();
  private readonly inFlightKeys = new Set<string>();
  private readonly batches = new Map<string, BatchState>();
  private readonly senderLeases = new Map<string, number>();
  /** When this instance last recorded each row (monotonic), so an older read cannot undo it. */
  private readonly recordedAt = new Map<string, number>();
  private readonly work = new Set<Promise<void>>();
  private readonly signal = new Signal();
  private reloading: Promise<void> | undefined;
  private needsReload = true;
  private nextPollAt = 0;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly repository: OutboxRepository,
    private readonly transport: OutboxTransport,
    private readonly partnerships: () => Promise<string[]>,
    private readonly clock: DispatcherClock,
    options: Partial<DispatcherOptions> & { owner: string },
    private readonly hooks: DispatcherHooks = {},
    private readonly log: OutboxLog = { warn: () => undefined },
    limiter?: RateLimiter,
  ) {
    this.options = { ...DEFAULT_DISPATCHER_OPTIONS, ...options };
    this.limiter = limiter ?? new RateLimiter();
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
    for (const partnershipId of this.senderLeases.keys()) {
      await this.repository.releaseSender(partnershipId, this.options.owner).catch(() => undefined);
    }
    this.senderLeases.clear();
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

  /** Reads the open batches of every partnership whose sender lease this instance holds. */
  private reload(): Promise<void> {
    if (!this.reloading) {
      this.needsReload = false;
      this.reloading = this.readOutbox().finally(() => {
        this.reloading = undefined;
        this.nextPollAt = this.clock.monotonic() + this.options.pollMs;
      });
    }
    return this.reloading;
  }

  private async readOutbox(): Promise<void> {
    const startedAt = this.clock.monotonic();
    for (const partnershipId of await this.partnerships()) {
      if (!(await this.holdSenderLease(partnershipId))) {
        this.forget(partnershipId);
        continue;
      }
      const open = await this.repository.openBatches(partnershipId);
      const openKeys = new Set(open.map((b) => batchKey(partnershipId, b.value.id)));
      for (const [key, state] of this.batches) {
        if (state.batch.partnershipId === partnershipId && !openKeys.has(key) && state.inFlight === 0) this.batches.delete(key);
      }
      for (const { value: batch, etag } of open) {
        const rows = await this.repository.messages(partnershipId, batch.id);
        const state = this.batchState(batch, etag);
        for (const row of rows) {
          const key = rowKey(row.value);
          if (this.inFlightKeys.has(key) || (this.recordedAt.get(key) ?? -Infinity) >= startedAt) continue;
          state.summaries.set(row.value.id, summaryOf(row.value));
          if (row.value.status === 'queued') this.queue({ key, message: row.value, etag: row.etag });
          else this.unqueue(key);
        }
        if ([...state.summaries.values()].every((s) => s.status !== 'queued')) state.dirty = true;
      }
    }
  }

  private async holdSenderLease(partnershipId: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    const until = this.senderLeases.get(partnershipId);
    if (until !== undefined && until - now > this.options.leaseMs / 2) return true;
    try {
      const held = await this.repository.claimSender(partnershipId, this.options.owner, new Date(now + this.options.leaseMs), new Date(now));
      if (held) this.senderLeases.set(partnershipId, now + this.options.leaseMs);
      else this.senderLeases.delete(partnershipId);
      return held;
    } catch (error) {
      this.log.warn({ err: error, partnershipId }, 'could not renew the outbox sender lease');
      return until !== undefined && until - now > LEASE_SAFETY_MS;
    }
  }

  /** Another instance drains this partnership now: drop what was read of it. */
  private forget(partnershipId: string): void {
    for (const [key, work] of this.pending) if (work.message.partnershipId === partnershipId) this.unqueue(key);
    for (const [key, state] of this.batches) if (state.batch.partnershipId === partnershipId && state.inFlight === 0) this.batches.delete(key);
  }

  private batchState(batch: DeliveryBatch, etag: string): BatchState {
    const key = batchKey(batch.partnershipId, batch.id);
    let state = this.batches.get(key);
    if (!state) {
      state = { key, batch, etag, summaries: new Map(), inFlight: 0, dirty: false, lastRefreshAt: -Infinity, refreshing: false, refreshRetryAt: -Infinity, refreshFailures: 0 };
      this.batches.set(key, state);
    } else if (!state.refreshing) {
      state.batch = batch;
      state.etag = etag;
    }
    return state;
  }

  /** Adds or refreshes a queued row, keeping each conversation's queue oldest first. */
  private queue(work: Work): void {
    const existing = this.pending.get(work.key);
    if (existing) {
      existing.message = work.message;
      existing.etag = work.etag;
      return;
    }
    this.pending.set(work.key, work);
    const queue = this.queues.get(work.message.conversationId) ?? [];
    const at = queue.findIndex((other) => compareWork(work, other) < 0);
    if (at < 0) queue.push(work);
    else queue.splice(at, 0, work);
    this.queues.set(work.message.conversationId, queue);
  }

  private unqueue(key: string): void {
    const work = this.pending.get(key);
    if (!work) return;
    this.pending.delete(key);
    const queue = this.queues.get(work.message.conversationId);
    if (!queue) return;
    const index = queue.indexOf(work);
    if (index >= 0) queue.splice(index, 1);
    if (queue.length === 0) this.queues.delete(work.message.conversationId);
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
    for (const head of this.heads()) {
      if (this.work.size >= this.options.concurrency) break;
      if (!this.running && !force) break;
      if (this.busyConversations.has(head.message.conversationId)) continue;
      const message = head.message;
      const leaseUntil = this.senderLeases.get(message.partnershipId);
      if (leaseUntil === undefined || leaseUntil - wallNow <= LEASE_SAFETY_MS) continue;
      const dueAt = Math.max(Date.parse(message.notBefore), message.lease && message.lease.owner !== this.options.owner ? Date.parse(message.lease.until) : -Infinity);
      if (dueAt > wallNow) {
        const at = monoNow + (dueAt - wallNow);
        timeAt = timeAt === undefined ? at : Math.min(timeAt, at);
        continue;
      }
      if (blockedTenants.has(message.tenantId)) continue;
      // Only a look: the slot is taken after the claim, just before the send (see attempt).
      const checked = this.limiter.check(targetOf(message), monoNow);
      if (!('allowed' in checked)) {
        if (checked.retryAt !== undefined) limiterAt = limiterAt === undefined ? checked.retryAt : Math.min(limiterAt, checked.retryAt);
        if (checked.tenantBlocked) blockedTenants.add(message.tenantId);
        continue;
      }
      this.begin(head);
    }

    let refreshAt: number | undefined;
    let refreshPending = false;
    for (const state of this.batches.values()) {
      if (!state.dirty || state.refreshing) continue;
      const at = this.refreshDueAt(state, force);
      if (at === undefined) continue;
      refreshPending = true;
      if (at <= monoNow) {
        const started = this.startRefresh(state, monoNow);
        if (started !== true) {
          if (started !== undefined) refreshAt = refreshAt === undefined ? started : Math.min(refreshAt, started);
        }
      } else {
        refreshAt = refreshAt === undefined ? at : Math.min(refreshAt, at);
      }
    }
    return {
      ...(limiterAt !== undefined ? { limiterAt } : {}),
      ...(timeAt !== undefined ? { timeAt } : {}),
      ...(refreshAt !== undefined ? { refreshAt } : {}),
      refreshPending,
    };
  }

  /**
   * The next message of each conversation, retries first: a message Teams throttled has waited
   * already, and sending it as soon as it is due keeps it from trailing the round.
   */
  private heads(): Work[] {
    const retries: Work[] = [];
    const firsts: Work[] = [];
    for (const queue of this.queues.values()) {
      const head = queue[0];
      if (head) (head.message.attempts > 0 ? retries : firsts).push(head);
    }
    return retries.length === 0 ? firsts : [...retries.sort((a, b) => a.message.notBefore.localeCompare(b.message.notBefore)), ...firsts];
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
    this.unqueue(work.key);
    this.busyConversations.add(message.conversationId);
    this.inFlightKeys.add(work.key);
    const state = this.batches.get(batchKey(message.partnershipId, message.batchId));
    if (state) state.inFlight += 1;
    this.track(
      this.attempt(work)
        .catch((error: unknown) => this.log.warn({ err: error, messageId: message.id }, 'outbox message could not be processed'))
        .finally(() => {
          this.busyConversations.delete(message.conversationId);
          this.inFlightKeys.delete(work.key);
          if (state) state.inFlight -= 1;
        }),
    );
  }

  /**
   * Claim, send, record: the only place a message goes to Teams. The rate-limit slot is taken after
   * the claim, because a slot counts from when it is taken until a window after the answer: taken
   * before the claim's Table write, that write's time would be lost from every window.
   */
  private async attempt(work: Work): Promise<void> {
    const now = this.clock.now();
    const leaseUntil = now.getTime() + this.options.leaseMs;
    const claimed: OutboxMessage = { ...work.message, lease: { owner: this.options.owner, until: new Date(leaseUntil).toISOString() } };
    let etag: string;
    try {
      etag = await this.repository.updateDelivery(claimed, work.etag);
    } catch (error) {
      if (!conflict(error)) this.log.warn({ err: error, messageId: work.message.id }, 'outbox message could not be claimed; will try again');
      // Someone else changed the row (another instance, or an older read of ours): read it again.
      this.needsReload = true;
      return;
    }

    const permit = await this.permitFor(claimed, leaseUntil);
    if (!permit) {
      // The limits held it back until its claim was nearly over: give the row back, unclaimed.
      const { lease: _unclaimed, ...released } = claimed;
      const recorded = await this.record(released, etag);
      if (recorded !== undefined) this.queue({ key: work.key, message: released, etag: recorded });
      return;
    }
    let result: DeliveryResult;
    try {
      result = await this.transport.deliver(claimed);
    } catch (error) {
      result = { ok: false, failure: { reason: 'the bot could not send the message' } };
      this.log.warn({ err: error, messageId: claimed.id }, 'outbox transport threw');
    } finally {
      permit.done(this.clock.monotonic());
    }

    const attempts = claimed.attempts + 1;
    const recordedAt = this.clock.now();
    const { lease: _lease, ...unleased } = claimed;
    let next: OutboxMessage;
    if (result.ok) {
      const activityId = result.activityId ?? claimed.replaceActivityId;
      next = { ...unleased, status: 'sent', attempts, sentAt: recordedAt.toISOString(), ...(activityId ? { activityId } : {}) };
      delete (next as { lastError?: string }).lastError;
    } else {
      const decision = decideRetry(result.failure, attempts, this.options.retry, this.options.random);
      if (decision.outcome === 'retry') {
        if (decision.throttled) this.limiter.pause(claimed.conversationId, this.clock.monotonic() + decision.delayMs, this.clock.monotonic());
        next = { ...unleased, status: 'queued', attempts, lastError: decision.reason, notBefore: new Date(recordedAt.getTime() + decision.delayMs).toISOString() };
      } else {
        next = { ...unleased, status: decision.outcome, attempts, lastError: decision.reason };
      }
    }

    const recorded = await this.record(next, etag);
    if (recorded === undefined) return;
    const state = this.batches.get(batchKey(next.partnershipId, next.batchId));
    if (state) {
      state.summaries.set(next.id, summaryOf(next));
      state.dirty = true;
    }
    if (next.status === 'queued') this.queue({ key: work.key, message: next, etag: recorded });
    if (next.status === 'sent' && this.hooks.onSent) {
      await this.hooks.onSent(next).catch((error: unknown) => this.log.warn({ err: error, messageId: next.id, kind: next.kind }, 'after-send step failed'));
    }
  }

  /**
   * A slot for a claimed message, waiting for one as long as the claim allows; undefined when the
   * claim would run out first. While requests are in flight the wait is for their answers, so it looks
   * again soon; otherwise it sleeps until the limiter says.
   */
  private async permitFor(message: OutboxMessage, leaseUntil: number): Promise<Permit | undefined> {
    for (;;) {
      const monoNow = this.clock.monotonic();
      const acquired = this.limiter.tryAcquire(targetOf(message), monoNow);
      if (acquired.granted) return acquired.permit;
      // The row's claim, and this instance's hold on the partnership's sending, must both outlast the send.
      const senderUntil = this.senderLeases.get(message.partnershipId) ?? -Infinity;
      const sendBy = Math.min(leaseUntil, senderUntil) - LEASE_SAFETY_MS - this.clock.now().getTime();
      const wakeIn = acquired.retryAt === undefined ? PERMIT_POLL_MS : Math.max(1, acquired.retryAt - monoNow);
      if (wakeIn >= sendBy) return undefined;
      await this.clock.sleep(wakeIn);
    }
  }

  /** Writes an outcome on the claim's ETag; storage failures are retried a few times. */
  private async record(message: OutboxMessage, etag: string): Promise<string | undefined> {
    const key = rowKey(message);
    for (let attempt = 1; ; attempt++) {
      try {
        const recorded = await this.repository.updateDelivery(message, etag);
        this.recordedAt.set(key, this.clock.monotonic());
        return recorded;
      } catch (error) {
        if (conflict(error)) {
          this.log.warn({ messageId: message.id }, 'outbox message was taken over while being sent; its outcome is not recorded here');
          this.needsReload = true;
          return undefined;
        }
        if (attempt >= RECORD_ATTEMPTS) {
          this.log.warn({ err: error, messageId: message.id }, 'outbox outcome could not be recorded; the message will be retried when its claim expires');
          return undefined;
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  /** When the batch's status card should next be refreshed (monotonic), or undefined when it need not be. */
  private refreshDueAt(state: BatchState, force: boolean): number | undefined {
    const finished = state.inFlight === 0 && [...state.summaries.values()].every((s) => s.status !== 'queued');
    if (!state.batch.statusCard || !this.hooks.statusCard) return finished ? -Infinity : undefined;
    if (state.refreshFailures > 0) return state.refreshRetryAt;
    if (finished || force) return -Infinity;
    return state.lastRefreshAt + this.options.statusRefreshMs;
  }

  /** True when started; otherwise when the limiter will allow it (or undefined: after a send in flight). */
  private startRefresh(state: BatchState, monoNow: number): true | number | undefined {
    const finished = state.inFlight === 0 && [...state.summaries.values()].every((s) => s.status !== 'queued');
    const card = state.batch.statusCard;
    if (!card || !this.hooks.statusCard) {
      if (finished) {
        state.refreshing = true;
        this.track(this.complete(state).finally(() => (state.refreshing = false)));
        return true;
      }
      return undefined;
    }
    const acquired = this.limiter.tryAcquire({ conversationId: card.conversationId, tenantId: card.tenantId }, monoNow);
    if (!acquired.granted) return acquired.retryAt;
    state.refreshing = true;
    state.dirty = false;
    this.track(this.refresh(state, acquired.permit, finished).finally(() => (state.refreshing = false)));
    return true;
  }

  private async refresh(state: BatchState, permit: Permit, finished: boolean): Promise<void> {
    const card = state.batch.statusCard!;
    const view = deliveryView(state.batch, state.summaries.values());
    let result: DeliveryResult;
    try {
      result = await this.transport.deliver({ operation: 'replace', reference: card.reference, replaceActivityId: card.activityId, card: this.hooks.statusCard!(view) });
    } catch (error) {
      result = { ok: false, failure: { reason: error instanceof Error ? error.message : 'status card not refreshed' } };
    }
    permit.done(this.clock.monotonic());
    state.lastRefreshAt = this.clock.monotonic();
    if (!result.ok) {
      state.refreshFailures += 1;
      const decision = decideRetry(result.failure, state.refreshFailures, { ...this.options.retry, maxAttempts: REFRESH_ATTEMPTS }, this.options.random);
      this.log.warn({ batchId: state.batch.id, reason: result.failure.reason }, 'delivery status card not refreshed');
      if (decision.outcome === 'retry') {
        state.dirty = true;
        state.refreshRetryAt = this.clock.monotonic() + decision.delayMs;
        return;
      }
    } else {
      state.refreshFailures = 0;
    }
    if (finished) await this.complete(state);
  }

  /** Every message is final and the status card says so: close the batch. */
  private async complete(state: BatchState): Promise<void> {
    const completed = deliveryBatchSchema.parse({ ...state.batch, completedAt: this.clock.now().toISOString() });
    try {
      await this.repository.updateBatch(completed, state.etag);
    } catch (error) {
      if (!conflict(error)) this.log.warn({ err: error, batchId: state.batch.id }, 'batch could not be closed; will try again');
      state.dirty = true;
      this.needsReload = true;
      return;
    }
    this.batches.delete(state.key);
    for (const id of state.summaries.keys()) this.recordedAt.delete(`${state.key}|${id}`);
  }
}

function batchKey(partnershipId: string, batchId: string): string {
  return `${partnershipId}|${batchId}`;
}

function rowKey(message: Pick<OutboxMessage, 'partnershipId' | 'batchId' | 'id'>): string {
  return `${batchKey(message.partnershipId, message.batchId)}|${message.id}`;
}

function targetOf(message: OutboxMessage): RateTarget {
  return { conversationId: message.conversationId, tenantId: message.tenantId };
}

function summaryOf(message: OutboxMessage): MessageSummary {
  return { id: message.id, status: message.status, recipient: message.recipient, ...(message.lastError ? { lastError: message.lastError } : {}) };
}

/** Oldest first, so a conversation's messages arrive in the order they were asked for. */
function compareWork(a: Work, b: Work): number {
  return a.message.createdAt.localeCompare(b.message.createdAt) || a.message.batchId.localeCompare(b.message.batchId) || a.message.id.localeCompare(b.message.id);
}
