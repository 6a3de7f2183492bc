import { organisationView } from '../../../../src/domain/summary/organisation-view';
import { summarise, type SummaryInputs } from '../../../../src/domain/summary/summarise';
import { actionRecords, MIXED_FRAMEWORK, ORGANISATIONS, PREVIOUS_ROUND, RATING, returnOf, THIS_ROUND, TODAY } from '../../../support/summary-fixtures';

const { A, D, N } = RATING;

/*
 * MIXED_FRAMEWORK: benchmark 1 = 1.1 (Expectation of Compliance), 1.2 and 1.3 (Good Practice Activity);
 * benchmark 2 = 2.1 and 2.2, Good Practice Activity only.
 *
 * This round:  Alpha  1.1 A | 1.2 N, 1.3 D | 2.1 A, 2.2 A
 *              Bravo  1.1 D | 1.2 A, 1.3 A | 2.1 N, 2.2 not rated
 *              (Charlie rated everything Achieving but did not submit; Delta has no return.)
 */
const THIS_RETURNS = [
  returnOf(THIS_ROUND.id, 'alpha', { '1.1': A, '1.2': N, '1.3': D, '2.1': A, '2.2': A }),
  returnOf(THIS_ROUND.id, 'bravo', { '1.1': D, '1.2': A, '1.3': A, '2.1': N }),
  returnOf(THIS_ROUND.id, 'charlie', { '1.1': A, '1.2': A, '1.3': A, '2.1': A, '2.2': A }, false),
];

