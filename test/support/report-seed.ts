import { randomUUID } from 'node:crypto';
import type { Rating } from '../../src/domain/assessment/framework';
import { seedDemo } from '../../src/cli/seed-demo';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import type { Config } from '../../src/config';
import { AssessmentTableRepository } from '../../src/storage/tables/assessment-table-repository';
import { framework2018 } from './board-report-fixture';

export const DEMO_OFFICER = { aadObjectId: '00000000-0000-0000-0000-000000000020', name: 'Priya Officer' };
export const DEMO_CHAIR = { aadObjectId: '00000000-0000-0000-0000-000000000021', name: 'Charles Chair' };
export const SEEDED_ROUND = { id: '2026-27-q3', name: '2026/27 Q3' };

/** Submitted returns of the seeded round: the County Council Achieving throughout, the police Developing. */
export const SEEDED_RETURNS: readonly { organisationId: string; rating: Rating }[] = [
  { organisationId: 'warwickshire-county-council', rating: 'achieving' },
  { organisationId: 'warwickshire-and-west-mercia-police', rating: 'developing' },
];

/**
 * The demo partnership (15 organisations, the 2017-18 plan, the demo members) and one round of the
 * 2018 toolkit with two submitted returns, written through the Table repositories the bot reads.
 */
export async function seedReportRound(config: Pick<Config, 'storage' | 'tableNamePrefix'>): Promise<void> {
  const repositories = await openTableRepositories(config);
  await seedDemo(repositories);
  const assessments = new AssessmentTableRepository(repositories.storage.client('assessments'));
  await assessments.createRound('warwickshire', {
    ...SEEDED_ROUND,
    frameworkId: framework2018.id,
    closesOn: '2026-12-31',
    startedAt: '2026-11-01T09:00:00.000Z',
    startedById: DEMO_OFFICER.aadObjectId,
    startedByName: DEMO_OFFICER.name,
  });
  const at = '2026-11-20T09:00:00.000Z';
  for (const { organisationId, rating } of SEEDED_RETURNS) {
    const ratings = Object.fromEntries(
      framework2018.sections
        .flatMap((s) => s.items)
        .map((item) => [item.id, { rating, details: `Evidence for ${item.id}`, updatedById: 'seed', updatedByName: 'Seed', updatedAt: at }]),
    );
    const changes = Object.entries(ratings).map(([itemId, after]) => ({ itemId, after }));
    await assessments.saveReturn(
      'warwickshire',
      { roundId: SEEDED_ROUND.id, organisationId, ratings, submittedAt: at, submittedById: 'seed', submittedByName: 'Seed' },
      changes,
      randomUUID(),
      undefined,
    );
  }
}
