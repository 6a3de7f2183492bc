import type { TableClient } from '@azure/data-tables';
import { ACTION_NONCE_PREFIX } from '../tables/action-table-repository';
import { ASSESSMENT_ROW_PREFIXES } from '../tables/assessment-table-repository';
import { ASSURANCE_NONCE_PREFIX } from '../tables/assurance-table-repository';
import { withTableErrors } from '../tables/table-errors';
import { deleteAsRead, staleRows } from './stale-rows';

/**
 * Deletes the markers that make card submits idempotent (action updates and self-assessment saves)
 * once they were written before `before`: by then no retry of that submit is coming. How many went.
 */
export async function purgeSubmitNonces(
  tables: { readonly actions: TableClient; readonly assessments: TableClient; readonly assurance?: TableClient },
  before: Date,
): Promise<number> {
  return withTableErrors('purge card submit nonces', async () => {
    let purged = 0;
    for (const [table, prefix] of [
      [tables.actions, ACTION_NONCE_PREFIX],
      [tables.assessments, ASSESSMENT_ROW_PREFIXES.nonce],
      ...(tables.assurance ? ([[tables.assurance, ASSURANCE_NONCE_PREFIX]] as const) : []),
    ] as const) {
      for await (const row of staleRows(table, prefix, before)) if (await deleteAsRead(table, row)) purged += 1;
    }
    return purged;
  });
}
