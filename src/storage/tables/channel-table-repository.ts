import type { TableClient } from '@azure/data-tables';
import { InvalidError, NotFoundError } from '../../domain/errors';
import type { PartnershipChannel } from '../../domain/partnership/partnership-channel';
import type { ChannelRepository } from '../../domain/ports';
import { encodeKey } from './key-encoding';
import { withTableErrors } from './table-errors';
import { readEntity } from './versioned-document';

const ROW = 'channel-reference';
const MAX_REFERENCE_CHARS = 16 * 1024;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The partnership channel's conversation reference, beside the partnership profile. Rows written
 * before issue 16 hold only `reference` and `teamId`: they read back without `pinnedBy`, as captured.
 */
export class ChannelTableRepository implements ChannelRepository {
  constructor(private readonly table: TableClient) {}

  async get(partnershipId: string): Promise<PartnershipChannel | undefined> {
    const row = await readEntity(this.table, encodeKey(partnershipId), ROW, 'read channel reference');
    const reference = text(row?.['reference']);
    if (!row || !reference) return undefined;
    const teamId = text(row['teamId']);
    const name = text(row['name']);
    const pinnedById = text(row['pinnedById']);
    const pinnedAt = text(row['pinnedAt']);
    return {
      reference,
      ...(teamId ? { teamId } : {}),
      ...(name ? { name } : {}),
      ...(pinnedById && pinnedAt ? { pinnedBy: { aadObjectId: pinnedById, name: text(row['pinnedByName']) ?? 'the Prevent Officer' }, pinnedAt } : {}),
    };
  }

  async save(partnershipId: string, channel: PartnershipChannel): Promise<void> {
    if (channel.reference.length > MAX_REFERENCE_CHARS) throw new InvalidError('channel reference is too long');
    const entity = {
      partitionKey: encodeKey(partnershipId),
      rowKey: ROW,
      reference: channel.reference,
      ...(channel.teamId ? { teamId: channel.teamId } : {}),
      ...(channel.name ? { name: channel.name } : {}),
      ...(channel.pinnedBy ? { pinnedById: channel.pinnedBy.aadObjectId, pinnedByName: channel.pinnedBy.name } : {}),
      ...(channel.pinnedAt ? { pinnedAt: channel.pinnedAt } : {}),
    };
    // Replace, not merge: a re-pinned channel must not keep the previous one's team.
    await withTableErrors('save channel reference', () => this.table.upsertEntity(entity, 'Replace'));
  }

  /** A merge of the one column: nothing else of the row is read or rewritten. No row, nothing to rename. */
  async rename(partnershipId: string, name: string): Promise<void> {
    try {
      await withTableErrors('rename channel', () => this.table.updateEntity({ partitionKey: encodeKey(partnershipId), rowKey: ROW, name }, 'Merge'));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }

  async forget(partnershipId: string): Promise<void> {
    try {
      await withTableErrors('forget channel reference', () => this.table.deleteEntity(encodeKey(partnershipId), ROW));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
}
