import type { FiguresContent } from '../figures/figures-content';
import type { Action, ActionProgress, Rag } from '../actions/action';
import type { OrganisationReturn } from '../assessment/assessment';
import type { Framework, ItemKind, Rating } from '../assessment/framework';
import type { PriorityCoverage } from '../priorities/priority-coverage';
import type { BoardReportArea } from './board-report-areas';

/**
 * The compliance summary the chair asks for and the board report is built from. It is computed from
 * the current entities of one self-assessment round (and the round before it, for movement), the
 * action plan as it stands and the last meeting held: never from history, so its cost does not grow
 * with the years a partnership has used the bot.
 *
 * Compliance (set by the product owner, issues 6 and 17): Achieving 2, Developing 1, Not yet started 0,
 * as a percentage of the maximum, over Expectation of Compliance items only. An organisation's
 * compliance rating for a benchmark is the lowest rating among the benchmark's Expectation of
 * Compliance items in its submitted return (a benchmark is complied with when every expectation is
 * achieved). A benchmark holding only Good Practice Activity (benchmarks 6 and 10 of the 2018 toolkit)
 * has no compliance rating and no score: it is not "Not yet started", it simply asks for no compliance.
 *
 * Good practice is counted apart and never enters the score: each rating an organisation gave a Good
 * Practice Activity item in a submitted return is one rating; it is "in place" when it is Achieving.
 * "Good practice: 3 of 9 in place" means 9 such ratings (organisation x item pairs, unrated items left
 * out) of which 3 are Achieving, per benchmark and, summed over the benchmarks, overall.
 *
 * Only submitted returns count; organisations that have not submitted are listed as non-returns. The
 * score is provisional until the round's quorum of organisations has returned (the Prevent Officer sets
 * it when starting the round; by default more than half of the organisations the round asks).
 */

/** Points of each rating; the maximum is ACHIEVING's. */
export const RATING_POINTS: Readonly<Record<Rating, number>> = { 'not-yet-started': 0, developing: 1, achieving: 2 };

/** Direction of a score against the previous round; "new" when there is nothing to compare with. */
export type Movement = 'up' | 'down' | 'same' | 'new';

export type RatingCounts = Readonly<Record<Rating, number>>;

export interface OrganisationRef {
  readonly id: string;
  readonly name: string;
}

/** An item at least one organisation rated Not yet started: what the board most needs to see. */
export interface NotYetStartedItem {
  readonly itemId: string;
  readonly itemText: string;
  readonly kind: ItemKind;
  readonly organisations: readonly OrganisationRef[];
}

/** One item of a benchmark: how many organisations (submitted returns) gave it each rating. */
export interface ItemSummary {
  readonly itemId: string;
  readonly itemText: string;
  readonly kind: ItemKind;
  readonly counts: RatingCounts;
}

/** An organisation's rating for a benchmark: the lowest among its items in the submitted return. */
export interface OrganisationRating {
  readonly organisation: OrganisationRef;
  readonly rating: Rating;
}

/** Good Practice Activity ratings in submitted returns, and how many of them are Achieving. */
export interface GoodPracticeCount {
  readonly inPlace: number;
  readonly rated: number;
}

export interface BenchmarkSummary {
  /** The framework section number ("benchmark 7"). */
  readonly number: number;
  readonly title: string;
  /** False when the benchmark holds only Good Practice Activity: it has no compliance rating or score. */
  readonly hasCompliance: boolean;
  /** Organisations (submitted returns) at each compliance rating for this benchmark. */
  readonly counts: RatingCounts;
  /** Absent when the benchmark holds no Good Practice Activity item. */
  readonly goodPractice?: GoodPracticeCount;
  /** 0-100, rounded to a whole number; undefined when no organisation has returned or there is nothing to comply with. */
  readonly score?: number;
  readonly previousScore?: number;
  readonly movement: Movement;
  readonly notYetStarted: readonly NotYetStartedItem[];
  /** Every item of the benchmark in framework order, for the drill-down and the report. */
  readonly items?: readonly ItemSummary[];
  /** Each organisation that returned, in name order, with its rating for this benchmark. */
  readonly organisations?: readonly OrganisationRating[];
}

export interface OverdueAction {
  readonly id: string;
  readonly text: string;
  readonly owners: readonly OrganisationRef[];
  /** The date it is now due (a revised date wins over the plan's). */
  readonly dueOn: string;
}

export interface ActionPlanSummary {
  readonly total: number;
  readonly byRag: Readonly<Record<Rag, number>>;
  readonly complete: number;
  readonly overdue: readonly OverdueAction[];
}

export interface AttendanceSummary {
  readonly meetingId: string;
  readonly startsAt: string;
  /** Replied attending or sending a deputy. */
  readonly attended: readonly OrganisationRef[];
  readonly apologies: readonly OrganisationRef[];
  /** Members of the partnership with no reply at all. */
  readonly noReply: readonly OrganisationRef[];
}

export interface ComplianceSummary {
  readonly partnershipId: string;
  /** The quarterly figures (src/domain/figures), suppressed: the latest quarter and the four-quarter trend. */
  readonly figures?: FiguresContent;
  readonly round: { readonly id: string; readonly name: string; readonly closesOn: string };
  readonly previousRound?: {
    readonly id: string;
    readonly name: string;
    /** Organisations whose returns counted in the previous round. */
    readonly returned: number;
    /** Whether exactly the same organisations' returns count in both rounds: otherwise say so beside any movement. */
    readonly sameOrganisations: boolean;
  };
  /** With who answers it ("every specified authority"), when the summary was read with the framework's file. */
  readonly framework: { readonly id: string; readonly title: string; readonly version: string; readonly answeredBy?: string };
  /** Every benchmark of the framework in its order (or the one asked about). */
  readonly benchmarks: readonly BenchmarkSummary[];
  readonly overall: { readonly score?: number; readonly previousScore?: number; readonly movement: Movement; readonly goodPractice?: GoodPracticeCount };
  readonly returns: {
    readonly returned: number;
    readonly total: number;
    readonly notReturned: readonly OrganisationRef[];
    /** Organisations that must return before the score stops being provisional. */
    readonly quorum: number;
    readonly provisional: boolean;
  };
  readonly actions: ActionPlanSummary;
  /** Undefined when no meeting has been held yet. */
  readonly attendance?: AttendanceSummary;
  /** How the plan covers this financial year's Situational Assessment priorities; absent when none are recorded. */
  readonly priorities?: PriorityCoverage;
  /** ISO time the figures were read. */
  readonly generatedAt: string;
}

/** One action as the board report's action tracker lists it. */
export interface ReportAction {
  readonly action: Action;
  readonly progress?: ActionProgress;
  readonly rag: Rag;
  readonly overdue: boolean;
  readonly owners: readonly OrganisationRef[];
}

/** Everything the board report needs beyond the summary: the rows of the Home Office tool and the tracker. */
export interface BoardReportData {
  readonly summary: ComplianceSummary;
  readonly framework: Framework;
  /** The organisations the round asked (those that answer its framework), in name order. */
  readonly organisations: readonly OrganisationRef[];
  /** The round's returns (submitted or not; `submittedAt` tells which). */
  readonly returns: readonly OrganisationReturn[];
  readonly actions: readonly ReportAction[];
  /** SOP §4.1's seven areas in order: what the report is laid out by. */
  readonly areas: readonly BoardReportArea[];
}
