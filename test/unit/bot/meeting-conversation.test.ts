import { botHarness, cardSubmit, cardText, PEOPLE, teamsMessage } from '../../support/bot-harness';

const plain = (text: string) => text.replace(/\\\\/g, '');

describe('Steering Group meetings', () => {
  it('schedules a meeting from "schedule meeting 12 March 2027 10:00" and shows the built agenda', async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.chair)).assertReply((reply) => {
      const text = plain(cardText(reply));
      expect(text).toContain('Meeting scheduled');
      expect(text).toContain('Friday, 12 March 2027 at 10:00');
      expect(text).toContain('Counter-Terrorism Local Profile (CTLP) update');
      expect(text).toContain('6.4 (Warwickshire and West Mercia Police): no update yet, overdue since 2018-03-31');
    });
  });

  it('shows anyone the next meeting\'s agenda when asked "next meeting"', async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.officer)).assertReply(() => undefined);
    await adapter.send(teamsMessage('when is the next meeting?', undefined, PEOPLE.staff)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Prevent Steering Group: agenda');
      expect(cardText(reply)).not.toContain('Meeting scheduled');
    });
  });

  it('says so when no meeting is scheduled', async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage('agenda', undefined, PEOPLE.staff)).assertReply((reply) => {
      expect(cardText(reply)).toContain('No Steering Group meeting is scheduled yet.');
    });
  });

  it('offers the form when no date is given, and schedules from it', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('schedule meeting', undefined, PEOPLE.officer)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Schedule a Steering Group meeting');
    });
    await harness.adapter.send(cardSubmit({ verb: 'meeting-schedule', date: '2027-06-10', time: '14:30', location: 'Shire Hall, Warwick' }, PEOPLE.officer));
    const text = plain(cardText(harness.adapter.replaced.at(-1)!));
    expect(text).toContain('Thursday, 10 June 2027 at 14:30');
    expect(text).toContain('Shire Hall, Warwick');
  });

  it('gives the form back for a time in the past, scheduling nothing', async () => {
    const harness = await botHarness();
    await harness.adapter.send(cardSubmit({ verb: 'meeting-schedule', date: '2020-01-01', time: '10:00', location: '' }, PEOPLE.officer));
    expect(cardText(harness.adapter.replaced.at(-1)!)).toContain('That time has already passed');
    expect(await harness.services.meetings.next('warwickshire')).toBeUndefined();
  });

  it('refuses a second meeting at the same time', async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.officer)).assertReply(() => undefined);
    await adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.officer)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Someone else changed this first');
    });
  });

  it('is not open to partner leads or staff', async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.policeLead)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Only the Prevent Officer or the chair can schedule');
    });
  });
});
