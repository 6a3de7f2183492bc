import type { Partnership } from '../../src/domain/partnership/partnership';
import { PartnershipTableRepository } from '../../src/storage/tables/partnership-table-repository';
import { freshTableStorage } from '../support/test-storage';

const author = { id: 'cli:test', name: 'test' };
const warwickshire: Partnership = {
  id: 'warwickshire',
  name: 'Warwickshire Prevent Partnership',
  timeZone: 'Europe/London',
  frameworkId: 'home-office-2018',
  tenantIds: ['tenant-a', 'tenant-b'],
};

describe('PartnershipTableRepository on Azurite', () => {
  it('finds a partnership by any of its tenants', async () => {
    const repository = new PartnershipTableRepository((await freshTableStorage()).client('partnerships'));
    await repository.save(warwickshire, author);
    await expect(repository.findByTenant('tenant-b')).resolves.toEqual(warwickshire);
  });

  it('forgets a tenant that was removed from the partnership', async () => {
    const repository = new PartnershipTableRepository((await freshTableStorage()).client('partnerships'));
    await repository.save(warwickshire, author);
    await repository.save({ ...warwickshire, tenantIds: ['tenant-a'] }, author);
    await expect(repository.findByTenant('tenant-b')).resolves.toBeUndefined();
    await expect(repository.findByTenant('tenant-a')).resolves.toMatchObject({ id: 'warwickshire' });
  });

  it('stores tenant ids containing characters Table keys forbid', async () => {
    const repository = new PartnershipTableRepository((await freshTableStorage()).client('partnerships'));
    await repository.save({ ...warwickshire, tenantIds: ['odd/tenant#1?'] }, author);
    await expect(repository.findByTenant('odd/tenant#1?')).resolves.toMatchObject({ id: 'warwickshire' });
  });
});
