import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { pendingAuditSchema, type PendingAudit, type PendingAudits } from '../../domain/audit/pending-audit';
import { parseOrThrow } from '../../domain/validation';
import type { Logger } from '../../logger';
import type { AuditTableRepository } from '../tables/audit-table-repository';
import { withTableErrors } from '../tables/table-errors';
import type { TableKey, TableStorage } from '../tables/table-storage';

/** Sorts after every other row of a partition, so no repository's prefix query can meet it. */
export const PENDING_AUDIT_PREFIX = '~audit-pending_';
/** A Table transaction holds at most 100 operations. */
const MAX_TRANSACTION = 100;

/** The tables whose repositories write pending audit rows with their changes: what the sweep searches. */
export const PENDING_AUDIT_TABLES: readonly TableKey[] = ['partnerships', 'guidance', 'organisations', 'members', 'actions', 'assessments', 'meetings', 'assurance'];

interface Offer {
  readonly pending: PendingAudit;
  taken?: { readonly table: TableClient; readonly partitionKey: string };
}

const offers = new AsyncLocalStorage<Offer>();

/** How long appended pending rows wait to be removed together: one call clears a busy minute's rows of a partition. */
export const PENDING_ROW_REMOVAL_DELAY_MS = 2_000;

/** Appended pending rows waiting to be removed, by table and partition, in this process. */
const queued = new Map<TableClient, Map<string, Set<string>>>();
let removalTimer: NodeJS.Timeout | undefined;
/** Removals under way: writers do not wait for them. */
const removals = new Set<Promise<void>>();

function queueRemoval(table: TableClient, partitionKey: string, rowKey: string): void {
  const partitions = queued.get(table) ?? new Map<string, Set<string>>();
  queued.set(table, partitions);
  const rows = partitions.get(partitionKey) ?? new Set<string>();
  partitions.set(partitionKey, rows);
  rows.add(rowKey);
  if (!removalTimer) {
    removalTimer = setTimeout(startRemovals, PENDING_ROW_REMOVAL_DELAY_MS);
    removalTimer.unref();
  }
}

function startRemovals(): void {
  clearTimeout(removalTimer);
  removalTimer = undefined;
  for (const [table, partitions] of queued) {
    for (const [partitionKey, rows] of partitions) {
      const removal = removeRows(table, partitionKey, [...rows]).catch(() => undefined);
      removals.add(removal);
      void removal.finally(() => removals.delete(removal));
    }
  }
  queued.clear();
}

/**
 * Removes rows of one partition, up to a transaction's 100 at a time. A row already gone (another
 * instance's sweep) fails its whole transaction, so that batch is removed one row at a time; a row
 * that still cannot be removed is left for the next sweep, which sees its entry already appended.
 */
async function removeRows(table: TableClient, partitionKey: string, rowKeys: readonly string[]): Promise<void> {
  for (let i = 0; i < rowKeys.length; i += MAX_TRANSACTION) {
    const batch = rowKeys.slice(i, i + MAX_TRANSACTION);
    try {
      await table.submitTransaction(batch.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]));
    } catch {
      for (const rowKey of batch) await table.deleteEntity(partitionKey, rowKey).catch(() => undefined);
    }
  }
}

/** Removes every appended row now and resolves once done: a tool waits for it before it exits, the bot before it stops. */
export async function pendingRowRemovalsSettled(): Promise<void> {
  startRemovals();
  await Promise.all([...removals]);
}

/**
 * For a repository building the transaction of a write: the pending audit row offered to this write,
 * to add to it (in the changed entity's partition), or nothing when no audited write is under way,
 * the row went into an earlier transaction, or there is no room. Called once per transaction.
 */
export function pendingAuditRows(table: TableClient, partitionKey: string, operationsSoFar: number): TransactionAction[] {
  const offer = offers.getStore();
  if (!offer || offer.taken || operationsSoFar >= MAX_TRANSACTION) return [];
  offer.taken = { table, partitionKey };
  const { id, partnershipId, event } = offer.pending;
  return [['create', { partitionKey, rowKey: PENDING_AUDIT_PREFIX + id, partnershipId, eventJson: JSON.stringify(event) }]];
}

