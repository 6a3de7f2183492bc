import { UpdateRequestService } from '../../src/domain/actions/update-request-service';
import { MeetingService } from '../../src/domain/meetings/meeting-service';
import type { Organisation } from '../../src/domain/partnership/organisation';
import { londonTimeToInstant } from '../../src/domain/meetings/meeting-time';
import { screenForPersonalData } from '../../src/domain/privacy/screen';
import { ActionTableRepository } from '../../src/storage/tables/action-table-repository';
import { AssessmentTableRepository } from '../../src/storage/tables/assessment-table-repository';
import { MeetingTableRepository } from '../../src/storage/tables/meeting-table-repository';
import { MemberTableRepository } from '../../src/storage/tables/member-table-repository';
import { OrganisationTableRepository } from '../../src/storage/tables/organisation-table-repository';
import { UpdateRoundTableRepository } from '../../src/storage/tables/update-round-table-repository';
import { MemoryChannelRepository } from '../../src/storage/memory/memory-round-and-channel-repositories';
import { freshTableStorage } from '../support/test-storage';

/** Meetings never ask for an update deadline. */
const NO_DEADLINES = { updateDeadline: () => Promise.reject(new Error('not used')), chaserDates: () => [] };

const officer = { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer' as const, organisationId: 'wcc' };
const police = { aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead' as const, organisationId: 'police' };
const health = { aadObjectId: 'aad-health', name: 'Hana Health', role: 'partner-lead' as const, organisationId: 'swft' };

describe('meetings, attendance and decisions on Azurite', () => {
  async function service(now: () => Date, partners: readonly Organisation[] = []) {
    const storage = await freshTableStorage();
    const actions = new ActionTableRepository(storage.client('actions'));
    const organisations = new OrganisationTableRepository(storage.client('organisations'));
    for (const partner of partners) await organisations.save('warwickshire', partner, { id: 'test', name: 'test' });
    const members = new MemberTableRepository(storage.client('members'));
    const assessments = new AssessmentTableRepository(storage.client('assessments'));
    const updates = new UpdateRequestService(
      actions,
      organisations,
      members,
      new UpdateRoundTableRepository(storage.client('actions')),
      new MemoryChannelRepository(),
      NO_DEADLINES,
      now,
    );
    return new MeetingService(
      new MeetingTableRepository(storage.client('meetings')),
      actions,
      organisations,
      assessments,
      new Map(),
      updates,
      { channel: async () => undefined },
      screenForPersonalData,
      now,
    );
  }

  it('suggests the next meeting 13 weeks on, moved to the next working day when that is a bank holiday', async () => {
    const meetings = await service(() => new Date('2026-12-01T09:00:00Z'));
    // 13 weeks after Monday 28 December 2026 is Easter Monday, 29 March 2027.
    await meetings.schedule('warwickshire', officer, londonTimeToInstant(2026, 12, 28, 10, 0), 'Shire Hall');
    await expect(meetings.suggestedNextDate('warwickshire')).resolves.toBe('2027-03-30');
  });

  it("keeps every organisation's reply when replies arrive at the same moment", async () => {
    let clock = new Date('2027-01-10T09:00:00Z');
    const meetings = await service(() => clock);
    const meeting = await meetings.schedule('warwickshire', officer, londonTimeToInstant(2027, 3, 12, 10, 0), 'Shire Hall');
    await Promise.all([
      meetings.reply('warwickshire', police, meeting.id, 'attending'),
      meetings.reply('warwickshire', health, meeting.id, 'apologies'),
      meetings.reply('warwickshire', officer, meeting.id, 'deputy'),
    ]);
    const stored = await meetings.get('warwickshire', meeting.id);
    expect(Object.fromEntries(Object.entries(stored.attendance).map(([org, reply]) => [org, reply.status]))).toEqual({
      police: 'attending',
      swft: 'apologies',
      wcc: 'deputy',
    });
    clock = new Date('2027-03-12T12:00:00Z');
    const year = await meetings.attendanceSince('warwickshire', '2026-03-12T00:00:00Z');
    expect(year.meetings).toBe(1);
    expect(year.byOrganisation.get('swft')).toEqual({ attended: 0, apologies: 1 });
  });

  it('stores decisions with the meeting', async () => {
    const meetings = await service(() => new Date('2027-03-12T12:00:00Z'));
    const meeting = await meetings.schedule('warwickshire', officer, londonTimeToInstant(2027, 6, 11, 10, 0), '');
    await meetings.recordDecision('warwickshire', officer, meeting.id, { itemId: 'training', text: 'Refresh the WRAP calendar' });
    expect((await meetings.get('warwickshire', meeting.id)).decisions.map((d) => d.text)).toEqual(['Refresh the WRAP calendar']);
  });

  it("screens decisions and new agenda items knowing the partnership's organisations: a partner's venue passes, a child at a partner school does not", async () => {
    const meetings = await service(() => new Date('2027-03-12T12:00:00Z'), [{ id: 'geh', name: 'George Eliot Hospital', sector: 'health-social-care', aliases: [] }]);
    const meeting = await meetings.schedule('warwickshire', officer, londonTimeToInstant(2027, 6, 11, 10, 0), '');
    const venue = 'Next training at George Eliot Hospital, Nuneaton CV10 7DJ';
    await meetings.recordDecision('warwickshire', officer, meeting.id, { itemId: 'training', text: venue });
    await meetings.editAgenda('warwickshire', officer, meeting.id, { op: 'add', title: venue });
    await expect(
      meetings.recordDecision('warwickshire', officer, meeting.id, { itemId: 'training', text: 'Discussed the girl in year 8 at George Eliot Hospital school' }),
    ).rejects.toMatchObject({ details: [expect.stringMatching(/school and year group/)] });
    expect((await meetings.get('warwickshire', meeting.id)).decisions.map((d) => d.text)).toEqual([venue]);
  });
});
