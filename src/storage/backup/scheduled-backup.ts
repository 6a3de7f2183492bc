import { londonDate } from '../../domain/clock';
import { ConflictError } from '../../domain/errors';
import { londonHour } from '../../domain/outbox/chasers';
import type { Logger } from '../../logger';
import type { TableStorage } from '../tables/table-storage';
import { withTableErrors } from '../tables/table-errors';
import { readEntity } from '../tables/versioned-document';
import type { BackupBlobs } from './backup-blobs';
import { backupTables } from './table-backup';

/** Backups start from this hour, UK time, when the partnership is asleep. */
export const BACKUP_HOUR = 2;
/** A claim still "running" after this long belongs to an instance that stopped; another takes over. */
const STALE_CLAIM_MS = 60 * 60 * 1000;
const CLAIM_PARTITION = '~deployment';

export type BackupOutcome = 'not-yet' | 'taken' | 'done' | 'failed';

export interface ScheduledBackupOptions {
  readonly storage: TableStorage;
  readonly tableNamePrefix: string;
  readonly blobs: BackupBlobs;
  readonly logger: Logger;
  readonly instanceId: string;
  readonly now?: () => Date;
  readonly intervalMs?: number;
}

/**
 * One backup of every table a day, to the immutable backup container, by whichever instance claims
 * the day first (a row created in the Partnerships table; a second create is refused). A failed
 * backup gives the day back, so the next check tries again; a claim left running by an instance that
 * stopped is taken over after an hour.
 */
export class ScheduledBackup {
  private timer?: NodeJS.Timeout;
  private readonly now: () => Date;

  constructor(private readonly options: ScheduledBackupOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    this.timer = setInterval(() => void this.runDue().catch(() => undefined), this.options.intervalMs ?? 15 * 60 * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Takes today's backup if it is due and nobody else has: what happened. */
  async runDue(): Promise<BackupOutcome> {
    const now = this.now();
    if (londonHour(now) < BACKUP_HOUR) return 'not-yet';
    const day = londonDate(now);
    if (!(await this.claim(day, now))) return 'taken';
    const name = `tables-${day}.ndjson`;
    try {
      const counts = await this.options.blobs.write(name, (writeLine) => backupTables(this.options.storage, this.options.tableNamePrefix, writeLine, now));
      const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
      await this.claims().updateEntity({ partitionKey: CLAIM_PARTITION, rowKey: `backup-${day}`, state: 'done', blob: name, rows, finishedAt: this.now().toISOString() }, 'Merge');
      this.options.logger.info({ blob: name, rows }, 'table backup written');
      return 'done';
    } catch (error) {
      this.options.logger.error({ err: error, blob: name }, 'table backup failed; it will be tried again');
      await this.claims().deleteEntity(CLAIM_PARTITION, `backup-${day}`).catch(() => undefined);
      return 'failed';
    }
  }

  private claims() {
    return this.options.storage.client('partnerships');
  }

  private async claim(day: string, now: Date): Promise<boolean> {
    const row = { partitionKey: CLAIM_PARTITION, rowKey: `backup-${day}`, state: 'running', instanceId: this.options.instanceId, startedAt: now.toISOString() };
    try {
      await withTableErrors('claim the day\'s backup', () => this.claims().createEntity(row));
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    const existing = await readEntity(this.claims(), CLAIM_PARTITION, `backup-${day}`, 'read the day\'s backup claim');
    const stale = existing?.['state'] === 'running' && now.getTime() - Date.parse(String(existing['startedAt'])) > STALE_CLAIM_MS;
    if (!existing || !stale) return false;
    try {
      await withTableErrors('take over a stale backup claim', () => this.claims().updateEntity(row, 'Replace', { etag: String(existing['etag']) }));
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }
}
