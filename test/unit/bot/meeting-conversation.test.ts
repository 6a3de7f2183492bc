import { AgendaScheduler } from '../../../src/delivery/agenda-scheduler';
import { botHarness, cardSubmit, cardText, pinPartnershipChannel, PEOPLE, teamsMessage } from '../../support/bot-harness';

const plain = (text: string) => text.replace(/\\\\/g, '');

describe('Steering Group meetings', () => {
  it('schedules a meeting from "schedule meeting 12 March 2027 10:00" and shows the built agenda', async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.chair)).assertReply((reply) => {
      const text = plain(cardText(reply));
      expect(text).toContain('Meeting scheduled');
      expect(text).toContain('Friday, 12 March 2027 at 10:00');
      expect(text).toContain('Counter-Terrorism Local Profile (CTLP) update');
      expect(text).toContain('6.4 (Warwickshire and West Mercia Police): no update yet, overdue since 31 Mar 2018');
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

  it('offers the form when no date is given, quarterly by default, and schedules from it', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.officer)).assertReply(() => undefined);
    await harness.adapter.send(teamsMessage('schedule meeting', undefined, PEOPLE.officer)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Schedule a Steering Group meeting');
      expect(cardText(reply)).toContain('"id":"date","label":"Date","isRequired":true,"errorMessage":"Choose the date","value":"2027-06-11"');
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

describe('the agenda in the partnership channel', () => {
  async function withMeetingAndChannel() {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await harness.adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.officer)).assertReply(() => undefined);
    return harness;
  }

  it('is posted on "post agenda" with Attending / Sending a deputy / Apologies buttons', async () => {
    const harness = await withMeetingAndChannel();
    await harness.adapter.send(teamsMessage('post agenda', undefined, PEOPLE.officer)).assertReply((reply) => {
      expect(cardText(reply)).toContain('On its way to the partnership channel');
    });
    const posted = harness.messenger.sent.find((s) => s.reference.includes('steering-group'));
    const text = JSON.stringify(posted?.card);
    expect(text).toContain('"title":"Sending a deputy"');
    expect(text).toContain('No organisation has replied yet.');
  });

  it("shows each organisation's reply on the card as it arrives", async () => {
    const harness = await withMeetingAndChannel();
    await harness.adapter.send(cardSubmit({ verb: 'meeting-reply', meetingId: '2027-03-12-1000', status: 'apologies' }, PEOPLE.policeLead));
    await harness.adapter.send(cardSubmit({ verb: 'meeting-reply', meetingId: '2027-03-12-1000', status: 'attending' }, PEOPLE.healthLead));
    const text = plain(cardText(harness.adapter.replaced.at(-1)!));
    expect(text).toContain('Warwickshire and West Mercia Police: Apologies (Pat Police)');
    expect(text).toContain('South Warwickshire NHS Foundation Trust: Attending (Hana Health)');
    expect(text).toContain('Not replied yet: Warwickshire County Council');
  });

  it('does not take replies from staff outside every organisation', async () => {
    const harness = await withMeetingAndChannel();
    await harness.adapter.send(cardSubmit({ verb: 'meeting-reply', meetingId: '2027-03-12-1000', status: 'attending' }, PEOPLE.staff)).assertReply((reply) => {
      expect(cardText(reply)).toContain("Only members of the partnership's organisations can reply");
    });
  });

  it('is posted automatically five working days before the meeting, once, even with two instances', async () => {
    const harness = await withMeetingAndChannel();
    const first = new AgendaScheduler(harness.services, 5);
    const second = new AgendaScheduler(harness.services, 5);
    harness.advance(Date.parse('2027-03-04T09:00:00Z') - harness.services.now().getTime());
    expect(await first.tick()).toBe(0);
    harness.advance(24 * 3600 * 1000);
    const [a, b] = await Promise.all([first.tick(), second.tick()]);
    expect(a + b).toBe(1);
    expect(await first.tick()).toBe(0);
    await harness.drain();
    expect(harness.messenger.sent.filter((s) => s.reference.includes('steering-group') && JSON.stringify(s.card).includes('Apologies'))).toHaveLength(1);
  });
});

describe('editing the agenda before it is posted', () => {
  async function withMeeting() {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.officer)).assertReply(() => undefined);
    return harness;
  }

  it('adds an item with an owner, and it is on the agenda everyone sees', async () => {
    const harness = await withMeeting();
    await harness.adapter.send(
      cardSubmit({ verb: 'agenda-edit', op: 'add', meetingId: '2027-03-12-1000', title: 'Venue hire policy review', owner: 'Rugby Borough Council' }, PEOPLE.chair),
    );
    expect(plain(cardText(harness.adapter.replaced.at(-1)!))).toContain('Venue hire policy review (Rugby Borough Council)');
    await harness.adapter.send(teamsMessage('agenda', undefined, PEOPLE.staff)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Venue hire policy review');
    });
  });

  it('asks which item when none is chosen, changing nothing', async () => {
    const harness = await withMeeting();
    await harness.adapter.send(cardSubmit({ verb: 'agenda-edit', op: 'remove', meetingId: '2027-03-12-1000', itemId: '' }, PEOPLE.officer));
    expect(plain(cardText(harness.adapter.replaced.at(-1)!))).toContain('Choose an item first.');
  });

  it('screens a new item for personal data', async () => {
    const harness = await withMeeting();
    await harness.adapter.send(cardSubmit({ verb: 'agenda-edit', op: 'add', meetingId: '2027-03-12-1000', title: 'Case of John Smith, CV34 4RL' }, PEOPLE.officer));
    expect(cardText(harness.adapter.replaced.at(-1)!)).toContain('looks like it contains personal data');
    expect(JSON.stringify((await harness.services.meetings.next('warwickshire'))?.agenda)).not.toContain('John Smith');
  });

  it('is not open to partner leads', async () => {
    const harness = await withMeeting();
    await harness.adapter.send(teamsMessage('edit agenda', undefined, PEOPLE.policeLead)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Only the Prevent Officer or the chair');
    });
  });
});

