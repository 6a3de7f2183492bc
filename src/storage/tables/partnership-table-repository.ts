import { odata, type TableClient } from '@azure/data-tables';
import { partnershipSchema, type Partnership } from '../../domain/partnership/partnership';
import type { ChangeAuthor, PartnershipRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { decodeKey, encodeKey } from './key-encoding';
import { withTableErrors } from './table-errors';
import { readDocument, readEntity, writeWithHistory } from './versioned-document';

const PROFILE = 'profile';
/** Tenant -> partnership lookups live in their own partition, away from partnership data. */
const TENANT_INDEX = 'tenant-index';

export class PartnershipTableRepository implements PartnershipRepository {
  constructor(private readonly table: TableClient) {}

  async get(partnershipId: string): Promise<Partnership | undefined> {
    const document = await readDocument(this.table, encodeKey(partnershipId), PROFILE, 'read partnership');
    return document === undefined ? undefined : parseOrThrow(partnershipSchema, document, `stored partnership "${partnershipId}"`);
  }

  async listIds(): Promise<string[]> {
    const ids: string[] = [];
    await withTableErrors('list partnerships', async () => {
      for await (const row of this.table.listEntities({ queryOptions: { filter: odata`RowKey eq ${PROFILE}`, select: ['PartitionKey'] } })) {
        ids.push(decodeKey(String(row.partitionKey)));
      }
    });
    return ids.sort();
  }

  async findByTenant(tenantId: string): Promise<Partnership | undefined> {
    const index = await readEntity(this.table, TENANT_INDEX, encodeKey(tenantId), 'find partnership by tenant');
    return index ? this.get(String(index['partnershipId'])) : undefined;
  }

  async save(partnership: Partnership, author: ChangeAuthor): Promise<void> {
    const valid = parseOrThrow(partnershipSchema, partnership, 'partnership');
    const previous = await this.get(valid.id);
    await writeWithHistory(this.table, encodeKey(valid.id), PROFILE, valid, author, 'save partnership');

    const dropped = (previous?.tenantIds ?? []).filter((t) => !valid.tenantIds.includes(t));
    const operations = [
      ...valid.tenantIds.map((t) => ['upsert', { partitionKey: TENANT_INDEX, rowKey: encodeKey(t), partnershipId: valid.id }, 'Replace'] as const),
      ...dropped.map((t) => ['delete', { partitionKey: TENANT_INDEX, rowKey: encodeKey(t) }] as const),
    ];
    if (operations.length > 0) {
      await withTableErrors('index partnership tenants', () => this.table.submitTransaction(operations.map((op) => [...op])));
    }
  }
}
