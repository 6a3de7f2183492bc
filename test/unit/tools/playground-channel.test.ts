import path from 'node:path';
import { pinPlaygroundChannel } from '../../../tools/local/playground-channel';
import { isPinned } from '../../../src/domain/partnership/partnership-channel';
import { PROJECT_ROOT } from '../../../src/project-root';
import { MemoryChannelRepository } from '../../../src/storage/memory/memory-round-and-channel-repositories';

const PLAYGROUND_CONFIG = path.join(PROJECT_ROOT, '.m365agentsplayground.yml');

describe("npm start: the playground team's channel is the demo partnership channel", () => {
  it("is set as the playground's Prevent Officer would set it, with the playground's connector as its address", async () => {
    const channels = new MemoryChannelRepository();
    const outcome = await pinPlaygroundChannel({
      channels,
      partnershipId: 'warwickshire',
      playgroundConfigFile: PLAYGROUND_CONFIG,
      playgroundPort: 56150,
      now: new Date('2026-12-03T09:00:00Z'),
    });
    const channel = await channels.get('warwickshire');
    expect(outcome).toBe('pinned');
    expect(isPinned(channel)).toBe(true);
    expect(channel).toMatchObject({ teamId: 'team-id', name: 'Steering Group', pinnedBy: { name: 'Priya Officer', aadObjectId: '00000000-0000-0000-0000-000000000020' } });
    expect(JSON.parse(channel!.reference)).toMatchObject({
      serviceUrl: 'http://localhost:56150/_connector',
      conversation: { id: 'channel-steering-group-id', conversationType: 'channel' },
    });
  });

  it("keeps a channel already set for the same playground, and moves it when the playground's address changed", async () => {
    const channels = new MemoryChannelRepository();
    const pin = (playgroundPort: number) => pinPlaygroundChannel({ channels, partnershipId: 'warwickshire', playgroundConfigFile: PLAYGROUND_CONFIG, playgroundPort });
    await pin(56150);
    await expect(pin(56150)).resolves.toBe('kept');
    await expect(pin(56151)).resolves.toBe('pinned');
    expect(JSON.parse((await channels.get('warwickshire'))!.reference).serviceUrl).toBe('http://localhost:56151/_connector');
  });

  it('replaces a channel stored the old way (captured, never set by the officer)', async () => {
    const channels = new MemoryChannelRepository();
    await channels.save('warwickshire', { reference: JSON.stringify({ serviceUrl: 'http://localhost:56150/_connector' }), teamId: 'team-id' });
    await expect(pinPlaygroundChannel({ channels, partnershipId: 'warwickshire', playgroundConfigFile: PLAYGROUND_CONFIG, playgroundPort: 56150 })).resolves.toBe('pinned');
  });
});
