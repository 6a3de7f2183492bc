import type { OutboxRepository } from '../domain/ports';
import { batchKey, rowKey } from './outbox-keys';
import type { OutcomeRecorder } from './outcome-recorder';
import type { SenderLeases } from './sender-leases';
import type { SendQueue } from './send-queue';
import { summaryOf, type StatusCardRefresh } from './status-card-refresh';

export interface OutboxReaderParts {
  readonly repository: Pick<OutboxRepository, 'openBatches' | 'messages'>;
  readonly partnerships: () => Promise<string[]>;
  readonly leases: SenderLeases;
  readonly queue: SendQueue;
  readonly statusCards: StatusCardRefresh;
  readonly recorder: OutcomeRecorder;
  /** Wall-clock ms, for the leases. */
  readonly now: () => number;
}

/**
 * Reads the open batches of every partnership whose sender lease this instance holds (claiming or
 * renewing it first) into the send queue and the status cards. Rows in flight here, and rows this
 * instance recorded after the read began (`startedAt`, monotonic), are left as this instance has them:
 * the read may have seen them before that write.
 */
export async function readOutbox(parts: OutboxReaderParts, startedAt: number): Promise<void> {
  const { repository, leases, queue, statusCards, recorder } = parts;
  for (const partnershipId of await parts.partnerships()) {
    if (!(await leases.hold(partnershipId, parts.now()))) {
      queue.forget(partnershipId);
      statusCards.forget(partnershipId);
      continue;
    }
    const open = await repository.openBatches(partnershipId);
    statusCards.forget(partnershipId, new Set(open.map((b) => batchKey(partnershipId, b.value.id))));
    for (const { value: batch, etag } of open) {
      const rows = await repository.messages(partnershipId, batch.id);
      const state = statusCards.read(batch, etag);
      for (const row of rows) {
        const key = rowKey(row.value);
        if (queue.isInFlight(key) || recorder.recordedSince(key, startedAt)) continue;
        state.summaries.set(row.value.id, summaryOf(row.value));
        if (row.value.status === 'queued') queue.put({ key, message: row.value, etag: row.etag });
        else queue.remove(key);
      }
      // A batch found already finished (e.g. its closing failed before) still needs its final card and closing.
      if ([...state.summaries.values()].every((s) => s.status !== 'queued')) state.dirty = true;
    }
  }
}
