import { odata, type TableClient } from '@azure/data-tables';
import { freePort } from '../../tools/local/free-port';
import { azuriteConnectionString } from '../../src/config';
import { InvalidError, StorageUnavailableError } from '../../src/domain/errors';
import type { Member } from '../../src/domain/partnership/member';
import type { Organisation } from '../../src/domain/partnership/organisation';
import { conversationReferenceRowKey, memberHistoryPrefix, MemberTableRepository } from '../../src/storage/tables/member-table-repository';
import { organisationHistoryPrefix, OrganisationTableRepository } from '../../src/storage/tables/organisation-table-repository';
import { TableStorage } from '../../src/storage/tables/table-storage';
import { readHistory } from '../../src/storage/tables/versioned-document';
import { conversationReference, describeMemberRepositoryContract, describeOrganisationRepositoryContract, members, organisations } from '../support/repository-contracts';
import { freshTableStorage } from '../support/test-storage';

const officer = { id: 'aad-officer', name: 'Priya Officer' };
const chair = { id: 'aad-chair', name: 'Charles Chair' };

async function allRows(table: TableClient, partitionKey: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` } })) rows.push(row);
  return rows;
}

describeOrganisationRepositoryContract('OrganisationTableRepository on Azurite', async () => new OrganisationTableRepository((await freshTableStorage()).client('organisations')));
describeMemberRepositoryContract('MemberTableRepository on Azurite', async () => new MemberTableRepository((await freshTableStorage()).client('members')));

describe('OrganisationTableRepository rows on Azurite', () => {
  let table: TableClient;
  let repository: OrganisationTableRepository;

  beforeEach(async () => {
    table = (await freshTableStorage()).client('organisations');
    repository = new OrganisationTableRepository(table);
  });

  it('keeps a history row per change, newest first, with who made it', async () => {
    await repository.save('warwickshire', organisations.council, officer);
    await repository.save('warwickshire', organisations.police, officer);
    await repository.save('warwickshire', { ...organisations.council, preventLeadId: 'aad-new-lead' }, chair);

    const history = await readHistory(table, 'warwickshire', organisationHistoryPrefix('wcc'), 'read history');
    expect(history.map((row) => [row['changedByName'], row['changedById']])).toEqual([
      ['Charles Chair', 'aad-chair'],
      ['Priya Officer', 'aad-officer'],
    ]);
    expect(history.map((row) => JSON.parse(String(row['json0'])).preventLeadId)).toEqual(['aad-new-lead', 'aad-lead-wcc']);
    await expect(readHistory(table, 'warwickshire', organisationHistoryPrefix('warks-police'), 'read history')).resolves.toHaveLength(1);
  });

  it('lists only current rows although history rows share the partition', async () => {
    for (let i = 0; i < 3; i++) await repository.save('warwickshire', { ...organisations.council, aliases: [`WCC ${i}`] }, officer);
    await repository.save('warwickshire', organisations.college, officer);
    expect(await allRows(table, 'warwickshire')).toHaveLength(2 + 4);
    await expect(repository.list('warwickshire')).resolves.toEqual([organisations.college, { ...organisations.council, aliases: ['WCC 2'] }]);
  });

  it('writes no row at all for an invalid organisation', async () => {
    await expect(repository.save('warwickshire', { ...organisations.council, sector: 'space-agency' } as unknown as Organisation, officer)).rejects.toBeInstanceOf(InvalidError);
    await expect(allRows(table, 'warwickshire')).resolves.toEqual([]);
  });

  it('refuses a stored row that no longer passes the schema, naming the field', async () => {
    await table.upsertEntity({ partitionKey: 'warwickshire', rowKey: 'org_wcc', jsonChunks: 1, json0: JSON.stringify({ ...organisations.council, sector: 'gone' }) });
    await expect(repository.get('warwickshire', 'wcc')).rejects.toMatchObject({ code: 'invalid', details: expect.arrayContaining([expect.stringContaining('sector')]) });
    await expect(repository.list('warwickshire')).rejects.toBeInstanceOf(InvalidError);
  });
});

describe('MemberTableRepository rows on Azurite', () => {
  let table: TableClient;
  let repository: MemberTableRepository;

  beforeEach(async () => {
    table = (await freshTableStorage()).client('members');
    repository = new MemberTableRepository(table);
  });

  it('keeps a history row per change, newest first, with who made it', async () => {
    await repository.save('warwickshire', members.lead, officer);
    await repository.save('warwickshire', { ...members.lead, role: 'chair' }, chair);
    await repository.save('warwickshire', { ...members.lead, role: 'staff' }, officer);

    const history = await readHistory(table, 'warwickshire', memberHistoryPrefix('aad-lead-wcc'), 'read history');
    expect(history.map((row) => row['changedByName'])).toEqual(['Priya Officer', 'Charles Chair', 'Priya Officer']);
    expect(history.map((row) => JSON.parse(String(row['json0'])).role)).toEqual(['staff', 'chair', 'partner-lead']);
  });

  it("reads one member's history without the history of a member whose id starts the same way", async () => {
    await repository.save('warwickshire', { aadObjectId: 'a', name: 'A', role: 'staff' }, officer);
    await repository.save('warwickshire', { aadObjectId: 'a_1', name: 'A one', role: 'staff' }, officer);
    await repository.save('warwickshire', { aadObjectId: 'a_1', name: 'A one', role: 'chair' }, officer);
    await expect(readHistory(table, 'warwickshire', memberHistoryPrefix('a'), 'read history')).resolves.toHaveLength(1);
    await expect(readHistory(table, 'warwickshire', memberHistoryPrefix('a_1'), 'read history')).resolves.toHaveLength(2);
  });

  it('lists and gets only member rows, never history or conversation reference rows', async () => {
    await repository.save('warwickshire', members.officer, officer);
    await repository.save('warwickshire', { ...members.officer, name: 'Priya Officer-Smith' }, officer);
    await repository.saveConversationReference('warwickshire', 'aad-officer', conversationReference('aad-officer'));
    await repository.saveConversationReference('warwickshire', 'aad-staff', conversationReference('aad-staff'));
    expect(await allRows(table, 'warwickshire')).toHaveLength(1 + 2 + 2);
    await expect(repository.list('warwickshire')).resolves.toEqual([{ ...members.officer, name: 'Priya Officer-Smith' }]);
    await expect(repository.get('warwickshire', 'aad-staff')).resolves.toBeUndefined();
  });

  it('stores a conversation reference as one plain string column, with no history', async () => {
    const reference = conversationReference('odd/id#1?');
    await repository.saveConversationReference('warwickshire', 'odd/id#1?', conversationReference('odd/id#1?', 'a:old'));
    await repository.saveConversationReference('warwickshire', 'odd/id#1?', reference);
    const rows = await allRows(table, 'warwickshire');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rowKey: conversationReferenceRowKey('odd/id#1?'), aadObjectId: 'odd/id#1?', reference });
    expect(String(rows[0]!['rowKey'])).not.toMatch(/[/\\#?]/);
  });

  it('writes no row at all for an invalid member', async () => {
    const invalid: Member = { aadObjectId: 'aad-lead-wcc', name: 'Lena Lead', role: 'partner-lead' };
    await expect(repository.save('warwickshire', invalid, officer)).rejects.toBeInstanceOf(InvalidError);
    await expect(repository.saveConversationReference('warwickshire', 'aad-lead-wcc', 'x'.repeat(16 * 1024 + 1))).rejects.toBeInstanceOf(InvalidError);
    await expect(allRows(table, 'warwickshire')).resolves.toEqual([]);
  });
});

describe('organisation and member repositories when Table storage is unreachable', () => {
  let storage: TableStorage;

  beforeAll(async () => {
    storage = new TableStorage(azuriteConnectionString(await freePort()), 'down');
  });

  it('organisation reads and writes fail with StorageUnavailableError, not a raw network error', async () => {
    const repository = new OrganisationTableRepository(storage.client('organisations'));
    await expect(repository.list('warwickshire')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(repository.get('warwickshire', 'wcc')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(repository.save('warwickshire', organisations.council, officer)).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it('member reads, writes and conversation references fail with StorageUnavailableError', async () => {
    const repository = new MemberTableRepository(storage.client('members'));
    await expect(repository.list('warwickshire')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(repository.get('warwickshire', 'aad-officer')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(repository.save('warwickshire', members.officer, officer)).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(repository.saveConversationReference('warwickshire', 'aad-officer', 'a-ref')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(repository.getConversationReference('warwickshire', 'aad-officer')).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
