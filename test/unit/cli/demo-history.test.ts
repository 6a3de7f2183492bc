import { isSpecifiedAuthority } from '../../../src/domain/actions/plan-import';
import { seedLiveDemo } from '../../../src/cli/seed-demo';
import { DEMO_SEED_ACTOR, planDemoHistory } from '../../../src/cli/demo/demo-history-plan';
import { demoYearOffset, moveDate } from '../../../src/cli/demo/demo-year';
import { ragFor } from '../../../src/domain/actions/rag';
import { isWorkingDay } from '../../../src/domain/calendar/working-days';
import { londonDate } from '../../../src/domain/clock';
import { londonDateOf } from '../../../src/domain/meetings/meeting-time';
import { loadFrameworks } from '../../../src/storage/files/framework-files';
import { memoryDemoRepositories } from '../../support/demo-history-repositories';

const PARTNERSHIP = 'warwickshire';
const TODAY = new Date('2026-12-03T12:00:00Z');

async function seeded(now: Date) {
  const repositories = memoryDemoRepositories();
  const result = await seedLiveDemo(repositories, { now });
  return { repositories, result };
}

/** Everything a newcomer could see, without storage's own version tags. */
async function snapshot(repositories: ReturnType<typeof memoryDemoRepositories>) {
  const rounds = await repositories.assessments.listRounds(PARTNERSHIP);
  return {
    actions: (await repositories.actions.list(PARTNERSHIP)).map(({ action, progress }) => ({ action, progress })),
    rounds,
    returns: await Promise.all(rounds.map((r) => repositories.assessments.listReturns(PARTNERSHIP, r.id))),
    meetings: await repositories.meetings.list(PARTNERSHIP),
  };
}

describe('the financial year the demo plan is moved to', () => {
  it('is the UK financial year holding today: April starts a new one', () => {
    expect(demoYearOffset(new Date('2026-12-03T12:00:00Z'))).toBe(9);
    expect(demoYearOffset(new Date('2027-03-31T12:00:00Z'))).toBe(9);
    expect(demoYearOffset(new Date('2027-04-01T12:00:00Z'))).toBe(10);
  });

  it('moves dates by whole years, keeping a month end a month end', () => {
    expect(moveDate('2018-03-31', 9)).toBe('2027-03-31');
    expect(moveDate('2018-02-28', 10)).toBe('2028-02-29');
    expect(moveDate('2017-09-15', 9)).toBe('2026-09-15');
  });
});

