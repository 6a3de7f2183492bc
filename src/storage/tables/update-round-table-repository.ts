import type { TableClient } from '@azure/data-tables';
import { updateRoundSchema, type UpdateRound } from '../../domain/actions/update-round';
import type { UpdateRoundRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { encodeKey } from './key-encoding';
import { withTableErrors } from './table-errors';
import { readEntity } from './versioned-document';
import { pendingAuditRows } from '../audit/table-pending-audits';

const ROW = 'update-round';

/** The open update round, kept in the Actions partition of its partnership. */
export class UpdateRoundTableRepository implements UpdateRoundRepository {
  constructor(private readonly table: TableClient) {}

  async current(partnershipId: string): Promise<UpdateRound | undefined> {
    const row = await readEntity(this.table, encodeKey(partnershipId), ROW, 'read update round');
    return row ? parseOrThrow(updateRoundSchema, JSON.parse(String(row['roundJson'])), 'stored update round') : undefined;
  }

  async save(partnershipId: string, round: UpdateRound): Promise<void> {
    const valid = parseOrThrow(updateRoundSchema, round, 'update round');
    const pk = encodeKey(partnershipId);
    await withTableErrors('save update round', () =>
      this.table.submitTransaction([['upsert', { partitionKey: pk, rowKey: ROW, roundJson: JSON.stringify(valid) }, 'Replace'], ...pendingAuditRows(this.table, pk, 1)]),
    );
  }
}
