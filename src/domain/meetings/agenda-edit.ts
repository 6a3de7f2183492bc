import { InvalidError } from '../errors';
import type { AgendaItem } from './meeting';

export type AgendaEdit =
  | { readonly op: 'add'; readonly title?: string; readonly owner?: string }
  | { readonly op: 'up' | 'down' | 'remove' | 'owner'; readonly itemId?: string; readonly owner?: string };

/** A short unique id for an item the Prevent Officer adds. */
function newItemId(agenda: readonly AgendaItem[]): string {
  for (let n = 1; ; n++) if (!agenda.some((i) => i.id === `added-${n}`)) return `added-${n}`;
}

/** Applies one edit to an agenda, returning a new list. */
export function applyAgendaEdit(agenda: readonly AgendaItem[], edit: AgendaEdit): AgendaItem[] {
  const items = [...agenda];
  if (edit.op === 'add') {
    // Added items go before "Any other business", which stays last.
    const aob = items.findIndex((i) => i.id === 'aob');
    const item: AgendaItem = { id: newItemId(items), title: edit.title!.trim(), details: [], source: 'added', ...(edit.owner ? { owner: edit.owner } : {}) };
    items.splice(aob >= 0 ? aob : items.length, 0, item);
    return items;
  }
  const at = items.findIndex((i) => i.id === edit.itemId);
  if (at < 0) throw new InvalidError('That item is no longer on the agenda.', ['itemId: choose an item from the list']);
  if (edit.op === 'remove') {
    if (items.length === 1) throw new InvalidError('An agenda needs at least one item.');
    items.splice(at, 1);
  } else if (edit.op === 'up' || edit.op === 'down') {
    const to = edit.op === 'up' ? at - 1 : at + 1;
    if (to >= 0 && to < items.length) [items[at], items[to]] = [items[to]!, items[at]!];
  } else {
    const { owner: _old, ...rest } = items[at]!;
    items[at] = edit.owner ? { ...rest, owner: edit.owner } : rest;
  }
  return items;
}
