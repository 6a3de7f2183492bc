import { odata, type TableClient } from '@azure/data-tables';
import { withTableErrors } from '../tables/table-errors';

/**
 * Every erasure is recorded in the audit log of each partnership it searched ("member-erase", on
 * "member:<object id>"), and the audit log is in every backup. That record is the erasure register:
 * after a restore, every erasure it holds (in the restored tables, the tables being replaced, or a
 * newer backup) is applied again, so a restore never brings back a name that was erased.
 */
export interface RecordedErasure {
  readonly partnershipId: string;
  readonly objectId: string;
}

const ERASE_VERB = 'member-erase';
const MEMBER_ENTITY = 'member:';

export const erasureKey = (erasure: RecordedErasure): string => `${erasure.partnershipId}\u0000${erasure.objectId}`;

function erasureOf(partnershipId: unknown, entity: unknown): RecordedErasure | undefined {
  if (typeof partnershipId !== 'string' || typeof entity !== 'string' || !entity.startsWith(MEMBER_ENTITY)) return undefined;
  const objectId = entity.slice(MEMBER_ENTITY.length);
  return objectId ? { partnershipId, objectId } : undefined;
}

function distinct(erasures: readonly RecordedErasure[]): RecordedErasure[] {
  return [...new Map(erasures.map((e) => [erasureKey(e), e])).values()];
}

/** The erasures recorded in an audit log table. */
export async function erasuresRecordedIn(audit: TableClient): Promise<RecordedErasure[]> {
  return withTableErrors('read the erasures recorded in the audit log', async () => {
    const found: RecordedErasure[] = [];
    const rows = audit.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`verb eq ${ERASE_VERB}`, select: ['partnershipId', 'entity'] } });
    for await (const row of rows) {
      const erasure = erasureOf(row['partnershipId'], row['entity']);
      if (erasure) found.push(erasure);
    }
    return distinct(found);
  });
}

/** A property of a backed-up row, which is kept as { value, type } (backupTables). */
const propertyValue = (property: unknown): unknown => (property && typeof property === 'object' && 'value' in property ? (property as { value: unknown }).value : property);

/** The erasures recorded in the audit rows of a backup file's lines. */
export function erasuresRecordedInBackup(lines: Iterable<string>): RecordedErasure[] {
  const found: RecordedErasure[] = [];
  for (const line of lines) {
    if (!line.includes(ERASE_VERB)) continue;
    const row = JSON.parse(line) as { table?: string; entity?: Record<string, unknown> };
    if (row.table !== 'audit' || !row.entity || propertyValue(row.entity['verb']) !== ERASE_VERB) continue;
    const erasure = erasureOf(propertyValue(row.entity['partnershipId']), propertyValue(row.entity['entity']));
    if (erasure) found.push(erasure);
  }
  return distinct(found);
}
