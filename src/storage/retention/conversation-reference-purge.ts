import type { TableClient } from '@azure/data-tables';
import { CONVERSATION_REFERENCE_PREFIX, memberRowKey } from '../tables/member-table-repository';
import { withTableErrors } from '../tables/table-errors';
import { readEntity } from '../tables/versioned-document';
import { deleteAsRead, staleRows } from './stale-rows';

/**
 * Deletes the 1:1 conversation references of people who are not registered members of the
 * partnership and have not written to the bot since `before` (the reference row is rewritten when
 * they do). A registered member's reference is kept however old: update requests and chasers go
 * through it. A row rewritten while this runs is left alone. How many went.
 */
export async function purgeUnregisteredConversationReferences(members: TableClient, before: Date): Promise<number> {
  return withTableErrors('purge conversation references', async () => {
    let purged = 0;
    for await (const row of staleRows(members, CONVERSATION_REFERENCE_PREFIX, before)) {
      const aadObjectId = row['aadObjectId'];
      if (typeof aadObjectId !== 'string' || aadObjectId.length === 0) continue;
      const member = await readEntity(members, row.partitionKey, memberRowKey(aadObjectId), 'check whether a reference belongs to a member');
      if (member) continue;
      if (await deleteAsRead(members, row)) purged += 1;
    }
    return purged;
  });
}
