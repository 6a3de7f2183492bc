import { odata, type TableClient } from '@azure/data-tables';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { LINK_ID } from '../../reports/report-links';
import type { ReportLinkUse, UsedReportLinks } from '../../reports/used-report-links';
import { withTableErrors } from './table-errors';

/** Each link is its own partition: inserts never contend, and the purge reads the whole table anyway. */
const ROW_KEY = 'used';

/**
 * A row per used board report link (link id, format, when used, when the link expires), created with
 * createEntity, which the Table service refuses (409) for a key that exists: that refusal is the
 * "already used" answer, with no read-then-write race between instances.
 */
export class UsedReportLinkTable implements UsedReportLinks {
  constructor(private readonly table: TableClient) {}

  async markUsed(use: ReportLinkUse): Promise<'first-use' | 'already-used'> {
    // Ids were checked when the link was verified; checked again because they become keys here.
    if (!LINK_ID.test(use.linkId)) throw new Error('not a report link id');
    try {
      await withTableErrors('record a used report link', () =>
        this.table.createEntity({ partitionKey: use.linkId, rowKey: ROW_KEY, format: use.format, usedAt: use.usedAt, expiresAt: use.expiresAt }),
      );
      return 'first-use';
    } catch (error) {
      if (error instanceof ConflictError) return 'already-used';
      throw error;
    }
  }

  async release(linkId: string): Promise<void> {
    try {
      await withTableErrors('give back a report link', () => this.table.deleteEntity(linkId, ROW_KEY));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }

  async purgeExpired(before: Date): Promise<number> {
    return withTableErrors('purge used report links', async () => {
      let purged = 0;
      const rows = this.table.listEntities<{ partitionKey: string; rowKey: string }>({
        queryOptions: { filter: odata`expiresAt lt ${before}`, select: ['PartitionKey', 'RowKey'] },
      });
      for await (const row of rows) {
        try {
          await this.table.deleteEntity(row.partitionKey, row.rowKey);
          purged += 1;
        } catch (error) {
          // Gone already (given back after a failed download): nothing left to purge.
          if ((error as { statusCode?: number }).statusCode !== 404) throw error;
        }
      }
      return purged;
    });
  }
}
