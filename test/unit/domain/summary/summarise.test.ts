import type { OrganisationReturn } from '../../../../src/domain/assessment/assessment';
import { scoreOf, summarise, type SummaryInputs } from '../../../../src/domain/summary/summarise';
import { organisationView } from '../../../../src/domain/summary/organisation-view';
import {
  actionRecords,
  FRAMEWORK,
  meeting,
  ORGANISATIONS,
  PREVIOUS_RETURNS,
  PREVIOUS_ROUND,
  reply,
  returnOf,
  THIS_RETURNS,
  THIS_ROUND,
  TODAY,
} from '../../../support/summary-fixtures';

/*
 * The fixture's ratings, benchmark by benchmark (an organisation's benchmark rating is the lowest of
 * its items; Achieving 2, Developing 1, Not yet started 0 points; only submitted returns count):
 *
 * This round:   Alpha: 1 = min(A, D) = D   2 = min(A, A, A) = A   3 = D
 *               Bravo: 1 = min(N, A) = N   2 = min(D, A, D) = D   3 = D
 *               (Charlie did not submit; Delta has no return.)
 * Previous:     Alpha: 1 = min(D, D) = D   2 = min(D, D, D) = D   3 = A
 *               Bravo: 1 = min(N, N) = N   2 = min(N, A, A) = N   3 = D
 */
