import type { Activity } from 'botbuilder';
import { NO_ONE_TO_ONE_YET, SENT_TO_ONE_TO_ONE } from '../../../src/bot/one-to-one-answer';
import { CHANNEL_PINNED } from '../../../src/bot/handlers/channel-handlers';
import {
  botHarness,
  cardExecute,
  channelMessage,
  DEMO_TENANT,
  OTHER_TEAM,
  PARTNERSHIP_TEAM,
  PEOPLE,
  pinPartnershipChannel,
  teamsMessage,
  type Person,
} from '../../support/bot-harness';
import { runTurn, type TurnOutcome } from '../../support/bot-turn';

type Harness = Awaited<ReturnType<typeof botHarness>>;
const P = 'warwickshire';

/** The person's first message in their 1:1 chat with the bot. */
async function sayHello(harness: Harness, person: Person): Promise<void> {
  await runTurn(harness, teamsMessage('hello', undefined, person));
}

/** Lets the 1:1 chats opened after a turn (in memory, no timers) finish before looking at them. */
const afterTheTurn = () => new Promise((resolve) => setImmediate(resolve));

const texts = (outcome: TurnOutcome) => outcome.replies.map((reply) => reply.text).filter((text) => text !== undefined);

function membersJoined(team: { teamId: string; channelId: string }, added: { id: string; aadObjectId?: string; name: string }[]): Partial<Activity> {
  return {
    type: 'conversationUpdate',
    membersAdded: added,
    recipient: { id: 'bot', name: 'Prevent Partnership Bot' },
    conversation: { id: team.channelId, conversationType: 'channel', isGroup: true, name: '' },
    channelData: { tenant: { id: DEMO_TENANT }, team: { id: team.teamId } },
  };
}

async function withRound(harness: Harness): Promise<void> {
  const officer = await harness.services.directory.actorFor(P, PEOPLE.officer.aadObjectId, PEOPLE.officer.name);
  await harness.services.assessments.startRound(P, officer, { name: '2026/27 Q3', frameworkId: 'home-office-2018', closesOn: '2026-12-31' });
}

describe('choosing the partnership channel', () => {
  it('is done by the Prevent Officer typing "use this channel" in it: the channel gets one line and partnership posts go there', async () => {
    const harness = await botHarness();
    const outcome = await runTurn(harness, channelMessage('use this channel'));
    expect(texts(outcome)).toEqual([CHANNEL_PINNED]);
    expect(outcome.cards).toEqual([]);
    expect(await harness.services.directory.channel(P)).toContain(PARTNERSHIP_TEAM.channelId);
    expect(await harness.services.directory.channelStatus(P)).toEqual({ state: 'pinned', name: 'Steering Group', pinnedByName: PEOPLE.officer.name, pinnedAt: expect.any(String) });
  });

  it('typed as a reply in a thread, still sets the channel itself, so posts do not land in that thread', async () => {
    const harness = await botHarness();
    const inThread = channelMessage('use this channel');
    await runTurn(harness, { ...inThread, conversation: { ...inThread.conversation!, id: `${PARTNERSHIP_TEAM.channelId};messageid=1764756000000` } });
    expect(JSON.parse((await harness.services.directory.channel(P))!).conversation.id).toBe(PARTNERSHIP_TEAM.channelId);
  });

  it('is refused to anyone else, and nothing is stored', async () => {
    const harness = await botHarness();
    for (const person of [PEOPLE.chair, PEOPLE.policeLead, PEOPLE.staff]) {
      const outcome = await runTurn(harness, channelMessage('use this channel', person));
      expect(outcome.cards.join()).toContain('Only the Prevent Officer can choose the partnership channel.');
    }
    expect(await harness.services.directory.channelStatus(P)).toEqual({ state: 'not-set' });
  });

  it('typed in a 1:1 chat, tells the officer to type it in the channel instead', async () => {
    const harness = await botHarness();
    const outcome = await runTurn(harness, teamsMessage('use this channel'));
    expect(outcome.cards.join()).toContain('Type \\"use this channel\\" in the Teams channel');
    expect(await harness.services.directory.channelStatus(P)).toEqual({ state: 'not-set' });
  });

  it('is never set by a guess: "post the agenda to the channel" does not move it', async () => {
    const harness = await botHarness();
    await runTurn(harness, channelMessage('please post the agenda in this channel'));
    expect(await harness.services.directory.channelStatus(P)).toEqual({ state: 'not-set' });
  });
});

