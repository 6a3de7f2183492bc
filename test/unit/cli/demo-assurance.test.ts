import { seedLiveDemo } from '../../../src/cli/seed-demo';
import { DEMO_TEXT_PREFIX } from '../../../src/cli/demo/demo-history-plan';
import { memoryDemoRepositories } from '../../support/demo-history-repositories';

const PARTNERSHIP = 'warwickshire';

async function seeded(now: Date) {
  const repositories = memoryDemoRepositories();
  const result = await seedLiveDemo(repositories, { now });
  return { repositories, result };
}

async function statements(repositories: ReturnType<typeof memoryDemoRepositories>) {
  const requests = await repositories.assurance.listRequests(PARTNERSHIP);
  return Promise.all(requests.map(async (r) => ({ request: r, statements: await repositories.assurance.listStatements(PARTNERSHIP, r.year) })));
}

describe('the demo assurance statements npm start seeds', () => {
  it("has last year's returned by most organisations and this year's opened recently with a few back", async () => {
    const { repositories, result } = await seeded(new Date('2026-12-03T12:00:00Z'));
    expect(result.assurance).toBe('created');
    const organisations = (await repositories.organisations.list(PARTNERSHIP)).length;
    const [thisYear, lastYear] = await statements(repositories);
    expect(thisYear!.request).toMatchObject({ year: '2026-27', requestedAt: expect.stringMatching(/^2026-11-2/) });
    expect(lastYear!.request.year).toBe('2025-26');
    const confirmedLast = lastYear!.statements.filter((s) => s.confirmedAt);
    expect(confirmedLast.length).toBeGreaterThan(organisations / 2);
    expect(confirmedLast.length).toBeLessThan(organisations);
    expect(lastYear!.statements.some((s) => !s.confirmedAt)).toBe(true);
    const confirmedThis = thisYear!.statements.filter((s) => s.confirmedAt);
    expect(confirmedThis.length).toBeGreaterThanOrEqual(1);
    expect(confirmedThis.length).toBeLessThanOrEqual(4);
    for (const statement of [...lastYear!.statements, ...thisYear!.statements]) {
      expect(statement.confirmedAt === undefined || statement.confirmedAt < '2026-12-03T12:00:00Z').toBe(true);
      for (const answer of Object.values(statement.answers)) expect(answer.note.startsWith(DEMO_TEXT_PREFIX)).toBe(true);
    }
    // Some items are not yet in place somewhere, so the agenda and the overview have something to say.
    expect(confirmedLast.some((s) => Object.values(s.answers).some((a) => a.answer !== 'in-place'))).toBe(true);
  });

  it('is the same for the same day, and kept on a second run', async () => {
    const now = new Date('2026-12-03T12:00:00Z');
    const first = await seeded(now);
    const second = await seeded(now);
    expect(await statements(second.repositories)).toEqual(await statements(first.repositories));
    await expect(seedLiveDemo(first.repositories, { now: new Date('2026-12-04T09:00:00Z') })).resolves.toMatchObject({ assurance: 'kept' });
  });

  it("in the first days of April has only last year's statements, not a request dated in the year before", async () => {
    const { repositories } = await seeded(new Date('2027-04-02T12:00:00Z'));
    expect((await statements(repositories)).map((y) => y.request.year)).toEqual(['2026-27']);
  });
});
