import type { ActionRecord, Rag } from '../actions/action';
import { effectiveDueDate, isOverdue, ragFor } from '../actions/rag';
import { askedOrganisations, quorumOf, type AssessmentRound, type OrganisationReturn } from '../assessment/assessment';
import { RATINGS, type Framework, type FrameworkItem, type FrameworkSection, type Rating } from '../assessment/framework';
import type { Meeting } from '../meetings/meeting';
import {
  RATING_POINTS,
  type ActionPlanSummary,
  type AttendanceSummary,
  type BenchmarkSummary,
  type ComplianceSummary,
  type GoodPracticeCount,
  type Movement,
  type OrganisationRating,
  type OrganisationRef,
  type RatingCounts,
  type ReportAction,
} from './compliance-summary';

/** Everything the summary is computed from, already read from storage. */
export interface SummaryInputs {
  readonly partnershipId: string;
  readonly framework: Framework;
  readonly round: AssessmentRound;
  /** The round's returns; only submitted ones count. */
  readonly returns: readonly OrganisationReturn[];
  /** The latest earlier round of the same framework, with its returns, for movement. */
  readonly previous?: { readonly round: AssessmentRound; readonly returns: readonly OrganisationReturn[] };
  /** Every organisation of the partnership, in name order. */
  readonly organisations: readonly OrganisationRef[];
  /** Who answers the framework, as the cards say it ("every specified authority"). */
  readonly answeredBy?: string;
  readonly actions: readonly ActionRecord[];
  /** Today in the UK (YYYY-MM-DD): overdue turns over at UK midnight. */
  readonly today: string;
  /** The most recent meeting that has started, if any. */
  readonly lastMeeting?: Meeting;
  readonly generatedAt: string;
  /** Only this benchmark (section number); every benchmark when absent. */
  readonly benchmark?: number;
}

const MAX_POINTS = RATING_POINTS.achieving;

function emptyCounts(): Record<Rating, number> {
  return { 'not-yet-started': 0, developing: 0, achieving: 0 };
}

/** The lower of two ratings on the scale Not yet started < Developing < Achieving. */
function lower(a: Rating, b: Rating): Rating {
  return RATING_POINTS[a] <= RATING_POINTS[b] ? a : b;
}

/** Whole-number percentage of the maximum points; undefined when nobody was rated. */
export function scoreOf(counts: RatingCounts): number | undefined {
  const rated = RATINGS.reduce((sum, rating) => sum + counts[rating], 0);
  if (rated === 0) return undefined;
  const points = RATINGS.reduce((sum, rating) => sum + counts[rating] * RATING_POINTS[rating], 0);
  return Math.round((100 * points) / (rated * MAX_POINTS));
}

export function movementOf(score: number | undefined, previousScore: number | undefined): Movement {
  if (score === undefined || previousScore === undefined) return 'new';
  if (score > previousScore) return 'up';
  if (score < previousScore) return 'down';
  return 'same';
}

/**
 * The submitted returns of organisations in the partnership, in the organisations' (name) order.
 * A return of an organisation no longer listed is left out, as the "N of M returned" counter does.
 */
function submittedReturns(returns: readonly OrganisationReturn[], organisations: readonly OrganisationRef[]): { organisation: OrganisationRef; value: OrganisationReturn }[] {
  const byOrganisation = new Map(returns.filter((r) => r.submittedAt).map((r) => [r.organisationId, r]));
  return organisations.flatMap((organisation) => {
    const value = byOrganisation.get(organisation.id);
    return value ? [{ organisation, value }] : [];
  });
}

const isCompliance = (item: FrameworkItem) => item.kind === 'expectation-of-compliance';
const isGoodPractice = (item: FrameworkItem) => item.kind === 'good-practice-activity';

/** The lowest rating among the section's items in a return (all of them, or those `counts`); undefined when none is rated. */
export function benchmarkRating(section: FrameworkSection, value: OrganisationReturn, counts: (item: FrameworkItem) => boolean = () => true): Rating | undefined {
  let lowest: Rating | undefined;
  for (const item of section.items.filter(counts)) {
    const rating = value.ratings[item.id]?.rating;
    if (rating) lowest = lowest ? lower(lowest, rating) : rating;
  }
  return lowest;
}

