import { actionSchema, type Action } from '../actions/action';
import { parseOrThrow } from '../validation';

/** Priority ids in register order (P2 before P10), each once. */
export function sortedPriorityIds(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/**
 * The action with these priority links; with none the field is left out, as on actions stored
 * before priorities existed, so unlinking everything gives back the same stored shape.
 */
export function linkedAction(action: Action, priorityIds: readonly string[]): Action {
  const { priorityIds: _old, ...rest } = action;
  const ids = sortedPriorityIds(priorityIds);
  return parseOrThrow(actionSchema, ids.length > 0 ? { ...rest, priorityIds: ids } : rest, `action ${action.id}`);
}
