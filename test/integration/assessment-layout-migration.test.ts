import type { TableClient } from '@azure/data-tables';
import { moveAssessmentRowsToRoundPartitions } from '../../src/storage/tables/assessment-layout-migration';
import { AssessmentTableRepository, roundPartition } from '../../src/storage/tables/assessment-table-repository';
import { encodeKey } from '../../src/storage/tables/key-encoding';
import { sampleRating, sampleReturn, sampleRound } from '../support/assessment-repository-contract';
import { freshTableStorage } from '../support/test-storage';

async function rowsOf(table: TableClient, partitionKey: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter: `PartitionKey eq '${partitionKey}'` } })) rows.push(row);
  return rows;
}

/** Puts a round's rows back where the first layout kept them: in the partnership's partition, keys unchanged. */
async function backToTheFirstLayout(table: TableClient, partnershipId: string, roundId: string): Promise<number> {
  const rows = await rowsOf(table, roundPartition(partnershipId, roundId));
  for (const { etag: _etag, timestamp: _timestamp, ...row } of rows) {
    await table.createEntity({ ...row, partitionKey: encodeKey(partnershipId), rowKey: String(row['rowKey']) });
    await table.deleteEntity(String(row['partitionKey']), String(row['rowKey']));
  }
  return rows.length;
}

describe('moving self-assessment rows from the partnership partition to round partitions', () => {
  let table: TableClient;
  let repository: AssessmentTableRepository;
  const q2 = sampleReturn('2026-27-q2', 'police', { '1.1': sampleRating('developing', 'Two of five schools trained.') });
  const q3 = sampleReturn('2026-27-q3', 'police', { '1.1': sampleRating('achieving', 'All five schools trained.') });

  beforeAll(async () => {
    table = (await freshTableStorage()).client('assessments');
    repository = new AssessmentTableRepository(table);
    for (const [value, nonce] of [
      [q2, 'nonce-q2'],
      [q3, 'nonce-q3'],
    ] as const) {
      await repository.createRound('warwickshire', sampleRound(value.roundId));
      await repository.saveReturn('warwickshire', value, [{ itemId: '1.1', after: value.ratings['1.1']! }], nonce, undefined);
    }
    // Each round: its return, one history row and the nonce marker.
    expect(await backToTheFirstLayout(table, 'warwickshire', '2026-27-q2')).toBe(3);
    expect(await backToTheFirstLayout(table, 'warwickshire', '2026-27-q3')).toBe(3);
    // As a table created by that version: without the marker this version writes once it has moved the rows.
    await table.deleteEntity('layout', 'round-partitions');
  });

  it('moves every return, history row and nonce marker, and leaves the rounds in the partnership partition', async () => {
    await expect(moveAssessmentRowsToRoundPartitions(table)).resolves.toBe(6);
    const left = (await rowsOf(table, 'warwickshire')).map((row) => String(row['rowKey']));
    expect(left.sort()).toEqual(['round_2026-27-q2', 'round_2026-27-q3']);
    expect(await rowsOf(table, roundPartition('warwickshire', '2026-27-q3'))).toHaveLength(3);
  });

  it('leaves everything readable as before: returns, history, and a repeated submit is still a repeat', async () => {
    await expect(repository.listReturns('warwickshire', '2026-27-q2')).resolves.toEqual([q2]);
    await expect(repository.listReturns('warwickshire', '2026-27-q3')).resolves.toEqual([q3]);
    expect((await repository.history('warwickshire', '2026-27-q3', 'police')).map((h) => h.after.rating)).toEqual(['achieving']);
    const again = await repository.saveReturn('warwickshire', q3, [{ itemId: '1.1', after: q3.ratings['1.1']! }], 'nonce-q3', undefined);
    expect(again.duplicate).toBe(true);
  });

  it('does nothing on later starts', async () => {
    await expect(moveAssessmentRowsToRoundPartitions(table)).resolves.toBe(0);
  });
});