describe('messages from other channels and teams', () => {
  it('are answered, but never become the partnership channel, even before one is pinned', async () => {
    const harness = await botHarness();
    const outcome = await runTurn(harness, channelMessage('training', PEOPLE.staff, OTHER_TEAM));
    expect(outcome.cards.join()).toContain('Prevent training');
    expect(await harness.services.directory.channel(P)).toBeUndefined();
  });

  it('never redirect a pinned channel, and never receive partnership posts', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await runTurn(harness, channelMessage('help', PEOPLE.staff, OTHER_TEAM));
    await runTurn(harness, channelMessage('help', PEOPLE.officer, OTHER_TEAM));
    expect(await harness.services.directory.channel(P)).toContain(PARTNERSHIP_TEAM.channelId);

    await sayHello(harness, PEOPLE.policeLead);
    await runTurn(harness, teamsMessage('request updates'));
    const toChannels = harness.messenger.sent.filter((s) => s.reference.includes('@thread.tacv2'));
    expect(toChannels.map((s) => JSON.parse(s.reference).conversation.id)).toEqual([PARTNERSHIP_TEAM.channelId]);
  });

  it('until a channel is pinned, no channel gets partnership posts', async () => {
    const harness = await botHarness();
    await runTurn(harness, channelMessage('help'));
    await sayHello(harness, PEOPLE.policeLead);
    await runTurn(harness, teamsMessage('request updates'));
    expect(harness.messenger.sent.filter((s) => s.reference.includes('@thread.tacv2'))).toEqual([]);
    expect(harness.messenger.sent.some((s) => s.reference.includes('personal-aad-police'))).toBe(true);
  });
});

describe('who the bot keeps a way of reaching in 1:1 chat', () => {
  it('registered members who write to it, not anyone else in the tenant (who is still answered)', async () => {
    const harness = await botHarness();
    const outcome = await runTurn(harness, teamsMessage('training', undefined, PEOPLE.staff));
    expect(outcome.cards.join()).toContain('Prevent training');
    await sayHello(harness, PEOPLE.policeLead);
    expect(await harness.services.directory.personalChat(P, PEOPLE.staff.aadObjectId)).toBeUndefined();
    expect(await harness.services.directory.personalChat(P, PEOPLE.policeLead.aadObjectId)).toContain('personal-aad-police');
  });

  it('registered members joining the partnership team, not unregistered people joining it', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await harness.adapter.send(
      membersJoined(PARTNERSHIP_TEAM, [
        { id: '29:pat', name: 'Pat Police', aadObjectId: PEOPLE.policeLead.aadObjectId },
        { id: '29:stella', name: 'Stella Staff', aadObjectId: PEOPLE.staff.aadObjectId },
      ]),
    );
    await afterTheTurn();
    expect(harness.messenger.openedChats).toEqual(['29:pat']);
    expect(await harness.services.directory.personalChat(P, PEOPLE.staff.aadObjectId)).toBeUndefined();
  });

  it('nobody joining any other team the bot is in, members or not', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await harness.adapter.send(membersJoined(OTHER_TEAM, [{ id: '29:pat', name: 'Pat Police', aadObjectId: PEOPLE.policeLead.aadObjectId }]));
    await afterTheTurn();
    expect(harness.messenger.openedChats).toEqual([]);
    expect(await harness.services.directory.personalChat(P, PEOPLE.policeLead.aadObjectId)).toBeUndefined();
  });

  it('nobody joining a team before its channel is pinned', async () => {
    const harness = await botHarness();
    await harness.adapter.send(membersJoined(PARTNERSHIP_TEAM, [{ id: '29:pat', name: 'Pat Police', aadObjectId: PEOPLE.policeLead.aadObjectId }]));
    await afterTheTurn();
    expect(harness.messenger.openedChats).toEqual([]);
  });
});

