import type { TableEntity } from '@azure/data-tables';
import { isLayoutMarker, moveAssessmentRowsToRoundPartitions } from '../tables/assessment-layout-migration';
import { TABLES, type TableKey, type TableStorage } from '../tables/table-storage';

export const BACKUP_FORMAT = 'prevent-partnership-bot-tables';

interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: 1;
  readonly tableNamePrefix: string;
  readonly createdAt: string;
}

interface BackupRow {
  readonly table: TableKey;
  /** Every property as { value, type } (the SDK's full-metadata form), so Int64, DateTime and Guid survive. */
  readonly entity: Record<string, unknown>;
}

/** The service's own bookkeeping, which a restore must not (and cannot) write back. */
const SERVICE_PROPERTIES = /^(etag|timestamp|odata\..*)$/i;

/**
 * Every row of every table, one JSON line each after a header line. Table data has no soft delete or
 * point-in-time restore in Azure Storage, so this file is the backup. Rows are read page by page and
 * written as they come, so a large table never sits in memory.
 */
export async function backupTables(
  storage: TableStorage,
  tableNamePrefix: string,
  writeLine: (line: string) => Promise<void> | void,
  now = new Date(),
): Promise<Record<TableKey, number>> {
  const header: BackupHeader = { format: BACKUP_FORMAT, version: 1, tableNamePrefix, createdAt: now.toISOString() };
  await writeLine(JSON.stringify(header));
  const counts = {} as Record<TableKey, number>;
  for (const table of Object.keys(TABLES) as TableKey[]) {
    counts[table] = 0;
    for await (const entity of storage.client(table).listEntities({ disableTypeConversion: true })) {
      const kept = Object.fromEntries(Object.entries(entity).filter(([name]) => !SERVICE_PROPERTIES.test(name)));
      const row: BackupRow = { table, entity: kept };
      await writeLine(JSON.stringify(row));
      counts[table]++;
    }
  }
  return counts;
}

export class RestoreError extends Error {}

/**
 * Writes a backup into tables that are empty, so a restore never mixes two states: restore into a
 * new TABLE_NAME_PREFIX and point the bot at it. Returns the rows written per table.
 */
export async function restoreTables(storage: TableStorage, lines: Iterable<string>): Promise<Record<TableKey, number>> {
  await storage.ensureTables();
  for (const table of Object.keys(TABLES) as TableKey[]) {
    for await (const entity of storage.client(table).listEntities({ queryOptions: { select: ['PartitionKey', 'RowKey'] } })) {
      if (table === 'assessments' && isLayoutMarker(entity)) continue;
      throw new RestoreError(`table ${storage.tableName(table)} is not empty: restore into a new TABLE_NAME_PREFIX`);
    }
  }
  const counts = Object.fromEntries(Object.keys(TABLES).map((table) => [table, 0])) as Record<TableKey, number>;
  let lineNumber = 0;
  for (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = JSON.parse(line) as Partial<BackupHeader & BackupRow>;
    if (lineNumber === 1) {
      if (parsed.format !== BACKUP_FORMAT || parsed.version !== 1) throw new RestoreError('not a Prevent Partnership Bot table backup (first line is not its header)');
      continue;
    }
    if (!parsed.table || !(parsed.table in TABLES) || !parsed.entity) throw new RestoreError(`line ${lineNumber}: not a table row`);
    if (parsed.table === 'assessments' && isLayoutMarker(parsed.entity)) continue;
    await storage.client(parsed.table).createEntity(parsed.entity as TableEntity);
    counts[parsed.table]++;
  }
  if (lineNumber === 0) throw new RestoreError('the backup file is empty');
  // A backup taken before rounds had partitions of their own is brought up to date as it lands.
  await moveAssessmentRowsToRoundPartitions(storage.client('assessments'), { evenIfMarked: true });
  return counts;
}
