import { botHarness, cardText, PARTNERSHIP_TEAM, pinPartnershipChannel, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';

type Harness = Awaited<ReturnType<typeof botHarness>>;

async function sayHello(harness: Harness, person: Person): Promise<void> {
  await harness.adapter.send(teamsMessage('hello', undefined, person)).assertReply(() => undefined);
}

/** Asks for updates and returns the Prevent Officer's status card as the outbox sender last left it. */
async function requestUpdates(harness: Harness): Promise<string> {
  let replyId = '';
  let first = '';
  await harness.adapter.send(teamsMessage('request updates', undefined, PEOPLE.officer)).assertReply((reply) => {
    first = cardText(reply);
    replyId = reply.id ?? '';
  });
  const refreshed = harness.messenger.replaced.filter((r) => r.activityId === replyId).at(-1);
  return refreshed ? JSON.stringify(refreshed.card) : first;
}

const inChannel = (harness: Harness) => harness.messenger.sent.filter((s) => JSON.parse(s.reference).conversation.id === PARTNERSHIP_TEAM.channelId);
const mentionOf = (card: Record<string, unknown>) =>
  (card['msteams'] as { entities?: { type: string; text: string; mentioned: { id: string; name: string } }[] } | undefined)?.entities;

describe('a lead the bot cannot reach 1:1', () => {
  it('with no 1:1 chat, is @mentioned with their card in the partnership channel, and the status card says so', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    const summary = await requestUpdates(harness);

    const forPolice = inChannel(harness).find((s) => JSON.stringify(s.card).includes('Update request: Warwickshire and West Mercia Police'));
    expect(forPolice).toBeDefined();
    expect(mentionOf(forPolice!.card)).toEqual([{ type: 'mention', text: '<at>Pat Police</at>', mentioned: { id: PEOPLE.policeLead.aadObjectId, name: 'Pat Police' } }]);
    expect(JSON.stringify(forPolice!.card.body[0])).toContain('<at>Pat Police</at>: this is for you. The bot could not reach you in a 1:1 chat');
    expect(JSON.stringify(forPolice!.card)).toContain('Update 6.4');
    expect(summary).toContain('Finished sending to 1 person in 1 organisation: 1 sent (1 in the partnership channel: could not reach 1:1).');
    expect(summary).toContain('Sent in the partnership channel (could not reach 1:1)');
    expect(summary).toMatch(/- Pat Police .*Warwickshire and West Mercia Police.*: sent in the channel/);
    expect(summary).not.toContain('has not opened a chat with the bot yet');
  });

  it('whose 1:1 chat Teams refuses (403: another tenant, or the bot not installed for them), gets it in the channel instead: not undeliverable', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await sayHello(harness, PEOPLE.policeLead);
    harness.messenger.failFor.set('personal-aad-police', 403);
    const summary = await requestUpdates(harness);

    const forPolice = inChannel(harness).find((s) => JSON.stringify(s.card).includes('Update request: Warwickshire and West Mercia Police'));
    expect(mentionOf(forPolice!.card)?.[0]?.mentioned).toEqual({ id: PEOPLE.policeLead.aadObjectId, name: 'Pat Police' });
    expect(summary).toContain('Finished sending to 1 person in 1 organisation: 1 sent (1 in the partnership channel: could not reach 1:1).');
    expect(summary).not.toContain('could not be delivered');
  });

  it('reached 1:1, is not mentioned in the channel at all', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await sayHello(harness, PEOPLE.policeLead);
    const summary = await requestUpdates(harness);
    expect(inChannel(harness).filter((s) => mentionOf(s.card))).toEqual([]);
    expect(summary).toContain('Finished sending to 1 person in 1 organisation: 1 sent.');
  });

  it('without a partnership channel, stays unreached, as before', async () => {
    const harness = await botHarness();
    const summary = await requestUpdates(harness);
    expect(summary).toContain('Pat Police \\\\(Warwickshire and West Mercia Police\\\\): has not opened a chat with the bot yet');
  });

  it('is chased in the channel too', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await requestUpdates(harness);
    harness.messenger.sent.splice(0);
    await harness.adapter.send(teamsMessage('send chasers', undefined, PEOPLE.officer)).assertReply(() => undefined);
    const chasers = inChannel(harness).filter((s) => mentionOf(s.card)?.length);
    expect(chasers.map((s) => mentionOf(s.card)![0]!.mentioned.id)).toEqual([PEOPLE.policeLead.aadObjectId]);
  });
});
