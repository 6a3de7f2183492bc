import type { TableClient } from '@azure/data-tables';
import type { ChangeAuthor } from '../../domain/ports';
import { historyRowKey } from './history-keys';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { withTableErrors } from './table-errors';

export const HISTORY_PREFIX = 'history';

/** Reads one entity, or undefined when the Table service answers 404. */
export async function readEntity(table: TableClient, partitionKey: string, rowKey: string, what: string): Promise<Record<string, unknown> | undefined> {
  return withTableErrors(what, async () => {
    try {
      return await table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  });
}

/** The JSON document stored in a row, or undefined when there is no such row. */
export async function readDocument(table: TableClient, partitionKey: string, rowKey: string, what: string): Promise<unknown> {
  const entity = await readEntity(table, partitionKey, rowKey, what);
  return entity ? fromJsonColumns(entity) : undefined;
}

/**
 * Replaces the current row and appends a newest-first history row with the same content and who
 * changed it, in one transaction: either both are written or neither is.
 */
export async function writeWithHistory(
  table: TableClient,
  partitionKey: string,
  currentRowKey: string,
  document: unknown,
  author: ChangeAuthor,
  what: string,
): Promise<void> {
  const now = new Date();
  const row = { ...toJsonColumns(document), changedById: author.id, changedByName: author.name, changedAt: now };
  await withTableErrors(what, () =>
    table.submitTransaction([
      ['upsert', { partitionKey, rowKey: currentRowKey, ...row }, 'Replace'],
      ['create', { partitionKey, rowKey: historyRowKey(HISTORY_PREFIX, now), ...row }],
    ]),
  );
}
