import { InvalidError } from '../../src/domain/errors';
import type { Member } from '../../src/domain/partnership/member';
import type { Organisation } from '../../src/domain/partnership/organisation';
import type { ChangeAuthor, MemberRepository, OrganisationRepository } from '../../src/domain/ports';

/**
 * Behaviour every OrganisationRepository and MemberRepository must show, whatever stores it. The
 * memory versions (unit tests) and the Table versions (integration tests, on Azurite) both run
 * these, so a service tested against memory behaves the same in production. Storage-specific
 * behaviour (history rows, unreachable storage) is tested next to each implementation.
 */

const AUTHOR: ChangeAuthor = { id: 'aad-officer', name: 'Priya Officer' };
/** Characters Azure Table keys refuse, plus the escape character of our encoding. */
const AWKWARD = 'odd/id#1?\\%2F';
/** The conversation reference cap both member repositories enforce. */
const MAX_REFERENCE_CHARS = 16 * 1024;

export const organisations = {
  council: { id: 'wcc', name: 'Warwickshire County Council', sector: 'local-government', aliases: ['WCC'], preventLeadId: 'aad-lead-wcc' },
  police: { id: 'warks-police', name: 'Warwickshire Police', sector: 'police', aliases: ['Police Prevent Team'] },
  college: { id: 'nwslc', name: 'North Warwickshire and South Leicestershire College', sector: 'education-childcare', aliases: [] },
} satisfies Record<string, Organisation>;