/**
 * Pending audit rows in Table storage. The write runs with its pending row offered (repositories that
 * write one call pendingAuditRows); after it, `settle` appends the row's event to the chain exactly
 * once and deletes the row. `sweep` does the same for every row left behind by a lost reply, a failed
 * append or a stopped process: at start-up, on a timer, and whenever asked.
 */
export class TablePendingAudits implements PendingAudits {
  constructor(
    private readonly storage: TableStorage,
    private readonly log: AuditTableRepository,
  ) {}

  newId(at: Date): string {
    return `${String(at.getTime()).padStart(15, '0')}-${randomBytes(6).toString('hex')}`;
  }

  async offer<T>(pending: PendingAudit, write: () => Promise<T>): Promise<{ result: T; settle?: () => Promise<void> }> {
    const offer: Offer = { pending };
    const result = await offers.run(offer, write);
    const taken = offer.taken;
    if (!taken) return { result };
    return {
      result,
      settle: async () => {
        await this.log.appendPending(pending);
        // Once appended, the row is only clutter: it goes with the partition's others in a moment, in
        // one call, and the writer's answer does not wait for it. If that fails, the next sweep finds
        // the row, sees its entry already appended, and removes it.
        queueRemoval(taken.table, taken.partitionKey, PENDING_AUDIT_PREFIX + pending.id);
      },
    };
  }

  /** True when this call appended the entry, false when someone had already. */
  private async settle(table: TableClient, partitionKey: string, pending: PendingAudit): Promise<boolean> {
    const entry = await this.log.appendPending(pending);
    await this.remove(table, partitionKey, pending);
    return entry !== undefined;
  }

  private async remove(table: TableClient, partitionKey: string, pending: PendingAudit): Promise<void> {
    await withTableErrors('remove an appended pending audit row', async () => {
      try {
        await table.deleteEntity(partitionKey, PENDING_AUDIT_PREFIX + pending.id);
      } catch (error) {
        // Another sweeper removed it first.
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      }
    });
  }

  /** Appends every pending row found, oldest first; how many were appended by this sweep. */
  async sweep(): Promise<number> {
    let appended = 0;
    for (const { table, partitionKey, pending } of await this.find()) {
      if (await this.settle(table, partitionKey, pending)) appended++;
    }
    return appended;
  }

  /** How many writes of each partnership are waiting for their audit entry. */
  async waiting(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const { pending } of await this.find()) counts.set(pending.partnershipId, (counts.get(pending.partnershipId) ?? 0) + 1);
    return counts;
  }

  /** Every pending row of the audited tables, oldest first (a scan of each table by RowKey range). */
  private async find(): Promise<{ table: TableClient; partitionKey: string; pending: PendingAudit }[]> {
    const found: { table: TableClient; partitionKey: string; pending: PendingAudit }[] = [];
    for (const key of PENDING_AUDIT_TABLES) {
      const table = this.storage.client(key);
      await withTableErrors('look for pending audit rows', async () => {
        const rows = table.listEntities<{ partnershipId: string; eventJson: string }>({
          queryOptions: { filter: odata`RowKey ge ${PENDING_AUDIT_PREFIX} and RowKey lt ${`${PENDING_AUDIT_PREFIX}~`}` },
        });
        for await (const row of rows) {
          const pending = parseOrThrow(
            pendingAuditSchema,
            { id: row.rowKey!.slice(PENDING_AUDIT_PREFIX.length), partnershipId: row.partnershipId, event: JSON.parse(row.eventJson) },
            `pending audit row ${row.rowKey}`,
          );
          found.push({ table, partitionKey: row.partitionKey!, pending });
        }
      });
    }
    return found.sort((a, b) => a.pending.id.localeCompare(b.pending.id));
  }
}

/** How often rows left pending are looked for, besides start-up. */
export const PENDING_SWEEP_INTERVAL_MS = 5 * 60 * 1000;

/** Sweeps at start-up and then on a timer; a failed sweep is logged and the next one tries again. */
export function startPendingAuditSweeps(pending: TablePendingAudits, logger: Pick<Logger, 'info' | 'error'>, intervalMs = PENDING_SWEEP_INTERVAL_MS): () => void {
  const sweep = () =>
    void pending.sweep().then(
      (appended) => {
        if (appended > 0) logger.info({ appended }, 'pending audit rows appended to the audit log');
      },
      (error: unknown) => logger.error({ err: error }, 'pending audit rows could not be appended; the next sweep tries again'),
    );
  sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
