/**
 * Counts from 1 to 4 are never shown exactly (issue 17: "any count from 1 to 4 shown as 'fewer than
 * 5'"), so a small count cannot point at one organisation. A local copy until the shared suppression
 * function of the quarterly figures lands; the two are to be unified.
 */
export function suppressedCount(count: number): string {
  return count >= 1 && count <= 4 ? 'fewer than 5' : String(count);
}
