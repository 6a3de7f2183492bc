import { ForbiddenError } from '../../../../src/domain/errors';
import { MembershipService } from '../../../../src/domain/partnership/membership-service';
import { PartnershipAdminService } from '../../../../src/domain/partnership/partnership-admin-service';
import { chair, NOW, officer, P, policeLead, staff, world } from './world';

const TEAM = [
  { aadObjectId: 'aad-new', name: 'Nia Newcomer' },
  { aadObjectId: 'aad-police', name: 'Pat Police' },
];

async function setUp() {
  const w = await world();
  const attendance = { meetings: 2, byOrganisation: new Map([['police', { attended: 2, apologies: 0 }]]) };
  const meetings = { attendanceSince: jest.fn(async () => attendance) };
  const admin = new PartnershipAdminService(new MembershipService(w.members, w.organisations), w.channels, meetings, () => NOW);
  const roster = jest.fn(async () => TEAM);
  return { ...w, admin, meetings, attendance, roster };
}

describe('PartnershipAdminService.overview', () => {
  it("shows the Steering Group the organisations, members, a year's attendance and the channel; only the officer may edit", async () => {
    const { admin, meetings, attendance } = await setUp();
    const overview = await admin.overview(P, officer);
    expect(overview.organisations).toHaveLength(4);
    expect(overview.members.map((m) => m.aadObjectId).sort()).toEqual(['aad-chair', 'aad-health', 'aad-officer', 'aad-police']);
    expect(overview.attendance).toBe(attendance);
    expect(meetings.attendanceSince).toHaveBeenCalledWith(P, '2025-12-03T10:00:00.000Z');
    expect(overview.channel).toEqual({ state: 'not-set' });
    expect(overview.canEdit).toBe(true);
    expect((await admin.overview(P, chair)).canEdit).toBe(false);
  });

  it('is refused to staff', async () => {
    await expect((await setUp()).admin.overview(P, staff)).rejects.toThrow(ForbiddenError);
  });
});

describe('PartnershipAdminService.memberChoices', () => {
  it("offers existing members only, without asking Teams, until the partnership's team is known", async () => {
    const { admin, roster } = await setUp();
    const choices = await admin.memberChoices(P, officer, roster);
    expect(choices.teamKnown).toBe(false);
    expect(roster).not.toHaveBeenCalled();
    expect(choices.people.map((p) => p.name)).toEqual(['Charles Chair', 'Hana Health', 'Pat Police', 'Priya Officer']);
  });

  it("adds the pinned channel's team roster, each person once, by name", async () => {
    const { admin, roster, pinChannel } = await setUp();
    await pinChannel();
    const choices = await admin.memberChoices(P, officer, roster);
    expect(roster).toHaveBeenCalledWith('team-1');
    expect(choices.teamKnown).toBe(true);
    expect(choices.people.map((p) => p.name)).toEqual(['Charles Chair', 'Hana Health', 'Nia Newcomer', 'Pat Police', 'Priya Officer']);
  });

  it('is refused to the chair, who never gets the roster read', async () => {
    const { admin, roster, pinChannel } = await setUp();
    await pinChannel();
    await expect(admin.memberChoices(P, chair, roster)).rejects.toThrow(ForbiddenError);
    expect(roster).not.toHaveBeenCalled();
  });
});

describe('PartnershipAdminService.saveMember', () => {
  it('saves someone from the team with the name Teams gives, and returns the partnership card to show', async () => {
    const { admin, roster, pinChannel, members } = await setUp();
    await pinChannel();
    const outcome = await admin.saveMember(P, officer, { aadObjectId: 'aad-new', role: 'partner-lead', organisationId: 'health', preventLead: true }, roster);
    expect(outcome).toMatchObject({ kind: 'saved', member: { name: 'Nia Newcomer', role: 'partner-lead' }, organisation: { id: 'health', preventLeadId: 'aad-new' } });
    expect(outcome.kind === 'saved' && outcome.overview.members.map((m) => m.aadObjectId)).toContain('aad-new');
    expect(await members.get(P, 'aad-new')).toMatchObject({ organisationId: 'health' });
  });

  it('gives the form back for someone not in the team, or a partner lead without an organisation', async () => {
    const { admin, roster } = await setUp();
    expect(await admin.saveMember(P, officer, { aadObjectId: 'aad-new', role: 'chair', preventLead: false }, roster)).toMatchObject({
      kind: 'not-saved',
      problems: ['That person is not in the partnership team.', 'choose someone from the list'],
    });
    const outcome = await admin.saveMember(P, officer, { aadObjectId: 'aad-chair', role: 'partner-lead', preventLead: false }, roster);
    expect(outcome).toMatchObject({ kind: 'not-saved', problems: ['A partner lead must belong to an organisation.', 'choose the organisation they lead for'] });
    expect(outcome.kind === 'not-saved' && outcome.choices.people.length).toBe(4);
  });

  it('is refused to anyone but the Prevent Officer', async () => {
    const { admin, roster } = await setUp();
    for (const actor of [chair, policeLead, staff])
      await expect(admin.saveMember(P, actor, { aadObjectId: 'aad-chair', role: 'chair', preventLead: false }, roster)).rejects.toThrow(ForbiddenError);
  });
});

describe('PartnershipAdminService: organisations', () => {
  it('adds a new organisation or changes an existing one, and says which, with the card to show', async () => {
    const { admin } = await setUp();
    const added = await admin.saveOrganisation(P, officer, { name: 'Rugby College', sector: 'education-childcare', aliases: [] });
    expect([added.organisation.id, added.added, added.overview.organisations.length]).toEqual(['rugby-college', true, 5]);
    const changed = await admin.saveOrganisation(P, officer, { organisationId: 'rugby-college', name: 'Rugby FE College', sector: 'education-childcare', aliases: ['RFC'] });
    expect([changed.organisation.name, changed.added]).toEqual(['Rugby FE College', false]);
  });

  it('lets only the Prevent Officer pick or edit organisations', async () => {
    const { admin } = await setUp();
    expect((await admin.organisationChoices(P, officer)).map((o) => o.id)).toContain('police');
    expect(() => admin.mayEditOrganisations(officer)).not.toThrow();
    await expect(admin.organisationChoices(P, chair)).rejects.toThrow(ForbiddenError);
    expect(() => admin.mayEditOrganisations(chair)).toThrow(ForbiddenError);
    await expect(admin.saveOrganisation(P, chair, { name: 'Rugby College', sector: 'education-childcare', aliases: [] })).rejects.toThrow(ForbiddenError);
  });
});
