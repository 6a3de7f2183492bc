/** A run of UTF-16 units in the screened text: `text.slice(start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Characters between two spans; 0 when they touch or overlap. */
export function distance(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/**
 * A lookup of the spans within `maxDistance` of a target. Asked with targets in order of start (as
 * detectors find them), it sweeps forward once instead of scanning every span for every target,
 * so a long paste of postcodes and names stays linear.
 */
export function spansNear(spans: readonly Span[], maxDistance: number): (target: Span) => Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // reach[i]: the furthest end among sorted[0..i], so everything before `first` ends too early.
  const reach: number[] = [];
  for (const span of sorted) reach.push(Math.max(span.end, reach.at(-1) ?? span.end));
  let first = 0;
  let previousStart = -Infinity;
  return (target) => {
    if (target.start < previousStart) first = 0;
    previousStart = target.start;
    while (first < sorted.length && reach[first]! < target.start - maxDistance) first++;
    const near: Span[] = [];
    for (let i = first; i < sorted.length && sorted[i]!.start <= target.end + maxDistance; i++) {
      if (distance(sorted[i]!, target) <= maxDistance) near.push(sorted[i]!);
    }
    return near;
  };
}
