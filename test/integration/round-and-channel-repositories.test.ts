import { ChannelTableRepository } from '../../src/storage/tables/channel-table-repository';
import { UpdateRoundTableRepository } from '../../src/storage/tables/update-round-table-repository';
import { freshTableStorage } from '../support/test-storage';

const round = { startedAt: '2026-11-22T09:00:00.000Z', requestedById: 'aad-officer', requestedByName: 'Priya Officer' };

describe('update rounds and the channel reference on Azurite', () => {
  it('has no round before one is started', async () => {
    const rounds = new UpdateRoundTableRepository((await freshTableStorage()).client('actions'));
    await expect(rounds.current('warwickshire')).resolves.toBeUndefined();
  });

  it('keeps the latest round with its channel card id', async () => {
    const rounds = new UpdateRoundTableRepository((await freshTableStorage()).client('actions'));
    await rounds.save('warwickshire', round);
    await rounds.save('warwickshire', { ...round, channelActivityId: '1:abc' });
    await expect(rounds.current('warwickshire')).resolves.toEqual({ ...round, channelActivityId: '1:abc' });
  });

  it('stores the channel per partnership, with who pinned it and when', async () => {
    const channels = new ChannelTableRepository((await freshTableStorage()).client('partnerships'));
    const pinned = {
      reference: '{"conversation":{"id":"19:steering@thread.tacv2"}}',
      teamId: '19:team@thread.tacv2',
      name: 'Steering Group',
      pinnedBy: { aadObjectId: 'aad-officer', name: 'Priya Officer' },
      pinnedAt: '2026-11-22T10:00:00.000Z',
    };
    await channels.save('warwickshire', pinned);
    await expect(channels.get('warwickshire')).resolves.toEqual(pinned);
    await expect(channels.get('elsewhere')).resolves.toBeUndefined();
  });

  it('records a new name Teams gives the channel, keeping the rest, and forgets the channel when told', async () => {
    const channels = new ChannelTableRepository((await freshTableStorage()).client('partnerships'));
    const pinned = {
      reference: '{"conversation":{"id":"19:steering@thread.tacv2"}}',
      teamId: '19:team@thread.tacv2',
      name: 'Steering Group',
      pinnedBy: { aadObjectId: 'aad-officer', name: 'Priya Officer' },
      pinnedAt: '2026-11-22T10:00:00.000Z',
    };
    await channels.save('warwickshire', pinned);
    await channels.rename('warwickshire', 'Prevent Steering Group');
    await expect(channels.get('warwickshire')).resolves.toEqual({ ...pinned, name: 'Prevent Steering Group' });
    await channels.forget('warwickshire');
    await expect(channels.get('warwickshire')).resolves.toBeUndefined();
    // Neither needs a channel to be there: Teams' events can arrive twice, or for a channel never pinned.
    await channels.forget('warwickshire');
    await channels.rename('warwickshire', 'Anything');
    await expect(channels.get('warwickshire')).resolves.toBeUndefined();
  });

  it('reads a row stored before channels were pinned as captured, not pinned, and a new pin replaces all of it', async () => {
    const client = (await freshTableStorage()).client('partnerships');
    const channels = new ChannelTableRepository(client);
    // The shape older versions wrote from whatever channel last spoke to the bot.
    await client.upsertEntity(
      { partitionKey: 'warwickshire', rowKey: 'channel-reference', reference: '{"conversation":{"id":"19:somewhere@thread.tacv2"}}', teamId: '19:other-team' },
      'Merge',
    );
    await expect(channels.get('warwickshire')).resolves.toEqual({ reference: '{"conversation":{"id":"19:somewhere@thread.tacv2"}}', teamId: '19:other-team' });

    const pinned = {
      reference: '{"conversation":{"id":"19:steering@thread.tacv2"}}',
      pinnedBy: { aadObjectId: 'aad-officer', name: 'Priya Officer' },
      pinnedAt: '2026-11-22T10:00:00.000Z',
    };
    await channels.save('warwickshire', pinned);
    await expect(channels.get('warwickshire')).resolves.toEqual(pinned);
  });
});
