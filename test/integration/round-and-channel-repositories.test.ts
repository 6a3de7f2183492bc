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

  it('stores the channel reference per partnership', async () => {
    const channels = new ChannelTableRepository((await freshTableStorage()).client('partnerships'));
    await channels.save('warwickshire', '{"conversation":{"id":"19:steering@thread.tacv2"}}');
    await expect(channels.get('warwickshire')).resolves.toContain('19:steering@thread.tacv2');
    await expect(channels.get('elsewhere')).resolves.toBeUndefined();
  });
});
