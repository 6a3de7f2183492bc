import { z } from 'zod';
import type { Rag } from '../domain/actions/action';
import { KIND_LABELS, RATING_LABELS, RATINGS, type Rating } from '../domain/assessment/framework';
import type { ActionPlanSummary, BenchmarkSummary, ComplianceSummary, Movement, OrganisationRef, RatingCounts } from '../domain/summary/compliance-summary';
import type { OrganisationView, OwnBenchmark } from '../domain/summary/organisation-view';
import { comparisonCaveat, goodPracticeText, provisionalNote } from '../domain/summary/score-wording';
import type { WhoToAsk } from '../domain/summary/summary-service';
import { formatDate, formatDateTime, RAG_COLOURS } from './format';
import { coverageCallOuts, coverageLine } from '../domain/priorities/priority-coverage';
import { escapeMarkdown, truncate } from './markdown';
import { renderCard, type AdaptiveCardJson } from './render';
import { figuresSummaryBlock } from './figures-cards';

/** "Details" on a benchmark of the summary card: that benchmark's drill-down. */
export const SUMMARY_BENCHMARK_VERB = 'summary-benchmark';
/** "Back to the summary" on the drill-down. */
export const SUMMARY_OPEN_VERB = 'summary-open';

const roundIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'the round is not one the bot knows');

export const summaryBenchmarkSubmitSchema = z.object({
  verb: z.literal(SUMMARY_BENCHMARK_VERB),
  roundId: roundIdSchema,
  benchmark: z.coerce.number({ invalid_type_error: 'choose a benchmark' }).int('choose a benchmark').min(1, 'choose a benchmark').max(99, 'choose a benchmark'),
});
export type SummaryBenchmarkSubmit = z.infer<typeof summaryBenchmarkSubmitSchema>;

export const summaryOpenSubmitSchema = z.object({ verb: z.literal(SUMMARY_OPEN_VERB), roundId: roundIdSchema });
export type SummaryOpenSubmit = z.infer<typeof summaryOpenSubmitSchema>;

/** The overview lists this many Not yet started items and overdue actions; the rest are counted. */
export const OVERVIEW_ITEM_LIMIT = 5;
export const OVERVIEW_OVERDUE_LIMIT = 8;

/** Teams chart colours (documented for Chart.*): the scale reads green, amber, red. */
const CHART_COLOURS: Readonly<Record<Rating, string>> = { achieving: 'good', developing: 'warning', 'not-yet-started': 'attention' };
const TEXT_COLOURS: Readonly<Record<Rating, string>> = { achieving: 'Good', developing: 'Warning', 'not-yet-started': 'Attention' };
/** Highest first, as a board reads a scale. */
const SCALE_DOWN: readonly Rating[] = [...RATINGS].reverse();

function percent(score: number | undefined): string {
  return score === undefined ? 'no returns' : `${score}%`;
}

/** `caveat` (comparisonCaveat) follows the previous score when the rounds rest on different organisations. */
export function movementText(movement: Movement, previousScore: number | undefined, caveat = ''): string {
  switch (movement) {
    case 'up':
      return `▲ up from ${previousScore}%${caveat}`;
    case 'down':
      return `▼ down from ${previousScore}%${caveat}`;
    case 'same':
      return `no change from ${previousScore}%${caveat}`;
    case 'new':
      return 'nothing to compare with';
  }
}

const MOVEMENT_COLOURS: Readonly<Record<Movement, string>> = { up: 'Good', down: 'Attention', same: 'Default', new: 'Default' };

function countsLine(counts: RatingCounts): string {
  return SCALE_DOWN.map((rating) => `${RATING_LABELS[rating]} ${counts[rating]}`).join(' · ');
}

function names(organisations: readonly OrganisationRef[]): string {
  return organisations.map((o) => escapeMarkdown(o.name)).join(', ');
}

