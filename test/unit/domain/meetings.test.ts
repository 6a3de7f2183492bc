import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFramework } from '../../../src/domain/assessment/framework-catalogue';
import { buildAgenda, type AgendaFacts } from '../../../src/domain/meetings/agenda-builder';
import { applyAgendaEdit } from '../../../src/domain/meetings/agenda-edit';
import { readMeetingStart } from '../../../src/domain/calendar/date-phrases';
import { workingDaysBefore } from '../../../src/domain/calendar/working-days';
import { londonTimeToInstant, meetingIdFor } from '../../../src/domain/meetings/meeting-time';
import { STANDING_ITEMS } from '../../../src/domain/meetings/standing-items';
import { sampleAction, sampleProgress } from '../../support/action-repository-contract';

describe('meeting times', () => {
  /** Thursday 3 December 2026, 10:00 GMT. */
  const NOW = new Date('2026-12-03T10:00:00Z');

  it.each([
    ['schedule meeting 12 March 2027 10:00', '2027-03-12T10:00:00.000Z'],
    ['schedule meeting on 12/03/2027 at 2pm', '2027-03-12T14:00:00.000Z'],
    ['schedule meeting 2027-06-10 14:30', '2027-06-10T13:30:00.000Z'], // BST
    ['Schedule meeting 3rd Sept 2027', '2027-09-03T09:00:00.000Z'], // 10:00 BST when no time is given
    ['schedule meeting 12 March 2027 12am', '2027-03-12T00:00:00.000Z'],
    ['schedule meeting 12 March 10:00', '2027-03-12T10:00:00.000Z'],
    ['schedule meeting next Thursday at 2', '2026-12-10T14:00:00.000Z'], // a bare 2 is 2pm
    ['schedule meeting a week on Friday', '2026-12-11T10:00:00.000Z'],
    ['schedule meeting 10 June 2027 at 2', '2027-06-10T13:00:00.000Z'], // 2pm BST
  ])('reads "%s" as UK time (%s)', (text, iso) => {
    expect(readMeetingStart(text, NOW)?.toISOString()).toBe(iso);
  });

  it.each(['schedule meeting', 'schedule meeting next week', 'schedule meeting 31/02/2027', 'schedule meeting 12 March 2027 25:00'])('finds no complete date in "%s"', (text) => {
    expect(readMeetingStart(text, NOW)).toBeUndefined();
  });

  it('names a meeting by its start in UK time', () => {
    expect(meetingIdFor(londonTimeToInstant(2027, 7, 1, 9, 30))).toBe('2027-07-01-0930');
  });
});