function inputs(overrides: Partial<SummaryInputs> = {}): SummaryInputs {
  return {
    partnershipId: 'warwickshire',
    framework: MIXED_FRAMEWORK,
    round: { ...THIS_ROUND, frameworkId: MIXED_FRAMEWORK.id },
    returns: THIS_RETURNS,
    organisations: ORGANISATIONS,
    actions: actionRecords(),
    today: TODAY,
    generatedAt: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}

describe('summarise: compliance comes from Expectation of Compliance items only', () => {
  it("rates an organisation's benchmark at the lowest of its expectations, whatever its good practice", () => {
    const b1 = summarise(inputs()).benchmarks[0]!;
    // Alpha's only expectation 1.1 is A (its N on good practice 1.2 does not pull it down); Bravo's is D.
    expect(b1.organisations!.map((o) => [o.organisation.id, o.rating])).toEqual([
      ['alpha', 'achieving'],
      ['bravo', 'developing'],
    ]);
    // (A 2 + D 1) / (2 x 2) = 75%.
    expect(b1).toMatchObject({ hasCompliance: true, counts: { achieving: 1, developing: 1, 'not-yet-started': 0 }, score: 75 });
  });

  it('gives a benchmark of good practice only no compliance rating, no score and no movement', () => {
    const b2 = summarise(inputs()).benchmarks[1]!;
    expect(b2).toMatchObject({ hasCompliance: false, counts: { achieving: 0, developing: 0, 'not-yet-started': 0 }, movement: 'new', organisations: [] });
    expect(b2.score).toBeUndefined();
  });

  it('leaves good-practice-only benchmarks out of the overall score', () => {
    // Only benchmark 1 has expectations: Alpha A 2 + Bravo D 1 = 3 of 4 = 75%.
    expect(summarise(inputs()).overall.score).toBe(75);
  });
});

describe('summarise: good practice is counted apart', () => {
  it('counts, per benchmark, the good-practice ratings given and how many are Achieving (in place)', () => {
    const [b1, b2] = summarise(inputs()).benchmarks;
    // 1.2 and 1.3: Alpha N and D (none in place), Bravo A and A (two): 2 of 4.
    expect(b1!.goodPractice).toEqual({ inPlace: 2, rated: 4 });
    // 2.1 and 2.2: Alpha A and A (two), Bravo N and not rated (one rating, none in place): 2 of 3.
    expect(b2!.goodPractice).toEqual({ inPlace: 2, rated: 3 });
  });

  it('sums good practice over the benchmarks for the overall figure', () => {
    // 2 of 4 and 2 of 3: 4 of 7. Charlie's unsubmitted Achieving ratings do not count.
    expect(summarise(inputs()).overall.goodPractice).toEqual({ inPlace: 4, rated: 7 });
  });

  it('has no good-practice figure where a framework or benchmark holds no good practice', () => {
    const expectationsOnly = { ...MIXED_FRAMEWORK, sections: [{ ...MIXED_FRAMEWORK.sections[0]!, items: [MIXED_FRAMEWORK.sections[0]!.items[0]!] }] };
    const summary = summarise(inputs({ framework: expectationsOnly }));
    expect(summary.benchmarks[0]!.goodPractice).toBeUndefined();
    expect(summary.overall.goodPractice).toBeUndefined();
  });
});

describe('summarise: the quorum', () => {
  it('defaults to more than half the organisations, and keeps the score provisional until it has returned', () => {
    // Four organisations: the quorum is 3. Two have returned.
    expect(summarise(inputs()).returns).toMatchObject({ returned: 2, total: 4, quorum: 3, provisional: true });
  });

  it('uses the quorum the Prevent Officer set for the round', () => {
    expect(summarise(inputs({ round: { ...THIS_ROUND, quorum: 2 } })).returns).toMatchObject({ quorum: 2, provisional: false });
  });

  it('stops being provisional once the default quorum has returned', () => {
    const third = returnOf(THIS_ROUND.id, 'charlie', { '1.1': A });
    expect(summarise(inputs({ returns: [...THIS_RETURNS.slice(0, 2), third] })).returns).toMatchObject({ returned: 3, quorum: 3, provisional: false });
  });
});

describe('summarise: comparing rounds on different organisations', () => {
  const previousOf = (...organisationIds: string[]) => ({
    round: { ...PREVIOUS_ROUND, frameworkId: MIXED_FRAMEWORK.id },
    returns: organisationIds.map((id) => returnOf(PREVIOUS_ROUND.id, id, { '1.1': D })),
  });

  it('says when the organisations whose returns count are not the same as last round', () => {
    // Last round Alpha and Charlie returned; this round Alpha and Bravo.
    const summary = summarise(inputs({ previous: previousOf('alpha', 'charlie') }));
    expect(summary.previousRound).toEqual({ id: PREVIOUS_ROUND.id, name: PREVIOUS_ROUND.name, returned: 2, sameOrganisations: false });
    // Previous benchmark 1: D 1 + D 1 = 2 of 4 = 50%, now 75%.
    expect(summary.overall).toMatchObject({ score: 75, previousScore: 50, movement: 'up' });
  });

  it('says they are the same when exactly the same organisations returned', () => {
    expect(summarise(inputs({ previous: previousOf('bravo', 'alpha') })).previousRound).toMatchObject({ returned: 2, sameOrganisations: true });
  });

  it('treats fewer organisations than last round as a different set', () => {
    expect(summarise(inputs({ previous: previousOf('alpha', 'bravo', 'charlie') })).previousRound).toMatchObject({ returned: 3, sameOrganisations: false });
  });
});

describe("an organisation's own view", () => {
  it('rates each benchmark by its expectations and counts its good practice apart', () => {
    const view = organisationView({
      organisation: { id: 'alpha', name: 'Alpha Council' },
      round: { ...THIS_ROUND, frameworkId: MIXED_FRAMEWORK.id },
      framework: MIXED_FRAMEWORK,
      ownReturn: THIS_RETURNS[0]!,
      actions: [],
      organisations: ORGANISATIONS,
      today: TODAY,
      generatedAt: '2026-11-22T10:00:00.000Z',
    });
    // Alpha: 1.1 A (its N on good practice 1.2 does not count); 1.2 N and 1.3 D: none of 2 in place.
    // Benchmark 2, good practice only: no rating; 2.1 and 2.2 both A: 2 of 2 in place.
    expect(view.assessment!.benchmarks).toEqual([
      { number: 1, title: 'Risk Assessment', hasCompliance: true, rating: 'achieving', goodPractice: { inPlace: 0, rated: 2 }, rated: 3, items: 3 },
      { number: 2, title: 'Problem Solving', hasCompliance: false, goodPractice: { inPlace: 2, rated: 2 }, rated: 2, items: 2 },
    ]);
  });
});
