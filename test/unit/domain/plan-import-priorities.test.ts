import { importPlan, type PlanTable } from '../../../src/domain/actions/plan-import';
import type { Organisation } from '../../../src/domain/partnership/organisation';
import { PlanImportService } from '../../../src/domain/actions/plan-import-service';
import type { Actor } from '../../../src/domain/partnership/member';
import { MemoryActionRepository } from '../../../src/storage/memory/memory-action-repository';
import { MemoryOrganisationRepository } from '../../../src/storage/memory/memory-organisation-repository';
import { MemoryPriorityRepository } from '../../../src/storage/memory/memory-priority-repository';
import { sampleRegister } from '../../support/priority-repository-contract';

const ORGANISATIONS: Organisation[] = [{ id: 'wcc', name: 'Warwickshire County Council', sector: 'local-government', aliases: ['Prevent Officer'] }];
const HEADER = ['Action id', 'Theme', 'Key action', 'Who', 'Timescale', 'Priority'];
const OFFICER: Actor = { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer', organisationId: 'wcc' };

function table(header: string[], ...rows: string[][]): PlanTable {
  return { header, rows: rows.map((cells, i) => ({ row: i + 2, values: Object.fromEntries(header.map((name, c) => [name, cells[c] ?? ''])) })) };
}

const row = (id: string, priority: string) => [id, id.startsWith('3') ? '3. Awareness' : '', 'Deliver WRAP training', 'Prevent Officer', 'March 2027', priority];
const REGISTER = { financialYear: '2026-27', ids: ['P1', 'P2', 'P3'] };

describe('importPlan: the optional Priority column', () => {
  it('reads "P1, P3", "p2; P3" and "1 and 3" as the priorities an action addresses', () => {
    const result = importPlan(table(HEADER, row('3.1', 'P1, P3'), row('3.2', 'p2; P3'), row('3.3', '1 and 3'), row('3.4', '')), ORGANISATIONS, undefined, { priorities: REGISTER });
    expect(result.problems).toEqual([]);
    expect(result.actions.map((a) => [a.id, a.priorityIds])).toEqual([
      ['3.1', ['P1', 'P3']],
      ['3.2', ['P2', 'P3']],
      ['3.3', ['P1', 'P3']],
      ['3.4', undefined],
    ]);
    expect(result.readsPriorities).toBe(true);
  });

  it.each(['Priorities', 'SA priority', 'Situational Assessment priorities'])('finds the column headed "%s"', (heading) => {
    const result = importPlan(table([...HEADER.slice(0, 5), heading], row('3.1', 'P2')), ORGANISATIONS);
    expect(result.actions[0]!.priorityIds).toEqual(['P2']);
  });

  it('names the row of a priority that is not like "P1", or not in the year’s register, and imports nothing', () => {
    const result = importPlan(table(HEADER, row('3.1', 'High'), row('3.2', 'P7')), ORGANISATIONS, undefined, { priorities: REGISTER });
    expect(result.actions).toEqual([]);
    expect(result.problems).toEqual([
      { row: 2, message: 'action 3.1: priority "High" is not like "P1"; write them like "P1, P3"' },
      { row: 3, message: 'action 3.2: priority P7 is not one of the 2026-27 priorities (P1, P2, P3)' },
    ]);
  });

  it('leaves the old layout as it was: no column, no priorities, nothing said about them', () => {
    const result = importPlan(table(HEADER.slice(0, 5), row('3.1', '').slice(0, 5)), ORGANISATIONS);
    expect(result).toEqual({ actions: [expect.not.objectContaining({ priorityIds: expect.anything() })], problems: [] });
  });
});

describe('PlanImportService and priorities', () => {
  async function world() {
    const actions = new MemoryActionRepository();
    const organisations = new MemoryOrganisationRepository();
    const priorities = new MemoryPriorityRepository();
    await organisations.save('p', ORGANISATIONS[0]!, { id: 't', name: 't' });
    await priorities.save('p', sampleRegister('nonce-register'), undefined, { id: 't', name: 't' });
    return { actions, service: new PlanImportService(actions, organisations, priorities, () => new Date('2026-11-22T10:00:00Z')) };
  }

  it("checks the Priority column against the current year's register", async () => {
    const { service } = await world();
    const outcome = await service.importTable('p', OFFICER, table(HEADER, row('3.1', 'P2')));
    expect(outcome.saved).toBe(false);
    expect(outcome.summary).toContain('priority P2 is not one of the 2026-27 priorities (P1)');
  });

  it('keeps links made on cards when the file has no Priority column', async () => {
    const { service, actions } = await world();
    await service.importTable('p', OFFICER, table(HEADER, row('3.1', 'P1')));
    const outcome = await service.importTable('p', OFFICER, table(HEADER.slice(0, 5), row('3.1', '').slice(0, 5)));
    expect(outcome.saved).toBe(true);
    expect((await actions.get('p', '3.1'))!.action.priorityIds).toEqual(['P1']);
  });
});