describe('after the meeting', () => {
  /** A meeting on 12 March 2027, with the clock moved past it. */
  async function afterMeeting() {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.officer)).assertReply(() => undefined);
    await harness.adapter.send(cardSubmit({ verb: 'meeting-reply', meetingId: '2027-03-12-1000', status: 'attending' }, PEOPLE.policeLead));
    await harness.adapter.send(cardSubmit({ verb: 'meeting-reply', meetingId: '2027-03-12-1000', status: 'apologies' }, PEOPLE.healthLead));
    harness.advance(Date.parse('2027-03-12T12:00:00Z') - harness.services.now().getTime());
    return harness;
  }

  it('records a decision that adds an action to the plan with the next number in its theme', async () => {
    const harness = await afterMeeting();
    await harness.adapter.send(teamsMessage('record decisions', undefined, PEOPLE.chair)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Record a decision');
    });
    await harness.adapter.send(
      cardSubmit(
        {
          verb: 'decision-save',
          meetingId: '2027-03-12-1000',
          itemId: 'training',
          text: 'Run two extra WRAP sessions for district councils',
          actionText: 'Deliver two extra WRAP sessions for district councils',
          themeNumber: '3',
          ownerOrganisationId: 'wcc',
          dueDate: '2027-06-30',
        },
        PEOPLE.chair,
      ),
    );
    expect(plain(cardText(harness.adapter.replaced.at(-1)!))).toContain('Decision recorded, and action 3.2 added to the plan.');
    expect((await harness.actions.get('warwickshire', '3.2'))?.action).toMatchObject({ ownerOrganisationIds: ['wcc'], dueDate: '2027-06-30' });
  });

  it("lists the last meeting's decisions under matters arising on the next agenda", async () => {
    const harness = await afterMeeting();
    await harness.adapter.send(cardSubmit({ verb: 'decision-save', meetingId: '2027-03-12-1000', itemId: 'ctlp', text: 'Ask CTPWM for a CTLP briefing in June' }, PEOPLE.officer));
    await harness.adapter.send(teamsMessage('schedule meeting 11 June 2027 10:00', undefined, PEOPLE.officer)).assertReply((reply) => {
      expect(plain(cardText(reply))).toContain('Counter-Terrorism Local Profile (CTLP) update: Ask CTPWM for a CTLP briefing in June');
    });
  });

  it('asks for a theme and an owner when a decision names a new action without them', async () => {
    const harness = await afterMeeting();
    await harness.adapter.send(
      cardSubmit({ verb: 'decision-save', meetingId: '2027-03-12-1000', itemId: 'training', text: 'More WRAP', actionText: 'Deliver more WRAP' }, PEOPLE.officer),
    );
    expect(plain(cardText(harness.adapter.replaced.at(-1)!))).toContain('a new action needs a theme and an owner');
  });

  it("shows each organisation's attendance over the year on the partnership card", async () => {
    const harness = await afterMeeting();
    await harness.adapter.send(teamsMessage('partnership members', undefined, PEOPLE.officer)).assertReply((reply) => {
      const text = cardText(reply);
      expect(text).toContain('Attended 1 of 1 meeting in 12 months');
      expect(text).toContain('Attended 0 of 1 meeting in 12 months, apologies for 1');
    });
  });
});
