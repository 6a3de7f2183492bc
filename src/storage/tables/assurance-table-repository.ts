import type { TableClient, TransactionAction } from '@azure/data-tables';
import {
  assuranceStatementSchema,
  checkStatementSave,
  statementChangeSchema,
  statementRequestSchema,
  type AssuranceStatement,
  type StatementChange,
  type StatementRecord,
  type StatementRequest,
} from '../../domain/assurance/assurance';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { AssuranceRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { pendingAuditRows } from '../audit/table-pending-audits';
import { keyPart } from './assessment-table-repository';
import { historyRowKey } from './history-keys';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { encodeKey } from './key-encoding';
import { mapTableError, withTableErrors } from './table-errors';
import { transactionEtag } from './transaction-etag';
import { readEntity, readHistory, rowKeyPrefixFilter } from './versioned-document';

const REQUEST = 'request_';
const STATEMENT = 'statement_';
const HISTORY = 'shistory_';
/** Card submit markers: purged with the other submit nonces once no retry can come (src/storage/retention). */
export const ASSURANCE_NONCE_PREFIX = 'snonce_';
const NONCE = ASSURANCE_NONCE_PREFIX;

interface NonceMarker {
  year?: string;
  organisationId?: string;
}

/**
 * The annual assurance statements (Assurance table), all in the partnership's partition: a
 * partnership has a statement per organisation a year, a few hundred rows in a decade.
 * - `request_<year>`: the Prevent Officer's request for the year's statements;
 * - `statement_<year>_<organisation>`: the organisation's current statement;
 * - `shistory_<year>_<organisation>_<inverted ticks>_<random>`: one row per save, newest first;
 * - `snonce_<nonce>`: a marker per card submit, so the same submit is never recorded twice.
 * A save writes the statement, its history row and the nonce marker in one transaction, on the
 * ETag the caller read (or as a create when there is no statement yet).
 */
export class AssuranceTableRepository implements AssuranceRepository {
  constructor(private readonly table: TableClient) {}

  async listRequests(partnershipId: string): Promise<StatementRequest[]> {
    const requests: StatementRequest[] = [];
    await withTableErrors('list assurance statement requests', async () => {
      for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: rowKeyPrefixFilter(encodeKey(partnershipId), REQUEST) } })) {
        requests.push(toRequest(row));
      }
    });
    return requests.sort((a, b) => b.year.localeCompare(a.year));
  }

  async getRequest(partnershipId: string, year: string): Promise<StatementRequest | undefined> {
    const row = await readEntity(this.table, encodeKey(partnershipId), REQUEST + keyPart(year), `read the ${year} assurance request`);
    return row ? toRequest(row) : undefined;
  }

  async createRequest(partnershipId: string, request: StatementRequest): Promise<void> {
    const valid = parseOrThrow(statementRequestSchema, request, 'assurance statement request');
    const pk = encodeKey(partnershipId);
    try {
      await this.table.submitTransaction([
        ['create', { partitionKey: pk, rowKey: REQUEST + keyPart(valid.year), ...toJsonColumns(valid) }],
        ...pendingAuditRows(this.table, pk, 1),
      ]);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 409) throw new ConflictError(`the ${valid.year} assurance statements were requested already`);
      mapTableError(error, `request the ${valid.year} assurance statements`);
    }
  }

  async getStatement(partnershipId: string, year: string, organisationId: string): Promise<StatementRecord | undefined> {
    return this.readStatement(encodeKey(partnershipId), year, organisationId);
  }

  async listStatements(partnershipId: string, year: string): Promise<AssuranceStatement[]> {
    const statements: AssuranceStatement[] = [];
    await withTableErrors(`list the ${year} assurance statements`, async () => {
      const filter = rowKeyPrefixFilter(encodeKey(partnershipId), `${STATEMENT}${keyPart(year)}_`);
      for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        const value = toStatement(row);
        if (value.year === year) statements.push(value);
      }
    });
    return statements.sort((a, b) => a.organisationId.localeCompare(b.organisationId));
  }

  async saveStatement(
    partnershipId: string,
    value: AssuranceStatement,
    change: StatementChange,
    nonce: string,
    etag: string | undefined,
    current?: { readonly record: StatementRecord | undefined },
  ): Promise<{ record: StatementRecord; duplicate: boolean }> {
    const { valid, entry } = checkStatementSave(value, change, nonce);
    const { year, organisationId } = valid;
    const pk = encodeKey(partnershipId);
    const what = `assurance statement of ${organisationId} for ${year}`;

    if (current && current.record?.etag !== etag) {
      // The card is older than the statement: this same save landed before (a retry), or someone else's did.
      const seen = await this.nonceSeen(pk, nonce, year, organisationId);
      if (seen) return { record: seen, duplicate: true };
      throw new ConflictError(etag === undefined ? `the ${what} was started by someone else a moment ago` : `the ${what} was saved by someone else since it was read`);
    }

    const statementRow = { partitionKey: pk, rowKey: statementKey(year, organisationId), ...toJsonColumns(valid) };
    const operations: TransactionAction[] = [
      etag === undefined ? ['create', statementRow] : ['update', statementRow, 'Replace', { etag }],
      ['create', { partitionKey: pk, rowKey: historyRowKey(historyPrefix(year, organisationId), new Date()), ...toJsonColumns(entry) }],
      ['create', { partitionKey: pk, rowKey: NONCE + encodeKey(nonce), year, organisationId }],
    ];
    operations.push(...pendingAuditRows(this.table, pk, operations.length));
    let newEtag: string | undefined;
    try {
      // No read of the nonce first: its row is created here, so a repeat fails the whole transaction and is recognised below.
      newEtag = transactionEtag(await this.table.submitTransaction(operations), 0);
    } catch (error) {
      const raced = await this.nonceSeen(pk, nonce, year, organisationId);
      if (raced) return { record: raced, duplicate: true };
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 409) throw new ConflictError(`the ${what} was started by someone else a moment ago`);
      if (status === 412) throw new ConflictError(`the ${what} was saved by someone else since it was read`);
      if (status === 404) throw new NotFoundError(`there is no ${what} to update`);
      mapTableError(error, `save the ${what}`);
    }
    if (newEtag) return { record: { value: valid, etag: newEtag }, duplicate: false };
    const record = await this.readStatement(pk, year, organisationId);
    if (!record) throw new NotFoundError(`the ${what} was saved but cannot be read back`);
    return { record, duplicate: false };
  }

  async history(partnershipId: string, year: string, organisationId: string): Promise<StatementChange[]> {
    // RowKeys are newest first, so the rows come back in the order the port promises.
    const rows = await readHistory(this.table, encodeKey(partnershipId), historyPrefix(year, organisationId), `read the history of the ${what(year, organisationId)}`);
    return rows.map((row) => parseOrThrow(statementChangeSchema, fromJsonColumns(row), `stored statement change ${String(row.rowKey)}`));
  }

  /** The statement when `nonce` already saved it; undefined when the nonce is new; ConflictError when it saved another statement. */
  private async nonceSeen(pk: string, nonce: string, year: string, organisationId: string): Promise<StatementRecord | undefined> {
    const marker = (await readEntity(this.table, pk, NONCE + encodeKey(nonce), 'check save nonce')) as NonceMarker | undefined;
    if (!marker) return undefined;
    const record = marker.year === year && marker.organisationId === organisationId ? await this.readStatement(pk, year, organisationId) : undefined;
    if (!record) throw new ConflictError(`this card (nonce ${nonce}) was already used to save another statement`);
    return record;
  }

  private async readStatement(pk: string, year: string, organisationId: string): Promise<StatementRecord | undefined> {
    const row = await readEntity(this.table, pk, statementKey(year, organisationId), `read the ${what(year, organisationId)}`);
    return row ? { value: toStatement(row), etag: String(row['etag']) } : undefined;
  }
}

function what(year: string, organisationId: string): string {
  return `assurance statement of ${organisationId} for ${year}`;
}

function statementKey(year: string, organisationId: string): string {
  return `${STATEMENT}${keyPart(year)}_${keyPart(organisationId)}`;
}

function historyPrefix(year: string, organisationId: string): string {
  return `${HISTORY}${keyPart(year)}_${keyPart(organisationId)}`;
}

function toRequest(row: Record<string, unknown>): StatementRequest {
  return parseOrThrow(statementRequestSchema, fromJsonColumns(row), `stored assurance request ${String(row['rowKey'])}`);
}

function toStatement(row: Record<string, unknown>): AssuranceStatement {
  return parseOrThrow(assuranceStatementSchema, fromJsonColumns(row), `stored assurance statement ${String(row['rowKey'])}`);
}