/** Each organisation's compliance rating: the lowest of its Expectation of Compliance items. */
function organisationRatings(section: FrameworkSection, submitted: ReturnType<typeof submittedReturns>): OrganisationRating[] {
  return submitted.flatMap(({ organisation, value }) => {
    const rating = benchmarkRating(section, value, isCompliance);
    return rating ? [{ organisation, rating }] : [];
  });
}

function countsOf(ratings: readonly { rating: Rating }[]): RatingCounts {
  const counts = emptyCounts();
  for (const { rating } of ratings) counts[rating] += 1;
  return counts;
}

/** Good practice ratings of the sections' items in submitted returns; undefined when the sections hold none. */
function goodPracticeOf(sections: readonly FrameworkSection[], submitted: ReturnType<typeof submittedReturns>): GoodPracticeCount | undefined {
  const items = sections.flatMap((section) => section.items.filter(isGoodPractice));
  if (items.length === 0) return undefined;
  let rated = 0;
  let inPlace = 0;
  for (const { value } of submitted) {
    for (const item of items) {
      const rating = value.ratings[item.id]?.rating;
      if (!rating) continue;
      rated += 1;
      if (rating === 'achieving') inPlace += 1;
    }
  }
  return { inPlace, rated };
}

function summariseBenchmark(
  section: FrameworkSection,
  submitted: ReturnType<typeof submittedReturns>,
  previousSubmitted: ReturnType<typeof submittedReturns> | undefined,
): BenchmarkSummary {
  const organisations = organisationRatings(section, submitted);
  const counts = countsOf(organisations);
  const score = scoreOf(counts);
  const previousScore = previousSubmitted ? scoreOf(countsOf(organisationRatings(section, previousSubmitted))) : undefined;
  const items = section.items.map((item) => {
    const itemCounts = emptyCounts();
    const notYetStarted: OrganisationRef[] = [];
    for (const { organisation, value } of submitted) {
      const rating = value.ratings[item.id]?.rating;
      if (!rating) continue;
      itemCounts[rating] += 1;
      if (rating === 'not-yet-started') notYetStarted.push(organisation);
    }
    return { summary: { itemId: item.id, itemText: item.text, kind: item.kind, counts: itemCounts }, notYetStarted };
  });
  const goodPractice = goodPracticeOf([section], submitted);
  return {
    number: section.number,
    title: section.title,
    hasCompliance: section.items.some(isCompliance),
    counts,
    ...(goodPractice ? { goodPractice } : {}),
    ...(score !== undefined ? { score } : {}),
    ...(previousScore !== undefined ? { previousScore } : {}),
    movement: movementOf(score, previousScore),
    notYetStarted: items
      .filter((i) => i.notYetStarted.length > 0)
      .map((i) => ({ itemId: i.summary.itemId, itemText: i.summary.itemText, kind: i.summary.kind, organisations: i.notYetStarted })),
    items: items.map((i) => i.summary),
    organisations,
  };
}

/**
 * The overall score pools every organisation's rating of every benchmark (the points of all pairs
 * over their maximum), rounded once: averaging rounded benchmark scores would round twice.
 */
function overallCounts(framework: Framework, submitted: ReturnType<typeof submittedReturns>): RatingCounts {
  return countsOf(framework.sections.flatMap((section) => organisationRatings(section, submitted)));
}

function nameOf(organisations: ReadonlyMap<string, OrganisationRef>, id: string): OrganisationRef {
  return organisations.get(id) ?? { id, name: id };
}

/** Each action with its RAG, whether it is overdue and its owners by name, in plan order. */
export function reportActions(actions: readonly ActionRecord[], organisations: readonly OrganisationRef[], today: string): ReportAction[] {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  return actions.map((record) => ({
    action: record.action,
    ...(record.progress ? { progress: record.progress } : {}),
    rag: ragFor(record.action, record.progress, today),
    overdue: isOverdue(record.action, record.progress, today),
    owners: record.action.ownerOrganisationIds.map((id) => nameOf(byId, id)),
  }));
}

