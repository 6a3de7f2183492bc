import type { TableClient } from '@azure/data-tables';
import { guidanceSchema, type Guidance } from '../../domain/guidance/guidance';
import type { ChangeAuthor, GuidanceRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { historyRowKey } from './history-keys';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { encodeKey } from './key-encoding';
import { withTableErrors } from './table-errors';

const CURRENT = 'current';

/** Guidance per partnership: a current row and a newest-first history row per change, written together. */
export class GuidanceTableRepository implements GuidanceRepository {
  constructor(private readonly table: TableClient) {}

  async get(partnershipId: string): Promise<Guidance | undefined> {
    const entity = await withTableErrors('read guidance', async () => {
      try {
        return await this.table.getEntity<Record<string, unknown>>(encodeKey(partnershipId), CURRENT);
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return undefined;
        throw error;
      }
    });
    if (!entity) return undefined;
    return parseOrThrow(guidanceSchema, fromJsonColumns(entity), `stored guidance for "${partnershipId}"`);
  }

  async save(partnershipId: string, guidance: Guidance, author: ChangeAuthor): Promise<void> {
    const valid = parseOrThrow(guidanceSchema, guidance, 'guidance');
    const partitionKey = encodeKey(partnershipId);
    const now = new Date();
    const columns = toJsonColumns(valid);
    const audit = { changedById: author.id, changedByName: author.name, changedAt: now };
    await withTableErrors('save guidance', () =>
      this.table.submitTransaction([
        ['upsert', { partitionKey, rowKey: CURRENT, ...columns, ...audit }, 'Replace'],
        ['create', { partitionKey, rowKey: historyRowKey('history', now), ...columns, ...audit }],
      ]),
    );
  }
}
