import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { actionProgressSchema, actionSchema, type Action, type ActionProgress, type ActionRecord } from '../../domain/actions/action';
import { compareActionIds } from '../../domain/actions/action-order';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { ActionRepository, ChangeAuthor } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { historyRowKey } from './history-keys';
import { encodeKey } from './key-encoding';
import { mapTableError, withTableErrors } from './table-errors';
import { transactionEtag } from './transaction-etag';
import { readEntity } from './versioned-document';
import { linkedAction } from '../../domain/priorities/priority-links';
import { sameContent } from '../../domain/same-content';
import { pendingAuditRows } from '../audit/table-pending-audits';

const CURRENT = 'action_';
const HISTORY = 'history_';
const NONCE = 'nonce_';
/** The marker rows of card submits, for the retention purge. */
export const ACTION_NONCE_PREFIX = NONCE;
/** Azure Tables allows 100 operations in one transaction. */
const BATCH = 100;

interface ActionEntity {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  actionJson?: string;
  progressJson?: string;
  status?: string;
}

/**
 * The action plan of each partnership in one partition: a current row per action (definition and
 * latest progress), a newest-first history row per update, and a marker row per card nonce so the
 * same submit can never be recorded twice. An update writes all three in one transaction, on the
 * ETag the caller read.
 */
export class ActionTableRepository implements ActionRepository {
  constructor(private readonly table: TableClient) {}

