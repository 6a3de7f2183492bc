import { odata, type TableClient } from '@azure/data-tables';
import { freePort } from '../../tools/local/free-port';
import { azuriteConnectionString } from '../../src/config';
import { StorageUnavailableError } from '../../src/domain/errors';
import { meetingHistoryPrefix, meetingRowKey, MeetingTableRepository } from '../../src/storage/tables/meeting-table-repository';
import { fromJsonColumns } from '../../src/storage/tables/json-columns';
import { TableStorage } from '../../src/storage/tables/table-storage';
import { readHistory } from '../../src/storage/tables/versioned-document';
import { describeMeetingRepositoryContract, sampleMeeting } from '../support/meeting-repository-contract';
import { freshTableStorage } from '../support/test-storage';

async function allRows(table: TableClient, partitionKey: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` } })) rows.push(row);
  return rows;
}

describeMeetingRepositoryContract('MeetingTableRepository on Azurite', async () => new MeetingTableRepository((await freshTableStorage()).client('meetings')));

describe('MeetingTableRepository rows on Azurite', () => {
  let table: TableClient;
  let repository: MeetingTableRepository;

  beforeEach(async () => {
    table = (await freshTableStorage()).client('meetings');
    repository = new MeetingTableRepository(table);
  });

  it('keeps a history row per create and update, newest first, beside one current row', async () => {
    const meeting = sampleMeeting();
    await repository.create('warwickshire', meeting);
    const { etag } = (await repository.get('warwickshire', meeting.id))!;
    // History keys order by millisecond; make sure the two writes fall in different ones.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await repository.update('warwickshire', { ...meeting, location: 'Room 2' }, etag);

    const history = await readHistory(table, 'warwickshire', meetingHistoryPrefix(meeting.id), 'read history');
    expect(history.map((row) => (fromJsonColumns(row) as { location: string }).location)).toEqual(['Room 2', 'Shire Hall, Warwick']);
    const rows = await allRows(table, 'warwickshire');
    expect(rows).toHaveLength(1 + 2);
    expect(rows.filter((row) => row['rowKey'] === meetingRowKey(meeting.id))).toHaveLength(1);
    await expect(repository.list('warwickshire')).resolves.toEqual([{ ...meeting, location: 'Room 2' }]);
  });

  it('writes no history row when an update is refused', async () => {
    const meeting = sampleMeeting();
    await repository.create('warwickshire', meeting);
    const { etag } = (await repository.get('warwickshire', meeting.id))!;
    await repository.update('warwickshire', { ...meeting, location: 'Room 1' }, etag);
    await expect(repository.update('warwickshire', { ...meeting, location: 'Room 2' }, etag)).rejects.toMatchObject({ code: 'conflict' });
    await expect(repository.create('warwickshire', meeting)).rejects.toMatchObject({ code: 'conflict' });
    await expect(readHistory(table, 'warwickshire', meetingHistoryPrefix(meeting.id), 'read history')).resolves.toHaveLength(2);
  });

  it('stores a long agenda across several JSON columns', async () => {
    const agenda = Array.from({ length: 40 }, (_, i) => ({
      id: `item-${i}`,
      title: `Agenda item ${i}`,
      details: Array.from({ length: 10 }, (_, j) => `${'Detail '.repeat(30)}${i}.${j}`.slice(0, 300)),
      source: 'generated' as const,
    }));
    const meeting = sampleMeeting({ agenda });
    await repository.create('warwickshire', meeting);
    const current = (await allRows(table, 'warwickshire')).find((row) => row['rowKey'] === meetingRowKey(meeting.id))!;
    expect(Number(current['jsonChunks'])).toBeGreaterThan(1);
    await expect(repository.get('warwickshire', meeting.id)).resolves.toMatchObject({ meeting });
  });

  it('refuses a stored row that no longer passes the schema, naming the field', async () => {
    await table.upsertEntity({ partitionKey: 'warwickshire', rowKey: meetingRowKey('2027-03-12-1000'), jsonChunks: 1, json0: JSON.stringify({ ...sampleMeeting(), agenda: [] }) });
    await expect(repository.get('warwickshire', '2027-03-12-1000')).rejects.toMatchObject({
      code: 'invalid',
      details: expect.arrayContaining([expect.stringContaining('agenda')]),
    });
    await expect(repository.list('warwickshire')).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('MeetingTableRepository when Table storage is unreachable', () => {
  it('reads and writes fail with StorageUnavailableError, not a raw network error', async () => {
    const storage = new TableStorage(azuriteConnectionString(await freePort()), 'down');
    const repository = new MeetingTableRepository(storage.client('meetings'));
    await expect(repository.list('warwickshire')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(repository.get('warwickshire', '2027-03-12-1000')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(repository.create('warwickshire', sampleMeeting())).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(repository.update('warwickshire', sampleMeeting(), 'W/"1"')).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
