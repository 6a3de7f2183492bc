import { TeamsInfo, type Activity } from 'botbuilder';
import { NO_ONE_TO_ONE_ACROSS_TENANTS } from '../../../src/bot/one-to-one-answer';
import { botHarness, cardSubmit, DEMO_TENANT, PARTNERSHIP_TEAM, pinPartnershipChannel, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';
import { runTurn } from '../../support/bot-turn';

type Harness = Awaited<ReturnType<typeof botHarness>>;
const P = 'warwickshire';
const PARTNER_TENANT = 'tenant-nhs-trust';
const AUTHOR = { id: 'test', name: 'test' };

/** Guests live in the host tenant; an external member of a shared channel stays in their own. */
const GUEST: Person = { aadObjectId: 'aad-guest-in-host', name: 'Gita Guest' } as unknown as Person;
const EXTERNAL: Person = { aadObjectId: 'aad-external-home', name: 'Eli External' } as unknown as Person;

/** Teams' roster entries (TeamsChannelAccount), re-typed in the documented shape. */
const ROSTER = [
  { id: '29:officer', name: PEOPLE.officer.name, aadObjectId: PEOPLE.officer.aadObjectId, userRole: 'user', tenantId: DEMO_TENANT },
  { id: '29:guest', name: GUEST.name, aadObjectId: GUEST.aadObjectId, userRole: 'guest', tenantId: DEMO_TENANT },
  { id: '29:external', name: EXTERNAL.name, aadObjectId: EXTERNAL.aadObjectId, userRole: 'user', tenantId: PARTNER_TENANT },
];

function rosterFromTeams(): void {
  jest.spyOn(TeamsInfo, 'getPagedTeamMembers').mockResolvedValue({ members: ROSTER, continuationToken: undefined } as never);
  jest.spyOn(TeamsInfo, 'getPagedMembers').mockResolvedValue({ members: ROSTER, continuationToken: undefined } as never);
}

/** A message in the partnership's shared channel from an external member: the conversation is the host's, the sender's tenant their own. */
function externalChannelMessage(text: string, homeTenant = PARTNER_TENANT, person: Person = EXTERNAL): Partial<Activity> {
  return {
    type: 'message',
    text,
    from: { id: `29:${person.aadObjectId}`, name: person.name, aadObjectId: person.aadObjectId },
    conversation: { id: PARTNERSHIP_TEAM.channelId, conversationType: 'channel', isGroup: true, name: PARTNERSHIP_TEAM.name, tenantId: DEMO_TENANT },
    channelData: { tenant: { id: homeTenant }, team: { id: PARTNERSHIP_TEAM.teamId }, channel: { id: PARTNERSHIP_TEAM.channelId } },
  };
}

async function register(harness: Harness, person: Person, organisationId = 'swft'): Promise<void> {
  await harness.members.save(P, { aadObjectId: person.aadObjectId, name: person.name, role: 'partner-lead', organisationId }, AUTHOR);
}

afterEach(() => jest.restoreAllMocks());

describe('guests (B2B accounts in the host tenant)', () => {
  it('are reached 1:1 through the host tenant like anyone else', async () => {
    const harness = await botHarness();
    await register(harness, GUEST, 'police');
    await pinPartnershipChannel(harness);
    // A guest's activity carries the host's tenant and their guest account's object id.
    await runTurn(harness, teamsMessage('hello', DEMO_TENANT, GUEST));
    await runTurn(harness, teamsMessage('request updates'));
    const toGuest = harness.messenger.sent.filter((s) => s.reference.includes(`personal-${GUEST.aadObjectId}`));
    expect(toGuest.map((s) => JSON.stringify(s.card).includes('Update request: Warwickshire and West Mercia Police'))).toContain(true);
    expect(harness.messenger.sent.filter((s) => JSON.stringify(s.card).includes(`<at>${GUEST.name}</at>`))).toEqual([]);
  });

  it('are marked as guests in the member form and, once added, on the partnership card', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    rosterFromTeams();
    const form = await runTurn(harness, cardSubmit({ verb: 'member-form' }));
    expect(form.cards.join()).toContain('Gita Guest (guest)');
    expect(form.cards.join()).toContain("Eli External (external: another organisation's tenant, reached in the channel)");
    expect(form.cards.join()).not.toContain('Priya Officer (');

    await runTurn(harness, cardSubmit({ verb: 'member-save', aadObjectId: GUEST.aadObjectId, role: 'partner-lead', organisationId: 'swft', preventLead: 'false' }));
    expect(await harness.members.get(P, GUEST.aadObjectId)).toMatchObject({ name: 'Gita Guest', access: 'guest' });
    const card = await runTurn(harness, teamsMessage('partnership'));
    expect(card.cards.join()).toContain('Gita Guest \\\\(guest\\\\): Partner lead');
  });

  it('already registered are marked when the bot reads the partnership team roster', async () => {
    const harness = await botHarness();
    await register(harness, GUEST);
    await register(harness, EXTERNAL, 'police');
    rosterFromTeams();
    await pinPartnershipChannel(harness);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await harness.members.get(P, GUEST.aadObjectId)).toMatchObject({ access: 'guest' });
    expect(await harness.members.get(P, EXTERNAL.aadObjectId)).toMatchObject({ access: 'external' });
    expect(await harness.members.get(P, PEOPLE.officer.aadObjectId)).not.toHaveProperty('access');
    // No 1:1 chat is attempted with the external member: Teams has none across tenants.
    expect(harness.messenger.openedChats).toEqual(['29:officer', '29:guest']);
  });
});

