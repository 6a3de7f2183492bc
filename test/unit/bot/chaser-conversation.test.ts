import type { Activity } from 'botbuilder';
import { ChaserScheduler } from '../../../src/delivery/chaser-scheduler';
import { botHarness, cardOf, cardSubmit, cardText, pinPartnershipChannel, HARNESS_NOW, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';

type Harness = Awaited<ReturnType<typeof botHarness>>;
type Card = { actions?: { title: string; data: Record<string, unknown> }[] };

const plain = (text: string) => text.replace(/\\\\/g, '');

async function say(harness: Harness, text: string, person: Person = PEOPLE.officer): Promise<Partial<Activity>> {
  let answer: Partial<Activity> = {};
  await harness.adapter.send(teamsMessage(text, undefined, person)).assertReply((reply) => {
    answer = reply;
  });
  return answer;
}

/** An update round with Pat Police (police: 6.1, 6.4) able to be reached; WCC has no lead. */
async function withUpdateRound(): Promise<Harness> {
  const harness = await botHarness();
  await say(harness, 'hello', PEOPLE.policeLead);
  await say(harness, 'request updates');
  return harness;
}

function chasersTo(harness: Harness, person: Person) {
  return harness.messenger.sent.filter((s) => s.reference.includes(`personal-${person.aadObjectId}`) && JSON.stringify(s.card).includes('Reminder:'));
}

/** The Prevent Officer's delivery card for a reply, as the sender last refreshed it. */
function latestStatus(harness: Harness, reply: Partial<Activity>): string {
  const refreshed = harness.messenger.replaced.filter((r) => r.activityId === reply.id).at(-1);
  return plain(refreshed ? JSON.stringify(refreshed.card) : cardText(reply));
}

async function updateAction(harness: Harness, actionId: string, person: Person): Promise<void> {
  let data: Record<string, string> = {};
  await harness.adapter.send(teamsMessage(`update action ${actionId}`, undefined, person)).assertReply((reply) => {
    data = (cardOf(reply) as { actions: { data: Record<string, string> }[] }).actions[0]!.data;
  });
  await harness.adapter.send(cardSubmit({ ...data, status: 'on-track', progressNote: 'Progressing as planned.' }, person));
}

describe("who hasn't replied", () => {
  it('lists each organisation that still owes updates, what it owes and who answers for it', async () => {
    const harness = await withUpdateRound();
    const text = plain(cardText(await say(harness, "who hasn't replied?")));
    expect(text).toContain('Action plan updates requested on 22 Nov 2026');
    expect(text).toContain('Due 4 Dec 2026. Chasers go out on 25 Nov 2026 and 2 Dec 2026.');
    expect(text).toContain('Warwickshire and West Mercia Police (6.1, 6.4): Pat Police');
    expect(text).toContain('Warwickshire County Council (3.1, 6.1): no Prevent lead is registered');
  });

  it('is open to the chair, without the button to send chasers', async () => {
    const harness = await withUpdateRound();
    const card = cardOf(await say(harness, 'who has not replied', PEOPLE.chair)) as Card;
    expect(JSON.stringify(card)).toContain('Pat Police');
    expect(card.actions ?? []).toEqual([]);
  });

  it('is refused to partner leads', async () => {
    const harness = await withUpdateRound();
    expect(cardText(await say(harness, "who hasn't replied", PEOPLE.policeLead))).toContain('Only the Prevent Officer or the chair');
  });

  it('says so when nothing is waiting for replies', async () => {
    const harness = await botHarness();
    expect(cardText(await say(harness, "who hasn't replied"))).toContain('Nobody owes a reply');
  });
});

describe('send chasers', () => {
  it('reminds each lead of an organisation that has not replied, with the deadline and a button to its update card', async () => {
    const harness = await withUpdateRound();
    const reply = await say(harness, 'send chasers');
    const [chaser] = chasersTo(harness, PEOPLE.policeLead);
    const text = plain(JSON.stringify(chaser?.card));
    expect(text).toContain('Warwickshire and West Mercia Police has not yet updated 2 actions of the action plan: 6.1, 6.4.');
    expect(text).toContain('Updates are due by 4 Dec 2026.');
    expect(text).toContain('"title":"Open the update card"');
    expect(latestStatus(harness, reply)).toContain('Finished sending to 1 person in 1 organisation: 1 sent.');
  });

  it('chases nobody twice on the same day', async () => {
    const harness = await withUpdateRound();
    await say(harness, 'send chasers');
    const again = await say(harness, 'send chasers');
    expect(chasersTo(harness, PEOPLE.policeLead)).toHaveLength(1);
    const status = latestStatus(harness, again);
    expect(status).toContain('No chasers to send.');
    expect(status).toContain('1 person was chased today already and is not chased again.');
  });

  it('chases again on a later day', async () => {
    const harness = await withUpdateRound();
    await say(harness, 'send chasers');
    harness.advance(24 * 3600 * 1000);
    await say(harness, 'send chasers');
    expect(chasersTo(harness, PEOPLE.policeLead)).toHaveLength(2);
  });

  it('does not chase an organisation that has replied', async () => {
    const harness = await withUpdateRound();
    harness.advance(60_000);
    await updateAction(harness, '6.1', PEOPLE.policeLead);
    await updateAction(harness, '6.4', PEOPLE.policeLead);
    await say(harness, 'send chasers');
    expect(chasersTo(harness, PEOPLE.policeLead)).toEqual([]);
  });

  it('is refused to the chair', async () => {
    const harness = await withUpdateRound();
    expect(cardText(await say(harness, 'send chasers', PEOPLE.chair))).toContain('Only the Prevent Officer can send chasers.');
    expect(chasersTo(harness, PEOPLE.policeLead)).toEqual([]);
  });
});

describe("the chaser's button", () => {
  it('opens the same update card the organisation was asked to fill in', async () => {
    const harness = await withUpdateRound();
    await say(harness, 'send chasers');
    const card = chasersTo(harness, PEOPLE.policeLead)[0]!.card as Card;
    await harness.adapter.send(cardSubmit(card.actions![0]!.data, PEOPLE.policeLead)).assertReply((reply) => {
      const text = cardText(reply);
      expect(text).toContain('Update request: Warwickshire and West Mercia Police');
      expect(text).toContain('Update 6.4');
    });
  });

  it("shows an organisation's action list to nobody outside it and the Steering Group, even when the button is replayed", async () => {
    const harness = await withUpdateRound();
    await say(harness, 'send chasers');
    const card = chasersTo(harness, PEOPLE.policeLead)[0]!.card as Card;
    for (const outsider of [PEOPLE.staff, PEOPLE.healthLead]) {
      await harness.adapter.send(cardSubmit(card.actions![0]!.data, outsider)).assertReply((reply) => {
        const text = cardText(reply);
        expect(text).not.toContain('Update 6.4');
        expect(text).toContain('You cannot do that');
      });
    }
  });

  it('opens the self-assessment at the first benchmark not yet rated', async () => {
    const harness = await botHarness();
    await say(harness, 'hello', PEOPLE.policeLead);
    await harness.adapter.send(cardSubmit({ verb: 'assessment-start', name: '2026/27 Q3', frameworkId: 'home-office-2018', closesOn: '2026-12-31' }, PEOPLE.officer));
    await say(harness, 'send chasers');
    const chaser = chasersTo(harness, PEOPLE.policeLead)[0]!;
    expect(plain(JSON.stringify(chaser.card))).toContain('has not yet submitted its return for self-assessment 2026/27 Q3');
    await harness.adapter.send(cardSubmit((chaser.card as Card).actions![0]!.data, PEOPLE.policeLead)).assertReply((reply) => {
      expect(plain(cardText(reply))).toContain('Benchmark 1 of 10');
    });
  });

  it('offers the agenda reply buttons, and a reply from the chat shows on the channel card', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await say(harness, 'hello', PEOPLE.policeLead);
    await say(harness, 'schedule meeting 12 March 2027 10:00');
    await say(harness, 'post agenda');
    await say(harness, 'send chasers');
    const chaser = chasersTo(harness, PEOPLE.policeLead)[0]!;
    expect(plain(JSON.stringify(chaser.card))).toContain('has not yet said whether it will attend the Steering Group meeting on 12 Mar 2027');
    await harness.adapter.send(cardSubmit((chaser.card as Card).actions![0]!.data, PEOPLE.policeLead)).assertReply((reply) => {
      expect(cardText(reply)).toContain('"title":"Sending a deputy"');
    });
    await harness.adapter.send(cardSubmit({ verb: 'meeting-reply', meetingId: '2027-03-12-1000', status: 'attending' }, PEOPLE.policeLead));
    const posted = harness.messenger.sent.find((s) => s.reference.includes('steering-group') && JSON.stringify(s.card).includes('Apologies'))!;
    const refreshed = harness.messenger.replaced.filter((r) => r.activityId === posted.id).at(-1);
    expect(plain(JSON.stringify(refreshed?.card))).toContain('Warwickshire and West Mercia Police: Attending (Pat Police)');
  });
});

