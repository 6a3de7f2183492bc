import { ConflictError, InvalidError, NotFoundError } from '../../src/domain/errors';
import type { Meeting } from '../../src/domain/meetings/meeting';
import type { MeetingRepository } from '../../src/domain/ports';

/** A Steering Group meeting as the scheduling service would store it. */
export function sampleMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: '2027-03-12-1000',
    startsAt: '2027-03-12T10:00:00.000Z',
    location: 'Shire Hall, Warwick',
    agenda: [{ id: 'welcome', title: 'Welcome and apologies', details: [], source: 'standing' }],
    scheduledById: 'aad-officer',
    scheduledByName: 'Priya Officer',
    scheduledAt: '2027-01-05T09:30:00.000Z',
    attendance: {},
    decisions: [],
    ...overrides,
  };
}

/** The behaviour every MeetingRepository must have, memory or Azure Tables. */
export function describeMeetingRepositoryContract(name: string, make: () => Promise<MeetingRepository>): void {
  describe(`${name}: MeetingRepository contract`, () => {
    let repository: MeetingRepository;

    beforeEach(async () => {
      repository = await make();
    });

    it('returns undefined and an empty list before anything is scheduled', async () => {
      await expect(repository.get('warwickshire', '2027-03-12-1000')).resolves.toBeUndefined();
      await expect(repository.list('warwickshire')).resolves.toEqual([]);
    });

    it('reads back exactly the meeting it created, with an ETag', async () => {
      const meeting = sampleMeeting();
      await repository.create('warwickshire', meeting);
      const read = await repository.get('warwickshire', meeting.id);
      expect(read?.meeting).toEqual(meeting);
      expect(typeof read?.etag).toBe('string');
      expect(read?.etag.length).toBeGreaterThan(0);
    });

    it('lists meetings in start order, whatever order they were created in', async () => {
      const june = sampleMeeting({ id: '2027-06-11-1400', startsAt: '2027-06-11T13:00:00.000Z' });
      const march = sampleMeeting();
      const december = sampleMeeting({ id: '2026-12-04-0930', startsAt: '2026-12-04T09:30:00.000Z' });
      await repository.create('warwickshire', june);
      await repository.create('warwickshire', march);
      await repository.create('warwickshire', december);
      await expect(repository.list('warwickshire')).resolves.toEqual([december, march, june]);
    });

    it('keeps partnerships apart, even for the same meeting ids', async () => {
      await repository.create('warwickshire', sampleMeeting());
      await repository.create('coventry', sampleMeeting({ location: 'Council House, Coventry' }));
      await expect(repository.get('warwickshire', '2027-03-12-1000')).resolves.toMatchObject({ meeting: { location: 'Shire Hall, Warwick' } });
      await expect(repository.get('coventry', '2027-03-12-1000')).resolves.toMatchObject({ meeting: { location: 'Council House, Coventry' } });
      await expect(repository.list('warwickshire')).resolves.toHaveLength(1);
      await expect(repository.get('solihull', '2027-03-12-1000')).resolves.toBeUndefined();
      await expect(repository.list('solihull')).resolves.toEqual([]);
    });

    it('refuses a second meeting at the same time with ConflictError and keeps the first', async () => {
      await repository.create('warwickshire', sampleMeeting());
      const failure = repository.create('warwickshire', sampleMeeting({ location: 'Somewhere else' }));
      await expect(failure).rejects.toBeInstanceOf(ConflictError);
      await expect(failure).rejects.toThrow('a meeting is already scheduled at that time');
      await expect(repository.get('warwickshire', '2027-03-12-1000')).resolves.toMatchObject({ meeting: { location: 'Shire Hall, Warwick' } });
      await expect(repository.list('warwickshire')).resolves.toHaveLength(1);
    });

    it('updates a meeting on the ETag it read, and the ETag changes', async () => {
      await repository.create('warwickshire', sampleMeeting());
      const { meeting, etag } = (await repository.get('warwickshire', '2027-03-12-1000'))!;
      const updated: Meeting = {
        ...meeting,
        agenda: [...meeting.agenda, { id: 'action-plan', title: 'Action plan progress', details: ['2.3 is off track'], source: 'generated', owner: 'Prevent Officer' }],
      };
      await repository.update('warwickshire', updated, etag);
      const read = (await repository.get('warwickshire', '2027-03-12-1000'))!;
      expect(read.meeting).toEqual(updated);
      expect(read.etag).not.toBe(etag);
      await expect(repository.list('warwickshire')).resolves.toEqual([updated]);
    });

    it('refuses an update on a stale ETag with ConflictError and keeps the newer meeting', async () => {
      await repository.create('warwickshire', sampleMeeting());
      const { meeting, etag: stale } = (await repository.get('warwickshire', '2027-03-12-1000'))!;
      const first = { ...meeting, location: 'Room 1' };
      await repository.update('warwickshire', first, stale);
      await expect(repository.update('warwickshire', { ...meeting, location: 'Room 2' }, stale)).rejects.toBeInstanceOf(ConflictError);
      await expect(repository.get('warwickshire', '2027-03-12-1000')).resolves.toMatchObject({ meeting: first });
    });

    it('refuses to update a meeting that was never created with NotFoundError, creating nothing', async () => {
      await repository.create('warwickshire', sampleMeeting());
      const { etag } = (await repository.get('warwickshire', '2027-03-12-1000'))!;
      const missing = sampleMeeting({ id: '2027-06-11-1400', startsAt: '2027-06-11T13:00:00.000Z' });
      await expect(repository.update('warwickshire', missing, etag)).rejects.toBeInstanceOf(NotFoundError);
      await expect(repository.update('coventry', sampleMeeting(), etag)).rejects.toBeInstanceOf(NotFoundError);
      await expect(repository.get('warwickshire', missing.id)).resolves.toBeUndefined();
      await expect(repository.list('coventry')).resolves.toEqual([]);
    });

    it('refuses a meeting with an empty agenda with InvalidError and writes nothing', async () => {
      const failure = repository.create('warwickshire', sampleMeeting({ agenda: [] }));
      await expect(failure).rejects.toBeInstanceOf(InvalidError);
      await expect(failure).rejects.toMatchObject({ details: expect.arrayContaining([expect.stringContaining('agenda')]) });
      await expect(repository.get('warwickshire', '2027-03-12-1000')).resolves.toBeUndefined();
      await expect(repository.list('warwickshire')).resolves.toEqual([]);
    });

    it('refuses an invalid update with InvalidError and keeps the stored meeting and its ETag', async () => {
      const meeting = sampleMeeting();
      await repository.create('warwickshire', meeting);
      const { etag } = (await repository.get('warwickshire', meeting.id))!;
      await expect(repository.update('warwickshire', { ...meeting, agenda: [] }, etag)).rejects.toBeInstanceOf(InvalidError);
      await expect(repository.get('warwickshire', meeting.id)).resolves.toEqual({ meeting, etag });
    });

    it('returns undefined for an id no meeting could have, rather than failing', async () => {
      await expect(repository.get('warwickshire', 'odd/id#1?\\%2F')).resolves.toBeUndefined();
      await expect(repository.get('warwickshire', 'x'.repeat(5000))).resolves.toBeUndefined();
    });

    it('returns copies: changing a result does not change what is stored', async () => {
      const meeting = sampleMeeting();
      await repository.create('warwickshire', meeting);
      (await repository.get('warwickshire', meeting.id))!.meeting.agenda.push({ id: 'x', title: 'x', details: [], source: 'added' });
      (await repository.list('warwickshire'))[0]!.agenda.length = 0;
      await expect(repository.get('warwickshire', meeting.id)).resolves.toMatchObject({ meeting });
    });
  });
}
