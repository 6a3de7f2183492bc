import { ConflictError } from '../domain/errors';
import { deliveryView, type MessageSummary } from '../domain/outbox/delivery-batch';
import { deliveryBatchSchema, type DeliveryBatch, type OutboxMessage } from '../domain/outbox/outbox-message';
import type { Permit, RateLimiter } from '../domain/outbox/rate-limiter';
import { decideRetry } from '../domain/outbox/retry-policy';
import type { OutboxRepository } from '../domain/ports';
import type { DispatcherClock, DispatcherHooks, DispatcherOptions, OutboxLog } from './dispatcher-options';
import { batchKey } from './outbox-keys';
import type { DeliveryResult, OutboxTransport } from './outbox-transport';

/** Attempts at a status card refresh that keeps failing before the batch is closed without it. */
const REFRESH_ATTEMPTS = 5;

/** A batch this instance is sending, as its status card will show it. */
export interface BatchState {
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

export interface StatusCardParts {
  readonly repository: Pick<OutboxRepository, 'updateBatch'>;
  readonly transport: OutboxTransport;
  readonly limiter: RateLimiter;
  readonly clock: DispatcherClock;
  readonly log: OutboxLog;
  readonly render: DispatcherHooks['statusCard'];
  readonly options: Pick<DispatcherOptions, 'statusRefreshMs' | 'retry' | 'random'>;
  /** Runs a refresh, or a batch's closing, as the dispatcher's work in flight. */
  readonly track: (work: Promise<void>) => void;
  /** A batch could not be closed (changed by another writer, or storage failed): read the outbox again. */
  readonly readAgain: () => void;
  /** A batch is closed: the bookkeeping of its rows can go. */
  readonly onClosed: (state: BatchState) => void;
}

/** The part of a row the status card needs. */
export function summaryOf(message: OutboxMessage): MessageSummary {
  return {
    id: message.id,
    status: message.status,
    recipient: message.recipient,
    ...(message.lastError ? { lastError: message.lastError } : {}),
    ...(message.via ? { via: message.via } : {}),
  };
}

/** Nothing of the batch is queued or being sent. */
export function isFinished(state: BatchState): boolean {
  return state.inFlight === 0 && [...state.summaries.values()].every((s) => s.status !== 'queued');
}

/**
 * The Prevent Officer's "sending to N people" card of each batch: refreshed as outcomes are
 * recorded (at most every `statusRefreshMs`, within the rate limits of the officer's chat), always
 * once at the end, and then the batch is closed. A refresh that fails is retried with back-off a few
 * times; after that the batch is closed without it, so one lost card cannot hold a batch open.
 */
export class StatusCardRefresh {
  private readonly batches = new Map<string, BatchState>();

  constructor(private readonly parts: StatusCardParts) {}

