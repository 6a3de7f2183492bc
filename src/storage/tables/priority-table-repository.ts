import type { TableClient, TransactionAction } from '@azure/data-tables';
import { ConflictError } from '../../domain/errors';
import type { ChangeAuthor, PriorityRepository } from '../../domain/ports';
import { priorityRegisterSchema, type PriorityRegister, type PriorityRegisterRecord } from '../../domain/priorities/priority';
import { parseOrThrow } from '../../domain/validation';
import { pendingAuditRows } from '../audit/table-pending-audits';
import { ACTION_NONCE_PREFIX } from './action-table-repository';
import { historyRowKey } from './history-keys';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { encodeKey } from './key-encoding';
import { mapTableError, withTableErrors } from './table-errors';
import { transactionEtag } from './transaction-etag';
import { readEntity, readHistory, rowKeyPrefixFilter } from './versioned-document';

const CURRENT = 'priorities_';
const HISTORY = 'history_priorities_';

/**
 * Each financial year's priorities register in the partnership's partition of the Actions table,
 * beside the plan whose actions address it: a current row per year, a newest-first history row per
 * change, and a marker row per card nonce (the action updates' prefix, so the same retention purge
 * clears them), all three in one transaction on the ETag the caller read.
 */
export class PriorityTableRepository implements PriorityRepository {
  constructor(private readonly table: TableClient) {}

  async get(partnershipId: string, financialYear: string): Promise<PriorityRegisterRecord | undefined> {
    const entity = await readEntity(this.table, encodeKey(partnershipId), CURRENT + encodeKey(financialYear), `read the priorities of ${financialYear}`);
    return entity ? toRecord(entity) : undefined;
  }

  async list(partnershipId: string): Promise<PriorityRegisterRecord[]> {
    const records = await withTableErrors('list priorities registers', async () => {
      const found: PriorityRegisterRecord[] = [];
      const rows = this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: rowKeyPrefixFilter(encodeKey(partnershipId), CURRENT) } });
      for await (const row of rows) found.push(toRecord(row));
      return found;
    });
    return records.sort((a, b) => b.register.financialYear.localeCompare(a.register.financialYear));
  }

  async save(partnershipId: string, register: PriorityRegister, etag: string | undefined, author: ChangeAuthor): Promise<{ record: PriorityRegisterRecord; duplicate: boolean }> {
    const valid = parseOrThrow(priorityRegisterSchema, register, 'priorities register');
    const pk = encodeKey(partnershipId);
    const currentKey = CURRENT + encodeKey(valid.financialYear);
    const nonceKey = ACTION_NONCE_PREFIX + encodeKey(valid.nonce);
    const row = { ...toJsonColumns(valid), changedById: author.id, changedByName: author.name, changedAt: new Date(valid.updatedAt) };
    const write: TransactionAction =
      etag === undefined ? ['create', { partitionKey: pk, rowKey: currentKey, ...row }] : ['update', { partitionKey: pk, rowKey: currentKey, ...row }, 'Replace', { etag }];
    let newEtag: string | undefined;
    try {
      // No read of the nonce first: its row is created here, so a repeat fails the whole transaction and is recognised below.
      const response = await this.table.submitTransaction([
        write,
        ['create', { partitionKey: pk, rowKey: historyRowKey(HISTORY + encodeKey(valid.financialYear), new Date(valid.updatedAt)), ...row }],
        ['create', { partitionKey: pk, rowKey: nonceKey, subject: `priorities:${valid.financialYear}` }],
        ...pendingAuditRows(this.table, pk, 3),
      ]);
      newEtag = transactionEtag(response, 0);
    } catch (error) {
      if ((await readEntity(this.table, pk, nonceKey, 'check priorities nonce')) !== undefined) {
        const current = await this.get(partnershipId, valid.financialYear);
        if (current) return { record: current, duplicate: true };
      }
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 409 || status === 412 || status === 404) {
        throw new ConflictError(`the priorities of ${valid.financialYear} were changed by someone else since they were read`);
      }
      mapTableError(error, `save the priorities of ${valid.financialYear}`);
    }
    if (newEtag) return { record: { register: valid, etag: newEtag }, duplicate: false };
    const saved = await this.get(partnershipId, valid.financialYear);
    return { record: saved!, duplicate: false };
  }

  async history(partnershipId: string, financialYear: string): Promise<PriorityRegister[]> {
    const rows = await readHistory(this.table, encodeKey(partnershipId), HISTORY + encodeKey(financialYear), `read the history of the priorities of ${financialYear}`);
    return rows.map((row) => parseOrThrow(priorityRegisterSchema, fromJsonColumns(row), 'stored priorities history'));
  }
}

function toRecord(entity: Record<string, unknown>): PriorityRegisterRecord {
  return { register: parseOrThrow(priorityRegisterSchema, fromJsonColumns(entity), 'stored priorities register'), etag: String(entity.etag) };
}
