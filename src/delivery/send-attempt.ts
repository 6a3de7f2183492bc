import { ConflictError } from '../domain/errors';
import type { OutboxMessage } from '../domain/outbox/outbox-message';
import type { Permit, RateLimiter } from '../domain/outbox/rate-limiter';
import type { OutboxRepository } from '../domain/ports';
import { attemptOutcome } from './attempt-outcome';
import type { DispatcherClock, DispatcherHooks, DispatcherOptions, OutboxLog } from './dispatcher-options';
import { deliveryOf } from './delivery-target';
import { rateTargetOf } from './outbox-keys';
import type { DeliveryResult, OutboxTransport } from './outbox-transport';
import type { OutcomeRecorder } from './outcome-recorder';
import { LEASE_SAFETY_MS, claimRow, unclaimed, type SenderLeases } from './sender-leases';
import type { SendQueue, Work } from './send-queue';
import type { StatusCardRefresh } from './status-card-refresh';

/** How soon a claimed message looks again for a slot that waits on answers still in flight. */
const PERMIT_POLL_MS = 5;

export interface SendAttemptParts {
  readonly repository: Pick<OutboxRepository, 'updateDelivery'>;
  readonly transport: OutboxTransport;
  readonly limiter: RateLimiter;
  readonly clock: DispatcherClock;
  readonly log: OutboxLog;
  readonly options: Pick<DispatcherOptions, 'owner' | 'leaseMs' | 'retry' | 'random'>;
  readonly leases: SenderLeases;
  readonly recorder: OutcomeRecorder;
  readonly queue: SendQueue;
  readonly statusCards: StatusCardRefresh;
  readonly onSent: DispatcherHooks['onSent'];
  /** The row was changed by another writer before it could be claimed: read the outbox again. */
  readonly readAgain: () => void;
}

/**
 * Claim, send, record: the only place a message goes to Teams. The rate-limit slot is taken after
 * the claim, because a slot counts from when it is taken until a window after the answer: taken
 * before the claim's Table write, that write's time would be lost from every window.
 */
export class SendAttempt {
  constructor(private readonly parts: SendAttemptParts) {}

  async run(work: Work): Promise<void> {
    const { clock, options, recorder, queue } = this.parts;
    const claimed = claimRow(work.message, options.owner, clock.now(), options.leaseMs);
    const leaseUntil = Date.parse(claimed.lease!.until);
    let etag: string;
    try {
      etag = await this.parts.repository.updateDelivery(claimed, work.etag);
    } catch (error) {
      if (!(error instanceof ConflictError)) this.parts.log.warn({ err: error, messageId: work.message.id }, 'outbox message could not be claimed; will try again');
      // Someone else changed the row (another instance, or an older read of ours): read it again.
      this.parts.readAgain();
      return;
    }

    const permit = await this.permitFor(claimed, leaseUntil);
    if (!permit) {
      // The limits held it back until its claim was nearly over: give the row back, unclaimed.
      const released = unclaimed(claimed);
      const recorded = await recorder.record(released, etag);
      if (recorded !== undefined) queue.put({ key: work.key, message: released, etag: recorded });
      return;
    }
    let result: DeliveryResult;
    try {
      result = await this.parts.transport.deliver(deliveryOf(claimed));
    } catch (error) {
      result = { ok: false, failure: { reason: 'the bot could not send the message' } };
      this.parts.log.warn({ err: error, messageId: claimed.id }, 'outbox transport threw');
    } finally {
      permit.done(clock.monotonic());
    }

    const { next, throttledForMs } = attemptOutcome(claimed, result, clock.now(), options.retry, options.random);
    if (throttledForMs !== undefined) this.parts.limiter.pause(claimed.conversationId, clock.monotonic() + throttledForMs, clock.monotonic());
    const recorded = await recorder.record(next, etag);
    if (recorded === undefined) return;
    this.parts.statusCards.recorded(next);
    if (next.status === 'queued') queue.put({ key: work.key, message: next, etag: recorded });
    if (next.status === 'sent' && this.parts.onSent) {
      await this.parts.onSent(next).catch((error: unknown) => this.parts.log.warn({ err: error, messageId: next.id, kind: next.kind }, 'after-send step failed'));
    }
  }

  /**
   * A slot for a claimed message, waiting for one as long as the claim allows; undefined when the
   * claim would run out first. While requests are in flight the wait is for their answers, so it looks
   * again soon; otherwise it sleeps until the limiter says.
   */
  private async permitFor(message: OutboxMessage, leaseUntil: number): Promise<Permit | undefined> {
    const { clock, limiter, leases } = this.parts;
    for (;;) {
      const monoNow = clock.monotonic();
      const acquired = limiter.tryAcquire(rateTargetOf(message), monoNow);
      if (acquired.granted) return acquired.permit;
      // The row's claim, and this instance's hold on the partnership's sending, must both outlast the send.
      const senderUntil = leases.until(message.partnershipId) ?? -Infinity;
      const sendBy = Math.min(leaseUntil, senderUntil) - LEASE_SAFETY_MS - clock.now().getTime();
      const wakeIn = acquired.retryAt === undefined ? PERMIT_POLL_MS : Math.max(1, acquired.retryAt - monoNow);
      if (wakeIn >= sendBy) return undefined;
      await clock.sleep(wakeIn);
    }
  }
}
