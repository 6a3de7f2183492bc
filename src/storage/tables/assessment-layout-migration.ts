import { odata, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { ASSESSMENT_ROW_PREFIXES, isRoundPartition, keyPart, roundPartitionOfKeys } from './assessment-table-repository';
import { mapTableError } from './table-errors';
import { prefixUpperBound, readEntity } from './versioned-document';

/** Written once every row is in its round's partition, so later starts make one point read. */
const MARKER = { partitionKey: 'layout', rowKey: 'round-partitions' } as const;

/** True for the Assessments table's layout marker: bookkeeping, not data (a restore skips it). */
export function isLayoutMarker(entity: { partitionKey?: unknown; rowKey?: unknown }): boolean {
  const text = (key: unknown) => (key && typeof key === 'object' && 'value' in key ? (key as { value: unknown }).value : key);
  return text(entity.partitionKey) === MARKER.partitionKey && text(entity.rowKey) === MARKER.rowKey;
}
const BATCH = 100;

type Row = TableEntity<Record<string, unknown>>;

/** The round key part of an old-layout row: from its RowKey, or the nonce marker's roundId column. */
function roundKeyPartOf(row: Row): string | undefined {
  const { return: returnPrefix, history, nonce } = ASSESSMENT_ROW_PREFIXES;
  for (const prefix of [returnPrefix, history]) {
    if (row.rowKey.startsWith(prefix)) {
      const part = row.rowKey.slice(prefix.length).split('_')[0];
      return part ? part : undefined;
    }
  }
  if (row.rowKey.startsWith(nonce) && typeof row['roundId'] === 'string') return keyPart(row['roundId']);
  return undefined;
}

function withoutMetadata(row: Row): Row {
  const { etag: _etag, timestamp: _timestamp, ...rest } = row as Row & { etag?: unknown; timestamp?: unknown };
  return rest as Row;
}

async function inBatches(table: TableClient, actions: readonly TransactionAction[]): Promise<void> {
  const byPartition = new Map<string, TransactionAction[]>();
  for (const action of actions) {
    const pk = action[1].partitionKey as string;
    const group = byPartition.get(pk);
    if (group) group.push(action);
    else byPartition.set(pk, [action]);
  }
  for (const group of byPartition.values()) {
    for (let i = 0; i < group.length; i += BATCH) await table.submitTransaction(group.slice(i, i + BATCH));
  }
}

/**
 * Returns, rating history and nonce markers were first kept in the partnership's partition; they now
 * live in a partition per round (see AssessmentTableRepository). This copies any row still in the
 * old place to its round's partition, unchanged, then deletes the old row. A start that dies half way
 * leaves copies that the next start writes again (an upsert of the same content) before deleting:
 * nothing is lost and nothing is counted twice, because the repository only reads the new place.
 * Returns how many rows were moved. `evenIfMarked` is for a restore, which may write old-layout rows
 * into tables that were marked when they were created.
 */
export async function moveAssessmentRowsToRoundPartitions(table: TableClient, options: { evenIfMarked?: boolean } = {}): Promise<number> {
  try {
    if (!options.evenIfMarked && (await readEntity(table, MARKER.partitionKey, MARKER.rowKey, 'check the assessment layout'))) return 0;
    const { return: returnPrefix, nonce } = ASSESSMENT_ROW_PREFIXES;
    // return_ < rhistory_ < rnonce_ in key order, and round_ sorts after all three.
    const filter = odata`RowKey ge ${returnPrefix} and RowKey lt ${prefixUpperBound(nonce)}`;
    const old: { row: Row; target: string }[] = [];
    for await (const found of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const row = { ...found, partitionKey: String(found.partitionKey), rowKey: String(found.rowKey) };
      if (isRoundPartition(row.partitionKey)) continue;
      const round = roundKeyPartOf(row);
      if (round) old.push({ row, target: roundPartitionOfKeys(row.partitionKey, round) });
    }
    await inBatches(
      table,
      old.map(({ row, target }): TransactionAction => ['upsert', { ...withoutMetadata(row), partitionKey: target }, 'Replace']),
    );
    await inBatches(
      table,
      old.map(({ row }): TransactionAction => ['delete', { partitionKey: row.partitionKey, rowKey: row.rowKey }]),
    );
    await table.upsertEntity({ ...MARKER, layout: 'a partition per self-assessment round' }, 'Replace');
    return old.length;
  } catch (error) {
    return mapTableError(error, 'move self-assessment rows to their round partitions');
  }
}