function inputs(overrides: Partial<SummaryInputs> = {}): SummaryInputs {
  return {
    partnershipId: 'warwickshire',
    framework: FRAMEWORK,
    round: THIS_ROUND,
    returns: THIS_RETURNS,
    previous: { round: PREVIOUS_ROUND, returns: PREVIOUS_RETURNS },
    organisations: ORGANISATIONS,
    actions: actionRecords(),
    today: TODAY,
    lastMeeting: meeting({ alpha: reply('attending'), bravo: reply('apologies'), charlie: reply('deputy') }),
    generatedAt: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}

describe('summarise: benchmarks', () => {
  it('counts each submitted organisation once per benchmark, at the lowest rating of its items', () => {
    const [b1, b2, b3] = summarise(inputs()).benchmarks;
    // Benchmark 1: Alpha D, Bravo N.
    expect(b1!.counts).toEqual({ achieving: 0, developing: 1, 'not-yet-started': 1 });
    // Benchmark 2: Alpha A, Bravo D.
    expect(b2!.counts).toEqual({ achieving: 1, developing: 1, 'not-yet-started': 0 });
    // Benchmark 3: Alpha D, Bravo D.
    expect(b3!.counts).toEqual({ achieving: 0, developing: 2, 'not-yet-started': 0 });
  });

  it('scores each benchmark as its points over the maximum, in whole per cent', () => {
    const scores = summarise(inputs()).benchmarks.map((b) => b.score);
    // 1: (1 + 0) / (2 x 2) = 25%.  2: (2 + 1) / 4 = 75%.  3: (1 + 1) / 4 = 50%.
    expect(scores).toEqual([25, 75, 50]);
  });

  it('compares each benchmark with the previous round: same, up and down', () => {
    const benchmarks = summarise(inputs()).benchmarks;
    // Previous 1: (D 1 + N 0) / 4 = 25%.  2: (D 1 + N 0) / 4 = 25%.  3: (A 2 + D 1) / 4 = 75%.
    expect(benchmarks.map((b) => b.previousScore)).toEqual([25, 25, 75]);
    // 25 -> 25 same; 25 -> 75 up; 75 -> 50 down.
    expect(benchmarks.map((b) => b.movement)).toEqual(['same', 'up', 'down']);
  });

  it('scores overall over every organisation and benchmark together, with movement', () => {
    const { overall } = summarise(inputs());
    // This round: Alpha D1 + A2 + D1, Bravo N0 + D1 + D1 = 6 of 12 points = 50%.
    // Previous:   Alpha D1 + D1 + A2, Bravo N0 + N0 + D1 = 5 of 12 = 41.67% -> 42%.
    expect(overall).toEqual({ score: 50, previousScore: 42, movement: 'up' });
  });

  it('lists items where any organisation is at Not yet started, naming the organisations', () => {
    const [b1, b2] = summarise(inputs()).benchmarks;
    // Only Bravo's 1.1 is N among submitted returns (Charlie's unsubmitted return does not count).
    expect(b1!.notYetStarted).toEqual([{ itemId: '1.1', itemText: 'Item 1.1', kind: 'expectation-of-compliance', organisations: [{ id: 'bravo', name: 'Bravo Police' }] }]);
    expect(b2!.notYetStarted).toEqual([]);
  });

  it('counts each item and rates each returning organisation, for the drill-down', () => {
    const b2 = summarise(inputs()).benchmarks[1]!;
    // 2.1: Alpha A, Bravo D.  2.2: A, A.  2.3: A, D.
    expect(b2.items!.map((i) => [i.itemId, i.counts])).toEqual([
      ['2.1', { achieving: 1, developing: 1, 'not-yet-started': 0 }],
      ['2.2', { achieving: 2, developing: 0, 'not-yet-started': 0 }],
      ['2.3', { achieving: 1, developing: 1, 'not-yet-started': 0 }],
    ]);
    expect(b2.organisations!.map((o) => [o.organisation.name, o.rating])).toEqual([
      ['Alpha Council', 'achieving'],
      ['Bravo Police', 'developing'],
    ]);
  });

  it('gives only the benchmark asked about, keeping the overall score of the whole framework', () => {
    const summary = summarise(inputs({ benchmark: 2 }));
    expect(summary.benchmarks.map((b) => b.number)).toEqual([2]);
    expect(summary.overall.score).toBe(50);
  });

  it('has no score and no movement when nobody has returned', () => {
    const summary = summarise(inputs({ returns: [] }));
    expect(summary.benchmarks[0]).toMatchObject({ counts: { achieving: 0, developing: 0, 'not-yet-started': 0 }, movement: 'new' });
    expect(summary.benchmarks[0]!.score).toBeUndefined();
    expect(summary.overall).toEqual({ previousScore: 42, movement: 'new' });
  });

  it('marks everything new when there is no previous round', () => {
    const { previous: _, ...withoutPrevious } = inputs();
    const summary = summarise(withoutPrevious);
    expect(summary.previousRound).toBeUndefined();
    expect(summary.benchmarks.map((b) => b.movement)).toEqual(['new', 'new', 'new']);
    expect(summary.overall).toEqual({ score: 50, movement: 'new' });
  });

  it('leaves out the return of an organisation no longer in the partnership', () => {
    const summary = summarise(
      inputs({
        returns: [
          ...THIS_RETURNS,
          returnOf(THIS_ROUND.id, 'gone', { '1.1': 'achieving', '1.2': 'achieving', '2.1': 'achieving', '2.2': 'achieving', '2.3': 'achieving', '3.1': 'achieving' }),
        ],
      }),
    );
    expect(summary.returns).toMatchObject({ returned: 2, total: 4 });
    expect(summary.benchmarks[0]!.score).toBe(25);
  });
});

describe('summarise: the score', () => {
  it('rounds half a per cent up', () => {
    // (A 2 + D 1 + N 0 + N 0) / (4 x 2) = 3 / 8 = 37.5% -> 38%.
    expect(scoreOf({ achieving: 1, developing: 1, 'not-yet-started': 2 })).toBe(38);
  });

  it('is 100 when everyone is achieving and 0 when nobody has started', () => {
    expect(scoreOf({ achieving: 3, developing: 0, 'not-yet-started': 0 })).toBe(100);
    expect(scoreOf({ achieving: 0, developing: 0, 'not-yet-started': 3 })).toBe(0);
  });
});

describe('summarise: returns, actions and attendance', () => {
  it('counts submitted returns and names the organisations that have not returned', () => {
    // Alpha and Bravo submitted; Charlie's return is unsubmitted; Delta has none: 2 of 4. The round
    // sets no quorum, so it is more than half of 4 = 3, and 2 returns leave the score provisional.
    expect(summarise(inputs()).returns).toEqual({
      returned: 2,
      total: 4,
      notReturned: [
        { id: 'charlie', name: 'Charlie Trust' },
        { id: 'delta', name: 'Delta College' },
      ],
      quorum: 3,
      provisional: true,
    });
  });

  it('counts the action plan by RAG as of today, with the complete ones', () => {
    // Red: 1.1 (overdue), 2.2 (off track), 3.1 (overdue on its revised date). Amber: 3.2 (due today,
    // no update). Green: 1.2 (on track), 2.1 (complete).
    const { actions } = summarise(inputs());
    expect(actions.total).toBe(6);
    expect(actions.byRag).toEqual({ red: 3, amber: 1, green: 2 });
    expect(actions.complete).toBe(1);
  });

  it('lists overdue actions with their owners and the date they are now due', () => {
    expect(summarise(inputs()).actions.overdue).toEqual([
      { id: '1.1', text: 'Action 1.1 text', owners: [{ id: 'alpha', name: 'Alpha Council' }], dueOn: '2018-03-31' },
      { id: '3.1', text: 'Action 3.1 text', owners: [{ id: 'bravo', name: 'Bravo Police' }], dueOn: '2026-11-21' },
    ]);
  });

  it('shows who attended the last meeting (or sent a deputy), who sent apologies and who did not reply', () => {
    expect(summarise(inputs()).attendance).toEqual({
      meetingId: '2026-11-12-1000',
      startsAt: '2026-11-12T10:00:00.000Z',
      attended: [
        { id: 'alpha', name: 'Alpha Council' },
        { id: 'charlie', name: 'Charlie Trust' },
      ],
      apologies: [{ id: 'bravo', name: 'Bravo Police' }],
      noReply: [{ id: 'delta', name: 'Delta College' }],
    });
  });

  it('has no attendance before any meeting has been held', () => {
    const { lastMeeting: _, ...withoutMeeting } = inputs();
    expect(summarise(withoutMeeting).attendance).toBeUndefined();
  });
});

describe('organisationView', () => {
  const view = (ownReturn: OrganisationReturn | null = THIS_RETURNS[1]!) =>
    organisationView({
      organisation: { id: 'bravo', name: 'Bravo Police' },
      round: THIS_ROUND,
      framework: FRAMEWORK,
      ...(ownReturn ? { ownReturn } : {}),
      actions: actionRecords(),
      organisations: ORGANISATIONS,
      today: TODAY,
      generatedAt: '2026-11-22T10:00:00.000Z',
    });

  it("shows the organisation's own rating per benchmark in the round", () => {
    // Bravo: 1 = min(N, A) = N, 2 = min(D, A, D) = D, 3 = D.
    expect(view().assessment!.benchmarks.map((b) => [b.number, b.rating, b.rated, b.items])).toEqual([
      [1, 'not-yet-started', 2, 2],
      [2, 'developing', 3, 3],
      [3, 'developing', 1, 1],
    ]);
    expect(view().assessment!.status).toBe('submitted');
  });

  it('says a return is in progress until it is submitted, and not started when there is none', () => {
    expect(view(returnOf(THIS_ROUND.id, 'bravo', { '1.1': 'developing' }, false)).assessment!.status).toBe('in-progress');
    expect(view(null).assessment!.status).toBe('not-started');
  });

  it("counts only the organisation's own actions by RAG, with its overdue ones", () => {
    // Bravo owns 1.2 (green, shared with Alpha) and 3.1 (red, overdue since its revised date).
    const { actions } = view();
    expect(actions.total).toBe(2);
    expect(actions.byRag).toEqual({ red: 1, amber: 0, green: 1 });
    expect(actions.overdue.map((a) => [a.id, a.dueOn])).toEqual([['3.1', '2026-11-21']]);
  });
});
