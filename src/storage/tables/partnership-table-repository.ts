import type { TableClient } from '@azure/data-tables';
import { partnershipSchema, type Partnership } from '../../domain/partnership/partnership';
import type { ChangeAuthor, PartnershipRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { historyRowKey } from './history-keys';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { encodeKey } from './key-encoding';
import { withTableErrors } from './table-errors';

const PROFILE = 'profile';
/** Tenant -> partnership lookups live in their own partition, away from partnership data. */
const TENANT_INDEX = 'tenant-index';

export class PartnershipTableRepository implements PartnershipRepository {
  constructor(private readonly table: TableClient) {}

  async get(partnershipId: string): Promise<Partnership | undefined> {
    const entity = await this.tryGet(encodeKey(partnershipId), PROFILE);
    return entity ? parseOrThrow(partnershipSchema, fromJsonColumns(entity), `stored partnership "${partnershipId}"`) : undefined;
  }

  async findByTenant(tenantId: string): Promise<Partnership | undefined> {
    const index = await this.tryGet(TENANT_INDEX, encodeKey(tenantId));
    return index ? this.get(String(index['partnershipId'])) : undefined;
  }

  async save(partnership: Partnership, author: ChangeAuthor): Promise<void> {
    const valid = parseOrThrow(partnershipSchema, partnership, 'partnership');
    const previous = await this.get(valid.id);
    const partitionKey = encodeKey(valid.id);
    const now = new Date();
    const columns = toJsonColumns(valid);
    const audit = { changedById: author.id, changedByName: author.name, changedAt: now };
    await withTableErrors('save partnership', () =>
      this.table.submitTransaction([
        ['upsert', { partitionKey, rowKey: PROFILE, ...columns, ...audit }, 'Replace'],
        ['create', { partitionKey, rowKey: historyRowKey('history', now), ...columns, ...audit }],
      ]),
    );
    const dropped = (previous?.tenantIds ?? []).filter((t) => !valid.tenantIds.includes(t));
    const operations = [
      ...valid.tenantIds.map((t) => ['upsert', { partitionKey: TENANT_INDEX, rowKey: encodeKey(t), partnershipId: valid.id }, 'Replace'] as const),
      ...dropped.map((t) => ['delete', { partitionKey: TENANT_INDEX, rowKey: encodeKey(t) }] as const),
    ];
    if (operations.length > 0) {
      await withTableErrors('index partnership tenants', () => this.table.submitTransaction(operations.map((op) => [...op])));
    }
  }

  private async tryGet(partitionKey: string, rowKey: string): Promise<Record<string, unknown> | undefined> {
    return withTableErrors('read partnership', async () => {
      try {
        return await this.table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return undefined;
        throw error;
      }
    });
  }
}
