import { TeamsInfo, type Activity } from 'botbuilder';
import { botHarness, DEMO_TENANT, OTHER_TEAM, PARTNERSHIP_TEAM, PEOPLE, pinPartnershipChannel, teamsMessage, type Person } from '../../support/bot-harness';
import { runTurn } from '../../support/bot-turn';

type Harness = Awaited<ReturnType<typeof botHarness>>;
const P = 'warwickshire';
const BOT = { id: '28:prevent-bot', name: 'Prevent Partnership Bot' };

/** Lets work started after a turn (opening 1:1 chats) finish before looking at it. */
const afterTheTurn = () => new Promise((resolve) => setImmediate(resolve));

async function sayHello(harness: Harness, person: Person): Promise<void> {
  await runTurn(harness, teamsMessage('hello', undefined, person));
}

/** installationUpdate in someone's 1:1 chat, in the shape Teams sends it. */
function personalInstallation(action: string, person: Person): Partial<Activity> {
  return {
    type: 'installationUpdate',
    action,
    from: { id: `user-${person.aadObjectId}`, name: person.name, aadObjectId: person.aadObjectId },
    recipient: BOT,
    conversation: { id: `personal-${person.aadObjectId}`, conversationType: 'personal', isGroup: false, name: '', tenantId: DEMO_TENANT },
    channelData: { tenant: { id: DEMO_TENANT }, source: { name: 'message' } },
  };
}

/** installationUpdate for a team: the conversation is the channel chosen during installation. */
function teamInstallation(action: string, team: { teamId: string; channelId: string; name: string } = PARTNERSHIP_TEAM): Partial<Activity> {
  return {
    type: 'installationUpdate',
    action,
    from: { id: `user-${PEOPLE.officer.aadObjectId}`, name: PEOPLE.officer.name, aadObjectId: PEOPLE.officer.aadObjectId },
    recipient: BOT,
    conversation: { id: team.channelId, conversationType: 'channel', isGroup: true, name: team.name, tenantId: DEMO_TENANT },
    channelData: {
      tenant: { id: DEMO_TENANT },
      team: { id: team.teamId, name: 'Prevent Steering Group' },
      channel: { id: team.channelId },
      settings: { selectedChannel: { id: team.channelId } },
    },
  };
}

/** A conversationUpdate of the team with a Teams eventType (channel and team events, people leaving). */
function teamEvent(eventType: string, extra: Partial<Activity> = {}, channel?: { id: string; name?: string }, team: { teamId: string } = PARTNERSHIP_TEAM): Partial<Activity> {
  return {
    type: 'conversationUpdate',
    from: { id: '29:someone-in-the-team', name: '' },
    recipient: BOT,
    conversation: { id: team.teamId, conversationType: 'channel', isGroup: true, name: '' },
    channelData: { tenant: { id: DEMO_TENANT }, team: { id: team.teamId, name: 'Prevent Steering Group' }, eventType, ...(channel ? { channel } : {}) },
    ...extra,
  };
}

const officerNotices = (harness: Harness) =>
  harness.messenger.sent.filter(
    (s) => s.reference.includes(`personal-${PEOPLE.officer.aadObjectId}`) && JSON.stringify(s.card).includes('The partnership channel needs setting again'),
  );

describe('the bot removed from a 1:1 chat', () => {
  it.each(['remove', 'remove-upgrade'])('(%s) forgets that person’s 1:1 reference, and not anyone else’s', async (action) => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.policeLead);
    await sayHello(harness, PEOPLE.healthLead);
    await runTurn(harness, personalInstallation(action, PEOPLE.policeLead));
    expect(await harness.services.directory.personalChat(P, PEOPLE.policeLead.aadObjectId)).toBeUndefined();
    expect(await harness.services.directory.personalChat(P, PEOPLE.healthLead.aadObjectId)).toContain('personal-aad-health');
    expect(await harness.members.get(P, PEOPLE.policeLead.aadObjectId)).toMatchObject({ role: 'partner-lead' });
  });

  it('leaves them unreachable for requests until they install it again, which is stored at once', async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.policeLead);
    await runTurn(harness, personalInstallation('remove', PEOPLE.policeLead));
    await runTurn(harness, teamsMessage('request updates'));
    expect(harness.messenger.sent.filter((s) => s.reference.includes('personal-aad-police'))).toEqual([]);

    // Added back the same day: this process must not think it still has the reference stored.
    await runTurn(harness, personalInstallation('add', PEOPLE.policeLead));
    expect(await harness.services.directory.personalChat(P, PEOPLE.policeLead.aadObjectId)).toContain('personal-aad-police');
  });
});

describe('the bot removed from a team', () => {
  it('from the partnership team forgets its channel and tells the Prevent Officer 1:1 how to set another', async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.officer);
    await pinPartnershipChannel(harness);
    await runTurn(harness, teamInstallation('remove'));
    expect(await harness.services.directory.channelStatus(P)).toEqual({ state: 'not-set' });
    const notices = officerNotices(harness);
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]!.card)).toContain('use this channel');
    expect(JSON.stringify(notices[0]!.card)).toContain('is in a team the bot has been removed from');
  });

  it('as a member removed from the partnership team (conversationUpdate) does the same', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await runTurn(harness, teamEvent('teamMemberRemoved', { membersRemoved: [{ id: BOT.id, name: '' }] }));
    expect(await harness.services.directory.channelStatus(P)).toEqual({ state: 'not-set' });
  });

  it('from any other team changes nothing', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await runTurn(harness, teamInstallation('remove', OTHER_TEAM));
    expect(await harness.services.directory.channel(P)).toContain(PARTNERSHIP_TEAM.channelId);
  });
});

