import type { TableClient } from '@azure/data-tables';
import { ConflictError } from '../../domain/errors';
import { withTableErrors } from './table-errors';
import { readEntity } from './versioned-document';

/** A claim still "running" after this long belongs to an instance that stopped; another takes over. */
const STALE_CLAIM_MS = 60 * 60 * 1000;
const CLAIM_PARTITION = '~deployment';

/**
 * A once-a-day job run by whichever instance claims the day first: a row `<job>-<day>` created in
 * the Partnerships table, which the Table service refuses to create twice. A failed run gives the
 * day back so the next check tries again; a claim left running by an instance that stopped is taken
 * over after an hour. Shared by the nightly backup and the retention purge.
 */
export class DailyClaim {
  constructor(
    private readonly table: TableClient,
    private readonly job: string,
    private readonly instanceId: string,
  ) {}

  private rowKey(day: string): string {
    return `${this.job}-${day}`;
  }

  /** True when this instance now holds the day. */
  async claim(day: string, now: Date): Promise<boolean> {
    const row = { partitionKey: CLAIM_PARTITION, rowKey: this.rowKey(day), state: 'running', instanceId: this.instanceId, startedAt: now.toISOString() };
    try {
      await withTableErrors(`claim the day's ${this.job}`, () => this.table.createEntity(row));
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    const existing = await readEntity(this.table, CLAIM_PARTITION, this.rowKey(day), `read the day's ${this.job} claim`);
    const stale = existing?.['state'] === 'running' && now.getTime() - Date.parse(String(existing['startedAt'])) > STALE_CLAIM_MS;
    if (!existing || !stale) return false;
    try {
      await withTableErrors(`take over a stale ${this.job} claim`, () => this.table.updateEntity(row, 'Replace', { etag: String(existing['etag']) }));
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  /** Marks the day done, with whatever the job wants kept about the run. */
  async finish(day: string, finishedAt: Date, details: Record<string, string | number>): Promise<void> {
    await withTableErrors(`record the day's ${this.job} as done`, () =>
      this.table.updateEntity({ partitionKey: CLAIM_PARTITION, rowKey: this.rowKey(day), state: 'done', ...details, finishedAt: finishedAt.toISOString() }, 'Merge'),
    );
  }

  /** Gives the day back after a failed run; if even that fails, the claim goes stale and is taken over. */
  async giveBack(day: string): Promise<void> {
    await this.table.deleteEntity(CLAIM_PARTITION, this.rowKey(day)).catch(() => undefined);
  }
}
