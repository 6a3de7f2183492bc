import { randomBytes } from 'node:crypto';
import { startAzuriteBlob, type RunningAzurite } from '../../tools/local/azurite';
import { silentLogger } from '../../src/logger';
import { BackupBlobs } from '../../src/storage/backup/backup-blobs';
import { ScheduledBackup } from '../../src/storage/backup/scheduled-backup';
import { restoreTables } from '../../src/storage/backup/table-backup';
import { TableStorage } from '../../src/storage/tables/table-storage';
import { pendingRowRemovalsSettled } from '../../src/storage/audit/table-pending-audits';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import { testConnectionString } from '../support/test-storage';

/**
 * The daily backup on Azurite (Table and Blob services): one instance takes the day, the file lands
 * in the backup container, and restoring that file into empty tables gives back every row.
 */
describe('the scheduled table backup', () => {
  let blobService: RunningAzurite;
  let blobs: BackupBlobs;

  beforeAll(async () => {
    blobService = await startAzuriteBlob();
    blobs = BackupBlobs.withConnectionString(blobService.connectionString, 'table-backups');
    await (blobs as unknown as { container: { createIfNotExists(): Promise<unknown> } }).container.createIfNotExists();
  }, 60_000);

  afterAll(async () => {
    await blobService?.stop();
  });

  async function seededTables() {
    const prefix = `b${randomBytes(4).toString('hex')}`;
    const repositories = await openTableRepositories({ storage: { connectionString: testConnectionString() }, tableNamePrefix: prefix });
    await repositories.organisations.save(
      'warwickshire',
      { id: 'police', name: 'Warwickshire and West Mercia Police', sector: 'police', aliases: [] },
      { id: 'test', name: 'test' },
    );
    // The save's pending audit row is removed after it, with others; the tables are as a backup would find them later.
    await pendingRowRemovalsSettled();
    return { prefix, storage: repositories.storage };
  }

  const at = (iso: string) => () => new Date(iso);

  it('waits until 02:00 UK time', async () => {
    const { prefix, storage } = await seededTables();
    const job = new ScheduledBackup({ storage, tableNamePrefix: prefix, blobs, logger: silentLogger, instanceId: 'a', now: at('2026-12-03T01:30:00Z') });
    await expect(job.runDue()).resolves.toBe('not-yet');
  });

  it('is taken once a day by one instance, and the file restores every row into empty tables', async () => {
    const { prefix, storage } = await seededTables();
    const day = '2026-12-04';
    const job = (instanceId: string) => new ScheduledBackup({ storage, tableNamePrefix: prefix, blobs, logger: silentLogger, instanceId, now: at(`${day}T02:15:00Z`) });
    const outcomes = await Promise.all([job('a').runDue(), job('b').runDue()]);
    expect(outcomes.sort()).toEqual(['done', 'taken']);
    await expect(job('c').runDue()).resolves.toBe('taken');

    expect(await blobs.list()).toContain(`tables-${day}.ndjson`);
    const lines = await blobs.read(`tables-${day}.ndjson`);
    const restoredInto = new TableStorage(testConnectionString(), `r${randomBytes(4).toString('hex')}`);
    const restored = await restoreTables(restoredInto, lines);
    const rowsIn = async (tables: TableStorage) => {
      let count = 0;
      for await (const _row of tables.client('organisations').listEntities()) count++;
      return count;
    };
    // The organisation's current row and its history row, as they were.
    expect(restored.organisations).toBe(await rowsIn(storage));
    expect(await rowsIn(restoredInto)).toBe(2);
  });

  it('never overwrites a backup already kept under that name', async () => {
    const name = `tables-${randomBytes(3).toString('hex')}.ndjson`;
    await blobs.write(name, async (writeLine) => writeLine('{"first":true}'));
    await expect(blobs.write(name, async (writeLine) => writeLine('{"second":true}'))).rejects.toThrow();
    await expect(blobs.read(name)).resolves.toEqual(['{"first":true}']);
  });

  it('gives the day back when the backup fails, so the next check tries again', async () => {
    const { prefix, storage } = await seededTables();
    const broken = BackupBlobs.withConnectionString(blobService.connectionString, 'no-such-container');
    const job = (target: BackupBlobs) =>
      new ScheduledBackup({ storage, tableNamePrefix: prefix, blobs: target, logger: silentLogger, instanceId: 'a', now: at('2026-12-05T03:00:00Z') });
    await expect(job(broken).runDue()).resolves.toBe('failed');
    await expect(job(blobs).runDue()).resolves.toBe('done');
  });
});
