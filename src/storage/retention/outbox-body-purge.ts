import { odata, type TableClient } from '@azure/data-tables';
import { fromJsonColumns, toJsonColumns } from '../tables/json-columns';
import { OUTBOX_ROW_PREFIXES } from '../tables/outbox-table-repository';
import { withTableErrors } from '../tables/table-errors';
import { staleRows } from './stale-rows';

/** What a cleared row holds instead of its card and conversation reference: valid, and empty. */
const CLEARED = { card: {}, reference: '{}' } as const;

/**
 * Clears the card and conversation reference of outbox messages whose delivery ended (sent, failed
 * or undeliverable) before `before`. The row stays, with its status, times, attempts, error and
 * recipient, so the Prevent Officer's delivery card and the chasers still count it; only what was
 * sent, and how to reach the person, goes. Queued rows are never touched. How many were cleared.
 */
export async function clearDeliveredCardBodies(outbox: TableClient, before: Date, clearedAt: Date): Promise<number> {
  return withTableErrors('clear delivered outbox cards', async () => {
    let cleared = 0;
    for await (const row of staleRows(outbox, OUTBOX_ROW_PREFIXES.message, before, odata`status ne ${'queued'}`)) {
      if (row['bodyCleared'] === true) continue;
      const fixed = { ...(fromJsonColumns(row) as Record<string, unknown>), ...CLEARED };
      try {
        await outbox.updateEntity(
          {
            partitionKey: row.partitionKey,
            rowKey: row.rowKey,
            ...toJsonColumns(fixed),
            status: row['status'],
            stateJson: row['stateJson'],
            bodyCleared: true,
            bodyClearedAt: clearedAt.toISOString(),
          },
          'Replace',
          { etag: row.etag },
        );
        cleared += 1;
      } catch (error) {
        // Changed since it was read: the next run looks at it again.
        if ((error as { statusCode?: number }).statusCode !== 412) throw error;
      }
    }
    return cleared;
  });
}
