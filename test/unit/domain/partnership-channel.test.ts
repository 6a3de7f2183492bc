import { ForbiddenError } from '../../../src/domain/errors';
import { PartnershipDirectory } from '../../../src/domain/partnership/directory';
import type { Actor } from '../../../src/domain/partnership/member';
import { MemoryMemberRepository } from '../../../src/storage/memory/memory-member-repository';
import { MemoryOrganisationRepository } from '../../../src/storage/memory/memory-organisation-repository';
import { MemoryChannelRepository } from '../../../src/storage/memory/memory-round-and-channel-repositories';

const P = 'warwickshire';
const officer: Actor = { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer' };
const chair: Actor = { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' };
const STEERING = { reference: '{"conversation":{"id":"19:steering@thread.tacv2"}}', teamId: '19:team@thread.tacv2', name: 'Steering Group' };
const NOW = new Date('2026-11-22T10:00:00Z');

async function directoryWith(stored?: { reference: string; teamId?: string }) {
  const channels = new MemoryChannelRepository();
  if (stored) await channels.save(P, stored);
  const members = new MemoryMemberRepository();
  await members.save(P, { aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead', organisationId: 'police' }, { id: 'test', name: 'test' });
  return { directory: new PartnershipDirectory(members, new MemoryOrganisationRepository(), channels), members };
}

describe('the partnership channel', () => {
  it('is not set until the Prevent Officer pins one', async () => {
    const { directory } = await directoryWith();
    expect(await directory.channelStatus(P)).toEqual({ state: 'not-set' });
    expect(await directory.channel(P)).toBeUndefined();
  });

  it('once pinned, is where posts go and whose team is the partnership team', async () => {
    const { directory } = await directoryWith();
    await directory.pinChannel(P, officer, STEERING, NOW);
    expect(await directory.channel(P)).toBe(STEERING.reference);
    expect(await directory.isPartnershipTeam(P, STEERING.teamId)).toBe(true);
    expect(await directory.isPartnershipTeam(P, '19:other-team@thread.tacv2')).toBe(false);
    expect(await directory.isPartnershipTeam(P, undefined)).toBe(false);
    expect(await directory.channelStatus(P)).toEqual({ state: 'pinned', name: 'Steering Group', pinnedByName: 'Priya Officer', pinnedAt: NOW.toISOString() });
  });

  it('cannot be pinned by anyone but the Prevent Officer', async () => {
    const { directory } = await directoryWith();
    await expect(directory.pinChannel(P, chair, STEERING, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await directory.channelStatus(P)).toEqual({ state: 'not-set' });
  });

  it('is pinned from the details read once the Prevent Officer is known to be asking', async () => {
    const { directory } = await directoryWith();
    let reads = 0;
    const read = async () => {
      reads += 1;
      return STEERING;
    };
    await expect(directory.pinChannel(P, chair, read, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(reads).toBe(0);
    await directory.pinChannel(P, officer, read, NOW);
    expect(reads).toBe(1);
    expect(await directory.channel(P)).toBe(STEERING.reference);
  });

  it('is not pinned from a 1:1 chat: the officer is told to type it in the channel', async () => {
    const { directory } = await directoryWith();
    await expect(directory.pinChannel(P, officer, undefined, NOW)).rejects.toMatchObject({
      code: 'invalid',
      message: 'Type "use this channel" in the Teams channel where the partnership should see agendas and progress cards.',
    });
    await expect(directory.pinChannel(P, chair, undefined, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await directory.channelStatus(P)).toEqual({ state: 'not-set' });
  });

  it('stored the old way (taken from whatever channel last spoke to the bot) is not used until the officer pins one', async () => {
    const { directory } = await directoryWith({ reference: '{"conversation":{"id":"19:anywhere@thread.tacv2"}}', teamId: '19:any-team@thread.tacv2' });
    expect(await directory.channelStatus(P)).toEqual({ state: 'captured' });
    expect(await directory.channel(P)).toBeUndefined();
    expect(await directory.isPartnershipTeam(P, '19:any-team@thread.tacv2')).toBe(false);
  });
});

describe('1:1 chat references', () => {
  it('are kept for registered members only', async () => {
    const { directory } = await directoryWith();
    expect(await directory.rememberPersonalChat(P, 'aad-police', '{"conversation":{"id":"a:police"}}')).toBe(true);
    expect(await directory.rememberPersonalChat(P, 'aad-stranger', '{"conversation":{"id":"a:stranger"}}')).toBe(false);
    expect(await directory.personalChat(P, 'aad-police')).toContain('a:police');
    expect(await directory.personalChat(P, 'aad-stranger')).toBeUndefined();
  });
});