describe('the demo history npm start seeds', () => {
  it("moves the plan's due dates into this financial year and keeps the plan's own timescale words", async () => {
    const { repositories } = await seeded(TODAY);
    const action = (await repositories.actions.get(PARTNERSHIP, '1.4'))!.action;
    expect(action.timescale).toBe('March 2018');
    expect(action.dueDate).toBe('2027-03-31');
  });

  it('is the same history for the same today', async () => {
    const first = await snapshot((await seeded(TODAY)).repositories);
    const second = await snapshot((await seeded(TODAY)).repositories);
    expect(second).toEqual(first);
  });

  it('is seeded once: a second run keeps it and writes nothing', async () => {
    const { repositories, result } = await seeded(TODAY);
    expect(result.history).toBe('created');
    const before = await snapshot(repositories);
    await expect(seedLiveDemo(repositories, { now: new Date('2026-12-04T09:00:00Z') })).resolves.toMatchObject({ history: 'kept', actions: 'unchanged' });
    expect(await snapshot(repositories)).toEqual(before);
  });

  it.each(['2026-04-02', '2026-06-30', '2026-09-10', '2026-12-03', '2027-02-20', '2027-03-30'])(
    'on %s has updates on a realistic share of actions, and a few red but no more than a third',
    async (day) => {
      const now = new Date(`${day}T12:00:00Z`);
      const { repositories } = await seeded(now);
      const records = await repositories.actions.list(PARTNERSHIP);
      const red = records.filter((r) => ragFor(r.action, r.progress, londonDate(now)) === 'red');
      const updated = records.filter((r) => r.progress);
      expect(red.length).toBeLessThanOrEqual(Math.floor(records.length / 3));
      // ...and something for the Steering Group to discuss.
      expect(red.length).toBeGreaterThanOrEqual(2);
      expect(updated.length).toBeGreaterThanOrEqual(records.length / 2);
      expect(updated.length).toBeLessThan(records.length);
      // Several updates on some, each from a demo lead of an owning organisation, in the past, in order.
      const members = await repositories.members.list(PARTNERSHIP);
      const histories = await Promise.all(updated.map((r) => repositories.actions.history(PARTNERSHIP, r.action.id)));
      expect(histories.filter((h) => h.length > 1).length).toBeGreaterThanOrEqual(5);
      for (const [i, history] of histories.entries()) {
        const owners = updated[i]!.action.ownerOrganisationIds;
        for (const update of history) {
          const author = members.find((m) => m.aadObjectId === update.updatedById);
          expect(owners).toContain(author?.organisationId);
          expect(update.updatedAt < now.toISOString()).toBe(true);
          expect(update.progressNote).toMatch(/^Demo data: /);
        }
        expect([...history].reverse().map((u) => u.updatedAt)).toEqual(history.map((u) => u.updatedAt).sort());
      }
    },
  );

  it('has two closed self-assessment rounds on the partnership framework, most organisations returned, ratings moving between them', async () => {
    const { repositories } = await seeded(TODAY);
    const organisations = await repositories.organisations.list(PARTNERSHIP);
    const partnership = (await repositories.partnerships.get(PARTNERSHIP))!;
    const rounds = await repositories.assessments.listRounds(PARTNERSHIP);
    expect(rounds).toHaveLength(2);
    expect(rounds.every((r) => r.frameworkId === partnership.frameworkId && r.closesOn < londonDate(TODAY))).toBe(true);
    expect(rounds.every((r) => r.startedByName === DEMO_SEED_ACTOR.name)).toBe(true);
    // The framework is answered by the specified authorities: the voluntary sector partner and CTPWM are not asked.
    const asked = organisations.filter(isSpecifiedAuthority).map((o) => o.id);
    expect(asked.length).toBeLessThan(organisations.length);
    for (const round of rounds) expect([...(round.organisationIds ?? [])].sort()).toEqual([...asked].sort());
    const returns = await Promise.all(rounds.map((r) => repositories.assessments.listReturns(PARTNERSHIP, r.id)));
    for (const list of returns) {
      expect(list.filter((r) => r.submittedAt).length).toBeGreaterThanOrEqual(Math.ceil(asked.length * 0.75));
      expect(list.every((r) => asked.includes(r.organisationId))).toBe(true);
    }
    const [latest, previous] = returns;
    const changed = latest!.filter((r) => {
      const before = previous!.find((p) => p.organisationId === r.organisationId);
      return before && Object.entries(r.ratings).some(([item, rating]) => before.ratings[item]?.rating !== rating.rating);
    });
    expect(changed.length).toBeGreaterThan(0);
  });

  it("has last quarter's meeting with replies and decisions, and the next one on a working day in the future", async () => {
    const { repositories } = await seeded(TODAY);
    const meetings = await repositories.meetings.list(PARTNERSHIP);
    expect(meetings).toHaveLength(2);
    const [held, next] = meetings as [(typeof meetings)[0], (typeof meetings)[0]];
    const daysAgo = (TODAY.getTime() - Date.parse(held.startsAt)) / 86_400_000;
    expect(daysAgo).toBeGreaterThan(30);
    expect(daysAgo).toBeLessThan(120);
    expect(Object.keys(held.attendance).length).toBeGreaterThanOrEqual(8);
    expect(held.decisions.map((d) => d.itemId)).toEqual(expect.arrayContaining(['action-plan', 'training']));
    expect(held.decisions.every((d) => d.byName === 'Demo seed')).toBe(true);
    expect(Date.parse(next.startsAt)).toBeGreaterThan(TODAY.getTime());
    expect(isWorkingDay(londonDateOf(new Date(next.startsAt)))).toBe(true);
    expect(next.agenda.length).toBeGreaterThan(5);
  });

  it('plans nothing after today, whatever today is', async () => {
    const { repositories } = await seeded(TODAY);
    const framework = (await loadFrameworks()).get('home-office-2018')!;
    const inputs = {
      plan: (await repositories.actions.list(PARTNERSHIP)).map((r) => r.action),
      organisations: await repositories.organisations.list(PARTNERSHIP),
      members: await repositories.members.list(PARTNERSHIP),
      framework,
    };
    for (const now of [new Date('2026-04-01T08:00:00Z'), new Date('2027-01-04T08:00:00Z'), new Date('2027-12-29T08:00:00Z')]) {
      const events = planDemoHistory({ ...inputs, now });
      expect(events.filter((e) => e.at.getTime() >= now.getTime())).toEqual([]);
    }
  });
});
