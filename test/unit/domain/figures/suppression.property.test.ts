import fc from 'fast-check';
import { isHidden, showCount, shownText, suppressTable, type ShownCount } from '../../../../src/domain/figures/suppression';

/** Two breakdowns of the same total (sectors and outcomes), with plenty of small counts. */
const twoBreakdowns = fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 8 }).chain((first) => {
  const total = first.reduce((a, b) => a + b, 0);
  return fc.integer({ min: 1, max: 6 }).chain((parts) =>
    fc.array(fc.integer({ min: 0, max: total }), { minLength: parts - 1, maxLength: parts - 1 }).map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), total];
      return [first, points.slice(1).map((p, i) => p - points[i]!)] as const;
    }),
  );
});

const known = (shown: ShownCount) => (shown.kind === 'count' ? shown.value : undefined);

describe('small-number suppression', () => {
  it('shows 1 to 4 as "fewer than 5", and 0 and 5 or more as they are', () => {
    expect([0, 1, 4, 5, 27].map((n) => shownText(showCount(n)))).toEqual(['0', 'fewer than 5', 'fewer than 5', '5', '27']);
  });

  it('withholds the next smallest count when a single small count could be worked out from the total', () => {
    const table = suppressTable([[3, 10, 7, 0]]);
    expect(table.groups[0]!.map(shownText)).toEqual(['fewer than 5', '10', 'withheld', '0']);
    expect(shownText(table.total)).toBe('20');
  });

  it('leaves a breakdown with two small counts alone: neither can be worked out', () => {
    expect(suppressTable([[2, 3, 10]]).groups[0]!.map(shownText)).toEqual(['fewer than 5', 'fewer than 5', '10']);
  });

  it('refuses breakdowns that do not add up to the same total', () => {
    expect(() => suppressTable([[1, 2], [4]])).toThrow(RangeError);
  });

  it('never shows a count from 1 to 4, and never leaves one hidden count alone beside a total that is known', () => {
    fc.assert(
      fc.property(twoBreakdowns, (groups) => {
        const table = suppressTable(groups);
        const every = [...table.groups.flat(), table.total];
        for (const shown of every) {
          const value = known(shown);
          expect(value === undefined || value === 0 || value >= 5).toBe(true);
        }
        // The total is known if shown, or if some breakdown is shown in full (its counts add up to it).
        const totalKnown = !isHidden(table.total) || table.groups.some((g) => g.every((c) => !isHidden(c)));
        for (const [i, group] of table.groups.entries()) {
          const hidden = group.filter(isHidden).length;
          if (totalKnown) expect(hidden).not.toBe(1);
          // Shown counts are the real ones.
          group.forEach((shown, j) => {
            if (shown.kind === 'count') expect(shown.value).toBe(groups[i]![j]);
          });
        }
      }),
      { numRuns: 500 },
    );
  });
});
