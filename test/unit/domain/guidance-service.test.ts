import demoGuidance from '../../../src/data/demo/warwickshire-guidance.json';
import { NotFoundError } from '../../../src/domain/errors';
import { guidanceSchema } from '../../../src/domain/guidance/guidance';
import { GuidanceNotConfiguredError, GuidanceService } from '../../../src/domain/guidance/guidance-service';
import { PartnershipResolver } from '../../../src/domain/partnership/partnership-resolver';
import type { ChangeAuthor } from '../../../src/domain/ports';
import { MemoryGuidanceRepository } from '../../../src/storage/memory/memory-guidance-repository';
import { MemoryPartnershipRepository } from '../../../src/storage/memory/memory-partnership-repository';

const AUTHOR: ChangeAuthor = { id: 'cli:test', name: 'unit test' };
const guidance = guidanceSchema.parse(demoGuidance);

async function seededService(): Promise<GuidanceService> {
  const repository = new MemoryGuidanceRepository();
  await repository.save('warwickshire', guidance, AUTHOR);
  return new GuidanceService(repository);
}

describe('GuidanceService', () => {
  it('returns the referral pathway of a partnership that has loaded guidance', async () => {
    const service = await seededService();
    const { pathway } = await service.referralPathway('warwickshire');
    expect(pathway).toEqual(guidance.referralPathway);
  });

  it('returns the partnership name alongside the referral pathway', async () => {
    const service = await seededService();
    const { partnershipName } = await service.referralPathway('warwickshire');
    expect(partnershipName).toBe('Warwickshire Prevent Partnership');
  });

  it('returns the training courses of a partnership that has loaded guidance, current ones before those of the 2017-18 plan', async () => {
    const service = await seededService();
    const { training } = await service.training('warwickshire');
    expect(training.courses.map((course) => course.id)).toEqual(['gov-uk-prevent-duty-training', 'bespoke-training', 'warwickshire-prevent-elearning', 'wrap', 'beyond-wrap']);
  });

  it('refuses the referral pathway of a partnership without guidance with GuidanceNotConfiguredError', async () => {
    const service = await seededService();
    await expect(service.referralPathway('coventry')).rejects.toBeInstanceOf(GuidanceNotConfiguredError);
  });

  it('refuses training for a partnership without guidance with GuidanceNotConfiguredError', async () => {
    const service = await seededService();
    await expect(service.training('coventry')).rejects.toBeInstanceOf(GuidanceNotConfiguredError);
  });

  it('reports missing guidance as not-found, naming the partnership', async () => {
    const service = new GuidanceService(new MemoryGuidanceRepository());
    await expect(service.referralPathway('coventry')).rejects.toMatchObject({
      code: 'not-found',
      partnershipId: 'coventry',
    });
  });

  it('makes GuidanceNotConfiguredError a NotFoundError', () => {
    expect(new GuidanceNotConfiguredError('coventry')).toBeInstanceOf(NotFoundError);
  });
});

describe('PartnershipResolver', () => {
  const TENANT = '11111111-2222-3333-4444-555555555555';

  async function resolver(): Promise<PartnershipResolver> {
    const repository = new MemoryPartnershipRepository();
    await repository.save(
      {
        id: 'warwickshire',
        name: 'Warwickshire Prevent Partnership',
        timeZone: 'Europe/London',
        frameworkId: 'home-office-2018',
        tenantIds: [],
      },
      AUTHOR,
    );
    await repository.save(
      {
        id: 'coventry',
        name: 'Coventry Prevent Partnership',
        timeZone: 'Europe/London',
        frameworkId: 'home-office-2018',
        tenantIds: [TENANT],
      },
      AUTHOR,
    );
    return new PartnershipResolver(repository, 'warwickshire');
  }

  it("resolves the partnership registered for the user's tenant", async () => {
    expect(await (await resolver()).resolveId(TENANT)).toBe('coventry');
  });

  it('falls back to the default partnership for an unregistered tenant', async () => {
    expect(await (await resolver()).resolveId('99999999-0000-0000-0000-000000000000')).toBe('warwickshire');
  });

  it('falls back to the default partnership when the tenant id is missing', async () => {
    expect(await (await resolver()).resolveId(undefined)).toBe('warwickshire');
  });

  it('falls back to the default partnership when the tenant id is empty', async () => {
    expect(await (await resolver()).resolveId('')).toBe('warwickshire');
  });

  it('gives the display name of a known partnership', async () => {
    expect(await (await resolver()).displayName('coventry')).toBe('Coventry Prevent Partnership');
  });

  it('calls an unknown partnership "your Prevent partnership"', async () => {
    expect(await (await resolver()).displayName('solihull')).toBe('your Prevent partnership');
  });
});
