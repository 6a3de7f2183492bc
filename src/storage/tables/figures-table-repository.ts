import type { TableClient, TransactionAction } from '@azure/data-tables';
import { ConflictError } from '../../domain/errors';
import { figuresRequestSchema, figuresReturnSchema, returnKey, type FiguresRecord, type FiguresRequest, type FiguresReturn, type ReturnKind } from '../../domain/figures/figures';
import type { FiguresRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { pendingAuditRows } from '../audit/table-pending-audits';
import { historyRowKey } from './history-keys';
import { encodeKey } from './key-encoding';
import { mapTableError, withTableErrors } from './table-errors';
import { transactionEtag } from './transaction-etag';
import { readEntity, readHistory, rowKeyPrefixFilter } from './versioned-document';

/** Rows of the figures, beside the action plan in its partnership's partition of the Actions table. */
const CURRENT = 'figures_';
const HISTORY = 'figureshistory_';
const NONCE = 'figuresnonce_';
const REQUEST = 'figuresrequest';

interface FiguresEntity {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  returnJson?: string;
  returnKey?: string;
}

/**
 * The quarterly figures of each partnership: a current row per quarter, kind and organisation, a
 * newest-first history row per write, and a marker row per card nonce so the same submit is never
 * recorded twice. A write puts all three in one transaction, on the ETag the caller read.
 */
export class FiguresTableRepository implements FiguresRepository {
  constructor(private readonly table: TableClient) {}

  async get(partnershipId: string, quarter: string, kind: ReturnKind, organisationId: string): Promise<FiguresRecord | undefined> {
    const row = await readEntity(this.table, encodeKey(partnershipId), this.currentKey(returnKey(quarter, kind, organisationId)), `read ${kind} figures`);
    return row ? this.toRecord(row as unknown as FiguresEntity) : undefined;
  }

  async list(partnershipId: string): Promise<FiguresRecord[]> {
    const records: FiguresRecord[] = [];
    await withTableErrors('list figures', async () => {
      for await (const row of this.table.listEntities<FiguresEntity>({ queryOptions: { filter: rowKeyPrefixFilter(encodeKey(partnershipId), CURRENT) } })) {
        records.push(this.toRecord(row));
      }
    });
    return records;
  }

  async record(
    partnershipId: string,
    value: FiguresReturn,
    etag: string | undefined,
    current?: { readonly record: FiguresRecord | undefined },
  ): Promise<{ record: FiguresRecord; duplicate: boolean }> {
    const valid = parseOrThrow(figuresReturnSchema, value, 'figures return') as FiguresReturn;
    const pk = encodeKey(partnershipId);
    const key = returnKey(valid.quarter, valid.figures.kind, valid.organisationId);
    const what = `the ${valid.figures.kind} figures for ${valid.quarter}`;
    if (current && current.record?.etag !== etag) {
      // The card is older than the return: this same submit landed before (a retry), or someone else's did.
      if (await this.nonceSeen(pk, valid.nonce)) return { record: current.record ?? (await this.require(partnershipId, valid)), duplicate: true };
      throw new ConflictError(`${what} were saved by someone else since they were read`);
    }
    const returnJson = JSON.stringify(valid);
    const row = { partitionKey: pk, rowKey: this.currentKey(key), returnJson, returnKey: key };
    const write: TransactionAction = etag === undefined ? ['create', row] : ['update', row, 'Replace', { etag }];
    let newEtag: string | undefined;
    try {
      // The nonce row is created in the same transaction: a repeat fails the whole write and is recognised below.
      const response = await this.table.submitTransaction([
        write,
        ['create', { partitionKey: pk, rowKey: historyRowKey(HISTORY + encodeKey(key), new Date(valid.submittedAt)), returnJson, returnKey: key }],
        ['create', { partitionKey: pk, rowKey: NONCE + encodeKey(valid.nonce), returnKey: key }],
        ...pendingAuditRows(this.table, pk, 3),
      ]);
      newEtag = transactionEtag(response, 0);
    } catch (error) {
      if (await this.nonceSeen(pk, valid.nonce)) return { record: await this.require(partnershipId, valid), duplicate: true };
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 409 || status === 412 || status === 404) throw new ConflictError(`${what} were saved by someone else since they were read`);
      mapTableError(error, `record ${what}`);
    }
    if (newEtag) return { record: { value: valid, etag: newEtag }, duplicate: false };
    return { record: await this.require(partnershipId, valid), duplicate: false };
  }

  async history(partnershipId: string, quarter: string, kind: ReturnKind, organisationId: string): Promise<FiguresReturn[]> {
    const rows = await readHistory(this.table, encodeKey(partnershipId), HISTORY + encodeKey(returnKey(quarter, kind, organisationId)), `read history of ${kind} figures`);
    return rows.map((row) => parseOrThrow(figuresReturnSchema, JSON.parse(String(row['returnJson'] ?? '{}')), 'stored figures') as FiguresReturn);
  }

  async currentRequest(partnershipId: string): Promise<FiguresRequest | undefined> {
    const row = await readEntity(this.table, encodeKey(partnershipId), REQUEST, 'read figures request');
    return row ? parseOrThrow(figuresRequestSchema, JSON.parse(String(row['requestJson'])), 'stored figures request') : undefined;
  }

  async saveRequest(partnershipId: string, request: FiguresRequest): Promise<void> {
    const valid = parseOrThrow(figuresRequestSchema, request, 'figures request');
    const pk = encodeKey(partnershipId);
    await withTableErrors('save figures request', () =>
      this.table.submitTransaction([['upsert', { partitionKey: pk, rowKey: REQUEST, requestJson: JSON.stringify(valid) }, 'Replace'], ...pendingAuditRows(this.table, pk, 1)]),
    );
  }

  private currentKey(key: string): string {
    return CURRENT + encodeKey(key);
  }

  private async nonceSeen(pk: string, nonce: string): Promise<boolean> {
    return (await readEntity(this.table, pk, NONCE + encodeKey(nonce), 'check figures nonce')) !== undefined;
  }

  private async require(partnershipId: string, value: FiguresReturn): Promise<FiguresRecord> {
    const record = await this.get(partnershipId, value.quarter, value.figures.kind, value.organisationId);
    if (!record) throw new ConflictError(`the ${value.figures.kind} figures for ${value.quarter} could not be read back`);
    return record;
  }

  private toRecord(row: FiguresEntity): FiguresRecord {
    const value = parseOrThrow(figuresReturnSchema, JSON.parse(row.returnJson ?? '{}'), `stored figures ${row.rowKey}`) as FiguresReturn;
    return { value, etag: String(row.etag) };
  }
}
