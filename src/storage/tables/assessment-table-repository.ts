import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import {
  checkReturnSave,
  assessmentRoundSchema,
  organisationReturnSchema,
  ratingHistoryEntrySchema,
  type AssessmentRound,
  type OrganisationReturn,
  type RatingChange,
  type RatingHistoryEntry,
  type ReturnRecord,
} from '../../domain/assessment/assessment';
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors';
import type { AssessmentRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { historyRowKey } from './history-keys';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { encodeKey } from './key-encoding';
import { transactionEtag } from './transaction-etag';
import { mapTableError, withTableErrors } from './table-errors';
import { prefixUpperBound, readEntity, rowKeyPrefixFilter } from './versioned-document';
import { pendingAuditRows } from '../audit/table-pending-audits';

const ROUND = 'round_';
const RETURN = 'return_';
const HISTORY = 'rhistory_';
const NONCE = 'rnonce_';
/** Azure Tables allows 100 operations in one transaction: the changes, the nonce marker and the return. */

/** What follows `<history prefix>_` in a history RowKey written by historyRowKey. */
const HISTORY_SUFFIX = /^(\d{19})_[0-9a-f]{8}$/;

/**
 * One part of a RowKey: the id encoded as every key is, with "_" escaped too (decodeKey reverses
 * it), so "_" only ever separates parts. Round "q3" and round "q3-extra", or round "a_b" with
 * organisation "c" and round "a" with organisation "b_c", can then never share a key prefix.
 */
export function keyPart(id: string): string {
  return encodeKey(id).replace(/_/g, '%5F');
}

interface NonceMarker {
  roundId?: string;
  organisationId?: string;
}

/**
 * Between a partnership key and a round key. encodeKey escapes "%", so "%7C" (an escaped "|", which
 * encodeKey itself never escapes) cannot occur inside either key: a round partition can never be
 * mistaken for a partnership's, whatever the ids.
 */
const ROUND_PARTITION_SEPARATOR = '%7C';

/** The partition holding one round's returns, rating history and nonce markers. */
export function roundPartition(partnershipId: string, roundId: string): string {
  return roundPartitionOfKeys(encodeKey(partnershipId), keyPart(roundId));
}

export function roundPartitionOfKeys(partnershipKey: string, roundKeyPart: string): string {
  return `${partnershipKey}${ROUND_PARTITION_SEPARATOR}${roundKeyPart}`;
}

/** An odata filter for a partnership's partition and all its round partitions. */
export function partnershipPartitionsFilter(partnershipId: string): string {
  const pk = encodeKey(partnershipId);
  const from = roundPartitionOfKeys(pk, '');
  return odata`PartitionKey eq ${pk} or (PartitionKey ge ${from} and PartitionKey lt ${prefixUpperBound(from)})`;
}

export function isRoundPartition(partitionKey: string): boolean {
  return partitionKey.includes(ROUND_PARTITION_SEPARATOR);
}

export const ASSESSMENT_ROW_PREFIXES = { round: ROUND, return: RETURN, history: HISTORY, nonce: NONCE } as const;

/**
 * The self-assessments (Assessments table). The partnership's partition holds its rounds:
 * - `round_<round>`: the round, as JSON in `roundJson`, with the channel card id in its own column.
 * Each round has a partition of its own (roundPartition), holding:
 * - `return_<round>_<organisation>`: one organisation's return, as JSON split over json0..jsonN
 *   (40 ratings with 2,000-character details do not fit one 64 KiB property);
 * - `rhistory_<round>_<organisation>_<inverted ticks>_<random>`: one row per rating change, newest first;
 * - `rnonce_<nonce>`: a marker per card submit, so the same submit is never recorded twice.
 * A save writes the return, its history rows and the nonce marker in one transaction, on the ETag
 * the caller read (or as a create when the return does not exist yet). A round per partition keeps
 * what a round's reads and writes touch the size of one round, however many years of rounds the
 * partnership keeps: a partition's rows are what a transaction, a point read and a key-range query
 * work within (and what Azurite, the local emulator, searches one by one).
 */
export class AssessmentTableRepository implements AssessmentRepository {
  constructor(private readonly table: TableClient) {}

  async listRounds(partnershipId: string): Promise<AssessmentRound[]> {
    const pk = encodeKey(partnershipId);
    const rounds: AssessmentRound[] = [];
    await withTableErrors('list assessment rounds', async () => {
      for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: rowKeyPrefixFilter(pk, ROUND) } })) {
        rounds.push(this.toRound(row));
      }
    });
    return rounds.sort((a, b) => (a.startedAt === b.startedAt ? a.id.localeCompare(b.id) : a.startedAt < b.startedAt ? 1 : -1));
  }

  async getRound(partnershipId: string, roundId: string): Promise<AssessmentRound | undefined> {
    const row = await readEntity(this.table, encodeKey(partnershipId), ROUND + keyPart(roundId), `read assessment round ${roundId}`);
    return row ? this.toRound(row) : undefined;
  }

  async createRound(partnershipId: string, round: AssessmentRound): Promise<void> {
    const valid = parseOrThrow(assessmentRoundSchema, round, 'assessment round');
    const { channelActivityId, ...rest } = valid;
    const pk = encodeKey(partnershipId);
    const row = { partitionKey: pk, rowKey: ROUND + keyPart(valid.id), roundJson: JSON.stringify(rest), ...(channelActivityId ? { channelActivityId } : {}) };
    try {
      await this.table.submitTransaction([['create', row], ...pendingAuditRows(this.table, pk, 1)]);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 409) throw new ConflictError(`a round called "${valid.name}" already exists`);
      mapTableError(error, `create assessment round ${valid.id}`);
    }
  }

  async setRoundChannelCard(partnershipId: string, roundId: string, channelActivityId: string): Promise<void> {
    if (channelActivityId.length === 0) throw new InvalidError('the channel card id is empty');
    try {
      // A Merge of the one column: nothing else in the round is read or rewritten. If-Match "*" -> 404 when there is no such round.
      const pk = encodeKey(partnershipId);
      await this.table.submitTransaction([['update', { partitionKey: pk, rowKey: ROUND + keyPart(roundId), channelActivityId }, 'Merge'], ...pendingAuditRows(this.table, pk, 1)]);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) throw new NotFoundError(`there is no assessment round ${roundId}`);
      mapTableError(error, `record the channel card of round ${roundId}`);
    }
  }

  async getReturn(partnershipId: string, roundId: string, organisationId: string): Promise<ReturnRecord | undefined> {
    return this.readReturn(roundPartition(partnershipId, roundId), roundId, organisationId);
  }

  async listReturns(partnershipId: string, roundId: string): Promise<OrganisationReturn[]> {
    const pk = roundPartition(partnershipId, roundId);
    const returns: OrganisationReturn[] = [];
    await withTableErrors(`list returns of round ${roundId}`, async () => {
      const filter = rowKeyPrefixFilter(pk, `${RETURN}${keyPart(roundId)}_`);
      for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        const value = this.toReturn(row);
        if (value.roundId === roundId) returns.push(value);
      }
    });
    return returns.sort((a, b) => a.organisationId.localeCompare(b.organisationId));
  }

  async saveReturn(
    partnershipId: string,
    value: OrganisationReturn,
    changes: readonly RatingChange[],
    nonce: string,
    etag: string | undefined,
    current?: { readonly record: ReturnRecord | undefined },
  ): Promise<{ record: ReturnRecord; duplicate: boolean }> {
    const { valid, entries } = checkReturnSave(value, changes, nonce);
    const { roundId, organisationId } = valid;
    const pk = roundPartition(partnershipId, roundId);
    const returnKey = this.returnKey(roundId, organisationId);
    const what = `return of ${organisationId} in round ${roundId}`;

    if (current && current.record?.etag !== etag) {
      // The card is older than the return: this same save landed before (a retry), or someone else's did.
      const seen = await this.nonceSeen(pk, nonce, roundId, organisationId);
      if (seen) return { record: seen, duplicate: true };
      throw new ConflictError(etag === undefined ? `the ${what} was started by someone else a moment ago` : `the ${what} was saved by someone else since it was read`);
    }

    const now = new Date();
    const historyPrefix = `${HISTORY}${keyPart(roundId)}_${keyPart(organisationId)}`;
    const returnRow = { partitionKey: pk, rowKey: returnKey, ...toJsonColumns(valid) };
    const operations: TransactionAction[] = [
      etag === undefined ? ['create', returnRow] : ['update', returnRow, 'Replace', { etag }],
      // `seq` keeps the changes of one save in the order given (they share the same ticks).
      ...entries.map((entry, seq): TransactionAction => ['create', { partitionKey: pk, rowKey: historyRowKey(historyPrefix, now), seq, ...toJsonColumns(entry) }]),
      ['create', { partitionKey: pk, rowKey: NONCE + encodeKey(nonce), roundId, organisationId }],
    ];
    operations.push(...pendingAuditRows(this.table, pk, operations.length));
    let newEtag: string | undefined;
    try {
      // No read of the nonce first: its row is created here, so a repeat fails the whole transaction and is recognised below.
      const response = await this.table.submitTransaction(operations);
      newEtag = transactionEtag(response, 0);
    } catch (error) {
      // A retried submit racing its first attempt loses on the nonce row (or the create): it is the same save.
      const raced = await this.nonceSeen(pk, nonce, roundId, organisationId);
      if (raced) return { record: raced, duplicate: true };
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 409) throw new ConflictError(`the ${what} was started by someone else a moment ago`);
      if (status === 412) throw new ConflictError(`the ${what} was saved by someone else since it was read`);
      if (status === 404) throw new NotFoundError(`there is no ${what} to update`);
      mapTableError(error, `save ${what}`);
    }
    // The transaction gives the row's new ETag, and the value is the one just written.
    if (newEtag) return { record: { value: valid, etag: newEtag }, duplicate: false };
    const record = await this.readReturn(pk, roundId, organisationId);
    if (!record) throw new NotFoundError(`the ${what} was saved but cannot be read back`);
    return { record, duplicate: false };
  }

  async history(partnershipId: string, roundId: string, organisationId: string): Promise<RatingHistoryEntry[]> {
    const pk = roundPartition(partnershipId, roundId);
    const prefix = `${HISTORY}${keyPart(roundId)}_${keyPart(organisationId)}_`;
    const rows: { ticks: string; seq: number; entry: RatingHistoryEntry }[] = [];
    await withTableErrors(`read rating history of ${organisationId} in ${roundId}`, async () => {
      for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: rowKeyPrefixFilter(pk, prefix) } })) {
        const match = HISTORY_SUFFIX.exec(String(row.rowKey).slice(prefix.length));
        if (!match) continue;
        rows.push({ ticks: match[1]!, seq: Number(row['seq'] ?? 0), entry: parseOrThrow(ratingHistoryEntrySchema, fromJsonColumns(row), `stored rating change ${row.rowKey}`) });
      }
    });
    // RowKey order is newest first; changes saved together keep the order they were given in.
    return rows.sort((a, b) => (a.ticks === b.ticks ? a.seq - b.seq : a.ticks < b.ticks ? -1 : 1)).map((r) => r.entry);
  }

  /**
   * The return as it is when `nonce` has already been recorded for it; undefined when the nonce is
   * new. A nonce already spent on another return is not a repeat of this save: ConflictError.
   */
  private async nonceSeen(pk: string, nonce: string, roundId: string, organisationId: string): Promise<ReturnRecord | undefined> {
    const marker = (await readEntity(this.table, pk, NONCE + encodeKey(nonce), 'check save nonce')) as NonceMarker | undefined;
    if (!marker) return undefined;
    const record = marker.roundId === roundId && marker.organisationId === organisationId ? await this.readReturn(pk, roundId, organisationId) : undefined;
    if (!record) throw new ConflictError(`this card (nonce ${nonce}) was already used to save another return`);
    return record;
  }

  private async readReturn(pk: string, roundId: string, organisationId: string): Promise<ReturnRecord | undefined> {
    const row = await readEntity(this.table, pk, this.returnKey(roundId, organisationId), `read return of ${organisationId} in ${roundId}`);
    return row ? { value: this.toReturn(row), etag: String(row['etag']) } : undefined;
  }

  private returnKey(roundId: string, organisationId: string): string {
    return `${RETURN}${keyPart(roundId)}_${keyPart(organisationId)}`;
  }

  private toRound(row: Record<string, unknown>): AssessmentRound {
    const stored = JSON.parse(String(row['roundJson'] ?? '{}')) as Record<string, unknown>;
    const channelActivityId = row['channelActivityId'];
    return parseOrThrow(
      assessmentRoundSchema,
      typeof channelActivityId === 'string' && channelActivityId ? { ...stored, channelActivityId } : stored,
      `stored assessment round ${String(row['rowKey'])}`,
    );
  }

  private toReturn(row: Record<string, unknown>): OrganisationReturn {
    return parseOrThrow(organisationReturnSchema, fromJsonColumns(row), `stored return ${String(row['rowKey'])}`);
  }
}
