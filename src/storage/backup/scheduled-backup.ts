import { londonDate, londonHour } from '../../domain/clock';
import type { Logger } from '../../logger';
import { DailyClaim } from '../tables/daily-claim';
import type { TableStorage } from '../tables/table-storage';
import type { BackupBlobs } from './backup-blobs';
import { backupTables } from './table-backup';

/** Backups start from this hour, UK time, when the partnership is asleep. */
export const BACKUP_HOUR = 2;

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
  private readonly days: DailyClaim;

  constructor(private readonly options: ScheduledBackupOptions) {
    this.now = options.now ?? (() => new Date());
    this.days = new DailyClaim(options.storage.client('partnerships'), 'backup', options.instanceId);
  }

  start(): void {
    this.timer = setInterval(
      () => void this.runDue().catch((error: unknown) => this.options.logger.error({ err: error }, 'table backup could not be claimed; it will be tried again')),
      this.options.intervalMs ?? 15 * 60 * 1000,
    );
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
    if (!(await this.days.claim(day, now))) return 'taken';
    const name = `tables-${day}.ndjson`;
    try {
      const counts = await this.options.blobs.write(name, (writeLine) => backupTables(this.options.storage, this.options.tableNamePrefix, writeLine, now));
      const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
      await this.days.finish(day, this.now(), { blob: name, rows });
      this.options.logger.info({ blob: name, rows }, 'table backup written');
      return 'done';
    } catch (error) {
      this.options.logger.error({ err: error, blob: name }, 'table backup failed; it will be tried again');
      await this.days.giveBack(day);
      return 'failed';
    }
  }
}
