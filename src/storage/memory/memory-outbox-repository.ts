import { ConflictError, NotFoundError } from '../../domain/errors';
import {
  deliveryBatchSchema,
  deliveryStateOf,
  deliveryStateSchema,
  outboxMessageSchema,
  type DeliveryBatch,
  type OutboxMessage,
  type Versioned,
} from '../../domain/outbox/outbox-message';
import type { OutboxRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';

interface Stored<T> {
  value: T;
  version: number;
}

interface Partition {
  readonly batches: Map<string, Stored<DeliveryBatch>>;
  readonly messages: Map<string, Map<string, Stored<OutboxMessage>>>;
  readonly onceKeys: Set<string>;
  sender?: Stored<{ owner: string; until: string }>;
}

/** Same contract as the Table repository (ETags as version counters), for unit tests. */
export class MemoryOutboxRepository implements OutboxRepository {
  private readonly partitions = new Map<string, Partition>();

  async enqueue(batch: DeliveryBatch, messages: readonly OutboxMessage[]): Promise<OutboxMessage[]> {
    const validBatch = parseOrThrow(deliveryBatchSchema, batch, 'delivery batch');
    const valid = messages.map((m) => parseOrThrow(outboxMessageSchema, m, 'outbox message'));
    if (valid.some((m) => m.batchId !== validBatch.id || m.partnershipId !== validBatch.partnershipId)) {
      throw new ConflictError('every message must belong to the batch it is enqueued with');
    }
    const partition = this.partition(validBatch.partnershipId);
    if (partition.batches.has(validBatch.id)) throw new ConflictError(`batch ${validBatch.id} already exists`);
    partition.batches.set(validBatch.id, { value: structuredClone(validBatch), version: 1 });
    const rows = new Map<string, Stored<OutboxMessage>>();
    partition.messages.set(validBatch.id, rows);
    const written: OutboxMessage[] = [];
    for (const message of valid) {
      if (message.onceKey) {
        if (partition.onceKeys.has(message.onceKey)) continue;
        partition.onceKeys.add(message.onceKey);
      }
      if (rows.has(message.id)) throw new ConflictError(`message ${message.id} already exists in batch ${validBatch.id}`);
      rows.set(message.id, { value: structuredClone(message), version: 1 });
      written.push(structuredClone(message));
    }
    return written;
  }

  async usedOnceKeys(partnershipId: string, keys: readonly string[]): Promise<Set<string>> {
    const used = this.partitions.get(partnershipId)?.onceKeys ?? new Set<string>();
    return new Set(keys.filter((key) => used.has(key)));
  }

  async openBatches(partnershipId: string): Promise<Versioned<DeliveryBatch>[]> {
    return [...(this.partitions.get(partnershipId)?.batches.values() ?? [])]
      .filter((stored) => !stored.value.completedAt)
      .map(versioned)
      .sort((a, b) => a.value.id.localeCompare(b.value.id));
  }

  async getBatch(partnershipId: string, batchId: string): Promise<Versioned<DeliveryBatch> | undefined> {
    const stored = this.partitions.get(partnershipId)?.batches.get(batchId);
    return stored ? versioned(stored) : undefined;
  }

  async messages(partnershipId: string, batchId: string): Promise<Versioned<OutboxMessage>[]> {
    return [...(this.partitions.get(partnershipId)?.messages.get(batchId)?.values() ?? [])].map(versioned).sort((a, b) => a.value.id.localeCompare(b.value.id));
  }

  async updateDelivery(message: OutboxMessage, etag: string): Promise<string> {
    const state = parseOrThrow(deliveryStateSchema, deliveryStateOf(message), 'delivery state');
    const stored = this.partitions.get(message.partnershipId)?.messages.get(message.batchId)?.get(message.id);
    if (!stored) throw new NotFoundError(`outbox message ${message.id} not found`);
    if (etagOf(stored) !== etag) throw new ConflictError(`outbox message ${message.id} changed since it was read`);
    const { lastError: _e, activityId: _a, lease: _l, sentAt: _s, ...fixed } = stored.value;
    stored.value = { ...fixed, ...structuredClone(state) };
    stored.version += 1;
    return etagOf(stored);
  }

  async updateBatch(batch: DeliveryBatch, etag: string): Promise<string> {
    const valid = parseOrThrow(deliveryBatchSchema, batch, 'delivery batch');
    const stored = this.partitions.get(valid.partnershipId)?.batches.get(valid.id);
    if (!stored) throw new NotFoundError(`batch ${valid.id} not found`);
    if (etagOf(stored) !== etag) throw new ConflictError(`batch ${valid.id} changed since it was read`);
    stored.value = structuredClone(valid);
    stored.version += 1;
    return etagOf(stored);
  }

  async claimSender(partnershipId: string, owner: string, until: Date, now: Date): Promise<boolean> {
    const partition = this.partition(partnershipId);
    const current = partition.sender?.value;
    if (current && current.owner !== owner && Date.parse(current.until) > now.getTime()) return false;
    partition.sender = { value: { owner, until: until.toISOString() }, version: (partition.sender?.version ?? 0) + 1 };
    return true;
  }

  async releaseSender(partnershipId: string, owner: string): Promise<void> {
    const partition = this.partitions.get(partnershipId);
    if (partition?.sender?.value.owner === owner) partition.sender = { value: { owner, until: new Date(0).toISOString() }, version: partition.sender.version + 1 };
  }

  private partition(partnershipId: string): Partition {
    let partition = this.partitions.get(partnershipId);
    if (!partition) {
      partition = { batches: new Map(), messages: new Map(), onceKeys: new Set() };
      this.partitions.set(partnershipId, partition);
    }
    return partition;
  }
}

function etagOf(stored: Stored<unknown>): string {
  return `W/"${stored.version}"`;
}

function versioned<T>(stored: Stored<T>): Versioned<T> {
  return { value: structuredClone(stored.value), etag: etagOf(stored) };
}