  /** The batch as just read; kept as it was while a refresh of it is under way (that refresh writes it). */
  read(batch: DeliveryBatch, etag: string): BatchState {
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

  /** The batch a row belongs to, while this instance follows it. */
  of(message: Pick<OutboxMessage, 'partnershipId' | 'batchId'>): BatchState | undefined {
    return this.batches.get(batchKey(message.partnershipId, message.batchId));
  }

  /** Forgets the partnership's batches with nothing in flight, except those in `stillOpen`. */
  forget(partnershipId: string, stillOpen: ReadonlySet<string> = new Set()): void {
    for (const [key, state] of this.batches) {
      if (state.batch.partnershipId === partnershipId && !stillOpen.has(key) && state.inFlight === 0) this.batches.delete(key);
    }
  }

  /** A row's outcome was recorded: its card is due a refresh. */
  recorded(message: OutboxMessage): void {
    const state = this.of(message);
    if (!state) return;
    state.summaries.set(message.id, summaryOf(message));
    state.dirty = true;
  }

  /** Starts the refreshes that are due; says when the next one is (monotonic) and whether any is still to come. */
  step(monoNow: number, force: boolean): { refreshAt?: number; refreshPending: boolean } {
    let refreshAt: number | undefined;
    let refreshPending = false;
    for (const state of this.batches.values()) {
      if (!state.dirty || state.refreshing) continue;
      const at = this.dueAt(state, force);
      if (at === undefined) continue;
      refreshPending = true;
      if (at <= monoNow) {
        const started = this.start(state, monoNow);
        if (started !== true && started !== undefined) refreshAt = refreshAt === undefined ? started : Math.min(refreshAt, started);
      } else {
        refreshAt = refreshAt === undefined ? at : Math.min(refreshAt, at);
      }
    }
    return { ...(refreshAt !== undefined ? { refreshAt } : {}), refreshPending };
  }

  /** When the batch's status card should next be refreshed (monotonic), or undefined when it need not be. */
  private dueAt(state: BatchState, force: boolean): number | undefined {
    const finished = isFinished(state);
    if (!state.batch.statusCard || !this.parts.render) return finished ? -Infinity : undefined;
    if (state.refreshFailures > 0) return state.refreshRetryAt;
    if (finished || force) return -Infinity;
    return state.lastRefreshAt + this.parts.options.statusRefreshMs;
  }

  /** True when started; otherwise when the limiter will allow it (or undefined: after a send in flight). */
  private start(state: BatchState, monoNow: number): true | number | undefined {
    const finished = isFinished(state);
    const card = state.batch.statusCard;
    if (!card || !this.parts.render) {
      if (finished) {
        state.refreshing = true;
        this.parts.track(this.complete(state).finally(() => (state.refreshing = false)));
        return true;
      }
      return undefined;
    }
    const acquired = this.parts.limiter.tryAcquire({ conversationId: card.conversationId, tenantId: card.tenantId }, monoNow);
    if (!acquired.granted) return acquired.retryAt;
    state.refreshing = true;
    state.dirty = false;
    this.parts.track(this.refresh(state, acquired.permit, finished).finally(() => (state.refreshing = false)));
    return true;
  }

  private async refresh(state: BatchState, permit: Permit, finished: boolean): Promise<void> {
    const { clock, options } = this.parts;
    const card = state.batch.statusCard!;
    const view = deliveryView(state.batch, state.summaries.values());
    let result: DeliveryResult;
    try {
      result = await this.parts.transport.deliver({ operation: 'replace', reference: card.reference, replaceActivityId: card.activityId, card: this.parts.render!(view) });
    } catch (error) {
      result = { ok: false, failure: { reason: error instanceof Error ? error.message : 'status card not refreshed' } };
    }
    permit.done(clock.monotonic());
    state.lastRefreshAt = clock.monotonic();
    if (!result.ok) {
      state.refreshFailures += 1;
      const decision = decideRetry(result.failure, state.refreshFailures, { ...options.retry, maxAttempts: REFRESH_ATTEMPTS }, options.random);
      this.parts.log.warn({ batchId: state.batch.id, reason: result.failure.reason }, 'delivery status card not refreshed');
      if (decision.outcome === 'retry') {
        state.dirty = true;
        state.refreshRetryAt = clock.monotonic() + decision.delayMs;
        return;
      }
    } else {
      state.refreshFailures = 0;
    }
    if (finished) await this.complete(state);
  }

  /** Every message is final and the status card says so: close the batch. */
  private async complete(state: BatchState): Promise<void> {
    const completed = deliveryBatchSchema.parse({ ...state.batch, completedAt: this.parts.clock.now().toISOString() });
    try {
      await this.parts.repository.updateBatch(completed, state.etag);
    } catch (error) {
      if (!(error instanceof ConflictError)) this.parts.log.warn({ err: error, batchId: state.batch.id }, 'batch could not be closed; will try again');
      state.dirty = true;
      this.parts.readAgain();
      return;
    }
    this.batches.delete(state.key);
    this.parts.onClosed(state);
  }
}
