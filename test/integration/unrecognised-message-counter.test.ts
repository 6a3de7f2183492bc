import type { UnrecognisedMessageCounter } from '../../src/domain/ports';
import { MemoryUnrecognisedMessageCounter } from '../../src/storage/memory/memory-unrecognised-message-counter';
import { UnrecognisedMessageTableCounter } from '../../src/storage/tables/unrecognised-message-table-counter';
import { freshTableStorage } from '../support/test-storage';

/** The same contract on memory and on Azurite: a number per partnership and UK day, nothing else. */
const implementations: [string, () => Promise<{ counter: UnrecognisedMessageCounter; rows?: () => Promise<Record<string, unknown>[]> }>][] = [
  ['memory', async () => ({ counter: new MemoryUnrecognisedMessageCounter() })],
  [
    'Azurite',
    async () => {
      const storage = await freshTableStorage();
      const table = storage.client('partnerships');
      return {
        counter: new UnrecognisedMessageTableCounter(table),
        rows: async () => {
          const all: Record<string, unknown>[] = [];
          for await (const row of table.listEntities()) all.push(row);
          return all;
        },
      };
    },
  ],
];

describe.each(implementations)('counting messages the bot did not understand (%s)', (_name, make) => {
  it('counts per partnership and day, and lists only days that had any', async () => {
    const { counter } = await make();
    await counter.count('warwickshire', '2026-12-03');
    await counter.count('warwickshire', '2026-12-03');
    await counter.count('warwickshire', '2026-12-05');
    await counter.count('elsewhere', '2026-12-03');
    await expect(counter.countsBetween('warwickshire', '2026-12-01', '2026-12-31')).resolves.toEqual([
      { day: '2026-12-03', count: 2 },
      { day: '2026-12-05', count: 1 },
    ]);
    await expect(counter.countsBetween('warwickshire', '2026-12-04', '2026-12-04')).resolves.toEqual([]);
  });

  it('loses no count when many turns count at once', async () => {
    const { counter } = await make();
    await Promise.all(Array.from({ length: 3 }, () => counter.count('warwickshire', '2026-12-03')));
    await expect(counter.countsBetween('warwickshire', '2026-12-03', '2026-12-03')).resolves.toEqual([{ day: '2026-12-03', count: 3 }]);
  });

  it('stores a count and nothing of the message', async () => {
    const { counter, rows } = await make();
    await counter.count('warwickshire', '2026-12-03');
    if (!rows) return;
    const [row] = await rows();
    expect(Object.keys(row!).filter((k) => !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(k))).toEqual(['count']);
  });
});
