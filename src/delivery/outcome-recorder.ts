import { ConflictError } from '../domain/errors';
import type { OutboxMessage } from '../domain/outbox/outbox-message';
import type { OutboxRepository } from '../domain/ports';
import type { OutboxLog } from './dispatcher-options';
import { rowKey } from './outbox-keys';

/** Attempts at recording an outcome before giving up on it (storage unavailable). */
const RECORD_ATTEMPTS = 3;

const pauseFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Writes outcomes on the claim's ETag, and remembers when (monotonic) it wrote each row, so a read
 * of the outbox that started earlier cannot put a row back as it was before.
 */
export class OutcomeRecorder {
  private readonly recordedAt = new Map<string, number>();

  constructor(
    private readonly repository: Pick<OutboxRepository, 'updateDelivery'>,
    private readonly monotonic: () => number,
    private readonly log: OutboxLog,
    /** Another writer changed the row first: the outbox must be read again. */
    private readonly onTakenOver: () => void,
    private readonly pause: (ms: number) => Promise<void> = pauseFor,
  ) {}

  /** The row's new ETag; undefined when it was taken over or storage kept failing (the claim then expires and it is retried). */
  async record(message: OutboxMessage, etag: string): Promise<string | undefined> {
    const key = rowKey(message);
    for (let attempt = 1; ; attempt++) {
      try {
        const recorded = await this.repository.updateDelivery(message, etag);
        this.recordedAt.set(key, this.monotonic());
        return recorded;
      } catch (error) {
        if (error instanceof ConflictError) {
          this.log.warn({ messageId: message.id }, 'outbox message was taken over while being sent; its outcome is not recorded here');
          this.onTakenOver();
          return undefined;
        }
        if (attempt >= RECORD_ATTEMPTS) {
          this.log.warn({ err: error, messageId: message.id }, 'outbox outcome could not be recorded; the message will be retried when its claim expires');
          return undefined;
        }
        await this.pause(200 * attempt);
      }
    }
  }

  /** Whether this instance recorded the row at or after `since` (monotonic). */
  recordedSince(key: string, since: number): boolean {
    return (this.recordedAt.get(key) ?? -Infinity) >= since;
  }

  /** The row's batch is closed: nothing will read it again. */
  forget(key: string): void {
    this.recordedAt.delete(key);
  }
}
