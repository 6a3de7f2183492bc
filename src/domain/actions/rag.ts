import type { Action, ActionProgress, Rag } from './action';

/** The date an action is now due: a revised date recorded in its latest update wins over the plan's. */
export function effectiveDueDate(action: Action, progress?: ActionProgress): string | undefined {
  return progress?.revisedDate ?? action.dueDate;
}

export function isOverdue(action: Action, progress: ActionProgress | undefined, today: string): boolean {
  const due = effectiveDueDate(action, progress);
  return progress?.status !== 'complete' && due !== undefined && due < today;
}

/**
 * Red / amber / green for the board: off track or overdue is red, at risk or not yet started is
 * amber, on track or complete is green. An action nobody has reported on is amber, not green.
 */
export function ragFor(action: Action, progress: ActionProgress | undefined, today: string): Rag {
  if (isOverdue(action, progress, today)) return 'red';
  switch (progress?.status) {
    case 'off-track':
      return 'red';
    case 'on-track':
    case 'complete':
      return 'green';
    default:
      return 'amber';
  }
}
