import type { DeliveryView } from '../domain/outbox/delivery-batch';
import type { OutboxMessage } from '../domain/outbox/outbox-message';
import { DEFAULT_RETRY, type RetryOptions } from '../domain/outbox/retry-policy';

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