describe('scheduled chasers', () => {
  const at = (iso: string) => Date.parse(iso) - HARNESS_NOW.getTime();

  it('go out 7 working days before the deadline, from 9:00, to those who have not replied', async () => {
    const harness = await withUpdateRound();
    const scheduler = new ChaserScheduler(harness.services);
    harness.advance(at('2026-11-24T10:00:00Z'));
    expect(await scheduler.tick()).toBe(0);
    harness.advance(at('2026-11-25T08:00:00Z') - at('2026-11-24T10:00:00Z'));
    expect(await scheduler.tick()).toBe(0);
    harness.advance(2 * 3600 * 1000);
    expect(await scheduler.tick()).toBe(1);
    await harness.drain();
    expect(chasersTo(harness, PEOPLE.policeLead)).toHaveLength(1);
  });

  it('chase each person once on a chaser day, however many instances and passes run', async () => {
    const harness = await withUpdateRound();
    harness.advance(at('2026-12-02T11:00:00Z'));
    const [a, b] = await Promise.all([new ChaserScheduler(harness.services).tick(), new ChaserScheduler(harness.services).tick()]);
    expect(a + b).toBe(1);
    await say(harness, 'send chasers');
    await harness.drain();
    expect(chasersTo(harness, PEOPLE.policeLead)).toHaveLength(1);
  });
});