describe('answers for one person, asked in a channel', () => {
  it("the board report goes to the officer's 1:1 chat; the channel gets one line and no links", async () => {
    const harness = await botHarness();
    await withRound(harness);
    await sayHello(harness, PEOPLE.officer);
    const outcome = await runTurn(harness, channelMessage('board report'));
    expect(texts(outcome)).toEqual([SENT_TO_ONE_TO_ONE]);
    expect(outcome.cards).toEqual([]);
    const toOfficer = harness.messenger.sent.filter((s) => s.reference.includes('personal-aad-officer'));
    expect(toOfficer).toHaveLength(1);
    expect(JSON.stringify(toOfficer[0]!.card)).toContain('https://prevent-bot.example.test/');
    expect(harness.messenger.sent.filter((s) => s.reference.includes('@thread.tacv2'))).toEqual([]);
  });

  it("the compliance summary goes to the chair's 1:1 chat", async () => {
    const harness = await botHarness();
    await withRound(harness);
    await sayHello(harness, PEOPLE.chair);
    const outcome = await runTurn(harness, channelMessage('how are we doing?', PEOPLE.chair));
    expect(texts(outcome)).toEqual([SENT_TO_ONE_TO_ONE]);
    expect(outcome.cards).toEqual([]);
    expect(harness.messenger.sent.filter((s) => s.reference.includes('personal-aad-chair'))).toHaveLength(1);
  });

  it('with no 1:1 chat yet, the channel is told to open one, and the answer is shown nowhere', async () => {
    const harness = await botHarness();
    await withRound(harness);
    const outcome = await runTurn(harness, channelMessage('how are we doing?', PEOPLE.chair));
    expect(texts(outcome)).toEqual([NO_ONE_TO_ONE_YET]);
    expect(outcome.cards).toEqual([]);
    expect(harness.messenger.sent).toEqual([]);
  });

  it('a command that acts is not run from the channel without a 1:1 chat to answer in', async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.policeLead);
    const outcome = await runTurn(harness, channelMessage('request updates'));
    expect(texts(outcome)).toEqual([NO_ONE_TO_ONE_YET]);
    expect(harness.messenger.sent).toEqual([]);
  });

  it('public answers (referral pathway, training, agenda) stay in the channel', async () => {
    const harness = await botHarness();
    const referral = await runTurn(harness, channelMessage('how do I make a referral?', PEOPLE.staff));
    expect(referral.cards.join()).toContain('999');
    const training = await runTurn(harness, channelMessage('training', PEOPLE.staff));
    expect(training.cards.join()).toContain('Prevent training');
    expect(harness.messenger.sent).toEqual([]);
  });

  it('the help card in a channel offers only what is answered there; in 1:1 chat it offers the rest', async () => {
    const harness = await botHarness();
    const inChannel = (await runTurn(harness, channelMessage('help'))).cards.join();
    expect(inChannel).toContain('Use this channel');
    expect(inChannel).toContain('Training');
    expect(inChannel).not.toContain('Board report');
    expect(inChannel).not.toContain('Compliance summary');
    const inChat = (await runTurn(harness, teamsMessage('help'))).cards.join();
    expect(inChat).toContain('Board report');
  });

  it('the welcome card in a team lists only what is answered there', async () => {
    const harness = await botHarness();
    const outcome = await runTurn(harness, membersJoined(PARTNERSHIP_TEAM, [{ id: 'bot', name: 'Prevent Partnership Bot' }]));
    const welcome = outcome.cards.join();
    expect(welcome).toContain('Welcome to the Prevent Partnership Bot');
    expect(welcome).toContain('Make a Prevent referral');
    expect(welcome).not.toContain('Board report');
    expect(welcome).not.toContain('Compliance summary');
  });

  it('a summary button pressed on a card left in a channel answers in the 1:1 chat too', async () => {
    const harness = await botHarness();
    await withRound(harness);
    await sayHello(harness, PEOPLE.chair);
    const press = { ...channelMessage('', PEOPLE.chair), text: undefined, value: { verb: 'summary-benchmark', roundId: '2026-27-q3', benchmark: '1' }, replyToId: 'old-card' };
    const outcome = await runTurn(harness, press);
    expect(texts(outcome)).toEqual([SENT_TO_ONE_TO_ONE]);
    expect(outcome.cards).toEqual([]);
    expect(harness.messenger.sent.filter((s) => s.reference.includes('personal-aad-chair'))).toHaveLength(1);
  });
});

