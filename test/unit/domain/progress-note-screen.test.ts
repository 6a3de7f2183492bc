import { ActionUpdateService } from '../../../src/domain/actions/action-update-service';
import type { Organisation } from '../../../src/domain/partnership/organisation';
import { screenForPersonalData } from '../../../src/domain/privacy/screen';
import { MemoryActionRepository } from '../../../src/storage/memory/memory-action-repository';
import { MemoryOrganisationRepository } from '../../../src/storage/memory/memory-organisation-repository';
import { sampleAction } from '../../support/action-repository-contract';

/** The organisation store, counting how often the partnership's organisations are read. */
class CountingOrganisations extends MemoryOrganisationRepository {
  reads = 0;
  override async list(partnershipId: string): Promise<Organisation[]> {
    this.reads += 1;
    return super.list(partnershipId);
  }
}

const POLICE_LEAD = { aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead' as const, organisationId: 'police' };

async function service() {
  const actions = new MemoryActionRepository();
  await actions.savePlan('warwickshire', [sampleAction('3.1')], { id: 'test', name: 'test' });
  const organisations = new CountingOrganisations();
  await organisations.save('warwickshire', { id: 'police', name: 'Warwickshire Police', sector: 'police', aliases: [] }, { id: 'test', name: 'test' });
  await organisations.save('warwickshire', { id: 'geh', name: 'George Eliot Hospital', sector: 'health-social-care', aliases: [] }, { id: 'test', name: 'test' });
  organisations.reads = 0;
  const updates = new ActionUpdateService(actions, organisations, screenForPersonalData, () => new Date('2026-12-03T10:00:00Z'));
  const submit = async (progressNote: string, nonce: string) => {
    const { etag } = (await actions.get('warwickshire', '3.1'))!;
    return updates.submit('warwickshire', POLICE_LEAD, { actionId: '3.1', status: 'on-track', progressNote, nonce, etag });
  };
  return { organisations, submit };
}

describe("a progress note is screened knowing the partnership's organisations", () => {
  it("saves a note naming a partner's premises and postcode, which a screen without the partnership's names refuses", async () => {
    const note = 'Training delivered at George Eliot Hospital, Nuneaton CV10 7DJ';
    expect(screenForPersonalData(note)).not.toEqual([]);
    const { submit } = await service();
    await expect(submit(note, 'nonce-partner-venue')).resolves.toMatchObject({ duplicate: false });
  });

  it('still refuses a child named by year group at a partner school', async () => {
    const { submit } = await service();
    await expect(submit('Spoke about the girl in year 8 at George Eliot Hospital school', 'nonce-child')).rejects.toMatchObject({ code: 'invalid' });
  });

  it('reads the organisations only when the note looked personal at first, so a clean note costs no read', async () => {
    const { organisations, submit } = await service();
    await submit('Roadshows delivered in all five districts', 'nonce-clean');
    expect(organisations.reads).toBe(0);
    await submit('Training delivered at George Eliot Hospital, Nuneaton CV10 7DJ', 'nonce-venue');
    expect(organisations.reads).toBe(1);
  });
});
