import type { AssuranceStatement, ItemAnswer } from '../../src/domain/assurance/assurance';
import { AssuranceTableRepository } from '../../src/storage/tables/assurance-table-repository';
import { describeAssuranceRepositoryContract, sampleAnswer, sampleChange, sampleRequest } from '../support/assurance-repository-contract';
import { freshTableStorage } from '../support/test-storage';

describeAssuranceRepositoryContract('Azure Tables (Azurite)', async () => new AssuranceTableRepository((await freshTableStorage()).client('assurance')));

describe('AssuranceTableRepository on Azurite', () => {
  let repository: AssuranceTableRepository;
  beforeAll(async () => {
    repository = new AssuranceTableRepository((await freshTableStorage()).client('assurance'));
  });

  it('round-trips a statement with every note at its longest, in characters JSON must escape', async () => {
    const note = (i: number) => `Item ${i}: "evidence" \\ line\n😀 ${'é'.repeat(990)}`.slice(0, 1000);
    const answers: Record<string, ItemAnswer> = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`item-${i}`, sampleAnswer('partly', note(i))]));
    const value: AssuranceStatement = { year: '2026-27', organisationId: 'police', answers };
    const change = sampleChange(
      'nonce-large-01',
      Object.entries(answers).map(([itemId, after]) => ({ itemId, after })),
    );
    const { record } = await repository.saveStatement('warwickshire', value, change, 'nonce-large-01', undefined);
    await expect(repository.getStatement('warwickshire', '2026-27', 'police')).resolves.toEqual(record);
    expect((await repository.history('warwickshire', '2026-27', 'police'))[0]?.changes[19]?.after.note).toBe(note(19));
  });

  it('keeps a year and an organisation whose ids share a prefix apart', async () => {
    await repository.createRequest('leamington', sampleRequest('2026-27'));
    for (const organisationId of ['school', 'school-a']) {
      const value: AssuranceStatement = { year: '2026-27', organisationId, answers: { records: sampleAnswer('in-place') } };
      await repository.saveStatement(
        'leamington',
        value,
        sampleChange(`nonce-${organisationId}-1`, [{ itemId: 'records', after: sampleAnswer('in-place') }]),
        `nonce-${organisationId}-1`,
        undefined,
      );
    }
    expect(await repository.history('leamington', '2026-27', 'school')).toHaveLength(1);
    expect((await repository.listStatements('leamington', '2026-27')).map((s) => s.organisationId)).toEqual(['school', 'school-a']);
  });
});