export function summariseActions(actions: readonly ActionRecord[], organisations: readonly OrganisationRef[], today: string): ActionPlanSummary {
  const rows = reportActions(actions, organisations, today);
  const byRag: Record<Rag, number> = { red: 0, amber: 0, green: 0 };
  for (const row of rows) byRag[row.rag] += 1;
  return {
    total: rows.length,
    byRag,
    complete: rows.filter((row) => row.progress?.status === 'complete').length,
    overdue: rows.filter((row) => row.overdue).map((row) => ({ id: row.action.id, text: row.action.text, owners: row.owners, dueOn: effectiveDueDate(row.action, row.progress)! })),
  };
}

/** Who replied to the meeting's agenda, and the partnership's organisations that did not. */
export function summariseAttendance(meeting: Meeting, organisations: readonly OrganisationRef[]): AttendanceSummary {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const replied = (statuses: readonly string[]) =>
    Object.entries(meeting.attendance)
      .filter(([, reply]) => statuses.includes(reply.status))
      .map(([id]) => nameOf(byId, id))
      .sort((a, b) => a.name.localeCompare(b.name));
  return {
    meetingId: meeting.id,
    startsAt: meeting.startsAt,
    attended: replied(['attending', 'deputy']),
    apologies: replied(['apologies']),
    noReply: organisations.filter((o) => !meeting.attendance[o.id]),
  };
}

/** The compliance summary of one round: pure arithmetic over what storage returned. */
export function summarise(inputs: SummaryInputs): ComplianceSummary {
  const { framework, round, organisations } = inputs;
  // Only the organisations each round asked (those that answer its framework) count: "N of M returned" and the quorum are of them.
  const respondents = askedOrganisations(round, organisations);
  const submitted = submittedReturns(inputs.returns, respondents);
  const previousSubmitted = inputs.previous ? submittedReturns(inputs.previous.returns, askedOrganisations(inputs.previous.round, organisations)) : undefined;
  const sections = inputs.benchmark === undefined ? framework.sections : framework.sections.filter((s) => s.number === inputs.benchmark);
  const score = scoreOf(overallCounts(framework, submitted));
  const previousScore = previousSubmitted ? scoreOf(overallCounts(framework, previousSubmitted)) : undefined;
  const returnedIds = new Set(submitted.map((s) => s.organisation.id));
  const goodPractice = goodPracticeOf(framework.sections, submitted);
  const quorum = quorumOf(round, respondents.length);
  const previousRound =
    inputs.previous && previousSubmitted
      ? {
          id: inputs.previous.round.id,
          name: inputs.previous.round.name,
          returned: previousSubmitted.length,
          sameOrganisations: previousSubmitted.length === submitted.length && previousSubmitted.every((p) => returnedIds.has(p.organisation.id)),
        }
      : undefined;
  return {
    partnershipId: inputs.partnershipId,
    round: { id: round.id, name: round.name, closesOn: round.closesOn },
    ...(previousRound ? { previousRound } : {}),
    framework: { id: framework.id, title: framework.title, version: framework.version, ...(inputs.answeredBy ? { answeredBy: inputs.answeredBy } : {}) },
    benchmarks: sections.map((section) => summariseBenchmark(section, submitted, previousSubmitted)),
    overall: {
      ...(score !== undefined ? { score } : {}),
      ...(previousScore !== undefined ? { previousScore } : {}),
      movement: movementOf(score, previousScore),
      ...(goodPractice ? { goodPractice } : {}),
    },
    returns: {
      returned: submitted.length,
      total: respondents.length,
      notReturned: respondents.filter((o) => !returnedIds.has(o.id)),
      quorum,
      provisional: submitted.length < quorum,
    },
    actions: summariseActions(inputs.actions, organisations, inputs.today),
    ...(inputs.lastMeeting ? { attendance: summariseAttendance(inputs.lastMeeting, organisations) } : {}),
    generatedAt: inputs.generatedAt,
  };
}
