import { randomBytes } from 'node:crypto';
import { eraseMember } from '../../src/cli/erase-member';
import { restoreWithErasures } from '../../src/cli/restore-tables';
import { ERASED_NAME } from '../../src/domain/privacy/erasure';
import { backupTables } from '../../src/storage/backup/table-backup';
import { ActionTableRepository } from '../../src/storage/tables/action-table-repository';
import { AuditTableRepository } from '../../src/storage/tables/audit-table-repository';
import { MemberTableRepository } from '../../src/storage/tables/member-table-repository';
import { TABLES, TableStorage, type TableKey } from '../../src/storage/tables/table-storage';
import { sampleAction, sampleProgress } from '../support/action-repository-contract';
import { freshTableStorage, testConnectionString } from '../support/test-storage';

const P = 'warwickshire';
const LEAD_ID = 'aad-lead-wcc';
const LEAD_NAME = 'Lena Leadbetter';
const OFFICER = { id: 'aad-officer', name: 'Priya Officer' };
const NOW = new Date('2026-12-03T12:00:00Z');

async function rowsMentioning(storage: TableStorage, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of Object.keys(TABLES) as TableKey[]) {
    for await (const row of storage.client(table).listEntities({ disableTypeConversion: true })) {
      if (JSON.stringify(row).includes(text)) found.push(`${table} ${row.rowKey}`);
    }
  }
  return found;
}

/** The lead is a member, can be reached in 1:1 chat, and has updated an action: their name is in three tables. */
async function liveDeployment(): Promise<TableStorage> {
  const storage = await freshTableStorage();
  const members = new MemberTableRepository(storage.client('members'));
  await members.save(P, { aadObjectId: LEAD_ID, name: LEAD_NAME, role: 'partner-lead', organisationId: 'wcc' }, OFFICER);
  await members.saveConversationReference(P, LEAD_ID, JSON.stringify({ user: { id: '29:1', aadObjectId: LEAD_ID, name: LEAD_NAME }, conversation: { id: 'a:lead' } }));
  const actions = new ActionTableRepository(storage.client('actions'));
  await actions.savePlan(P, [sampleAction('3.1')], OFFICER);
  await actions.recordUpdate(P, '3.1', sampleProgress('nonce-lead-0001', { updatedById: LEAD_ID, updatedByName: LEAD_NAME }), (await actions.get(P, '3.1'))!.etag);
  return storage;
}

async function backupOf(storage: TableStorage): Promise<string[]> {
  const lines: string[] = [];
  await backupTables(storage, 'live', (line) => void lines.push(line));
  return lines;
}

const emptyTarget = () => new TableStorage(testConnectionString(), `r${randomBytes(5).toString('hex')}`);
const erasuresIn = async (storage: TableStorage) => (await new AuditTableRepository(storage.client('audit')).list(P)).filter((entry) => entry.verb === 'member-erase');

describe('restoring a backup never brings back an erased name', () => {
  it('applies again an erasure made after the backup, read from the tables being replaced, and records it in the restored audit log', async () => {
    const live = await liveDeployment();
    const backup = await backupOf(live);
    await eraseMember(live, LEAD_ID, P, NOW);

    const target = emptyTarget();
    const result = await restoreWithErasures(target, backup, { tables: [live], backups: [] }, NOW);

    expect(result.laterErasures).toEqual([{ partnershipId: P, objectId: LEAD_ID }]);
    expect(await rowsMentioning(target, LEAD_NAME)).toEqual([]);
    expect((await new MemberTableRepository(target.client('members')).get(P, LEAD_ID))?.name).toBe(ERASED_NAME);
    expect(await erasuresIn(target)).toEqual([expect.objectContaining({ entity: `member:${LEAD_ID}`, actorId: 'cli:erase-member' })]);
  });

  it('applies an erasure recorded only in a newer backup, when the old tables are lost', async () => {
    const live = await liveDeployment();
    const older = await backupOf(live);
    await eraseMember(live, LEAD_ID, P, NOW);
    const newer = await backupOf(live);

    const target = emptyTarget();
    await restoreWithErasures(target, older, { tables: [], backups: [newer] }, NOW);
    expect(await rowsMentioning(target, LEAD_NAME)).toEqual([]);
  });

  it('applies again an erasure the backup already holds without recording it twice', async () => {
    const live = await liveDeployment();
    await eraseMember(live, LEAD_ID, P, NOW);
    const backup = await backupOf(live);

    const target = emptyTarget();
    const result = await restoreWithErasures(target, backup, { tables: [live], backups: [] }, NOW);
    expect(result).toMatchObject({ erasures: [{ partnershipId: P, objectId: LEAD_ID }], laterErasures: [] });
    expect(await erasuresIn(target)).toHaveLength(1);
    expect(await rowsMentioning(target, LEAD_NAME)).toEqual([]);
  });

  it('stops before writing anything when the tables to read erasures from cannot be read', async () => {
    const live = await liveDeployment();
    const backup = await backupOf(live);
    const target = emptyTarget();
    const mistyped = new TableStorage(testConnectionString(), `missing${randomBytes(4).toString('hex')}`);
    await expect(restoreWithErasures(target, backup, { tables: [mistyped], backups: [] }, NOW)).rejects.toThrow();
    // Nothing was written, so the same empty tables take the restore once the source is right.
    await expect(restoreWithErasures(target, backup, { tables: [live], backups: [] }, NOW)).resolves.toMatchObject({ erasures: [] });
  });
});
