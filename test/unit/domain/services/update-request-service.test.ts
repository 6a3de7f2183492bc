import { UpdateRequestService, type UpdateDeadlines } from '../../../../src/domain/actions/update-request-service';
import { ForbiddenError, NotFoundError } from '../../../../src/domain/errors';
import { CHANNEL, chair, healthLead, NOW, officer, P, POLICE_CHAT, policeLead, world } from './world';

/** A deadline "by 11 December" and reminders two days before, whatever the text says. */
const DEADLINES: UpdateDeadlines = {
  updateDeadline: async () => ({ dueOn: '2026-12-11', basis: 'as requested' }),
  chaserDates: (deadline) => [`${deadline} minus 7`, `${deadline} minus 2`],
};

async function setUp() {
  const w = await world();
  const service = new UpdateRequestService(w.actions, w.organisations, w.members, w.rounds, w.channels, DEADLINES, () => NOW);
  return { ...w, service };
}

describe('UpdateRequestService.requestUpdates', () => {
  it("opens a round due by the deadline and lists each owner organisation's actions and leads, with the chats the bot has", async () => {
    const { service, rounds } = await setUp();
    const started = await service.requestUpdates(P, officer, 'request updates by 11 December');

    expect(started.round).toEqual({ startedAt: NOW.toISOString(), requestedById: officer.aadObjectId, requestedByName: officer.name, dueOn: '2026-12-11' });
    expect(await rounds.current(P)).toEqual(started.round);
    expect(started.deadline).toEqual({ dueOn: '2026-12-11', basis: 'as requested' });
    expect(started.chaserDates).toEqual(['2026-12-11 minus 7', '2026-12-11 minus 2']);
    // Organisations come in the partnership's order, by name.
    expect(started.requests.map((r) => [r.organisation.id, r.records.map((x) => x.action.id), r.recipients.map((m) => [m.aadObjectId, m.reference])])).toEqual([
      ['schools', ['2.1'], []],
      ['health', ['1.2'], [['aad-health', undefined]]],
      ['police', ['1.1', '2.1'], [['aad-police', POLICE_CHAT]]],
    ]);
    expect(started.organisationNames.get('health')).toBe('South Warwickshire NHS');
  });

  it('has no channel to post to until the Prevent Officer pins one, then the progress of the new round', async () => {
    const { service, pinChannel } = await setUp();
    expect((await service.requestUpdates(P, officer, 'request updates')).channel).toBeUndefined();

    await pinChannel();
    const { channel } = await service.requestUpdates(P, officer, 'request updates');
    expect(channel?.reference).toBe(CHANNEL);
    expect(channel?.progress).toMatchObject({ updated: 0, total: 3, waitingFor: ['Rugby Schools', 'South Warwickshire NHS', 'Warwickshire Police'] });
  });

  it.each([chair, policeLead])('is refused to anyone but the Prevent Officer (%s), and opens no round', async (actor) => {
    const { service, rounds } = await setUp();
    await expect(service.requestUpdates(P, actor, 'request updates')).rejects.toThrow(ForbiddenError);
    expect(await rounds.current(P)).toBeUndefined();
  });
});

describe('UpdateRequestService.channelProgress', () => {
  it('is undefined until the round has a card in a pinned channel', async () => {
    const { service, pinChannel } = await setUp();
    expect(await service.channelProgress(P)).toBeUndefined();
    const { round } = await service.requestUpdates(P, officer, 'request updates');
    await service.recordChannelCard(P, round.startedAt, 'activity-1');
    expect(await service.channelProgress(P)).toBeUndefined();

    await pinChannel();
    const refresh = await service.channelProgress(P);
    expect(refresh?.reference).toBe(CHANNEL);
    expect(refresh?.progress.round.channelActivityId).toBe('activity-1');
    expect(refresh?.progress).toMatchObject({ updated: 0, total: 3 });
  });
});

describe('UpdateRequestService.requestFor', () => {
  it("gives an organisation's lead their own list, with every owner's name", async () => {
    const { service } = await setUp();
    const { request, organisationNames } = await service.requestFor(P, policeLead, 'police');
    expect(request.records.map((r) => r.action.id)).toEqual(['1.1', '2.1']);
    expect(organisationNames.get('schools')).toBe('Rugby Schools');
  });

  it("refuses another organisation's list, and says so when the organisation owns nothing", async () => {
    const { service } = await setUp();
    await expect(service.requestFor(P, healthLead, 'police')).rejects.toThrow(ForbiddenError);
    await expect(service.requestFor(P, officer, 'wcc')).rejects.toThrow(NotFoundError);
  });
});
