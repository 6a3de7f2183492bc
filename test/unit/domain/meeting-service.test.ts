import type { UpdateRequestService } from '../../../src/domain/actions/update-request-service';
import { ForbiddenError, NotFoundError } from '../../../src/domain/errors';
import { MeetingService } from '../../../src/domain/meetings/meeting-service';
import { londonTimeToInstant } from '../../../src/domain/meetings/meeting-time';
import type { Actor } from '../../../src/domain/partnership/member';
import { screenForPersonalData } from '../../../src/domain/privacy/screen';
import { MemoryActionRepository } from '../../../src/storage/memory/memory-action-repository';
import { MemoryAssessmentRepository } from '../../../src/storage/memory/memory-assessment-repository';
import { MemoryMeetingRepository } from '../../../src/storage/memory/memory-meeting-repository';
import { MemoryOrganisationRepository } from '../../../src/storage/memory/memory-organisation-repository';
import { sampleAction } from '../../support/action-repository-contract';

const P = 'warwickshire';
const author = { id: 'test', name: 'test' };
const CHANNEL = '{"conversation":{"id":"19:steering@thread.tacv2"}}';
const officer: Actor = { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer', organisationId: 'wcc' };
const chair: Actor = { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' };
const policeLead: Actor = { aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead', organisationId: 'police' };
const staff: Actor = { aadObjectId: 'aad-staff', name: 'Stella Staff', role: 'staff' };
/** Thursday 3 December 2026, 10:00. */
const NOW = new Date('2026-12-03T10:00:00Z');
const NEXT = londonTimeToInstant(2027, 3, 12, 10, 0);
const LAST = londonTimeToInstant(2026, 12, 1, 10, 0);

async function world(options: { channel?: string } = {}) {
  let now = NOW;
  const meetings = new MemoryMeetingRepository();
  const actions = new MemoryActionRepository();
  await actions.savePlan(
    P,
    [sampleAction('3.1', { themeTitle: 'Training' }), sampleAction('1.1', { themeTitle: 'Leadership' }), sampleAction('3.2', { themeTitle: 'Training' })],
    author,
  );
  const organisations = new MemoryOrganisationRepository();
  await organisations.save(P, { id: 'wcc', name: 'Warwickshire County Council', sector: 'local-government', aliases: [] }, author);
  await organisations.save(P, { id: 'police', name: 'Warwickshire Police', sector: 'police', aliases: [] }, author);
  // No update round is open: the agenda's "updates not returned" line is not what these tests are about.
  const updateRequests = { progress: async () => undefined } as unknown as UpdateRequestService;
  let channelLookups = 0;
  const channels = {
    channel: async () => {
      channelLookups += 1;
      return options.channel;
    },
  };
  const service = new MeetingService(meetings, actions, organisations, new MemoryAssessmentRepository(), new Map(), updateRequests, channels, screenForPersonalData, () => now);
  return {
    service,
    actions,
    meetings,
    channelLookups: () => channelLookups,
    at: (when: Date) => {
      now = when;
    },
  };
}

const NAMES = new Map([
  ['wcc', 'Warwickshire County Council'],
  ['police', 'Warwickshire Police'],
]);

describe('MeetingService.schedule: the agenda by the calendar', () => {
  it("takes the annual items of the quarter the meeting's UK date falls in", async () => {
    const { service } = await world();
    // 23:30 GMT on 31 March is 00:30 BST on 1 April: the first day of Q1.
    const meeting = await service.schedule(P, officer, londonTimeToInstant(2027, 4, 1, 0, 30), 'Shire Hall');
    const ids = meeting.agenda.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['hopa-briefing', 'terms-of-reference-review', 'swpb-annual-report']));
    expect(ids).not.toContain('ctlp-workshop');
    expect((await service.schedule(P, officer, NEXT, 'Shire Hall')).agenda.map((i) => i.id)).toEqual(expect.arrayContaining(['ctlp-workshop', 'sop-review']));
  });

  it('leaves the stored agenda of a meeting scheduled before the calendar came in as it was', async () => {
    const { service, meetings } = await world();
    const older = await service.schedule(P, officer, NEXT, 'Shire Hall');
    const stored = { ...older, agenda: older.agenda.filter((i) => i.source === 'standing' && i.id !== 'hopa-briefing') };
    await meetings.update(P, stored, (await meetings.get(P, older.id))!.etag);
    await service.schedule(P, officer, londonTimeToInstant(2027, 6, 10, 10, 0), 'Shire Hall');
    expect((await service.next(P))?.agenda).toEqual(stored.agenda);
  });
});

describe('MeetingService.scheduleFormDate', () => {
  it('suggests a date 13 weeks on to the Prevent Officer and the chair', async () => {
    const { service } = await world();
    await expect(service.scheduleFormDate(P, chair)).resolves.toBe('2027-03-04');
  });

  it('is refused to partner leads and staff', async () => {
    const { service } = await world();
    await expect(service.scheduleFormDate(P, policeLead)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service.scheduleFormDate(P, staff)).rejects.toThrow('Only the Prevent Officer or the chair can schedule Steering Group meetings.');
  });
});

describe('MeetingService.agendaToPost', () => {
  it('gives the next meeting, the organisation names its card shows and the channel it goes to', async () => {
    const { service } = await world({ channel: CHANNEL });
    const meeting = await service.schedule(P, officer, NEXT, 'Shire Hall');
    const post = await service.agendaToPost(P, chair);
    expect(post.meeting.id).toBe(meeting.id);
    expect(post.organisationNames).toEqual(NAMES);
    expect(post.channel).toBe(CHANNEL);
  });

  it('says to schedule a meeting first when none is coming up', async () => {
    const { service } = await world({ channel: CHANNEL });
    await expect(service.agendaToPost(P, officer)).rejects.toThrow(new NotFoundError('No Steering Group meeting is scheduled yet. Say "schedule meeting" first.'));
  });

  it('says how to set the channel when none is pinned', async () => {
    const { service } = await world();
    await service.schedule(P, officer, NEXT, '');
    await expect(service.agendaToPost(P, officer)).rejects.toThrow("No partnership channel is set yet: the Prevent Officer types 'use this channel'");
  });

  it('is refused to a partner lead before anything is looked up', async () => {
    const { service, channelLookups } = await world({ channel: CHANNEL });
    await service.schedule(P, officer, NEXT, '');
    await expect(service.agendaToPost(P, policeLead)).rejects.toBeInstanceOf(ForbiddenError);
    expect(channelLookups()).toBe(0);
  });
});

describe('MeetingService.channelAgenda and channelPost', () => {
  it('give the card its organisation names; only the automatic post looks up the channel', async () => {
    const { service, channelLookups } = await world({ channel: CHANNEL });
    const meeting = await service.schedule(P, officer, NEXT, '');
    expect(await service.channelAgenda(P, meeting)).toEqual({ meeting, organisationNames: NAMES });
    expect(channelLookups()).toBe(0);
    expect(await service.channelPost(P, meeting)).toEqual({ meeting, organisationNames: NAMES, channel: CHANNEL });
  });

  it('leave the channel out until one is pinned', async () => {
    const { service } = await world();
    const meeting = await service.schedule(P, officer, NEXT, '');
    expect(await service.channelPost(P, meeting)).not.toHaveProperty('channel');
  });
});

describe('MeetingService.replyAndShow', () => {
  it("records the reply for the replier's organisation and gives the card's organisation names", async () => {
    const { service } = await world({ channel: CHANNEL });
    const meeting = await service.schedule(P, officer, NEXT, '');
    const reply = await service.replyAndShow(P, policeLead, meeting.id, 'apologies', false);
    expect(reply.meeting.attendance['police']).toMatchObject({ status: 'apologies', byName: 'Pat Police' });
    expect((await service.get(P, meeting.id)).attendance['police']?.status).toBe('apologies');
    expect(reply.organisationNames).toEqual(NAMES);
    expect(reply).not.toHaveProperty('channel');
  });

  it('gives the channel to refresh only when asked and the agenda has been posted there', async () => {
    const { service, channelLookups } = await world({ channel: CHANNEL });
    const meeting = await service.schedule(P, officer, NEXT, '');
    expect(await service.replyAndShow(P, policeLead, meeting.id, 'attending', true)).not.toHaveProperty('channel');
    expect(channelLookups()).toBe(0);
    await service.recordPosted(P, meeting.id, 'activity-1');
    expect((await service.replyAndShow(P, policeLead, meeting.id, 'deputy', true)).channel).toBe(CHANNEL);
  });

  it('still gives the saved reply when the channel cannot be looked up: the channel card is only a courtesy', async () => {
    const { service } = await world();
    const meeting = await service.schedule(P, officer, NEXT, '');
    await service.recordPosted(P, meeting.id, 'activity-1');
    const failing = Object.assign(Object.create(Object.getPrototypeOf(service)), service, { channels: { channel: async () => Promise.reject(new Error('storage down')) } });
    const reply = await (failing as MeetingService).replyAndShow(P, policeLead, meeting.id, 'attending', true);
    expect(reply.meeting.attendance['police']?.status).toBe('attending');
    expect(reply).not.toHaveProperty('channel');
  });

  it('is refused to someone with no organisation', async () => {
    const { service } = await world();
    const meeting = await service.schedule(P, officer, NEXT, '');
    await expect(service.replyAndShow(P, chair, meeting.id, 'attending', false)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('MeetingService.agendaToEdit and editAgendaAndShow', () => {
  it('open the next meeting for the Prevent Officer or the chair, and refuse anyone else', async () => {
    const { service } = await world();
    await expect(service.agendaToEdit(P, chair)).rejects.toThrow('No Steering Group meeting is scheduled yet.');
    const meeting = await service.schedule(P, officer, NEXT, '');
    expect((await service.agendaToEdit(P, chair)).id).toBe(meeting.id);
    await expect(service.agendaToEdit(P, policeLead)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service.editAgendaAndShow(P, staff, meeting.id, { op: 'add', title: 'Any other business' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('give back the edited agenda once saved', async () => {
    const { service } = await world();
    const meeting = await service.schedule(P, officer, NEXT, '');
    const outcome = await service.editAgendaAndShow(P, chair, meeting.id, { op: 'add', title: 'Schools visits this term' });
    expect(outcome.kind).toBe('saved');
    expect(outcome.view.agenda.map((i) => i.title)).toContain('Schools visits this term');
  });

  it('give back the agenda as stored, and why, when an item is missing or names a person', async () => {
    const { service } = await world();
    const meeting = await service.schedule(P, officer, NEXT, '');
    const missing = await service.editAgendaAndShow(P, chair, meeting.id, { op: 'add', title: '' });
    expect(missing).toMatchObject({ kind: 'not-saved', reason: 'invalid', message: 'Write the new item first.' });
    expect(missing.view.agenda).toEqual(meeting.agenda);
    const personal = await service.editAgendaAndShow(P, chair, meeting.id, { op: 'add', title: 'Case of John Smith, CV34 4RL' });
    expect(personal).toMatchObject({ kind: 'not-saved', reason: 'personal-data', message: 'The new item looks like it contains personal data about someone. Nothing was saved.' });
    expect(personal.kind === 'not-saved' && personal.details.length).toBeGreaterThan(0);
    expect((await service.get(P, meeting.id)).agenda).toEqual(meeting.agenda);
  });
});

describe('MeetingService.decisionForm and recordDecisionAndShow', () => {
  async function held() {
    const w = await world();
    w.at(new Date(LAST.getTime() - 24 * 3600 * 1000));
    const meeting = await w.service.schedule(P, officer, LAST, '');
    w.at(NOW);
    return { ...w, meeting };
  }

  it("offer the last meeting held, the plan's themes in order and the organisations", async () => {
    const { service, meeting } = await held();
    const form = await service.decisionForm(P, chair);
    expect(form.meeting.id).toBe(meeting.id);
    expect(form.themes).toEqual([
      { number: 1, title: 'Leadership' },
      { number: 3, title: 'Training' },
    ]);
    expect(form.organisations).toEqual([
      { id: 'wcc', name: 'Warwickshire County Council' },
      { id: 'police', name: 'Warwickshire Police' },
    ]);
    expect((await service.decisionForm(P, officer, meeting.id)).meeting.id).toBe(meeting.id);
  });

  it('say there is nothing to record against before any meeting has taken place', async () => {
    const { service } = await world();
    await expect(service.decisionForm(P, officer)).rejects.toThrow('No Steering Group meeting has taken place yet');
  });

  it('are refused to partner leads and staff', async () => {
    const { service, meeting } = await held();
    await expect(service.decisionForm(P, policeLead)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service.decisionForm(P, staff, meeting.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service.recordDecisionAndShow(P, policeLead, meeting.id, { itemId: meeting.agenda[0]!.id, text: 'Agreed.' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('record a decision that adds an action, and give back the form with the new action counted', async () => {
    const { service, meeting, actions } = await held();
    const outcome = await service.recordDecisionAndShow(P, chair, meeting.id, {
      itemId: meeting.agenda[0]!.id,
      text: 'Refresh the training offer.',
      newAction: { text: 'Run two WRAP sessions for schools', themeNumber: 3, ownerOrganisationId: 'police' },
    });
    expect(outcome).toMatchObject({ kind: 'saved', newActionId: '3.3' });
    expect(outcome.view.meeting.decisions.map((d) => d.text)).toEqual(['Refresh the training offer.']);
    expect((await actions.list(P)).map((r) => r.action.id)).toContain('3.3');
  });

  it('give back the form as stored, and why, when the decision is not saved', async () => {
    const { service, meeting } = await held();
    const outcome = await service.recordDecisionAndShow(P, chair, meeting.id, { itemId: 'no-such-item', text: 'Agreed.' });
    expect(outcome).toMatchObject({ kind: 'not-saved', reason: 'invalid', message: "That item is not on this meeting's agenda.", details: ['itemId: choose an agenda item'] });
    expect(outcome.view.meeting.decisions).toEqual([]);
    expect(outcome.view.themes).toHaveLength(2);
  });
});
