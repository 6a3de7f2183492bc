import type { Action } from '../actions/action';
import { compareActionIds } from '../actions/action-order';
import type { Priority, PriorityRegister } from './priority';

/** One priority and the actions of the plan that address it, in plan order. */
export interface PriorityCoverageRow {
  readonly priority: Pick<Priority, 'id' | 'title'>;
  readonly actionIds: readonly string[];
}

/**
 * How far the plan covers the year's priorities (SOP §4.3: the plan "addresses the priorities
 * identified in the Situational Assessment"): the actions each active priority has, the priorities
 * with none, and the actions linked to no priority of the year.
 */
export interface PriorityCoverage {
  readonly financialYear: string;
  readonly status: PriorityRegister['status'];
  readonly agreedOn?: string;
  readonly rows: readonly PriorityCoverageRow[];
  readonly uncovered: readonly Pick<Priority, 'id' | 'title'>[];
  /** Actions linked to no active priority of the year, in plan order. */
  readonly unlinkedActionIds: readonly string[];
  readonly totalActions: number;
}

/** Coverage of a register's active priorities by the plan's actions. Pure. */
export function priorityCoverage(register: PriorityRegister, actions: readonly Pick<Action, 'id' | 'priorityIds'>[]): PriorityCoverage {
  const active = register.priorities.filter((p) => !p.retired);
  const activeIds = new Set(active.map((p) => p.id));
  const ordered = [...actions].sort((a, b) => compareActionIds(a.id, b.id));
  const rows = active.map((priority) => ({
    priority: { id: priority.id, title: priority.title },
    actionIds: ordered.filter((a) => a.priorityIds?.includes(priority.id)).map((a) => a.id),
  }));
  return {
    financialYear: register.financialYear,
    status: register.status,
    ...(register.agreedOn ? { agreedOn: register.agreedOn } : {}),
    rows,
    uncovered: rows.filter((r) => r.actionIds.length === 0).map((r) => r.priority),
    unlinkedActionIds: ordered.filter((a) => !(a.priorityIds ?? []).some((id) => activeIds.has(id))).map((a) => a.id),
    totalActions: actions.length,
  };
}

/** "Priority P3 has no actions in the plan" lines, then one for actions linked to no priority. */
export function coverageCallOuts(coverage: PriorityCoverage): string[] {
  const lines = coverage.uncovered.map((p) => `Priority ${p.id} (${p.title}) has no actions in the plan.`);
  const unlinked = coverage.unlinkedActionIds;
  if (unlinked.length > 0) {
    lines.push(
      `${unlinked.length} of ${coverage.totalActions} action${coverage.totalActions === 1 ? '' : 's'} address no priority of ${coverage.financialYear}: ${unlinked.join(', ')}.`,
    );
  }
  return lines;
}

/** "P1 Online radicalisation: 5 actions". */
export function coverageLine(row: PriorityCoverageRow): string {
  const count = row.actionIds.length;
  return `${row.priority.id} ${row.priority.title}: ${count === 0 ? 'no actions' : `${count} action${count === 1 ? '' : 's'} (${row.actionIds.join(', ')})`}`;
}
