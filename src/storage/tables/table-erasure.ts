import type { TableEntity } from '@azure/data-tables';
import { eraseExactNames, eraseNamesBesideId, mentionsAny, type ErasureContext } from '../../domain/privacy/erasure';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { partnershipPartitionsFilter } from './assessment-table-repository';
import { mapTableError } from './table-errors';
import { TABLES, type TableKey, type TableStorage } from './table-storage';

/** The service's own bookkeeping, which an update must not write back. */
const SERVICE_PROPERTIES = /^(etag|timestamp|odata\..*)$/i;
const JSON_CHUNK = /^json\d+$/;
/** A row changed by the bot between our read and our write is read again; this often at most. */
const MAX_ATTEMPTS = 5;

type TypedValue = { value: string; type: string };
type RawEntity = Record<string, unknown> & { partitionKey: string; rowKey: string; etag?: string };

export interface ErasureOptions {
  /** Only this partnership's partition of each table (the bot's conversation state is always searched). */
  readonly partnershipId?: string;
}

export interface ErasureResult {
  /** Rows rewritten, by table. */
  readonly rowsChanged: Partial<Record<TableKey, number>>;
  /** How many different names the person was recorded under. */
  readonly namesFound: number;
  /** Rows whose free text still mentions a name: not rewritten, listed for the Prevent Officer to review. */
  readonly mentions: readonly { table: TableKey; partitionKey: string; rowKey: string }[];
}

/** The audit log holds no names (only ids and hashes), so it is never searched or rewritten. */
const SEARCHED: readonly TableKey[] = (Object.keys(TABLES) as TableKey[]).filter((key) => key !== 'audit');

/**
 * Replaces a person's name in every row of every table but the audit log. History rows are
 * otherwise never rewritten; erasure is the lawful exception. Two passes: names beside the person's
 * id first (which tells us every name they were stored under), then values equal to one of them.
 */
export async function eraseMemberFromTables(storage: TableStorage, objectId: string, options: ErasureOptions = {}): Promise<ErasureResult> {
  const context: ErasureContext = { objectId, names: new Set(), changed: false };
  const rowsChanged: Partial<Record<TableKey, number>> = {};
  for (const pass of [eraseNamesBesideId, eraseExactNames]) {
    for (const table of SEARCHED) {
      await forEachRow(storage, table, options, async (row) => {
        if (await rewriteRow(storage, table, row, (value) => pass(value, context), context)) rowsChanged[table] = (rowsChanged[table] ?? 0) + 1;
      });
    }
  }
  const mentions: { table: TableKey; partitionKey: string; rowKey: string }[] = [];
  for (const table of SEARCHED) {
    await forEachRow(storage, table, options, async (row) => {
      if (mentionsAny(JSON.stringify(row), context.names)) mentions.push({ table, partitionKey: row.partitionKey, rowKey: row.rowKey });
    });
  }
  return { rowsChanged, namesFound: context.names.size, mentions };
}

async function forEachRow(storage: TableStorage, table: TableKey, options: ErasureOptions, each: (row: RawEntity) => Promise<void>): Promise<void> {
  // The partnership's own partition, and each of its self-assessment rounds' partitions.
  const filter = options.partnershipId && table !== 'botState' ? partnershipPartitionsFilter(options.partnershipId) : undefined;
  try {
    for await (const row of storage.client(table).listEntities<RawEntity>({ disableTypeConversion: true, ...(filter ? { queryOptions: { filter } } : {}) })) await each(row);
  } catch (error) {
    mapTableError(error, `search ${storage.tableName(table)}`);
  }
}

const isString = (value: unknown): value is TypedValue => typeof value === 'object' && value !== null && (value as TypedValue).type === 'String';

/** Applies `transform` to the row's string columns (as one object) and its chunked JSON document; writes it back if anything changed. */
async function rewriteRow(storage: TableStorage, table: TableKey, first: RawEntity, transform: (value: unknown) => unknown, context: ErasureContext): Promise<boolean> {
  let row = first;
  for (let attempt = 1; ; attempt++) {
    context.changed = false;
    const updated = transformed(row, transform);
    if (!context.changed) return false;
    try {
      await storage.client(table).updateEntity(updated as TableEntity, 'Replace', { etag: String(row.etag) });
      return true;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 412 || attempt >= MAX_ATTEMPTS) mapTableError(error, `erase from ${storage.tableName(table)}`);
      row = await storage.client(table).getEntity<RawEntity>(row.partitionKey, row.rowKey, { disableTypeConversion: true });
    }
  }
}

function transformed(row: RawEntity, transform: (value: unknown) => unknown): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(row).filter(([name]) => !SERVICE_PROPERTIES.test(name)));
  const chunked = 'jsonChunks' in kept;
  const strings = Object.fromEntries(
    Object.entries(kept)
      .filter(([name, value]) => isString(value) && !(chunked && JSON_CHUNK.test(name)))
      .map(([name, value]) => [name, (value as TypedValue).value]),
  );
  const result: Record<string, unknown> = { ...kept };
  for (const [name, value] of Object.entries(transform(strings) as Record<string, string>)) result[name] = { value, type: 'String' };
  if (chunked) {
    const chunkValues = Object.fromEntries(
      Object.entries(kept)
        .filter(([name]) => JSON_CHUNK.test(name))
        .map(([name, value]) => [name, (value as TypedValue).value]),
    );
    const document = fromJsonColumns({ ...chunkValues, jsonChunks: Number((kept['jsonChunks'] as TypedValue).value) });
    for (const name of Object.keys(result)) if (JSON_CHUNK.test(name)) delete result[name];
    for (const [name, value] of Object.entries(toJsonColumns(transform(document)))) {
      result[name] = typeof value === 'number' ? { value: String(value), type: 'Int32' } : { value, type: 'String' };
    }
  }
  return result;
}
