import { ActionTableRepository } from '../../src/storage/tables/action-table-repository';
import { PriorityTableRepository } from '../../src/storage/tables/priority-table-repository';
import { describeActionPriorityLinksContract, describePriorityRepositoryContract } from '../support/priority-repository-contract';
import { freshTableStorage } from '../support/test-storage';

describePriorityRepositoryContract('Azure Tables (Azurite)', async () => new PriorityTableRepository((await freshTableStorage()).client('actions')));
describeActionPriorityLinksContract('Azure Tables (Azurite)', async () => new ActionTableRepository((await freshTableStorage()).client('actions')));

describe('priorities beside the plan in the Actions table', () => {
  it('never show up as actions, nor actions as priorities', async () => {
    const storage = await freshTableStorage();
    const actions = new ActionTableRepository(storage.client('actions'));
    const priorities = new PriorityTableRepository(storage.client('actions'));
    const author = { id: 'aad-officer', name: 'Priya Officer' };
    await priorities.save(
      'warwickshire',
      {
        financialYear: '2026-27',
        status: 'draft',
        priorities: [{ id: 'P1', title: 'Online radicalisation', description: '', retired: false }],
        updatedById: 'aad-officer',
        updatedByName: 'Priya Officer',
        updatedAt: '2026-03-01T10:00:00.000Z',
        nonce: 'nonce-beside-plan',
      },
      undefined,
      author,
    );
    await expect(actions.list('warwickshire')).resolves.toEqual([]);
    expect(await priorities.list('warwickshire')).toHaveLength(1);
  });
});
