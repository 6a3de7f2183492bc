import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { ConflictError, NotFoundError } from '../../domain/errors';
import {
  deliveryBatchSchema,
  deliveryStateOf,
  deliveryStateSchema,
  outboxMessageSchema,
  type DeliveryBatch,
  type DeliveryState,
  type OutboxMessage,
  type Versioned,
} from '../../domain/outbox/outbox-message';
import type { OutboxRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { encodeKey, encodeLongKey } from './key-encoding';
import { mapTableError, withTableErrors } from './table-errors';
import { readEntity, rowKeyPrefixFilter } from './versioned-document';

const BATCH_PREFIX = 'batch_';
const MESSAGE_PREFIX = 'msg_';
const ONCE_PREFIX = 'once_';
const SENDER_ROW = 'sender';
/** Row kinds of the outbox partition, for storage-level jobs such as the retention purge. */
export const OUTBOX_ROW_PREFIXES = { batch: BATCH_PREFIX, message: MESSAGE_PREFIX, once: ONCE_PREFIX } as const;
/** A transaction holds at most 100 operations and 4 MiB; cards are large, so batches are cut by size too. */
const MAX_OPERATIONS = 100;
const MAX_TRANSACTION_CHARS = 1_500_000;

const batchRowKey = (batchId: string) => `${BATCH_PREFIX}${encodeKey(batchId)}`;
const messagePrefix = (batchId: string) => `${MESSAGE_PREFIX}${encodeKey(batchId)}_`;
const messageRowKey = (batchId: string, id: string) => `${messagePrefix(batchId)}${encodeLongKey(id)}`;
const onceRowKey = (key: string) => `${ONCE_PREFIX}${encodeLongKey(key)}`;

const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;

/**
 * The outbox in one partition per partnership: a row per batch, a row per message (what to send,
 * written once, across json columns because cards can pass 64 KiB, and its delivery state in a
 * column of its own that every later write merges on the ETag read), a marker per once-key, and the
 * partnership's sender lease.
 */
export class OutboxTableRepository implements OutboxRepository {
  constructor(private readonly table: TableClient) {}

  async enqueue(batch: DeliveryBatch, messages: readonly OutboxMessage[]): Promise<OutboxMessage[]> {
    const validBatch = parseOrThrow(deliveryBatchSchema, batch, 'delivery batch');
    const valid = messages.map((m) => parseOrThrow(outboxMessageSchema, m, 'outbox message'));
    if (valid.some((m) => m.batchId !== validBatch.id || m.partnershipId !== validBatch.partnershipId)) {
      throw new ConflictError('every message must belong to the batch it is enqueued with');
    }
    const partitionKey = encodeKey(validBatch.partnershipId);
    try {
      await this.table.createEntity({ partitionKey, rowKey: batchRowKey(validBatch.id), ...batchColumns(validBatch) });
    } catch (error) {
      if (statusOf(error) === 409) throw new ConflictError(`batch ${validBatch.id} already exists`);
      mapTableError(error, 'enqueue batch');
    }

    const written: OutboxMessage[] = [];
    let chunk: TransactionAction[] = [];
    let chunkChars = 0;
    let chunkMessages: OutboxMessage[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const actions = chunk;
      chunk = [];
      chunkChars = 0;
      await withTableErrors('enqueue messages', () => this.table.submitTransaction(actions));
      written.push(...chunkMessages);
      chunkMessages = [];
    };
    for (const message of valid) {
      const entity = { partitionKey, rowKey: messageRowKey(message.batchId, message.id), ...messageColumns(message) };
      if (message.onceKey) {
        // Marker and message in one transaction: either the key is taken and the message written, or neither.
        try {
          await this.table.submitTransaction([
            ['create', { partitionKey, rowKey: onceRowKey(message.onceKey), batchId: message.batchId, messageId: message.id }],
            ['create', entity],
          ]);
          written.push(message);
        } catch (error) {
          if (statusOf(error) !== 409) mapTableError(error, 'enqueue message');
        }
        continue;
      }
      const chars = JSON.stringify(entity).length;
      if (chunk.length >= MAX_OPERATIONS || chunkChars + chars > MAX_TRANSACTION_CHARS) await flush();
      chunk.push(['create', entity]);
      chunkChars += chars;
      chunkMessages.push(message);
    }
    await flush();
    return written;
  }

  async usedOnceKeys(partnershipId: string, keys: readonly string[]): Promise<Set<string>> {
    const partitionKey = encodeKey(partnershipId);
    const found = await Promise.all(keys.map(async (key) => ((await readEntity(this.table, partitionKey, onceRowKey(key), 'read once-key')) ? key : undefined)));
    return new Set(found.filter((key): key is string => key !== undefined));
  }

  async openBatches(partnershipId: string): Promise<Versioned<DeliveryBatch>[]> {
    const partitionKey = encodeKey(partnershipId);
    const filter = `${rowKeyPrefixFilter(partitionKey, BATCH_PREFIX)} and ${odata`open eq ${true}`}`;
    return withTableErrors('list open batches', async () => {
      const batches: Versioned<DeliveryBatch>[] = [];
      for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        batches.push({ value: parseOrThrow(deliveryBatchSchema, fromJsonColumns(entity), 'stored delivery batch'), etag: String(entity['etag']) });
      }
      return batches;
    });
  }

  async getBatch(partnershipId: string, batchId: string): Promise<Versioned<DeliveryBatch> | undefined> {
    const entity = await readEntity(this.table, encodeKey(partnershipId), batchRowKey(batchId), 'read delivery batch');
    return entity ? { value: parseOrThrow(deliveryBatchSchema, fromJsonColumns(entity), 'stored delivery batch'), etag: String(entity['etag']) } : undefined;
  }

  async messages(partnershipId: string, batchId: string): Promise<Versioned<OutboxMessage>[]> {
    const filter = rowKeyPrefixFilter(encodeKey(partnershipId), messagePrefix(batchId));
    return withTableErrors('list outbox messages', async () => {
      const messages: Versioned<OutboxMessage>[] = [];
      for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        const state = JSON.parse(String(entity['stateJson'])) as DeliveryState;
        const message = parseOrThrow(outboxMessageSchema, { ...(fromJsonColumns(entity) as object), ...state }, 'stored outbox message');
        messages.push({ value: message, etag: String(entity['etag']) });
      }
      return messages.sort((a, b) => a.value.id.localeCompare(b.value.id));
    });
  }

  async updateDelivery(message: OutboxMessage, etag: string): Promise<string> {
    const state = parseOrThrow(deliveryStateSchema, deliveryStateOf(message), 'delivery state');
    try {
      const response = await this.table.updateEntity(
        { partitionKey: encodeKey(message.partnershipId), rowKey: messageRowKey(message.batchId, message.id), status: state.status, stateJson: JSON.stringify(state) },
        'Merge',
        { etag },
      );
      return String(response.etag);
    } catch (error) {
      if (statusOf(error) === 404) throw new NotFoundError(`outbox message ${message.id} not found`);
      if (statusOf(error) === 412) throw new ConflictError(`outbox message ${message.id} changed since it was read`);
      return mapTableError(error, 'record outbox delivery');
    }
  }

  async updateBatch(batch: DeliveryBatch, etag: string): Promise<string> {
    const valid = parseOrThrow(deliveryBatchSchema, batch, 'delivery batch');
    try {
      const response = await this.table.updateEntity({ partitionKey: encodeKey(valid.partnershipId), rowKey: batchRowKey(valid.id), ...batchColumns(valid) }, 'Replace', { etag });
      return String(response.etag);
    } catch (error) {
      if (statusOf(error) === 404) throw new NotFoundError(`batch ${valid.id} not found`);
      if (statusOf(error) === 412) throw new ConflictError(`batch ${valid.id} changed since it was read`);
      return mapTableError(error, 'update delivery batch');
    }
  }

  async claimSender(partnershipId: string, owner: string, until: Date, now: Date): Promise<boolean> {
    const partitionKey = encodeKey(partnershipId);
    const current = await readEntity(this.table, partitionKey, SENDER_ROW, 'read sender lease');
    const entity = { partitionKey, rowKey: SENDER_ROW, owner, until: until.toISOString() };
    try {
      if (!current) {
        await this.table.createEntity(entity);
        return true;
      }
      if (current['owner'] !== owner && Date.parse(String(current['until'])) > now.getTime()) return false;
      await this.table.updateEntity(entity, 'Replace', { etag: String(current['etag']) });
      return true;
    } catch (error) {
      if (statusOf(error) === 409 || statusOf(error) === 412) return false;
      return mapTableError(error, 'claim sender lease');
    }
  }

  async releaseSender(partnershipId: string, owner: string): Promise<void> {
    const partitionKey = encodeKey(partnershipId);
    const current = await readEntity(this.table, partitionKey, SENDER_ROW, 'read sender lease');
    if (!current || current['owner'] !== owner) return;
    try {
      await this.table.updateEntity({ partitionKey, rowKey: SENDER_ROW, owner, until: new Date(0).toISOString() }, 'Replace', { etag: String(current['etag']) });
    } catch (error) {
      if (statusOf(error) !== 412) mapTableError(error, 'release sender lease');
    }
  }
}

function batchColumns(batch: DeliveryBatch): Record<string, unknown> {
  return { ...toJsonColumns(batch), open: !batch.completedAt };
}

/** What to send (never changes) in json columns; the delivery state in its own column. */
function messageColumns(message: OutboxMessage): Record<string, unknown> {
  const state = deliveryStateOf(message);
  const fixed: Record<string, unknown> = { ...message };
  for (const key of Object.keys(deliveryStateSchema.shape)) delete fixed[key];
  return { ...toJsonColumns(fixed), status: state.status, stateJson: JSON.stringify(state) };
}