describe('the bot added to a team again', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each(['add', 'add-upgrade'])('(%s) gets ready to reach the partnership team’s registered members, as when first added', async (action) => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    jest.spyOn(TeamsInfo, 'getPagedMembers').mockResolvedValue({
      members: [
        { id: '29:pat', name: PEOPLE.policeLead.name, aadObjectId: PEOPLE.policeLead.aadObjectId, userRole: 'user' },
        { id: '29:stella', name: PEOPLE.staff.name, aadObjectId: PEOPLE.staff.aadObjectId, userRole: 'user' },
      ] as never,
      continuationToken: undefined as never,
    });
    harness.messenger.openedChats.splice(0);
    await runTurn(harness, teamInstallation(action));
    await afterTheTurn();
    expect(harness.messenger.openedChats).toEqual(['29:pat']);
  });
});

describe('people leaving the partnership team', () => {
  it('have their 1:1 reference forgotten; their membership stays for the Prevent Officer to decide', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await sayHello(harness, PEOPLE.policeLead);
    await sayHello(harness, PEOPLE.healthLead);
    await runTurn(harness, teamEvent('teamMemberRemoved', { membersRemoved: [{ id: 'user-aad-police', name: '', aadObjectId: PEOPLE.policeLead.aadObjectId }] }));
    expect(await harness.services.directory.personalChat(P, PEOPLE.policeLead.aadObjectId)).toBeUndefined();
    expect(await harness.services.directory.personalChat(P, PEOPLE.healthLead.aadObjectId)).toBeDefined();
    expect(await harness.members.get(P, PEOPLE.policeLead.aadObjectId)).toMatchObject({ name: PEOPLE.policeLead.name, role: 'partner-lead' });
  });

  it('are found by their Teams id when Teams leaves out the object id (as its documented payload does)', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await sayHello(harness, PEOPLE.policeLead);
    await runTurn(harness, teamEvent('teamMemberRemoved', { membersRemoved: [{ id: 'user-aad-police', name: '' }] }));
    expect(await harness.services.directory.personalChat(P, PEOPLE.policeLead.aadObjectId)).toBeUndefined();
  });

  it('from any other team keep their 1:1 reference', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await sayHello(harness, PEOPLE.policeLead);
    await runTurn(
      harness,
      teamEvent('teamMemberRemoved', { membersRemoved: [{ id: 'user-aad-police', name: '', aadObjectId: PEOPLE.policeLead.aadObjectId }] }, undefined, OTHER_TEAM),
    );
    expect(await harness.services.directory.personalChat(P, PEOPLE.policeLead.aadObjectId)).toBeDefined();
  });
});

describe('the partnership channel renamed or deleted in Teams', () => {
  it('renamed: keeps the channel, and the partnership card shows its new name', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    const before = await harness.services.directory.channel(P);
    await runTurn(harness, teamEvent('channelRenamed', {}, { id: PARTNERSHIP_TEAM.channelId, name: 'Prevent Steering Group 2027' }));
    expect(await harness.services.directory.channel(P)).toBe(before);
    expect(await harness.services.directory.channelStatus(P)).toMatchObject({ state: 'pinned', name: 'Prevent Steering Group 2027' });
  });

  it('another channel renamed or deleted changes nothing', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await runTurn(harness, teamEvent('channelRenamed', {}, { id: '19:random@thread.tacv2', name: 'Random' }));
    await runTurn(harness, teamEvent('channelDeleted', {}, { id: '19:random@thread.tacv2', name: 'Random' }));
    expect(await harness.services.directory.channelStatus(P)).toMatchObject({ state: 'pinned', name: PARTNERSHIP_TEAM.name });
  });

  it('deleted: forgets it, tells the Prevent Officer 1:1, and posts wait until "use this channel" is said elsewhere', async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.officer);
    await pinPartnershipChannel(harness);
    await runTurn(harness, teamEvent('channelDeleted', {}, { id: PARTNERSHIP_TEAM.channelId, name: PARTNERSHIP_TEAM.name }));
    expect(await harness.services.directory.channelStatus(P)).toEqual({ state: 'not-set' });
    expect(JSON.stringify(officerNotices(harness)[0]?.card)).toContain('The channel \\"Steering Group\\" was deleted in Teams.');

    harness.messenger.sent.splice(0);
    await sayHello(harness, PEOPLE.policeLead);
    await runTurn(harness, teamsMessage('request updates'));
    expect(harness.messenger.sent.filter((s) => s.reference.includes('@thread.tacv2'))).toEqual([]);
  });

  it.each([
    ['teamDeleted', 'belonged to a team that was deleted'],
    ['teamArchived', 'belongs to a team that was archived'],
  ])('%s: the team’s channel is forgotten and the Prevent Officer told', async (eventType, words) => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.officer);
    await pinPartnershipChannel(harness);
    await runTurn(harness, teamEvent(eventType));
    expect(await harness.services.directory.channelStatus(P)).toEqual({ state: 'not-set' });
    expect(JSON.stringify(officerNotices(harness)[0]?.card)).toContain(words);
  });

  it('an event naming no channel or team, or malformed, is ignored without a reply', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    const outcome = await runTurn(harness, teamEvent('channelDeleted', {}, { id: 42 as unknown as string }));
    expect(outcome.replies).toEqual([]);
    expect(await harness.services.directory.channelStatus(P)).toMatchObject({ state: 'pinned' });
  });
});