describe("the Prevent Officer's and the chair's forms, asked for in a channel", () => {
  // Forms are answered in the 1:1 chat (capabilities.ts, oneToOne): nobody else in the channel ever
  // sees one, so no read-only copy is needed; the public agenda is the channel's agenda card.
  it.each([
    ['schedule meeting', 'Schedule a Steering Group meeting'],
    ['edit agenda', 'Edit the agenda'],
    ['record decisions', 'Record a decision'],
  ])('"%s" sends the form to the 1:1 chat and the channel gets one line', async (text, form) => {
    const harness = await botHarness();
    const officer = await harness.services.directory.actorFor(P, PEOPLE.officer.aadObjectId, PEOPLE.officer.name);
    await harness.services.meetings.schedule(P, officer, new Date('2026-11-25T10:00:00Z'), 'Shire Hall');
    await harness.services.meetings.schedule(P, officer, new Date('2027-03-12T10:00:00Z'), 'Shire Hall');
    // The first meeting has been held: there are decisions to record, and an agenda to edit.
    harness.advance(4 * 24 * 60 * 60 * 1000);
    await sayHello(harness, PEOPLE.officer);
    const outcome = await runTurn(harness, channelMessage(text));
    expect(texts(outcome)).toEqual([SENT_TO_ONE_TO_ONE]);
    expect(outcome.cards).toEqual([]);
    await harness.drain();
    const toOfficer = harness.messenger.sent.filter((s) => s.reference.includes('personal-aad-officer'));
    expect(JSON.stringify(toOfficer.map((s) => s.card))).toContain(form);
  });

  it.each(['member-form', 'organisation-form', 'organisation-pick'])(
    'the %s button on a card left in a channel opens the form in the 1:1 chat, pressed either way',
    async (verb) => {
      const harness = await botHarness();
      await sayHello(harness, PEOPLE.officer);
      const submitted = await runTurn(harness, { ...channelMessage('', PEOPLE.officer), text: undefined, value: { verb }, replyToId: 'old-card' });
      expect(texts(submitted)).toEqual([SENT_TO_ONE_TO_ONE]);
      expect(submitted.cards).toEqual([]);
      const executed = await runTurn(harness, cardExecute(verb, {}, PEOPLE.officer, { conversation: channelMessage('') }));
      expect(texts(executed)).toEqual([SENT_TO_ONE_TO_ONE]);
      expect(executed.cards).toEqual([]);
      await harness.drain();
      expect(harness.messenger.sent.filter((s) => s.reference.includes('personal-aad-officer'))).toHaveLength(2);
    },
  );
});

describe('the partnership members card', () => {
  it('says the channel is not set, and how to set it, until the officer pins one', async () => {
    const harness = await botHarness();
    const card = (await runTurn(harness, teamsMessage('partnership members'))).cards.join();
    expect(card).toContain('Partnership channel: not set');
    expect(card).toContain("type 'use this channel' in the Steering Group's channel to set it");
  });

  it('names the pinned channel and who set it', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    const card = (await runTurn(harness, teamsMessage('partnership members'))).cards.join();
    expect(card).toContain('Partnership channel: Steering Group');
    expect(card).toContain('Set by Priya Officer on 22 Nov 2026, 10:00');
  });
});
