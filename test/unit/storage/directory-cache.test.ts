import { CachedMemberRepository, CachedOrganisationRepository, CachedPartnershipRepository } from '../../../src/storage/cache/directory-cache';
import { TtlCache } from '../../../src/storage/cache/ttl-cache';
import { MemoryMemberRepository } from '../../../src/storage/memory/memory-member-repository';
import { MemoryOrganisationRepository } from '../../../src/storage/memory/memory-organisation-repository';
import { MemoryPartnershipRepository } from '../../../src/storage/memory/memory-partnership-repository';
import type { MemberRepository } from '../../../src/domain/ports';

const AUTHOR = { id: 'test', name: 'test' };
const lead = { aadObjectId: 'aad-lead', name: 'Pat Police', role: 'partner-lead', organisationId: 'police' } as const;

/** Counts the reads that reach the repository behind the cache. */
function counting(inner: MemberRepository) {
  const reads = { get: 0, list: 0 };
  const repository: MemberRepository = {
    get: (p, id) => (reads.get++, inner.get(p, id)),
    list: (p) => (reads.list++, inner.list(p)),
    save: (p, m, a) => inner.save(p, m, a),
    saveConversationReference: (p, id, r) => inner.saveConversationReference(p, id, r),
    getConversationReference: (p, id) => inner.getConversationReference(p, id),
    forgetConversationReference: (p, id) => inner.forgetConversationReference(p, id),
  };
  return { repository, reads };
}

describe('who-is-who read through the per-instance cache', () => {
  it('reads a member once while the cache is fresh, and again once it has expired', async () => {
    let now = 0;
    const { repository, reads } = counting(new MemoryMemberRepository());
    await repository.save('warwickshire', lead, AUTHOR);
    const members = new CachedMemberRepository(repository, { ttlMs: 30_000, clock: () => now });
    await members.get('warwickshire', 'aad-lead');
    await members.get('warwickshire', 'aad-lead');
    expect(reads.get).toBe(1);
    now = 30_001;
    await members.get('warwickshire', 'aad-lead');
    expect(reads.get).toBe(2);
  });

  it('remembers that someone is not a member, so staff asking for the referral pathway cost no read either', async () => {
    const { repository, reads } = counting(new MemoryMemberRepository());
    const members = new CachedMemberRepository(repository, { clock: () => 0 });
    expect(await members.get('warwickshire', 'aad-staff')).toBeUndefined();
    expect(await members.get('warwickshire', 'aad-staff')).toBeUndefined();
    expect(reads.get).toBe(1);
  });

  it("takes a role change made through this instance at once (the Prevent Officer's member form)", async () => {
    const members = new CachedMemberRepository(new MemoryMemberRepository(), { clock: () => 0 });
    await members.save('warwickshire', lead, AUTHOR);
    expect((await members.get('warwickshire', 'aad-lead'))?.role).toBe('partner-lead');
    expect(await members.list('warwickshire')).toHaveLength(1);
    await members.save('warwickshire', { ...lead, role: 'staff' }, AUTHOR);
    expect((await members.get('warwickshire', 'aad-lead'))?.role).toBe('staff');
    expect((await members.list('warwickshire')).map((m) => m.role)).toEqual(['staff']);
  });

  it('sees a change made elsewhere (another instance, a tool) only after the cache time', async () => {
    let now = 0;
    const shared = new MemoryMemberRepository();
    await shared.save('warwickshire', lead, AUTHOR);
    const members = new CachedMemberRepository(shared, { ttlMs: 30_000, clock: () => now });
    await members.get('warwickshire', 'aad-lead');
    await shared.save('warwickshire', { ...lead, role: 'staff' }, AUTHOR);
    expect((await members.get('warwickshire', 'aad-lead'))?.role).toBe('partner-lead');
    now = 30_001;
    expect((await members.get('warwickshire', 'aad-lead'))?.role).toBe('staff');
  });

  it('hands each caller its own copy of a list, so one sorting it cannot reorder another', async () => {
    const organisations = new CachedOrganisationRepository(new MemoryOrganisationRepository(), { clock: () => 0 });
    await organisations.save('warwickshire', { id: 'wcc', name: 'Warwickshire County Council', sector: 'local-government', aliases: [] }, AUTHOR);
    await organisations.save('warwickshire', { id: 'police', name: 'Police', sector: 'police', aliases: [] }, AUTHOR);
    const first = await organisations.list('warwickshire');
    const order = first.map((o) => o.id);
    first.reverse();
    expect((await organisations.list('warwickshire')).map((o) => o.id)).toEqual(order);
    expect((await organisations.get('warwickshire', 'police'))?.name).toBe('Police');
  });

  it("forgets every tenant's partnership when a partnership is saved (its tenants may have moved)", async () => {
    const partnerships = new CachedPartnershipRepository(new MemoryPartnershipRepository(), { clock: () => 0 });
    const partnership = { id: 'warwickshire', name: 'Warwickshire Prevent Partnership', timeZone: 'Europe/London', frameworkId: 'home-office-2018', tenantIds: ['tenant-a'] };
    await partnerships.save(partnership, AUTHOR);
    expect((await partnerships.findByTenant('tenant-a'))?.id).toBe('warwickshire');
    expect(await partnerships.findByTenant('tenant-b')).toBeUndefined();
    await partnerships.save({ ...partnership, tenantIds: ['tenant-b'] }, AUTHOR);
    expect(await partnerships.findByTenant('tenant-a')).toBeUndefined();
    expect((await partnerships.findByTenant('tenant-b'))?.id).toBe('warwickshire');
  });
});

describe('the cache itself', () => {
  it('shares one load between reads that arrive together, and keeps no failed load', async () => {
    const cache = new TtlCache<string>(30_000, () => 0);
    let loads = 0;
    const load = async () => `value ${++loads}`;
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual(['value 1', 'value 1']);
    await expect(cache.get('failing', () => Promise.reject(new Error('storage did not answer')))).rejects.toThrow('storage did not answer');
    expect(await cache.get('failing', async () => 'answered')).toBe('answered');
  });

  it('holds a bounded number of entries whatever keys arrive', async () => {
    const cache = new TtlCache<number>(30_000, () => 0, 3);
    let loads = 0;
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, async () => ++loads);
    await cache.get('a', async () => ++loads);
    expect(loads).toBe(5);
  });
});
