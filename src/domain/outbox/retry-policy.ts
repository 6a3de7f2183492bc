/** Why a delivery did not go through, as the transport saw it. */
export interface DeliveryFailure {
  /** The HTTP status Teams answered with, if it answered. */
  readonly statusCode?: number;
  /** Teams' Retry-After, in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;
  /** The request never got an answer (connection refused or reset, timeout). */
  readonly network?: boolean;
  /** In words the Prevent Officer can act on. */
  readonly reason: string;
}

export interface RetryOptions {
  /** Attempts in all, the first included; then the row is marked failed. */
  readonly maxAttempts: number;
  /** Back-off before the second attempt; it doubles each time, up to `maxDelayMs`, with full jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 60_000 };

export type RetryDecision =
  | { readonly outcome: 'retry'; readonly delayMs: number; readonly reason: string; readonly throttled: boolean }
  | { readonly outcome: 'failed'; readonly reason: string }
  | { readonly outcome: 'undeliverable'; readonly reason: string };

/** Throttled, a precondition race on Teams' side, or a gateway that did not answer: worth another go. */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);

/** Teams asking for more than an hour is treated as an hour: a row must come back to the queue eventually. */
const LONGEST_RETRY_AFTER_MS = 3_600_000;

/**
 * What to do after a failed attempt (`attempts` counts it). 403 means the person blocked or removed
 * the bot: no later attempt can succeed, so the row is undeliverable at once. Throttling, 412, gateway
 * errors and network errors are retried, honouring Retry-After when Teams sends one and otherwise
 * backing off exponentially with full jitter, up to `maxAttempts`. Anything else fails at once.
 */
export function decideRetry(failure: DeliveryFailure, attempts: number, options: RetryOptions = DEFAULT_RETRY, random: () => number = Math.random): RetryDecision {
  if (failure.statusCode === 403) return { outcome: 'undeliverable', reason: failure.reason };
  const retryable = failure.network === true || (failure.statusCode !== undefined && RETRYABLE.has(failure.statusCode));
  if (!retryable) return { outcome: 'failed', reason: failure.reason };
  if (attempts >= options.maxAttempts) return { outcome: 'failed', reason: `${failure.reason} (gave up after ${attempts} attempts)` };
  const throttled = failure.statusCode === 429;
  if (failure.retryAfterMs !== undefined && failure.retryAfterMs >= 0) {
    return { outcome: 'retry', delayMs: Math.min(failure.retryAfterMs, LONGEST_RETRY_AFTER_MS), reason: failure.reason, throttled };
  }
  return { outcome: 'retry', delayMs: backoffDelay(attempts, options, random), reason: failure.reason, throttled };
}

/**
 * Teams will not take a 1:1 message to this person: 403 (they are in another organisation's tenant,
 * the bot is not installed for them, or they blocked it) or 404 (the chat no longer exists). A message
 * that may go to the partnership channel instead goes there; anything else stays undeliverable.
 */
export function cannotReachOneToOne(failure: DeliveryFailure): boolean {
  return failure.statusCode === 403 || failure.statusCode === 404;
}

/** Full jitter: anywhere from 0 to the exponential cap, so many rows throttled together do not retry together. */
export function backoffDelay(attempts: number, options: RetryOptions, random: () => number): number {
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * cap);
}