describe('external members of a shared channel (their own tenant)', () => {
  it('from a partner tenant on the list are answered, as people of the host partnership', async () => {
    const harness = await botHarness({ allowedTenantIds: [DEMO_TENANT], partnerTenantIds: [PARTNER_TENANT] });
    await register(harness, EXTERNAL, 'police');
    await pinPartnershipChannel(harness);
    const outcome = await runTurn(harness, externalChannelMessage('training'));
    expect(outcome.cards.join()).toContain('Prevent training');
    const agenda = await runTurn(harness, externalChannelMessage('my actions'));
    // Recognised as the registered partner lead (their actions are 1:1-only), not as staff of another partnership.
    expect(agenda.replies.map((r) => r.text)).toEqual([NO_ONE_TO_ONE_ACROSS_TENANTS]);
  });

  it('from a tenant not on either list are ignored, as is a shared channel hosted by a tenant not allowed', async () => {
    const harness = await botHarness({ allowedTenantIds: [DEMO_TENANT], partnerTenantIds: [PARTNER_TENANT] });
    expect((await runTurn(harness, externalChannelMessage('training', 'tenant-unknown'))).replies).toEqual([]);
    const hostedElsewhere = externalChannelMessage('training', DEMO_TENANT);
    expect((await runTurn(harness, { ...hostedElsewhere, conversation: { ...hostedElsewhere.conversation!, tenantId: PARTNER_TENANT } })).replies).toEqual([]);
  });

  it('are asked for updates in the partnership channel with an @mention, and the status card says so', async () => {
    const harness = await botHarness({ allowedTenantIds: [DEMO_TENANT], partnerTenantIds: [PARTNER_TENANT] });
    await register(harness, EXTERNAL, 'police');
    await pinPartnershipChannel(harness);
    await runTurn(harness, teamsMessage('request updates'));
    const mentioned = harness.messenger.sent.filter((s) => JSON.stringify(s.card).includes(`<at>${EXTERNAL.name}</at>`));
    expect(mentioned.map((s) => JSON.parse(s.reference).conversation.id)).toEqual([PARTNERSHIP_TEAM.channelId]);
    const status = harness.messenger.replaced.at(-1);
    expect(JSON.stringify(status?.card)).toContain('sent in the channel');
  });
});