export const members = {
  officer: { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer' },
  chair: { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' },
  lead: { aadObjectId: 'aad-lead-wcc', name: 'Lena Lead', role: 'partner-lead', organisationId: 'wcc' },
} satisfies Record<string, Member>;

/** A realistic serialised Bot Framework ConversationReference for a 1:1 chat. */
export function conversationReference(aadObjectId: string, conversationId = 'a:1-personal-chat'): string {
  return JSON.stringify({
    activityId: 'f:1234',
    user: { id: '29:1abc', aadObjectId, name: 'Someone' },
    bot: { id: '28:bot-app-id', name: 'Prevent Partnership' },
    conversation: { conversationType: 'personal', tenantId: 'tenant-a', id: conversationId },
    channelId: 'msteams',
    locale: 'en-GB',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
  });
}

export function describeOrganisationRepositoryContract(name: string, make: () => Promise<OrganisationRepository>): void {
  describe(`${name}: OrganisationRepository contract`, () => {
    let repository: OrganisationRepository;

    beforeEach(async () => {
      repository = await make();
    });

    it('returns undefined and an empty list before anything is saved', async () => {
      await expect(repository.get('warwickshire', 'wcc')).resolves.toBeUndefined();
      await expect(repository.list('warwickshire')).resolves.toEqual([]);
    });

    it('reads back exactly the organisation it saved', async () => {
      await repository.save('warwickshire', organisations.council, AUTHOR);
      await expect(repository.get('warwickshire', 'wcc')).resolves.toEqual(organisations.council);
    });

    it('stores what the schema makes of the input: trimmed name, aliases defaulting to none', async () => {
      const input = { id: 'wmas', name: '  West Midlands Ambulance Service ', sector: 'health-social-care' } as unknown as Organisation;
      await repository.save('warwickshire', input, AUTHOR);
      await expect(repository.get('warwickshire', 'wmas')).resolves.toEqual({ id: 'wmas', name: 'West Midlands Ambulance Service', sector: 'health-social-care', aliases: [] });
    });

    it('replaces an organisation saved again under the same id', async () => {
      await repository.save('warwickshire', organisations.council, AUTHOR);
      const renamed = { ...organisations.council, name: 'Warwickshire County Council (Children and Families)', preventLeadId: 'aad-new-lead' };
      await repository.save('warwickshire', renamed, { id: 'aad-chair', name: 'Charles Chair' });
      await expect(repository.get('warwickshire', 'wcc')).resolves.toEqual(renamed);
      await expect(repository.list('warwickshire')).resolves.toEqual([renamed]);
    });

    it('lists organisations sorted by name, whatever order they were saved in', async () => {
      await repository.save('warwickshire', organisations.police, AUTHOR);
      await repository.save('warwickshire', organisations.council, AUTHOR);
      await repository.save('warwickshire', organisations.college, AUTHOR);
      await repository.save('warwickshire', organisations.police, AUTHOR);
      const listed = await repository.list('warwickshire');
      expect(listed.map((o) => o.name)).toEqual(['North Warwickshire and South Leicestershire College', 'Warwickshire County Council', 'Warwickshire Police']);
      expect(listed).toEqual([organisations.college, organisations.council, organisations.police]);
    });

    it('breaks ties between equal names by id, so the order never depends on storage', async () => {
      await repository.save('warwickshire', { ...organisations.council, id: 'zz-council', name: 'Same Name' }, AUTHOR);
      await repository.save('warwickshire', { ...organisations.police, id: 'aa-police', name: 'Same Name' }, AUTHOR);
      await expect(repository.list('warwickshire').then((l) => l.map((o) => o.id))).resolves.toEqual(['aa-police', 'zz-council']);
    });

    it('refuses an organisation with an unknown sector with InvalidError and writes nothing', async () => {
      const invalid = { ...organisations.council, sector: 'space-agency' } as unknown as Organisation;
      const failure = repository.save('warwickshire', invalid, AUTHOR);
      await expect(failure).rejects.toBeInstanceOf(InvalidError);
      await expect(failure).rejects.toMatchObject({ details: expect.arrayContaining([expect.stringContaining('sector')]) });
      await expect(repository.get('warwickshire', 'wcc')).resolves.toBeUndefined();
      await expect(repository.list('warwickshire')).resolves.toEqual([]);
    });

    it('refuses an organisation id that is not a slug, and leaves a valid stored one untouched', async () => {
      await repository.save('warwickshire', organisations.council, AUTHOR);
      await expect(repository.save('warwickshire', { ...organisations.council, id: 'WCC/East' }, AUTHOR)).rejects.toBeInstanceOf(InvalidError);
      await expect(repository.save('warwickshire', { ...organisations.council, name: '   ' }, AUTHOR)).rejects.toBeInstanceOf(InvalidError);
      await expect(repository.list('warwickshire')).resolves.toEqual([organisations.council]);
    });

    it('keeps partnerships apart, even for the same organisation ids', async () => {
      await repository.save('warwickshire', organisations.council, AUTHOR);
      await repository.save('coventry', { ...organisations.council, name: 'Coventry City Council' }, AUTHOR);
      await expect(repository.get('warwickshire', 'wcc')).resolves.toMatchObject({ name: 'Warwickshire County Council' });
      await expect(repository.get('coventry', 'wcc')).resolves.toMatchObject({ name: 'Coventry City Council' });
      await expect(repository.list('warwickshire')).resolves.toHaveLength(1);
      await expect(repository.get('solihull', 'wcc')).resolves.toBeUndefined();
    });

    it('works with partnership ids and lookups containing characters Table keys forbid', async () => {
      await repository.save(AWKWARD, organisations.police, AUTHOR);
      await expect(repository.get(AWKWARD, 'warks-police')).resolves.toEqual(organisations.police);
      await expect(repository.list(AWKWARD)).resolves.toEqual([organisations.police]);
      await expect(repository.get(AWKWARD, AWKWARD)).resolves.toBeUndefined();
      await expect(repository.get('odd', 'warks-police')).resolves.toBeUndefined();
    });

    it('returns copies: changing a result does not change what is stored', async () => {
      await repository.save('warwickshire', organisations.police, AUTHOR);
      const read = await repository.get('warwickshire', 'warks-police');
      read!.aliases.push('changed in memory only');
      (await repository.list('warwickshire'))[0]!.aliases.push('changed in memory only');
      await expect(repository.get('warwickshire', 'warks-police')).resolves.toEqual(organisations.police);
    });
  });
}

export function describeMemberRepositoryContract(name: string, make: () => Promise<MemberRepository>): void {
  describe(`${name}: MemberRepository contract`, () => {
    let repository: MemberRepository;

    beforeEach(async () => {
      repository = await make();
    });

    it('returns undefined and an empty list before anything is saved', async () => {
      await expect(repository.get('warwickshire', 'aad-officer')).resolves.toBeUndefined();
      await expect(repository.list('warwickshire')).resolves.toEqual([]);
    });

    it('reads back exactly the member it saved, by AAD object id', async () => {
      await repository.save('warwickshire', members.lead, AUTHOR);
      await expect(repository.get('warwickshire', 'aad-lead-wcc')).resolves.toEqual(members.lead);
    });

    it('replaces a member saved again, e.g. when their role changes', async () => {
      await repository.save('warwickshire', members.lead, AUTHOR);
      const promoted: Member = { aadObjectId: 'aad-lead-wcc', name: 'Lena Lead', role: 'chair' };
      await repository.save('warwickshire', promoted, AUTHOR);
      await expect(repository.get('warwickshire', 'aad-lead-wcc')).resolves.toEqual(promoted);
      await expect(repository.list('warwickshire')).resolves.toEqual([promoted]);
    });

    it('lists members sorted by name, ties broken by AAD object id', async () => {
      await repository.save('warwickshire', members.officer, AUTHOR);
      await repository.save('warwickshire', members.lead, AUTHOR);
      await repository.save('warwickshire', members.chair, AUTHOR);
      await repository.save('warwickshire', { aadObjectId: 'aad-another-charles', name: 'Charles Chair', role: 'staff' }, AUTHOR);
      const listed = await repository.list('warwickshire');
      expect(listed.map((m) => [m.name, m.aadObjectId])).toEqual([
        ['Charles Chair', 'aad-another-charles'],
        ['Charles Chair', 'aad-chair'],
        ['Lena Lead', 'aad-lead-wcc'],
        ['Priya Officer', 'aad-officer'],
      ]);
      expect(listed[2]).toEqual(members.lead);
    });

    it('refuses a partner lead without an organisation with InvalidError and writes nothing', async () => {
      const invalid: Member = { aadObjectId: 'aad-lead-wcc', name: 'Lena Lead', role: 'partner-lead' };
      const failure = repository.save('warwickshire', invalid, AUTHOR);
      await expect(failure).rejects.toBeInstanceOf(InvalidError);
      await expect(failure).rejects.toMatchObject({ details: expect.arrayContaining([expect.stringContaining('organisationId')]) });
      await expect(repository.get('warwickshire', 'aad-lead-wcc')).resolves.toBeUndefined();
      await expect(repository.list('warwickshire')).resolves.toEqual([]);
    });

    it('refuses an unknown role and leaves the stored member as it was', async () => {
      await repository.save('warwickshire', members.chair, AUTHOR);
      const invalid = { ...members.chair, role: 'admin' } as unknown as Member;
      await expect(repository.save('warwickshire', invalid, AUTHOR)).rejects.toBeInstanceOf(InvalidError);
      await expect(repository.get('warwickshire', 'aad-chair')).resolves.toEqual(members.chair);
    });

    it('keeps partnerships apart, even for the same AAD object ids', async () => {
      await repository.save('warwickshire', members.lead, AUTHOR);
      await repository.save('coventry', { ...members.lead, role: 'staff', organisationId: undefined }, AUTHOR);
      await expect(repository.get('warwickshire', 'aad-lead-wcc')).resolves.toMatchObject({ role: 'partner-lead' });
      await expect(repository.get('coventry', 'aad-lead-wcc')).resolves.toMatchObject({ role: 'staff' });
      await expect(repository.list('coventry')).resolves.toHaveLength(1);
      await expect(repository.get('solihull', 'aad-lead-wcc')).resolves.toBeUndefined();
    });

    it('works with AAD object ids and partnership ids containing characters Table keys forbid', async () => {
      const odd: Member = { aadObjectId: AWKWARD, name: 'Odd Id', role: 'staff' };
      const lookalike: Member = { aadObjectId: 'odd%2Fid', name: 'Lookalike', role: 'staff' };
      const slashed: Member = { aadObjectId: 'odd/id', name: 'Slashed', role: 'staff' };
      for (const member of [odd, lookalike, slashed]) await repository.save(AWKWARD, member, AUTHOR);
      await expect(repository.get(AWKWARD, AWKWARD)).resolves.toEqual(odd);
      await expect(repository.get(AWKWARD, 'odd%2Fid')).resolves.toEqual(lookalike);
      await expect(repository.get(AWKWARD, 'odd/id')).resolves.toEqual(slashed);
      await expect(repository.list(AWKWARD)).resolves.toEqual([lookalike, odd, slashed]);
    });

    it('returns undefined for an id no member could have, rather than failing', async () => {
      await expect(repository.get('warwickshire', 'x'.repeat(5000))).resolves.toBeUndefined();
      await expect(repository.get('warwickshire', '')).resolves.toBeUndefined();
    });

    it('keeps a guest or external member marked as such, and drops the mark when it is saved without one', async () => {
      await repository.save('warwickshire', { ...members.lead, access: 'guest' }, AUTHOR);
      await repository.save('warwickshire', { ...members.chair, access: 'external' }, AUTHOR);
      await expect(repository.get('warwickshire', members.lead.aadObjectId)).resolves.toEqual({ ...members.lead, access: 'guest' });
      await expect(repository.get('warwickshire', members.chair.aadObjectId)).resolves.toEqual({ ...members.chair, access: 'external' });
      await repository.save('warwickshire', members.lead, AUTHOR);
      await expect(repository.get('warwickshire', members.lead.aadObjectId)).resolves.toEqual(members.lead);
    });

    describe('conversation references', () => {
      it('returns undefined for someone the bot has never talked to', async () => {
        await expect(repository.getConversationReference('warwickshire', 'aad-officer')).resolves.toBeUndefined();
      });

      it('reads back exactly the reference it saved', async () => {
        const reference = conversationReference('aad-officer');
        await repository.saveConversationReference('warwickshire', 'aad-officer', reference);
        await expect(repository.getConversationReference('warwickshire', 'aad-officer')).resolves.toBe(reference);
      });

      it('overwrites the reference when Teams gives a new one', async () => {
        await repository.saveConversationReference('warwickshire', 'aad-officer', conversationReference('aad-officer', 'a:old'));
        await repository.saveConversationReference('warwickshire', 'aad-officer', conversationReference('aad-officer', 'a:new'));
        await expect(repository.getConversationReference('warwickshire', 'aad-officer')).resolves.toBe(conversationReference('aad-officer', 'a:new'));
      });

      it('keeps references for anyone, member or not, and never shows them as members', async () => {
        await repository.saveConversationReference('warwickshire', 'aad-staff', conversationReference('aad-staff'));
        await repository.save('warwickshire', members.officer, AUTHOR);
        await repository.saveConversationReference('warwickshire', 'aad-officer', conversationReference('aad-officer'));
        await expect(repository.get('warwickshire', 'aad-staff')).resolves.toBeUndefined();
        await expect(repository.get('warwickshire', 'aad-officer')).resolves.toEqual(members.officer);
        await expect(repository.list('warwickshire')).resolves.toEqual([members.officer]);
      });

      it("forgets one person's reference (the bot was removed from their chat), says whether there was one, and keeps the member", async () => {
        await repository.save('warwickshire', members.officer, AUTHOR);
        await repository.saveConversationReference('warwickshire', 'aad-officer', conversationReference('aad-officer'));
        await repository.saveConversationReference('warwickshire', 'aad-chair', conversationReference('aad-chair'));
        await expect(repository.forgetConversationReference('warwickshire', 'aad-officer')).resolves.toBe(true);
        await expect(repository.getConversationReference('warwickshire', 'aad-officer')).resolves.toBeUndefined();
        await expect(repository.forgetConversationReference('warwickshire', 'aad-officer')).resolves.toBe(false);
        await expect(repository.getConversationReference('warwickshire', 'aad-chair')).resolves.toBe(conversationReference('aad-chair'));
        await expect(repository.get('warwickshire', 'aad-officer')).resolves.toEqual(members.officer);
      });

      it('keeps partnerships and people apart', async () => {
        await repository.saveConversationReference('warwickshire', 'aad-officer', 'warwickshire-ref');
        await repository.saveConversationReference('coventry', 'aad-officer', 'coventry-ref');
        await repository.saveConversationReference('warwickshire', 'aad-chair', 'chair-ref');
        await expect(repository.getConversationReference('warwickshire', 'aad-officer')).resolves.toBe('warwickshire-ref');
        await expect(repository.getConversationReference('coventry', 'aad-officer')).resolves.toBe('coventry-ref');
        await expect(repository.getConversationReference('coventry', 'aad-chair')).resolves.toBeUndefined();
      });

      it('works with AAD object ids and partnership ids containing characters Table keys forbid', async () => {
        await repository.saveConversationReference(AWKWARD, AWKWARD, 'awkward-ref');
        await repository.saveConversationReference(AWKWARD, 'odd/id', 'slashed-ref');
        await expect(repository.getConversationReference(AWKWARD, AWKWARD)).resolves.toBe('awkward-ref');
        await expect(repository.getConversationReference(AWKWARD, 'odd/id')).resolves.toBe('slashed-ref');
        await expect(repository.getConversationReference(AWKWARD, 'odd%2Fid')).resolves.toBeUndefined();
      });

      it(`accepts a reference of ${MAX_REFERENCE_CHARS} characters and refuses a longer one with InvalidError, keeping the old one`, async () => {
        const longest = 'é'.repeat(MAX_REFERENCE_CHARS);
        await repository.saveConversationReference('warwickshire', 'aad-officer', longest);
        await expect(repository.getConversationReference('warwickshire', 'aad-officer')).resolves.toBe(longest);
        await expect(repository.saveConversationReference('warwickshire', 'aad-officer', `${longest}x`)).rejects.toBeInstanceOf(InvalidError);
        await expect(repository.getConversationReference('warwickshire', 'aad-officer')).resolves.toBe(longest);
      });

      it('refuses an empty reference or an empty AAD object id with InvalidError', async () => {
        await expect(repository.saveConversationReference('warwickshire', 'aad-officer', '')).rejects.toBeInstanceOf(InvalidError);
        await expect(repository.saveConversationReference('warwickshire', '', 'a-ref')).rejects.toBeInstanceOf(InvalidError);
        await expect(repository.getConversationReference('warwickshire', 'aad-officer')).resolves.toBeUndefined();
      });
    });
  });
}
