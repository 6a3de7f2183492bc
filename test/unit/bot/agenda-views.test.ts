import { botHarness, cardExecute, channelMessage, invokeCardOf, PEOPLE, pinPartnershipChannel, teamsMessage, type Person } from '../../support/bot-harness';
import { cardProblems } from '../../support/adaptive-card-checks';

const P = 'warwickshire';
const MEETING = '2027-03-12-1000';
const inChannel = { conversation: channelMessage('') };
const plain = (card: unknown) => JSON.stringify(card).replace(/\\\\/g, '');
const teamsIdOf = (person: Person) => `user-${person.aadObjectId}`;

/** A meeting, the channel pinned, and 1:1 chats with everyone but the health lead (so the bot knows their Teams ids). */
async function postedAgenda() {
  const harness = await botHarness();
  for (const person of [PEOPLE.officer, PEOPLE.chair, PEOPLE.policeLead, PEOPLE.staff]) {
    await harness.adapter.send(teamsMessage('thanks', undefined, person)).assertReply(() => undefined);
  }
  await pinPartnershipChannel(harness);
  await harness.adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.officer)).assertReply(() => undefined);
  await harness.adapter.send(teamsMessage('post agenda', undefined, PEOPLE.officer)).assertReply(() => undefined);
  const posted = harness.messenger.sent.find((s) => s.reference.includes('steering-group') && JSON.stringify(s.card).includes('Prevent Steering Group: agenda'))!.card as Record<
    string,
    unknown
  >;
  return { harness, posted };
}

/** What Teams sends when the card is shown to someone it refreshes for. */
const refreshBy = (person: Person) => cardExecute('agenda-view', { meetingId: MEETING }, person, { ...inChannel, trigger: 'automatic' });

describe("the channel's agenda, a view per person", () => {
  it('is posted with a refresh for the Steering Group and the leads the bot can name, and "Show my view" for everyone else', async () => {
    const { posted } = await postedAgenda();
    expect(posted['refresh']).toEqual({
      action: { type: 'Action.Execute', title: 'Show my view', verb: 'agenda-view', data: { verb: 'agenda-view', meetingId: MEETING } },
      // Officer and chair first, then leads; staff are not listed, and the health lead has no 1:1 chat yet.
      userIds: [teamsIdOf(PEOPLE.chair), teamsIdOf(PEOPLE.officer), teamsIdOf(PEOPLE.policeLead)],
    });
    expect(plain(posted)).toContain('"title":"Show my view"');
    expect(cardProblems(posted)).toEqual([]);
  });

  it("shows a partner lead their own organisation's reply and their buttons, writing nothing", async () => {
    const { harness } = await postedAgenda();
    const before = await harness.meetingRepository.get(P, MEETING);
    const sentBefore = harness.messenger.sent.length;
    await harness.adapter.send(refreshBy(PEOPLE.policeLead)).assertReply((reply) => {
      const card = invokeCardOf(reply);
      expect(plain(card)).toContain('Your organisation, Warwickshire and West Mercia Police: not replied yet');
      expect(plain(card)).toContain('"title":"Attending"');
      expect(JSON.stringify(card['actions'])).not.toContain('agenda-view');
      expect((card['refresh'] as { userIds: string[] }).userIds).toEqual([teamsIdOf(PEOPLE.policeLead)]);
      expect(cardProblems(card)).toEqual([]);
    });
    expect((await harness.meetingRepository.get(P, MEETING))?.etag).toBe(before?.etag);
    await harness.drain();
    expect(harness.messenger.sent.length).toBe(sentBefore);
    expect(harness.messenger.replaced).toEqual([]);
  });

  it('after a reply, the lead sees their reply as theirs while the card is updated in place for everyone', async () => {
    const { harness } = await postedAgenda();
    await harness.adapter.send(cardExecute('meeting-reply', { meetingId: MEETING, status: 'deputy' }, PEOPLE.policeLead, inChannel)).assertReply((reply) => {
      expect(plain(invokeCardOf(reply))).toContain('Your organisation, Warwickshire and West Mercia Police: Sending a deputy');
    });
    const channelCard = harness.adapter.replaced.at(-1)!.attachments![0]!.content as Record<string, unknown>;
    expect(plain(channelCard)).toContain('Warwickshire and West Mercia Police: Sending a deputy (Pat Police)');
    expect(plain(channelCard)).not.toContain('Your organisation');
    expect((channelCard['refresh'] as { userIds: string[] }).userIds).toContain(teamsIdOf(PEOPLE.officer));
    // Another organisation's lead still sees their own organisation's line.
    await harness.adapter.send(cardExecute('agenda-view', { meetingId: MEETING }, PEOPLE.healthLead, inChannel)).assertReply((reply) => {
      expect(plain(invokeCardOf(reply))).toContain('Your organisation, South Warwickshire NHS Foundation Trust: not replied yet');
    });
  });

  it('shows someone who replies for no organisation the agenda without reply buttons', async () => {
    const { harness } = await postedAgenda();
    await harness.adapter.send(cardExecute('agenda-view', { meetingId: MEETING }, PEOPLE.staff, inChannel)).assertReply((reply) => {
      const card = plain(invokeCardOf(reply));
      expect(card).toContain('You are not listed as replying for one of the partnership');
      expect(card).not.toContain('"title":"Attending"');
      expect(card).toContain('Prevent Steering Group: agenda');
    });
  });

  it("an older client's Show my view gets the view as a new message, never replacing the card everyone sees", async () => {
    const { harness } = await postedAgenda();
    const replacedBefore = harness.adapter.replaced.length;
    await harness.adapter
      .send({ ...channelMessage('', PEOPLE.policeLead), text: undefined, value: { verb: 'agenda-view', meetingId: MEETING }, replyToId: 'posted-agenda' })
      .assertReply((reply) => expect(plain(reply.attachments?.[0]?.content)).toContain('Your organisation, Warwickshire and West Mercia Police'));
    expect(harness.adapter.replaced.length).toBe(replacedBefore);
  });

  it('an automatic refresh in a 1:1 chat stores nothing, not even the chat it came from', async () => {
    const { harness } = await postedAgenda();
    const saved = jest.spyOn(harness.members, 'saveConversationReference');
    harness.advance(2 * 24 * 60 * 60 * 1000);
    await harness.adapter.send(cardExecute('agenda-view', { meetingId: MEETING }, PEOPLE.policeLead, { trigger: 'automatic' })).assertReply((reply) => {
      expect(plain(invokeCardOf(reply))).toContain('Your organisation, Warwickshire and West Mercia Police');
    });
    expect(saved).not.toHaveBeenCalled();
    // The same person writing in that chat a day later is remembered as before.
    await harness.adapter.send(teamsMessage('thanks', undefined, PEOPLE.policeLead)).assertReply(() => undefined);
    expect(saved).toHaveBeenCalledTimes(1);
  });
});
