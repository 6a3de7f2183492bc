import { canFallBackToChannel, type OutboxMessage } from '../domain/outbox/outbox-message';
import { cannotReachOneToOne, decideRetry, type RetryOptions } from '../domain/outbox/retry-policy';
import type { DeliveryResult } from './outbox-transport';
import { unclaimed } from './sender-leases';

export interface AttemptOutcome {
  /** The row to record: attempt counted, claim dropped. */
  readonly next: OutboxMessage;
  /** Teams throttled the conversation: nothing more goes to it for this long. */
  readonly throttledForMs?: number;
}

/**
 * What one attempt at a claimed row comes to, by the retry policy: sent (with the activity to update
 * later), queued again after a back-off, queued for the partnership channel when Teams will not take
 * it 1:1, or failed or undeliverable with the reason to show.
 */
export function attemptOutcome(claimed: OutboxMessage, result: DeliveryResult, at: Date, retry: RetryOptions, random: () => number): AttemptOutcome {
  const attempts = claimed.attempts + 1;
  const unleased = unclaimed(claimed);
  if (result.ok) {
    const activityId = result.activityId ?? claimed.replaceActivityId;
    const { lastError: _cleared, ...rest } = unleased;
    return { next: { ...rest, status: 'sent', attempts, sentAt: at.toISOString(), ...(activityId ? { activityId } : {}) } };
  }
  if (cannotReachOneToOne(result.failure) && canFallBackToChannel(claimed)) {
    // Not undeliverable: the person is @mentioned in the partnership channel instead, straight away.
    return { next: { ...unleased, status: 'queued', attempts, via: 'channel', lastError: `could not reach 1:1 (${result.failure.reason})`, notBefore: at.toISOString() } };
  }
  const decision = decideRetry(result.failure, attempts, retry, random);
  if (decision.outcome !== 'retry') return { next: { ...unleased, status: decision.outcome, attempts, lastError: decision.reason } };
  const next: OutboxMessage = { ...unleased, status: 'queued', attempts, lastError: decision.reason, notBefore: new Date(at.getTime() + decision.delayMs).toISOString() };
  return decision.throttled ? { next, throttledForMs: decision.delayMs } : { next };
}
