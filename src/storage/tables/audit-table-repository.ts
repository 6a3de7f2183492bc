import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { chainEntry } from '../../domain/audit/audit-chain';
import { auditEventSchema, storedAuditEntrySchema, type AuditEntry, type AuditEvent, type AuditHead, type StoredAuditEntry } from '../../domain/audit/audit-entry';
import { ConflictError } from '../../domain/errors';
import type { PendingAudit } from '../../domain/audit/pending-audit';
import type { AuditLog } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { encodeKey } from './key-encoding';
import { transactionEtag } from './transaction-etag';
import { mapTableError, withTableErrors } from './table-errors';
import { readEntity } from './versioned-document';

const HEAD = 'head';
const ENTRY = 'entry_';
/** One row per pending audit row ever appended, written with its entry: the second append of the same one is refused. */
const APPLIED = 'applied_';
/** Enough for a burst of simultaneous writes from a few instances; beyond it the write is reported, not lost silently. */
const MAX_ATTEMPTS = 12;

/** Zero-padded so RowKey order is sequence order. */
export const auditEntryRowKey = (sequence: number): string => `${ENTRY}${String(sequence).padStart(10, '0')}`;

interface CachedHead {
  readonly sequence: number;
  readonly hash: string;
  readonly etag: string;
}

interface EntryColumns {
  partnershipId: string;
  sequence: number;
  at: string;
  actorId: string;
  verb: string;
  entity: string;
  beforeHash?: string;
  afterHash?: string;
  valueHashing?: string;
  pendingId?: string;
  previousHash: string;
  hash: string;
}

/**
 * The audit log of each partnership in its own partition: a row per entry and one head row holding
 * the last sequence and hash. An append writes the new entry and moves the head in one transaction
 * conditional on the head's ETag, so two instances appending at once cannot both extend the same
 * entry: the loser re-reads the head and tries again.
 */
export class AuditTableRepository implements AuditLog {
  /**
   * The head this instance last wrote, so a steady stream of writes costs one transaction each, not a
   * read and a transaction; another instance moving the head shows as a 412 and the head is re-read.
   */
  private readonly heads = new Map<string, CachedHead>();
  /** Appends of one partnership run one at a time here: in-process writers never race for the head. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly table: TableClient) {}

  append(partnershipId: string, event: AuditEvent): Promise<AuditEntry> {
    const { pendingId: _ignored, ...plain } = event;
    return this.inTurn(partnershipId, async () => (await this.appendInTurn(partnershipId, plain))!);
  }

  /**
   * Appends a pending audit row's event exactly once, however many sweepers try at once: the entry
   * names the pending id, and a row keyed by that id is created in the same transaction, so a second
   * append fails on it and finds the first. Returns the entry written now, or undefined if it was
   * appended before.
   */
  appendPending(pending: PendingAudit): Promise<AuditEntry | undefined> {
    return this.inTurn(pending.partnershipId, () => this.appendInTurn(pending.partnershipId, { ...pending.event, pendingId: pending.id }));
  }

  private inTurn<T>(partnershipId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(partnershipId) ?? Promise.resolve();
    const next = previous.then(task);
    const settled = next.catch(() => undefined);
    this.queues.set(partnershipId, settled);
    void settled.then(() => {
      if (this.queues.get(partnershipId) === settled) this.queues.delete(partnershipId);
    });
    return next;
  }

  /** Undefined only for a pending event appended before. */
  private async appendInTurn(partnershipId: string, event: AuditEvent): Promise<AuditEntry | undefined> {
    const valid = parseOrThrow(auditEventSchema, event, 'audit event');
    const pk = encodeKey(partnershipId);
    const applied = valid.pendingId ? APPLIED + valid.pendingId : undefined;
    for (let attempt = 1; ; attempt++) {
      // Not read before the first attempt: if it was appended before, creating the marker fails (409) and the retry finds it.
      if (applied && attempt > 1 && (await readEntity(this.table, pk, applied, 'read audit pending marker'))) return undefined;
      const head = this.heads.get(partnershipId) ?? (await this.readHead(pk));
      const entry = chainEntry(partnershipId, head, valid);
      const newHead = { partitionKey: pk, rowKey: HEAD, sequence: entry.sequence, hash: entry.hash };
      const operations: TransactionAction[] = [
        ['create', { partitionKey: pk, rowKey: auditEntryRowKey(entry.sequence), ...entry }],
        head ? ['update', newHead, 'Replace', { etag: head.etag }] : ['create', newHead],
        ...(applied ? [['create', { partitionKey: pk, rowKey: applied, sequence: entry.sequence }] as TransactionAction] : []),
      ];
      try {
        const response = await this.table.submitTransaction(operations);
        const etag = transactionEtag(response, 1);
        if (etag) this.heads.set(partnershipId, { sequence: entry.sequence, hash: entry.hash, etag });
        else this.heads.delete(partnershipId);
        return entry;
      } catch (error) {
        this.heads.delete(partnershipId);
        const status = (error as { statusCode?: number }).statusCode;
        // 412: the head moved since it was read; 409: another instance created the same entry, head or pending marker first.
        if (status !== 412 && status !== 409) mapTableError(error, `append to the audit log of "${partnershipId}"`);
        if (attempt >= MAX_ATTEMPTS) throw new ConflictError(`append to the audit log of "${partnershipId}": still contended after ${MAX_ATTEMPTS} attempts`);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  private async readHead(pk: string): Promise<CachedHead | undefined> {
    const row = await readEntity(this.table, pk, HEAD, 'read audit head');
    return row ? { sequence: Number(row['sequence']), hash: String(row['hash']), etag: String(row['etag']) } : undefined;
  }

  async list(partnershipId: string, fromSequence = 1): Promise<StoredAuditEntry[]> {
    const pk = encodeKey(partnershipId);
    const entries: StoredAuditEntry[] = [];
    await withTableErrors(`read the audit log of "${partnershipId}"`, async () => {
      const rows = this.table.listEntities<EntryColumns>({
        queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${auditEntryRowKey(fromSequence)} and RowKey lt ${`${ENTRY}~`}` },
      });
      for await (const row of rows) {
        const { partnershipId: storedPartnership, sequence, at, actorId, verb, entity, beforeHash, afterHash, valueHashing, pendingId, previousHash, hash } = row;
        entries.push(
          parseOrThrow(
            storedAuditEntrySchema,
            {
              partnershipId: storedPartnership,
              sequence,
              at,
              actorId,
              verb,
              entity,
              ...(beforeHash ? { beforeHash } : {}),
              ...(afterHash ? { afterHash } : {}),
              ...(valueHashing ? { valueHashing } : {}),
              ...(pendingId ? { pendingId } : {}),
              previousHash,
              hash,
            },
            `audit row ${row.rowKey as unknown as string}`,
          ),
        );
      }
    });
    return entries;
  }

  async head(partnershipId: string): Promise<AuditHead | undefined> {
    const row = await readEntity(this.table, encodeKey(partnershipId), HEAD, 'read audit head');
    return row ? { sequence: Number(row['sequence']), hash: String(row['hash']) } : undefined;
  }
}
