/** Optimal string alignment distance: Levenshtein plus adjacent swaps ("trainnig"). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Short words must match exactly: one typo in "wrap" or "help" already makes another word.
 * Longer words forgive one slip, very long ones two.
 */
export function typoAllowance(word: string): number {
  if (word.length <= 4) return 0;
  if (word.length <= 7) return 1;
  return 2;
}

export function isCloseTo(typed: string, expected: string): boolean {
  const allowance = typoAllowance(expected);
  if (allowance === 0) return typed === expected;
  if (Math.abs(typed.length - expected.length) > allowance) return false;
  return editDistance(typed, expected) <= allowance;
}
