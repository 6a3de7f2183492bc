import { seedLiveDemo } from '../../../src/cli/seed-demo';
import { priorityCoverage } from '../../../src/domain/priorities/priority-coverage';
import { agreedInTime } from '../../../src/domain/priorities/priority';
import { memoryDemoRepositories } from '../../support/demo-history-repositories';

const PARTNERSHIP = 'warwickshire';

async function seeded(now: Date) {
  const repositories = memoryDemoRepositories();
  const result = await seedLiveDemo(repositories, { now });
  return { repositories, result };
}

describe('the demo priorities npm start seeds', () => {
  it.each([
    ['2026-12-03', '2026-27', '2025-26'],
    ['2027-02-20', '2026-27', '2025-26'],
    ['2027-04-02', '2027-28', '2026-27'],
  ])('on %s has this year (%s) and last year (%s), each agreed before its year started', async (day, thisYear, lastYear) => {
    const { repositories, result } = await seeded(new Date(`${day}T12:00:00Z`));
    expect(result.priorities).toBe('created');
    const registers = await repositories.priorities.list(PARTNERSHIP);
    expect(registers.map((r) => r.register.financialYear)).toEqual([thisYear, lastYear]);
    expect(registers.every((r) => agreedInTime(r.register))).toBe(true);
  });

  it('links most of the plan to this year, leaving one priority with no actions so the call-out shows', async () => {
    const { repositories } = await seeded(new Date('2026-12-03T12:00:00Z'));
    const register = (await repositories.priorities.get(PARTNERSHIP, '2026-27'))!.register;
    const actions = (await repositories.actions.list(PARTNERSHIP)).map((r) => r.action);
    const coverage = priorityCoverage(register, actions);
    expect(coverage.uncovered.map((p) => p.id)).toEqual(['P7']);
    expect(coverage.unlinkedActionIds).toEqual(['2.2', '6.5']);
    expect(coverage.rows.find((r) => r.priority.id === 'P4')!.actionIds).toEqual(['5.1', '5.2', '5.3', '5.4']);
  });

  it('marks every description as demo data', async () => {
    const { repositories } = await seeded(new Date('2026-12-03T12:00:00Z'));
    const registers = await repositories.priorities.list(PARTNERSHIP);
    expect(registers.flatMap((r) => r.register.priorities).every((p) => p.description.startsWith('Demo data: '))).toBe(true);
  });

  it('is seeded once, and a restart keeps the links the plan file does not mention', async () => {
    const { repositories } = await seeded(new Date('2026-12-03T12:00:00Z'));
    const before = await repositories.actions.list(PARTNERSHIP);
    const again = await seedLiveDemo(repositories, { now: new Date('2026-12-04T09:00:00Z') });
    expect(again).toMatchObject({ priorities: 'kept', actions: 'unchanged' });
    expect(await repositories.actions.list(PARTNERSHIP)).toEqual(before);
  });
});