describe('the generated agenda', () => {
  const organisationNames = new Map([['police', 'Warwickshire and West Mercia Police']]);
  /** A meeting in Q2 (July to September), the quarter with no annual items. */
  const base: AgendaFacts = { today: '2026-11-22', meetingDate: '2027-08-12', actions: [], organisationNames };

  it("is the SOP's standing items, in order, when nothing needs attention", () => {
    expect(buildAgenda(base).map((i) => i.id)).toEqual(STANDING_ITEMS.map((i) => i.id));
  });

  it('reminds the Channel Panel update to give numbers only, never people', () => {
    expect(buildAgenda(base).find((i) => i.id === 'channel-panel')?.details).toContain('Numbers only: never details of people.');
  });

  it('lists off-track and overdue actions, with their owners, under the action plan item', () => {
    const agenda = buildAgenda({
      ...base,
      actions: [
        { action: sampleAction('6.4', { dueDate: '2018-03-31' }), etag: '1' },
        { action: sampleAction('3.1', { dueDate: '2027-03-31' }), progress: sampleProgress('nonce-0001', { status: 'off-track' }), etag: '1' },
        { action: sampleAction('3.2', { dueDate: '2027-03-31' }), progress: sampleProgress('nonce-0002', { status: 'on-track' }), etag: '1' },
      ],
    });
    const ids = agenda.map((i) => i.id);
    expect(ids.indexOf('actions-attention')).toBe(ids.indexOf('action-plan') + 1);
    expect(agenda.find((i) => i.id === 'actions-attention')?.details).toEqual([
      '6.4 (Warwickshire and West Mercia Police): no update yet, overdue since 31 Mar 2018',
      '3.1 (Warwickshire and West Mercia Police): Off track',
    ]);
  });

  it('names the organisations that have not returned updates', () => {
    const agenda = buildAgenda({ ...base, notReturnedUpdates: ['Rugby Borough Council'] });
    expect(agenda.find((i) => i.id === 'updates-not-returned')?.details).toEqual(['Rugby Borough Council']);
  });

  it('lists the benchmarks of the latest self-assessment where a rating is below Achieving', () => {
    const framework = parseFramework(JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'src', 'data', 'frameworks', 'home-office-2018.json'), 'utf8')));
    const rated = (rating: 'developing' | 'achieving') => ({ rating, details: '', updatedById: 'a', updatedByName: 'A', updatedAt: '2026-11-01T00:00:00.000Z' });
    const agenda = buildAgenda({
      ...base,
      assessment: {
        roundName: '2026/27 Q3',
        framework,
        returns: [{ roundId: 'r', organisationId: 'police', ratings: { '4.1': rated('developing'), '4.2': rated('achieving'), '7.1': rated('developing') } }],
      },
    });
    expect(agenda.find((i) => i.id === 'benchmarks-attention')?.details).toEqual([
      'Benchmark 4 Referral Process: 1 rating below Achieving',
      'Benchmark 7 Training Programme: 1 rating below Achieving',
    ]);
  });
});

describe('editing the agenda', () => {
  const ids = (agenda: readonly { id: string }[]) => agenda.map((i) => i.id);

  it('adds an item before "Any other business", which stays last', () => {
    const agenda = applyAgendaEdit(STANDING_ITEMS, { op: 'add', title: 'Venue hire policy review', owner: 'Rugby Borough Council' });
    expect(ids(agenda).slice(-2)).toEqual(['added-1', 'aob']);
    expect(agenda.at(-2)).toMatchObject({ source: 'added', owner: 'Rugby Borough Council' });
  });

  it('moves an item up and down, and leaves the first item where it is when moved up', () => {
    expect(ids(applyAgendaEdit(STANDING_ITEMS, { op: 'up', itemId: 'minutes' })).slice(0, 2)).toEqual(['minutes', 'welcome']);
    expect(ids(applyAgendaEdit(STANDING_ITEMS, { op: 'down', itemId: 'welcome' })).slice(0, 2)).toEqual(['minutes', 'welcome']);
    expect(ids(applyAgendaEdit(STANDING_ITEMS, { op: 'up', itemId: 'welcome' }))).toEqual(ids(STANDING_ITEMS));
  });

  it('removes an item and gives one an owner', () => {
    expect(ids(applyAgendaEdit(STANDING_ITEMS, { op: 'remove', itemId: 'ctlp' }))).not.toContain('ctlp');
    expect(applyAgendaEdit(STANDING_ITEMS, { op: 'owner', itemId: 'training', owner: 'Prevent Officer' }).find((i) => i.id === 'training')?.owner).toBe('Prevent Officer');
  });

  it('refuses an item that is no longer on the agenda', () => {
    expect(() => applyAgendaEdit(STANDING_ITEMS, { op: 'remove', itemId: 'gone' })).toThrow('That item is no longer on the agenda.');
  });
});

describe('working days', () => {
  it.each([
    ['2027-03-12', 5, '2027-03-05'],
    ['2027-03-15', 1, '2027-03-12'],
    ['2027-03-15', 0, '2027-03-15'],
    ['2027-03-30', 1, '2027-03-25'], // not Easter Monday, the weekend or Good Friday
    ['2027-01-04', 1, '2026-12-31'], // not New Year's Day
  ])('%s less %i working days is %s', (date, n, expected) => {
    expect(workingDaysBefore(date, n)).toBe(expected);
  });
});
