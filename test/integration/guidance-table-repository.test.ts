import { InvalidError } from '../../src/domain/errors';
import { GuidanceTableRepository } from '../../src/storage/tables/guidance-table-repository';
import type { TableStorage } from '../../src/storage/tables/table-storage';
import { demoGuidance } from '../support/demo-guidance';
import { freshTableStorage } from '../support/test-storage';

const author = { id: 'aad-officer', name: 'Priya Officer' };

describe('GuidanceTableRepository on Azurite', () => {
  let storage: TableStorage;
  let repository: GuidanceTableRepository;

  beforeEach(async () => {
    storage = await freshTableStorage();
    repository = new GuidanceTableRepository(storage.client('guidance'));
  });

  it('returns undefined for a partnership that has loaded no guidance', async () => {
    await expect(repository.get('nowhere')).resolves.toBeUndefined();
  });

  it('reads back exactly the guidance it saved', async () => {
    await repository.save('warwickshire', demoGuidance(), author);
    await expect(repository.get('warwickshire')).resolves.toEqual(demoGuidance());
  });

  it('keeps a history row per change, newest first, with who made it', async () => {
    const first = demoGuidance();
    const second = { ...first, training: { ...first.training, contact: 'Ask the Prevent Officer on the new number.' } };
    await repository.save('warwickshire', first, author);
    await repository.save('warwickshire', second, { id: 'aad-chair', name: 'Charles Chair' });

    const rows = [];
    for await (const row of storage.client('guidance').listEntities({ queryOptions: { filter: "PartitionKey eq 'warwickshire' and RowKey gt 'history_'" } })) {
      rows.push(row);
    }
    expect(rows.map((row) => row['changedByName'])).toEqual(['Charles Chair', 'Priya Officer']);
  });

  it('refuses stored guidance that no longer passes the schema, naming the field', async () => {
    await storage.client('guidance').upsertEntity({ partitionKey: 'broken', rowKey: 'current', jsonChunks: 1, json0: JSON.stringify({ version: 1 }) });
    const failure = repository.get('broken');
    await expect(failure).rejects.toBeInstanceOf(InvalidError);
    await expect(failure).rejects.toMatchObject({ details: expect.arrayContaining([expect.stringContaining('referralPathway')]) });
  });

  it('refuses to save invalid guidance and writes nothing', async () => {
    const invalid = { ...demoGuidance(), referralPathway: { ...demoGuidance().referralPathway, links: [{ title: 'Plain http', url: 'http://example.org' }] } };
    await expect(repository.save('warwickshire', invalid, author)).rejects.toBeInstanceOf(InvalidError);
    await expect(repository.get('warwickshire')).resolves.toBeUndefined();
  });
});
