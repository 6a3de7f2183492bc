import { odata, type TableClient } from '@azure/data-tables';
import { ConflictError } from '../../domain/errors';
import type { UnrecognisedMessageCounter } from '../../domain/ports';
import { encodeKey } from './key-encoding';
import { withTableErrors } from './table-errors';
import { readEntity } from './versioned-document';

const PREFIX = 'unrecognised-';
/** Two instances counting the same second retry on the ETag; past this the count is one short, never wrong the other way. */
const ATTEMPTS = 4;

/** One row per partnership and UK day beside the partnership profile, holding a count and nothing else. */
export class UnrecognisedMessageTableCounter implements UnrecognisedMessageCounter {
  constructor(private readonly table: TableClient) {}

  async count(partnershipId: string, day: string): Promise<void> {
    const partitionKey = encodeKey(partnershipId);
    const rowKey = `${PREFIX}${day}`;
    for (let attempt = 1; ; attempt++) {
      const row = await readEntity(this.table, partitionKey, rowKey, 'read unrecognised-message count');
      try {
        await withTableErrors('count an unrecognised message', () =>
          row
            ? this.table.updateEntity({ partitionKey, rowKey, count: Number(row['count'] ?? 0) + 1 }, 'Replace', { etag: String(row['etag']) })
            : this.table.createEntity({ partitionKey, rowKey, count: 1 }),
        );
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  async countsBetween(partnershipId: string, from: string, to: string): Promise<{ day: string; count: number }[]> {
    const partitionKey = encodeKey(partnershipId);
    return withTableErrors('read unrecognised-message counts', async () => {
      const days: { day: string; count: number }[] = [];
      const rows = this.table.listEntities<{ rowKey: string; count: number }>({
        queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${PREFIX + from} and RowKey le ${PREFIX + to}` },
      });
      for await (const row of rows) days.push({ day: row.rowKey.slice(PREFIX.length), count: Number(row.count) });
      return days;
    });
  }
}
