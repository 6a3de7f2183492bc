import { odata, type TableClient } from '@azure/data-tables';
import type { ChangeAuthor } from '../../domain/ports';
import { historyRowKey } from './history-keys';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { withTableErrors } from './table-errors';
import { pendingAuditRows } from '../audit/table-pending-audits';

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

/** The JSON documents of every row in the partition whose RowKey starts with `prefix`, in RowKey order. */
export async function readDocumentsWithPrefix(table: TableClient, partitionKey: string, prefix: string, what: string): Promise<unknown[]> {
  return withTableErrors(what, async () => {
    const documents: unknown[] = [];
    for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter: rowKeyPrefixFilter(partitionKey, prefix) } })) {
      documents.push(fromJsonColumns(entity));
    }
    return documents;
  });
}

/**
 * Replaces the current row and appends a newest-first history row with the same content and who
 * changed it, in one transaction: either both are written or neither is. A partition holding many
 * entities passes a `historyPrefix` per entity (e.g. `history_org_<id>`) so each one's history can
 * be read on its own with {@link readHistory}.
 */
export async function writeWithHistory(
  table: TableClient,
  partitionKey: string,
  currentRowKey: string,
  document: unknown,
  author: ChangeAuthor,
  what: string,
  historyPrefix: string = HISTORY_PREFIX,
): Promise<void> {
  const now = new Date();
  const row = { ...toJsonColumns(document), changedById: author.id, changedByName: author.name, changedAt: now };
  await withTableErrors(what, () =>
    table.submitTransaction([
      ['upsert', { partitionKey, rowKey: currentRowKey, ...row }, 'Replace'],
      ['create', { partitionKey, rowKey: historyRowKey(historyPrefix, now), ...row }],
      ...pendingAuditRows(table, partitionKey, 2),
    ]),
  );
}

/** The characters after `<historyPrefix>_` in a history RowKey: inverted ticks and a random suffix. */
const HISTORY_SUFFIX = /^\d{19}_[0-9a-f]{8}$/;

/**
 * The history rows written under `historyPrefix`, newest first. Rows of another entity whose prefix
 * merely starts with this one (id "a" vs "a_b") are left out by checking the exact key shape.
 */
export async function readHistory(table: TableClient, partitionKey: string, historyPrefix: string, what: string): Promise<Record<string, unknown>[]> {
  const prefix = `${historyPrefix}_`;
  return withTableErrors(what, async () => {
    const rows: Record<string, unknown>[] = [];
    for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter: rowKeyPrefixFilter(partitionKey, prefix) } })) {
      if (HISTORY_SUFFIX.test(String(row.rowKey).slice(prefix.length))) rows.push(row);
    }
    return rows;
  });
}

/**
 * An odata filter for the rows of one partition whose RowKey starts with `prefix`, as a key range
 * (Tables has no startswith): `prefix` <= RowKey < `prefix` with its last character incremented.
 */
export function rowKeyPrefixFilter(partitionKey: string, prefix: string): string {
  if (prefix.length === 0) throw new Error('rowKeyPrefixFilter needs a non-empty prefix');
  return odata`PartitionKey eq ${partitionKey} and RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(prefix)}`;
}

/** The first key after every key that starts with `prefix` (its last character moved on by one). */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
