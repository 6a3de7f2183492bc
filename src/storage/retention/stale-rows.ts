import { odata, type TableClient } from '@azure/data-tables';
import { prefixUpperBound } from '../tables/versioned-document';

/**
 * Rows, in any partition, whose RowKey starts with `prefix` and which were last written before
 * `before`. The Table service keeps Timestamp itself on every write, so rows written by any version
 * of the bot carry it, and a row rewritten since (a reference refreshed by a new message) is younger.
 */
export async function* staleRows(
  table: TableClient,
  prefix: string,
  before: Date,
  extraFilter?: string,
): AsyncGenerator<Record<string, unknown> & { partitionKey: string; rowKey: string; etag: string }> {
  const range = odata`RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(prefix)} and Timestamp lt ${before}`;
  const filter = extraFilter ? `${range} and ${extraFilter}` : range;
  for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
    yield row as Record<string, unknown> & { partitionKey: string; rowKey: string; etag: string };
  }
}

/**
 * Deletes a row only as it was read: a row rewritten since (412) or deleted since (404) is left
 * alone. True when this call deleted it.
 */
export async function deleteAsRead(table: TableClient, row: { partitionKey: string; rowKey: string; etag: string }): Promise<boolean> {
  try {
    await table.deleteEntity(row.partitionKey, row.rowKey, { etag: row.etag });
    return true;
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 404 || status === 412) return false;
    throw error;
  }
}