  async list(partnershipId: string): Promise<ActionRecord[]> {
    const pk = encodeKey(partnershipId);
    const records: ActionRecord[] = [];
    await withTableErrors('list actions', async () => {
      const rows = this.table.listEntities<ActionEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${CURRENT} and RowKey lt ${'action`'}` },
      });
      for await (const row of rows) records.push(this.toRecord(row));
    });
    return records.sort((a, b) => compareActionIds(a.action.id, b.action.id));
  }

  async get(partnershipId: string, actionId: string): Promise<ActionRecord | undefined> {
    const row = await readEntity(this.table, encodeKey(partnershipId), CURRENT + encodeKey(actionId), `read action ${actionId}`);
    return row ? this.toRecord(row as unknown as ActionEntity) : undefined;
  }

  async savePlan(partnershipId: string, actions: readonly Action[], author: ChangeAuthor): Promise<void> {
    const pk = encodeKey(partnershipId);
    const valid = actions.map((action) => parseOrThrow(actionSchema, action, `action ${action.id}`));
    const changedAt = new Date();
    // Merge keeps the progress columns: re-importing a plan never loses recorded updates.
    const operations: TransactionAction[] = valid.map((action) => [
      'upsert',
      {
        partitionKey: pk,
        rowKey: CURRENT + encodeKey(action.id),
        actionJson: JSON.stringify(action),
        planChangedById: author.id,
        planChangedByName: author.name,
        planChangedAt: changedAt,
      },
      'Merge',
    ]);
    for (let i = 0; i < operations.length; i += BATCH) {
      await withTableErrors('save action plan', () => this.table.submitTransaction(operations.slice(i, i + BATCH)));
    }
  }

  async recordUpdate(
    partnershipId: string,
    actionId: string,
    progress: ActionProgress,
    etag: string,
    current?: ActionRecord,
  ): Promise<{ record: ActionRecord; duplicate: boolean }> {
    const valid = parseOrThrow(actionProgressSchema, progress, 'action update');
    const pk = encodeKey(partnershipId);
    const currentKey = CURRENT + encodeKey(actionId);
    if (current && current.etag !== etag) {
      // The card is older than the action: this same submit landed before (a retry), or someone else's did.
      if (await this.nonceSeen(pk, valid.nonce)) return { record: current, duplicate: true };
      throw new ConflictError(`action ${actionId} was updated by someone else since it was read`);
    }

    const progressJson = JSON.stringify(valid);
    let newEtag: string | undefined;
    try {
      // No read of the nonce first: its row is created here, so a repeat fails the whole transaction and is recognised below.
      const response = await this.table.submitTransaction([
        ['update', { partitionKey: pk, rowKey: currentKey, progressJson, status: valid.status }, 'Merge', { etag }],
        ['create', { partitionKey: pk, rowKey: historyRowKey(HISTORY + encodeKey(actionId), new Date(valid.updatedAt)), progressJson, actionId }],
        ['create', { partitionKey: pk, rowKey: NONCE + encodeKey(valid.nonce), actionId }],
        ...pendingAuditRows(this.table, pk, 3),
      ]);
      newEtag = transactionEtag(response, 0);
    } catch (error) {
      // A retried submit racing its first attempt loses on the nonce row: it is the same update.
      if (await this.nonceSeen(pk, valid.nonce)) return { record: await this.require(partnershipId, actionId), duplicate: true };
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404) throw new NotFoundError(`action ${actionId} is not in the plan`);
      if (status === 412) throw new ConflictError(`action ${actionId} was updated by someone else since it was read`);
      mapTableError(error, `record update of action ${actionId}`);
    }
    // The transaction gives the row's new ETag: with the definition the caller read, nothing needs reading again.
    if (current && newEtag) return { record: { action: current.action, progress: valid, etag: newEtag }, duplicate: false };
    return { record: await this.require(partnershipId, actionId), duplicate: false };
  }

  async history(partnershipId: string, actionId: string): Promise<ActionProgress[]> {
    const pk = encodeKey(partnershipId);
    const prefix = `${HISTORY}${encodeKey(actionId)}_`;
    const updates: ActionProgress[] = [];
    await withTableErrors(`read history of action ${actionId}`, async () => {
      const rows = this.table.listEntities<ActionEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey gt ${prefix} and RowKey lt ${`${prefix}~`}` },
      });
      for await (const row of rows) updates.push(parseOrThrow(actionProgressSchema, JSON.parse(row.progressJson ?? '{}'), 'stored update'));
    });
    return updates;
  }

  async linkPriorities(
    partnershipId: string,
    actionId: string,
    priorityIds: readonly string[],
    etag: string,
    author: ChangeAuthor,
  ): Promise<{ record: ActionRecord; duplicate: boolean }> {
    const current = await this.require(partnershipId, actionId);
    const linked = linkedAction(current.action, priorityIds);
    // The same links again (a retried submit, or a second click) is no change, whatever ETag it carries.
    if (sameContent(current.action.priorityIds ?? [], linked.priorityIds ?? [])) return { record: current, duplicate: true };
    if (current.etag !== etag) throw new ConflictError(`action ${actionId} was changed by someone else since it was read`);
    const pk = encodeKey(partnershipId);
    let newEtag: string | undefined;
    try {
      const response = await this.table.submitTransaction([
        [
          'update',
          {
            partitionKey: pk,
            rowKey: CURRENT + encodeKey(actionId),
            actionJson: JSON.stringify(linked),
            planChangedById: author.id,
            planChangedByName: author.name,
            planChangedAt: new Date(),
          },
          'Merge',
          { etag },
        ],
        ...pendingAuditRows(this.table, pk, 1),
      ]);
      newEtag = transactionEtag(response, 0);
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404) throw new NotFoundError(`action ${actionId} is not in the plan`);
      if (status === 412) throw new ConflictError(`action ${actionId} was changed by someone else since it was read`);
      mapTableError(error, `link action ${actionId} to priorities`);
    }
    if (newEtag) return { record: { action: linked, ...(current.progress ? { progress: current.progress } : {}), etag: newEtag }, duplicate: false };
    return { record: await this.require(partnershipId, actionId), duplicate: false };
  }

  private async nonceSeen(pk: string, nonce: string): Promise<boolean> {
    return (await readEntity(this.table, pk, NONCE + encodeKey(nonce), 'check update nonce')) !== undefined;
  }

  private async require(partnershipId: string, actionId: string): Promise<ActionRecord> {
    const record = await this.get(partnershipId, actionId);
    if (!record) throw new NotFoundError(`action ${actionId} is not in the plan`);
    return record;
  }

  private toRecord(row: ActionEntity): ActionRecord {
    const action = parseOrThrow(actionSchema, JSON.parse(row.actionJson ?? '{}'), `stored action ${row.rowKey}`);
    const progress = row.progressJson ? parseOrThrow(actionProgressSchema, JSON.parse(row.progressJson), `stored progress of ${action.id}`) : undefined;
    return { action, ...(progress ? { progress } : {}), etag: String(row.etag) };
  }
}
