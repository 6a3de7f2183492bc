import { RoundProgressRefresh } from '../../../src/bot/round-progress-refresh';

describe("the channel's progress card after updates", () => {
  it('is refreshed once for all the updates of a window, per partnership', async () => {
    const refreshed: string[] = [];
    // A window far longer than the test: only flush() makes the refreshes happen.
    const refresh = new RoundProgressRefresh(async (partnershipId) => void refreshed.push(partnershipId), 60 * 60 * 1000);
    for (let i = 0; i < 20; i++) refresh.soon('warwickshire');
    refresh.soon('coventry');
    expect(refreshed).toEqual([]);
    await refresh.flush();
    expect(refreshed.sort()).toEqual(['coventry', 'warwickshire']);
    refresh.soon('warwickshire');
    await refresh.flush();
    expect(refreshed).toHaveLength(3);
  });

  it('lets a failed refresh go (the updates are saved) and refreshes again after the next update', async () => {
    let calls = 0;
    const refresh = new RoundProgressRefresh(
      async () => {
        calls++;
        if (calls === 1) throw new Error('connector unavailable');
      },
      60 * 60 * 1000,
    );
    refresh.soon('warwickshire');
    await expect(refresh.flush()).resolves.toBeUndefined();
    refresh.soon('warwickshire');
    await refresh.flush();
    expect(calls).toBe(2);
  });
});
