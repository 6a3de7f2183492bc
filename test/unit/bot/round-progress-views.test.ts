import { botHarness, cardExecute, cardOf, channelMessage, invokeCardOf, PEOPLE, pinPartnershipChannel, teamsMessage, type Person } from '../../support/bot-harness';
import { cardProblems } from '../../support/adaptive-card-checks';

const inChannel = { conversation: channelMessage('') };
const plain = (card: unknown) => JSON.stringify(card).replace(/\\\\/g, '');

/** The channel pinned, 1:1 chats with the officer and the police lead, and an update round under way. */
async function roundUnderWay() {
  const harness = await botHarness();
  await pinPartnershipChannel(harness);
  for (const person of [PEOPLE.officer, PEOPLE.policeLead]) await harness.adapter.send(teamsMessage('hello', undefined, person)).assertReply(() => undefined);
  await harness.adapter.send(teamsMessage('request updates', undefined, PEOPLE.officer)).assertReply(() => undefined);
  const posted = harness.messenger.sent.find((s) => s.reference.includes('steering-group') && JSON.stringify(s.card).includes('actions updated'))!;
  const roundId = (posted.card['refresh'] as { action: { data: { roundId: string } } }).action.data.roundId;
  return { harness, posted, roundId };
}

const viewOf = (roundId: string, person: Person, trigger: 'automatic' | 'manual' = 'automatic') =>
  cardExecute('round-progress-view', { roundId }, person, { ...inChannel, trigger });

describe("the channel's progress card, a view per person", () => {
  it('is posted refreshing for the officer and the leads the bot can name, with "Show my view" for the rest', async () => {
    const { posted, roundId } = await roundUnderWay();
    expect(posted.card['refresh']).toEqual({
      action: { type: 'Action.Execute', title: 'Show my view', verb: 'round-progress-view', data: { verb: 'round-progress-view', roundId } },
      userIds: ['user-aad-officer', 'user-aad-police'],
    });
    expect(plain(posted.card)).toContain('"title":"Show my view"');
    expect(cardProblems(posted.card)).toEqual([]);
  });

  it("shows a partner lead their own organisation's line, and moves it when they update", async () => {
    const { harness, roundId } = await roundUnderWay();
    await harness.adapter.send(viewOf(roundId, PEOPLE.policeLead)).assertReply((reply) => {
      const card = invokeCardOf(reply);
      expect(plain(card)).toContain('Your organisation, Warwickshire and West Mercia Police: 0 of 2 of its actions updated.');
      expect(plain(card)).toContain('0 of 3 actions updated');
      expect(card['actions']).toEqual([]);
      expect((card['refresh'] as { userIds: string[] }).userIds).toEqual(['user-aad-police']);
      expect(cardProblems(card)).toEqual([]);
    });

    harness.advance(60_000);
    let data: Record<string, string> = {};
    await harness.adapter.send(teamsMessage('update action 6.4', undefined, PEOPLE.policeLead)).assertReply((reply) => {
      data = (cardOf(reply) as { actions: { data: Record<string, string> }[] }).actions[0]!.data;
    });
    await harness.adapter
      .send(cardExecute('action-update', { ...data, status: 'complete', progressNote: 'Venue checks in place.' }, PEOPLE.policeLead))
      .assertReply(() => undefined);
    await harness.drain();
    const refreshed = harness.messenger.replaced.filter((r) => r.reference.includes('steering-group')).at(-1)!;
    expect(plain(refreshed.card)).toContain('1 of 3 actions updated');
    expect(refreshed.card['refresh']).toMatchObject({ action: { verb: 'round-progress-view' } });
    await harness.adapter.send(viewOf(roundId, PEOPLE.policeLead, 'manual')).assertReply((reply) => {
      expect(plain(invokeCardOf(reply))).toContain('Your organisation, Warwickshire and West Mercia Police: 1 of 2 of its actions updated.');
    });
  });

  it('shows anyone who answers for no organisation the count alone, writing nothing', async () => {
    const { harness, roundId } = await roundUnderWay();
    const sent = harness.messenger.sent.length;
    await harness.adapter.send(viewOf(roundId, PEOPLE.staff)).assertReply((reply) => {
      const card = plain(invokeCardOf(reply));
      expect(card).toContain('0 of 3 actions updated');
      expect(card).not.toContain('Your organisation');
    });
    await harness.drain();
    expect(harness.messenger.sent.length).toBe(sent);
  });

  it('a card left from an earlier round says so instead of showing the new round as if it were its own', async () => {
    const { harness } = await roundUnderWay();
    await harness.adapter.send(viewOf('2026-01-01T00:00:00.000Z', PEOPLE.policeLead)).assertReply((reply) => {
      expect(plain(invokeCardOf(reply))).toContain('This progress card is for an earlier update round');
    });
  });
});

describe("the channel's self-assessment progress card, a view per person", () => {
  async function assessmentUnderWay() {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    for (const person of [PEOPLE.officer, PEOPLE.healthLead]) await harness.adapter.send(teamsMessage('hello', undefined, person)).assertReply(() => undefined);
    await harness.adapter.send(cardExecute('assessment-start', { name: '2026/27 Q3', frameworkId: 'home-office-2018', closesOn: '2026-12-31' })).assertReply(() => undefined);
    await harness.drain();
    // The channel also gets @mention cards for leads the bot cannot reach 1:1: the counter is the one that counts.
    const posted = harness.messenger.sent.find((s) => s.reference.includes('steering-group') && JSON.stringify(s.card).includes('organisations returned'))!;
    return { harness, posted };
  }

  it('is posted refreshing for the officer and the leads the bot can name', async () => {
    const { posted } = await assessmentUnderWay();
    expect(plain(posted.card)).toContain('0 of 3 organisations returned');
    expect(posted.card['refresh']).toEqual({
      action: { type: 'Action.Execute', title: 'Show my view', verb: 'assessment-progress-view', data: { verb: 'assessment-progress-view', roundId: '2026-27-q3' } },
      userIds: ['user-aad-officer', 'user-aad-health'],
    });
    expect(cardProblems(posted.card)).toEqual([]);
  });

  it("shows a partner lead where their own organisation's return stands; staff see the count alone", async () => {
    const { harness } = await assessmentUnderWay();
    const view = (person: Person) => cardExecute('assessment-progress-view', { roundId: '2026-27-q3' }, person, { ...inChannel, trigger: 'automatic' });
    await harness.adapter.send(view(PEOPLE.healthLead)).assertReply((reply) => {
      const card = invokeCardOf(reply);
      expect(plain(card)).toContain('Your organisation, South Warwickshire NHS Foundation Trust: not started yet.');
      expect(cardProblems(card)).toEqual([]);
    });
    await harness.adapter.send(view(PEOPLE.staff)).assertReply((reply) => {
      expect(plain(invokeCardOf(reply))).not.toContain('Your organisation');
    });
  });
});