/** Per item, 40 long names for each of a benchmark's items would not fit a card; the list of organisations below names everyone. */
const MOST_NAMES_PER_ITEM = 6;

function someNames(organisations: readonly OrganisationRef[]): string {
  if (organisations.length <= MOST_NAMES_PER_ITEM) return names(organisations);
  const shown = organisations.slice(0, MOST_NAMES_PER_ITEM - 1);
  return `${names(shown)} and ${organisations.length - shown.length} more (each organisation's rating is listed below)`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One stacked bar per row, segments from Achieving down to Not yet started (Teams' documented shape). */
function stackedBars(rows: readonly { title: string; counts: RatingCounts }[]) {
  return rows.map((row) => ({
    title: row.title,
    data: SCALE_DOWN.map((rating) => ({ legend: RATING_LABELS[rating], value: row.counts[rating], color: CHART_COLOURS[rating] })),
  }));
}

/** The same figures as a table, for clients that cannot draw charts. */
function tableRows(rows: readonly { title: string; counts: RatingCounts }[]) {
  return rows.map((row) => ({
    title: escapeMarkdown(row.title),
    achieving: String(row.counts.achieving),
    developing: String(row.counts.developing),
    notYetStarted: String(row.counts['not-yet-started']),
  }));
}

function ragCounts(actions: ActionPlanSummary) {
  const rags: Rag[] = ['red', 'amber', 'green'];
  return rags.map((rag) => ({ label: `${rag[0]!.toUpperCase()}${rag.slice(1)}`, count: String(actions.byRag[rag]), colour: RAG_COLOURS[rag] }));
}

function overdueLines(actions: ActionPlanSummary, limit: number): { lines: string[]; more: string } {
  const lines = actions.overdue
    .slice(0, limit)
    .map((a) => escapeMarkdown(`${a.id} ${truncate(a.text, 90)} (${a.owners.map((o) => o.name).join(', ')}): due ${formatDate(a.dueOn)}`));
  const rest = actions.overdue.length - lines.length;
  return { lines, more: rest > 0 ? `and ${plural(rest, 'more overdue action')}` : '' };
}

/** "Home Office toolkit (2024)", without repeating a version the title already names. */
function frameworkLabel(framework: { title: string; version: string }): string {
  return framework.title.includes(framework.version) ? framework.title : `${framework.title} (${framework.version})`;
}

function roundLine(summary: ComplianceSummary): string {
  const answeredBy = summary.framework.answeredBy ? `, answered by ${summary.framework.answeredBy}` : '';
  return escapeMarkdown(
    `${frameworkLabel(summary.framework)}${answeredBy}. Round closes ${formatDate(summary.round.closesOn)}; figures as at ${formatDateTime(summary.generatedAt)}.`,
  );
}

function previousLine(summary: ComplianceSummary): string {
  const previous = summary.previousRound;
  if (!previous) return 'This is the first round of this framework, so there is no movement to show.';
  return escapeMarkdown(
    previous.sameOrganisations
      ? `Movement is against ${previous.name}, from the same organisations' returns.`
      : `Movement is against ${previous.name}, when ${plural(previous.returned, 'organisation')} had returned: not the same organisations as now, so a change may be who returned rather than progress.`,
  );
}

/** The benchmark's line of counts: compliance ratings, then good practice; good practice alone when that is all it holds. */
function benchmarkCounts(benchmark: BenchmarkSummary, prefix = ''): string {
  const parts = [
    ...(benchmark.hasCompliance ? [`${prefix}${countsLine(benchmark.counts)}`] : ['Good practice only: no compliance rating']),
    ...(benchmark.goodPractice ? [capitalise(goodPracticeText(benchmark.goodPractice))] : []),
  ];
  return parts.join('. ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Only benchmarks with expectations have compliance ratings to chart. */
function complianceRows(benchmarks: readonly BenchmarkSummary[]) {
  return benchmarks.filter((b) => b.hasCompliance).map((b) => ({ title: benchmarkLabel(b), counts: b.counts }));
}

function attendanceLines(summary: ComplianceSummary): { heading: string; lines: string[] } {
  const attendance = summary.attendance;
  if (!attendance) return { heading: 'No Steering Group meeting has been held yet.', lines: [] };
  const total = attendance.attended.length + attendance.apologies.length + attendance.noReply.length;
  return {
    heading: `${formatDateTime(attendance.startsAt)}: ${attendance.attended.length} of ${plural(total, 'organisation')} attended or sent a deputy`,
    lines: [
      ...(attendance.apologies.length > 0 ? [`Apologies: ${names(attendance.apologies)}`] : []),
      ...(attendance.noReply.length > 0 ? [`No reply: ${names(attendance.noReply)}`] : []),
    ],
  };
}

function benchmarkLabel(benchmark: BenchmarkSummary): string {
  return `${benchmark.number}. ${benchmark.title}`;
}

/** The chair's overview of a round: one line and one "Details" button per benchmark. */
export function complianceSummaryCard(summary: ComplianceSummary): AdaptiveCardJson {
  const items = summary.benchmarks.flatMap((b) => b.notYetStarted.map((item) => ({ benchmark: b.number, item })));
  const overdue = overdueLines(summary.actions, OVERVIEW_OVERDUE_LIMIT);
  const attendance = attendanceLines(summary);
  const rows = complianceRows(summary.benchmarks);
  const caveat = comparisonCaveat(summary);
  return renderCard('compliance-summary', {
    title: escapeMarkdown(`Compliance summary: ${summary.round.name}`),
    roundLine: roundLine(summary),
    previousLine: previousLine(summary),
    roundId: summary.round.id,
    overallScore: percent(summary.overall.score),
    overallProvisional: summary.overall.score === undefined ? '' : escapeMarkdown(capitalise(provisionalNote(summary.returns) ?? '')),
    overallMovement: escapeMarkdown(movementText(summary.overall.movement, summary.overall.previousScore, caveat)),
    overallColour: MOVEMENT_COLOURS[summary.overall.movement],
    overallGoodPractice: summary.overall.goodPractice ? capitalise(goodPracticeText(summary.overall.goodPractice)) : '',
    returnsLine: `${summary.returns.returned} of ${plural(summary.returns.total, 'organisation')} returned`,
    chart: stackedBars(rows),
    table: tableRows(rows),
    benchmarks: summary.benchmarks.map((b) => ({
      number: b.number,
      label: escapeMarkdown(benchmarkLabel(b)),
      counts: benchmarkCounts(b),
      score: b.hasCompliance ? percent(b.score) : 'no score',
      movement: b.hasCompliance ? movementText(b.movement, b.previousScore) : '',
      colour: MOVEMENT_COLOURS[b.movement],
    })),
    notYetStartedCount: items.length,
    notYetStarted: items
      .slice(0, OVERVIEW_ITEM_LIMIT)
      .map(({ item }) => escapeMarkdown(`${item.itemId} ${truncate(item.itemText, 90)}: ${item.organisations.map((o) => o.name).join(', ')}`)),
    notYetStartedMore: items.length > OVERVIEW_ITEM_LIMIT ? `and ${plural(items.length - OVERVIEW_ITEM_LIMIT, 'more item')}: press Details on a benchmark for its full list` : '',
    actionsLine: `${plural(summary.actions.total, 'action')}, ${summary.actions.complete} complete`,
    rag: ragCounts(summary.actions),
    overdueHeading: summary.actions.overdue.length > 0 ? `Overdue (${summary.actions.overdue.length})` : 'No action is overdue.',
    overdue: overdue.lines,
    overdueMore: overdue.more,
    notReturned: summary.returns.notReturned.length > 0 ? names(summary.returns.notReturned) : 'Every organisation has returned.',
    attendanceHeading: attendance.heading,
    attendance: attendance.lines,
    figures: figuresSummaryBlock(summary.figures),
    ...priorityLines(summary),
  });
}

/** This year's Situational Assessment priorities: actions per priority, and what is not covered. */
function priorityLines(summary: ComplianceSummary): { prioritiesHeading: string; priorities: string[]; priorityCallOuts: string[] } {
  const coverage = summary.priorities;
  if (!coverage) return { prioritiesHeading: 'No Situational Assessment priorities are recorded for this year.', priorities: [], priorityCallOuts: [] };
  return {
    prioritiesHeading: `Priorities ${coverage.financialYear}: actions addressing each`,
    priorities: coverage.rows.map((row) => escapeMarkdown(truncate(coverageLine(row), 160))),
    priorityCallOuts: coverageCallOuts(coverage).map((line) => escapeMarkdown(truncate(line, 300))),
  };
}

/** One benchmark: counts per item, who is at Not yet started, and each organisation's rating. */
export function benchmarkSummaryCard(summary: ComplianceSummary): AdaptiveCardJson {
  const benchmark = summary.benchmarks[0];
  if (!benchmark) throw new Error('benchmarkSummaryCard needs a summary of one benchmark');
  const items = benchmark.items ?? [];
  const notYetStarted = new Map(benchmark.notYetStarted.map((i) => [i.itemId, i.organisations]));
  const rows = items.map((item) => ({ title: item.itemId, counts: item.counts }));
  return renderCard('benchmark-summary', {
    title: escapeMarkdown(`Benchmark ${benchmarkLabel(benchmark)}`),
    roundLine: escapeMarkdown(`${summary.round.name}, ${frameworkLabel(summary.framework)}`),
    roundId: summary.round.id,
    score: benchmark.hasCompliance ? percent(benchmark.score) : 'No score',
    provisional: benchmark.hasCompliance && benchmark.score !== undefined ? escapeMarkdown(capitalise(provisionalNote(summary.returns) ?? '')) : '',
    movement: benchmark.hasCompliance
      ? escapeMarkdown(movementText(benchmark.movement, benchmark.previousScore, comparisonCaveat(summary)))
      : 'This benchmark holds only Good Practice Activity, so it has no compliance rating: its good practice is shown instead.',
    colour: benchmark.hasCompliance ? MOVEMENT_COLOURS[benchmark.movement] : 'Default',
    counts: benchmarkCounts(benchmark, 'Organisations: '),
    returnsLine: `${summary.returns.returned} of ${plural(summary.returns.total, 'organisation')} returned`,
    hasCompliance: benchmark.hasCompliance,
    chart: stackedBars(rows),
    table: tableRows(rows),
    items: items.map((item) => ({
      heading: escapeMarkdown(`${item.itemId} (${KIND_LABELS[item.kind]})`),
      text: escapeMarkdown(truncate(item.itemText, 300)),
      counts: countsLine(item.counts),
      notYetStarted: notYetStarted.has(item.itemId) ? `Not yet started: ${someNames(notYetStarted.get(item.itemId)!)}` : '',
    })),
    organisations: (benchmark.organisations ?? []).map((o) => ({
      name: escapeMarkdown(o.organisation.name),
      rating: RATING_LABELS[o.rating],
      colour: TEXT_COLOURS[o.rating],
    })),
    notReturned: summary.returns.notReturned.length > 0 ? `Not returned: ${names(summary.returns.notReturned)}` : '',
  });
}

export interface OrganisationSummaryData {
  readonly view: OrganisationView;
  /** Why this card is shown instead of the one asked for, if it is. */
  readonly notice?: string;
}

const STATUS_LINES = {
  submitted: 'Return submitted',
  'in-progress': 'Return in progress, not yet submitted',
  'not-started': 'Return not started',
} as const;

/** "Developing", "Achieving so far (3 of 5 rated)", or for a benchmark of good practice only its good practice. */
function ownBenchmarkLine(b: OwnBenchmark): string {
  if (!b.hasCompliance)
    return b.goodPractice && b.goodPractice.rated > 0 ? `Good practice only: ${b.goodPractice.inPlace} of ${b.goodPractice.rated} in place` : 'Good practice only: not rated yet';
  if (!b.rating) return 'Not rated yet';
  return b.rated < b.items ? `${RATING_LABELS[b.rating]} so far (${b.rated} of ${b.items} rated)` : RATING_LABELS[b.rating];
}

/** A partner lead's own organisation: its return in the round and its actions. */
export function organisationSummaryCard(data: OrganisationSummaryData): AdaptiveCardJson {
  const { view } = data;
  const assessment = view.assessment;
  const rated = assessment ? assessment.benchmarks.reduce((sum, b) => sum + b.rated, 0) : 0;
  const total = assessment ? assessment.benchmarks.reduce((sum, b) => sum + b.items, 0) : 0;
  const overdue = overdueLines(view.actions, 20);
  let statusLine = 'No self-assessment round has been started yet.';
  if (assessment) {
    statusLine =
      assessment.status === 'submitted'
        ? `${STATUS_LINES.submitted}${assessment.submittedAt ? ` on ${formatDateTime(assessment.submittedAt)}` : ''}${assessment.submittedByName ? ` by ${assessment.submittedByName}` : ''}`
        : `${STATUS_LINES[assessment.status]}: ${rated} of ${plural(total, 'item')} rated. ${assessment.round.open ? `The round closes ${formatDate(assessment.round.closesOn)}.` : `The round closed ${formatDate(assessment.round.closesOn)}.`}`;
  }
  return renderCard('organisation-summary', {
    notice: escapeMarkdown(data.notice ?? ''),
    title: escapeMarkdown(view.organisation.name),
    hasAssessment: Boolean(assessment),
    roundLine: assessment ? escapeMarkdown(`Self-assessment ${assessment.round.name}, ${frameworkLabel(assessment.framework)}`) : '',
    statusLine: escapeMarkdown(statusLine),
    benchmarks: (assessment?.benchmarks ?? []).map((b) => ({
      label: escapeMarkdown(`${b.number}. ${b.title}`),
      rating: ownBenchmarkLine(b),
      // A benchmark of good practice only has no compliance rating to colour.
      colour: b.hasCompliance && b.rating && b.rated === b.items ? TEXT_COLOURS[b.rating] : 'Default',
    })),
    canCarryOn: Boolean(assessment?.round.open && assessment.status !== 'submitted'),
    actionsLine:
      view.actions.total === 0
        ? 'Your organisation owns no actions in the action plan.'
        : `${plural(view.actions.total, 'action')} in the action plan, ${view.actions.complete} complete`,
    hasActions: view.actions.total > 0,
    rag: ragCounts(view.actions),
    overdueHeading: view.actions.overdue.length > 0 ? `Overdue (${view.actions.overdue.length})` : '',
    overdue: overdue.lines,
    overdueMore: overdue.more,
    generated: `As at ${formatDateTime(view.generatedAt)}`,
  });
}

/** For staff who ask: who to ask instead, and what the bot can do for them. */
export function summaryWhoToAskCard(who: WhoToAsk): AdaptiveCardJson {
  const officer = who.preventOfficerNames.length > 0 ? `the Prevent Officer (${who.preventOfficerNames.join(', ')})` : 'the Prevent Officer';
  const ask = who.organisationName
    ? `To find out how ${who.organisationName} is doing, ask its Prevent lead${who.preventLeadName ? ` (${who.preventLeadName})` : ''} or ${officer}.`
    : `To find out how your organisation is doing, ask your organisation's Prevent lead or ${officer}.`;
  return renderCard('summary-who-to-ask', { ask: escapeMarkdown(ask) });
}
