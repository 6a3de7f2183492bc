import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  benchmarkSummaryCard,
  complianceSummaryCard,
  organisationSummaryCard,
  OVERVIEW_ITEM_LIMIT,
  summaryBenchmarkSubmitSchema,
  summaryWhoToAskCard,
} from '../../../src/cards/summary-cards';
import { parseFramework } from '../../../src/domain/assessment/framework-catalogue';
import { organisationView } from '../../../src/domain/summary/organisation-view';
import { cardProblems, TEAMS_MESSAGE_LIMIT_BYTES } from '../../support/adaptive-card-checks';
import { teamsMessageBytes } from '../../../src/cards/render';
import { sampleSummary } from '../../support/summary-samples';
import { sampleAction } from '../../support/action-repository-contract';
import { assessmentStartCard } from '../../../src/cards/assessment-cards';

const framework2018 = parseFramework(JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'src', 'data', 'frameworks', 'home-office-2018.json'), 'utf8')));
const plain = (text: string) => text.replace(/\\\\/g, '');
const bytes = (card: object) => teamsMessageBytes(card);

function find(card: unknown, type: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      if ((value as { type?: unknown }).type === type) found.push(value as Record<string, unknown>);
      Object.values(value).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('the compliance summary cards at their largest', () => {
  // 40 organisations with 200-character names, the 10-benchmark 2018 toolkit, 40 overdue actions of 2,000 characters.
  const summary = sampleSummary(framework2018, { organisations: 40, longest: true });

  it('keeps the overview valid and under the Teams message limit', () => {
    const card = complianceSummaryCard(summary);
    expect(cardProblems(card)).toEqual([]);
    expect(bytes(card)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
  });

  it.each(framework2018.sections.map((s) => s.number))('keeps the drill-down of benchmark %i valid and under the limit', (number) => {
    const card = benchmarkSummaryCard(sampleSummary(framework2018, { organisations: 40, longest: true, benchmark: number }));
    expect(cardProblems(card)).toEqual([]);
    expect(bytes(card)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
  });
});

describe('the compliance summary card', () => {
  const summary = sampleSummary(framework2018, { organisations: 12 });
  const card = complianceSummaryCard(summary);

  it('draws organisations per compliance rating per benchmark as a stacked bar chart, in the shape Teams documents', () => {
    const [chart] = find(card, 'Chart.HorizontalBar.Stacked');
    const bars = chart!['data'] as { title: string; data: { legend: string; value: number; color: string }[] }[];
    // Benchmarks 6 and 10 hold only good practice: they have no compliance rating to chart.
    expect(bars.map((bar) => bar.title.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '7', '8', '9']);
    expect(bars[5]).toEqual({
      title: '7. Training Programme',
      data: [
        { legend: 'Achieving', value: summary.benchmarks[6]!.counts.achieving, color: 'good' },
        { legend: 'Developing', value: summary.benchmarks[6]!.counts.developing, color: 'warning' },
        { legend: 'Not yet started', value: summary.benchmarks[6]!.counts['not-yet-started'], color: 'attention' },
      ],
    });
  });

  it('gives the chart a plain table of the same counts as its fallback', () => {
    const [chart] = find(card, 'Chart.HorizontalBar.Stacked');
    const table = plain(JSON.stringify(chart!['fallback']));
    const training = summary.benchmarks[6]!.counts;
    expect(table).toContain(
      `"text":"7. Training Programme","wrap":true}]},{"type":"Column","width":"auto","items":[{"type":"TextBlock","text":"${training.achieving}"}]},{"type":"Column","width":"auto","items":[{"type":"TextBlock","text":"${training.developing}"}]},{"type":"Column","width":"auto","items":[{"type":"TextBlock","text":"${training['not-yet-started']}"}]}`,
    );
  });

  it('has one Details button per benchmark, each a valid drill-down submit', () => {
    const buttons = find(card, 'Action.Submit').map((action) => action['data']);
    expect(buttons).toHaveLength(10);
    expect(buttons.map((data) => summaryBenchmarkSubmitSchema.parse(data).benchmark)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(buttons[0]).toEqual({ verb: 'summary-benchmark', roundId: '2026-27-q3', benchmark: 1 });
  });

  it(`lists ${OVERVIEW_ITEM_LIMIT} Not yet started items and counts the rest`, () => {
    const total = summary.benchmarks.reduce((sum, b) => sum + b.notYetStarted.length, 0);
    expect(total).toBeGreaterThan(OVERVIEW_ITEM_LIMIT);
    expect(plain(JSON.stringify(card))).toContain(`and ${total - OVERVIEW_ITEM_LIMIT} more items: press Details on a benchmark for its full list`);
  });

  it('shows benchmarks of good practice only with their good practice, never as Not yet started compliance', () => {
    const text = plain(JSON.stringify(card));
    const six = summary.benchmarks[5]!;
    expect(six.hasCompliance).toBe(false);
    expect(text).toContain(`"text":"Good practice only: no compliance rating. Good practice: ${six.goodPractice!.inPlace} of ${six.goodPractice!.rated} in place"`);
    expect(text).toContain('"text":"no score"');
  });

  it('shows good practice overall beside the compliance score', () => {
    const { inPlace, rated } = summary.overall.goodPractice!;
    expect(plain(JSON.stringify(card))).toContain(`"text":"Good practice: ${inPlace} of ${rated} in place"`);
  });

  it('marks the score provisional until the quorum has returned', () => {
    // 12 organisations, every fourth did not return: 9 returned; the default quorum is 7, so it is final.
    expect(summary.returns).toMatchObject({ returned: 9, quorum: 7, provisional: false });
    expect(plain(JSON.stringify(card))).not.toContain('provisional');
    const early = { ...summary, returns: { ...summary.returns, returned: 1, quorum: 8, total: 15, provisional: true } };
    expect(plain(JSON.stringify(complianceSummaryCard(early)))).toContain('"text":"Provisional: from 1 of 15 organisations; 8 needed"');
  });

  it('says when movement compares rounds on different organisations', () => {
    const different = { ...summary, previousRound: { id: '2026-27-q1', name: '2026/27 Q1', returned: 12, sameOrganisations: false } };
    const text = plain(JSON.stringify(complianceSummaryCard(different)));
    expect(text).toContain(`from ${summary.overall.previousScore}% in 2026/27 Q1, when 12 organisations had returned, not the same ones`);
    expect(text).toContain('not the same organisations as now');
  });

  it('escapes Markdown in organisation names', () => {
    const hostile = { ...summary, returns: { ...summary.returns, notReturned: [{ id: 'x', name: '[click](https://evil.example)' }] } };
    expect(JSON.stringify(complianceSummaryCard(hostile))).not.toContain('[click](https://evil.example)');
  });
});

describe('the benchmark drill-down card', () => {
  it('shows a benchmark of good practice only by its good practice, with no compliance score or ratings', () => {
    const summary = sampleSummary(framework2018, { organisations: 4, benchmark: 10 });
    const text = plain(JSON.stringify(benchmarkSummaryCard(summary)));
    const { inPlace, rated } = summary.benchmarks[0]!.goodPractice!;
    expect(text).toContain('"text":"No score"');
    expect(text).toContain(`Good practice only: no compliance rating. Good practice: ${inPlace} of ${rated} in place`);
    expect(text).not.toContain("Each organisation's compliance rating");
    expect(text).not.toContain('Not yet started compliance');
  });

  it('marks a benchmark score provisional until the quorum has returned', () => {
    const summary = sampleSummary(framework2018, { organisations: 4, benchmark: 7 });
    const early = { ...summary, returns: { ...summary.returns, returned: 1, quorum: 8, total: 15, provisional: true } };
    expect(plain(JSON.stringify(benchmarkSummaryCard(early)))).toContain('"text":"Provisional: from 1 of 15 organisations; 8 needed"');
  });

  it("lists each item's counts, who is at Not yet started, and every returning organisation's rating", () => {
    const summary = sampleSummary(framework2018, { organisations: 4, benchmark: 7 });
    const text = plain(JSON.stringify(benchmarkSummaryCard(summary)));
    const benchmark = summary.benchmarks[0]!;
    for (const item of benchmark.items!)
      expect(text).toContain(`Achieving ${item.counts.achieving} · Developing ${item.counts.developing} · Not yet started ${item.counts['not-yet-started']}`);
    for (const item of benchmark.notYetStarted) expect(text).toContain(`Not yet started: ${item.organisations.map((o) => o.name).join(', ')}`);
    for (const o of benchmark.organisations!) expect(text).toContain(`"text":"${o.organisation.name}"`);
    expect(text).toContain('Not returned: Organisation 03');
  });
});

describe('the organisation view card', () => {
  it('offers to carry on with an unsubmitted return while the round is open', () => {
    const view = organisationView({
      organisation: { id: 'police', name: 'Warwickshire and West Mercia Police' },
      round: {
        id: '2026-27-q3',
        name: '2026/27 Q3',
        frameworkId: framework2018.id,
        closesOn: '2026-12-31',
        startedAt: '2026-10-01T09:00:00.000Z',
        startedById: 'a',
        startedByName: 'A',
      },
      framework: framework2018,
      actions: [{ action: sampleAction('6.4', { ownerOrganisationIds: ['police'], dueDate: '2018-03-31' }), etag: 'W/"1"' }],
      organisations: [{ id: 'police', name: 'Warwickshire and West Mercia Police' }],
      today: '2026-11-22',
      generatedAt: '2026-11-22T10:00:00.000Z',
    });
    const text = plain(JSON.stringify(organisationSummaryCard({ view })));
    expect(text).toContain('Return not started: 0 of 38 items rated. The round closes 31 Dec 2026.');
    expect(text).toContain('"title":"Carry on with the self-assessment"');
    // Benchmarks 6 and 10 hold only good practice: never "Not rated yet" as if compliance were missing.
    expect(text.match(/Good practice only: not rated yet/g)).toHaveLength(2);
    expect(text).toContain('6.4 Action 6.4 text (Warwickshire and West Mercia Police): due 31 Mar 2018');
  });
});

describe('the who-to-ask card', () => {
  it("names the organisation's Prevent lead and the Prevent Officer, and offers training and the referral pathway", () => {
    const text = plain(JSON.stringify(summaryWhoToAskCard({ organisationName: 'Rugby Borough Council', preventLeadName: 'Rita Rugby', preventOfficerNames: ['Priya Officer'] })));
    expect(text).toContain('To find out how Rugby Borough Council is doing, ask its Prevent lead (Rita Rugby) or the Prevent Officer (Priya Officer).');
    expect(text).toContain('"question":"Training"');
    expect(text).toContain('"question":"How do I make a referral?"');
  });
});

describe('who answers the framework, on the cards', () => {
  it('is said beside the framework on the compliance summary', () => {
    const summary = sampleSummary(framework2018, { organisations: 3 });
    const card = JSON.stringify(complianceSummaryCard({ ...summary, framework: { ...summary.framework, answeredBy: 'the Office of the Police and Crime Commissioner' } }));
    expect(plain(card)).toContain(`${framework2018.title}, answered by the Office of the Police and Crime Commissioner. Round closes`);
  });
});

describe('the start-round card', () => {
  it('says who answers each framework in its choice', () => {
    const card = assessmentStartCard({
      frameworks: [{ id: 'opcc-sop-commitments-2024', title: 'OPCC commitments', answeredBy: 'the Office of the Police and Crime Commissioner' }],
    });
    const [choices] = find(card, 'Input.ChoiceSet');
    expect(choices!['choices']).toEqual([{ title: 'OPCC commitments (answered by the Office of the Police and Crime Commissioner)', value: 'opcc-sop-commitments-2024' }]);
  });
});
