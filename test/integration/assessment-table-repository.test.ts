import { freePort } from '../../tools/local/free-port';
import type { ItemRating, OrganisationReturn, RatingChange } from '../../src/domain/assessment/assessment';
import { azuriteConnectionString } from '../../src/config';
import { StorageUnavailableError } from '../../src/domain/errors';
import { AssessmentTableRepository } from '../../src/storage/tables/assessment-table-repository';
import { TableStorage } from '../../src/storage/tables/table-storage';
import { describeAssessmentRepositoryContract, sampleRating, sampleReturn, sampleRound } from '../support/assessment-repository-contract';
import { freshTableStorage } from '../support/test-storage';

describeAssessmentRepositoryContract('Azure Tables (Azurite)', async () => new AssessmentTableRepository((await freshTableStorage()).client('assessments')));

describe('AssessmentTableRepository on Azurite', () => {
  let repository: AssessmentTableRepository;
  beforeAll(async () => {
    repository = new AssessmentTableRepository((await freshTableStorage()).client('assessments'));
  });

  it('round-trips a return of 40 ratings with 2,000-character details (more than one 64 KiB property)', async () => {
    // Characters JSON has to escape, and one outside the BMP, so the stored text is longer than the details.
    const details = (i: number) => `Item ${i}: "evidence" \\ line\n😀 ${'é'.repeat(1970)}`.slice(0, 2000);
    const changes: RatingChange[] = Array.from({ length: 40 }, (_, i) => ({
      itemId: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
      after: sampleRating(i % 2 ? 'achieving' : 'developing', details(i)),
    }));
    const ratings: Record<string, ItemRating> = Object.fromEntries(changes.map((c) => [c.itemId, c.after]));
    const value: OrganisationReturn = sampleReturn('2026-27-q3', 'police', ratings);
    expect(JSON.stringify(value).length).toBeGreaterThan(80_000);

    const { record } = await repository.saveReturn('warwickshire', value, changes, 'nonce-large-1', undefined);
    expect(record.value).toEqual(value);
    await expect(repository.getReturn('warwickshire', '2026-27-q3', 'police')).resolves.toEqual(record);
    await expect(repository.listReturns('warwickshire', '2026-27-q3')).resolves.toEqual([value]);
    const history = await repository.history('warwickshire', '2026-27-q3', 'police');
    expect(history.map((h) => h.itemId)).toEqual(changes.map((c) => c.itemId));
    expect(history[39]!.after.details).toBe(details(39));

    // And it can be replaced on its ETag at that size.
    const next = { ...value, submittedAt: '2026-10-03T12:00:00.000Z', submittedById: 'aad-police', submittedByName: 'Pat Police' };
    const saved = await repository.saveReturn('warwickshire', next, [], 'nonce-large-2', record.etag);
    expect(saved.record.value).toEqual(next);
  });

  it('finds a round whose channel card was recorded, alongside rounds without one', async () => {
    await repository.createRound('coventry', sampleRound('2026-27-q1', { startedAt: '2026-04-01T09:00:00.000Z' }));
    await repository.createRound('coventry', sampleRound('2026-27-q2', { startedAt: '2026-07-01T09:00:00.000Z' }));
    await repository.setRoundChannelCard('coventry', '2026-27-q1', '1:activity/with#odd?chars');
    expect((await repository.listRounds('coventry')).map((r) => [r.id, r.channelActivityId])).toEqual([
      ['2026-27-q2', undefined],
      ['2026-27-q1', '1:activity/with#odd?chars'],
    ]);
  });
});

describe('AssessmentTableRepository when Table storage is unreachable', () => {
  let repository: AssessmentTableRepository;
  beforeAll(async () => {
    const storage = new TableStorage(azuriteConnectionString(await freePort()), 'down');
    repository = new AssessmentTableRepository(storage.client('assessments'));
  });

  it('reads fail with StorageUnavailableError, not a raw network error', async () => {
    await expect(repository.listRounds('warwickshire')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(repository.getReturn('warwickshire', '2026-27-q3', 'police')).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it('writes fail with StorageUnavailableError', async () => {
    await expect(repository.createRound('warwickshire', sampleRound('2026-27-q3'))).rejects.toBeInstanceOf(StorageUnavailableError);
    const first: RatingChange[] = [{ itemId: '1.1', after: sampleRating('developing') }];
    const value = sampleReturn('2026-27-q3', 'police', { '1.1': first[0]!.after });
    await expect(repository.saveReturn('warwickshire', value, first, 'nonce-down-1', undefined)).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
