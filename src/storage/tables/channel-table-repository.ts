import type { TableClient } from '@azure/data-tables';
import { InvalidError } from '../../domain/errors';
import type { ChannelRepository } from '../../domain/ports';
import { encodeKey } from './key-encoding';
import { withTableErrors } from './table-errors';
import { readEntity } from './versioned-document';

const ROW = 'channel-reference';
const MAX_REFERENCE_CHARS = 16 * 1024;

/** The partnership channel's conversation reference, beside the partnership profile. */
export class ChannelTableRepository implements ChannelRepository {
  constructor(private readonly table: TableClient) {}

  async get(partnershipId: string): Promise<string | undefined> {
    const row = await readEntity(this.table, encodeKey(partnershipId), ROW, 'read channel reference');
    return row ? String(row['reference']) : undefined;
  }

  async getTeamId(partnershipId: string): Promise<string | undefined> {
    const row = await readEntity(this.table, encodeKey(partnershipId), ROW, 'read channel reference');
    return row?.['teamId'] ? String(row['teamId']) : undefined;
  }

  async save(partnershipId: string, reference: string, teamId?: string): Promise<void> {
    if (reference.length > MAX_REFERENCE_CHARS) throw new InvalidError('channel reference is too long');
    await withTableErrors('save channel reference', () =>
      this.table.upsertEntity({ partitionKey: encodeKey(partnershipId), rowKey: ROW, reference, ...(teamId ? { teamId } : {}) }, 'Merge'),
    );
  }
}
