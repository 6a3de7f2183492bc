import type { TableClient, TransactionAction } from '@azure/data-tables';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { meetingSchema, type Meeting } from '../../domain/meetings/meeting';
import type { MeetingRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { historyRowKey } from './history-keys';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { encodeKey, encodeLongKey } from './key-encoding';
import { mapTableError } from './table-errors';
import { readDocumentsWithPrefix, readEntity } from './versioned-document';
import { pendingAuditRows } from '../audit/table-pending-audits';

const CURRENT_PREFIX = 'meeting_';

/** RowKey of a meeting's current row. Long keys are hashed, so a lookup with any id is safe. */
export const meetingRowKey = (meetingId: string): string => `${CURRENT_PREFIX}${encodeLongKey(meetingId)}`;

/** Prefix of a meeting's history rows; outside the `meeting_` range, so list() never sees them. */
export const meetingHistoryPrefix = (meetingId: string): string => `history_meeting_${encodeLongKey(meetingId)}`;

/** Start order; ties (which the id scheme should rule out) broken by id so order never depends on storage. */
export function compareMeetings(a: Meeting, b: Meeting): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id);
}

/**
 * Steering Group meetings of a partnership, all in the partnership's partition: a current row per
 * meeting (its JSON, agenda included, across json columns) and a newest-first history row per
 * create or update, written in the same transaction. Updates are conditional on the ETag read.
 */
export class MeetingTableRepository implements MeetingRepository {
  constructor(private readonly table: TableClient) {}

  async list(partnershipId: string): Promise<Meeting[]> {
    const documents = await readDocumentsWithPrefix(this.table, encodeKey(partnershipId), CURRENT_PREFIX, 'list meetings');
    return documents.map((document) => parseOrThrow(meetingSchema, document, `a stored meeting of "${partnershipId}"`)).sort(compareMeetings);
  }

  async get(partnershipId: string, meetingId: string): Promise<{ meeting: Meeting; etag: string } | undefined> {
    const entity = await readEntity(this.table, encodeKey(partnershipId), meetingRowKey(meetingId), 'read meeting');
    if (entity === undefined) return undefined;
    const meeting = parseOrThrow(meetingSchema, fromJsonColumns(entity), `stored meeting "${meetingId}" of "${partnershipId}"`);
    return { meeting, etag: String(entity['etag']) };
  }

  async create(partnershipId: string, meeting: Meeting): Promise<void> {
    const valid = parseOrThrow(meetingSchema, meeting, 'meeting');
    try {
      await this.table.submitTransaction(this.rows(encodeKey(partnershipId), valid, ['create']));
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 409) throw new ConflictError('a meeting is already scheduled at that time');
      mapTableError(error, `create meeting ${valid.id}`);
    }
  }

  async update(partnershipId: string, meeting: Meeting, etag: string): Promise<void> {
    const valid = parseOrThrow(meetingSchema, meeting, 'meeting');
    try {
      await this.table.submitTransaction(this.rows(encodeKey(partnershipId), valid, ['update', 'Replace', { etag }]));
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404) throw new NotFoundError(`meeting ${valid.id} is not scheduled`);
      if (status === 412) throw new ConflictError(`meeting ${valid.id} was changed by someone else since it was read`);
      mapTableError(error, `update meeting ${valid.id}`);
    }
  }

  /** The current row, written as `current` says, and a history row with the same content. */
  private rows(partitionKey: string, meeting: Meeting, current: ['create'] | ['update', 'Replace', { etag: string }]): TransactionAction[] {
    const columns = toJsonColumns(meeting);
    const changedAt = new Date();
    const currentEntity = { partitionKey, rowKey: meetingRowKey(meeting.id), ...columns };
    const history: TransactionAction = ['create', { partitionKey, rowKey: historyRowKey(meetingHistoryPrefix(meeting.id), changedAt), ...columns, changedAt }];
    const write: TransactionAction = current[0] === 'create' ? ['create', currentEntity] : ['update', currentEntity, current[1], current[2]];
    return [write, history, ...pendingAuditRows(this.table, partitionKey, 2)];
  }
}
