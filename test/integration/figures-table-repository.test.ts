import { openTableRepositories } from '../../src/composition/open-table-repositories';
import { FiguresTableRepository } from '../../src/storage/tables/figures-table-repository';
import { describeFiguresRepositoryContract } from '../support/figures-repository-contract';
import { REFERRALS, sampleReturn } from '../support/figures-samples';
import { freshTableStorage } from '../support/test-storage';

describeFiguresRepositoryContract('Azure Tables (Azurite)', async () => new FiguresTableRepository((await freshTableStorage()).client('actions')));

describe('figures returns on Azurite, through the repositories the bot opens', () => {
  it('audits a return once, under the person who gave it, and not its repeat', async () => {
    const storage = await freshTableStorage();
    const repositories = await openTableRepositories({ storage: { connectionString: 'unused' }, tableNamePrefix: 'unused' } as never, { storage });
    const value = sampleReturn('2026-27 Q2', 'police', REFERRALS);
    await repositories.figures.record('warwickshire', value, undefined);
    await repositories.figures.record('warwickshire', value, undefined);
    const entries = (await repositories.auditLog.list('warwickshire')).filter((e) => e.verb === 'figures-return');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: 'aad-officer', entity: 'figures:2026-27 Q2/referrals/police' });
  });
});
