/**
 * Small-number suppression: figures about referrals and Channel cases are numbers only, and a
 * count from 1 to 4 in a small county could point to a person. Everything the bot shows or exports
 * goes through here: a count of 1-4 is shown as "fewer than 5" (0 stays 0), and where counts add up
 * to a total, enough is withheld that no suppressed count can be worked out by subtraction.
 */

export const FEWER_THAN_FIVE = 'fewer than 5';
/** A count of 5 or more withheld so that a small count beside it cannot be worked out from the total. */
export const WITHHELD = 'withheld';

/** The smallest count shown as it is. */
export const SMALLEST_SHOWN = 5;

export type ShownCount = { readonly kind: 'count'; readonly value: number } | { readonly kind: 'fewer-than-5' } | { readonly kind: 'withheld' };

/** A count on its own (no total it adds up to): 1-4 becomes "fewer than 5". */
export function showCount(count: number): ShownCount {
  return count > 0 && count < SMALLEST_SHOWN ? { kind: 'fewer-than-5' } : { kind: 'count', value: count };
}

export function shownText(shown: ShownCount): string {
  if (shown.kind === 'count') return String(shown.value);
  return shown.kind === 'fewer-than-5' ? FEWER_THAN_FIVE : WITHHELD;
}

/** A count on its own, as text: "fewer than 5" for 1-4. Every count shown outside the figures uses this too. */
export function countText(count: number): string {
  return shownText(showCount(count));
}

export function isHidden(shown: ShownCount): boolean {
  return shown.kind !== 'count';
}

/** Counts that add up to one total in several ways (referrals by sector, and by outcome), suppressed. */
export interface SuppressedTable {
  /** Each group's counts, in the order given. */
  readonly groups: readonly (readonly ShownCount[])[];
  readonly total: ShownCount;
}

/**
 * Suppresses counts that break one total down in one or more ways. Each group must add up to the
 * same total. A group that would hide exactly one count while the total is known (shown, or the sum
 * of another group shown in full) gives that count away by subtraction: its smallest count still
 * shown is withheld as well (the total only when none is left), until no group does.
 */
export function suppressTable(groups: readonly (readonly number[])[]): SuppressedTable {
  const total = groups[0]?.reduce((sum, n) => sum + n, 0) ?? 0;
  for (const group of groups) {
    if (group.some((n) => !Number.isInteger(n) || n < 0)) throw new RangeError('counts are whole numbers, 0 or more');
    if (group.reduce((sum, n) => sum + n, 0) !== total) throw new RangeError('every breakdown must add up to the same total');
  }
  const shown = groups.map((group) => group.map(showCount));
  let totalShown = showCount(total);
  const hiddenIn = (i: number) => shown[i]!.filter(isHidden).length;
  const totalKnown = () => !isHidden(totalShown) || shown.some((_, i) => hiddenIn(i) === 0);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < groups.length; i += 1) {
      if (!totalKnown() || hiddenIn(i) !== 1) continue;
      const candidates = groups[i]!.map((n, j) => ({ n, j })).filter(({ n, j }) => n > 0 && !isHidden(shown[i]![j]!));
      const smallest = candidates.sort((a, b) => a.n - b.n || a.j - b.j)[0];
      if (smallest) shown[i]![smallest.j] = { kind: 'withheld' };
      else if (!isHidden(totalShown)) totalShown = { kind: 'withheld' };
      else continue; // cannot happen with groups that add up: the lone hidden count would be the whole total
      changed = true;
    }
  }
  return { groups: shown, total: totalShown };
}

/** One breakdown and its total (training across organisations). */
export function suppressBreakdown(counts: readonly number[]): { readonly counts: readonly ShownCount[]; readonly total: ShownCount } {
  const table = suppressTable([counts]);
  return { counts: table.groups[0] ?? [], total: table.total };
}
